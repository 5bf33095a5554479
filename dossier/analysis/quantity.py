"""Figures in text: numbers, units, hedges ("about", "over", "at least") and their comparison.

A figure becomes a :class:`~dossier.models.Quantity`: the value as written, and the interval of
values its hedge allows ("about 500" -> 450..550, "over 1,500" -> (1500, inf), "at least 7 km"
-> [7, inf)). Two figures are compared only when they have the same kind of unit; whether they
speak of the same *measure* (troops, strikes, percent of Raqqa) is the judge's business.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from text_to_num import text2num

from dossier.lexicon.calendar import MONTH_WORDS
from dossier.lexicon.hedges import (
    ABOVE,
    APPROX,
    AT_LEAST,
    AT_MOST,
    BELOW,
    NEARLY,
    PREPOSITION_HEDGES,
)
from dossier.lexicon.numbers import (
    COUNT_ADJECTIVES,
    CURRENCIES,
    FRACTIONS,
    IDENTIFIER_WORDS,
    IRREGULAR_PLURALS,
    MONEY_SCALES,
    NUMBER_WORDS,
    ORDINAL_UNITS,
    PARTITIVES,
    SCALE_ABBREVIATIONS,
    SCALES,
    SPECIAL_WORDS,
    UNITS,
    VAGUE,
    VAGUE_DOZENS,
)
from dossier.lexicon.thresholds import (
    APPROX_STEPS,
    APPROX_TOLERANCE,
    EXACT_TOLERANCE,
    OPEN_RANGE,
)
from dossier.lexicon.words import IRREGULAR_VERBS, NOUN_ENDS
from dossier.models import Quantity

_HEDGES: dict[str, str] = {}
for _kind, _words in (
    ("approx", APPROX),
    ("nearly", NEARLY),
    ("above", ABOVE),
    ("at_least", AT_LEAST),
    ("below", BELOW),
    ("at_most", AT_MOST),
):
    for _w in _words:
        _HEDGES[_w] = _kind

# "most of the city", "the majority of": more than half, as a share.
# "a majority of 174" is a margin of 174 seats or votes: the number is the figure.
_MAJORITY_RE = (
    r"most(?=\s+of\b)|(?:the\s+|a\s+)?majority(?=\s+of\b)(?!\s+of\s+(?:just\s+|only\s+)?\d)"
)
_NUMWORD = r"(?:" + "|".join(NUMBER_WORDS) + r")"
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:" + _NUMWORD + r")(?:[\s-]+(?:and[\s-]+)?" + _NUMWORD + r")*(?:[\s-]+dozen\b)?"
    r"|"
    + "|".join(
        sorted(
            (re.escape(w) for w in [*SPECIAL_WORDS, *VAGUE, *VAGUE_DOZENS]), key=len, reverse=True
        )
    )
    + r"|"
    + _MAJORITY_RE
    + r"|an?(?=[\s-]+(?:"
    + "|".join(
        sorted(
            (re.escape(u) for u in UNITS if u.isalpha() and u not in ORDINAL_UNITS),
            key=len,
            reverse=True,
        )
    )
    + r")\b))"
)
_SCALES = {**SCALES, **SCALE_ABBREVIATIONS, **MONEY_SCALES}
"""Every scale a number may be written with, by the word or abbreviation (``_SCALE``)."""
_SCALE = (
    r"(?:[\s-]+(?P<scale>" + "|".join(SCALES) + r")\b"
    r"|(?<=\d)(?P<glued>" + "|".join([*SCALES, *SCALE_ABBREVIATIONS]) + r")\b"
    r"|(?<=\d)(?(currency)(?P<money>" + "|".join(MONEY_SCALES) + r")\b|(?!)))?"
)
_CURRENCY = r"(?:(?P<currency>US\$|\$|€|£|₹|Rs\b|INR\b)\.?\s*)?"
_HEDGE = (
    r"(?:(?P<hedge>"
    + "|".join(sorted((re.escape(h) for h in _HEDGES), key=len, reverse=True))
    + r")\s+)?"
)
# A unit of measure may be glued to its number ("5km", "128kmph"); a word unit not ("5days").
_GLUED_UNITS = ("km", "km/h", "kmh", "kmph", "kms", "kph", "mph")
_UNIT = (
    r"(?P<unit>\s*%|[\s-]+(?:"
    + "|".join(sorted((re.escape(u) for u in UNITS if u != "%"), key=len, reverse=True))
    + r")\b|(?<=\d)(?:"
    + "|".join(sorted((re.escape(u) for u in _GLUED_UNITS), key=len, reverse=True))
    + r")\b)?"
)
_RANGE = r"(?:\s*(?:-|–|to|and)\s*(?P<num2>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))?"
_QUANTITY_PARTS = (
    r"(?<![\w.,:])"  # not the minutes of "3:30"
    + r"(?:(?P<between>between)\s+)?"
    + _HEDGE
    + _CURRENCY
    + _NUMBER
    + _SCALE
)
_QUANTITY_END = _UNIT + r"(?![\w])(?!:\d)"  # not the hour of "3:30 p.m."
_QUANTITY_RE = re.compile(_QUANTITY_PARTS + _RANGE + _QUANTITY_END, re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# The same without a range: "from 288 to 275" is two figures, the old and the new.
_SINGLE_RE = re.compile(_QUANTITY_PARTS + r"(?P<num2>(?!))?" + _QUANTITY_END, re.IGNORECASE)
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
_WORD_RE = re.compile(r"\s*([A-Za-z][\w'’-]*|[^\sA-Za-z])")
_OF_RE = re.compile(r"\s+of\s+((?:the\s+)?(?:[^,.;:()\"“”]|[.,](?=\d)){1,60})")
# The number of a whole a share is "of" ("1.2% of the 1.544 million workers"): not its noun.
_WHOLE_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|thousand|million|billion", re.IGNORECASE)


class Agreement(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Comparison:
    agreement: Agreement
    claim: Quantity
    passage: Quantity


def _parse_number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in SPECIAL_WORDS:
        return SPECIAL_WORDS[raw]
    if raw[:1].isdigit():
        return float(raw.replace(",", ""))
    words = re.sub(r"[\s-]+", " ", raw).replace(" and ", " ")
    if words.endswith(" dozen"):  # "two dozen", "four dozen": twelve each
        count = _parse_number(words.removesuffix(" dozen"))
        return None if count is None else count * 12
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _interval(
    value: float, hedge: str | None, half: float = math.inf
) -> tuple[float, float, bool, bool]:
    """The values a figure allows. "About" allows ``APPROX_TOLERANCE`` of the value, but no
    more than ``APPROX_STEPS`` times the rounding of the number as written (``half``: half the
    step of its last written digit): "about 500" is 450-550, "about 128 km/h" 125.5-130.5,
    and "around 59.8%" 59.55-60.05."""
    kind = _HEDGES.get(hedge.lower()) if hedge else None
    spread = min(abs(value) * APPROX_TOLERANCE, APPROX_STEPS * half)
    if kind == "approx":
        return value - spread, value + spread, False, False
    if kind == "nearly":
        return value - spread, value, False, True
    if kind == "above":
        return value, math.inf, True, False
    if kind == "at_least":
        return value, math.inf, False, False
    if kind == "below":
        return 0.0, value, False, True
    if kind == "at_most":
        return 0.0, value, False, False
    return value, value, False, False


def _noun_after(text: str, end: int) -> str | None:
    """The counted noun that follows a figure: '500 US troops' -> 'troops',
    '60,000 Iraqi security forces' -> 'forces' (the first plural of the run of lower-case words
    after any capitalised modifiers); with no lower-case word after them, a capitalised plural:
    '500 Britons are' -> 'Britons')."""
    words: list[str] = []
    named: str | None = None  # the one capitalised word before them: "500 Britons are ..."
    pos = end
    for _ in range(5):
        m = _WORD_RE.match(text, pos)
        if not m:
            break
        word = m.group(1)
        pos = m.end()
        if not word[:1].isalpha():
            break
        if word[:1].isupper():
            if words:
                break
            named = word if named is None else ""  # one word: "Britons", not "Greatest Songs"
            continue
        if word.lower() in NOUN_ENDS or word.lower() in {"of", "the", "a", "an", "were", "had"}:
            break
        if word.lower() in COUNT_ADJECTIVES:
            continue  # "1,500 more troops"
        words.append(word)
        if len(words) == 3:
            break
    if not words:
        # people named by where they are from or what they belong to: "500 Britons are"
        name = named or ""
        plural = name.endswith("s") and not name.endswith("ss") and not name.isupper()
        return name if plural and len(name) > 3 else None
    plurals = [
        w
        for w in words
        if (w.endswith("s") and not w.endswith("ss")) or w.lower() in IRREGULAR_PLURALS
    ]
    return plurals[0] if plurals else words[0]


_OUT_OF_AFTER_RE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?(?:\d[\d,]*(?:\.\d+)?|[a-z]+)(?=\s)", re.I
)
_OUT_OF_BEFORE_RE = re.compile(
    r"\b(?:out\s+of|among)\s+(?:the\s+|a\s+total\s+of\s+)?\d[\d,]*\s+([a-z]+)\s*,\s*$", re.I
)


# After a count that leaves its noun out: a verb ("50 died", "seven became pregnant", "50 were
# killed") or "of them" ("seven of them returned").
_AUXILIARY = "were|was|are|is|had|have|has|will|would"
_ELIDED_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?:them|whom|those|these)\b|(?:" + _AUXILIARY + r"|"
    r"remain|remained|became|become|went|fell|got|came|survived|died|escaped|returned)\b)",
    re.IGNORECASE,
)
_SENTENCE_STOP_RE = re.compile(r"[.;!?]\s")
# A verb of killing or injuring right before a count that says no noun: "The crash killed 50".
_BEFALLEN_BEFORE_RE = re.compile(
    r"\b(killed|kills|killing|injured|injures|injuring|wounded|wounds|wounding)\s+$",
    re.IGNORECASE,
)
# The verb an elided count is said with, past its auxiliary: "five had died", "50 were killed".
_VERB_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:" + _AUXILIARY + r"|"
    r"been|be|not|all|also|still|already|later|[a-z]+ly)\s+)*([a-z]+)\b"
)


def _elided(text: str, end: int, noun: str | None) -> bool:
    """Whether a count leaves out the noun it counts, a verb or "of them" coming right after
    it; or the word read as its noun is a past form ("returned", "fled"), not a plural."""
    if _ELIDED_AFTER_RE.match(text, end):
        return True
    if noun is None or noun.lower() in IRREGULAR_PLURALS:
        return False
    word = noun.lower()
    return word in IRREGULAR_VERBS or (word.endswith("ed") and not word.endswith("eed"))


def _earlier_noun(text: str, found: list[Quantity], start: int) -> str | None:
    """The noun of the sentence's last earlier count (not across a sentence's end): what a
    count that leaves its noun out counts ("The 28 girls were on a trip when seven returned")."""
    for q in reversed(found):
        if q.unit == "count" and q.noun and not _SENTENCE_STOP_RE.search(text, q.end, start):
            return q.noun
    return None


def _part_of(text: str, start: int, end: int) -> str | None:
    """What a part counted out of a whole counts: the whole's noun. "seven out of 28 girls"
    counts girls, and "412 of the 650 seats" seats (whose seats, the judge tells from who won
    them); so does "seven" in "Out of the 28 girls, seven came home"."""
    after = _OUT_OF_AFTER_RE.match(text, end)
    if after is not None and after.group().split()[-1][:1].isdigit():
        return _noun_after(text, after.end())
    before = _OUT_OF_BEFORE_RE.search(text[max(0, start - 60) : start])
    return before.group(1) if before is not None else None


def _partitive_object(text: str, end: int, noun: str) -> str | None:
    """'60,000 members of Iraq's security forces' -> "Iraq's security forces"."""
    at = text.find(noun, end)
    return _object_of(text, at + len(noun)) if at >= 0 else None


