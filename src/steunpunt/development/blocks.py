"""The three pillars and their nine building blocks (bouwstenen), in order of maturity.

The names, descriptions and next steps below are Dutch source data, not interface strings:
they quote or closely paraphrase the guideline *Samen bouwen aan ouder- en jeugdsteunpunten*
(Ministerie van OCW, oktober 2021), the chapters "Bouwstenen pijler informatie / steunen /
signaleren". They are kept in the guideline's words on purpose and are therefore not in the
translation catalogue; every interface string around them goes through gettext.
"""

from dataclasses import dataclass

from .choices import BlockStatus


@dataclass(frozen=True)
class Pillar:
    code: str
    name: str
    # The pillar's opening sentence in the guideline (quotation).
    description: str

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class Block:
    code: str
    pillar: Pillar
    order: int  # 1, 2, 3: the guideline's "Stap" within the pillar
    name: str
    # The guideline's description of the building block (quotation).
    description: str
    # What to do next, per status (close paraphrase of the description).
    next_steps: dict

    def __str__(self):
        return self.name

    def next_step(self, status):
        """Return the next step for this block when it has ``status``."""
        return self.next_steps[BlockStatus(status)]


NOT_YET, DEVELOPING, IN_ORDER = BlockStatus.NOT_YET, BlockStatus.DEVELOPING, BlockStatus.IN_ORDER

INFORM = Pillar(
    "inform",
    "Informeren",
    "Het steunpunt is een plek voor informatie die toegankelijk, leesbaar en begrijpelijk is voor ouders "
    "en jeugdigen.",
)
SUPPORT = Pillar(
    "support",
    "Steunen",
    "Het steunpunt zorgt voor praktisch advies, ondersteuning en begeleiding bij passend onderwijs.",
)
SIGNAL = Pillar(
    "signal",
    "Signaleren",
    "De ervaringen van het steunpunt zijn van waarde voor het (ontwikkelen en aanpassen van het) beleid "
    "van het samenwerkingsverband.",
)
PILLARS = (INFORM, SUPPORT, SIGNAL)

