"""Write a claim's review into the claims file, leaving every other byte of the file as it was.

The review is the claim's ``review:`` key, written by dossier: it replaces the old one (the
lines from ``review:`` to its last value) or, for a claim not yet reviewed, goes after the
claim's last line. Comments, blank lines, order and quoting elsewhere in the file are kept; a
comment written inside a ``review:`` block is not (the block is dossier's). The edited file is
read back and checked before it replaces the old one (written beside it, then renamed), so a
failed write leaves the file whole.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from dossier.atomic import replace_file
from dossier.claims.edit import end_index, line_end
from dossier.claims.load import CLAIMS, claims_of
from dossier.models import ClaimSet, Review
from dossier.yamlfile import parse_yaml, place_of, read_yaml

WIDTH = 1_000_000  # a quote stays on one line: folded, it would end lines with spaces


def write_review(path: Path, claim_id: str, review: Review | None) -> ClaimSet:
    """Set the review of the claim ``claim_id`` (None: remove it) in the claims file at
    ``path``; returns the claims as the file now has them."""
    name = str(path)
    doc = read_yaml(path, CLAIMS)
    before = claims_of(doc)
    root = doc.root
    assert isinstance(root, MappingNode)  # the file was validated
    item = _claim_node(root, claim_id)
    if item is None:
        raise CLAIMS.fail([f"{name}: no claim has the id '{claim_id}'"])
    if item.flow_style:
        raise CLAIMS.fail(
            [
                f"{name}:{place_of(item.start_mark)}: the claim '{claim_id}' is written in braces "
                "{...}; write one 'key: value' per line so that dossier review can record its "
                "review"
            ]
        )
    text = doc.text
    newline = "\r\n" if "\r\n" in text else "\n"
    column = item.value[0][0].start_mark.column
    block = "" if review is None else _block(review, column, newline)
    old = next(((k, v) for k, v in item.value if k.value == "review"), None)
    if old is not None:
        key, value = old
        start = key.start_mark.index - key.start_mark.column
        end = line_end(text, end_index(value))
    else:
        start = end = line_end(text, end_index(item))
    if end > len(text):  # the claim ends the file, without a final line break
        text += newline
        start, end = min(start, len(text)), len(text)
    new_text = text[:start] + block + text[end:]
    after = claims_of(parse_yaml(new_text, name, CLAIMS))
    expected = [
        c.model_copy(update={"review": review}) if c.id == claim_id else c for c in before.claims
    ]
    if after.claims != expected:  # pragma: no cover - a bug of ours
        raise CLAIMS.fail([f"{name}: could not record the review safely; the file is unchanged"])
    has_bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    replace_file(path, ("\ufeff" if has_bom else "") + new_text)
    return after


def _claim_node(root: MappingNode, claim_id: str) -> MappingNode | None:
    seq = next((v for k, v in root.value if k.value == "claims"), None)
    if not isinstance(seq, SequenceNode):
        return None
    for item in seq.value:
        if isinstance(item, MappingNode):
            for k, v in item.value:
                if k.value == "id" and isinstance(v, ScalarNode) and v.value == claim_id:
                    return item
    return None


def _block(review: Review, column: int, newline: str) -> str:
    """``review:`` and its fields as YAML lines, indented to the claim's keys."""
    out = io.StringIO()
    yaml = YAML(typ="rt", pure=True)
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(CommentedMap({"review": _plain(review)}), out)
    pad = " " * column
    lines = out.getvalue().splitlines()
    return "".join(pad + line + newline if line else newline for line in lines)


def _plain(review: Review) -> CommentedMap:
    """The review as YAML values, in the model's order, without empty fields."""
    data = review.model_dump(mode="python", exclude_defaults=True)
    data.pop("citations", None)
    mapping = CommentedMap((k, _value(v)) for k, v in data.items())
    if review.citations:
        mapping["citations"] = CommentedSeq(
            CommentedMap(
                (k, _value(v))
                for k, v in c.model_dump(mode="python", exclude_defaults=True).items()
            )
            for c in review.citations
        )
    return mapping


def _value(value: Any) -> Any:
    return getattr(value, "value", value)  # an enum's value; any other value as it is
