"""The regular grammar of English news time expressions: one compiled regex per rule.

Detection only: each pattern names its parts with groups that `rules.py` reads.
Extents follow the TimeML TIMEX3 guidelines (1.2.1): prepositions are outside
("on [Friday]"), determiners and quantifiers inside ("[the third quarter]",
"[nearly two years]").
"""

from __future__ import annotations

import re

from timeline.temporal.lexicon import (
    HOLIDAY_RE,
    MONTH_RE,
    NUMBER_WORD_RE,
    ONES_RE,
    ORDINAL_RE,
    SEASON_RE,
    TENS_RE,
    UNIT_RE,
    VAGUE_RE,
    WEEKDAY_RE,
)

_I = re.IGNORECASE

# ASCII-only digits: str.isdigit() would accept other scripts, datetime would not.
D = "[0-9]"
NUM = rf"(?:(?:{D}+(?:\.{D}+)?|(?:{TENS_RE})[- ](?:{ONES_RE})|{NUMBER_WORD_RE}|an?)(?:\s+1/2|\s+and\s+a\s+half)?)"
MON = rf"(?P<mon>{MONTH_RE})"
DAY = rf"(?P<day>[0-3]?{D})(?:st|nd|rd|th)?"
YEAR = rf"(?P<year>[12]{D}{{3}})"
WD = rf"(?P<wd>{WEEKDAY_RE})"
PART = r"(?P<part>morning|afternoon|evening|night)"
REL = r"(?P<rel>this|last|next|past|coming|previous|current|following|the\s+coming|the\s+past|the\s+next|the\s+last|the\s+previous|the\s+current|the\s+following)"
B = r"(?<![\w$])(?<!\d[,.])"  # a word boundary that also refuses "$1990", "1,990", "1.5"
E = r"(?![\w%])"
# "eight trading days", "two business days": counted days of a kind, still days
_KIND = r"(?:(?:trading|business|working|calendar)\s+)?"  # right word boundary that also refuses "1990%"


def _c(p: str, flags: int = _I) -> re.Pattern:
    return re.compile(p, flags)


