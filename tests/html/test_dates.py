"""Publication dates keep their time and zone: declared timestamps and text date lines."""

from __future__ import annotations

import pytest

from newsclean import clean

BODY = (
    "<p>The storm reached the coast early on Wednesday, and thousands of homes lost power across "
    "the county as the wind rose to more than 100 kilometres an hour.</p>"
    "<p>Schools stayed closed, and the county asked drivers to keep off the coastal road until "
    "crews had cleared the fallen trees and checked the bridges.</p>"
)


def _page(head: str, before: str = "") -> str:
    return (
        f"<html><head><title>Storm hits the coast</title>{head}</head><body><article>"
        f"<h1>Storm hits the coast</h1>{before}{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            '<meta property="article:published_time" content="2024-12-30T10:00:00Z">',
            "2024-12-30T10:00:00+00:00",
        ),
        (
            '<meta property="article:published_time" content="2024-07-01T18:30:00-04:00">',
            "2024-07-01T18:30:00-04:00",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2023-04-06T11:03:23.682+02:00"}</script>',
            "2023-04-06T11:03:23.682+02:00",
        ),
        ('<meta property="article:published_time" content="2024-12-30">', "2024-12-30"),
    ],
)
def test_a_declared_timestamp_keeps_its_time_and_offset(head: str, published: str) -> None:
    assert clean(html=_page(head)).published == published


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Jan. 3, 2024 5:00 am ET", "2024-01-03T05:00:00-05:00"),  # winter: EST
        ("July 3, 2024 5:00 pm ET", "2024-07-03T17:00:00-04:00"),  # summer: EDT
        ("Nov. 20, 2023 9:15 am PT", "2023-11-20T09:15:00-08:00"),
        ("March 10, 2024 3:30 am CT", "2024-03-10T03:30:00-05:00"),  # the day summer time starts
    ],
)
def test_a_text_date_with_a_zone_keeps_it_as_an_offset(line: str, published: str) -> None:
    article = clean(f"Storm hits the coast\n\n{line}\n\nThe storm reached the coast on Wednesday.")
    assert article.published == published
    assert line not in article.text


def test_a_text_date_line_gives_the_time_of_the_day_the_page_declares() -> None:
    page = _page('<meta name="date" content="2024-01-03">', "<p>Jan. 3, 2024 5:00 am ET</p>")
    article = clean(html=page)
    assert article.published == "2024-01-03T05:00:00-05:00"
    assert "5:00 am" not in article.text


def test_the_declared_day_wins_over_a_text_date_of_another_day() -> None:
    page = _page('<meta name="date" content="2024-01-04">', "<p>Jan. 3, 2024 5:00 am ET</p>")
    assert clean(html=page).published == "2024-01-04"
