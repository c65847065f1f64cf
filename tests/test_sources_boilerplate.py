"""mask_boilerplate: site furniture blanked in place, news sentences untouched."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources.boilerplate import boilerplate_kind, load_rules, mask_boilerplate, strip_boilerplate

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_a32fddc238f21224.txt"


def test_seed_lines_1_and_10_to_12_are_boilerplate():
    # The seed exactly as given: a strapline, the article (lines 2-9), then the
    # site's login, password and privacy lines.
    lines = SEED.read_text(encoding="utf-8").split("\n")
    masked = mask_boilerplate("\n".join(lines)).split("\n")
    blanked = [number for number, line in enumerate(masked, 1) if not line.strip()]
    assert blanked == [1, 10, 11, 12]
    assert masked[1:9] == lines[1:9]  # lines 2–9 are the article, unchanged


@pytest.mark.parametrize(
    "line,kind",
    [
        (
            "Stay ahead of the curve with POLITICO Pro, the essential policy intelligence platform for professionals.",
            "promo",
        ),
        ("Get the latest headlines on your phone with our free app.", "promo"),
        (
            "Log in to access content and manage your profile. If you do not have an account yet, register here.",
            "login",
        ),
        ("Sign in to read the full story", "login"),
        ("Forgot your password?", "login"),
        ("Already a subscriber? Log in", "login"),
        ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "consent"),
        ("We use cookies to improve your experience on our website.", "consent"),
        ("By continuing to browse, you agree to our use of cookies.", "consent"),
        ("Privacy Policy | Terms of Use | Cookie Policy", "consent"),
        ("© 2024 The Continental Ledger. All rights reserved.", "consent"),
        ("Subscribe to continue reading.", "subscription"),
        ("This article is only available to subscribers.", "subscription"),
        ("Sign up for our daily newsletter", "login"),
        ("Get our Brussels Playbook newsletter delivered to your inbox every morning.", "promo"),
        ("Our weekly newsletter lands in your inbox every Friday.", "newsletter"),
        ("Share this article", "share"),
        ("Facebook Twitter LinkedIn Email", "share"),
        ("Share on Facebook | Share on X | WhatsApp", "share"),
        ("Read more: EU foreign ministers to discuss Caucasus", "navigation"),
        ("Related:", "related"),
        ("Advertisement", "navigation"),
        ("Story continues below advertisement", "navigation"),
        ("Photo: Mikhail Klimentyev/AFP via Getty Images", "credit"),
        ("Vladimir Putin and Alexander Lukashenko in Sochi | Sputnik/AFP via Getty Images", "credit"),
        ("Image credit: Reuters", "credit"),
        ("(Reporting by Guy Faulconbridge; Editing by Alex Richardson)", "credit"),
        ("Writing by Mark Trevelyan", "credit"),
        ("Advertisement - Scroll to continue", "navigation"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "navigation"),
        ("Join our WhatsApp channel for breaking news", "promo"),
        ("Loading...", "navigation"),
        # promos addressed to a professional readership
        ("Sharp reporting and expert analysis for trade professionals, every weekday.", "promo"),
        ("Market news, data and insight for energy decision-makers – all in one place.", "promo"),
        ("Everything the Baltic shipping desk needs, all in one place", "promo"),
        # "By <doing X>, you ..." notices of the terms a reader accepts
        ("By signing up, you confirm that you have read our privacy notice.", "consent"),
        ("By registering you acknowledge the Northern Ledger terms of use.", "consent"),
        ("By creating an account, you accept the Harbour Gazette's cookie policy.", "consent"),
        # headings of lists of other stories, alone on their line, in several languages
        ("You may also like", "related"),
        ("Auch interessant:", "related"),
        ("Das könnte Sie auch interessieren", "related"),
        ("À lire aussi", "related"),
        ("Also on harbourtimes.example", "related"),
        # picture credits and captions' labels
        ("(Credit: Ana Ruiz / Harbour Times)", "credit"),
        ("Foto: Jan Berg/dpa", "credit"),
        ("Beitragsbild: Der Hafen von Kiel bei Nacht", "credit"),
        # a line that is only a date (and time): a byline's stamp
        ("23.10.2018", "navigation"),
        ("March 12, 2024", "navigation"),
        ("12. März 2024, 14:05 Uhr", "navigation"),
        ("2024-03-12", "navigation"),
    ],
)
def test_furniture_lines(line, kind):
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The European Parliament on Thursday backed a new privacy law aimed at social media platforms.",
        "Regulators said the company's privacy policy breached EU rules, and fined it 1.2 billion euros.",
        "Meta changed its terms of service on Friday after talks with the European Commission.",
        "The minister said cookies and other tracking tools would be banned by the new rules.",
        "Lukashenko said he would share intelligence with Moscow.",
        "Share prices in Moscow fell after the announcement.",
        "The X",  # a heading that happens to name a network
        "Print media",
        "Officials said they would sign an agreement on Friday.",
        "Subscribers to the state broadcaster were told to expect a statement.",
        "Related talks between the two delegations will resume in April, the ministry said.",
        "The photo of the two leaders was released by the Kremlin on Saturday.",
        "Putin and Kim did not log any public agreement, officials said.",
        "signup will receive 63 cts per bushel.",
        "Reporting by the BBC showed that the ministers met twice.",
        "Advertisement spending rose 5% in March, the ministry said.",
        "On March 12, 2024 the ministers of Chile and Peru met in Lima.",
        "12 March 2024 will be remembered as the day the border reopened, the mayor said.",
        "Credit markets in Lima rose after the agreement.",
        "Also on Monday, the envoys visited the port of Callao.",
        "By signing the accord, Chile and Peru ended a decade-long dispute over fishing rights.",
        "Intelligence for security professionals was shared at the summit, the minister said.",
        "Join talks on the border resumed in Geneva on Monday.",  # wrapped wire copy starts lower case
        "Western states have condemned Belarus’ involvement in the war on Ukraine, with the European Parliament this week calling Lukashenko “an accomplice” to the crimes committed by Russia.",
    ],
)
def test_news_sentences_survive(line):
    assert boilerplate_kind(line) is None
    assert mask_boilerplate(line) == line


def test_masking_keeps_offsets_and_newlines():
    text = "Share this article\r\nPutin met Kim on Wednesday.\nAdvertisement\n\nThe talks lasted five hours."
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert masked.index("Putin met Kim") == text.index("Putin met Kim")
    assert masked.splitlines() == [
        "                  ",
        "Putin met Kim on Wednesday.",
        "             ",
        "",
        "The talks lasted five hours.",
    ]


def test_rules_file_is_valid():
    rules = load_rules()
    assert {p.kind for p in rules.patterns} >= {
        "promo",
        "login",
        "consent",
        "subscription",
        "newsletter",
        "navigation",
        "credit",
    }
    assert all(p.max_length > 0 for p in rules.patterns)
    assert {"facebook", "twitter", "linkedin", "email", "share"} <= rules.share_words


# deadline=None: the first call pays a lazy import (charset-normalizer, YAML rules).
@settings(deadline=None)
@given(st.text())
def test_same_length_and_never_raises(text):
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    for original, new in zip(text, masked):
        assert new == original or new == " "
    # Line breaks are never touched.
    assert [i for i, ch in enumerate(masked) if ch in "\r\n"] == [i for i, ch in enumerate(text) if ch in "\r\n"]


@given(
    st.lists(st.sampled_from(["Share this article", "Forgot your password?", "Putin met Kim.", "", "Advertisement"]))
)
def test_masking_is_idempotent(lines):
    text = "\n".join(lines)
    assert mask_boilerplate(mask_boilerplate(text)) == mask_boilerplate(text)


RELATED_BLOCKS = [
    # heading, the headlines under it, then the article goes on
    (
        [
            "Envoys met in Lima on Tuesday.",
            "Auch interessant:",
            "- Fischerei: Was das Abkommen bringt",
            "- Drei Fragen an den Minister",
            "The talks resume in May.",
        ],
        [False, True, True, True, False],
    ),
    (
        [
            "Envoys met in Lima on Tuesday.",
            "Read also",
            "Peru and Chile end their fishing dispute",
            "Why the Humboldt current matters!",
            "",
        ],
        [False, True, True, True, False],
    ),
    # a heading followed by a sentence of news: only the heading goes
    (
        ["À lire aussi", "Les ministres se sont retrouvés à Lima mardi pour parler de la pêche.", "Short line"],
        [True, False, False],
    ),
]


@pytest.mark.parametrize("lines, furniture", RELATED_BLOCKS)
def test_a_related_heading_takes_its_list_of_headlines_with_it(lines, furniture):
    masked = mask_boilerplate("\n".join(lines)).split("\n")
    assert [not m.strip() and bool(line.strip()) for m, line in zip(masked, lines)] == furniture
    kept = [line for line, gone in zip(lines, furniture) if not gone]
    assert strip_boilerplate("\n".join(lines)) == "\n".join(kept)
