"""Which text encoding a CSV export uses, told from its bytes by a fixed, documented rule.

1. A byte-order mark decides: UTF-8 (``utf-8-sig``) or UTF-16.
2. Bytes that decode as strict UTF-8 from end to end are UTF-8 (ASCII included).
3. Otherwise each legacy code page seen in real exports — cp1251 (Ukrainian), cp1257
   (Latvian) and cp1252 (Western) — that decodes every byte is scored on the words with a
   non-ASCII letter in the first ``SCORED_BYTES`` of the file:

   - a word that mixes Cyrillic and Latin letters costs 2 per non-ASCII letter (a Latvian
     "ā" read as cp1251 turns "māja" into "mвja");
   - a Latin word of three or more letters with no ASCII letter at all costs 1 per letter
     (Cyrillic read as cp1252 gives "Ïðèâ³ò");
   - otherwise each non-ASCII letter scores its weight in the code page's language: 2 for
     letters common there (Ukrainian Cyrillic; ā č ē ģ ī ķ ļ ņ š ū ž; é è à ü ö ä ñ ç …),
     1 for rarer ones, −1 for letters foreign to it.

   - a non-ASCII capital right after a small letter costs 2: it is a stray symbol read as
     a letter (a Mac no-break space read as cp1252 turns "of Australia" into
     "ofÊAustralia").

   A file that decodes as cp1252 is also scored as ``mac_roman`` (old Mac exports), on the
   Western letters: the two read the same bytes as different letters, and the reading that
   gives real words wins. The highest score wins; a tie goes to the first in ``LEGACY``
   order, then ``mac_roman``. When no code page decodes every byte, the caller must declare
   the encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

LEGACY = ("cp1252", "cp1257", "cp1251")
MAC = "mac_roman"  # decodes every byte, so only a rival to cp1252, never a last resort
CHUNK_BYTES = 1 << 20
SCORED_BYTES = 2 << 20

_UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ"
_WEIGHTS = {
    "cp1251": {**dict.fromkeys(_UKRAINIAN, 2)},
    "cp1257": {**dict.fromkeys("āčēģīķļņšūž", 2), **dict.fromkeys("ąęėįųõäöüåæø", 1)},
    "cp1252": {**dict.fromkeys("éèàáóíúñçüöäâêô", 2), **dict.fromkeys("ëïîûùòìãõåæøœßÿý", 1)},
}
_WEIGHTS[MAC] = _WEIGHTS["cp1252"]
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class DecodeFailure:
    """Where bytes stop being valid in an encoding."""

    line: int  # 1-based
    byte: int
    encoding: str


class UndetectedEncoding(ValueError):
    pass


def bom_encoding(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def codec_name(encoding: str) -> str:
    """Return Python's name for an encoding; raise LookupError for an unknown one."""
    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name == "utf-8" else name  # a stray BOM is never part of the data


def first_failure(path: Path, encoding: str) -> DecodeFailure | None:
    """Decode the whole file in chunks; return where it first fails, or None."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lines = 0
    with open(path, "rb") as stream:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                pending = len(exc.object) - len(chunk)  # bytes held over from the last chunk
                before = chunk[: max(0, exc.start - pending)]
                return DecodeFailure(
                    lines + before.count(b"\n") + 1, exc.object[exc.start], encoding
                )
            if not chunk:
                return None
            lines += chunk.count(b"\n")


def detect_encoding(path: Path, head: bytes) -> str:
    """Return the encoding of a text file by the rule in this module's docstring."""
    by_bom = bom_encoding(head)
    if by_bom is not None:
        failure = first_failure(path, by_bom)
        if failure is not None:
            name = "UTF-16" if by_bom == "utf-16" else "UTF-8"
            raise UndetectedEncoding(
                f"the file starts with a {name} byte-order mark but is not {name} text "
                f"from line {failure.line} on; export it again"
            )
        return by_bom
    if first_failure(path, "utf-8") is None:
        return "utf-8"
    with open(path, "rb") as stream:
        sample = stream.read(SCORED_BYTES)
    scores = {}
    for encoding in LEGACY:
        if first_failure(path, encoding) is None:
            scores[encoding] = score_text(sample.decode(encoding, errors="replace"), encoding)
    if "cp1252" in scores:
        scores[MAC] = score_text(sample.decode(MAC), MAC)
    if not scores:
        raise UndetectedEncoding(
            "the text is neither UTF-8 nor cp1251, cp1257 or cp1252; "
            "declare its encoding (encoding: …)"
        )
    order = (*LEGACY, MAC)
    return max(scores, key=lambda name: (scores[name], -order.index(name)))


def score_text(text: str, encoding: str) -> int:
    """Score how plausible the letters of ``text`` are in ``encoding``'s languages."""
    weights = _WEIGHTS[encoding]
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        foreign = [c for c in word.lower() if not c.isascii()]
        cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        if cyrillic and cyrillic < len(word):
            score -= 2 * len(foreign)
        elif not cyrillic and len(word) >= 3 and len(foreign) == len(word):
            score -= len(word)
        else:
            for i, c in enumerate(word):
                if c.isascii():
                    continue
                if i and c.isupper() and word[i - 1].islower():
                    score -= 2
                else:
                    score += weights.get(c.lower(), -1)
    return score
