"""Northwind's narrative: executive summaries, one text per finding, method and next steps."""

from __future__ import annotations

from _demo.files import front_matter


def narratives(s: dict[str, str]) -> dict[str, str]:
    """Return narrative/<name>.md contents; ``s`` holds the quoted figures, formatted."""
    return {
        "summary-2026-q1.md": front_matter(
            f"""
kind: executive_summary
wave: 2026-q1
key_messages:
  - "NPS {s["nps_q1"]} from {s["n_q1"]} people: more detractors than promoters."
  - Visibility of the team's work is the weakest item and moves satisfaction most.
  - Code quality is rated well; the frustration is with the process, not the people.
""",
            f"""
Northwind's people respect the Dnipro Digital engineers but cannot see what they are doing.
In the first pulse, {s["n_q1"]} of {s["invited_q1"]} invited colleagues answered
({s["rate_q1"]}). NPS stands at {s["nps_q1"]}, and visibility of work and status averages
{s["transparency_q1"]} of 5, the lowest of the six items.

Visibility is also the item most closely tied to overall satisfaction. The escalation over
release 4.2 in March shows why: the slip itself was manageable, the ten days of silence were
not. We recommend three low-cost changes to the way the teams work together: a Friday demo,
a live delivery dashboard and four overlapping hours a day.
""",
        ),
        "summary-2026-q3.md": front_matter(
            f"""
kind: executive_summary
wave: 2026-q3
title: Visibility restored, pace to watch
decision: >-
  Agree the leaner ceremony schedule and the monthly COO call, and who owns each, before the
  January renewal.
key_messages:
  - "NPS rose from {s["nps_q2"]} to {s["nps_q3"]} between the Q2 and Q3 pulses."
  - "Visibility of work rose from {s["transparency_q2"]} to {s["transparency_q3"]} of 5."
  - Delivery pace slipped a little; trim the new routines rather than drop them.
  - Involve the COO directly before the January renewal.
""",
            f"""
The changes agreed in April worked. Six months after Dana Kessler described the offshore
process as a black box, visibility of the team's work is rated {s["transparency_q3"]} of 5
(from {s["transparency_q1"]} in Q1) and NPS has moved from {s["nps_q1"]} to {s["nps_q3"]}.
The Q2 pulse came too early to show it; the Q3 pulse, answered by {s["n_q3"]} of
{s["invited_q3"]} invited colleagues ({s["rate_q3"]}), shows significant gains on both.

There is a price. Delivery pace fell more than any other item, from {s["delivery_q2"]} to
{s["delivery_q3"]}, and the CTO has noticed fewer story points per sprint. The velocity
analysis puts it down to meeting time rather than staffing. Keeping the Friday demo and
the dashboard while trimming the other routines should keep the gain and recover the pace.
""",
        ),
        "finding-F1.md": front_matter(
            "kind: finding\nfinding: F1\nwave: 2026-q1",
            f"""
Asked what the team should start, stop or keep doing, engineers and product owners wrote
about the same thing: they learn of problems too late. Sprint reports list ticket numbers
rather than what is done, blocked or at risk, and there had been no demo of working
software since November.

The numbers agree. Visibility averaged {s["transparency_q1"]} of 5, well below code quality
({s["quality_q1"]}), and its correlation with overall satisfaction, r = {s["r_transparency_q1"]},
is the highest of the six items. When visibility is low, nothing else the team does well is
noticed.
""",
        ),
        "finding-F2.md": front_matter(
            "kind: finding\nfinding: F2\nwave: 2026-q1",
            f"""
Chicago and Dnipro share only two working hours. A question asked at 11 am Central Time
reaches a team that has gone home, and the answer arrives the next morning. Jake Walsh
counted eleven such overnight waits in one sprint in February. Responsiveness averaged
{s["responsiveness_q1"]} of 5 in Q1.
""",
        ),
        "finding-F3.md": front_matter(
            "kind: finding\nfinding: F3",
            f"""
The Friday demo began on 17 April, the dashboard went live on 30 April and the overlap hours
started on 3 June. By the Q3 pulse visibility had risen to {s["transparency_q3"]} of 5 and
NPS to {s["nps_q3"]}, both significant changes on Q2. The quarter's satisfaction score
(share answering 4 or 5) moved from {s["csat_q2"]} to {s["csat_q3"]}.

The comments changed tone too: "I finally see what's being built before it ships."
""",
        ),
        "finding-F4.md": front_matter(
            "kind: finding\nfinding: F4",
            f"""
Delivery pace fell from {s["delivery_q2"]} to {s["delivery_q3"]} of 5. The team added a
Wednesday sync and a longer planning session alongside the Friday demo, and the later
working day that creates the overlap hours cuts into quiet time for focused work. The
velocity analysis found about six hours of meetings per engineer a week.
""",
        ),
        "finding-F5.md": front_matter(
            "kind: finding\nfinding: F5",
            f"""
Code quality has stayed close to 4 of 5 all year ({s["quality_q1"]} in Q1,
{s["quality_q3"]} in Q3) and regressions are rare. Understanding of Northwind's customers
has moved far less: {s["business_q1"]} in Q1, {s["business_q3"]} in Q3. Operations staff, who field
the customers' calls, feel it most.
""",
        ),
        "methodology.md": front_matter(
            "kind: methodology\ntitle: How we measured",
            """
Every quarter, everyone at Northwind who worked with the Dnipro Digital team receives an
anonymous Qualtrics pulse: likelihood to recommend (0-10), satisfaction with the quarter's
work and with the partnership (1-5), and six statements rated from "strongly disagree" to
"strongly agree", with "not applicable" left out of every average. Department and time
working with the team come from the distribution list, not from the answers. Preview runs
and unfinished answers are excluded. Groups of fewer than five people are not shown.
""",
        ),
        "next-steps.md": front_matter(
            "kind: next_steps",
            """
- Trim the ceremonies (R5): agree the leaner schedule by 9 October.
- Monthly COO call (R7): book the first call between Linda Nguyen and the account director.
- Dispatch-centre visits (R6): plan them for November.
- Run the Q4 pulse in the first two weeks of December with the same questions.
""",
        ),
        "briefing.md": front_matter(
            "kind: briefing",
            """
## Чого чекає американський клієнт

- **Керівник команди — учасник, а не диспетчер.** У Northwind вважають, що тімлід пише код,
  сам приходить на демо й першим каже про ризик. Мовчання сприймають як приховану проблему.
- **Прогрес показують часто й наочно.** Демо щоп’ятниці та дашборд — не формальність: саме
  вони повернули довіру у 2026 році. Пропустити демо без попередження — найшвидший спосіб її
  втратити.
- **Погані новини — одразу й з планом.** «Ми запізнюємося на два дні, ось чому і що робимо»
  тут цінують більше, ніж вчасний, але несподіваний реліз.

## Типові помилки

- Чекати повністю сформульованого завдання. Northwind очікує запитань і пропозицій: якщо
  вимога неясна, запропонуйте два варіанти до кінця спільних годин.
- Відповідати коротким «ок» у месенджері. Напишіть, що саме зроблено і коли буде наступний
  крок.
- Обговорювати з клієнтом внутрішні проблеми команди. Говоріть про вплив на результат.

## Як будувати довіру

Спільні години (16:00–20:00 за Києвом) — для запитань, що блокують роботу. Щотижня
надсилайте Дані Кесслер три рядки: що зроблено, що далі, які ризики.
""",
        ),
    }
