"""Text extraction speed against spaCy's bare tokenizer on the same texts, in one run.

For each language, 5,000 notes (the sample market's notes of that language, repeated
in order until there are enough) go through:
1. baseline: the language's bare spaCy tokenizer (``spacy.blank("en")``; ``zh`` with
   jieba), ``nlp.make_doc`` on every text;
2. extraction: the full text pipeline (tokenizer, sentencizer, the graph's EntityRuler,
   linking and relation rules) in ``nlp.pipe`` batches, as ``ingest text`` runs it.
Prints documents/s and words/s for both and their ratio (how many times slower the
pipeline is than tokenising alone). Words are the bare tokenizer's non-space tokens.
Setup (sample generation, loading the records the pipeline links against, building the
pipelines) is reported but not timed against anything.

    python benchmarks/text_extract.py
    python benchmarks/text_extract.py --docs 1000
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy

from graph.adapters.ladybug import LadybugStore
from ingest.sample import generate
from ingest.text import TextDocument, TextPipeline, load_sample_graph


def bare_tokenizer(lang: str) -> spacy.language.Language:
    if lang == "zh":
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return spacy.blank("en")


def notes_of(sample: Path, lang: str, n: int) -> list[TextDocument]:
    rows = [
        json.loads(line)
        for line in (sample / "notes" / "notes.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts = [r for r in rows if r["lang"] == lang]
    return [
        TextDocument(f"{r['id']}-{i}", "note", r["text"], "bench", i, lang, None, r["account_id"])
        for i, r in zip(range(n), itertools.cycle(texts), strict=False)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000, help="notes per language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        sample = Path(tmp) / "sample"
        generate(sample, seed=7, scale=1.0)
        store = LadybugStore().open()
        store.create_schema()
        load_sample_graph(store, sample, Path(tmp) / "records")
        pipeline = TextPipeline.from_store(store)
        for lang in ("en", "zh"):
            pipeline.nlp(lang)
        print(f"setup (sample, records, pipelines): {time.perf_counter() - t0:.1f} s")
        print(f"{'lang':<5}{'what':<22}{'docs/s':>10}{'words/s':>12}{'seconds':>9}")
        for lang in ("en", "zh"):
            docs = notes_of(sample, lang, args.docs)
            tokenizer = bare_tokenizer(lang)
            tokenizer.make_doc("warm up 预热")
            t = time.perf_counter()
            words = sum(sum(1 for tok in tokenizer.make_doc(d.body) if not tok.is_space) for d in docs)
            bare = time.perf_counter() - t
            t = time.perf_counter()
            facts = sum(len(ex.facts) for _, ex in pipeline.run(docs))
            full = time.perf_counter() - t
            for what, sec in (("bare tokenizer", bare), ("extraction pipeline", full)):
                print(f"{lang:<5}{what:<22}{len(docs) / sec:>10,.0f}{words / sec:>12,.0f}{sec:>9.2f}")
            print(f"{lang:<5}ratio: extraction is {full / bare:.1f}x the bare tokenizer's time "
                  f"({len(docs):,} notes, {words:,} words, {facts:,} facts)")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
