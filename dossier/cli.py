"""The command line: typer only. Parse options, call the library, map errors to exit codes
(``dossier.errors.ExitCode``).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from dossier.errors import DossierError, ExitCode
from dossier.sanitise import json_text, lines, one_line

if TYPE_CHECKING:
    from dossier.incremental.build import Preparing
    from dossier.tools.terminal import Look

GC_THRESHOLDS = (100_000, 50, 100)  # the cycle collector's generations (see ``main``)

app = typer.Typer(
    name="dossier",
    help="Check claims against a corpus of articles and build a cited fact-check dossier.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F")


class _State:
    debug: bool = False
    quiet: bool = False


state = _State()


def fail(problems: str | Sequence[str], code: ExitCode = ExitCode.BAD_INPUT) -> typer.Exit:
    """Print each problem as one ``Error: ...`` line on stderr and return the Exit to raise. A
    line break or a control character inside a problem (from a file name, say) is shown escaped:
    it can neither start a line of its own nor drive the terminal."""
    for problem in [problems] if isinstance(problems, str) else problems:
        typer.echo(f"Error: {one_line(problem)}", err=True)
    return typer.Exit(code)


def emit(text: str, *, kind: str = "lines", nl: bool = True) -> None:
    """Write an output of ours on stdout, through the one sanitiser (``dossier.sanitise``):
    ``lines`` keeps its line breaks and escapes every other character that does not print,
    ``json`` escapes them inside the document's strings, ``styled`` is terminal output that
    ``tools.terminal.render`` already made safe (it holds the styles' own escape sequences)."""
    if kind == "json":
        text = json_text(text)
    elif kind != "styled":
        text = lines(text)
    typer.echo(text, nl=nl)


def chosen(formatters: Mapping[str, F], name: str) -> F:
    """The report formatter ``--format name`` chooses; an unknown name is a usage error."""
    formatter = formatters.get(name)
    if formatter is None:
        raise fail(f"--format: unknown format {name!r}; use one of {', '.join(formatters)}")
    return formatter


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one-line messages; never show a traceback unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DossierError as err:
            raise fail(err.problems, err.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as err:
            if state.debug:
                traceback.print_exc()
                raise typer.Exit(ExitCode.INTERNAL) from None
            raise fail(
                f"internal error: {type(err).__name__}: {err}. "
                "This is a bug in dossier; rerun with --debug to see the traceback.",
                ExitCode.INTERNAL,
            ) from None

    return wrapper


@app.callback()
def main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of unexpected errors.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress output (for CI).")
    ] = False,
) -> None:
    """Check claims against a corpus of articles and build a cited fact-check dossier."""
    state.debug = debug
    state.quiet = quiet
    # A command is one batch that makes millions of small objects and frees them by reference
    # counting; the cycle collector's default pace (every 700 allocations) spends 10-20% of a
    # build re-scanning what stays alive. One claim added at 50,000 articles: 3.9-4.0 s ->
    # 3.2-3.5 s.
    gc.set_threshold(*GC_THRESHOLDS)


ClaimsOption = Annotated[Path, typer.Option("--claims", help="The claims file.", show_default=True)]
CorpusOption = Annotated[
    Path, typer.Option("--corpus", help="Folder of article texts (.txt, .md).", show_default=True)
]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder.", show_default=True)]
CacheDirOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="Where to keep what was computed, so that the next run redoes only what changed. "
        "[default: .dossier/cache beside the claims file]",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Compute everything afresh; read and write no cache.")
]


def _cache_dir(claims: Path, cache_dir: Path | None, no_cache: bool) -> Path | None:
    from dossier.incremental.cache import default_dir

    return None if no_cache else cache_dir or default_dir(claims)


@contextlib.contextmanager
def _preparing(claims: Path | None, cache_dir: Path | None, no_cache: bool) -> Iterator[Preparing]:
    """How a command other than build gets the corpus ready: through the cache beside the
    claims file (when there is one), with warnings and a progress bar."""
    from dossier.incremental.build import Preparing

    cache = _cache_dir(claims, cache_dir, no_cache) if claims is not None else None
    with _progress() as progress:
        yield Preparing(cache_dir=cache, warn=_warn, progress=progress)


