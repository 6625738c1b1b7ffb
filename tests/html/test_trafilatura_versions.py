"""newsclean's HTML path and the trafilatura version it runs with.

pyproject.toml allows trafilatura 1.8 and later (datatrove[processing] pins <1.12), and
``newsclean/html/extract.py`` chooses its options by what the installed version offers. This
suite runs against one version, the one installed (CI installs the newest pip picks): it checks
that version's branch, and that the page below keeps its text under it. Older versions are not
installed here, so nothing in this file proves they work.
"""

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


def test_the_option_chosen_is_the_installed_versions() -> None:
    """trafilatura's comparison with other extractors is skipped with ``fast`` from 2.0 and
    ``no_fallback`` before; newsclean finds which by the installed function's signature."""
    import trafilatura

    from newsclean.html.extract import _skip_comparison

    major = int(trafilatura.__version__.split(".")[0])
    assert _skip_comparison() == {"fast" if major >= 2 else "no_fallback": True}
