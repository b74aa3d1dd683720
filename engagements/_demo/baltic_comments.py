"""What Mājas Stils shoppers wrote in the open question, in Latvian (and a little Russian)."""

from __future__ import annotations

import random

POOLS: dict[str, list[str]] = {
    "delivery": [
        "Piegāde kavējās par trim dienām, un neviens mani par to neinformēja.",
        "Kurjers ieradās ārpus norunātā laika, nācās gaidīt mājās visu dienu.",
        "Pasūtījumu solīja piegādāt divās darba dienās, bet to atveda tikai pēc nedēļas.",
        "Piegādes laiks bija daudz garāks, nekā norādīts mājaslapā.",
        "Dīvāns tika piegādāts saplēstā iepakojumā, uz kājas bija skrāpējums.",
        "Kurjers nepiezvanīja pirms piegādes, lai gan komentārā to lūdzu.",
        "Kopš vasaras piegāde ir kļuvusi lēnāka, agrāk viss notika daudz ātrāk.",
        "Izsekošanas saitē vairākas dienas bija redzams tikai statuss „Sagatavots nosūtīšanai”.",
    ],
    "delivery_good": [
        "Piegāde bija ātra, kurjers ļoti pieklājīgs.",
        "Pasūtījums atnāca jau nākamajā dienā, lieliski!",
    ],
    "queues": [
        "Sestdienās pie kasēm ir milzīgas rindas, strādā tikai viena kase.",
        "Rindā pie kases stāvēju gandrīz 20 minūtes.",
        "Vajadzētu pašapkalpošanās kases, brīvdienās rindas ir neizturamas.",
        "Vakarā bija atvērta tikai viena kase, lai gan rindā stāvēja desmit cilvēki.",
        "Ilgi jāgaida pie kases, jo kasiere vienlaikus atbild arī uz telefona zvaniem.",
        "Saņemot interneta pasūtījumu, bija jāstāv tajā pašā rindā, kur visiem pircējiem.",
    ],
    "staff_good": [
        "Pārdevēja ļoti laipni palīdzēja izvēlēties aizkarus un pat ieteica lētāku variantu.",
        "Personāls vienmēr ir atsaucīgs un zinošs.",
        "Paldies konsultantam Teikas veikalā, ļoti profesionāli!",
        "Darbinieki ir draudzīgi un vienmēr sasveicinās.",
        "Jauka un izpalīdzīga apkalpošana, jutos gaidīts.",
    ],
    "staff_bad": [
        "Zālē nevarēja atrast nevienu konsultantu.",
        "Pārdevēja bija nelaipna un neieinteresēta.",
    ],
    "availability": [
        "Interneta veikalā bija rakstīts, ka prece ir pieejama, bet veikalā tās nebija.",
        "Populārākie izmēri vienmēr ir izpārdoti.",
        "Daugavpils veikalā izvēle ir daudz mazāka nekā Rīgā.",
        "Nācās gaidīt divas nedēļas, līdz prece atkal parādījās noliktavā.",
        "Liepājā gultas veļas sortiments ir ļoti šaurs.",
    ],
    "checkout": [
        "Apmaksājot ar karti, lapa uzkārās, un maksājums neizdevās.",
        "Grozā pazuda lojalitātes kartes atlaide, nācās visu sākt no jauna.",
        "Pirkuma noformēšanā trīs reizes parādījās kļūda „Kaut kas nogāja greizi”.",
        "Nevarēju izvēlēties saņemšanu veikalā, lapa rādīja kļūdu.",
        "Telefonā poga „Apmaksāt” nav redzama, nācās pasūtīt no datora.",
        "Nauda no konta tika noņemta, bet pasūtījums neparādījās.",
    ],
    "web_good": [
        "Interneta veikals ir ērts, viss skaidrs un saprotams.",
        "Šoreiz apmaksa noritēja bez problēmām, ātri un vienkārši.",
    ],
    "returns": [
        "Preces atgriešana aizņēma pārāk ilgu laiku, naudu atmaksāja tikai pēc trim nedēļām.",
        "Nebija skaidrs, vai internetā pirktu preci var atgriezt veikalā.",
        "Lai apmainītu lampu, bija jāraksta trīs e-pasti.",
    ],
    "returns_good": ["Atgriešana veikalā notika ātri un bez liekiem jautājumiem."],
    "prices": [
        "Cenas ir augstas, salīdzinot ar konkurentiem.",
        "Labas atlaides lojalitātes kartes īpašniekiem.",
        "Gribētos vairāk akciju mājas tekstilam.",
    ],
    "praise": [
        "Viss bija lieliski, noteikti iepirkšos vēl!",
        "Patīk plašais sortiments un patīkamā atmosfēra veikalā.",
        "Ļoti apmierināta ar pirkumu.",
        "Paldies!",
        "Viss kārtībā.",
    ],
}
NOTHING = ["Nav komentāru", "-", "nav", " ", "..."]
RUSSIAN = [
    "Доставка опоздала на два дня, никто не предупредил.",
    "Очень длинные очереди в кассу в субботу, работала только одна касса.",
    "Продавцы вежливые, всё объяснили, спасибо.",
    "При оплате картой на сайте выскочила ошибка, деньги списали дважды.",
]
PERSONAL = [
    "Lūdzu, sazinieties ar mani par atmaksu: anna.berzina@pasts.example",
    "Zvaniet man, +371 2000 1234, joprojām gaidu pasūtījumu Nr. 104532.",
    "Mans tālrunis ir 20012345, lūdzu, atzvaniet par bojāto dīvānu.",
    "Rēķinu lūdzu atsūtīt uz janis.ozols@epasts.example, kasē to aizmirsa izdrukāt.",
]
LONG = (
    "Gribu pastāstīt visu stāstu, jo esmu vīlusies. Jūnija sākumā interneta veikalā pasūtīju "
    "virtuves galdu un četrus krēslus. Apmaksājot ar karti, lapa divas reizes parādīja kļūdu, "
    "bet nauda no konta tika noņemta abas reizes. Zvanīju uz klientu apkalpošanas centru, kur "
    "mani laipni uzklausīja un solīja, ka lieko maksājumu atgriezīs trīs darba dienu laikā. "
    "Nauda atnāca tikai pēc divām nedēļām.\n\n"
    "Piegādi solīja piektdien no 9 līdz 13, tāpēc paņēmu brīvdienu. Kurjers ieradās pēc "
    "pulksten 17 un iepriekš nebija piezvanījis. Vienam krēslam bija ieplīsis polsterējums, "
    "tāpēc to vajadzēja atgriezt. Atgriešanas kārtība mājaslapā nav aprakstīta, un Imantas "
    "veikalā man teica, ka internetā pirktas preces viņi nepieņem, lai gan vēlāk izrādījās, ka "
    "tā nav tiesa.\n\n"
    "Gribu uzsvērt, ka pārdevēja Teikas veikalā, kura beigās visu sakārtoja, bija ļoti jauka "
    "un izpalīdzīga, un tikai viņas dēļ es vēl apsveru iepirkties pie jums. Taču kopumā "
    "pieredze bija nogurdinoša, un draugiem jūs pagaidām neieteiktu. Ceru, ka šī atsauksme "
    "palīdzēs uzlabot gan interneta veikalu, gan piegādi, jo preces jums ir skaistas un "
    "kvalitatīvas."
)
# Which pool a low rating of an item sends the comment to.
COMPLAINTS = {
    "delivery": "delivery",
    "checkout_wait": "queues",
    "staff": "staff_bad",
    "availability": "availability",
    "webshop": "checkout",
    "returns": "returns",
}