def _object_of(text: str, end: int) -> str | None:
    """What a measure is 'of': '80 per cent of Raqa and the other' -> 'Raqa'."""
    m = _OF_RE.match(text, end)
    if not m:
        return None
    kept: list[str] = []
    for word in m.group(1).split():
        if word.lower() in NOUN_ENDS and not (word == "and" and kept and kept[-1].endswith("-")):
            break  # (but "full- and part-time workers" goes on)
        if _WHOLE_NUMBER_RE.fullmatch(word):
            continue
        if kept and word.lower() in {"the", "a", "an"}:
            break  # "workers the company reported": another phrase begins
        kept.append(word)
        if len(kept) == 6:
            break
    return " ".join(kept) or None


def _figures_in(text: str) -> Iterator[re.Match[str]]:
    """The figures' matches in text order. A change is two figures, each matched alone, not a
    range: "revised down from 288 to 275", "rose from 261 to 288"; so is a "range" whose second
    number is not larger."""
    pos = 0
    while (m := _QUANTITY_RE.search(text, pos)) is not None:
        num2 = m.group("num2")
        first, second = _parse_number(m.group("num")), _parse_number(num2) if num2 else None
        change = _FROM_RE.search(text, max(0, m.start() - 6), m.start()) is not None
        if first is not None and second is not None and (second <= first or change):
            single = _SINGLE_RE.match(text, m.start())
            if single is not None:
                yield single
                pos = max(single.end(), m.start() + 1)
                continue
        yield m
        pos = max(m.end(), m.start() + 1)