@app.command()
@handle_errors
def build(
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    out: OutOption = Path("out"),
    format: Annotated[
        str,
        typer.Option("--format", help="Comma-separated outputs: html, pdf, json."),
    ] = "html,pdf,json",
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Processes that analyse articles. [default: the CPU count]"
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            envvar="DOSSIER_SCHEDULER",
            help="Analyse the articles and judge the claims on a Dask cluster: its scheduler's "
            "address (tcp://HOST:8786), or local:N for N worker processes started for the build "
            "(docs/cluster.md). [default: local processes]",
        ),
    ] = None,
    shards: Annotated[
        int,
        typer.Option(
            "--shards",
            min=1,
            envvar="DOSSIER_SHARDS",
            help="Write the search index in N shards side by side, each article in the shard "
            "of its path's hash; the dossier is the same (docs/cluster.md). [default: 1]",
            show_default=False,
        ),
    ] = 1,
    published: Annotated[
        bool,
        typer.Option(
            "--published",
            help="The published edition: only the claims an editor gave a verdict, each with "
            "only the citations accepted or added (exit 2 when no claim has one).",
        ),
    ] = False,
) -> None:
    """Build the dossier from the claims and the corpus.

    Example: [bold]dossier build --claims claims.yaml --corpus corpus --out out --format json[/]
    """
    from dossier import pipeline
    from dossier.executors.choose import on_cluster
    from dossier.incremental import build as incremental
    from dossier.render.output import parse_formats
    from dossier.render.view import plural
    from dossier.retrieval.sharded import sharding

    formats = parse_formats(format)
    cache = _cache_dir(claims, cache_dir, no_cache)
    with on_cluster(scheduler), sharding(shards), _progress() as progress:
        if cache is None:
            built = pipeline.build_dossier(
                claims, corpus, out, formats, warn=_warn, progress=progress, workers=workers,
                published=published,
            )  # fmt: skip
        else:
            built = incremental.build_dossier(
                claims, corpus, out, formats, cache, warn=_warn, progress=progress,
                workers=workers, published=published,
            )  # fmt: skip
    if not state.quiet:
        summary = ", ".join(f"{n} {v}" for v, n in built.verdicts)
        checked = f"{plural(built.claims, 'claim')} checked against "
        if published:
            edition = plural(built.claims, "reviewed claim")
            checked = f"published edition: {edition}, checked against "
        checked += plural(built.documents, "article")
        emit(f"{checked}: {summary}" if summary else checked)
        for path in built.written:
            emit(f"wrote {one_line(str(path))}")


def _warn(message: str) -> None:
    # File names come from the corpus: a newline or an escape sequence in one must not forge
    # an Error: line or drive the terminal.
    typer.echo(f"Warning: {one_line(message)}", err=True)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on stderr for long runs (none with --quiet or when stderr is no terminal)."""
    console = None if state.quiet else _stderr_console()
    if console is None or not console.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=console) as bar:
        tasks: dict[str, Any] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done)

        yield update


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@app.command()
@handle_errors
def validate(
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Also check this corpus folder's sources.yaml "
            "[default: the corpus folder beside the claims file, if there is one].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the claims file and corpus/sources.yaml; report every problem, with line and column.

    Example: [bold]dossier validate --claims claims.yaml[/]
    """
    from dossier.claims.load import load_claims
    from dossier.corpus.sources import SOURCES_FILE
    from dossier.tools.sources import validate_sources

    root = corpus if corpus is not None else claims.parent / "corpus"
    problems: list[str] = []
    report: list[str] = []
    try:
        count = len(load_claims(claims).claims)
        report.append(f"{claims}: {count} claim{'' if count == 1 else 's'}, all valid")
    except DossierError as err:
        problems.extend(err.problems)
    if corpus is not None or (root / SOURCES_FILE).is_file():
        try:
            report.append(validate_sources(root))
        except DossierError as err:
            problems.extend(err.problems)
    if problems:
        raise fail(problems)
    emit("\n".join(report))


@app.command()
@handle_errors
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="The folder to start the dossier in (created when missing)."
        ),
    ] = Path("."),
    force: Annotated[
        bool, typer.Option("--force", help="Replace the files of the same names that exist.")
    ] = False,
) -> None:
    """Start a dossier: claims.yaml, corpus/, .gitignore, a CI workflow and a pre-commit hook.

    It never writes over a file unless given --force.

    Example: [bold]dossier init harbour-bridge && cd harbour-bridge[/]
    """
    import datetime as dt

    from dossier.tools.init import format_initialised, init_project

    result = init_project(folder, dt.date.today(), force=force)
    if not state.quiet:
        emit(format_initialised(result), nl=False)


