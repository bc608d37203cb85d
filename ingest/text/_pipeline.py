"""Documents in, extractions out: one spaCy pipeline per language, fed in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from graph import GraphStore

from ._documents import TextDocument
from ._extract import Extraction, Extractor
from ._gazetteer import Gazetteer, build_gazetteer
from ._nlp import make_pipeline

LANGS = ("en", "zh")
BATCH = 64  # documents per nlp.pipe batch
REFERENCE_DAY = date(2026, 9, 30)  # the day relative dates ("next March") count from when a note has none


class TextPipeline:
    """Recognise, link and relate over many documents; build once per graph state."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.extractor = Extractor(gz)
        self._nlp: dict[str, Language] = {}

    @classmethod
    def from_store(cls, store: GraphStore) -> TextPipeline:
        return cls(build_gazetteer(store))

    def nlp(self, lang: str) -> Language:
        if lang not in self._nlp:
            self._nlp[lang] = make_pipeline(self.gz, lang)
        return self._nlp[lang]

    def run(self, docs: Iterable[TextDocument]) -> Iterator[tuple[TextDocument, Extraction]]:
        """Extractions in input order per language batch (documents are grouped by language)."""
        pending: dict[str, list[TextDocument]] = {lang: [] for lang in LANGS}
        for doc in docs:
            lang = doc.lang if doc.lang in LANGS else "en"
            pending[lang].append(doc)
            if len(pending[lang]) >= BATCH:
                yield from self._flush(lang, pending[lang])
                pending[lang] = []
        for lang in LANGS:
            yield from self._flush(lang, pending[lang])

    def _flush(self, lang: str, batch: list[TextDocument]) -> Iterator[tuple[TextDocument, Extraction]]:
        if not batch:
            return
        for doc, parsed in zip(batch, self.nlp(lang).pipe(d.body for d in batch), strict=True):
            today = doc.at.date() if doc.at else REFERENCE_DAY
            account = doc.account_id or next(
                (self.gz.domains[d] for d in doc.domains if d in self.gz.domains), ""
            )
            yield doc, self.extractor.extract(parsed, lang, account, today)