def extract(text: str, *, alone: bool = False) -> list[Quantity]:
    """Every figure in ``text`` with its hedge, unit and what it measures, in text order.

    ``alone``: ``text`` is a figure cut from its sentence, as a citation lists it ("about 500",
    "over 1,500"): a number without the noun it counts is a count all the same."""
    found: list[Quantity] = []
    for m in _figures_in(text):
        num_raw = m.group("num")
        if num_raw.lower() in _ROUND_COUNTS:
            # "dozens of civilians", "several dozen people"; "thousands fled" counts no one named
            vague = _vague(text, m, of=num_raw.lower() in VAGUE)
            if vague is not None:
                found.append(vague)
            continue
        majority = num_raw.lower().split()[-1] in {"most", "majority"}
        if majority:
            value: float | None = 50.0
        else:
            value = 1.0 if num_raw.lower() in {"a", "an"} else _parse_number(num_raw)
        if value is None:
            continue
        scale = m.group("scale") or m.group("glued") or m.group("money")
        if scale and num_raw[:1].isdigit():
            value *= _SCALES[scale.lower()]
        currency = CURRENCIES.get((m.group("currency") or "").lower())
        unit_raw = (m.group("unit") or "").strip(" -").lower()
        after = text[m.end() : m.end() + 12].lower().lstrip()
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if not unit_raw and _YEAR_RE.match(num_raw) and not m.group("hedge"):
            continue  # a year, not a figure
        if not unit_raw and not m.group("hedge") and not currency and _in_a_name(text, m):
            continue  # "COVID-19", "F-16", "type 1", "train 12841": a name's number
        if text.startswith("=", m.end()) or text.endswith("=", 0, m.start()):
            continue  # "from 1=discharged to 6=death": a point of a scale, not a figure
        if _CONFIDENCE_AFTER_RE.match(text, m.end()):
            continue  # "(95% CI: 0.56 to 0.84)": how sure an estimate is, not what it found
        if (
            not unit_raw
            and num_raw.lower() in NUMBER_WORDS
            and not m.group("hedge")
            and _DEFINITE_RE.search(before)
        ):
            continue  # "the two forces", "the three men": a group named before, not counted
        if num_raw.lower() == "one" and (
            _PRONOUN_ONE_RE.search(before)
            or (_MEMBER_BEFORE_RE.search(before) and after.startswith("of "))
        ):
            continue  # "no one", "every one of them": a pronoun; "was one of the 93": a member
        if (
            not unit_raw
            and 1 <= value <= 31
            and num_raw.isdigit()
            and (
                any(after.startswith(mo + " ") or after.startswith(mo + ",") for mo in MONTH_WORDS)
                or any(before.rstrip().endswith(mo) for mo in MONTH_WORDS)
            )
        ):
            continue  # a day of a month: "September 9", "9 September"; not "passed 6,000 June 7"
        if currency:
            unit, factor = currency, 1.0
        elif num_raw.lower() in FRACTIONS or majority:
            unit, factor = "percent", 1.0
        elif not unit_raw and not m.group("hedge") and _RANK_RE.search(before):
            unit, factor = "rank", 1.0  # "No. 497 on the list": a place, not a count
        elif unit_raw:
            unit, factor = UNITS.get(unit_raw, ("count", 1.0))
        else:
            unit, factor = (
                ("times", 1.0) if num_raw.lower() in {"twice", "thrice"} else ("count", 1.0)
            )
        if unit in {"count", "hour"} and not currency and _is_age(text, m, unit_raw):
            unit, factor = "age", 1.0  # "died at 57", "aged 41", "57 years old": compared with ages
        hedge = m.group("hedge")
        start = m.start()
        if hedge and hedge.lower() in PREPOSITION_HEDGES and _compound_modifier(text, m):
            hedge, start = None, m.start("num")  # "under 24-hour guard": under guard, all day
        num2 = m.group("num2")
        half = _half_step(num_raw, scale) * factor
        low, high, low_open, high_open = _interval(
            value * factor, "over" if majority else hedge, half
        )
        if unit == "percent":
            high = min(high, 100.0)
        if num2 and (m.group("between") or not hedge):
            v2 = _parse_number(num2)
            if v2 is not None and v2 > value:
                low, high, low_open, high_open = value * factor, v2 * factor, False, False
        elided: str | None = None
        if unit in {"times", "rank", "age"} or currency:
            noun = None  # "shelled twice", "$5 million", "No. 3", "aged 41": counted nearby
        elif unit == "percent" or unit in {"km", "km/h"}:
            noun = _object_of(text, m.end())
        else:
            noun = _part_of(text, m.start(), m.end()) or _noun_after(text, m.end())
            if noun is not None and noun.lower() == "ago":
                noun = None  # "10 days ago" dates an act: the act's words say what it measures
            if noun in PARTITIVES:
                noun = _partitive_object(text, m.end(), noun) or noun
            if noun is None and (befell := _BEFALLEN_BEFORE_RE.search(text, 0, start)):
                elided = befell.group(1)  # "The crash killed 50": 50 killed, no noun said
            elif _elided(text, m.end(), noun) and (earlier := _earlier_noun(text, found, start)):
                # "Of the 300 passengers on board, 50 died": 50 passengers who died
                verb = _VERB_AFTER_RE.match(text, m.end())
                elided, noun = (verb.group(1) if verb else noun), earlier
        if unit == "count" and noun is None and not alone:
            if not num_raw[:1].isdigit() or num2:
                continue  # "one", "some two": words, not a figure to hold a passage to
            # "now 80", "dropped to 84.15", "totalled about 27,000": compared where the words
            # around them agree
            unit = "number"
        found.append(
            Quantity(
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                value=value * factor,
                low=low,
                high=high,
                low_open=low_open,
                high_open=high_open,
                hedge=hedge.lower() if hedge else None,
                unit=unit,
                noun=noun,
                elided=elided,
            )
        )
    return found


_AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages?\s+of|at\s+age|(?:young|old)\s+as|(?:die[sd]?|dead|passed\s+away)\s+at"
    r"|(?:he|she|who)\s+(?:is|was)(?:\s+(?:only|just|now))?)\s+$",
    re.IGNORECASE,
)
# After the first of two ages: "13 or 14 years old", "13-14 years old".
_OLDER_AFTER_RE = re.compile(r"\s*(?:or|and|to|-)\s*\d+\s*years?[\s-]+old\b", re.IGNORECASE)
_OLD_AFTER_RE = re.compile(r"[\s-]*old\b", re.IGNORECASE)  # "57 years old", "a 44-year-old"
_APPOSED_BEFORE_RE = re.compile(r"[^\W\d_],\s$")
_CLOCK_AFTER_RE = re.compile(r"(?::\d|\s*(?:a\.?m\b|p\.?m\b|o'clock|gmt|utc|local))", re.IGNORECASE)


def _is_age(text: str, m: re.Match[str], unit_raw: str) -> bool:
    """Whether the figure is someone's age: "aged 41", "at the age of 57", "as young as 13",
    "died at 57" (a bare number after them), "He was 57", "57 years old", "13 or 14 years
    old", "The victim, 41, was" (set off by commas)."""
    if unit_raw.startswith("year"):
        return _OLD_AFTER_RE.match(text, m.end()) is not None
    if unit_raw or _CLOCK_AFTER_RE.match(text, m.end()):
        return False  # "died at 3 p.m.": an hour
    before = text[max(0, m.start() - 24) : m.start()]
    if _AGE_BEFORE_RE.search(before) or _OLDER_AFTER_RE.match(text, m.end()):
        return True
    # "The victim, 41, was ...", "Smith, 57, died": a number set off by commas after a word
    number = m.group("num")
    return (
        number.isdigit()
        and int(number) < 120
        and _APPOSED_BEFORE_RE.search(before) is not None
        and text.startswith(",", m.end())
    )


