"""Mājas Stils' focus groups, comment themes, findings, recommendations and risks (Latvian)."""

from __future__ import annotations

FOCUS_GROUPS = """
focus_groups:
  - id: fg-riga-loyalty
    title: Rīgas lojalitātes kartes īpašnieki
    date: 2026-05-14
    location: Rīga, Teikas veikala apspriežu telpa
    participants: 8
    segment: lojalitātes kartes īpašnieki, kas iepērkas vismaz reizi mēnesī
    themes:
      - title: Rindas brīvdienās
        summary: >-
          Gandrīz visi dalībnieki izvairās iepirkties sestdienās, jo pie kasēm jāgaida 15–20
          minūtes. Interneta pasūtījumus izsniedz tajā pašā rindā.
        quotes:
          - Sestdienā es vienkārši aizeju, ja redzu rindu līdz pat paklājiem.
          - Pasūtījumu saņemšanai vajag atsevišķu galdu, citādi kāda jēga pasūtīt iepriekš?
      - title: Cilvēki ir galvenais iemesls atgriezties
        summary: >-
          Dalībnieki pārdevējus sauc vārdā un stāsta, ka tieši konsultācijas dēļ izvēlas Mājas
          Stils, nevis lētākus konkurentus.
        quotes:
          - Teikā pārdevējas zina, kas man patīk, un piezvana, kad atved jaunos aizkarus.
          - Pie jums es nāku cilvēku dēļ, nevis cenu dēļ.
      - title: Lojalitātes atlaide internetā
        summary: >-
          Atlaidi veikalā novērtē, bet interneta veikalā tā bieži netiek piemērota, un pircēji
          nesaprot, kāpēc.
        quotes:
          - Veikalā atlaide ir, internetā nav. Kāpēc?
  - id: fg-web-first
    title: Interneta veikala pirmreizējie pircēji
    date: 2026-08-20
    location: Tiešsaistē (videozvans)
    participants: 7
    segment: pircēji, kas interneta veikalā pirmo reizi iepirkās 2026. gada jūlijā vai augustā
    themes:
      - title: Piegādes termiņš neatbilst solītajam
        summary: >-
          Pieci no septiņiem dalībniekiem pasūtījumu saņēma vēlāk, nekā solīts, un kurjers
          iepriekš nepiezvanīja.
        quotes:
          - Rakstīja 2–3 darba dienas, atveda pēc astoņām.
          - Kurjers zvanīja, kad jau stāvēja pie durvīm, bet es biju darbā.
      - title: Apmaksa tagad strādā
        summary: Neviens dalībnieks vairs nesastapa maksājuma kļūdu, par ko sūdzējās pavasarī.
        quotes:
          - Apmaksa bija vienkārša, tikai pēc tam neko nevarēja izsekot.
      - title: Neskaidra atgriešanas kārtība
        quotes:
          - Es nezināju, vai drīkstu aiznest preci atpakaļ uz veikalu Valmierā.
          - Atgriešanas noteikumus atradu tikai pēc tam, kad uzrakstīju klientu centram.
"""

# Russian stems sit in the lv lists: the Russian answers arrive through the Latvian survey.
THEMES = """
themes:
  - id: delivery
    label: Piegāde
    keywords:
      lv: [piegād*, kurjer*, atveda, izsekošan*, доставк*, курьер*]
  - id: queues
    label: Rindas pie kasēm
    keywords:
      lv: [rind*, kase, kases, kasē, kasier*, pašapkalpošan*, очеред*, касс*]
  - id: staff
    label: Personāls
    keywords:
      lv: [personāl*, pārdevēj*, konsultant*, darbiniek*, apkalpošan*, продав*, персонал*]
  - id: availability
    label: Preču pieejamība
    keywords:
      lv: [pieejam*, noliktav*, izpārdot*, sortiment*, izvēle, izmēr*]
  - id: checkout
    label: Apmaksa un pirkuma noformēšana
    keywords:
      lv: [apmaks*, maksājum*, groz*, kļūd*, noformēšan*, uzkār*, оплат*, ошибк*]
  - id: returns
    label: Atgriešana un apmaiņa
    keywords:
      lv: [atgriez*, atgriešan*, apmain*, atmaks*, возврат*]
  - id: prices
    label: Cenas un atlaides
    keywords:
      lv: [cena, cenas, cenu, dārg*, atlaid*, akcij*, lēt*]
"""