@app.command("import")
@handle_errors
def import_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|URL",
            help="Article files (.txt, .md, .html, .pdf) or http(s) addresses of articles.",
        ),
    ],
    corpus: CorpusOption = Path("corpus"),
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.001, help="Seconds a download may take, in all."),
    ] = 30.0,
) -> None:
    """Copy or fetch articles into the corpus, named by outlet, date and title, and describe
    each in corpus/sources.yaml with what the file says of itself.

    Example: [bold]dossier import saved/bridge.html https://example.org/news/bridge[/]
    """
    from dossier.tools.importer import Failed, describe, import_articles

    failed = False
    for result in import_articles(sources, corpus, timeout=timeout, warn=_warn):
        if isinstance(result, Failed):
            fail(result.problem)
            failed = True
        else:
            shown = one_line(result.path.as_posix())
            emit(f"imported {one_line(result.source)} -> {shown} ({describe(result)})")
    if failed:
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command()
@handle_errors
def schema(
    sources: Annotated[
        bool,
        typer.Option("--sources", help="The schema of corpus/sources.yaml instead."),
    ] = False,
) -> None:
    """Print the JSON Schema of the claims file (for editors that check YAML as you type).

    Example: [bold]dossier schema > schema/claims.schema.json[/]
    (and [bold]dossier schema --sources > schema/sources.schema.json[/])
    """
    from dossier.claims.load import claims_json_schema_text
    from dossier.tools.sources import sources_json_schema_text

    emit(
        sources_json_schema_text() if sources else claims_json_schema_text(), kind="json", nl=False
    )


LockOption = Annotated[
    Path | None,
    typer.Option(
        "--lock",
        help="The lock file [default: dossier.lock beside the claims file].",
        show_default=False,
    ),
]