_SCALED_RE = re.compile(r"\b(?:tens|dozens|hundreds)\s+of\s+$", re.IGNORECASE)
_ROUND_COUNTS = {**VAGUE, **VAGUE_DOZENS}  # counts in round words, "dozens of" or "several dozen"
_VAGUE_OF_RE = re.compile(r"\s+of\s+(?!thousands\b|millions\b|billions\b|them\b|us\b|those\b)")


def _vague(text: str, m: re.Match[str], *, of: bool = True) -> Quantity | None:
    """'dozens of civilians', 'hundreds of people': the count in round words ``m`` matched (one
    of ``VAGUE``), with the noun after "of" (None for anything else, or a scale: "hundreds of
    thousands"); with ``of`` False, the noun right after it ("several dozen people", one of
    ``VAGUE_DOZENS``)."""
    if m.group("hedge") or m.group("unit") or m.group("num2"):
        return None
    if _SCALED_RE.search(text, max(0, m.start() - 16), m.start()):
        return None  # "hundreds of thousands of people": no count in round words
    if of:
        after = _VAGUE_OF_RE.match(text, m.end())
        noun = _noun_after(text, after.end()) if after else None
    else:
        noun = _noun_after(text, m.end())
    if noun is None:
        return None
    low, high = _ROUND_COUNTS[m.group("num").lower()]
    return Quantity(
        text=text[m.start() : m.end()],
        start=m.start(),
        end=m.end(),
        value=low,
        low=low,
        high=high,
        unit="count",
        noun=noun,
        vague=True,
    )


