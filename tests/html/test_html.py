"""HTML input goes through trafilatura, then the same cleaner chain as text."""

from __future__ import annotations

import importlib

import pytest

from helpers import SAMPLE_PAGE
from newsclean import clean
from newsclean.html.extract import ExtractionError


def test_html_page_is_extracted_and_cleaned() -> None:
    article = clean(html=SAMPLE_PAGE, url="https://example.org/kyiv-curfew")
    assert article.title == "Kyiv lifts curfew for New Year"
    assert article.author == "Olena Petrenko"
    assert article.url == "https://example.org/kyiv-curfew"
    assert article.published is not None and article.published.startswith("2024-12-30")
    assert "lifted for one night" in article.text
    assert "follow air raid alerts" in article.text
    assert "Advertisement" not in article.text
    assert "Read more" not in article.text
    assert "Kyiv lifts curfew for New Year" not in article.text


def test_page_without_article_text_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        clean(html="<html><head><title>x</title></head><body></body></html>")


@pytest.mark.parametrize(
    "module", ["trafilatura", "justext", "lxml.html.clean", "ftfy", "langdetect"]
)
def test_runtime_dependencies_import(module: str) -> None:
    """A fresh install must import everything trafilatura's extraction paths need."""
    importlib.import_module(module)


_BODY_CP1252 = (
    "<p>Le café du théâtre a rouvert ses portes lundi après deux années de travaux, "
    "a annoncé la mairie dans un communiqué publié à Genève.</p>"
    "<p>Les habitués ont salué « un lieu où l’on se sent chez soi », selon la gérante, "
    "qui prévoit des concerts chaque vendredi soir jusqu’à l’été.</p>"
)


def _page(head: str) -> bytes:
    html = f"<html><head>{head}<title>Le café rouvre</title></head><body><article>"
    return (html + _BODY_CP1252 + "</article></body></html>").encode("cp1252")


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1252">',  # declared and right
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        "",  # not declared: detected
        '<meta charset="utf-8">',  # declared wrongly: the bytes are not UTF-8
    ],
)
def test_html_bytes_are_decoded_with_their_charset(head: str) -> None:
    article = clean(html=_page(head))
    assert "Le café du théâtre a rouvert" in article.text
    assert "l'on se sent chez soi" in article.text  # curly apostrophe made straight
    assert "Ã" not in article.text and "\ufffd" not in article.text


def test_page_categories_and_tags_become_metadata() -> None:
    page = SAMPLE_PAGE.replace(
        "</head>",
        '<meta property="article:section" content="World">'
        '<meta name="keywords" content="Kyiv, curfew, New Year">'
        '<meta property="article:tag" content="Kyiv"></head>',
    )
    article = clean(html=page)
    assert article.categories == ["World"]
    assert article.tags == ["Kyiv", "curfew", "New Year"]
    record = article.to_dict()["metadata"]
    assert record["categories"] == ["World"] and record["tags"] == ["Kyiv", "curfew", "New Year"]


def test_given_tags_win_over_the_page() -> None:
    article = clean(html=SAMPLE_PAGE, metadata={"tags": "energy, Kyiv"})
    assert article.tags == ["energy", "Kyiv"]


_FIRST_PART = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
    "ending a decade of arguments about its safety and its cost to repair.",
    "Engineers who inspected the bridge last year found corrosion in two of its four main "
    "girders, and said the structure could carry pedestrians and bicycles for twenty years.",
    "Shopkeepers on the east bank fear they will lose customers who drive across from the "
    "station, and asked the council for a free shuttle bus during the first year.",
]
_SECOND_PART = [
    "The council's transport committee said a shuttle would cost about 400,000 euros a year and "
    "that it would decide on it in January, after a survey of traders.",
    "Cyclists' groups welcomed the vote. Their spokeswoman said the bridge would become the "
    "safest crossing in the city for children riding to the two schools on the west bank.",
    "Work on new railings and lighting is due to start in March and to last about six weeks, "
    "during which the bridge will be closed to everyone.",
]