@app.command("lock")
@handle_errors
def lock_command(
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    lock: LockOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Record every claim's verdict and the citations it rests on in dossier.lock.

    Example: [bold]dossier lock --claims claims.yaml --corpus corpus[/]
    """
    from dossier.lock.lock import default_lock_path, lock_claims

    path = lock or default_lock_path(claims)
    with _preparing(claims, cache_dir, no_cache) as how:
        written = lock_claims(claims, corpus, path, how)
    if not state.quiet:
        citations = sum(len(c.citations) for c in written.claims.values())
        emit(f"wrote {one_line(str(path))}: {len(written.claims)} claims, {citations} citations")


@app.command("check")
@handle_errors
def check_command(
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    lock: LockOption = None,
    format: Annotated[
        str, typer.Option("--format", help="Output: text, github (annotations) or json.")
    ] = "text",
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    fail_on_new_evidence: Annotated[
        bool,
        typer.Option(
            "--fail-on-new-evidence",
            help="Fail when the tool finds evidence no editor reviewed for a reviewed claim "
            "(otherwise a note).",
        ),
    ] = False,
) -> None:
    """Re-judge every claim and re-anchor its locked citations; exit 1 when a claim lost support
    or a citation an editor approved no longer holds.

    Example: [bold]dossier check --format github[/]
    """
    from dossier.lock.check import FORMATTERS, check_lock
    from dossier.lock.lock import default_lock_path

    formatter = chosen(FORMATTERS, format)
    with _preparing(claims, cache_dir, no_cache) as how:
        report = check_lock(
            claims, corpus, lock or default_lock_path(claims), how,
            new_evidence_fails=fail_on_new_evidence,
        )  # fmt: skip
    emit(formatter(report), kind="json" if format == "json" else "lines", nl=False)
    if not report.ok:
        raise typer.Exit(ExitCode.CHECK_FAILED)


@app.command("eval")
@handle_errors
def eval_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="A seed gold file (claims, verdicts and quotes; judged on --corpus), or topics: "
            "folders holding gold.yaml, claims.yaml and corpus/ (or their gold.yaml)."
        ),
    ],
    corpus: Annotated[
        Path,
        typer.Option("--corpus", help="Folder of article texts, for a seed gold file."),
    ] = Path("corpus"),
    with_: Annotated[
        list[Path] | None,
        typer.Option(
            "--with", help="An extra folder of articles (distractors) for a seed gold file."
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text",
) -> None:
    """Measure verdicts and citations against gold files (always exit 0).

    Example: [bold]dossier eval tests/gold/seeds.yaml --with /data/news[/]; for topics:
    [bold]dossier eval topics/*/[/]
    """
    from dossier.tools.evaluate import FORMATTERS, run_eval

    formatter = chosen(FORMATTERS, format)
    with _progress() as progress:
        report = run_eval(gold, corpus, with_, warn=_warn, progress=progress)
    emit(formatter(report), kind="json" if format == "json" else "lines", nl=False)


@app.command()
@handle_errors
def add(
    text: Annotated[str, typer.Argument(help="The claim, as a fact-checker would phrase it.")],
    claim_id: Annotated[
        str | None, typer.Option("--id", help="Its slug; made from the text when not given.")
    ] = None,
    expect: Annotated[
        str | None,
        typer.Option(
            "--expect",
            help="The verdict the editors expect: supported, contradicted, disputed, unverified.",
        ),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="A label for the claim; repeat for more.")
    ] = None,
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    evidence: Annotated[
        bool,
        typer.Option(
            "--evidence/--no-evidence", help="Show what the corpus says about the new claim."
        ),
    ] = True,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Append a claim to the claims file (layout kept); print its id and the corpus's evidence.

    The evidence is shown as [bold]dossier explain[/] shows it.

    Example: [bold]dossier add "About 500 US troops are in Syria." --expect disputed --tag us[/]
    """
    from dossier.claims.edit import add_claim, parse_verdict
    from dossier.errors import CorpusError
    from dossier.tools.explain import explain_claim, format_explanation

    verdict = parse_verdict(expect) if expect is not None else None
    claim = add_claim(claims, text, id=claim_id, expect=verdict, tags=tag or [])
    emit(claim.id)
    if not evidence:
        return
    try:
        with _preparing(claims, cache_dir, no_cache) as how:
            explained = explain_claim(claims, corpus, claim.id, how)
    except CorpusError as err:
        for problem in err.problems:
            _warn(problem)
        _warn(
            f"the claim was added to {claims}, but its evidence cannot be shown until the "
            f"corpus can be read; then run: dossier explain {claim.id}"
        )
        return
    emit("")
    _show(lambda look: format_explanation(explained, look))


def _show(format_with: Callable[[Look], str]) -> None:
    """Terminal output of ``tools.terminal``: styled on a terminal, plain text elsewhere."""
    look = _look()
    emit(format_with(look), kind="styled" if look.color else "lines", nl=False)


def _look() -> Look:
    """Styled output on a terminal (at its width), plain text anywhere else."""
    import shutil
    import sys

    from dossier.tools.terminal import PLAIN, Look

    if sys.stdout.isatty():
        return Look(color=True, width=shutil.get_terminal_size().columns)
    return PLAIN


@app.command()
@handle_errors
def explain(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The id of a claim in the file.")],
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    candidates: Annotated[
        bool,
        typer.Option(
            "--candidates",
            help="Then list the passages retrieved but not cited, each with the rule that "
            "left it out.",
        ),
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", help="With --candidates: list at most this many.")
    ] = 10,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one claim's verdict and every quote behind it, in its paragraph, with its source.

    Example: [bold]dossier explain us-troops-in-syria --candidates[/]
    """
    from dossier.tools.explain import explain_claim, format_explanation

    listed = limit if candidates else None
    with _preparing(claims, cache_dir, no_cache) as how:
        explained = explain_claim(claims, corpus, claim_id, how, candidates=listed)
    _show(lambda look: format_explanation(explained, look))


@app.command()
@handle_errors
def search(
    query: Annotated[str, typer.Argument(help="Words, a name or a figure, e.g. '65 percent'.")],
    corpus: CorpusOption = Path("corpus"),
    claims: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            help="The claims file whose aliases to use [default: claims.yaml, if there is one].",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many passages.")] = 10,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Find the passages of the corpus that mention some words or a figure, with their sources.

    Example: [bold]dossier search "Deir al-Zour 65 percent"[/]
    """
    from dossier.tools.search import format_search, search_corpus

    if claims is None and Path("claims.yaml").is_file():
        claims = Path("claims.yaml")
    with _preparing(claims, cache_dir, no_cache) as how:
        result = search_corpus(corpus, query, claims_path=claims, limit=limit, how=how)
    _show(lambda look: format_search(result, look))


@app.command("text")
@handle_errors
def text_command(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="An article, e.g. corpus/003_x.txt.")
    ],
    furniture: Annotated[
        bool,
        typer.Option(
            "--furniture", help="List only what is left out as page furniture, with its rule."
        ),
    ] = False,
    corpus: CorpusOption = Path("corpus"),
) -> None:
    """Show how dossier reads an article: its paragraphs, their kinds and the sentences judged.

    Example: [bold]dossier text corpus/003_x.txt --furniture[/]
    """
    from dossier.tools.text import format_article, read_article_text

    article = read_article_text(file, corpus)
    _show(lambda look: format_article(article, look, furniture=furniture))


source_app = typer.Typer(
    name="source",
    help="Show and edit what is known about each article (corpus/sources.yaml).",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(source_app)


@source_app.command("list")
@handle_errors
def source_list(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Articles to show, as named in sources.yaml [default: all]."),
    ] = None,
    corpus: CorpusOption = Path("corpus"),
) -> None:
    """Show the title, outlet, date, URL and notes known for each article.

    Example: [bold]dossier source list[/]
    """
    from dossier.tools.sources import format_listing, list_sources

    _show(lambda look: format_listing(list_sources(corpus, files), look))


def _field(name: str, help: str) -> Any:
    return typer.Option(name, help=f"{help} An empty value clears it.", show_default=False)


@source_app.command("set")
@handle_errors
def source_set(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="The article, e.g. 003_x.txt or corpus/003_x.txt.")
    ],
    title: Annotated[str | None, _field("--title", "The article's headline.")] = None,
    outlet: Annotated[str | None, _field("--outlet", "Who published it.")] = None,
    date: Annotated[str | None, _field("--date", "Publication date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, _field("--url", "Where it was published, http(s)://...")] = None,
    note: Annotated[
        str | None, _field("--note", "What a reader should know, e.g. 'state-affiliated outlet'.")
    ] = None,
    corpus: CorpusOption = Path("corpus"),
) -> None:
    """Set what is known about one article in corpus/sources.yaml, keeping the rest of the file.

    Example: [bold]dossier source set 003_x.txt --outlet firstpost.com --date 2017-09-21[/]
    """
    from dossier.corpus.sources import SOURCES_FILE
    from dossier.tools.sources import format_set, set_source

    given = {"title": title, "outlet": outlet, "date": date, "url": url, "notes": note}
    changes = {field: value for field, value in given.items() if value is not None}
    name, meta = set_source(corpus, file, changes)
    path = (corpus / SOURCES_FILE).as_posix()
    _show(lambda look: format_set(path, name, meta, look))


@source_app.command("remove")
@handle_errors
def source_remove(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="The article's name in sources.yaml, e.g. 003_x.txt; the file may be gone.",
        ),
    ],
    corpus: CorpusOption = Path("corpus"),
) -> None:
    """Remove an article's entry from corpus/sources.yaml (after the article was removed).

    Example: [bold]dossier source remove 003_x.txt[/]
    """
    from dossier.corpus.sources import SOURCES_FILE
    from dossier.tools.sources import remove_source

    name = remove_source(corpus, file)
    emit(f"{(corpus / SOURCES_FILE).as_posix()}: removed {one_line(name)}")


@app.command()
@handle_errors
def review(
    claim_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID...]",
            help="The claims to review (none: every claim not yet reviewed, or with new evidence).",
            show_default=False,
        ),
    ] = None,
    accept_all: Annotated[
        bool,
        typer.Option(
            "--accept-all",
            help="Accept every citation of the claims named; their verdict, unless given, is "
            "the tool's on what was accepted.",
        ),
    ] = False,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            metavar="CITATION",
            help="Accept a citation: its number as `dossier explain` shows it, its place "
            "(corpus/a.txt:12) or a few of its words. Repeat for more.",
        ),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            metavar="CITATION",
            help="Reject a citation (named as for --accept): it never comes back.",
        ),
    ] = None,
    add_quote: Annotated[
        str | None,
        typer.Option(
            "--add",
            metavar="QUOTE",
            help="Cite a passage the tool missed, word for word (with --source and --stance).",
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="FILE", help="The article of --add.")
    ] = None,
    stance: Annotated[
        str | None,
        typer.Option("--stance", help="What the --add passage does: supports or conflicts."),
    ] = None,
    verdict: Annotated[
        str | None,
        typer.Option(
            "--verdict",
            help="The editor's verdict: supported, contradicted, disputed or unverified.",
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="Why, for the reader (empty: remove it).")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            envvar="DOSSIER_EDITOR",
            help="Who decides, recorded on the review (or $DOSSIER_EDITOR).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD|today",
            help="The date recorded on the review; 'today' reads the clock. [default: none]",
            show_default=False,
        ),
    ] = None,
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Accept or reject each citation, add what the tool missed and set the verdict to publish.

    Without options it walks the claims that need a person, citation by citation:
    [bold]a[/] accept, [bold]r[/] reject, [bold]s[/] skip, [bold]v[/] verdict now, [bold]q[/] quit.
    Every decision is written to the claims file at once.

    Example: [bold]dossier review --by "J. Doe" --date today[/]
    For scripts: [bold]dossier review ID --reject 2 --verdict disputed --note "..."[/]
    [bold]dossier review ID --add "the words" --source 003_x.txt --stance conflicts[/]
    """
    import datetime as dt

    from dossier.review.actions import Editor, parse_date
    from dossier.review.session import LOCK_HINT, Asked, run_asked, walk

    editor = Editor(
        by=by.strip() or None if by is not None else None,
        date=parse_date(date, dt.date.today()) if date is not None else None,
    )
    asked = Asked(
        accept_all=accept_all,
        accept=tuple(accept or ()),
        reject=tuple(reject or ()),
        add=add_quote,
        source=source,
        stance=_stance(stance) if stance is not None else None,
        verdict=_verdict(verdict) if verdict is not None else None,
        note=note,
    )
    ids = list(claim_ids or [])
    with _preparing(claims, cache_dir, no_cache) as how:
        if asked.anything:
            emit("\n".join(run_asked(claims, corpus, ids, asked, editor, how)))
            return
        walked = walk(claims, corpus, ids, editor, _KeyTerminal(), _look(), how)
    if walked.claims or walked.quit:
        done = f"{walked.decisions} citation decision(s), {walked.verdicts} verdict(s) recorded"
        left = ""
        if walked.quit:
            shown = ", ".join(walked.left[:5]) + (", ..." if len(walked.left) > 5 else "")
            left = f"; {len(walked.left)} claim(s) left: {shown}"
        emit(f"{done}{left}.")
        if walked.decisions or walked.verdicts:
            emit(LOCK_HINT)


def _verdict(value: str) -> Any:
    from dossier.models import Verdict

    try:
        return Verdict(value)
    except ValueError:
        choices = ", ".join(v.value for v in Verdict)
        raise fail(f"--verdict: {value!r} is not a verdict; use one of {choices}") from None


def _stance(value: str) -> Any:
    from dossier.models import Stance

    try:
        return Stance(value)
    except ValueError:
        raise fail(f"--stance: {value!r} is not a stance; use supports or conflicts") from None


class _KeyTerminal:
    """``dossier review`` at the terminal: one key at a time (no Enter needed); a closed
    input is q."""

    def show(self, text: str) -> None:
        emit(text, kind="styled" if _look().color else "lines", nl=False)

    def key(self, prompt: str) -> str:
        import sys

        import click

        typer.echo(f"{one_line(prompt)} > ", nl=False)
        try:  # keys piped in (a script, a test) are read one character at a time
            key = click.getchar() if sys.stdin.isatty() else sys.stdin.read(1)
        except (EOFError, KeyboardInterrupt):
            key = "q"
        typer.echo(one_line(key) if key not in {"\r", "\n"} else "")
        if key in {"\r", "\n"}:
            return ""
        return "q" if key in {"\x03", "\x04", ""} else key

    def line(self, prompt: str, default: str) -> str:
        try:
            value: str = typer.prompt(prompt, default=default, show_default=False)
        except (EOFError, typer.Abort):
            return default
        return value
