"""Where work runs: a function mapped over tasks, in this process or in worker processes."""
