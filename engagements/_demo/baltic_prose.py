"""Mājas Stils' narrative in Latvian: executive summaries, one text per finding, the method."""

from __future__ import annotations

from _demo.files import front_matter


def narratives(s: dict[str, str]) -> dict[str, str]:
    """Return narrative/<name>.md contents; ``s`` holds the quoted figures, formatted."""
    return {
        "kopsavilkums-2026-q2.md": front_matter(
            f"""
kind: executive_summary
wave: 2026-q2
key_messages:
  - "NPS {s["nps_q2"]}: veikali {s["nps_store_q2"]}, interneta veikals {s["nps_web_q2"]}."
  - Maksājumu kļūda pirkuma noformēšanā ir steidzamākā problēma.
  - Rindas pie kasēm Rīgā brīvdienās atbaida lojālākos pircējus.
  - Personāla laipnība ir spēcīgākā priekšrocība.
""",
            f"""
Pavasarī aptaujā piedalījās {s["n_q2"]} pircēji. Veikalu pircēji Mājas Stils vērtē labi,
īpaši konsultantu laipnību un zināšanas. Interneta veikalā situācija ir cita: tā pircēju NPS
ir {s["nps_web_q2"]}, un lietojamības testā tikai 8 no 14 dalībniekiem izdevās samaksāt ar
karti.

Iesakām vispirms novērst maksājuma kļūdu un Rīgas veikalos brīvdienās atvērt papildu kasi.
Abus pasākumus var īstenot ar esošajiem resursiem dažu nedēļu laikā.
""",
        ),
        "kopsavilkums-2026-q3.md": front_matter(
            f"""
kind: executive_summary
wave: 2026-q3
title: Interneta veikals atguvies, piegāde – jaunā problēma
key_messages:
  - "NPS pieauga no {s["nps_q2"]} līdz {s["nps_q3"]}, galvenokārt interneta veikala dēļ."
  - "Interneta veikala pircēju NPS: no {s["nps_web_q2"]} līdz {s["nps_web_q3"]}."
  - "Piegādes vērtējums kritās no {s["delivery_q2"]} līdz {s["delivery_q3"]} no 5."
  - Daugavpilī un Liepājā pircējiem trūkst preču.
""",
            f"""
Jūlijā novērstā maksājumu kļūda ir devusi rezultātu. Interneta veikala lietošanas ērtuma
vērtējums pieauga no {s["webshop_q2"]} līdz {s["webshop_q3"]}, un kopējais NPS sasniedza
{s["nps_q3"]} ({s["n_q3"]} atbildes). {s["target_q3"]}

Jaunā problēma ir piegāde. Kopš kurjeru partnera maiņas jūlijā pircēji biežāk saņem
pasūtījumus vēlāk, nekā solīts, un kurjeri ierodas bez brīdinājuma. Pirms Ziemassvētku
sezonas partnerim jānosaka skaidrs termiņa mērķis, bet pircējiem jāparāda reāls piegādes
laiks jau pirms pirkuma.
""",
        ),
        "atradums-F1.md": front_matter(
            "kind: finding\nfinding: F1\nwave: 2026-q2",
            f"""
Interneta veikals ir vienīgais pārdošanas kanāls, kurā kritiķu ir vairāk nekā ieteicēju
(NPS {s["nps_web_q2"]}). Komentāros atkārtojas viens un tas pats stāsts: lapa uzkaras
apmaksas brīdī, pazūd lojalitātes atlaide vai nauda tiek noņemta divreiz.

Lietojamības testā pircēji noformēja pasūtījumu datorā un telefonā. Preci atrast un ielikt
grozā izdevās visiem, bet samaksāt ar karti – tikai astoņiem, atlaidi piemērot – sešiem.
SUS rādītājs {s["sus"]} ir krietni zem vidējā SUS rādītāja (68).
""",
        ),
        "atradums-F2.md": front_matter(
            "kind: finding\nfinding: F2\nwave: 2026-q2",
            f"""
Teikas un Imantas veikalos gaidīšanas laiks pie kases ir viens no vājāk vērtētajiem
aspektiem ({s["wait_riga_q2"]} no 5). Sestdienā Teikā pusdienlaikā strādāja divas kases no piecām.
Lojālie pircēji stāsta, ka brīvdienās dodas prom, ja redz rindu, un interneta pasūtījumu
saņemšana tajā pašā rindā atņem iepriekšējas pasūtīšanas jēgu.
""",
        ),
        "atradums-F3.md": front_matter(
            "kind: finding\nfinding: F3",
            f"""
Maksājumu kļūdu novērsa 15. jūlijā. Jau pirmajā nedēļā neviens pircējs vairs nesaņēma
dubultu maksājumu, un 3. ceturksnī interneta veikala pircēju NPS sasniedza
{s["nps_web_q3"]}. Fokusa grupā ar jaunajiem interneta pircējiem neviens dalībnieks vairs
nesūdzējās par apmaksu.
""",
        ),
        "atradums-F4.md": front_matter(
            "kind: finding\nfinding: F4",
            f"""
No 1. jūlija pasūtījumus piegādā jauns kurjeru partneris. Piegādes vērtējums kritās no
{s["delivery_q2"]} līdz {s["delivery_q3"]} no 5, un klientu centrā divkāršojās zvanu skaits
par kavētām piegādēm. Pircēji visvairāk sūdzas nevis par pašu kavējumu, bet par to, ka
neviens par to nebrīdina.
""",
        ),
        "atradums-F5.md": front_matter(
            "kind: finding\nfinding: F5",
            f"""
Personāla laipnība un kompetence ({s["staff_q3"]} no 5) ir visaugstāk vērtētais aspekts abos
ceturkšņos un visos veikalos. Fokusa grupā pircēji konsultantus sauca vārdā: „Pie jums es
nāku cilvēku dēļ, nevis cenu dēļ.”
""",
        ),
        "atradums-F6.md": front_matter(
            "kind: finding\nfinding: F6",
            f"""
Daugavpilī un Liepājā preču pieejamības vērtējums ir {s["availability_regional_q3"]} no 5,
citur – {s["availability_other_q3"]}. Daugavpils veikalā gultas veļas plaukti bija
pustukši, jo preces no Rīgas noliktavas pienāk tikai reizi nedēļā.
""",
        ),
        "metodika.md": front_matter(
            "kind: methodology\ntitle: Kā mērījām",
            """
Pēc katra pirkuma ar lojalitātes karti vai interneta veikalā pircējs saņem e-pastu ar
aicinājumu piedalīties aptaujā. 2. ceturksnī aptauja notika Google Forms vidē, no jūlija –
SurveyMonkey; jautājumi nemainījās. Liepājas un Daugavpils veikalos 3. ceturksnī pie kasēm
darbojās planšetes ar trim jautājumiem. Atbildes „Nav attiecināms” vidējos rādītājos netiek
ņemtas vērā, un grupas, kurās ir mazāk nekā pieci pircēji, netiek rādītas.
""",
        ),
        "briefing.md": front_matter(
            "kind: briefing",
            """
## What Mājas Stils expects

- **Reliability over speed.** The board would rather hear "in two weeks" and get it in two
  weeks than hear "Friday" and get it on Tuesday. Give dates you can keep.
- **Written, precise and short.** Decisions are confirmed by e-mail in Latvian or English;
  keep a written trail of every change to scope.
- **Respect the hierarchy.** Ilze Kalniņa decides; Jānis Bērziņš prepares the decision. Do not
  escalate to the chair without telling him first.

## Typical mistakes

- Small talk and enthusiasm in place of facts: it reads as overselling.
- Releasing to the web shop on a Friday or before a holiday weekend (Jāņi in June above all):
  the stores' busiest days follow.
- Forgetting that Andris Krūmiņš works from Vilnius and keeps Lithuanian holidays.

## How to build trust

Bring numbers to every meeting (checkout success, delivery times), and say plainly what did
not work. Punctuality counts: join calls a minute early.
""",
        ),
    }
