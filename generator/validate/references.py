"""Checks that need more than one field: unique ids, references, files, scales against targets."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from generator.errors import Problems
from generator.load.yamlmarks import KeyPath, MarkedDocument
from generator.schema.engagement import EngagementFile, Source
from generator.schema.interactions import InteractionsFile
from generator.validate.documents import did_you_mean, key_label, listing
from generator.validate.paths import PathOutside, resolve_inside

# Babel's territories include regions and groupings that are not countries.
NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "ZZ"}


@functools.cache
def country_codes() -> frozenset[str]:
    """The two-letter ISO 3166 codes of every country and territory (from Babel's CLDR data)."""
    from babel import Locale

    territories = Locale("en").territories
    return (
        frozenset(code for code in territories if len(code) == 2 and code.isalpha()) - NOT_COUNTRIES
    )


@functools.cache
def time_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


METRICS = ("nps", "csat", "ces", "sus", "response_rate")
SCORED_ROLES = ("nps", "csat", "ces", "overall")


class EngagementChecker:
    """Cross-check one engagement's validated files; every problem points into its YAML."""

    def __init__(self, spec: EngagementFile, doc: MarkedDocument, folder: Path, problems: Problems):
        self.spec = spec
        self.doc = doc
        self.folder = folder
        self.problems = problems

    def error(self, keys: KeyPath, message: str, *, doc: MarkedDocument | None = None) -> None:
        doc = doc or self.doc
        self.problems.error(doc.locate(keys), f"{key_label(doc.data, keys)}: {message}")

    def warning(self, keys: KeyPath, message: str) -> None:
        self.problems.warning(self.doc.locate(keys), f"{key_label(self.doc.data, keys)}: {message}")

    def check(self, interactions: InteractionsFile | None, interactions_doc: MarkedDocument | None):
        spec = self.spec
        for name in (
            "waves",
            "usability_tests",
            "focus_groups",
            "themes",
            "findings",
            "recommendations",
            "risks",
        ):
            self.unique_ids(name, [item.id for item in getattr(spec, name)])
        self.unique_ids(("client", "contacts"), [c.id for c in spec.client.contacts])
        for i, test in enumerate(spec.usability_tests):
            self.unique_ids(("usability_tests", i, "tasks"), [t.id for t in test.tasks])
        self.known(
            ("measures", "segment_order"),
            spec.measures.segment_order,
            spec.measures.segments,
            "segment",
            "measures.segments",
        )
        self.known(
            ("measures", "segment_values"),
            spec.measures.segment_values,
            spec.measures.segments,
            "segment",
            "measures.segments",
        )
        for i, pair in enumerate(spec.measures.crossed or []):
            for j, ident in enumerate(pair):
                self.reference(
                    ("measures", "crossed", i, j), ident, spec.measures.segments, "segment"
                )
            if pair[0] == pair[1]:
                self.error(("measures", "crossed", i), "a segment cannot be crossed with itself")
        self.check_files()
        self.check_waves()
        self.check_findings(interactions)
        self.check_recommendations()
        self.check_countries()
        self.check_time_zones()
        if interactions is not None and interactions_doc is not None:
            self.check_interactions(interactions, interactions_doc)

    def check_countries(self) -> None:
        """A country code must name a country: the holidays and greetings depend on it."""
        client = self.spec.client
        named = [(("client", "country"), client.country)] + [
            (("client", "contacts", i, "country"), contact.country)
            for i, contact in enumerate(client.contacts)
        ]
        for keys, code in named:
            if code is not None and code not in country_codes():
                self.error(keys, f"'{code}' is not an ISO 3166 country code")

    def check_time_zones(self) -> None:
        """Zones must be IANA names; with a team, every contact needs one for the overlap."""
        client, team = self.spec.client, self.spec.team
        named = [(("client", "timezone"), client.timezone)]
        named += [
            (("client", "contacts", i, "timezone"), c.timezone)
            for i, c in enumerate(client.contacts)
        ]
        if team is not None:
            named.append((("team", "timezone"), team.timezone))
        for keys, zone in named:
            if zone is not None and zone not in time_zones():
                close = did_you_mean(zone, time_zones())
                self.error(keys, f"'{zone}' is not an IANA time zone such as Europe/Kyiv{close}")
        if team is not None and client.timezone is None:
            for i, contact in enumerate(client.contacts):
                if contact.timezone is None:
                    self.error(
                        ("client", "contacts", i),
                        "needs a timezone (or client.timezone) for the team's briefing",
                    )

    def unique_ids(self, where: str | KeyPath, ids: list[str], doc=None) -> None:
        base = (where,) if isinstance(where, str) else where
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                line = (doc or self.doc).locate(base + (first[ident], "id")).line
                self.error(
                    base + (i, "id"), f"duplicate id '{ident}' (first on line {line})", doc=doc
                )
            else:
                first[ident] = i

    def check_file(self, keys: KeyPath, relative: str) -> None:
        try:
            path = resolve_inside(self.folder, relative)
        except PathOutside as exc:
            self.error(keys, f"{exc}; keep the engagement's files inside its folder")
            return
        if not path.is_file():
            self.error(keys, f"file not found: {relative}")

    def check_files(self) -> None:
        from generator.validate.images import logo_problem

        if self.spec.client.logo:
            problem = logo_problem(self.folder, self.spec.client.logo)
            if problem is not None:
                self.error(("client", "logo"), problem)

    def check_waves(self) -> None:
        spec = self.spec
        previous = None
        for w, wave in enumerate(spec.waves):
            if previous is not None and wave.fielded.start < previous.fielded.start:
                self.warning(
                    ("waves", w, "fielded"),
                    f"wave '{wave.id}' was fielded before '{previous.id}', listed above it; "
                    "waves are compared in the order they are listed",
                )
            previous = wave
            for s, source in enumerate(wave.sources):
                self.check_mapping(("waves", w, "sources", s), source, usability=False)
        for u, test in enumerate(spec.usability_tests):
            if test.sus is not None:
                self.check_mapping(("usability_tests", u, "sus"), test.sus, usability=True)
        # Targets are read on the latest wave's scales (an earlier wave may use a legacy scale).
        latest = spec.waves[-1] if spec.waves else None
        ces = latest.scales.ces if latest else None
        if ces and spec.targets.ces is not None and not ces.min <= spec.targets.ces <= ces.max:
            self.error(
                ("targets", "ces"),
                f"the CES target {spec.targets.ces:g} is off the {ces.min}–{ces.max} "
                f"scale of the latest wave '{latest.id}'",
            )
        for w, wave in enumerate(spec.waves):
            self.known(
                ("waves", w, "scales", "by_item"),
                wave.scales.by_item,
                self.spec.measures.items,
                "item",
                "measures.items",
            )
            nps = wave.scales.nps
            if (nps.min, nps.max) not in ((0, 10), (1, 10)):
                self.error(
                    ("waves", w, "scales", "nps"),
                    f"the NPS scale is 0–10 or 1–10, not {nps.min}–{nps.max}",
                )

    def check_mapping(self, keys: KeyPath, source: Source, *, usability: bool) -> None:
        columns = source.columns
        self.known(
            keys + ("columns", "items"),
            columns.items,
            self.spec.measures.items,
            "item",
            "measures.items",
        )
        self.known(
            keys + ("columns", "segments"),
            columns.segments,
            self.spec.measures.segments,
            "segment",
            "measures.segments",
        )
        for group in ("choices", "multi"):
            self.known(
                keys + ("columns", group),
                getattr(columns, group),
                self.spec.measures.choices,
                "question",
                "measures.choices",
            )
        if usability:
            return  # the ten SUS columns are checked when the answers are read
        if columns.sus:
            self.error(
                keys + ("columns", "sus"),
                "SUS columns belong to a usability test, not to a survey wave",
            )
        elif not (
            any(getattr(columns, role) for role in SCORED_ROLES)
            or columns.items
            or columns.choices
            or columns.multi
        ):
            self.warning(
                keys + ("columns",),
                "this source maps no scored column (nps, csat, ces, overall or items)",
            )

    def known(
        self, keys: KeyPath, used: Iterable[str], declared: dict[str, str], what: str, where: str
    ) -> None:
        for ident in used:
            if ident not in declared:
                hint = did_you_mean(ident, declared) or listing(declared)
                self.problems.error(
                    self.doc.locate(keys + (ident,), key=True),
                    f"{key_label(self.doc.data, keys)}: {what} '{ident}' is not declared "
                    f"under {where}{hint}",
                )

    def reference(self, keys: KeyPath, ident: str, known: Iterable[str], what: str) -> None:
        known = list(known)
        if ident not in known:
            self.error(keys, f"no {what} '{ident}'{did_you_mean(ident, known) or listing(known)}")

    def check_findings(self, interactions: InteractionsFile | None) -> None:
        spec = self.spec
        kinds = {
            "item": spec.measures.items,
            "segment": spec.measures.segments,
            "theme": [t.id for t in spec.themes],
            "focus_group": [g.id for g in spec.focus_groups],
            "usability": [t.id for t in spec.usability_tests],
            "wave": [w.id for w in spec.waves],
            "interaction": [i.id for i in interactions.interactions if i.id]
            if interactions
            else [],
            "metric": METRICS,
        }
        waves = [w.id for w in spec.waves]
        for f, finding in enumerate(spec.findings):
            if finding.wave is not None:
                self.reference(("findings", f, "wave"), finding.wave, waves, "wave")
            for e, evidence in enumerate(finding.evidence):
                keys = ("findings", f, "evidence", e)
                kind, _, ident = evidence.partition(":")
                if kind not in kinds or not ident:
                    self.error(
                        keys,
                        f"evidence '{evidence}' is not kind:id with a kind among "
                        f"{', '.join(kinds)}",
                    )
                else:
                    self.reference(keys, ident, kinds[kind], kind.replace("_", " "))

    def check_recommendations(self) -> None:
        findings = [f.id for f in self.spec.findings]
        waves = [w.id for w in self.spec.waves]
        for r, rec in enumerate(self.spec.recommendations):
            for i, ident in enumerate(rec.findings):
                self.reference(("recommendations", r, "findings", i), ident, findings, "finding")
            if rec.wave is not None:
                self.reference(("recommendations", r, "wave"), rec.wave, waves, "wave")

    def check_interactions(self, log: InteractionsFile, doc: MarkedDocument) -> None:
        contacts = [c.id for c in self.spec.client.contacts]
        self.unique_ids(
            "interactions", [i.id or f"#{n}" for n, i in enumerate(log.interactions)], doc=doc
        )
        for n, interaction in enumerate(log.interactions):
            for p, person in enumerate(interaction.people):
                if person not in contacts:
                    hint = did_you_mean(person, contacts) or listing(contacts)
                    self.error(
                        ("interactions", n, "people", p),
                        f"no contact '{person}' in engagement.yaml{hint}",
                        doc=doc,
                    )
