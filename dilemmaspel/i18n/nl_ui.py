"""Dutch catalog: the app's screens, keys and help."""

MESSAGES: dict[str, str] = {
    # general
    "ui.yes": "Ja",
    "ui.no": "Nee",
    "ui.cancel": "Annuleren",
    "ui.error_title": "Dat lukte niet",
    "ui.save_failed": "Opslaan mislukt: {reason}. Er is niets verloren; probeer het opnieuw.",
    "ui.cannot_open": "dilemmaspel: kan de datamap {path} niet gebruiken: {reason}",
    "ui.deck_skipped": "Deck overgeslagen",
    "body.gemeente": "gemeente",
    "body.provincie": "provincie",
    "body.waterschap": "waterschap",
    "ui.col.name": "Naam",
    "ui.col.party": "Partij",
    "ui.col.side": "Kant",
    "ui.col.role": "Rol",
    "ui.col.group": "Groep",
    "ui.col.present": "Aanwezig",
    # keys (footer)
    "key.help": "Hulp",
    "key.quit": "Stoppen",
    "key.new_group": "Nieuwe sessie",
    "key.browse": "Decks",
    "key.language": "English",
    "key.cancel": "Annuleren",
    "key.yes": "Ja",
    "key.back": "Terug",
    "key.close": "Sluiten",
    "key.continue": "Verder",
    "key.import": "CSV importeren",
    "key.remove": "Verwijderen",
    "key.to_groups": "Naar groepen",
    "key.to_start": "Naar start",
    "key.to_participants": "Deelnemers",
    "key.reshuffle": "Opnieuw mengen",
    "key.move": "Verplaatsen",
    "key.absent": "Afwezig aan/uit",
    "key.play": "Spelen",
    "key.groups": "Groepen",
    "key.finish": "Sessie afronden",
    "key.vote_or_reveal": "Stemmen / onthullen",
    "key.overview": "Overzicht",
    "key.i_am_here": "Ik ben er, stemmen",
    "key.mark_absent": "Afwezig",
    "key.stop_voting": "Stemming onderbreken",
    "key.confirm_vote": "Stem bevestigen",
    "key.pick_a": "Kies A",
    "key.pick_b": "Kies B",
    "key.pick_c": "Kies C",
    "key.pick_d": "Kies D",
    "key.pick_other": "Kies anders",
    "key.twist": "Maar wat als",
    "key.deliberate": "Beraad",
    "key.revote": "Herstemmen",
    "key.close_round": "Ronde afronden",
    "key.tab_result": "Uitslag",
    "key.tab_reasons": "Toelichtingen",
    "key.tab_discuss": "Bespreken",
    "key.tab_rules": "Regels",
    "key.tab_card": "Kaart",
    "key.next_step": "Volgende stap",
    "key.previous_step": "Vorige stap",
    "key.save": "Opslaan",
    "key.pause_timer": "Klok pauze",
    "key.to_result": "Naar uitslag",
    "key.anonymous_export": "Anonieme export",
    # command palette
    "cmd.new_group": "Nieuwe groepssessie",
    "cmd.new_group.help": "Groepen mengen, kaarten delen, geheim stemmen",
    "cmd.browse": "Decks bekijken",
    "cmd.browse.help": "Alle kaarten met varianten, regels en reflectie",
    "cmd.help": "Hulp",
    "cmd.help.help": "Hoe het spel werkt en welke toetsen er zijn",
    "cmd.language": "Taal: English",
    "cmd.language.help": "Schakel tussen Nederlands en Engels",
    "cmd.start": "Naar het startscherm",
    "cmd.start.help": "Alles is al bewaard; u kunt later verder",
    "cmd.theme": "Thema (licht/donker)",
    "cmd.theme.help": "Kies een kleurenschema",
    "cmd.keys": "Toetsen",
    "cmd.keys.help": "Toon alle toetsen van dit scherm",
    "cmd.quit": "Stoppen",
    "cmd.quit.help": "Sluit de app; alles is bewaard",
    # start
    "ui.start.welcome": "Welkom bij dilemmaspel",
    "ui.start.intro": "Oefen met integriteitsdilemma's uit de praktijk van raad, Staten en waterschap: iedereen stemt eerst in het geheim, daarna bespreekt de groep de keuzes. Kies hieronder wat u wilt doen; F1 geeft hulp.",
    "ui.start.subtitle": "integriteit oefenen",
    "ui.start.new_group": "Nieuwe groepssessie (workshop)",
    "ui.start.beraad": "Moreel beraad (trainer)",
    "ui.start.solo": "Alleen oefenen",
    "ui.start.resume": "Verder met een sessie",
    "ui.start.browse": "Decks en kaarten bekijken",
    "ui.start.help": "Hulp",
    "ui.start.language": "Switch to English",
    "ui.start.quit": "Stoppen",
    "ui.start.resume_title": "Onafgemaakte sessies (Enter om verder te gaan)",
    "ui.start.col.date": "Begonnen",
    "ui.start.col.mode": "Soort",
    "ui.start.col.title": "Naam",
    "ui.start.col.progress": "Voortgang",
    "ui.start.progress": "{participants} deelnemers, {groups} groep(en), {done}/{rounds} rondes af",
    # setup
    "ui.setup.intro.group": "Stel de sessie in. Namen, stemmen en toelichtingen blijven op deze computer.",
    "ui.setup.intro.beraad": "Stel het moreel beraad in.",
    "ui.setup.intro.solo": "Kies waarmee u wilt oefenen.",
    "ui.setup.title": "Naam van de sessie (optioneel)",
    "ui.setup.title_hint": "bijvoorbeeld: Inwerkprogramma raad, 12 maart",
    "ui.setup.organisation": "Organisatie (optioneel)",
    "ui.setup.organisation_hint": "bijvoorbeeld: gemeente Oosterwijde",
    "ui.setup.trainer": "Trainer (optioneel)",
    "ui.setup.trainer_hint": "naam van de trainer",
    "ui.setup.deck": "Deck",
    "ui.setup.themes": "Thema's (niets gekozen = alle thema's; spatie kiest)",
    "ui.setup.bodies": "Bestuursorgaan (niets gekozen = alle)",
    "ui.setup.roles": "Rollen (niets gekozen = alle)",
    "ui.setup.matching": "{count} van de {total} kaarten passen bij deze keuze.",
    "ui.setup.cards": "Aantal kaarten per groep",
    "ui.setup.same_card": "Alle groepen dezelfde kaart",
    "ui.setup.reveal": "Stemmen tonen",
    "ui.setup.reveal.anonymous": "Anoniem",
    "ui.setup.reveal.named": "Op naam",
    "ui.setup.revote": "Herstemmen na de discussie mogelijk",
    "ui.setup.reasoning_required": "Toelichting verplicht",
    "ui.setup.method": "Methode voor het beraad",
    "ui.setup.no_method": "Geen beraad",
    "ui.setup.timeboxes": "Tijdklok per stap tonen",
    "ui.setup.no_deck": "Er is geen deck gekozen.",
    "ui.setup.bad_cards": "Vul een aantal kaarten in van 1 tot 500.",
    # participants
    "ui.participants.subtitle": "Deelnemers",
    "ui.participants.intro": "Typ de deelnemers een voor een in (Enter voegt toe), of importeer een CSV-lijst met de kolommen naam, partij, kant en rol.",
    "ui.participants.name": "Naam",
    "ui.participants.party": "Partij",
    "ui.participants.role": "Rol (raadslid, wethouder, ...)",
    "ui.participants.add": "Toevoegen",
    "ui.participants.import": "CSV importeren",
    "ui.participants.next": "Verder: groepen",
    "ui.participants.count": "{count} deelnemer(s). Delete verwijdert de gekozen regel.",
    "ui.participants.name_needed": "Vul eerst een naam in.",
    "ui.participants.nobody": "Voeg eerst deelnemers toe.",
    "ui.participants.import_failed": "De lijst is niet ingelezen",
    "ui.participants.more_errors": "\n... en nog {count} fout(en)",
    "ui.participants.imported": "{count} deelnemer(s) toegevoegd, {skipped} stonden er al.",
    "ui.picker.title": "Kies een CSV-bestand, of typ het pad hieronder.",
    "ui.picker.path": "pad naar het bestand, bijvoorbeeld C:\\Users\\trainer\\raad.csv",
    "ui.picker.open": "Openen",
    # groups
    "ui.groups.subtitle": "Groepen",
    "ui.groups.intro": "De groepen zijn gemengd: partijen, coalitie en oppositie zo gelijk mogelijk verdeeld. R mengt opnieuw, M verplaatst iemand, A zet afwezig aan of uit; steeds na een bevestiging.",
    "ui.groups.by_size": "Groepsgrootte (max.)",
    "ui.groups.by_count": "Aantal groepen",
    "ui.groups.form": "Vorm groepen",
    "ui.groups.reshuffle": "Opnieuw mengen",
    "ui.groups.play": "Start de eerste kaart",
    "ui.groups.bad_number": "Vul een getal van 1 of meer in.",
    "ui.groups.make_up": "Groep {number}: {size} leden, {coalition} coalitie, {opposition} oppositie, {none} geen. Partijen: {parties}",
    "ui.groups.absent_count": "({count} afwezig)",
    "ui.groups.remixed": "Opnieuw gemengd, zo dat zo min mogelijk mensen weer samen zitten ({pairs} paren opnieuw).",
    "ui.groups.reshuffled": "Opnieuw gemengd.",
    "ui.groups.group_label": "Groep {number} ({size} leden)",
    "ui.groups.move_to": "Naar welke groep gaat {name}?",
    "ui.groups.none_yet": "Vorm eerst de groepen.",
    # hub
    "ui.play.title": "{title}: kies een groep (Enter)",
    "ui.play.group": "Groep {number}",
    "ui.play.deal": "kaart {number} van {total} uitdelen",
    "ui.play.vote": "{what} · {title} · {done} van {voters} gestemd",
    "ui.play.revote": "{what} · {title} · herstemming, {done} van {voters} gestemd",
    "ui.play.reveal": "{what} · {title} · iedereen heeft gestemd, klaar om te onthullen",
    "ui.play.discuss": "{what} · {title} · bespreken",
    "ui.play.done": "klaar ({total} kaarten gespeeld)",
    "ui.play.finish_now": "Sessie afronden en verslag maken",
    "ui.play.hint": "Enter gaat verder met de gekozen groep. G past de groepen aan tussen twee kaarten; E rondt de sessie af.",
    "ui.play.hint_done": "Alle kaarten zijn gespeeld. Rond de sessie af om het verslag te maken.",
    "ui.play.group_finished": "Groep {number} heeft alle kaarten gespeeld.",
    "ui.play.finish_confirm": "Sessie afronden en het verslag maken?",
    "ui.play.finish_early": "Nog niet alle kaarten zijn gespeeld. Toch afronden en het verslag maken?",
    # card and voting
    "ui.round.card": "kaart {number} van {total}",
    "ui.card.own_case": "eigen casus",
    "ui.card.status": "{done} van {total} hebben gestemd. Enter: start de geheime stemming.",
    "ui.card.revote_status": "Herstemming: {done} van {total} hebben gestemd. Enter: verder stemmen.",
    "ui.card.all_voted": "Iedereen heeft gestemd ({done} van {total}). Enter: onthul alle stemmen tegelijk.",
    "ui.card.nobody_present": "Niemand in deze groep is aanwezig. Zet iemand op aanwezig via Groepen.",
    "ui.card.ready_to_reveal": "Alle stemmen zijn binnen. Geef de laptop terug aan de trainer.",
    "ui.pass.subtitle": "geheime stemming",
    "ui.pass.title": "Geef de laptop door aan",
    "ui.pass.revote": "Herstemming. Geef de laptop door aan",
    "ui.pass.progress": "{done} van {total} hebben gestemd",
    "ui.pass.hint": "Bent u {name}? Druk op Enter om te stemmen. Niemand ziet uw stem voordat alle stemmen tegelijk worden onthuld.",
    "ui.pass.marked_absent": "{name} is als afwezig gemarkeerd. Weer terug? P op het kaartscherm.",
    "ui.vote.subtitle": "geheime stem van {name}",
    "ui.vote.other_option": "Anders, namelijk ...",
    "ui.vote.other_hint": "Wat zou u doen? (verplicht bij 'anders')",
    "ui.vote.reasoning": "Waarom? Uw toelichting",
    "ui.vote.keys": "A-D of pijltjes: kiezen · Ctrl+S: bevestigen · tot dan kunt u alles wijzigen",
    "ui.vote.chosen": "Uw keuze: {choice}",
    "ui.vote.no_choice": "Nog geen keuze: kies A-D of anders.",
    "ui.vote.choose_first": "Kies eerst een optie.",
    "ui.vote.confirm": "U kiest: {choice}\n\nBevestigen? Daarna kunt u uw stem niet meer wijzigen.",
    "ui.vote.confirm_yes": "Bevestigen",
    "ui.vote.confirm_no": "Nog wijzigen",
    # reveal
    "ui.reveal.subtitle": "onthuld",
    "ui.reveal.tab.result": "1 Uitslag",
    "ui.reveal.tab.reasons": "2 Toelichtingen",
    "ui.reveal.tab.discuss": "3 Bespreken",
    "ui.reveal.tab.rules": "4 Regels en reflectie",
    "ui.reveal.tab.card": "5 Kaart",
    "ui.reveal.first": "Stemmen ({count})",
    "ui.reveal.second": "Herstemming ({count})",
    "ui.reveal.split": "coalitie {coalition} · oppositie {opposition} · geen {none}",
    "ui.reveal.majority": "Meeste stemmen: {option} ({share}%).",
    "ui.reveal.tie": "Gelijk opgaand: {options} (elk {count}).",
    "ui.reveal.party_line": "Partijlijn: {reading}.",
    "ui.reveal.shifts": "{count} van de {total} leden veranderden bij de herstemming van keuze.",
    "ui.reveal.revote_running": "De herstemming loopt: {done} van {total} gestemd. Druk op V om verder te stemmen.",
    "ui.reveal.reasons_named": "Toelichtingen, op naam.",
    "ui.reveal.reasons_anonymous": "Toelichtingen, anoniem en niet in de volgorde van stemmen.",
    "ui.reveal.twists": "Maar wat als ...? ({shown} van {total} getoond)",
    "ui.reveal.twists_all": "Maar wat als ...?",
    "ui.reveal.twist_hint": "Druk op T voor de volgende variant.",
    "ui.reveal.prompts": "Vragen voor het gesprek",
    "ui.reveal.rules": "Regels",
    "ui.reveal.reflection": "Reflectie voor de trainer",
    "ui.reveal.no_rules": "Bij deze casus horen geen regels of reflectie.",
    "ui.reveal.nothing_to_discuss": "Deze kaart heeft geen varianten of gespreksvragen.",
    "ui.reveal.close_confirm": "Ronde afronden? Daarna kunt u niet meer herstemmen of varianten tonen.",
    # deliberation
    "ui.step.progress": "Stap {number} van {total} · {method}",
    "ui.step.progress_conclusion": "Conclusie na {total} stappen · {method}",
    "ui.step.subtitle": "Beraad",
    "ui.step.notes": "Aantekeningen van de groep (worden vanzelf bewaard)",
    "ui.step.saved": "Bewaard.",
    "ui.step.conclusion_title": "Conclusie van de groep",
    "ui.step.conclusion_prompt": "Wat vindt de groep, waarom, en ondanks wat? Welke afspraken maakt u?",
    "ui.step.conclusion": "Conclusie: 'Wij vinden ..., omdat ..., ondanks ...'",
    "ui.step.actions": "Afspraken en acties",
    "ui.timer.none": "geen tijd afgesproken",
    "ui.timer.left": "nog {clock}",
    "ui.timer.over": "tijd om: {clock} over de tijd",
    "ui.timer.paused": "(pauze)",
    # summary
    "ui.summary.subtitle": "afgerond",
    "ui.summary.title": "De sessie is afgerond",
    "ui.summary.facts": "{participants} deelnemers, {groups} groep(en), {closed} van {rounds} rondes afgerond.",
    "ui.summary.files": "Het verslag (Word, HTML om af te drukken, Markdown) en de volledige sessie (JSON) staan in:",
    "ui.summary.privacy": "Deze bestanden bevatten namen, stemmen en toelichtingen: alleen u kunt ze lezen. Deel liever de anonieme versie.",
    "ui.summary.anonymous": "Anonieme versie maken",
    "ui.summary.anonymous_done": "Anonieme versie gemaakt.",
    "ui.summary.to_start": "Naar start",
    "ui.summary.failed": "Het verslag kon niet worden geschreven: {reason}. De sessie zelf is bewaard; probeer het later met 'dilemmaspel export'.",
    # other screens
    "ui.decks.subtitle": "decks en kaarten",
    "ui.help.subtitle": "hulp",
    "help.body": """# Hulp bij dilemmaspel

## Waar gaat het om?

Politieke ambtsdragers krijgen te maken met lastige keuzes: een sponsor van uw sportclub die iets
van de raad wil, een uitnodiging van een projectontwikkelaar, een bedreiging in de app. Er is
zelden één goed antwoord. In dilemmaspel oefent u het afwegen, samen of alleen.

## Een groepssessie

1. **Instellen**: kies een deck, filters, het aantal kaarten en of stemmen anoniem of op naam
   worden getoond. Vul in hoeveel tijd er is: de app stelt het aantal kaarten voor en toont de
   geschatte duur. De minuten per stap past u zelf aan (ze worden onthouden).
2. **Deelnemers**: typ ze in of importeer een CSV met de kolommen `naam`, `partij`, `kant`
   (coalitie, oppositie, geen) en `rol`. **Enter** of **Ctrl+E** op een regel bewerkt iemand,
   **Delete** verwijdert (na een vraag). Laatkomers: **P** in het overzicht, op elk moment; zij
   komen in de kleinste groep.
3. **Groepen**: de app mengt partijen, coalitie en oppositie. Mengen opnieuw met **R**,
   iemand verplaatsen met **M**, afwezig melden met **A**. **P** bewaart een tafellijst (wie
   zit waar, voor naamkaartjes) in de map `transcripts` in de datamap.
4. **Kaart**: de trainer leest de kaart voor. **Enter** start de geheime stemming; **P** zet wie
   afwezig was weer op aanwezig (die stemt dan nog mee zolang de stemmen niet onthuld zijn).
5. **Geheim stemmen**: de laptop gaat rond. Wie aan de beurt is drukt op **Enter**, kiest een
   optie met **A-D** (of *anders*) in de lijst, schrijft een toelichting en bevestigt met
   **Ctrl+S**. Buiten de lijst is een letter gewoon tekst: die komt in de toelichting. Tot het
   bevestigen kunt u alles wijzigen. Daarna verdwijnt alles van het scherm.
6. **Onthullen**: als iedereen heeft gestemd, toont **Enter** alle stemmen tegelijk: de balken,
   de verdeling over coalitie en oppositie, de toelichtingen en de partijlijn.
7. **Bespreken**: **T** toont een variant (*Maar wat als ...?*), **D** start het beraad in
   stappen, **V** laat iedereen opnieuw stemmen, **C** rondt de ronde af. De tabbladen wisselt u
   met **1-5**.
8. **Afronden**: in het overzicht rondt **E** de sessie af. Het verslag (Markdown en JSON) komt
   in de datamap; er is ook een anonieme versie.

## Het beraad in stappen

Elke stap heeft een vraag, hulpvragen, een veld voor aantekeningen en een klok. De klok telt af
en geeft een signaal als de tijd om is, maar gaat nooit vanzelf verder. **Ctrl+N** volgende
stap, **Ctrl+B** vorige, **Ctrl+T** klok pauzeren. Na de laatste stap schrijft de groep de
conclusie en de afspraken. Gaat u weg en later verder, dan staat de groep weer bij dezelfde stap
en loopt de klok door vanaf de tijd die al gebruikt is.

## Alles wordt meteen bewaard

Elke stem, aantekening en keuze wordt direct opgeslagen; aantekeningen binnen een derde seconde
na het typen. Stopt u (**Ctrl+Q**), valt de stroom uit of sluit u het venster, dan gaat u op het
startscherm verder waar u was. Een stem die nog getypt werd, komt alleen bij dat lid terug, tot
die hem bevestigt of wist.

## Privacy

Stemmen en toelichtingen zijn persoonlijke gegevens. Ze blijven op deze computer en alleen u
kunt de bestanden lezen. Met `dilemmaspel forget SESSIE` verwijdert u een sessie helemaal.

## Toetsen overal

- **F1**: deze hulp
- **Ctrl+P**: opdrachtenlijst (nieuwe sessie, decks, taal, thema)
- **Ctrl+Q**: stoppen
- **Escape**: terug

Wat de sessie verandert (afwezig melden, opnieuw mengen, herstemmen, afronden) of iets getypts
weggooit, vraagt eerst. Bij een vraag na een lettertoets kiest u de knop met **←/→** en drukt u
**Enter**: een letter die per ongeluk in het verkeerde scherm belandt, verandert zo niets.
""",
    # moreel beraad and solo
    'ui.setup.person': 'Uw naam (om bij te houden wat u al heeft geoefend)',
    'ui.setup.person_hint': 'bijvoorbeeld: Sanne',
    'ui.setup.person_needed': 'Vul uw naam in.',
    'ui.setup.solo_title': 'Oefenen: {name}',
    'ui.setup.source': 'Waarover gaat het beraad?',
    'ui.setup.source.card': 'Een kaart uit een deck',
    'ui.setup.source.own': 'Een eigen casus van de groep',
    'ui.setup.card': 'Kaart',
    'ui.setup.card_prompt': 'Kies een kaart',
    'ui.setup.card_needed': 'Kies een kaart.',
    'ui.setup.steps': 'Na het stemmen kort door de stappen lopen',
    'ui.setup.start.group': 'Verder: deelnemers',
    'ui.setup.start.beraad': 'Verder',
    'ui.setup.start.solo': 'Begin met oefenen',
    'ui.case.subtitle': 'eigen casus',
    'ui.case.intro': 'Beschrijf het besluit of de situatie die de groep wil onderzoeken. Opties zijn niet verplicht: zonder opties schrijft iedereen een eigen standpunt.',
    'ui.case.title': 'Titel',
    'ui.case.title_hint': 'bijvoorbeeld: Subsidie voor het dorpshuis',
    'ui.case.situation': 'Situatie',
    'ui.case.question': 'De dilemmavraag',
    'ui.case.question_hint': 'bijvoorbeeld: Was het juist om ... , hoewel ...?',
    'ui.case.options': 'Mogelijke keuzes (optioneel, 2 tot 4)',
    'ui.case.option_hint': 'Optie {letter}',
    'ui.case.confirm': 'Verder: deelnemers',
    'ui.case.missing': 'Vul een titel en een dilemmavraag in.',
    'ui.case.one_option': 'Geef twee tot vier opties, of laat ze allemaal leeg.',
    'ui.participants.intro_beraad': 'Wie doet mee aan het beraad? Deelnemers zijn optioneel: zonder deelnemers leidt u het beraad alleen en legt u de stappen vast.',
    'ui.participants.next_beraad': 'Verder: eerst ieders standpunt',
    'cmd.beraad': 'Nieuw moreel beraad',
    'cmd.beraad.help': 'Een kaart of eigen casus in stappen onderzoeken',
    'cmd.solo': 'Alleen oefenen',
    'cmd.solo.help': 'Kaarten oefenen met reflectie en voortgang',
    'ui.step.personal': "Conclusie van {name}: 'Ik vind ..., omdat ..., ondanks ...'",
    'ui.reveal.tab.history': '6 Eerder gespeeld',
    'ui.reveal.tab.progress': '7 Voortgang',
    'key.tab_history': 'Eerder gespeeld',
    'key.tab_progress': 'Voortgang',
    'ui.reveal.history_intro': 'In {sessions} eerdere sessie(s) op deze computer stemden {votes} deelnemers zo:',
    'ui.reveal.history_yours': 'U koos {choice}.',
    'ui.reveal.history_none': 'Deze kaart is op deze computer nog niet in een groep gespeeld.',
    'ui.reveal.progress_intro': 'U heeft {done} van de {total} kaarten van dit deck geoefend.',
    'ui.play.title_one': '{title}',
    'ui.play.hint_one': 'Enter gaat verder. E rondt de sessie af en maakt het verslag.',
    'ui.play.no_participants': '(zonder deelnemers)',
    'ui.setup.cards_solo': 'Aantal kaarten',
}
