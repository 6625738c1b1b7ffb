"""newsclean extracts HTML with every trafilatura from 1.8 (datatrove[processing] pins <1.12)."""

from __future__ import annotations

from newsclean import clean


def test_page_without_date_or_url_keeps_its_text_and_title() -> None:
    """Under trafilatura 1.8/1.9 a with_metadata=True call would lose such pages entirely."""
    page = (
        "<html><head><title>Council votes on shelters</title></head><body><article>"
        "<h1>Council votes on shelters</h1>"
        "<p>The city council voted on Tuesday to open four more shelters before winter, after a "
        "long debate about the cost and the places chosen for them.</p>"
        "<p>The first of them is to open in the old school building next month, the mayor said "
        "after the vote, and the others by the end of the year.</p>"
        "</article></body></html>"
    )
    article = clean(html=page)
    assert article.published is None and article.url is None
    assert article.title == "Council votes on shelters"
    assert "four more shelters" in article.text