_DEFINITE_RE = re.compile(r"\b(?:the|these|those)\s+$")
"""Before a number written in words that points back to a group the text named before ("the
two forces", "the three men"): the sentence that counted them is the one to judge."""
_PRONOUN_ONE_RE = re.compile(r"\b(?:no|every|each|any|some|which|this|that)\s+$", re.IGNORECASE)
"""Before "one" that is a pronoun: "knew no one named Danladi", "every one of them"."""

_MEMBER_BEFORE_RE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|not|as|becomes?|became|remains?|remained)\s+$",
    re.IGNORECASE,
)
"""Before "one of" that says who belongs to a group, not how many did something: "the gunman
was not *one of* the 93 people on the list", "named as one of the hostages"."""

_RANK_RE = re.compile(r"(?:\bno\.|\bnumber|#)\s*$")
"""Before a figure that is a place in a ranking: "No. 497", "number 3", "#1"."""
# Letters joined to the number by a hyphen or nothing: "COVID-19", "IL-10", "F-16", "G20".
_LETTERS_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_IDENTIFIER_BEFORE_RE = re.compile(r"\b(?:" + "|".join(IDENTIFIER_WORDS) + r")\s+$", re.IGNORECASE)
_UNGROUPED_RE = re.compile(r"\d{5,}")
_DIGITS_BEFORE_RE = re.compile(r"\d[-/]$")  # "2023-06-02", "06/02": a date's parts
# After the number: a slash and digits ("9/11", "24/7", "1/3": a date, a code or a fraction's
# part), or a decade's "'s" ("the 80's").
_SLASH_OR_DECADE_AFTER_RE = re.compile(r"/\d|['’]s\b")


_CONFIDENCE_AFTER_RE = re.compile(
    r"\s*(?:CI|CrI|UI|PI|confidence|credible|credibility|uncertainty|prediction)\b",
    re.IGNORECASE,
)
"""After a percentage that is an interval's level of confidence, not a finding: "95% CI",
"95% confidence interval", "95% credible interval", "95% UI"."""
# An acronym before a number, and a word after it that opens no noun it could count: "PGE 2 to
# PPARy", "IL 6 is"; not "US 500 troops", nor "SNP 9, Reform 5" (a tally).
_ACRONYM_BEFORE_RE = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\s$")
_NOTHING_COUNTED_RE = re.compile(
    r"\s+(?:to|and|or|is|are|was|were|in|of|with|from|by|for|as|that)\b"
)