def _split_page(second: str) -> str:
    """An article whose body the page prints in two containers, each beside an ad rail."""
    first = "".join(f"<p>{p}</p>" for p in _FIRST_PART)
    return f"""<html><head><title>Harbour bridge to close to cars</title></head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<main><h1>Harbour bridge to close to cars</h1>
<div class="grid"><div class="article-body part">{first}</div>
<div class="rail"><div class="ad">Advertisement</div></div></div>
<div class="grid">{second}<div class="rail"><div class="ad">Advertisement</div></div></div>
</main><footer><p>Contact us</p></footer></body></html>"""


def test_article_body_split_over_sibling_containers_is_read_whole() -> None:
    second = '<div class="article-body part">' + "".join(f"<p>{p}</p>" for p in _SECOND_PART)
    text = clean(html=_split_page(second + "</div>")).text
    assert all(p in text for p in _FIRST_PART + _SECOND_PART)
    assert text.index("Shopkeepers") < text.index("transport committee")
    assert "Advertisement" not in text


def test_teaser_cards_sharing_a_class_are_not_joined_to_the_article() -> None:
    # Short cards with one line each are not a second half of the body.
    cards = "".join(
        f'<div class="article-body part"><p>{t}</p></div>'
        for t in (
            "Ferry timetable changes for the winter months, with fewer evening crossings.",
            "New cycle lanes planned for the ring road after a year of consultation.",
        )
    )
    text = clean(html=_split_page(cards)).text
    assert all(p in text for p in _FIRST_PART)
    assert "Ferry timetable" not in text and "cycle lanes" not in text


def _page_with_list(items: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in _FIRST_PART + _SECOND_PART)
    listed = "".join(f"<li>{item}</li>" for item in items)
    return f"""<html><head><title>Harbour bridge to close to cars</title></head><body>
<article><h1>Harbour bridge to close to cars</h1>{body}<ul>{listed}</ul></article></body></html>"""


@pytest.mark.parametrize(
    "items",
    [
        [  # linked headlines
            '<a href="/a">Ferry timetable changes for the winter months</a>',
            '<a href="/b">New cycle lanes planned for the ring road</a>',
            '<a href="/c">Council budget: what the vote means for your rates</a>',
        ],
        [  # cards: a linked heading and a line of summary
            '<h3><a href="/a">Ferry timetable changes</a></h3><p>Fewer evening crossings.</p>',
            '<h3><a href="/b">New cycle lanes planned</a></h3><p>After a year of talks.</p>',
            '<h3><a href="/c">Budget vote explained</a></h3><p>What it means for rates.</p>',
        ],
    ],
)
def test_lists_of_teaser_links_are_dropped(items: list[str]) -> None:
    text = clean(html=_page_with_list(items)).text
    assert all(p in text for p in _FIRST_PART + _SECOND_PART)
    assert "Ferry timetable" not in text and "cycle lanes" not in text


def test_lists_of_article_points_are_kept() -> None:
    items = [
        'The bridge closes to cars on <a href="/d">1 April</a>, after the Easter weekend.',
        'Buses 4 and 7 will cross at the <a href="/r">new ring road</a> bridge instead.',
        'Cyclists keep both lanes, and pedestrians the <a href="/w">widened</a> walkway.',
    ]
    text = clean(html=_page_with_list(items)).text
    assert "Buses 4 and 7 will cross" in text and "pedestrians the widened walkway" in text


@pytest.mark.parametrize(
    ("items", "dropped"),
    [
        (['<a href="/a">Ferry timetable changes</a>', '<a href="/b">New cycle lanes</a>'], 0),
        (['<a href="/a">News</a>', '<a href="/b">Sport</a>', '<a href="/c">Weather</a>'], 0),
        ([f'<a href="/{n}">Story number {n} of the day</a>' for n in range(3)], 1),
    ],
)
def test_which_link_lists_go(items: list[str], dropped: int) -> None:
    from trafilatura.utils import load_html

    from newsclean.html.prepare import _drop_link_lists

    tree = load_html(_page_with_list(items))
    assert _drop_link_lists(tree) == dropped


