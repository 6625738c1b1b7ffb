"""newsclean as a datatrove pipeline step: :class:`NewsClean` cleans each ``Document``.

``doc.text`` becomes the clean article text and ``doc.metadata`` the record's metadata (title,
published, sitename, source, author, url, description, language, word_count, what was removed
and fixed, the newsclean version), with the fields the document already had kept: ``title``,
``published``, ``sitename``, ``source``, ``author``, ``url`` and ``description`` win over what
the cleaners find, as for a JSONL input; any other field named like one of newsclean's
(``language``, ``word_count``…) takes newsclean's value. The article id goes to
``metadata["newsclean_id"]``; ``doc.id`` stays the corpus's.

A document newsclean rejects (no article text in the page, an input over the time budget…), or
that has no text left after cleaning (kind ``empty``, as datatrove's extractors drop it), is
dropped and counted under ``dropped_<kind>``, or written to ``exclusion_writer``, or, with
``keep_rejects=True``, passed on unchanged with ``metadata["newsclean_error"]`` and
``metadata["newsclean_message"]``.

Requires ``pip install 'newsclean[datatrove]'`` (datatrove core; readers and writers of
compressed or Parquet files need ``datatrove[io]``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from newsclean.cleaners import default_pipeline
from newsclean.io.readers import RawInput
from newsclean.pipeline import Pipeline
from newsclean.records import Reject
from newsclean.run.runner import DEFAULT_TIME_BUDGET, clean_input


class NewsClean(PipelineStep):  # type: ignore[misc]  # datatrove has no type hints
    """Clean each document's text (or HTML, with ``html=True``) with newsclean.

    Args:
        html: the documents' text is raw HTML (as a WARC reader gives it): extract it with
            trafilatura first, as ``newsclean.clean(html=...)`` does.
        pipeline: the cleaner chain (default: ``default_pipeline()``).
        audit: keep the full lists of removals and fixes in the metadata (``removed``,
            ``fixes``); ``False`` keeps only their counts (``removed_count``, ``fixes_count``),
            for outputs where the audit trail would cost too much space.
        keep_rejects: pass rejected documents on unchanged, marked, instead of dropping them.
        exclusion_writer: a datatrove writer that receives the dropped documents, marked.
        time_budget: seconds one document may take before it is rejected (``None``: no limit).
    """

    name = "📰 NewsClean"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        html: bool = False,
        pipeline: Pipeline | None = None,
        audit: bool = True,
        keep_rejects: bool = False,
        exclusion_writer: Any = None,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> None:
        super().__init__()
        self.html = html
        self.pipeline = pipeline if pipeline is not None else default_pipeline()
        self.audit = audit
        self.keep_rejects = keep_rejects
        self.exclusion_writer = exclusion_writer
        self.time_budget = time_budget

    def clean_document(self, doc: Document) -> Reject | None:
        """Clean ``doc`` in place; a :class:`~newsclean.io.readers.Reject` when newsclean cannot
        (``doc`` is then left as it was)."""
        item = RawInput(str(doc.id), "html" if self.html else "text", doc.text, dict(doc.metadata))
        result = clean_input(item, self.pipeline, self.time_budget)
        if isinstance(result, Reject):
            return result
        if not result.text:
            # Like datatrove's extractors, a document with no text left goes no further.
            return Reject(item.label, "empty", "no article text is left after cleaning")
        result.extra.pop("input", None)  # the document's id says where it came from
        record = result.to_dict()
        metadata: dict[str, Any] = record["metadata"]
        metadata["newsclean_id"] = record["id"]
        if not self.audit:
            metadata["removed_count"] = len(metadata.pop("removed"))
            metadata["fixes_count"] = len(metadata.pop("fixes"))
        doc.text = record["text"]
        doc.metadata = metadata
        return None

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        writer: Any = self.exclusion_writer or contextlib.nullcontext()
        with writer as excluded:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    reject = self.clean_document(doc)
                if reject is None:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update(f"rejected_{reject.kind}")
                doc.metadata["newsclean_error"] = reject.kind
                doc.metadata["newsclean_message"] = reject.message
                if self.keep_rejects:
                    self.stat_update(StatHints.forwarded)
                    yield doc
                    continue
                self.stat_update(StatHints.dropped, f"dropped_{reject.kind}")
                if self.exclusion_writer:
                    excluded.write(doc, rank)
