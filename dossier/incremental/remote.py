"""The build's matcher, made again on a cluster's worker from what the build kept: the judging
runs on the workers (``pipeline.judge``) without the matcher (a tantivy index, caches) ever
being sent.

A ``MatcherRecipe`` names what the matcher is made of: the corpus state the build cache keeps
as a file (the segmentation, the statistics, the articles' profiles) with its sha256, the
state's index folder (checked against the manifest the state records), the corpus folder and
every article's path, hash and metadata, and the alias table. It is scattered once to each
worker, which reads those files from the shared cache and corpus folders itself
(``executors.shared``), makes the matcher once and keeps it for the build's every task: the
same matcher, so the same judgments, as the build's own.

A worker that cannot read them, or reads other files than the build wrote (a folder not
shared, a stale copy), stops the build with an error naming the file and the worker.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.analysis.text import Analyzer
from dossier.corpus.documents import Documents, article_columns
from dossier.errors import ClusterError, CorpusError
from dossier.executors.shared import CACHE, CORPUS, not_there, read_hashed, read_shared, worker
from dossier.incremental.cache import folder_manifest
from dossier.incremental.prepare import read_state
from dossier.judge.match import Matcher
from dossier.judge.prepare import Texts, matcher_of
from dossier.models import Claim, Corpus, Evidence, SourceMeta
from dossier.retrieval.sharded import open_index


@dataclass(frozen=True, eq=False)
class MatcherRecipe:
    """What a worker makes the build's matcher from (see the module's docstring). ``key``
    names it: a worker keeps the matcher of the last recipe it was given."""

    key: str  # the corpus state's key (which holds the code version, aliases and rules)
    aliases: Mapping[str, list[str]]
    cache_root: str  # the build cache folder, absolute
    state_file: str  # the state's file under it
    state_sha256: str
    index_folder: str  # the state's index folder under it
    corpus_root: str  # the corpus folder, absolute
    paths: Sequence[str]
    hashes: Sequence[str]
    metas: Sequence[SourceMeta]

    def judge(self, work: Sequence[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
        """Each claim's evidence among its candidates, judged on this worker by the matcher
        the recipe makes (``Matcher.evidence``)."""
        matcher = remade(self)
        try:
            return [matcher.evidence(claim, candidates) for claim, candidates in work]
        except CorpusError as err:  # an article to quote is not the build's
            raise ClusterError(f"{err} (on the Dask worker {worker()}: {CORPUS.help()})") from None


def recipe(
    key: str,
    aliases: Mapping[str, list[str]],
    cache_root: Path,
    state_file: Path,
    index_folder: Path,
    corpus: Corpus,
) -> MatcherRecipe | None:
    """The recipe of the matcher over ``corpus`` in state ``key``, whose record is the file
    ``state_file`` and whose index is ``index_folder``, both in ``cache_root``; None when the
    state's file cannot be read (the cache could not keep it)."""
    try:
        _, sha256 = read_hashed(str(state_file))
    except OSError:
        return None
    paths, hashes, metas = article_columns(corpus.documents)
    cache = cache_root.resolve()
    return MatcherRecipe(
        key=key,
        aliases=dict(aliases),
        cache_root=str(cache),
        state_file=state_file.resolve().relative_to(cache).as_posix(),
        state_sha256=sha256,
        index_folder=index_folder.resolve().relative_to(cache).as_posix(),
        corpus_root=os.path.abspath(corpus.root),
        paths=list(paths),
        hashes=list(hashes),
        metas=list(metas),
    )


_made: tuple[str, Matcher] | None = None
"""The matcher this worker made last, with its recipe's key and the folders it read."""


def remade(recipe: MatcherRecipe) -> Matcher:
    """The matcher of ``recipe``, made on the first task of a build and kept for the others."""
    global _made
    # (the same state in the same folders, as this worker has them)
    key = "\0".join(
        (recipe.key, CACHE.path(recipe.cache_root, ""), CORPUS.path(recipe.corpus_root, ""))
    )
    if _made is None or _made[0] != key:
        _made = None  # the last build's matcher goes before this one is made
        _made = (key, _make(recipe))
    return _made[1]


def _make(recipe: MatcherRecipe) -> Matcher:
    data = read_shared(recipe.cache_root, recipe.state_file, recipe.state_sha256, CACHE)
    documents = Documents(Path(CORPUS.path(recipe.corpus_root, "")))
    for path, sha256, meta in zip(recipe.paths, recipe.hashes, recipe.metas, strict=True):
        documents.add(path, sha256, meta)
    try:
        state = read_state(marshal.loads(data), Texts(documents))
    except (ValueError, EOFError, TypeError) as err:
        raise ClusterError(
            f"{recipe.state_file}: on the Dask worker {worker()}, the corpus state cannot be"
            f" read ({err})"
        ) from None
    folder = CACHE.path(recipe.cache_root, recipe.index_folder)
    try:
        same = folder_manifest(Path(folder)) == state.manifest
    except OSError as err:
        raise not_there(recipe.index_folder, folder, err, CACHE) from None
    if not same:
        raise ClusterError(
            f"{recipe.index_folder}: on the Dask worker {worker()}, {folder} is not the index"
            f" the build wrote (its files differ): {CACHE.help()}"
        )
    corpus = Corpus(
        root=recipe.corpus_root,
        documents=documents,
        paragraphs=state.paragraphs,
        passages=state.passages,
    )
    return matcher_of(corpus, Analyzer(dict(recipe.aliases)), state, open_index(Path(folder)))
