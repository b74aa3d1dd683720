"""The demo clients' talk tracks: narrative/notes/<slide kind>.md, one per kind of slide.

Each is what the consultant says on that kind of slide (the body), the question the client
will ask, the answer, and the sentence that leads on (the front matter).
"""

from __future__ import annotations

from _demo.files import front_matter

# kind → (what to say, question, answer, transition or None for Rapport's own)
TRACKS = {
    "en": {
        "summary": (
            "Give the answer first: the changes agreed in April worked, and the price is a "
            "little pace. Read the four messages, then ask for the decision on the right.",
            "Is the NPS rise real, or did only the happy people answer?",
            "Two thirds of the invited colleagues answered, the same teams as in Q2, and the "
            "rise is far outside the margin of error.",
            "Here are the headline numbers behind it.",
        ),
        "kpis": (
            "NPS is above target, CSAT is not yet. Say both plainly; the target was set "
            "together in April.",
            "Why is CSAT still below target if NPS beat it?",
            "CSAT counts only the top two answers: many moved from neutral to satisfied, fewer "
            "to very satisfied. The next slide shows which items moved.",
            None,
        ),
        "changes": (
            "Point at visibility first: it moved most. Then at delivery pace, the one that "
            "fell; it is not significant yet, but it is the one to watch.",
            "Which of these changes can we trust?",
            "Those marked significant; the rest may be noise. The p-values are in the notes.",
            None,
        ),
        "themes": (
            "These are the customers' own words. Visibility is still the theme they write "
            "about most, but now mostly to ask us to keep the demo and the dashboard.",
            "Are the comments positive or negative?",
            "Mixed: most visibility comments ask to keep what we started; the pace comments "
            "are worried.",
            None,
        ),
        "finding": (
            "Read the title, then show the highlighted bar or dot: it is the proof. Leave "
            "the facts on the right for questions.",
            "How sure are we of this?",
            "The interval is on the chart and the test in the notes; say 'not significant' "
            "when it is not.",
            None,
        ),
        "matrix": (
            "Nothing here is a quick win in the strict sense; two actions promise more than "
            "they cost. Start with them.",
            "Why is nothing rated high impact?",
            "Because the big wins of the year are done; what is left protects them.",
            "Here is who does what, team by team.",
        ),
        "audience": (
            "Name the owner of each action and ask them to confirm it in the room.",
            "Can the owner change later?",
            "Yes, but the measure of success stays, so we can compare in the next pulse.",
            None,
        ),
        "relationship": (
            "The mood has risen since spring, but one concern has stayed open too long. Say "
            "who owns it and when it will be closed.",
            "Is the relationship at risk of not renewing?",
            "Not on the survey's evidence; the open concern is the risk, and it has an owner.",
            None,
        ),
        "next": (
            "Close with the two actions of the next 30 days and the date of the next pulse.",
            "When will we see whether this worked?",
            "In the December pulse, with the same questions.",
            "Thank the room; the backup follows for questions.",
        ),
    },
    "lv": {
        "summary": (
            "Vispirms atbilde: maksājumu kļūdas novēršana interneta veikalā nostrādāja, bet "
            "piegāde kopš kurjeru maiņas ir kritusies. Nolasiet četrus secinājumus un lūdziet "
            "lēmumu labajā pusē.",
            "Vai NPS pieaugums ir īsts?",
            "Jā: atbildēja 1 690 pircēju, un pieaugums krietni pārsniedz kļūdas robežu.",
            "Tālāk – galvenie rādītāji.",
        ),
        "kpis": (
            "NPS tuvojas mērķim, CSAT vēl nē. Sakiet to tieši.",
            "Kāpēc CSAT atpaliek no mērķa?",
            "CSAT skaita tikai divas augstākās atbildes; daudzi pārgāja no neitrālas uz "
            "apmierinātu, mazāk – uz ļoti apmierinātu.",
            None,
        ),
        "changes": (
            "Vispirms interneta veikala lietošanas ērtums – tas pieauga visvairāk. Pēc tam "
            "piegāde: tā kritās būtiski.",
            "Kurām izmaiņām var uzticēties?",
            "Tām, kas atzīmētas kā būtiskas; p vērtības ir piezīmēs.",
            None,
        ),
        "themes": (
            "Tie ir pircēju pašu vārdi. Personāls joprojām ir visbiežāk minētā tēma, un "
            "gandrīz vienmēr labā nozīmē.",
            "Vai komentāri ir pozitīvi vai negatīvi?",
            "Par personālu – pozitīvi; par rindām un piegādi – negatīvi.",
            None,
        ),
        "finding": (
            "Nolasiet virsrakstu un parādiet izcelto stabiņu vai punktu: tas ir pierādījums. "
            "Faktus labajā pusē atstājiet jautājumiem.",
            "Cik droši mēs par to esam?",
            "Ticamības intervāls ir grafikā, tests – piezīmēs.",
            None,
        ),
        "matrix": (
            "Ar kurjera termiņa mērķi jāsāk: liela ietekme ar mazām pūlēm.",
            "Kāpēc pašapkalpošanās kases šeit nav?",
            "Tās bija iepriekšējā ceturkšņa ieteikums; to stāvoklis ir papildmateriālos.",
            "Tālāk – kas ko dara, pa komandām.",
        ),
        "audience": (
            "Nosauciet katras darbības atbildīgo un lūdziet to apstiprināt.",
            "Vai atbildīgo var mainīt vēlāk?",
            "Jā, bet panākumu rādītājs paliek, lai nākamajā ceturksnī varētu salīdzināt.",
            None,
        ),
        "relationship": (
            "Bažas par piegādi ir atvērtas jau ilgi; pasakiet, kas tās slēgs un kad.",
            "Vai attiecības ir apdraudētas?",
            "Bažas ir risks, un tām ir atbildīgais; noskaņojums kopumā ir labs.",
            None,
        ),
        "next": (
            "Noslēdziet ar divām darbībām 30 dienu laikā un nākamās aptaujas datumu.",
            "Kad redzēsim, vai tas nostrādāja?",
            "Nākamajā ceturkšņa aptaujā ar tiem pašiem jautājumiem.",
            "Pateicieties; papildmateriāli seko jautājumiem.",
        ),
    },
    "uk": {
        "summary": (
            "Спершу відповідь: зворотний дзвінок і SMS з номером ТТН спрацювали. Прочитайте "
            "висновки й попросіть про рішення праворуч.",
            "Чи справжнє це зростання задоволеності?",
            "Так: відповіли 540 клієнтів, і зміна значно більша за похибку.",
            "Далі – основні показники.",
        ),
        "kpis": (
            "Задоволеність зросла, але ще нижча за ціль. Скажіть це прямо.",
            "Чому задоволеність досі нижча за ціль?",
            "Її рахують лише за двома найвищими відповідями; гаряча лінія ще тягне її вниз.",
            None,
        ),
        "changes": (
            "Спершу покажіть швидкість відповіді й інформування про замовлення – вони "
            "зросли найбільше.",
            "Яким змінам можна довіряти?",
            "Тим, що позначені як значущі; значення p – у нотатках.",
            None,
        ),
        "themes": (
            "Це слова самих клієнтів. Найчастіше вони пишуть про очікування, але вже рідше, "
            "ніж у другому кварталі.",
            "Коментарі переважно позитивні чи негативні?",
            "Про очікування – негативні; про SMS – здебільшого позитивні.",
            None,
        ),
        "finding": (
            "Прочитайте заголовок і покажіть виділений стовпчик або точку: це доказ. Факти "
            "праворуч залиште для запитань.",
            "Наскільки ми в цьому певні?",
            "Довірчий інтервал – на графіку, тест – у нотатках.",
            None,
        ),
        "matrix": (
            "Почніть з інструкції щодо е-рецептів: великий ефект за малих зусиль.",
            "Чому немає великих проєктів?",
            "Великі зміни року вже зроблено; решта їх закріплює.",
            "Далі – хто що робить, за командами.",
        ),
        "audience": (
            "Назвіть відповідального за кожну дію й попросіть підтвердити.",
            "Чи можна змінити відповідального пізніше?",
            "Так, але показник успіху лишається, щоб порівняти в наступній хвилі.",
            None,
        ),
        "relationship": (
            "Настрій контактів стабільний; скажіть, хто закриє відкриті питання і коли.",
            "Чи є ризик для співпраці?",
            "За даними журналу – ні; відкриті питання мають відповідальних.",
            None,
        ),
        "next": (
            "Завершіть діями на наступні 30 днів і датою наступного опитування.",
            "Коли побачимо, чи це спрацювало?",
            "У наступній хвилі опитування з тими самими запитаннями.",
            "Подякуйте; додаткові матеріали – для запитань.",
        ),
    },
}


def talk_tracks(language: str) -> dict[str, str]:
    """Return narrative/notes/<kind>.md contents in ``language``."""
    files = {}
    for kind, (say, question, answer, transition) in TRACKS[language].items():
        fields = f"question: {_quoted(question)}\nanswer: {_quoted(answer)}"
        if transition:
            fields += f"\ntransition: {_quoted(transition)}"
        files[f"notes/{kind}.md"] = front_matter(fields, say)
    return files


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
