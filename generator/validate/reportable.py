"""What `build` needs beyond well-formed inputs: a wave it can report without exposing anyone.

Checked by `validate` so that a build never stops on something `validate` did not report: a
client without any survey wave (unless it has a usability test with answers or tasks: a
usability study needs no survey) and waves whose exports hold no usable response (a warning
while the engagement is being set up, an error for `build`), and a wave with fewer responses
than the anonymity minimum (an error). The wave to report is the one asked for
(``build --wave``), else the latest with responses; it must reach the minimum, or every
number of the document would be hidden. An earlier wave under the minimum is only left out
of the comparisons, which a warning says.
"""

from __future__ import annotations

from generator.errors import Problems
from generator.workspace import Engagement

THRESHOLD_SETTING = "defaults.anonymity_threshold in rapport.yaml"


def check_reportable(
    engagement: Engagement,
    threshold: int,
    problems: Problems,
    wave: str | None = None,
    building: bool = False,
) -> None:
    """Add a located problem for each reason `build` would refuse ``engagement``."""
    spec, doc = engagement.spec, engagement.doc
    nothing_yet = problems.error if building else problems.warning
    usability = any(
        len(engagement.usability.get(test.id) or ()) or test.tasks for test in spec.usability_tests
    )
    if not spec.waves and usability:
        return  # a usability study without a survey: its SUS and tasks are the report
    if not spec.waves:
        nothing_yet(
            doc.locate(("waves",)),
            "no survey wave yet, and 'rapport build' needs one: add it under 'waves:' with the "
            "export it was read from ('rapport inspect FILE' prints the column mapping)",
        )
        return
    sizes = {w.id: len(engagement.responses.get(w.id) or ()) for w in spec.waves}
    answered = [wave_id for wave_id, size in sizes.items() if size]
    if not answered:
        nothing_yet(
            doc.locate(("waves",)),
            "no wave has a usable response, so 'rapport build' has nothing to report: check "
            "each export's filters and column mapping ('rapport inspect FILE')",
        )
        return
    reported = wave if wave in sizes else answered[-1]
    for index, declared in enumerate(spec.waves):
        size = sizes[declared.id]
        if not 0 < size < threshold:
            continue
        where = doc.locate(("waves", index, "id"))
        counted = f"wave {declared.id} has {size} response{'s' * (size != 1)}"
        minimum = f"fewer than the anonymity minimum of {threshold} ({THRESHOLD_SETTING})"
        if declared.id == reported:
            earlier = [w for w in answered[: answered.index(declared.id)] if sizes[w] >= threshold]
            hint = f"; build an earlier wave with --wave {earlier[-1]}" if earlier else ""
            problems.error(where, f"{counted}, {minimum}: none of its results can be shown{hint}")
        elif answered.index(declared.id) < answered.index(reported):
            problems.warning(where, f"{counted}, {minimum}: it is left out of the comparisons")
