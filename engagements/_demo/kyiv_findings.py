"""Здоров’я Плюс' findings, recommendations and risks, in Ukrainian."""

from __future__ import annotations


def findings(s: dict[str, str]) -> str:
    """The findings; ``s`` holds the figures the summaries quote, already formatted."""
    return f"""
findings:
  - id: F1
    wave: 2026-q2
    title: Гаряча лінія – найслабший канал підтримки, бо клієнти надто довго чекають на з’єднання.
    summary: >-
      У II кварталі вирішенням звернення були задоволені лише {s["csat_phone_q2"]} клієнтів,
      які телефонували, тоді як в онлайн-чаті – {s["csat_chat_q2"]}. Швидкість першої
      відповіді на гарячій лінії клієнти оцінили в {s["speed_phone_q2"]} з 5.
    evidence:
      - segment:channel
      - item:speed
      - theme:waiting
      - metric:csat
      - interaction:zp-2026-05-12-calls
    notes: >-
      Показати запис розмови: клієнтка чекає 23 хвилини й кладе слухавку.
  - id: F2
    wave: 2026-q2
    title: Найчастіше клієнти звертаються, бо не знають, де їхнє замовлення.
    summary: >-
      Інформування про статус замовлення – найнижче оцінений аспект ({s["order_info_q2"]} з 5).
      Після очікування на лінії це найчастіша тема скарг у коментарях.
    evidence:
      - item:order_info
      - theme:order_status
      - metric:ces
  - id: F3
    title: Зворотний дзвінок і SMS з номером ТТН помітно підвищили задоволеність.
    summary: >-
      Частка задоволених клієнтів зросла з {s["csat_q2"]} до {s["csat_q3"]}, оцінка швидкості
      відповіді на гарячій лінії – з {s["speed_phone_q2"]} до {s["speed_phone_q3"]}, а
      інформування про статус замовлення – з {s["order_info_q2"]} до {s["order_info_q3"]}.
      Усі три зміни статистично значущі. Повільною залишається лише електронна пошта.
    evidence:
      - metric:csat
      - item:speed
      - item:order_info
      - segment:channel
      - metric:response_rate
      - interaction:zp-2026-07-01-launch
  - id: F4
    title: Питання щодо електронних рецептів і повернення коштів рідше вирішують з першого разу.
    summary: >-
      Повнота вирішення питання не змінилася ({s["resolution_q2"]} і {s["resolution_q3"]} з 5).
      Клієнти з електронними рецептами пишуть, що їх переключали між консультантами, а
      консультанти визнають, що не мають інструкції. Зусилля клієнта (CES) – {s["ces_q3"]} з 7,
      нижче цілі 5,0.
    evidence:
      - item:resolution
      - theme:prescriptions
      - theme:refunds
      - metric:ces
      - interaction:zp-2026-08-19-prescriptions
"""


RECOMMENDATIONS = """
recommendations:
  - id: R1
    wave: 2026-q2
    title: Запустити зворотний дзвінок, коли очікування на гарячій лінії перевищує три хвилини.
    rationale: >-
      Клієнти готові чекати на дзвінок, але не на лінії: саме очікування – головна причина
      невдоволення телефонним каналом.
    audience: [support, engineering]
    findings: [F1]
    impact: high
    effort: medium
    confidence: high
    horizon: 30
    owner: Андрій Шевчук
    kpi: Частка задоволених серед тих, хто телефонував, – не менше 60 %
    status: done
  - id: R2
    wave: 2026-q2
    title: Автоматично надсилати SMS з номером ТТН одразу після передачі посилки перевізнику.
    rationale: >-
      Клієнт, який має номер ТТН, відстежує посилку сам і не телефонує в підтримку.
    audience: [engineering, operations]
    findings: [F2]
    impact: high
    effort: low
    confidence: high
    horizon: 30
    owner: Ольга Бондар
    status: done
  - id: R3
    wave: 2026-q2
    title: >-
      Показувати в особистому кабінеті статус замовлення в реальному часі, з етапами комплектування.
    audience: [web, engineering]
    findings: [F2]
    impact: medium
    effort: high
    confidence: medium
    horizon: 90
    owner: Ольга Бондар
    kpi: Кількість звернень «де моє замовлення» на 1000 замовлень
    status: in_progress
  - id: R4
    short: Інструкція щодо е-рецептів
    title: >-
      Підготувати для консультантів покрокову інструкцію щодо електронних рецептів і навчити
      кожну зміну.
    rationale: >-
      Консультанти переключають клієнта, бо самі не знають відповіді. Інструкція на одну
      сторінку та коротке навчання коштують мало й дають результат одразу.
    audience: [support]
    findings: [F4]
    impact: high
    effort: low
    confidence: high
    horizon: 30
    owner: Андрій Шевчук
    kpi: Повнота вирішення питань щодо е-рецептів – не нижче 3,5
  - id: R5
    short: Підказка про код рецепта
    title: >-
      Додати на сторінку оформлення підказку, де знайти код електронного рецепта і як його ввести.
    audience: [web]
    findings: [F4]
    impact: medium
    effort: low
    confidence: medium
    horizon: 30
    owner: Ольга Бондар
  - id: R6
    short: Відповідь на лист за день
    title: >-
      Відповідати на листи протягом одного робочого дня або пропонувати клієнтові перейти в чат.
    rationale: >-
      Після змін у липні електронна пошта стала найповільнішим каналом.
    audience: [support]
    findings: [F3]
    impact: medium
    effort: medium
    confidence: medium
    horizon: 60
    owner: Андрій Шевчук
    kpi: Середній час першої відповіді на лист
  - id: R7
    short: Огляд причин звернень
    title: Щомісяця розглядати на нараді керівництва три найчастіші причини звернень.
    rationale: >-
      Більшість звернень спричиняють проблеми сайту й логістики, а не підтримки; без рішень
      керівництва підтримка лише гасить пожежі.
    audience: [leadership]
    findings: [F2, F4]
    impact: medium
    effort: low
    confidence: medium
    horizon: 60
    owner: Олена Коваленко
"""

RISKS = """
risks:
  - id: K1
    title: Сезон застуд удвічі збільшить кількість дзвінків, і черга на гарячій лінії знову зросте.
    likelihood: high
    impact: high
    mitigation: >-
      Залучити фармацевтів з аптек до зворотних дзвінків у години пік і щодня стежити за часом
      очікування.
    owner: Андрій Шевчук
  - id: K2
    title: Через зміну питання про зусилля результати CES за II і III квартали не порівнюються.
    likelihood: high
    impact: low
    mitigation: Надалі використовувати лише шкалу 1–7; динаміку показувати за CSAT та аспектами.
    owner: Олена Коваленко
"""