def _in_a_name(text: str, m: re.Match[str]) -> bool:
    """Whether the number is part of a name or a code, not a figure: joined to letters
    ("COVID-19", "IL-10", "F-16") or to digits ("2023-06-02", "06/02"), written with a leading
    zero ("06"), after a word that numbers things ("type 1", "phase 3", "section 144",
    "flight 17"), after an acronym with a word after it that opens no noun ("PGE 2 to", not
    "US 500 troops"), followed by the name's abbreviation ("T-helper 17 (Th17)"), by a slash and
    digits ("9/11", "24/7", "1/3") or by a decade's "'s" ("80's"), or five digits and more
    written without a thousands separator, which counts are not ("12841 Shalimar Express").
    A number after a name ("Boeing 737", but "Labour 412, Conservatives 121") is
    left a figure."""
    num = m.group("num")
    if not num[:1].isdigit():
        return False
    head = text[: m.start("num")]
    if _LETTERS_BEFORE_RE.search(head) or _DIGITS_BEFORE_RE.search(head):
        return True
    if num[0] == "0" and num[1:2].isdigit():
        return True  # "06": a month, a day or a code; counts are not written with a leading 0
    if _IDENTIFIER_BEFORE_RE.search(head):
        return True
    if _ACRONYM_BEFORE_RE.search(head) and _NOTHING_COUNTED_RE.match(text, m.end("num")):
        return True  # "PGE 2 to PPARy", "mTORC 1."; not "US 500 troops"
    if _abbreviated_after(text, m.end("num"), num):
        return True
    if _SLASH_OR_DECADE_AFTER_RE.match(text, m.end("num")):
        return True
    return _UNGROUPED_RE.fullmatch(num) is not None


def _abbreviated_after(text: str, end: int, num: str) -> bool:
    """Whether the number is followed by the abbreviation of the name it is part of, which
    writes it joined to letters: "T-helper 17 (Th17) cells", "interleukin 6 (IL-6)"."""
    after = re.match(r"\s*\(([A-Za-z][A-Za-z-]*)" + re.escape(num) + r"\)", text[end : end + 24])
    return after is not None


def _compound_modifier(text: str, m: re.Match[str]) -> bool:
    """Is the figure of ``m`` a hyphened modifier of the noun after it ("24-hour guard")?"""
    unit = m.group("unit") or ""
    return unit.startswith("-") and re.match(r" [a-z]", text[m.end() : m.end() + 2]) is not None


def _overlap(a: Quantity, b: Quantity) -> bool:
    if a.high < b.low or b.high < a.low:
        return False
    if a.high == b.low and (a.high_open or b.low_open) and a.high != a.low:
        return False
    return not (b.high == a.low and (b.high_open or a.low_open) and b.high != b.low)


def _within(inner: Quantity, outer: Quantity) -> bool:
    lo_ok = inner.low > outer.low or (
        inner.low == outer.low and (inner.low_open or not outer.low_open)
    )
    hi_ok = inner.high < outer.high or (
        inner.high == outer.high and (inner.high_open or not outer.high_open)
    )
    return lo_ok and hi_ok


def _close(a: Quantity, b: Quantity) -> bool:
    """The same number as written, rounding aside: each figure stands for the values that round
    to it as written ("80%": 79.5-80.5, "80.5 percent": 80.45-80.55, "1.5 million": 1.45-1.55
    million), the two are close when those overlap, and never further apart than
    ``EXACT_TOLERANCE`` of the larger. "75" and "74" are two numbers; "2,000" and "1,500" too."""
    gap = abs(a.value - b.value)
    bound = EXACT_TOLERANCE * max(abs(a.value), abs(b.value), 1e-9)
    return gap <= bound and gap < _rounding(a) + _rounding(b)


_WRITTEN_NUMBER_RE = re.compile(
    r"(\d[\d,]*)(?:\.(\d+))?(?:\s+(thousand|million|billion|trillion))?", re.IGNORECASE
)


def _rounding(q: Quantity) -> float:
    """Half the step of the last digit the figure writes, in its unit; for a figure said to be
    about so much, half the values it allows ("around 59.8%" stands for 59.9% too)."""
    if _HEDGES.get((q.hedge or "").lower()) == "approx":
        return (q.high - q.low) / 2
    m = _WRITTEN_NUMBER_RE.search(q.text)
    if m is None:
        return 0.5  # a number in words: "five"
    number = m.group(1) + ("." + m.group(2) if m.group(2) else "")
    scale = m.group(3)
    written = _parse_number(number.replace(",", ""))
    if not written:
        return _half_step(number, scale)
    factor = _SCALES[scale.lower()] if scale else 1.0
    return _half_step(number, scale) * abs(q.value / (written * factor))


