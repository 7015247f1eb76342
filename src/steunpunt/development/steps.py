"""The eight steps to set up and keep developing a steunpunt, in two phases.

Titles, descriptions and guiding questions are Dutch source data, not interface strings: they
quote the guideline *Samen bouwen aan ouder- en jeugdsteunpunten* (Ministerie van OCW,
oktober 2021), chapter "Acht stappen om een steunpunt op te zetten en te blijven
ontwikkelen". Where the guideline asks its questions itself (steps 4 and 8) they are quoted
word for word; for the other steps its sentences are turned into questions as closely as
possible. They are therefore not in the translation catalogue.
"""

from dataclasses import dataclass

from .choices import Phase


@dataclass(frozen=True)
class Step:
    number: int
    phase: Phase
    title: str
    # The guideline's text for the step (quotation).
    description: str
    questions: tuple

    def __str__(self):
        return f"{self.number}. {self.title}"


STEPS = (
    Step(
        1,
        Phase.PREPARATION,
        "Wie gaat het doen?",
        "Denk na over de plek, de positionering, een website en andere praktische zaken. Er is een actieve "
        "rol voor het samenwerkingsverband in het betrekken van de samenwerkingspartners. De "
        "toegankelijkheid en bereikbaarheid vragen aandacht. Het helpt om in deze fase van kwartier maken "
        "een vast aanspreekpunt te hebben voor ouders, jeugdigen en andere geïnteresseerden.",
        (
            "Waar komt het steunpunt: welke plek en welke positionering?",
            "Komt er een website, en welke andere praktische zaken moeten geregeld worden?",
            "Hoe betrekt het samenwerkingsverband de samenwerkingspartners?",
            "Hoe wordt het steunpunt toegankelijk en bereikbaar?",
            "Wie is het vaste aanspreekpunt voor ouders, jeugdigen en andere geïnteresseerden?",
        ),
    ),
    Step(
        2,
        Phase.PREPARATION,
        "Wie gaat helpen?",
        "De steunpunten worden ontwikkeld in samenwerking met ouders en jeugdigen. Dit zijn de relaties die "
        "het samenwerkingsverband al heeft (OPR, GMR, leerlingraden), maar denk ook aan andere relaties: "
        "ouder- en jeugdinitiatieven, ouder- en jeugdorganisaties, actieve ouders/jeugdigen, etc. Het "
        "werken met een vertegenwoordigende actieve werkgroep die gebruik maakt van eigen "
        "klankbordgroepen helpt bij het ontwikkelen van het steunpunt. In deze stap past ook het "
        "informeren naar de mogelijkheden bij andere partners zoals de gemeente en jeugdhulp.",
        (
            "Met welke ouders en jeugdigen ontwikkelen we het steunpunt (OPR, GMR, leerlingraden)?",
            "Welke ouder- en jeugdinitiatieven, ouder- en jeugdorganisaties en actieve ouders en jeugdigen "
            "betrekken we nog meer?",
            "Wie zitten in de werkgroep, en welke klankbordgroepen gebruikt die?",
            "Welke mogelijkheden zijn er bij andere partners, zoals de gemeente en jeugdhulp?",
        ),
    ),
    Step(
        3,
        Phase.PREPARATION,
        "Haal informatie op, verzamel kennis, verzamel contacten",
        "De verzamelfase zorgt voor het breed ophalen van alle kennis, verwachtingen, belangen en wensen in "
        "de directe omgeving. Naast de cijfermatige gegevens over de procedures van passend onderwijs gaat "
        "het hierbij om informatie uit het brede netwerk van ouders en jeugdigen en de gemeente. Maak "
        "gebruik van de bereidheid van ouders en jeugdigen om zaken in te willen brengen.",
        (
            "Welke kennis, verwachtingen, belangen en wensen zijn er in de directe omgeving?",
            "Wat zeggen de cijfers over de procedures van passend onderwijs?",
            "Wat horen we uit het brede netwerk van ouders en jeugdigen en van de gemeente?",
            "Welke ouders en jeugdigen willen zaken inbrengen?",
        ),
    ),
    Step(
        4,
        Phase.PREPARATION,
        "Analyseer de beginsituatie",
        "Analyseer aan de hand van de informatie uit de vorige stap de startsituatie voor het steunpunt. "
        "Zorg voor afstemming met de samenwerkingspartners.",
        (
            "Wat is er al?",
            "Waar vinden ouders en jeugdigen nu steun?",
            "Wat mist daarin in de regio?",
            "Kijkend naar de bouwstenen van de pijlers: waar liggen de ontwikkelkansen?",
            "Waar kan worden aangesloten, wat is haalbaar en wenselijk?",
        ),
    ),
    Step(
        5,
        Phase.EXECUTION,
        "Wees ambitieus, maak een plan en deel dat",
        "Bepaal het ambitieniveau voor de komende periode. Uiteindelijk ontwikkelt ieder steunpunt invulling "
        "voor alle bouwstenen van de pijlers. Leg vast wat de evaluatiecriteria zijn. Laat zien wat de "
        "plannen zijn, zodat iedereen (ouders, jeugdigen en andere relaties) op de hoogte is van wat er "
        "ontwikkeld wordt.",
        (
            "Wat is het ambitieniveau voor de komende periode?",
            "Aan welke bouwstenen van de pijlers werken we?",
            "Wat zijn de evaluatiecriteria?",
            "Hoe weten ouders, jeugdigen en andere relaties wat er ontwikkeld wordt?",
        ),
    ),
    Step(
        6,
        Phase.EXECUTION,
        "Aan het werk!",
        "Bereik de streefdoelen uit het plan, ondersteun ouders, zorg dat scholen, ouders en jeugdigen het "
        "steunpunt weten te vinden. Hou het brede samenwerkingsnetwerk betrokken en zorg dat de informatie "
        "op orde komt, is en blijft. Zorg voor helderheid in de verwachtingen van het steunpunt. Door met "
        "ouders en jeugdigen te bouwen aan verbeteringen hou je grip op de ontwikkelingen.",
        (
            "Halen we de streefdoelen uit het plan?",
            "Weten scholen, ouders en jeugdigen het steunpunt te vinden?",
            "Blijft het brede samenwerkingsnetwerk betrokken?",
            "Komt de informatie op orde, is zij op orde en blijft zij op orde?",
            "Is helder wat men van het steunpunt kan verwachten?",
        ),
    ),
    Step(
        7,
        Phase.EXECUTION,
        "Meten en toetsen",
        "Leg vast wat vastgelegd moet worden aan de hand van de evaluatiecriteria. Meet wat zinvol is en "
        "zorg dat dat inzichtelijk wordt. Het zorgt voor beleidsinformatie voor het samenwerkingsverband, "
        "de scholen, de regio, de samenwerkingspartners en voor het steunpunt. Zoek, in de manier waarop "
        "je bijhoudt wat je doet, steeds naar de verbeterpunten.",
        (
            "Wat moeten we vastleggen, gelet op de evaluatiecriteria?",
            "Wat is zinvol om te meten, en hoe maken we dat inzichtelijk?",
            "Welke beleidsinformatie levert dat op voor het samenwerkingsverband, de scholen, de regio, de "
            "samenwerkingspartners en het steunpunt?",
            "Welke verbeterpunten zien we in de manier waarop we bijhouden wat we doen?",
        ),
    ),
    Step(
        8,
        Phase.EXECUTION,
        "Evalueren in proces",
        "Vanaf stap 8 is het ontwikkelen van een steunpunt echt in gang. Er is een cyclus waarbinnen je "
        "plannen maakt, die plannen uitvoert, de bevindingen monitort en evalueert om nieuwe plannen, "
        "doelen en ambities mogelijk te maken.",
        (
            "Voor welk probleem was dit ook alweer de oplossing?",
            "Waarmee moeten we stoppen, waarmee moeten we vooral doorgaan en waar gaan we mee beginnen?",
            "Doen we de goede dingen op een goede manier?",
            "Kunnen we het goed uitleggen en laten zien?",
        ),
    ),
)
STEPS_BY_NUMBER = {step.number: step for step in STEPS}
LAST_STEP = STEPS[-1].number


def steps_of(phase):
    """Return the steps of ``phase`` in order."""
    return tuple(step for step in STEPS if step.phase == phase)