_DEK = "The council says the bridge is safe for bicycles for another twenty years."


def _page_with_dek(dek_html: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in _FIRST_PART + _SECOND_PART)
    return f"""<html><head><title>Harbour bridge to close to cars</title>
<meta name="description" content="{_DEK}"></head><body>
<article><header><h1>Harbour bridge to close to cars</h1>{dek_html}</header>{body}</article>
</body></html>"""


def test_standfirst_printed_as_subheading_is_dropped_and_kept_as_description() -> None:
    article = clean(html=_page_with_dek(f'<h2 class="sub-head">{_DEK}</h2>'))
    assert "safe for bicycles" not in article.text
    assert all(p in article.text for p in _FIRST_PART + _SECOND_PART)
    assert article.description == _DEK


def test_lede_paragraph_equal_to_the_description_is_kept() -> None:
    # Many pages use the article's first paragraph as the description: that is the article.
    page = _page_with_dek("").replace("<p>", f"<p>{_DEK}</p><p>", 1)
    assert _DEK in clean(html=page).text


def test_subheading_that_differs_from_the_description_is_kept() -> None:
    heading = "<h2>What happens to the buses and the shops</h2>"
    page = _page_with_dek("").replace(f"<p>{_SECOND_PART[0]}", f"{heading}<p>{_SECOND_PART[0]}")
    assert "What happens to the buses" in clean(html=page).text


def _page_with_microdata(style: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in _FIRST_PART + _SECOND_PART)
    return f"""<html><head><title>Harbour bridge to close to cars</title></head><body>
<article><h1>Harbour bridge to close to cars</h1><div class="post-content">{body}
<div style="{style}" itemscope itemtype="http://schema.org/NewsArticle">
<div itemprop="description"><p>The bridge closes to cars next spring after a council vote on
Tuesday evening.</p></div><div itemprop="headline">Harbour bridge to close to cars</div>
<div itemprop="datePublished">2024-03-05T08:57:40+01:00</div></div></div></article>
</body></html>"""


def test_hidden_schema_org_block_is_dropped() -> None:
    text = clean(html=_page_with_microdata("display: none;")).text
    assert "2024-03-05T08:57:40" not in text and "council vote on Tuesday evening" not in text
    assert all(p in text for p in _FIRST_PART + _SECOND_PART)


def test_visible_schema_org_markup_is_kept() -> None:
    # Pages mark up the visible article with itemprop too: only a hidden block goes.
    assert "council vote on Tuesday evening" in clean(html=_page_with_microdata("")).text


@pytest.mark.parametrize(
    ("page", "dropped"),
    [
        (_page_with_microdata("display:none;"), 1),
        (_page_with_microdata("margin: 0; DISPLAY : none"), 1),
        (_page_with_microdata(""), 0),
        (_page_with_microdata("display: block"), 0),
        ('<html><body><div style="display:none"><p>The full story.</p></div></body></html>', 0),
    ],
)
def test_which_hidden_blocks_go(page: str, dropped: int) -> None:
    from trafilatura.utils import load_html

    from newsclean.html.prepare import _drop_hidden_metadata

    assert _drop_hidden_metadata(load_html(page)) == dropped


_MENU = "\n".join(["HOME", "NEWS", "SPORT", "CULTURE", "CONTACT", "Acesso à Informação"] * 5)
_PROSE = (
    "The city council voted on Tuesday to open four more shelters before winter, after a long "
    "debate about the cost and the places chosen for them.\n"
    "The first of them is to open in the old school building next month, the mayor said."
)


def test_a_menu_taken_for_the_article_gets_a_second_extraction(monkeypatch) -> None:
    import newsclean.html.extract as extract

    calls = []

    def fake(tree, url, *, compare=False):
        calls.append(compare)
        return {"text": _PROSE if compare else _MENU}

    monkeypatch.setattr(extract, "_extract", fake)
    text, _ = extract.extract_html("<html><body><p>x</p><p>y</p></body></html>")
    assert text == _PROSE and calls == [False, True]


