"""The claims file: loading, validating and editing claims.yaml."""
