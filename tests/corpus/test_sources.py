"""sources.yaml: metadata per article, every mistake named with its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from articles import write

from dossier.corpus.read import load_corpus
from dossier.corpus.sources import date_in_name, load_sources
from dossier.errors import CorpusError
from dossier.models import Corpus

# --- sources.yaml -------------------------------------------------------------------------


def test_seed_metadata_shows_only_what_the_text_shows(seeds: Corpus) -> None:
    meta = {d.path[:3]: d.meta for d in seeds.documents}
    assert meta["004"].outlet == "Global Research"
    assert str(meta["004"].date) == "2017-09-21"
    assert meta["003"].title is not None and meta["003"].title.startswith("Russia warns US")
    assert all(m.url is None for m in meta.values())
    assert meta["000"].date is None and meta["002"].title is None


def test_sources_yaml_errors_name_line_and_column(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(
        tmp_path / "sources.yaml",
        "sources:\n  a.txt:\n    title: A\n    date: yesterday\n    byline: me\n",
    )
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    where = tmp_path / "sources.yaml"
    assert str(err.value).splitlines() == [
        f"{where}:4:11: sources[\"a.txt\"].date: 'yesterday' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2017-09-21.",
        f'{where}:5:5: sources["a.txt"].byline: unknown key; '
        "use title, outlet, date, url, notes, author.",
    ]


def test_sources_yaml_errors_suggest_the_key_or_file_meant(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", "A sentence here.\n")
    write(
        tmp_path / "sources.yaml",
        "sources:\n  article.txt:\n    outlett: X\n    date: 20170921\n  artcle.txt:\n",
    )
    where = tmp_path / "sources.yaml"
    with pytest.raises(CorpusError) as err:
        load_sources(where, tmp_path)  # as `dossier validate` reads it
    assert str(err.value).splitlines() == [
        f"{where}:3:5: sources[\"article.txt\"].outlett: unknown key; did you mean 'outlet'?",
        f'{where}:4:11: sources["article.txt"].date: 20170921 is a number, not a date; '
        "write it as YYYY-MM-DD, e.g. 2017-09-21.",
        f'{where}:5:3: sources["artcle.txt"]: no such article file in the corpus folder '
        f"{tmp_path} (names are paths relative to it, e.g. 'article.txt'); "
        "did you mean 'article.txt'? If the article was removed, drop its entry: "
        "dossier source remove artcle.txt",
    ]


def test_an_entry_for_a_removed_article_is_a_warning_when_reading_the_corpus(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources:\n  a.txt:\n    title: A\n  gone too.txt:\n")
    warnings: list[str] = []

    corpus = load_corpus(tmp_path, warn=warnings.append)

    assert [d.path for d in corpus.documents] == ["a.txt"]
    assert corpus.documents[0].meta.title == "A"
    assert warnings == [
        f'{tmp_path / "sources.yaml"}:4:3: sources["gone too.txt"]: no such article file in '
        f"the corpus folder {tmp_path} (names are paths relative to it, e.g. 'article.txt'). "
        "Its entry is ignored. If the article was removed, drop its entry: "
        "dossier source remove 'gone too.txt'"
    ]
    with pytest.raises(CorpusError, match=r'sources\.yaml:4:3: sources\["gone too\.txt"\]: no'):
        load_sources(tmp_path / "sources.yaml", tmp_path)


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://www.firstpost.com/world/x.html", True),
        ("HTTP://example.org/a", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("file:///etc/passwd", False),
        ("//example.org/a", False),
        ("www.example.org", False),
        ("http://[::1", False),
    ],
)
def test_only_web_addresses_are_urls(tmp_path: Path, url: str, accepted: bool) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", f"sources:\n  a.txt:\n    url: '{url}'\n")
    warnings: list[str] = []
    [document] = load_corpus(tmp_path, warn=warnings.append).documents
    if accepted:
        assert (document.meta.url, warnings) == (url, [])
        return
    problem = (
        f"{tmp_path / 'sources.yaml'}:3:10: sources[\"a.txt\"].url: '{url}' is not a web "
        "address; give the whole address, starting with https:// or http://"
    )
    assert (document.meta.url, warnings) == (None, [f"{problem}; it is ignored."])
    with pytest.raises(CorpusError) as err:
        load_sources(tmp_path / "sources.yaml", tmp_path)  # as `dossier validate` reads it
    assert str(err.value) == problem


def test_sources_yaml_syntax_error_and_bad_regex_name_their_place(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources:\n  a.txt: {title: [x\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:3:1: invalid YAML: "):
        load_corpus(tmp_path)
    write(tmp_path / "sources.yaml", "furniture:\n  - 'ok'\n  - '(unclosed'\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:3:5: furniture\[1\]: invalid regular"):
        load_corpus(tmp_path)


def test_sources_yaml_is_loaded_safely(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:1:"):
        load_corpus(tmp_path)


# --- a date in the file's name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "date"),
    [
        ("cnet-2022-07-23-who-declares-emergency.txt", "2022-07-23"),
        ("reuters/2019_11_02_talks.md", "2019-11-02"),
        ("2021-01-05/wire-2021-01-06.txt", "2021-01-06"),  # the file's own, not its folder's
        ("a-2022-02-30-b.txt", None),  # no such day
        ("flight-2022-07-23x.txt", "2022-07-23"),
        ("report-12022-07-23.txt", None),  # five digits are no year
        ("notes.txt", None),
    ],
)
def test_a_date_in_the_file_name_is_read(path: str, date: str | None) -> None:
    found = date_in_name(path)
    assert (str(found) if found else None) == date


def test_sources_yaml_overrides_the_date_in_the_file_name(tmp_path: Path) -> None:
    write(tmp_path / "wire-2023-06-04-toll.txt", "The toll was revised to 275.\n")
    write(tmp_path / "paper-2023-06-05-toll.txt", "The toll stands at 275.\n")
    write(tmp_path / "undated.txt", "The toll stands at 275.\n")
    write(
        tmp_path / "sources.yaml", "sources:\n  paper-2023-06-05-toll.txt:\n    date: 2023-06-06\n"
    )
    dates = {d.path: d.meta.date for d in load_corpus(tmp_path).documents}
    assert {k: str(v) if v else None for k, v in dates.items()} == {
        "paper-2023-06-05-toll.txt": "2023-06-06",
        "undated.txt": None,
        "wire-2023-06-04-toll.txt": "2023-06-04",
    }
