"""The web page reader: the article's main text and its metadata, offline and deterministic."""

from __future__ import annotations

import pytest
from readerfiles import READERS

from dossier.corpus.readers.html import READER
from dossier.corpus.readers.interface import Unreadable

PAGE = (READERS / "mixed" / "harbour-fire.html").read_bytes()


def test_the_article_is_read_and_the_navigation_comments_and_footer_are_not() -> None:
    text = READER.read(PAGE, "harbour-fire.html").text
    assert "killed 12 dock workers, the regional fire service said on Monday." in text
    assert "about 400 workers were sent home." in text
    for furniture in ("Subscribe now", "50 people died", "thoughts are with", "Copyright 2024"):
        assert furniture not in text


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    text = READER.read(PAGE, "harbour-fire.html").text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[1].startswith("A fire that broke out in a warehouse")
    assert all("\n" not in p for p in paragraphs)


def test_the_page_metadata_is_the_article_metadata() -> None:
    meta = READER.read(PAGE, "harbour-fire.html").meta
    assert meta.title == "Fire at Port Aldric harbour kills 12 dock workers"
    assert meta.outlet == "Coastal Herald"
    assert meta.author == "Mara Lindqvist"
    assert str(meta.date) == "2024-03-18"
    assert meta.url == "https://coastalherald.example/news/2024/03/18/port-aldric-fire"


def test_the_same_bytes_give_the_same_text() -> None:
    first = READER.read(PAGE, "a.html")
    assert READER.read(PAGE, "a.html") == first


def test_a_page_without_an_article_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="no article text found in the web page"):
        READER.read(b"<html><head><title>Empty</title></head><body></body></html>", "a.html")