def findings(s: dict[str, str]) -> str:
    """The findings; ``s`` holds the figures the summaries quote, already formatted."""
    return f"""
findings:
  - id: F1
    wave: 2026-q2
    title: Kļūdas pirkuma noformēšanā padara interneta veikalu par vājāko pārdošanas kanālu.
    summary: >-
      Interneta veikala pircēju NPS 2. ceturksnī bija {s["nps_web_q2"]}, veikalos –
      {s["nps_store_q2"]}. Interneta veikala lietošanas ērtumu pircēji vērtēja ar
      {s["webshop_q2"]} no 5. Lietojamības testā tikai 8 no 14 dalībniekiem izdevās apmaksāt
      pasūtījumu ar karti, un SUS rādītājs bija {s["sus"]}.
    evidence:
      - segment:channel
      - item:webshop
      - theme:checkout
      - usability:checkout-2026
      - metric:sus
    notes: >-
      Sākt ar testa video: dalībniece trīs reizes ievada kartes datus un padodas.
  - id: F2
    wave: 2026-q2
    title: >-
      Rindas pie kasēm Rīgas veikalos brīvdienās ir galvenais veikalu pircēju
      neapmierinātības iemesls.
    summary: >-
      Gaidīšanas laiku pie kases Teikas un Imantas veikalos pircēji vērtē ar
      {s["wait_riga_q2"]} no 5, pārējos veikalos – ar {s["wait_other_q2"]}. Fokusa grupā
      lojālie pircēji stāstīja, ka sestdienās no iepirkšanās vienkārši atsakās.
    evidence:
      - item:checkout_wait
      - segment:store
      - theme:queues
      - focus_group:fg-riga-loyalty
  - id: F3
    title: Pēc maksājumu kļūdas novēršanas interneta veikala vērtējums būtiski uzlabojās.
    summary: >-
      Interneta veikala lietošanas ērtuma vērtējums pieauga no {s["webshop_q2"]} līdz
      {s["webshop_q3"]}, un interneta veikala pircēju NPS – no {s["nps_web_q2"]} līdz
      {s["nps_web_q3"]}. Kopējais NPS pieauga no {s["nps_q2"]} līdz {s["nps_q3"]}; abas
      izmaiņas ir statistiski nozīmīgas.
    evidence:
      - item:webshop
      - segment:channel
      - metric:nps
      - theme:checkout
      - interaction:bh-2026-07-15-fix
  - id: F4
    title: Kopš kurjeru partnera maiņas jūlijā piegādes vērtējums ir būtiski pasliktinājies.
    summary: >-
      Piegādes ātrumu un precizitāti pircēji 3. ceturksnī vērtēja ar {s["delivery_q3"]} no 5
      (2. ceturksnī – ar {s["delivery_q2"]}). Komentāru par piegādi kļuvis vairākkārt vairāk:
      pircēji raksta par neievērotiem termiņiem un kurjeriem, kas ierodas bez brīdinājuma.
    evidence:
      - item:delivery
      - theme:delivery
      - focus_group:fg-web-first
      - interaction:bh-2026-07-21-courier
  - id: F5
    title: Personāla laipnība ir Mājas Stils spēcīgākā priekšrocība visos veikalos.
    summary: >-
      Personāla laipnība un kompetence abos ceturkšņos ir visaugstāk novērtētais aspekts
      ({s["staff_q3"]} no 5), un lojālie pircēji to min kā galveno iemeslu atgriezties.
    evidence:
      - item:staff
      - theme:staff
      - focus_group:fg-riga-loyalty
      - metric:csat
  - id: F6
    title: Preču pieejamība Daugavpils un Liepājas veikalos atpaliek no pārējā tīkla.
    summary: >-
      Preču pieejamību Daugavpilī un Liepājā pircēji vērtē ar {s["availability_regional_q3"]}
      no 5, pārējos veikalos – ar {s["availability_other_q3"]}. Komentāros minēti izpārdoti
      izmēri un šaurāks sortiments nekā Rīgā.
    evidence:
      - item:availability
      - segment:store
      - theme:availability
      - interaction:bh-2026-09-24-daugavpils
"""