class Commenter:
    """Writes the comments of one wave; the rare kinds (long, personal, Russian) come in order."""

    def __init__(self, rng: random.Random, rate: float, *, russian: list[str], personal: list[str]):
        self.rng = rng
        self.rate = rate
        self.russian = list(russian)
        self.personal = list(personal)
        self.long_given = False

    def __call__(
        self, items: dict[str, int | None], likely: int, *, cyrillic_ok: bool = True
    ) -> str:
        """Return a comment given the shopper's item ratings (None = not rated) and NPS answer."""
        rng = self.rng
        if rng.random() > self.rate:
            return ""
        roll = rng.random()
        if roll < 0.02:
            return rng.choice(NOTHING)
        if roll < 0.03 and self.russian and cyrillic_ok:
            return self.russian.pop(0)
        if roll < 0.04 and self.personal:
            return self.personal.pop(0)
        if not self.long_given and likely <= 4 and items.get("webshop") is not None:
            self.long_given = True
            return LONG
        rated = {k: v for k, v in items.items() if v is not None}
        sentences = []
        if likely >= 9 or not rated:
            good = ["praise", "staff_good"]
            if items.get("delivery") is not None:
                good.append("delivery_good")
            if items.get("webshop") is not None:
                good.append("web_good")
            sentences.append(rng.choice(POOLS[rng.choice(good)]))
        else:
            worst = min(rated, key=lambda k: (rated[k], rng.random()))
            sentences.append(rng.choice(POOLS[COMPLAINTS[worst]]))
            if rng.random() < 0.3:
                extra = "prices" if rng.random() < 0.4 else "staff_good"
                sentences.append(rng.choice(POOLS[extra]))
        return " ".join(sentences)
