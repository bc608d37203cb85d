"""The spaCy pipelines: tokenizer, sentence splitter and a rule-based entity recogniser fed from the graph.

English uses spaCy's rule-based tokenizer; Chinese uses spaCy's ``zh`` tokenizer with
jieba (its dictionary ships in the wheel), taught every name the graph knows so a name
is one token and the ruler's phrase patterns line up with the segmentation. Each pipeline
segments with a tokenizer of its own (``ingest.normalize.segmenter``): what one graph
teaches never changes how another's notes are read.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from ingest.normalize.segmenter import stock_segmenter, taught_segmenter
from ingest.normalize.text import has_cjk

from ._documents import MAX_BYTES
from ._gazetteer import Gazetteer
from ._lexicon import EN_HONORIFICS, FUNCTION_SURNAMES, ZH_HONORIFICS, ZH_SURNAMES

LABEL_ORDER = ("ORG", "PRODUCT", "TOPIC", "PERSON")
MAX_AMBIGUITY = 3  # a short form shared by more companies than this names none of them
PERSON_REF = "ref"  # pattern id of "Dr. Wang" / "王主任": linked later by the document's context


def _pattern(spelling: str) -> str | list[dict[str, str]]:
    """An acronym ("HIS", "PACS", "SM") matches as written, never a word ("his"); a name in any case."""
    if spelling.isupper() and spelling.isascii() and spelling.isalnum() and len(spelling) <= 6:
        return [{"TEXT": spelling}]
    return spelling


def _en_variants(spelling: str, label: str) -> list[str]:
    """Other written forms of an English name: without its full stop ("Hosp.'s" and "Hosp.;"
    tokenize apart from "Hosp."; the mention takes it back, see ``_extract.Extractor.mentions``),
    a model counted in the plural ("mostly Halden PX-8s", "X-am 5600s")."""
    out = [spelling[:-1]] if spelling.endswith(".") else []
    if label == "PRODUCT" and spelling[-1:].isdigit():
        out.append(spelling + "s")
    return out


def _patterns(gz: Gazetteer, lang: str) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    taken: set[str] = set()
    for surface, by_label in gz.surfaces.items():
        for label in LABEL_ORDER:
            ids = by_label.get(label)
            if label == "PERSON" and lang == "zh" and has_cjk(surface):
                break  # Chinese names are found by the character scan (see _recognise)
            if ids and (label != "ORG" or len(ids) <= MAX_AMBIGUITY):
                patterns.append({"label": label, "pattern": _pattern(gz.spelling[surface]), "id": surface})
                if lang == "en":
                    patterns += [
                        {"label": label, "pattern": form, "id": surface}
                        for form in _en_variants(gz.spelling[surface], label)
                    ]
                taken.add(surface)
                break
    for title in sorted(gz.titles):
        if title.casefold() not in taken:
            patterns.append({"label": "TITLE", "pattern": title, "id": "title"})
    if lang == "en":
        honorific = {"TEXT": {"IN": list(EN_HONORIFICS)}}
        patterns.append({"label": "PERSON", "pattern": [honorific, {"IS_TITLE": True}], "id": PERSON_REF})
    else:
        for fam in ZH_SURNAMES:
            for h in ZH_HONORIFICS:
                if fam in FUNCTION_SURNAMES and len(h) > 1:
                    continue  # "直接向董事长许国强汇报": 向 the preposition before a full title
                patterns.append({"label": "PERSON", "pattern": fam + h, "id": PERSON_REF})
    return patterns


@lru_cache(maxsize=1)
def zh_word_tags() -> dict[str, str]:
    """jieba's dictionary: word -> part-of-speech tag."""
    import jieba.posseg  # noqa: PLC0415 — its tag table takes half a second to load; only Chinese needs it

    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


def zh_word_count(text: str) -> int:
    """How often jieba's corpus holds the word (0 for none), as its dictionary file says."""
    return _dictionary_counts().get(text, 0)


@lru_cache(maxsize=1)
def _dictionary_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    with stock_segmenter().get_dict_file() as lines:
        for line in lines:
            parts = line.decode("utf-8").split()
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4:  # the words a count is asked of
                counts[parts[0]] = int(parts[1])
    return counts


_COMMON = 300  # jieba's counts: a two-character "name" this frequent is a word (谢谢 1089, 高峰 1556)


def is_zh_word(text: str) -> bool:
    """A word of jieba's dictionary ("方面", "安排"): not a new name. The dictionary tags some
    ordinary words as names (谢谢, 明白, 阳光); a frequent two-character one is read as a word."""
    tag = zh_word_tags().get(text)
    if tag is None:
        return False
    return not tag.startswith("nr") or (len(text) == 2 and zh_word_count(text) >= _COMMON)


def _taught_words(patterns: list[dict[str, Any]]) -> list[str]:
    """The Chinese names among the ruler's phrases, and a lower-case form of each mixed one
    ("用友nc" as notes write 用友NC: one word, matched in lower case)."""
    words: list[str] = []
    for p in patterns:
        w = p["pattern"]
        if isinstance(w, str) and has_cjk(w):
            words += [w] if w.lower() == w else [w, w.lower()]
    return words


class _JiebaTokenizer:
    """spaCy's own zh tokenizer segments with jieba's shared dictionary (see the module's
    docstring); this one with the pipeline's."""

    def __init__(self, vocab: Vocab, segmenter: Any) -> None:
        self.vocab, self.segmenter = vocab, segmenter

    def __call__(self, text: str) -> Doc:
        words, spaces = get_words_and_spaces([w for w in self.segmenter.cut(text, HMM=True) if w], text)
        return Doc(self.vocab, words=words, spaces=spaces)


def make_pipeline(gz: Gazetteer, lang: str) -> Language:
    """A blank pipeline for ``lang`` ("en" or "zh") with a sentencizer and the graph's ruler."""
    nlp = spacy.blank(lang)  # a Chinese one's tokenizer is replaced below
    nlp.max_length = MAX_BYTES  # the reader rejects longer notes; no parser or NER model runs here
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "！", "？", "；", "\n"]})
    patterns = _patterns(gz, lang)
    if lang == "zh":
        nlp.tokenizer = _JiebaTokenizer(nlp.vocab, taught_segmenter(_taught_words(patterns), freq=200_000))
    # span_ruler rather than entity_ruler: the latter counts all its patterns on every
    # document (O(patterns) per doc, 4 of 8 seconds on the sample with ~10k names)
    ruler = nlp.add_pipe(
        "span_ruler",
        config={
            "spans_key": None,
            "annotate_ents": True,
            "phrase_matcher_attr": "LOWER",
            "validate": False,
        },
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
