"""Words that tell what a survey question asks, in the languages clients field surveys in:
English, Spanish, Ukrainian, Russian and Latvian.

Each pattern matches a word stem, so that one entry covers a language's inflections
("рекомендуєте", "порекомендуєте"; "recomendaría", "recomiende").
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.UNICODE

NPS = re.compile(
    r"recommend|likelihood|how likely|\bnps\b"  # en
    r"|recomend|recomiend"  # es: recomendaría, recomiende
    r"|рекоменд"  # uk, ru: порекомендуєте, порекомендуете
    r"|ieteik|ieteiktu|iesak|rekomend",  # lv: ieteiktu, ieteikt, iesakāt, rekomendētu
    _FLAGS,
)
CSAT = re.compile(
    r"satisf"  # en, es: satisfied, satisfecho, satisfacción
    r"|задоволен|задоволь"  # uk
    r"|удовлетвор|доволь"  # ru
    r"|apmierin",  # lv: apmierināts, apmierinātība
    _FLAGS,
)
CES = re.compile(
    r"effort|esfuerzo|зусил|усили|pūl[eiu]",
    _FLAGS,
)

# The ten SUS statements in their standard order, each a pattern per language. The
# later, more specific statement of a pair comes first where two share words (10 before
# 7: both speak of learning).
SUS_STATEMENTS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, _FLAGS)
    for pattern in (
        # 1 I think that I would like to use this system frequently
        r"frequent|con frecuencia|a menudo|часто|bieži",
        # 2 I found the system unnecessarily complex
        r"unnecessar\w* complex|innecesariamente compl|"
        r"надмірно складн|без потреби складн|неоправдано складн|излишне сложн|"
        r"nevajadzīgi sarežģīt|pārāk sarežģīt",
        # 3 I thought the system was easy to use
        r"easy to use|fácil de (usar|utilizar)|легк\w* (у|в) (використанн|использовани)|"
        r"легко (використовуват|користуват|пользоват|использоват)|прост\w* у використанн|"
        r"viegli lietot",
        # 4 … the support of a technical person …
        r"technical person|technical support|(persona|apoyo|soporte) técnic|"
        r"apoyo de una? (persona )?técnic|"
        r"технічн\w* (фахів|спеціаліст|підтрим)|техническ\w* (специалист|поддерж)|"
        r"tehnisk\w* (person|speciālist|atbalst)|cita cilvēka palīdzīb",
        # 5 … the various functions in this system were well integrated
        r"well integrated|bien integrad|добре інтегрован|добре узгоджен|"
        r"хорошо интегрирован|хорошо согласован|labi integrēt|labi saskaņot",
        # 6 … too much inconsistency in this system
        r"inconsisten|incoherencia|неузгоджен|непослідовн|несогласован|непоследовательн|"
        r"противоречив|nekonsekven|pretrunīg",
        # 10 I needed to learn a lot of things before I could get going
        r"learn a lot|aprender muchas cosas|багато чого (навчит|дізнат)|"
        r"многому (научит|обучит)|многое (узнат|изучит)|daudz (ko|kas) (jā)?iemācīt",
        # 7 … most people would learn to use this system very quickly
        r"learn\w* to use .*quick|aprender\w* a (usar|utilizar) .*rápid|"
        r"швидко (навч|опан)|быстро (научат|научит|освоят|освоит)|ātri iemācīt",
        # 8 I found the system very cumbersome to use
        r"cumbersome|awkward|engorros|incómod|громіздк|незручн|громоздк|неудобн|"
        r"neērt|apgrūtinoš",
        # 9 I felt very confident using the system
        r"confident|confiad|segur[oa] (al|usando|utilizando)|впевнен|уверенн|"
        r"pārliecināt",
    )
)
# the statement number each pattern above recognises (10 is tried before 7)
SUS_NUMBERS = (1, 2, 3, 4, 5, 6, 10, 7, 8, 9)


def sus_statement(text: str) -> int | None:
    """Return which of the ten SUS statements (1–10) ``text`` is, or None."""
    for number, pattern in zip(SUS_NUMBERS, SUS_STATEMENTS, strict=True):
        if pattern.search(text):
            return number
    return None


# Who answered: the questions a consultant breaks results down by.
DEMOGRAPHIC = re.compile(
    r"\b("
    r"age|ages|age band|gender|sex|region\w*|countr\w*|store|shop|branch|channel|location"
    r"|city|income|education"  # en
    r"|edad|g[ée]nero|sexo|regi[óo]n|pa[íi]s|tienda|sucursal|canal|ciudad|ingresos"
    r"|educaci[óo]n|estudios"  # es
    r"|вік|стать|регіон\w*|област\w*|країн\w*|магазин\w*|канал\w*|міст[оа]|дох[іо]д\w*"
    r"|освіт\w*"  # uk
    r"|возраст\w*|пол|регион\w*|стран\w*|город\w*|образовани\w*"  # ru
    r"|vecum\w*|dzimum\w*|reģion\w*|novad\w*|valst\w*|veikal\w*|kanāl\w*|pilsēt\w*"
    r"|ienākum\w*|izglītīb\w*"  # lv
    r")\b",
    _FLAGS,
)