def _half_step(number: str, scale: str | None) -> float:
    """Half the step of the last digit a number is written with: "80" 0.5, "80.5" 0.05,
    "17,000" 500, "1.5" (million) 0.05 million; a number in words 0.5."""
    digits = number.replace(",", "")
    if not digits[:1].isdigit():
        return 0.5
    whole, _, decimals = digits.partition(".")
    if decimals:
        step = 10.0 ** -len(decimals)
    else:
        step = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0
    return step * (_SCALES[scale.lower()] if scale else 1.0) / 2


def compare(claim: Quantity, passage: Quantity) -> Agreement:
    """Does the passage's figure back the claim's, contradict it, or neither?

    It backs it when every value the passage allows is one the claim allows, or when both state
    the same number with hedges that do not exclude each other ("at least 7 km" backs "7 km").
    It contradicts it when no value is allowed by both ("around 65 percent" vs "80%").
    """
    if claim.unit != passage.unit:
        return Agreement.UNCLEAR
    if passage.vague or claim.vague:
        return _compare_vague(claim, passage)
    if _far_above(claim, passage):
        return Agreement.UNCLEAR
    if _within(passage, claim) or _rounded_floor(claim, passage):
        return Agreement.AGREE
    if _close(claim, passage):
        same_direction = _HEDGES.get(claim.hedge or "") in {None, "approx"} or (
            _HEDGES.get(claim.hedge or "") == _HEDGES.get(passage.hedge or "")
        )
        if same_direction or _overlap(claim, passage):
            return Agreement.AGREE
    if not _overlap(claim, passage) and (
        not _close(claim, passage) or _opposite(claim.hedge, passage.hedge)
    ):
        return Agreement.CONFLICT  # "less than half" vs "more than half"
    return Agreement.UNCLEAR


def _rounded_floor(claim: Quantity, passage: Quantity) -> bool:
    """ "More than 600 votes" is how a newsroom writes 630: a floor written as a round number
    stands for the values up to its next step ("more than 600": 600 to 700; "over 1,100": to
    1,200; "at least 275": 275 alone), and a claim's figure there is backed."""
    if _HEDGES.get((passage.hedge or "").lower()) not in _UPWARD or not math.isinf(passage.high):
        return False
    if math.isinf(claim.high) or claim.low < passage.low:
        return False
    return claim.high < passage.low + 2 * _rounding(passage)


def _compare_vague(claim: Quantity, passage: Quantity) -> Agreement:
    """A count in round words sets a floor more than a ceiling (loosely said, "hundreds of
    strikes" may be 1,200): "dozens of airstrikes" backs "more than 20 airstrikes" and "dozens
    of airstrikes", and contradicts nothing; "dozens of civilians" is backed by 43 and by "at
    least 43", contradicted by 3 and by "fewer than 20", and 150 leaves it open."""
    if passage.vague:
        same = (claim.low, claim.high) == (passage.low, passage.high)
        floor_only = math.isinf(claim.high) or same
        return Agreement.AGREE if floor_only and _within(passage, claim) else Agreement.UNCLEAR
    if claim.low <= passage.low <= claim.high:  # the passage's least count is "dozens"
        return Agreement.AGREE
    below = passage.high < claim.low or (passage.high == claim.low and passage.high_open)
    return Agreement.CONFLICT if below else Agreement.UNCLEAR


def _far_above(claim: Quantity, passage: Quantity) -> bool:
    """ "More than 17,000 workers" is said of a number a little above 17,000: a passage's 1.5
    million, or its "more than 16,000 cases" against "more than 4,000 cases", is another
    figure, though above the floor: it neither backs nor contradicts (``OPEN_RANGE``)."""
    if _HEDGES.get((claim.hedge or "").lower()) not in _UPWARD or not math.isinf(claim.high):
        return False
    return passage.low > claim.low * (1 + OPEN_RANGE)


_UPWARD = frozenset({"above", "at_least"})
_DOWNWARD = frozenset({"below", "at_most"})


def _opposite(a: str | None, b: str | None) -> bool:
    """Do the two hedges point away from their number in opposite directions?"""
    kinds = {_HEDGES.get(a or ""), _HEDGES.get(b or "")}
    return bool(kinds & _UPWARD) and bool(kinds & _DOWNWARD)


def complement(q: Quantity) -> Quantity:
    """The rest of a whole: 'lost more than half' leaves 'less than half' held."""
    return q.model_copy(
        update={
            "value": 100.0 - q.value,
            "low": 100.0 - q.high,
            "high": 100.0 - q.low,
            "low_open": q.high_open,
            "high_open": q.low_open,
        }
    )
