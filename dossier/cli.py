"""The command line: typer only. Parse options, call the library, map errors to exit codes.

Exit codes: 0 success; 1 a check failed (see `dossier check`); 2 bad input or usage;
3 an unexpected internal error (a bug: rerun with --debug for the traceback).
"""

from __future__ import annotations

import contextlib
import functools
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from dossier.errors import DossierError

app = typer.Typer(
    name="dossier",
    help="Check claims against a corpus of articles and build a cited fact-check dossier.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

P = ParamSpec("P")
R = TypeVar("R")

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class _State:
    debug: bool = False
    quiet: bool = False


state = _State()


def fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    """Print every line of ``message`` as ``Error: ...`` on stderr and return the Exit to raise."""
    for line in message.splitlines() or [message]:
        typer.echo(f"Error: {line}", err=True)
    return typer.Exit(code)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one-line messages; never show a traceback unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DossierError as err:
            raise fail(str(err), err.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as err:
            if state.debug:
                traceback.print_exc()
                raise typer.Exit(EXIT_INTERNAL) from None
            raise fail(
                f"internal error: {type(err).__name__}: {err}. "
                "This is a bug in dossier; rerun with --debug to see the traceback.",
                EXIT_INTERNAL,
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


ClaimsOption = Annotated[Path, typer.Option("--claims", help="The claims file.", show_default=True)]
CorpusOption = Annotated[
    Path, typer.Option("--corpus", help="Folder of article texts (.txt, .md).", show_default=True)
]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder.", show_default=True)]


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
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            help="Where to keep what the build computed, so the next build redoes only what "
            "changed. [default: .dossier/cache beside the claims file]",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Compute everything afresh; read and write no cache.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Processes that analyse articles. [default: the CPU count]"
        ),
    ] = None,
) -> None:
    """Build the dossier from the claims and the corpus.

    Example: [bold]dossier build --claims claims.yaml --corpus corpus --out out --format json[/]
    """
    from dossier.cache import default_dir
    from dossier.pipeline import build_report, parse_formats
    from dossier.render import write_outputs

    formats = parse_formats(format)
    cache = None if no_cache else cache_dir or default_dir(claims)
    with _progress() as progress:
        report = build_report(
            claims, corpus, warn=_warn, progress=progress, cache_dir=cache, workers=workers
        )
    written = write_outputs(report, out, formats)
    if not state.quiet:
        counts = Counter(c.verdict.value for c in report.claims)
        summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
        typer.echo(
            f"{len(report.claims)} claims checked against {report.documents} articles: {summary}"
        )
        for path in written:
            typer.echo(f"wrote {path}")


def _warn(message: str) -> None:
    # File names come from the corpus: a newline or an escape sequence in one must not forge
    # an Error: line or drive the terminal.
    safe = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    typer.echo(f"Warning: {safe}", err=True)


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
def validate(claims: ClaimsOption = Path("claims.yaml")) -> None:
    """Check the claims file and report every problem in it, with its line and column.

    Example: [bold]dossier validate --claims claims.yaml[/]
    """
    from dossier.claims import load_claims

    claim_set = load_claims(claims)
    count = len(claim_set.claims)
    typer.echo(f"{claims}: {count} claim{'' if count == 1 else 's'}, all valid")


@app.command()
@handle_errors
def schema() -> None:
    """Print the JSON Schema of the claims file (for editors that check YAML as you type).

    Example: [bold]dossier schema > schema/claims.schema.json[/]
    """
    from dossier.claims import claims_json_schema_text

    typer.echo(claims_json_schema_text(), nl=False)


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
) -> None:
    """Record every claim's verdict and the citations it rests on in dossier.lock.

    Example: [bold]dossier lock --claims claims.yaml --corpus corpus[/]
    """
    from dossier.lock import default_lock_path, lock_claims

    path = lock or default_lock_path(claims)
    written = lock_claims(claims, corpus, path, warn=_warn)
    if not state.quiet:
        citations = sum(len(c.citations) for c in written.claims.values())
        typer.echo(f"wrote {path}: {len(written.claims)} claims, {citations} citations")


@app.command("check")
@handle_errors
def check_command(
    claims: ClaimsOption = Path("claims.yaml"),
    corpus: CorpusOption = Path("corpus"),
    lock: LockOption = None,
    format: Annotated[
        str, typer.Option("--format", help="Output: text, github (annotations) or json.")
    ] = "text",
) -> None:
    """Re-judge every claim and re-anchor its locked citations; exit 1 when a claim lost support.

    Example: [bold]dossier check --format github[/]
    """
    from dossier.lock import FORMATTERS, check_lock, default_lock_path

    formatter = FORMATTERS.get(format)
    if formatter is None:
        raise fail(f"--format: unknown format {format!r}; use one of {', '.join(FORMATTERS)}")
    report = check_lock(claims, corpus, lock or default_lock_path(claims), warn=_warn)
    typer.echo(formatter(report), nl=False)
    if not report.ok:
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command("eval")
@handle_errors
def eval_command(
    gold: Annotated[Path, typer.Argument(help="The gold set: claims, verdicts and quotes.")],
    corpus: CorpusOption = Path("corpus"),
    with_: Annotated[
        list[Path] | None,
        typer.Option("--with", help="An extra folder of articles (distractors); repeatable."),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text",
) -> None:
    """Measure verdicts and citations against a gold set, beside their targets (always exit 0).

    Example: [bold]dossier eval tests/gold/seeds.yaml --with /data/news[/]
    """
    from dossier.evaluate import FORMATTERS, evaluate, load_gold

    formatter = FORMATTERS.get(format)
    if formatter is None:
        raise fail(f"--format: unknown format {format!r}; use one of {', '.join(FORMATTERS)}")
    gold_set = load_gold(gold, corpus)
    with _progress() as progress:
        report = evaluate(gold_set, corpus, with_, warn=_warn, progress=progress)
    typer.echo(formatter(report), nl=False)


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
) -> None:
    """Append a claim to the claims file, keeping its comments and layout; print the new id.

    Example: [bold]dossier add "About 500 US troops are in Syria." --expect disputed --tag us[/]
    """
    from dossier.claims import add_claim, parse_verdict

    verdict = parse_verdict(expect) if expect is not None else None
    claim = add_claim(claims, text, id=claim_id, expect=verdict, tags=tag or [])
    typer.echo(claim.id)