RECOMMENDATIONS = """
recommendations:
  - id: R1
    wave: 2026-q2
    title: Novērst kartes maksājuma kļūdu pirkuma noformēšanas pēdējā solī.
    rationale: >-
      Kļūda pārtrauca gandrīz katru trešo mēģinājumu samaksāt ar karti un dažkārt naudu
      noņēma divreiz. Tas bija galvenais interneta veikala zemā NPS iemesls.
    audience: [engineering, web]
    findings: [F1]
    impact: high
    effort: medium
    confidence: high
    horizon: 30
    owner: Mārtiņš Lācis
    kpi: Neveiksmīgo karšu maksājumu īpatsvars zem 2 %
    status: done
  - id: R2
    short: Papildu kase brīvdienās
    wave: 2026-q2
    title: >-
      Rīgas veikalos brīvdienās atvērt papildu kasi, tiklīdz rindā stāv vairāk nekā četri pircēji.
    rationale: >-
      Rindas brīvdienās ir lielākais veikalu pircēju aizkaitinājums, un to var mazināt ar
      esošo personālu, mainot maiņu grafiku.
    audience: [operations]
    findings: [F2]
    impact: high
    effort: medium
    confidence: medium
    horizon: 30
    owner: Andris Krūmiņš
    kpi: Gaidīšanas laika pie kases vērtējums Rīgas veikalos vismaz 3,3
    status: in_progress
  - id: R3
    wave: 2026-q2
    title: Rādīt lojalitātes kartes atlaidi grozā jau pirms apmaksas.
    rationale: >-
      Lojālie pircēji internetā neredz savu atlaidi un pamet grozu; testā atlaidi izdevās
      piemērot tikai 6 no 14 dalībniekiem.
    audience: [web, marketing]
    findings: [F1]
    impact: medium
    effort: low
    confidence: high
    horizon: 60
    owner: Līga Ozola
    kpi: Atlaidi nākamajā testā piemēro vismaz 12 no 14 dalībniekiem
    status: accepted
  - id: R4
    wave: 2026-q2
    title: Uzstādīt pašapkalpošanās kases visos veikalos.
    rationale: >-
      Rindas mazinātu ilgtermiņā, taču šogad investīcijas nav iespējamas; vispirms izmēģinām
      ieteikumu „Papildu kase brīvdienās” (R2).
    audience: [leadership, operations]
    findings: [F2]
    impact: high
    effort: high
    confidence: medium
    horizon: 90
    owner: Ilze Kalniņa
    status: dropped
  - id: R5
    short: Piegādes termiņa mērķis
    title: Noteikt kurjeru partnerim piegādes termiņa mērķi un katru nedēļu pārbaudīt tā izpildi.
    rationale: >-
      Kopš jūlija piegādes vērtējums krītas straujāk nekā jebkurš cits rādītājs. Bez skaidra
      mērķa līgumā partnerim nav iemesla mainīt darba kārtību.
    audience: [operations, leadership]
    findings: [F4]
    impact: high
    effort: low
    confidence: high
    horizon: 30
    owner: Jānis Bērziņš
    kpi: Laikā piegādāto pasūtījumu īpatsvars vismaz 95 %
  - id: R6
    short: Reāls piegādes termiņš
    title: Produkta lapā un grozā rādīt reālu piegādes termiņu pēc pasta indeksa.
    rationale: >-
      Pircēji ir vīlušies galvenokārt tāpēc, ka solītais termiņš neatbilst realitātei.
      Godīgs termiņš jau pirms pirkuma mazina sūdzību skaitu.
    audience: [web, engineering]
    findings: [F4]
    impact: medium
    effort: medium
    confidence: medium
    horizon: 60
    owner: Līga Ozola
  - id: R7
    short: SMS ar laika logu
    title: Dienu pirms piegādes sūtīt pircējam SMS ar laika logu un brīdināt par katru kavējumu.
    rationale: >-
      Daļu neapmierinātības rada nevis kavējums, bet tas, ka par to neviens nebrīdina.
    audience: [support, engineering]
    findings: [F4]
    impact: medium
    effort: low
    confidence: high
    horizon: 30
    owner: Evija Zariņa
    kpi: Zvanu skaits klientu centram par piegādes statusu
  - id: R8
    short: Atgriešana jebkurā veikalā
    title: >-
      Ļaut internetā pirktas preces atgriezt jebkurā veikalā un skaidri aprakstīt kārtību mājaslapā.
    rationale: >-
      Atgriešanas informāciju testā atrada tikai 9 no 14 dalībniekiem, un veikalos pircējiem
      mēdz sniegt pretrunīgas atbildes.
    audience: [operations, support, web]
    findings: [F1]
    impact: medium
    effort: medium
    confidence: medium
    horizon: 90
    owner: Andris Krūmiņš
  - id: R9
    short: Krājumu pārdale
    title: >-
      Pārdalīt krājumus starp veikaliem pēc pieprasījuma datiem, sākot ar Daugavpili un Liepāju.
    audience: [operations]
    findings: [F6]
    impact: medium
    effort: medium
    confidence: medium
    horizon: 60
    owner: Andris Krūmiņš
    kpi: Preču pieejamības vērtējums reģionu veikalos vismaz 3,7
  - id: R10
    short: Konsultanti kampaņā
    title: Rudens kampaņā izcelt Mājas Stils konsultantus un viņu padomus.
    rationale: >-
      Personāls ir tas, ko pircēji vērtē visaugstāk un ko konkurenti nevar viegli nokopēt.
    audience: [marketing]
    findings: [F5]
    impact: low
    effort: low
    confidence: medium
    horizon: 60
    owner: Ģirts Ķēniņš
    notes: Kampaņas idejas var ņemt no fokusa grupas citātiem.
  - id: R11
    short: Atkārtots lietojamības tests
    title: Atkārtot interneta veikala lietojamības testu pēc pirkuma noformēšanas pārstrādes.
    audience: [web]
    findings: [F3, F1]
    impact: medium
    effort: low
    confidence: high
    horizon: 90
    owner: Līga Ozola
    kpi: SUS vismaz 68
"""

RISKS = """
risks:
  - id: K1
    title: Ziemassvētku sezonā rindas un piegādes kavējumi var atkal pazemināt NPS.
    likelihood: high
    impact: high
    mitigation: Papildu kase brīvdienās (R2) un piegādes termiņa mērķis (R5) jāievieš līdz novembra vidum.
    owner: Andris Krūmiņš
  - id: K2
    title: Jaunais kurjeru partneris arī pēc sarunām nespēj ievērot solītos termiņus.
    likelihood: medium
    impact: high
    mitigation: Iekļaut līgumā līgumsodus; Rīgai sagatavot rezerves partneri.
    owner: Jānis Bērziņš
  - id: K3
    title: IT komandas noslodze aizkavē interneta veikala uzlabojumus.
    likelihood: medium
    impact: medium
    mitigation: R3 un R6 izpildīt pirms jaunu funkciju izstrādes.
    owner: Mārtiņš Lācis
"""
