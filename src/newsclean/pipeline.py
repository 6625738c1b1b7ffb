"""Cleaners and the ordered chain that runs them.

A :class:`Cleaner` is a small named step with one job. A :class:`Pipeline` is an ordered,
immutable list of cleaners plus the phrase lexicon they read; ``without()`` and ``with_cleaner()``
return new pipelines, so a configured pipeline can be shared safely.

>>> from newsclean import default_pipeline
>>> p = default_pipeline().without("name_variants")
>>> "name_variants" in p.names
False
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from newsclean.caches import once
from newsclean.document import Document
from newsclean.lexicon import Lexicon


@dataclass(frozen=True)
class NoSettings:
    """The settings of a cleaner that has no thresholds of its own."""


class Cleaner(ABC):
    """One step of the chain. Subclasses set ``name`` and write a docstring whose first line says
    what it removes or fixes; ``apply`` edits the document through its recording methods.

    A cleaner's thresholds are its ``Config``: a frozen dataclass, one documented field per
    threshold, defaults as the cleaner was measured with. ``DonationAppeal(config=
    DonationAppeal.Config(max_appeal_words=150))`` changes one; ``default_pipeline(config=...)``,
    ``newsclean run --config FILE`` and ``[tool.newsclean]`` in pyproject.toml set them by name
    (see :mod:`newsclean.cleaners.settings`)."""

    name: ClassVar[str]
    Config: ClassVar[type[Any]] = NoSettings

    def __init__(self, config: Any = None) -> None:
        default = self.Config()
        if config is not None and not isinstance(config, self.Config):
            raise TypeError(
                f"{self.name} takes a {self.Config.__qualname__}, not {type(config).__name__}"
            )
        self.config = config if config is not None else default

    @classmethod
    def summary(cls) -> str:
        """The first line of the cleaner's docstring."""
        first = (cls.__doc__ or "").strip().splitlines()[:1]
        return first[0].replace("``", "") if first else ""

    @abstractmethod
    def apply(self, doc: Document) -> None: ...

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class Pipeline:
    """An ordered chain of cleaners and the lexicon they use."""

    def __init__(self, cleaners: Sequence[Cleaner], *, lexicon: Lexicon | None = None):
        names = [c.name for c in cleaners]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"duplicate cleaner names: {', '.join(duplicates)}")
        self._cleaners = tuple(cleaners)
        self.lexicon = lexicon if lexicon is not None else default_lexicon()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self._cleaners]

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._cleaners)

    def __len__(self) -> int:
        return len(self._cleaners)

    def __getitem__(self, name: str) -> Cleaner:
        for cleaner in self._cleaners:
            if cleaner.name == name:
                return cleaner
        raise KeyError(f"no cleaner named {name!r}; known: {', '.join(self.names)}")

    def without(self, *names: str) -> Pipeline:
        """A copy of this pipeline without the named cleaners (unknown names are an error)."""
        for name in names:
            self[name]
        return Pipeline([c for c in self._cleaners if c.name not in names], lexicon=self.lexicon)

    def with_cleaner(
        self, cleaner: Cleaner, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A copy with ``cleaner`` added: before or after a named cleaner, else at the end."""
        cleaners = list(self._cleaners)
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        if before is not None:
            cleaners.insert(self.names.index(self[before].name), cleaner)
        elif after is not None:
            cleaners.insert(self.names.index(self[after].name) + 1, cleaner)
        else:
            cleaners.append(cleaner)
        return Pipeline(cleaners, lexicon=self.lexicon)

    def run(self, doc: Document) -> Document:
        for cleaner in self._cleaners:
            cleaner.apply(doc)
        return doc

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"


@once
def default_lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return Lexicon.load()
