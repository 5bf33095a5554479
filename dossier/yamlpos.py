"""Where in a YAML file a problem is: pydantic error locations mapped to line and column.

Shared by every loader that validates a round-trip (ruamel.yaml) tree with a pydantic model
and reports problems as ``path:line:col: message``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.comments import CommentedMap, CommentedSeq

M = TypeVar("M", bound=BaseModel)
Problem = tuple[int, int, str]  # (line, column, message), both 1-based


def position(node: Any, loc: tuple[int | str, ...], *, at_key: bool = False) -> tuple[int, int]:
    """The 1-based (line, column) of the deepest YAML node along a pydantic error location.

    With ``at_key``, a mapping entry is located by its key rather than its value (for a key
    that should not be there).
    """
    line, col = 0, 0
    for i, key in enumerate(loc):
        if isinstance(node, CommentedMap) and key in node:
            last = i == len(loc) - 1
            use_key = node[key] is None or (at_key and last)
            line, col = node.lc.key(key) if use_key else node.lc.value(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line, col = node.lc.item(key)
            node = node[key]
        else:
            break
    return line + 1, col + 1


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def loc_text(loc: tuple[int | str, ...]) -> str:
    """``sources["a.txt"].date``: a readable path to a field of the sidecar."""
    text = ""
    for key in loc:
        if isinstance(key, int):
            text += f"[{key}]"
        elif _IDENTIFIER.match(key):
            text += f".{key}" if text else key
        else:
            text += f'["{key}"]'
    return text


def validate_located(
    model: type[M],
    data: Any,
    explain: Callable[[ErrorDetails], str | None] | None = None,
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` with ``model``; each problem comes with the line and column it is at.

    ``explain`` may word an error for the reader (``None``: pydantic's own message).
    """
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        problems: list[Problem] = []
        for error in err.errors():
            loc = tuple(error["loc"])
            line, col = position(data, loc, at_key=error["type"] == "extra_forbidden")
            what = loc_text(loc)
            message = (explain(error) if explain else None) or f"{error['msg']}."
            problems.append((line, col, f"{what + ': ' if what else ''}{message}"))
        return None, problems
