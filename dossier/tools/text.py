"""How dossier reads one article: its paragraphs, each with its kind (heading, body text or
furniture, and the furniture rule that matched), and the sentences of its body text, the
passages a claim is judged against. ``--furniture`` lists only what was left out as page
furniture, with the rule that left it out and where it stands (``FILE:LINE``).

The article is segmented exactly as a build segments it, with the built-in furniture rules
and those of the corpus's ``sources.yaml`` when the file is in the corpus folder.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel
from rich.console import RenderableType
from rich.text import Text

from dossier.corpus.files import ARTICLE_SUFFIXES, article_text
from dossier.corpus.furniture import FURNITURE_RULES, compile_furniture
from dossier.corpus.read import READ_TYPES
from dossier.corpus.readers.interface import Unreadable
from dossier.corpus.segment import segment_document
from dossier.corpus.sources import SOURCES_FILE, load_sources
from dossier.errors import CorpusError
from dossier.models import Document, ParagraphKind
from dossier.sanitise import one_line
from dossier.tools import terminal
from dossier.tools.terminal import Look, indented


class ReadParagraph(BaseModel):
    """A paragraph as dossier reads it: where it starts, its kind and text, and its sentences
    (body text only)."""

    line: int
    kind: ParagraphKind
    rule: str | None
    text: str
    sentences: list[str]


class ReadArticle(BaseModel):
    path: str
    sources: str | None
    """The ``sources.yaml`` whose furniture rules were added to the built-in ones, if any."""
    custom_rules: int
    paragraphs: list[ReadParagraph]
    origin: str | None = None
    """Which text this is when it is not the file's characters (``extracted from HTML``): the
    lines are that text's, which every citation's offsets point into."""
    said: list[str] = []
    """What reading the file warned of (a front matter that cannot be read)."""


def read_article_text(file: Path, corpus: Path) -> ReadArticle:
    """``file`` segmented as a build segments it (``file`` may also be named relative to the
    ``corpus`` folder)."""
    path = _found(file, corpus)
    name = path.as_posix()
    if path.is_dir():
        raise CorpusError(f"{name}: is a folder; give the path of one article in it.")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise CorpusError(f"{name}: not an article file; dossier reads {READ_TYPES} files.")
    try:
        _, extracted = article_text(str(path), path.name)
    except Unreadable as err:
        raise CorpusError(f"{name}: cannot be read: {err}.") from None
    text = extracted.text

    rules = FURNITURE_RULES
    sources_path = corpus / SOURCES_FILE
    in_corpus = corpus.resolve() in path.resolve().parents
    sources = None
    if in_corpus and sources_path.is_file():
        rules += compile_furniture(load_sources(sources_path, corpus).furniture)
        sources = sources_path.as_posix()
    document = Document.model_construct(path=name, text=text, sha256="", meta=extracted.meta)
    paragraphs, sentences = segment_document(document, rules)
    by_paragraph: dict[int, list[str]] = {}
    for start, end, paragraph_start, _ in sentences:
        by_paragraph.setdefault(paragraph_start, []).append(text[start:end])
    read = [
        ReadParagraph(
            line=terminal.line_and_column(text, p.start)[0],
            kind=p.kind,
            rule=p.rule,
            text=text[p.start : p.end],
            sentences=by_paragraph.get(p.start, []),
        )
        for p in paragraphs
    ]
    custom = len(rules) - len(FURNITURE_RULES)
    return ReadArticle(
        path=name, sources=sources, custom_rules=custom, paragraphs=read,
        origin=extracted.meta.text, said=list(extracted.said),
    )  # fmt: skip


def _found(file: Path, corpus: Path) -> Path:
    """The file named ``file``, as given or relative to the ``corpus`` folder."""
    for path in (file, corpus / file):
        try:
            if path.exists():
                return path
        except OSError as err:  # a name too long, a folder that cannot be searched
            raise CorpusError(f"{file.as_posix()}: cannot be read: {err.strerror}.") from None
    raise CorpusError(
        f"{file.as_posix()}: file not found; give the path of an article ({READ_TYPES})."
    )


# --- presentation -------------------------------------------------------------------------


def format_article(article: ReadArticle, look: Look, *, furniture: bool = False) -> str:
    """Every paragraph with its kind and sentences; ``furniture``: only the furniture."""
    path = one_line(article.path)
    if not article.paragraphs:
        return f"{path} holds no text (it is empty or only whitespace); a build skips it.\n"
    shown = [p for p in article.paragraphs if p.kind is ParagraphKind.FURNITURE or not furniture]
    items: list[RenderableType] = [Text(_summary(article, furniture), style=terminal.HEADING_STYLE)]
    if article.origin is not None:
        items.append(
            Text(f"The text {article.origin}; its lines are numbered as dossier reads it.")
        )
    items += [Text(f"Warning: {one_line(said)}") for said in article.said]
    if article.sources is not None and article.custom_rules:
        rules = f"{article.custom_rules} rule{'' if article.custom_rules == 1 else 's'}"
        items.append(Text(f"Furniture rules: built-in, and {rules} from {article.sources}."))
    for paragraph in shown:
        head = Text()
        head.append(f"{path}:{paragraph.line}", style=terminal.PATH_STYLE if look.color else "")
        head.append(f"  {paragraph.kind.value}")
        if paragraph.rule is not None:
            head.append(f" ({paragraph.rule})", style=terminal.CONTEXT_STYLE if look.color else "")
        items += [Text(""), head]
        if paragraph.sentences:
            for n, sentence in enumerate(paragraph.sentences, 1):
                items.append(indented(Text(f"[{n}] {terminal.flat(sentence)}"), 4))
        else:
            items.append(indented(Text(terminal.flat(paragraph.text)), 4))
    return terminal.render(items, look)


def _summary(article: ReadArticle, furniture: bool) -> str:
    path = one_line(article.path)
    kinds = Counter(p.kind for p in article.paragraphs)
    total = len(article.paragraphs)
    paragraphs = f"{total} paragraph{'' if total == 1 else 's'}"
    dropped = kinds[ParagraphKind.FURNITURE]
    if furniture:
        if not dropped:
            return f"{path}: no furniture; none of its {paragraphs} is left out."
        verb = "is" if dropped == 1 else "are"
        return f"{path}: {dropped} of {paragraphs} {verb} furniture, left out of judging:"
    sentences = sum(len(p.sentences) for p in article.paragraphs)
    counts = ", ".join(f"{kinds[kind]} {kind.value}" for kind in ParagraphKind if kinds[kind])
    judged = f"{sentences} sentence{'' if sentences == 1 else 's'} judged"
    return f"{path}: {paragraphs} ({counts}), {judged}:"
