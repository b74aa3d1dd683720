"""The web-shop checkout usability test: SUS answers as the moderator's spreadsheet saves them."""

from __future__ import annotations

import random

from _demo.files import Writer
from _demo.sim import pick

FILE = "data/lietojamibas-tests-noformesana-2026-06.csv"
# The Latvian SUS wording used in the sessions, "sistēma" being the web shop's checkout.
STATEMENTS = [
    "Es domāju, ka labprāt bieži lietotu šo interneta veikalu.",
    "Pirkuma noformēšana man šķita nevajadzīgi sarežģīta.",
    "Man šķita, ka interneta veikalu ir viegli lietot.",
    "Es domāju, ka man būtu vajadzīga cita cilvēka palīdzība, lai varētu lietot šo interneta "
    "veikalu.",
    "Man šķita, ka dažādās interneta veikala funkcijas ir labi saskaņotas.",
    "Man šķita, ka interneta veikalā ir pārāk daudz nekonsekvences.",
    "Es iedomājos, ka vairums cilvēku ļoti ātri iemācītos lietot šo interneta veikalu.",
    "Interneta veikals man šķita ļoti neērts lietošanā.",
    "Es jutos ļoti pārliecināts(-a), lietojot šo interneta veikalu.",
    "Man vajadzēja daudz ko iemācīties, pirms es varēju sākt lietot šo interneta veikalu.",
]
AGES = [("18-29", 3), ("30-44", 5), ("45-59", 4), ("60+", 2)]
HABITS = [("Reizi mēnesī vai biežāk", 6), ("Dažas reizes gadā", 6), ("Gandrīz nekad", 2)]


def sus_score(answers: list[int]) -> float:
    """Brooke's SUS score of one participant's ten 1-5 answers."""
    odd = sum(a - 1 for a in answers[0::2])
    even = sum(5 - a for a in answers[1::2])
    return 2.5 * (odd + even)


def write(writer: Writer) -> list[float]:
    """Write the SUS sheet of the checkout test; return each participant's SUS score."""
    rng = random.Random(20260610)
    rows: list[list[object]] = [["Dalībnieks", "Vecuma grupa", "Iepērkas internetā", *STATEMENTS]]
    scores = []
    for number in range(1, 15):
        ease = rng.gauss(0.63, 0.15)  # how easy this participant found it, 0 to 1
        answers = []
        for index in range(10):
            positive = index % 2 == 0
            centre = 1 + 4 * ease if positive else 5 - 4 * ease
            answers.append(max(1, min(5, round(rng.gauss(centre, 0.7)))))
        scores.append(sus_score(answers))
        rows.append([f"D{number:02d}", pick(rng, AGES), pick(rng, HABITS), *answers])
    writer.csv(FILE, rows, delimiter=";", newline="\r\n", bom=True)
    return scores
