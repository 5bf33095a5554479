"""Compile WordNet 3.0's irregular verb forms into the table dossier ships
(dossier/lexicon/irregular.py), so that "told" meets "tell" and "ran" meets "run".

usage: python scripts/build_irregular.py [--wordnet /usr/share/wordnet] [--out PATH]

Reads ``verb.exc`` (each irregular form and its base) from Debian's ``wordnet-base`` and keeps
the forms that are no word of their own: a form WordNet also lists as a noun or a verb lemma
("found", "saw", "left", "wound", "shot") keeps its own stem, as a word with two readings
should. Only forms and bases of letters are kept. The module is written sorted, so the same
WordNet gives the same bytes; the build cache hashes it with the rest of the package's code.

Run it before ``scripts/build_wordnet.py``: the synonym table's keys are the analyzer's stems,
which read this table. WordNet 3.0 is Copyright 2006 by Princeton University, used under the
WordNet 3.0 licence (dossier/lexicon/data/WORDNET-LICENSE).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

DEFAULT_WORDNET = Path("/usr/share/wordnet")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "dossier/lexicon/irregular.py"
_WORD_RE = re.compile(r"[a-z]+")


def lemmas(wordnet: Path) -> set[str]:
    """Every noun and verb lemma WordNet lists."""
    found: set[str] = set()
    for pos in ("noun", "verb"):
        for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith(" "):
                found.add(line.split()[0])
    return found


def irregular(wordnet: Path) -> dict[str, str]:
    """Each irregular verb form that is no word of its own, to its base (the first WordNet
    gives)."""
    words = lemmas(wordnet)
    forms: dict[str, str] = {}
    for line in (wordnet / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, base, *_ = line.split()
        letters = _WORD_RE.fullmatch(form) and _WORD_RE.fullmatch(base)
        if letters and form != base and form not in words and form not in forms:
            forms[form] = base
    return forms


def module(forms: dict[str, str]) -> str:
    """The Python module holding the table."""
    rows = "".join(f'    "{form}": "{base}",\n' for form, base in sorted(forms.items()))
    return (
        '"""Irregular verb forms and their bases, from WordNet 3.0\'s verb.exc (forms that are no\n'
        "word of their own). Written by scripts/build_irregular.py; do not edit by hand.\n"
        'WordNet 3.0 is Copyright 2006 by Princeton University (data/WORDNET-LICENSE)."""\n\n'
        f"IRREGULAR_FORMS: dict[str, str] = {{\n{rows}}}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    forms = irregular(args.wordnet)
    args.out.write_text(module(forms), encoding="utf-8")
    print(f"{args.out}: {len(forms)} forms")


if __name__ == "__main__":
    main()
