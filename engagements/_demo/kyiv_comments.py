"""What Здоров’я Плюс customers wrote after a support ticket, in Ukrainian."""

from __future__ import annotations

import random

POOLS: dict[str, list[str]] = {
    "waiting": [
        "Довго чекав на лінії, понад 15 хвилин.",
        "Зв’язок обірвався після 10 хвилин очікування, довелося телефонувати ще раз.",
        "На гарячу лінію неможливо додзвонитися ввечері.",
        "Чекала на з’єднання з оператором майже пів години.",
    ],
    "callback": [
        "Зручно, що передзвонили самі, не довелося чекати на лінії.",
        "Зворотний дзвінок надійшов за 5 хвилин, дуже дякую.",
    ],
    "order_status": [
        "Замовлення три дні було у статусі «Комплектується», ніхто не міг пояснити чому.",
        "Номер ТТН прийшов лише після мого звернення.",
        "Не знала, де моя посилка, поки сама не написала в чат.",
        "Статус в особистому кабінеті не оновлюється.",
        "Ніхто не пояснив, чому мої ліки досі не відправили.",
    ],
    "order_good": [
        "SMS з номером ТТН прийшла одразу, дуже зручно.",
        "Посилку відстежувала сама, звертатися більше не довелося.",
    ],
    "prescriptions": [
        "Не зміг оформити електронний рецепт: сайт не приймав код.",
        "Консультант не знав, як працює е-рецепт, і переключав мене тричі.",
        "Довелося тричі пояснювати ту саму проблему різним операторам.",
        "Дайте пам’ятку, як користуватися електронним рецептом на сайті.",
    ],
    "refunds": [
        "Мені вже тиждень не повертають кошти за скасоване замовлення.",
        "Повернення коштів тривало понад два тижні.",
    ],
    "email": [
        "На листа відповіли лише через два дні.",
        "Відповідь на пошту прийшла шаблонна, на моє питання так і не відповіли.",
    ],
    "praise": [
        "Фармацевтка дуже компетентно проконсультувала щодо аналога препарату.",
        "Оператор чату відповів швидко і все пояснив.",
        "Дякую за оперативність!",
        "Ґрунтовно пояснили, як приймати ліки, дуже вдячна.",
        "Дуже привітні консультанти, дякую їм.",
        "Усе чудово.",
    ],
    "polite_unresolved": ["Ввічлива операторка, але питання так і не вирішили."],
}
PERSONAL = [
    "Передзвоніть мені, будь ласка: +380 67 000 12 34, замовлення № 5531207.",
    "Чек досі не надіслали на o.petrenko@poshta.example, хоча я просила двічі.",
]
NOTHING = ["-", "немає", "Без коментарів"]


class Commenter:
    """Writes one wave's comments from the ticket's topic and the customer's answers."""

    def __init__(self, rng: random.Random, rate: float, *, personal: list[str], after_fixes: bool):
        self.rng = rng
        self.rate = rate
        self.personal = list(personal)
        self.after_fixes = after_fixes

    def __call__(self, topic: str, channel: str, satisfied: bool) -> str:
        """Return a comment, or an empty string for the many who leave none."""
        rng = self.rng
        if rng.random() > self.rate:
            return ""
        roll = rng.random()
        if roll < 0.02:
            return rng.choice(NOTHING)
        if roll < 0.04 and self.personal:
            return self.personal.pop(0)
        if satisfied:
            pools = ["praise"]
            if self.after_fixes and channel == "phone":
                pools.append("callback")
            if self.after_fixes and topic == "order_status":
                pools.append("order_good")
            return rng.choice(POOLS[rng.choice(pools)])
        if channel == "phone" and not self.after_fixes and rng.random() < 0.6:
            return rng.choice(POOLS["waiting"])
        if channel == "email" and rng.random() < 0.4:
            return rng.choice(POOLS["email"])
        if topic in POOLS:
            return rng.choice(POOLS[topic])
        return rng.choice(POOLS["polite_unresolved"])
