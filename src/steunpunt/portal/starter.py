"""Starter texts for new sites, in Dutch.

They are content, not interface: editors replace them. Every page made from them is
marked ``starter_text`` so that readers see the text has not been validated yet.
"""

PLATFORM_HOME = {
    "title": "Ouder- en jeugdsteunpunten passend onderwijs",
    "intro": (
        "Hier vindt u de ouder- en jeugdsteunpunten passend onderwijs. "
        "Een steunpunt helpt ouders en jongeren als school en kind niet goed bij elkaar passen. "
        "Elk steunpunt werkt in een eigen regio. "
        "Vul uw postcode in. Dan ziet u welk steunpunt bij u hoort."
    ),
}

SUPPORT_POINT_HOME = {
    "intro": (
        "Heeft uw kind extra hulp nodig op school? Of past de school niet goed bij uw kind? "
        "Wij denken met u mee. Wij zijn onafhankelijk: wij werken niet voor de school."
    ),
    "inform_title": "Informatie",
    "inform_text": (
        "Wat is passend onderwijs? Wat moet de school doen? Welke hulp is er in onze regio? "
        "Dat leest u hier in gewone woorden."
    ),
    "ask_title": "Stel een vraag",
    "ask_text": (
        "Heeft u een vraag over school en uw kind? Bel of mail ons. U hoeft uw naam niet te noemen."
    ),
    "learn_title": "Zo leren wij van uw ervaringen",
    "learn_text": (
        "Wij vertellen het samenwerkingsverband wat ouders en jongeren meemaken. "
        "Wij noemen daarbij geen namen. Zo kan het onderwijs in de regio beter worden."
    ),
}