def test_prose_is_not_extracted_twice_and_a_worse_second_text_is_not_taken(monkeypatch) -> None:
    import newsclean.html.extract as extract

    calls = []

    def prose(tree, url, *, compare=False):
        calls.append(compare)
        return {"text": _PROSE}

    monkeypatch.setattr(extract, "_extract", prose)
    assert extract.extract_html("<html><body><p>x</p><p>y</p></body></html>")[0] == _PROSE
    assert calls == [False]

    def menu_then_less(tree, url, *, compare=False):
        return {"text": "HOME\nNEWS" if compare else _MENU + "\n" + _PROSE[:120]}

    monkeypatch.setattr(extract, "_extract", menu_then_less)
    text, _ = extract.extract_html("<html><body><p>x</p><p>y</p></body></html>")
    assert text.startswith("HOME\nNEWS\nSPORT")


def _page_with_card(card: str) -> str:
    sentence = (
        "<p>The motion was tabled by <a href='/people/maria-lopez'>Maria Lopez</a>"
        f"{card} on Monday, after a week of talks with the other parties in the council.</p>"
    )
    prose = (
        "<p>The vote is expected in March, and the mayor said she would not block it if the "
        "budget committee found the money for the new bus lines.</p>"
    )
    body = f"<h1>Council motion</h1>{sentence}{prose * 3}"
    return f"<html><body><article>{body}</article></body></html>"


def test_a_hover_card_of_headlines_inside_a_sentence_is_dropped() -> None:
    card = (
        "<span class='card'><span><a href='/people/maria-lopez'>Maria Lopez</a> "
        "<a href='/a'>Council approves new budget for city schools</a> "
        "<a href='/b'>Mayor and opposition agree on housing plan</a></span></span>"
    )
    text = clean(html=_page_with_card(card)).text
    assert "The motion was tabled by Maria Lopez on Monday" in text
    assert "housing plan" not in text and "city schools" not in text


def test_linked_words_inside_a_sentence_are_kept() -> None:
    card = " <span>(see <a href='/a'>the full text of the motion</a>)</span>"
    text = clean(html=_page_with_card(card)).text
    assert "Maria Lopez (see the full text of the motion) on Monday" in text


def test_a_mathml_formula_stays_in_its_sentence() -> None:
    prose = (
        "<p>The committee published its model of the river's flow on Monday, after two years of "
        "measurements at the old mill and at the new weir downstream.</p>"
    )
    formula = (
        "<p>The flow doubles when <math><mi>h</mi><mo>&gt;</mo><mn>2</mn>"
        "<annotation encoding='application/x-tex'>h &gt; 2</annotation></math> metres, the "
        "report says, which happened twice in the last ten years.</p>"
    )
    page = f"<html><body><article>{prose}{formula}{prose}</article></body></html>"
    text = clean(html=page).text
    assert "The flow doubles when h > 2 metres, the report says" in text


def test_a_paragraph_of_linked_headlines_in_the_body_is_dropped() -> None:
    teasers = (
        "<p><strong>DON'T MISS</strong><br><a href='/a'>Bridge closed after lorry hits railing</a>"
        " [VIDEO]<br><a href='/b'>Council votes to keep the night buses running</a> [INSIGHT]<br>"
        "<a href='/c'>Floods expected as river rises after a week of rain</a> [NEWS]</p>"
    )
    text = clean(html=_page_with_card("").replace("</article>", f"{teasers}</article>")).text
    assert "night buses" not in text and "DON'T MISS" not in text
    assert "The vote is expected in March" in text


def test_a_paragraph_of_prose_with_several_links_is_kept() -> None:
    prose = (
        "<p>Read the <a href='/a'>council's full report on the budget</a>, the <a href='/b'>"
        "mayor's reply to the opposition leader</a> and the <a href='/c'>minutes of the last "
        "committee meeting</a> before the vote, said the clerk, who expects a long debate.</p>"
    )
    text = clean(html=_page_with_card("").replace("</article>", f"{prose}</article>")).text
    assert "minutes of the last committee meeting before the vote" in text
