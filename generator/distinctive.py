"""The part of a question that tells it from its siblings: "Please rate how much you like
the traditional cuisine of Brazil" among the forty such questions is "Brazil"."""

from __future__ import annotations

import re

LEAD_WORDS = 3  # questions that begin with the same three words are siblings
_EDGE = re.compile(r"^\W+|\W+$")


def distinctive_parts(texts: list[str]) -> list[str]:
    """Return each text without the words it shares, at its start and end, with the
    siblings that begin as it does; a text with no siblings, or that would be left empty,
    is returned whole."""
    words = [text.split() for text in texts]  # split() also breaks at no-break spaces
    keys = [[_EDGE.sub("", w).casefold() for w in ws] for ws in words]
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, key in enumerate(keys):
        if len(key) > LEAD_WORDS:
            groups.setdefault(tuple(key[:LEAD_WORDS]), []).append(i)
    parts = list(texts)
    for members in groups.values():
        if len(members) < 2:
            continue
        lead = _shared([keys[i] for i in members])
        tail = _shared([keys[i][::-1] for i in members])
        for i in members:
            start = len(lead) if keys[i][: len(lead)] == lead else 0
            end = len(keys[i]) - len(tail) if tail and keys[i][-len(tail) :] == tail[::-1] else None
            kept = words[i][start:end]
            if kept:
                parts[i] = " ".join(kept)
    return parts


def _shared(sequences: list[list[str]]) -> list[str]:
    """The leading words most siblings share: one sibling written differently (a broken
    space, a typo) does not hide the words the others have in common."""
    enough = max(2, -(-len(sequences) * 4 // 5))  # four in five, rounded up
    shared: list[str] = []
    while True:
        n = len(shared)
        counts: dict[str, int] = {}
        for words in sequences:
            if len(words) > n + 1 and words[:n] == shared:
                counts[words[n]] = counts.get(words[n], 0) + 1
        best = max(counts.items(), key=lambda kv: kv[1], default=None)
        if best is None or best[1] < enough:
            return shared
        shared.append(best[0])