BLOCKS = (
    Block(
        "inform_collect",
        INFORM,
        1,
        "Verzamelen en ontsluiten",
        "Breng de beschikbare informatie bijeen en maak gebruik van bestaande bronnen op een vindbare, "
        "toegankelijke, logische plek. In praktische zin gaat het daarbij bijvoorbeeld over een website.",
        {
            NOT_YET: "Breng de informatie die er al is bij elkaar. Kies één vindbare, toegankelijke plek, "
            "bijvoorbeeld een website.",
            DEVELOPING: "Maak de plek af: staat alle beschikbare informatie op een logische plek, en vinden "
            "ouders en jeugdigen die?",
            IN_ORDER: "Houd de informatie actueel. Ga verder met bouwsteen 2: vertalen en valideren.",
        },
    ),
    Block(
        "inform_translate",
        INFORM,
        2,
        "Vertalen en valideren",
        "Vertaal de informatie voor ouders en jeugdigen en vul deze aan met de lokale en regionale "
        "informatie en situatie. Past de bestaande informatie bij de ouders en jeugdigen in het "
        "samenwerkingsverband? Denk daarbij ook aan de taal- en digivaardigheid van ouders en de specifieke "
        "groepen jeugdigen in je samenwerkingsverband. Toets de informatie bij een aantal ouders en "
        "jeugdigen.",
        {
            NOT_YET: "Kies de belangrijkste teksten. Schrijf ze opnieuw voor ouders en voor jeugdigen, met "
            "wat ze betekenen in uw regio.",
            DEVELOPING: "Toets de teksten bij een aantal ouders en jeugdigen. Denk aan taal- en "
            "digivaardigheid en aan specifieke groepen jeugdigen.",
            IN_ORDER: "Laat teksten op tijd opnieuw toetsen. Ga verder met bouwsteen 3: feiten aanvullen "
            "met ervaringen.",
        },
    ),
    Block(
        "inform_integrate",
        INFORM,
        3,
        "Integratie objectieve en subjectieve informatie",
        "Vul de feitelijke informatie aan met ervaringen van ouders en jeugdigen. Informatie is feitelijk en "
        "objectief, maar krijgt betekenis door de toepassing van die informatie in de dagelijkse praktijk "
        "van passend onderwijs. Ouders en jeugdigen zoeken naar die ervaringen van anderen, naar herkenning "
        "en erkenning.",
        {
            NOT_YET: "Verzamel ervaringen van ouders en jeugdigen. Zet ze naast de feitelijke informatie.",
            DEVELOPING: "Zorg dat bij de belangrijkste onderwerpen ervaringen staan, zodat ouders en "
            "jeugdigen herkenning en erkenning vinden.",
            IN_ORDER: "Blijf nieuwe ervaringen verzamelen. Kijk bij elke evaluatie of feiten en ervaringen "
            "nog bij elkaar passen.",
        },
    ),
    Block(
        "support_reachable",
        SUPPORT,
        1,
        "Bereikbaar en toegankelijk zijn",
        "Het is voor ouders en jeugdigen duidelijk waar zij met hun vragen terecht kunnen en waar ze steun "
        "kunnen krijgen. De steunbehoefte bij ouders en jeugdigen is geïnventariseerd en het (regionale) "
        "netwerk van ondersteuningsmogelijkheden (onderwijs, zorg, etc.) is inzichtelijk.",
        {
            NOT_YET: "Maak duidelijk waar ouders en jeugdigen met hun vragen terechtkunnen. Breng in kaart "
            "welke steun zij nodig hebben.",
            DEVELOPING: "Maak het regionale netwerk van ondersteuning (onderwijs, zorg en andere) "
            "inzichtelijk, bijvoorbeeld in de sociale kaart.",
            IN_ORDER: "Houd de bereikbaarheid en de sociale kaart op orde. Ga verder met bouwsteen 2: "
            "actief aanbod van ondersteuning.",
        },
    ),
    Block(
        "support_active",
        SUPPORT,
        2,
        "Actief aanbod van ondersteuning",
        "Het steunpunt biedt actief steun aan ouders en jeugdigen voor passend onderwijs. Scholen en "
        "samenwerkingsverband noemen het steunpunt als onafhankelijk werkende steun bij vragen naar en "
        "over passend onderwijs.",
        {
            NOT_YET: "Bied actief steun aan. Vraag scholen en het samenwerkingsverband om het steunpunt te "
            "noemen als onafhankelijke steun.",
            DEVELOPING: "Ga na of alle scholen en het samenwerkingsverband het steunpunt noemen, "
            "bijvoorbeeld in de schoolgids en in gesprekken met ouders.",
            IN_ORDER: "Blijf scholen informeren. Ga verder met bouwsteen 3: geïntegreerde en meervoudige "
            "ondersteuning.",
        },
    ),
    Block(
        "support_integrated",
        SUPPORT,
        3,
        "Geïntegreerde en meervoudige ondersteuning",
        "Het steunpunt biedt verschillende vormen van ondersteuning en sluit aan bij de behoeften van ouders "
        "en jeugdigen. Om die behoeften continu in kaart te brengen werkt het steunpunt samen met "
        "ervaringsdeskundigen (ouders en jeugdigen), organiseert het bijeenkomsten en stimuleert het "
        "contact tussen het steunpunt, ouders en jeugdigen.",
        {
            NOT_YET: "Werk samen met ervaringsdeskundige ouders en jeugdigen. Organiseer een eerste "
            "bijeenkomst.",
            DEVELOPING: "Bied meer vormen van steun aan, zoals bijeenkomsten en contact met andere ouders. "
            "Vraag steeds wat ouders en jeugdigen nodig hebben.",
            IN_ORDER: "Blijf de behoeften van ouders en jeugdigen in kaart brengen en pas het aanbod daarop "
            "aan.",
        },
    ),
    Block(
        "signal_register",
        SIGNAL,
        1,
        "Registreren en periodiek terugkoppelen",
        "Vragen van ouders en jeugdigen en de gebruiksgegevens van de geraadpleegde informatie worden "
        "geanonimiseerd periodiek onder de aandacht gebracht van het bestuur van het "
        "samenwerkingsverband. Hierbij is onder andere aandacht voor de aard van de signalen, de "
        "afhandeling en de tijdsinvestering van de ondersteuning.",
        {
            NOT_YET: "Registreer de vragen en het gebruik van de informatie. Spreek met het bestuur af hoe "
            "vaak u anoniem terugkoppelt.",
            DEVELOPING: "Breng de rapportage regelmatig bij het bestuur: de aard van de signalen, de "
            "afhandeling en de tijd die de steun kost.",
            IN_ORDER: "Houd de rapportage regelmatig vol. Ga verder met bouwsteen 2: actief evalueren.",
        },
    ),
    Block(
        "signal_evaluate",
        SIGNAL,
        2,
        "Actief evalueren",
        "Ouders en jeugdigen wordt actief gevraagd om de ondersteuning en informatie te evalueren. Deze "
        "evaluaties worden betrokken in beleidsvorming binnen het samenwerkingsverband.",
        {
            NOT_YET: "Vraag ouders en jeugdigen actief om de steun en de informatie te beoordelen.",
            DEVELOPING: "Zorg dat de uitkomsten van de evaluaties meegaan in het beleid van het "
            "samenwerkingsverband.",
            IN_ORDER: "Blijf evalueren. Ga verder met bouwsteen 3: analyseren en leren.",
        },
    ),
    Block(
        "signal_analyse",
        SIGNAL,
        3,
        "Analyseren en leren",
        "Ervaringen van ouders en jeugdigen worden opgehaald, geanalyseerd en systematisch in beeld "
        "gebracht. Dit biedt actuele informatie over de (ervaren) praktijk van passend onderwijs en de rol "
        "van het steunpunt en zorgt ervoor dat het steunpunt zich kan ontwikkelen.",
        {
            NOT_YET: "Haal ervaringen van ouders en jeugdigen op. Bespreek samen wat ze laten zien.",
            DEVELOPING: "Breng de ervaringen systematisch in beeld. Gebruik dat beeld om het steunpunt en "
            "de regio te verbeteren.",
            IN_ORDER: "Blijf leren: bespreek het beeld geregeld met de werkgroep en het bestuur.",
        },
    ),
)
BLOCKS_BY_CODE = {block.code: block for block in BLOCKS}
BLOCK_CODES = tuple(BLOCKS_BY_CODE)


def blocks_of(pillar):
    """Return the three blocks of ``pillar`` in order of maturity."""
    return tuple(block for block in BLOCKS if block.pillar == pillar)