PATTERNS: dict[str, re.Pattern] = {
    # 2023-09-15, 1998-08-08 10:35:00
    "iso-date": _c(
        rf"{B}(?P<y>{D}{{4}})-(?P<m>{D}{{2}})-(?P<d>{D}{{2}})(?:[T ](?P<hh>{D}{{2}}):(?P<mm>{D}{{2}})(?::{D}{{2}})?)?{E}"
    ),
    # 9/13/2023, 12/05/1998 09:42:00 (US order, as in US wire copy)
    "numeric-date": _c(
        rf"{B}(?P<m>{D}{{1,2}})/(?P<d>{D}{{1,2}})/(?P<y>{D}{{4}}|{D}{{2}})(?:\s+(?P<hh>{D}{{1,2}}):(?P<mm>{D}{{2}})(?::{D}{{2}})?)?(?![\w/%])"
    ),
    # (Friday,) Sept. 13(th)(-15)(, 2023)
    "month-day": _c(
        rf"{B}(?:(?P<mrel>last|this\s+past|next|this\s+coming)\s+)?(?:{WD},?\s+)?{MON}\s+{DAY}"
        rf"(?:\s*(?:-|\u2013|to|through|and)\s*(?P<day2>[0-3]?{D})(?:st|nd|rd|th)?)?"
        rf"(?:,?\s+{YEAR})?{E}"
    ),
    # 13 September 2023, the 13th of September
    "day-month": _c(
        rf"{B}(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s*(?:-|\u2013)\s*(?P<day2>[0-3]?{D}))?\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?{E}"
    ),
    # "on the 13th": a day of the month being talked about
    "day-of-month": _c(rf"(?<=\bon\s)the\s+(?P<day>[0-3]?{D})(?:st|nd|rd|th){E}(?!\s+(?:of\s+)?(?:{MONTH_RE}))"),
    # March 1987, March of 1987
    "month-year": _c(rf"{B}{MON},?\s+(?:of\s+)?{YEAR}{E}"),
    # March (capitalised; validated in rules)
    "month": _c(rf"{B}(?:(?P<rel>this|last|next|the\s+coming|coming|the\s+past)\s+)?{MON}{E}"),
    # this/last/next week|month|year|quarter|weekend|decade|century
    "relative-unit": _c(rf"{B}{REL}\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\s+year){E}"),
    "relative-season": _c(
        rf"{B}(?:(?P<rel>this|last|next|the\s+coming|coming|the\s+past|the|this\s+past|early|late)\s+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?{YEAR})?{E}"
    ),
    "earlier-later-this": _c(
        rf"{B}(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year|morning|afternoon|evening){E}"
    ),
    "relative-day": _c(
        rf"{B}(?:the\s+day\s+(?P<beyond>before\s+yesterday|after\s+tomorrow)|(?P<word>yesterday|today|tomorrow|tonight)(?:\s+{PART})?){E}"
    ),
    "this-part": _c(
        rf"{B}(?:(?P<rel>this|last|tomorrow|yesterday)\s+{PART}|(?P<over>overnight)|(?P<the>the\s+morning)"
        rf"|(?P<mid>mid-?\s?(?:morning|afternoon))(?:\s+(?P<rday>yesterday|today|tomorrow))?){E}"
    ),
    "weekday": _c(
        rf"{B}(?:(?P<rel>last|next|this|coming|this\s+coming|this\s+past|the\s+previous|the\s+following)\s+)?{WD}(?:\s+{PART}s?)?{E}"
    ),
    "week-of": _c(
        rf"{B}the\s+(?:(?P<fin>financial|trading|business)\s+)?week\s+(?P<how>ended|ending|to|of|beginning|starting|that\s+ended)\s+(?:on\s+)?(?:{WD},?\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?{E}"
    ),
    "weekday-range": _c(rf"{B}{WD}\s*(?:-|\u2013|to|through|until|till|and)\s*(?P<wd2>{WEEKDAY_RE}){E}"),
    "month-range": _c(rf"{B}{MON}\s*(?:-|\u2013|to|through|until|till)\s*(?P<mon2>{MONTH_RE})(?:,?\s+{YEAR})?{E}"),
    "weekend": _c(rf"{B}(?:the|this|last|next)\s+weekend{E}"),
    "year": _c(
        rf"{B}(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|calendar|FY)\s*)?{YEAR}(?:'s)?{E}(?!\s*(?:-|\u2013|to)\s*\d{{4}}\b)(?!,\d)(?!\.\d)"
    ),
    "the-year": _c(
        rf"{B}the\s+(?:full\s+)?(?P<fiscal>fiscal\s+)?year{E}(?!\s+(?:before|earlier|ago|after|later|[12]\d{{3}}))(?!-)"
    ),
    "spoken-year": _c(
        rf"{B}(?:{MON},?\s+(?:of\s+)?|(?:the\s+)?(?P<season>{SEASON_RE})\s+of\s+)?(?P<spoken>(?:the\s+year\s+)?(?:nineteen|eighteen|twenty)[\s-]+(?:hundred|(?:{TENS_RE})(?:[\s-]+(?:{ONES_RE}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-]+(?:{ONES_RE}))|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:{ONES_RE}))?|(?<=in\s)two\s+thousand(?:\s+(?:and\s+)?(?:{ONES_RE}))?){E}"
    ),
    "month-relative-year": _c(rf"{B}{MON},?\s+(?P<rel>this|last|next)\s+year{E}"),
    "year-range": _c(rf"{B}(?:between\s+)?{YEAR}\s*(?:-|\u2013|to|and|through)\s*(?P<year2>[12]{D}{{3}}|{D}{{2}}){E}"),
    # "by year-end", "since year-end", "around year's end": the end of a calendar year
    "year-end": _c(rf"{B}(?:the\s+)?year(?:-|\s+|'s\s+)end{E}(?!-)"),
    "decade": _c(
        rf"{B}(?:the\s+)?(?:(?P<dec>[12]{D}{{2}}0)'?s|'(?P<short>{D}0)s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){E}"
    ),
    "century": _c(
        rf"{B}(?:the\s+)?(?P<ord>{D}{{1,2}}(?:st|nd|rd|th)|(?:nineteenth|eighteenth|twentieth|twenty-first|twenty\s+first))\s+century{E}"
    ),
    # "the third quarter" keeps its article; the adjective "third-quarter" does not
    # ("the third-quarter loss"), nor does a possessive ("its fourth quarter").
    "quarter": _c(
        rf"{B}(?:(?P<the>the(?:\s+year-(?:ago|earlier))?|this\s+year's|last\s+year's|next\s+year's)\s+(?!(?:{ORDINAL_RE}|last|latter)-))?(?:(?P<year0>[12]{D}{{3}})\s+)?(?:(?P<fisc>fiscal)\s+)?(?P<ord>{ORDINAL_RE}|last|latter)[-\s]+(?:fiscal\s+)?(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?{YEAR})?{E}"
    ),
    # "the first two quarters of 1990": a half year
    "half-by-quarters": _c(
        rf"{B}(?:the\s+)?(?P<which>first|last)\s+two\s+(?:fiscal\s+)?quarters\s+of\s+(?:fiscal\s+)?{YEAR}{E}"
    ),
    "quarter-code": _c(rf"{B}(?P<ord>Q[1-4]|H[12])(?:\s+{YEAR}|\s*'(?P<yy>{D}{{2}}))?{E}", 0),
    "reference-quarter": _c(
        rf"{B}(?:the\s+(?!year-(?:ago|earlier)(?!\s+(?:quarter|period))))?(?:(?P<year0>[12]{D}{{3}})\s+)?(?P<which>latest|last|current|year-earlier|year-ago|previous|same|comparable|corresponding|prior-year|year-before|most\s+recent|recent|last\s+year's)?(?:\s+|-)?(?:fiscal\s+)?(?P<unit>quarter|period|year-earlier|year-ago)(?P<ly>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year))?{E}"
    ),
    "ago": _c(
        rf"{B}(?P<n>{NUM}|(?P<vague>{VAGUE_RE}))\s+{_KIND}(?P<unit>{UNIT_RE})\s+(?P<dir>ago|back|hence|from\s+now){E}"
    ),
    "event-offset": _c(
        rf"{B}(?:(?:only|just|barely|some|about|nearly|almost|exactly|more\s+than|less\s+than)\s+)?(?:(?P<n>{NUM})\s+|(?P<vague>{VAGUE_RE})\s+)?{_KIND}(?P<unit>{UNIT_RE})\s+(?P<dir>after|before|later|earlier|afterwards?|prior\s+to){E}"
    ),
    "event-next": _c(
        rf"{B}(?:the\s+)?(?P<which>following|next|previous|preceding|prior|same|subsequent)\s+(?P<unit>day|week|month|year|morning|evening|night|weekend){E}"
    ),
    "event-that": _c(
        rf"{B}(?:(?P<mod>earlier|later|late|early)\s+)?(?:in\s+)?that\s+(?:same\s+)?(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night|weekend){E}"
    ),
    "event-unit-before": _c(
        rf"{B}the\s+(?P<unit>day|week|month|year|night|evening|morning)\s+(?P<dir>before|after|earlier|later){E}"
    ),
    "duration-adjective": _c(
        rf"{B}(?P<the>)(?P<rel>)(?:(?P<n>{D}+(?:\.{D}+)?|(?:{TENS_RE})[- ](?:{ONES_RE})|{NUMBER_WORD_RE})|(?P<vague>multi))-(?P<unit>{UNIT_RE})(?:-(?:long|old))?{E}"
    ),
    "within-duration": _c(
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|latest|final|following|remaining|preceding|year-earlier)\s+)?(?:(?P<n>{NUM})|(?P<vague>{VAGUE_RE}))\s+(?:more\s+|full\s+|straight\s+|consecutive\s+)?{_KIND}(?P<unit>{UNIT_RE})(?:-(?:long|old))?{E}"
    ),
    # "between 3 and 5 weeks" ("between" is the signal, outside the extent)
    "duration-range": _c(rf"(?<=between\s)(?P<n>{NUM})\s+and\s+(?P<n2>{NUM})\s+{_KIND}(?P<unit>{UNIT_RE}){E}"),
    "plural-duration": _c(
        rf"{B}(?:(?P<adj>recent|coming|past|ensuing|subsequent)\s+|(?<=for\s)|(?<=in\s)|(?<=over\s)|(?<=within\s))(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes|quarters)(?:-long)?{E}"
    ),
    "set": _c(
        rf"{B}(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly)|(?:every|each|per)\s+(?:(?P<n>{NUM})\s+)?(?:(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|afternoon|weekend|decade)s?|{WD}|{MON})|(?P<times>once|twice|three\s+times|(?:{NUM})\s+times)\s+(?:a|per|every|each)\s+(?P<unit2>day|week|month|year|quarter|hour)|(?P<wds>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)){E}"
    ),
    "generic": _c(
        rf"{B}(?P<g>now|currently|current|recently|recent|lately|formerly|previously|nowadays|these\s+days|at\s+present|the\s+present|the\s+past|the\s+future|future|soon|the\s+near\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date|near-term|long-term|short-term|once){E}"
    ),
    # "4:12:09", "2:05:30.2": hours, minutes and seconds (validated in rules)
    "elapsed-time": _c(rf"{B}(?P<h>{D}{{1,2}}):(?P<mi>[0-5]{D}):(?P<s>[0-5]{D})(?:\.{D}+)?{E}(?!:)"),
    "clock": _c(
        rf"{B}(?:(?P<h>[01]?{D}|2[0-3])(?::(?P<mi>[0-5]{D})(?::[0-5]{D})?)?\s*(?:(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)(?=\W|$)|(?:o'clock\s+)?in\s+the\s+(?P<dp>morning|afternoon|evening))|(?P<h24>[01]?{D}|2[0-3]):(?P<mi24>[0-5]{D})(?::[0-5]{D})?(?:\s*(?:GMT|UTC|[ECMP][SD]T))?{E}|(?P<word>noon|midnight|midday))(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]T|local\s+time))?(?:,?\s+(?:on\s+)?(?:{WD}|(?P<rday>today|yesterday|tomorrow)|(?P<cmon>{MONTH_RE})\s+(?P<cday>[0-3]?{D})(?:,?\s+(?P<cyear>[12]{D}{{3}}))?))?{E}"
    ),
    "holiday": _c(rf"{B}(?P<hol>{HOLIDAY_RE}|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|week))?)(?:\s+{YEAR})?{E}"),
}
