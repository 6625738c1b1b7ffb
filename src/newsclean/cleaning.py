"""``clean()``: one article in, one :class:`~newsclean.Article` out. Pure: no files, no network."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from typing import Any

from newsclean.caches import once
from newsclean.cleaners import default_pipeline
from newsclean.cleaners._layout import find_headline
from newsclean.cleaners._shapes import total_word_count
from newsclean.conventions import label_list
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.records import Article
from newsclean.run.budget import _time_budget
from newsclean.segment import canonical_inline, render, segment

# Metadata a caller may pass in; it takes precedence over what the cleaners find in the text.
_GIVEN_FIELDS = ("title", "published", "sitename", "source", "author", "url", "description")
# Lists of labels a caller or the page may give; no cleaner finds them in the text.
_LIST_FIELDS = ("categories", "tags")


def article_id(title: str | None, text: str) -> str:
    """A stable id from the canonical content: the same article gets the same id everywhere.
    (Hashed as UTF-8, a lone surrogate from a JSON escape as its three bytes.)"""
    content = f"{title or ''}\n\n{text}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(content).hexdigest()[:16]


def clean(
    text: str | None = None,
    *,
    html: str | bytes | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    metadata: Mapping[str, Any] | None = None,
    time_budget: float | None = None,
) -> Article:
    """Clean one article given as extracted ``text`` or raw ``html`` (exactly one of them).

    ``metadata`` holds facts already known (``title``, ``published``, ``author``…); they win over
    what the cleaners find, and a given title is still removed from the text. Other keys are
    carried into :attr:`Article.extra`.

    ``time_budget`` (seconds) raises :class:`~newsclean.run.budget.TimeBudgetExceeded` when
    cleaning takes longer (a ``SIGALRM`` timer: in the main thread on Unix, elsewhere no limit;
    it replaces any interval timer of the caller's while it runs). Wrong argument types raise
    ``TypeError`` saying which argument.

    >>> a = clean("Putin in Minsk\\n\\nThe Kremlin chief landed in Minsk on Monday.\\n\\nRead more")
    >>> a.title, a.text
    ('Putin in Minsk', 'The Kremlin chief landed in Minsk on Monday.')
    >>> [(r.cleaner, r.text) for r in a.removed]
    [('navigation', 'Read more'), ('headline', 'Putin in Minsk')]
    """
    _check_arguments(text, html, url, pipeline, metadata, time_budget)
    pipeline = pipeline if pipeline is not None else _default()
    given = dict(metadata or {})
    with _imported_then_timed(html is not None, time_budget):
        return _clean(text, html, url, pipeline, given)


def _check_arguments(
    text: object, html: object, url: object, pipeline: object, metadata: object, budget: object
) -> None:
    if (text is None) == (html is None):
        raise TypeError("clean() needs exactly one of text= or html=")
    if text is not None and not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if html is not None and not isinstance(html, (str, bytes)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be str or None, not {type(url).__name__}")
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a Pipeline or None, not {type(pipeline).__name__}")
    if metadata is not None and not isinstance(metadata, Mapping):
        kind = type(metadata).__name__
        raise TypeError(f"metadata must be a mapping (a dict) or None, not {kind}")
    if budget is not None:
        if isinstance(budget, bool) or not isinstance(budget, (int, float)):
            raise TypeError(f"time_budget must be a number or None, not {type(budget).__name__}")
        if not (math.isfinite(budget) and budget > 0):
            raise ValueError(f"time_budget must be a positive number of seconds, not {budget!r}")


@contextmanager
def _imported_then_timed(html: bool, seconds: float | None) -> Iterator[None]:
    """``seconds`` of time budget around what follows, the HTML extractor imported before the
    clock starts (see :mod:`newsclean.html.extract`)."""
    if html:
        import newsclean.html.extract  # noqa: F401
    with _time_budget(seconds) if seconds is not None else nullcontext():
        yield


def _clean(
    text: str | None,
    html: str | bytes | None,
    url: str | None,
    pipeline: Pipeline,
    given: dict[str, Any],
) -> Article:
    if url:
        given.setdefault("url", url)
    page_day = None  # the page's publication day, when its markup gives no time
    if html is not None:
        from newsclean.html.extract import extract_html

        text, page_meta = extract_html(html, url=url)
        if len(page_meta.get("published") or "") == len("YYYY-MM-DD"):
            page_day = page_meta.pop("published")
        for key, value in page_meta.items():
            given.setdefault(key, value)
    assert text is not None
    known = {key: str(given[key]) for key in _GIVEN_FIELDS if _known(given.get(key))}
    doc = Document(segment(text), pipeline.lexicon, meta=known)
    body = _run_to_fixed_point(pipeline, doc)
    published = doc.meta.get("published")
    if page_day and "published" not in given:
        # The day the page's markup declares wins over a date line in its text, but a line
        # giving that day with its time and zone ("Jan. 3, 2024 5:00 am ET") says more.
        if not str(published or "").startswith(page_day):
            published = page_day
    title = doc.meta.get("title")
    language, confidence = doc.language()  # detected once, by name_variants or here
    extra = {k: v for k, v in given.items() if k not in _GIVEN_FIELDS + _LIST_FIELDS}
    return Article(
        id=article_id(title, body),
        text=body,
        title=title,
        published=published,
        sitename=doc.meta.get("sitename"),
        source=doc.meta.get("source"),
        author=doc.meta.get("author"),
        url=doc.meta.get("url"),
        description=doc.meta.get("description"),
        categories=label_list(given.get("categories")),
        tags=label_list(given.get("tags")),
        language=language,
        language_confidence=confidence,
        word_count=total_word_count([canonical_inline(b.text) for b in doc.blocks]),
        removed=list(doc.removed),
        fixes=list(doc.fixes),
        extra=extra,
    )


def _known(value: Any) -> bool:
    """Whether a given field says something: not empty, and not NaN or infinite (which a JSON
    record may hold, and which would otherwise become the title "nan")."""
    if isinstance(value, float):
        return math.isfinite(value)
    return value not in (None, "")


# Each pass reads the text the previous one printed; one more pass than it takes for any fixture
# to settle. A removal can bring text together that another cleaner then recognizes (a lede
# printed seven times loses six copies, and a headline copy further down moves up to the top).
_MAX_PASSES = 3
# Readings in all: the article, then its output once as a new article. On a page of short lines
# each new reading can take one more line for a headline, so more readings lose body text: AEB F1
# 0.9782 with one reading (48 of 273 harvested pages not idempotent), 0.9783 with two (5 of the
# 181 AEB pages not idempotent), 0.9778 with three.
_MAX_ROUNDS = 2


def _run_to_fixed_point(pipeline: Pipeline, doc: Document) -> str:
    """Run the chain until the printed text stops changing, then until cleaning the printed text
    as a new article (nothing known about it: no title, no memo) changes nothing either, so that
    ``clean(clean(x).text).text == clean(x).text``. What the new article's chain removes or fixes
    is recorded in ``doc``; what it finds (a title) is not: the first reading knew more."""
    body = _passes(pipeline, doc)
    title, url = doc.meta.get("title"), doc.meta.get("url")
    if not url and (not title or find_headline(doc.blocks, None, doc.lexicon) is None):
        # What a new reading knows less of is the title and the address (navigation reads it).
        # Without them, it asks what the last pass asked; with a title and no address, what
        # changes is where the headline is: when no line has a headline's place and shape, the
        # new reading finds none either.
        return body
    for _ in range(_MAX_ROUNDS - 1):
        fresh = Document(segment(body, rendered=True), pipeline.lexicon)
        again = _passes(pipeline, fresh)
        if again == body:
            break
        # A title known from the page keeps the chain from taking a headline-shaped first line
        # that is not a copy of it; the new article has no title, and takes it.
        doc.adopt(fresh)
        body = again
    return body


def _passes(pipeline: Pipeline, doc: Document) -> str:
    """Run the chain until the printed text stops changing (at most ``_MAX_PASSES`` times).
    Whether a pass changed anything is told by the text itself (the blocks' texts and paragraphs
    before and after it), not by the record."""
    read = doc.texts()
    pipeline.run(doc)
    body = render(doc.blocks)
    for _ in range(_MAX_PASSES - 1):
        blocks = segment(body, rendered=True)
        if doc.texts() == read and blocks == doc.blocks:
            break  # the pass changed nothing, and the next would read exactly what it read
        doc.reread(blocks)
        read = doc.texts()
        pipeline.run(doc)
        again = render(doc.blocks)
        if again == body:
            break
        body = again
    return body


@once
def _default() -> Pipeline:
    return default_pipeline()
