"""HTML pages: trafilatura text and title, htmldate publication date, og:site_name."""

from datetime import date
from pathlib import Path

import pytest

from timeline.sources import Document, SourceFailure, SourceOptions, read_sources
from timeline.sources.webpage import html_to_text, read_html, without_giant_scripts

DATA = Path(__file__).resolve().parent / "data"


def _read(name: str, options: SourceOptions | None = None, url: str | None = None):
    path = DATA / name
    return read_html(path.read_text(encoding="utf-8"), str(path), options or SourceOptions(), url=url)


def test_meta_tags_page():
    doc = _read("html/meta_tags.html")
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.published_source, doc.publisher, doc.url) == (
        "Foreign ministers agree to resume border talks",
        date(2024, 3, 12),  # article:published_time, not the later modified_time
        "html",
        "The Continental Ledger",
        "https://ledger.example.org/world/2024/03/12/border-talks-resume",
    )
    assert (doc.language, doc.extra) == ("en", {"author": "Marta Kowalczyk"})
    paragraphs = doc.text.split("\n")
    assert paragraphs[0].startswith("The foreign ministers of Armenia and Azerbaijan agreed on Tuesday")
    assert len(paragraphs) == 5
    # Navigation, cookie banner, share bar, related links and footer are not article text.
    for furniture in (
        "Accept all cookies",
        "Share this article",
        "Most read",
        "All rights reserved",
        "Log in",
        "Read more",
    ):
        assert furniture not in doc.text


def test_json_ld_page():
    doc = _read("html/json_ld.html")
    assert (doc.title, doc.published, doc.published_source, doc.publisher) == (
        "Ministers sign fisheries accord after overnight talks",
        date(2023, 11, 8),
        "html",
        "Harbour Times",
    )
    assert doc.text.startswith("Norway and the United Kingdom signed a fisheries agreement")
    assert "Subscribe now" not in doc.text and "newsletter" not in doc.text


def test_page_dated_only_by_a_yearless_dateline_stays_undated():
    doc = _read("html/dateline_only.html")
    assert doc.text.startswith(
        "MOSCOW, Sept 15 (Reuters) - The Kremlin said on Friday"
    )  # the <h1> title is not repeated
    assert (doc.published, doc.published_source, doc.publisher) == (None, None, "Wire Digest")


def test_dateline_year_from_the_page_url():
    doc = _read("html/dateline_only.html", url="https://wire.example/2023/kremlin-leaders-meet")
    assert (doc.published, doc.published_source) == (date(2023, 9, 15), "dateline")


def test_published_option_overrides_html_metadata():
    doc = _read("html/meta_tags.html", SourceOptions(published=date(2024, 3, 13)))
    assert (doc.published, doc.published_source) == (date(2024, 3, 13), "option")


def test_truncated_page_keeps_what_arrived():
    doc = _read("bad/truncated.html")
    assert doc.text.startswith("The foreign ministers of Armenia and Azerbaijan")
    assert doc.published == date(2024, 3, 12)


@pytest.mark.parametrize(
    "html,reason",
    [
        ("", "empty file"),
        ("<html><head><title>Nothing here</title></head><body></body></html>", "no article text found in the HTML"),
        ((DATA / "bad" / "truncated_head.html").read_text(encoding="utf-8"), "no article text found in the HTML"),
    ],
)
def test_failures(html, reason):
    assert read_html(html, "page.html", SourceOptions()) == SourceFailure("page.html", reason)


def test_html_to_text_keeps_paragraphs():
    assert (
        html_to_text("<p>GENEVA, Nov 10 - Envoys met.</p><p>Talks ended.</p>")
        == "GENEVA, Nov 10 - Envoys met.\nTalks ended."
    )


def test_language_from_the_html_lang_attribute():
    html = (DATA / "html" / "json_ld.html").read_text(encoding="utf-8").replace("<html>", '<html lang="nb-NO">')
    assert read_html(html, "p.html", SourceOptions()).language == "nb"


PARAGRAPH = "<p>Ministers of Chile and Peru met in Lima on Tuesday to discuss fishing rights, officials said.</p>"


@pytest.mark.parametrize(
    "blob",
    [
        '<script>var state = "' + "a" * (11 << 20) + '";</script>',
        "<style>" + ".c{color:red}" * (1 << 20) + "</style>",
        '<SCRIPT type="text/javascript">' + "x=1;" * (3 << 20) + "</SCRIPT >",
    ],
    ids=["11 MB script", "13 MB style", "12 MB upper-case script"],
)
def test_a_page_with_a_giant_inline_script_keeps_its_article(tmp_path, blob):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ministers meet in Lima</title>"
        "<meta property='article:published_time' content='2024-02-06'>"
        f"{blob}</head><body><article><h1>Ministers meet in Lima</h1>{PARAGRAPH * 4}</article></body></html>",
        encoding="utf-8",
    )
    [doc] = list(read_sources([str(page)], SourceOptions()))
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.published) == ("Ministers meet in Lima", date(2024, 2, 6))
    assert doc.text.startswith("Ministers of Chile and Peru met in Lima on Tuesday")


def test_ordinary_scripts_are_left_alone():
    html = '<script type="application/ld+json">{"datePublished": "2024-02-06"}</script><p>x</p><script>a()</script>'
    assert without_giant_scripts(html) == html


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Envoys meet</title>{head}</head><body><article><h1>Envoys meet</h1>{body}</article></body></html>"


