"""Add a claim to the claims file, leaving every other byte of it (comments, order, quoting) as
it was: ``dossier add``."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from dossier.atomic import replace_file
from dossier.claims.load import CLAIMS, claims_of, complaint, show, slugify
from dossier.models import Claim, Verdict
from dossier.yamlfile import parse_yaml, place_of, read_yaml


def parse_verdict(value: str) -> Verdict:
    """The verdict named ``value``, or a ``ClaimsError`` listing the verdicts there are."""
    try:
        return Verdict(value)
    except ValueError:
        choices = ", ".join(v.value for v in Verdict)
        raise CLAIMS.fail([f"{show(value)} is not a verdict; use one of {choices}"]) from None


def add_claim(
    path: Path, text: str, *, id: str | None, expect: Verdict | None, tags: list[str]
) -> Claim:
    """Append a claim to the claims file, leaving every other byte of the file as it was.

    The file must be valid to begin with. Without ``id`` the claim gets a slug made from its
    text, unique in the file. The edited file is validated before it replaces the old one
    (written beside it, then renamed), so a failed add leaves the file untouched.
    """
    name = str(path)
    doc = read_yaml(path, CLAIMS)
    claim_set, old_text, root = claims_of(doc), doc.text, doc.root
    assert isinstance(root, MappingNode)  # the file was validated
    taken = {claim.id: claim_set.lines[claim.id] for claim in claim_set.claims}
    if id is not None and id in taken:
        raise CLAIMS.fail(
            [f"{name}:{taken[id]}: the id '{id}' is already taken here; choose another with --id"]
        )
    fields: dict[str, Any] = {"id": _unique_slug(text, taken) if id is None else id, "text": text}
    if expect is not None:
        fields["expect"] = expect
    if tags:
        fields["tags"] = tags
    try:
        claim = Claim.model_validate(fields)
    except ValidationError as err:
        raise CLAIMS.fail(
            [
                f"{name}: the new claim's {e['loc'][0]}: "
                f"{complaint(e, ('claims', len(taken), *e['loc']), str(e['loc'][0]), Claim)}"
                for e in err.errors()
            ]
        ) from None
    new_text = _append_claim(old_text, root, claim, name)
    new_set = claims_of(parse_yaml(new_text, name, CLAIMS))
    if new_set.claims != [*claim_set.claims, claim]:  # pragma: no cover - a bug of ours
        raise CLAIMS.fail([f"{name}: could not add the claim safely; add it by hand"])
    has_bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    replace_file(path, ("\ufeff" if has_bom else "") + new_text)
    return claim


def _unique_slug(text: str, taken: Mapping[str, int]) -> str:
    base = slugify(text)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _append_claim(text: str, root: MappingNode, claim: Claim, name: str) -> str:
    """``text`` with ``claim`` written as a new last item of its ``claims:`` list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    key, seq = next((k, v) for k, v in root.value if k.value == "claims")
    assert isinstance(seq, SequenceNode)  # the file was validated
    if seq.flow_style and seq.value:
        raise CLAIMS.fail(
            [
                f"{name}:{place_of(seq.start_mark)}: claims: written in brackets [...]; "
                "write one '- ' item per line so that dossier add can append to it"
            ]
        )
    if seq.flow_style:  # 'claims: []': drop the brackets, the item goes on the next line
        dash, content = key.start_mark.column + 2, key.start_mark.column + 4
        text = text[: seq.start_mark.index] + text[seq.end_mark.index :]
        at, gap = line_end(text, seq.start_mark.index), ""
    else:
        dash = seq.start_mark.column
        first = seq.value[0]
        content = dash + 2 if first.flow_style else max(first.start_mark.column, dash + 2)
        at = line_end(text, end_index(seq.value[-1]))
        spaced = len(seq.value) > 1 and _blank_line_between(text, *seq.value[-2:])
        gap = newline if spaced else ""
    if at > len(text):  # the last claim ends the file, without a final line break
        text, at = text + newline, len(text) + len(newline)
    lines = _dump_item(claim).splitlines()
    block = [" " * dash + "-" + " " * (content - dash - 1) + lines[0]]
    block += [" " * content + line if line else "" for line in lines[1:]]
    return text[:at] + gap + "".join(line + newline for line in block) + text[at:]


def _blank_line_between(text: str, before: Node, after: Node) -> bool:
    gap = text[end_index(before) : after.start_mark.index]
    return re.search(r"\n[ \t]*\r?\n", gap) is not None


def end_index(node: Node) -> int:
    """Where the last value inside ``node`` ends in the text (block scalars end late)."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return int(node.end_mark.index)


def line_end(text: str, index: int) -> int:
    """The start of the line after the last non-blank text before ``index``."""
    index = len(text[:index].rstrip(" \t\r\n"))
    newline = text.find("\n", index)
    return len(text) + 1 if newline == -1 else newline + 1


def _dump_item(claim: Claim) -> str:
    """The claim as YAML, keys in the model's order, tags as a [flow, list]."""
    item = CommentedMap()
    for field, value in claim.model_dump(mode="json", exclude_defaults=True).items():
        if isinstance(value, list):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        item[field] = value
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 88
    out = io.StringIO()
    yaml.dump(item, out)
    return out.getvalue()