BODY = "<p>Envoys of Chile and Peru met in Lima on Tuesday to talk about fishing rights, officials said.</p>" * 3


@pytest.mark.parametrize(
    "body, expected",
    [
        # No metadata and no dateline: htmldate's search of the page text, marked as such.
        (BODY + "<div>March 12, 2024</div>", (date(2024, 3, 12), "html-text")),
        (BODY + "<span>12/03/2024 09:15</span>", (date(2024, 3, 12), "html-text")),
        # A copyright year is no publication day.
        (BODY + "<footer>© 2021 Harbour Times</footer>", (None, None)),
        # The dateline outranks a date found somewhere in the page.
        (
            "<p>LIMA, March 14, 2024 (Wire) - Envoys met.</p>" + BODY + "<div>March 12, 2024</div>",
            (date(2024, 3, 14), "dateline"),
        ),
    ],
)
def test_a_page_without_date_metadata_is_dated_from_its_text_last(body, expected):
    doc = read_html(_page(body), "page.html", SourceOptions())
    assert (doc.published, doc.published_source) == expected


def test_a_page_whose_text_precision_cannot_find_is_stored_with_its_date(monkeypatch):
    import trafilatura

    real = trafilatura.bare_extraction

    def unsure(*args, **kwargs):  # as trafilatura does on pages it is unsure of when favouring precision
        return None if kwargs.get("favor_precision") else real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", unsure)
    head = '<meta property="article:published_time" content="2024-03-12T10:00:00+00:00">'
    doc = read_html(_page(BODY, head), "page.html", SourceOptions())
    assert isinstance(doc, Document), doc
    assert (doc.published, doc.published_source) == (date(2024, 3, 12), "html")
    assert doc.text.startswith("Envoys of Chile and Peru met in Lima")


def test_a_list_of_other_stories_kept_by_trafilatura_is_not_part_of_the_article():
    related = "<h3>Read also</h3><ul><li><a href='/a'>Peru and Chile end their fishing dispute</a></li><li><a href='/b'>Why the Humboldt current matters</a></li></ul>"
    doc = read_html(_page(BODY + related + "<p>Photo: Ana Ruiz/Harbour Times</p>"), "page.html", SourceOptions())
    assert doc.text.split("\n")[-1].startswith("Envoys of Chile and Peru met in Lima")
    assert "Humboldt" not in doc.text and "Read also" not in doc.text and "Photo:" not in doc.text


TEASER = "<p>The two governments also agreed to a joint study of anchovy stocks, a spokeswoman said.</p>"


@pytest.mark.parametrize(
    "furniture",
    [
        # An author box, its class in any case (trafilatura matches only "author" in lower case).
        '<div class="Report__AuthorBox"><p>Ana Ruiz writes about the Pacific for the Harbour Times and '
        "likes sailing, tide tables and long ferry rides when she is not on a story.</p></div>",
        # The next stories under the article, their teasers in paragraphs.
        '<div class="read-next"><p>The Bolivian government renewed its request for access to the Pacific '
        "on Monday, saying that talks with its neighbours had stalled for far too long.</p></div>",
        # A "learn more" / "see also" box about the publisher.
        '<div class="see-also-box"><h4>The Harbour Institute</h4><p>The institute unites eleven schools '
        "of marine science, three museums and two observatories along the coast.</p></div>",
        # Its lines cut at <br>, as trafilatura cuts them.
        '<div class="en-savoir-plus"><p>The Harbour Institute unites eleven schools of marine science.<br>'
        "Three museums and two observatories along the coast are its partners.</p></div>",
        # Trending stories and newsletter boxes, named in camel case.
        '<div class="TrendingNow"><p>Storm closes the port of Callao for a second day as ferries wait '
        "offshore and crews rest.</p></div>",
        '<div class="NewsletterSignup"><p>Get the weekly briefing on Pacific trade and fisheries in your '
        "inbox every Friday morning.</p></div>",
    ],
    ids=["author box", "read next", "see also", "br", "trending", "newsletter"],
)
def test_page_furniture_inside_the_article_is_not_kept(furniture):
    doc = read_html(_page(BODY + TEASER + furniture), "page.html", SourceOptions())
    assert isinstance(doc, Document), doc
    assert doc.text.split("\n")[-1] == TEASER[3:-4]
    assert doc.text.startswith("Envoys of Chile and Peru met in Lima")


def test_the_headline_is_not_the_first_line_even_when_it_is_not_the_title():
    """The page's metadata names the site as its title; its <h1> (here with a
    topic label in it) is still a headline, not the article's first line."""
    page = (
        '<html><head><title>HT | Envoys meet</title><meta property="og:title" content="Harbour Times"></head>'
        "<body><article>"
        '<h1><span class="topic">Fisheries</span> Envoys meet in Lima</h1>'
        f"{BODY}{TEASER}</article></body></html>"
    )
    doc = read_html(page, "page.html", SourceOptions())
    assert doc.text.startswith("Envoys of Chile and Peru met in Lima")


def test_an_article_inside_an_element_named_like_furniture_is_kept():
    """A wrapper whose class also names what it holds ("post has-author-box") is no author box."""
    page = f'<html><head><title>Envoys meet</title></head><body><div class="post has-author-box">{BODY}{TEASER}</div></body></html>'
    doc = read_html(page, "page.html", SourceOptions())
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("Envoys of Chile and Peru met in Lima") and doc.text.endswith(TEASER[3:-4])
