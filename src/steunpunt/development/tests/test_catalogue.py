"""The catalogue follows the guideline: three pillars of three building blocks in order of maturity,
each with a next step per status, and eight steps in two phases with their questions."""

from steunpunt.development.blocks import BLOCK_CODES, BLOCKS, PILLARS, blocks_of
from steunpunt.development.choices import BlockStatus, Phase
from steunpunt.development.models import BLOCK_CHOICES
from steunpunt.development.steps import LAST_STEP, STEPS, steps_of

GUIDELINE_BLOCK_NAMES = {
    "Informeren": [
        "Verzamelen en ontsluiten",
        "Vertalen en valideren",
        "Integratie objectieve en subjectieve informatie",
    ],
    "Steunen": [
        "Bereikbaar en toegankelijk zijn",
        "Actief aanbod van ondersteuning",
        "Geïntegreerde en meervoudige ondersteuning",
    ],
    "Signaleren": ["Registreren en periodiek terugkoppelen", "Actief evalueren", "Analyseren en leren"],
}


def test_there_are_three_pillars_of_three_blocks_named_as_in_the_guideline():
    assert [pillar.name for pillar in PILLARS] == ["Informeren", "Steunen", "Signaleren"]
    assert len(BLOCKS) == 9 and len(set(BLOCK_CODES)) == 9
    for pillar in PILLARS:
        blocks = blocks_of(pillar)
        assert [block.order for block in blocks] == [1, 2, 3]
        assert [block.name for block in blocks] == GUIDELINE_BLOCK_NAMES[pillar.name]
        assert pillar.description
    assert [code for code, _label in BLOCK_CHOICES] == list(BLOCK_CODES)


def test_every_block_has_a_description_and_its_own_next_step_for_each_status():
    for block in BLOCKS:
        assert len(block.description) > 80, block
        steps = [block.next_step(status) for status in BlockStatus]
        assert set(block.next_steps) == set(BlockStatus), block
        assert all(len(step) > 20 for step in steps) and len(set(steps)) == 3, block


def test_the_last_block_of_informing_quotes_the_guideline():
    integrate = blocks_of(PILLARS[0])[2]
    assert integrate.description.startswith(
        "Vul de feitelijke informatie aan met ervaringen van ouders en jeugdigen."
    )


def test_there_are_eight_steps_in_two_phases_with_questions():
    assert [step.number for step in STEPS] == list(range(1, 9)) and LAST_STEP == 8
    assert [step.number for step in steps_of(Phase.PREPARATION)] == [1, 2, 3, 4]
    assert [step.number for step in steps_of(Phase.EXECUTION)] == [5, 6, 7, 8]
    assert [step.title for step in STEPS] == [
        "Wie gaat het doen?",
        "Wie gaat helpen?",
        "Haal informatie op, verzamel kennis, verzamel contacten",
        "Analyseer de beginsituatie",
        "Wees ambitieus, maak een plan en deel dat",
        "Aan het werk!",
        "Meten en toetsen",
        "Evalueren in proces",
    ]
    for step in STEPS:
        assert len(step.questions) >= 4, step
        assert all(question.endswith("?") for question in step.questions), step
        assert step.description, step
    # Steps 4 and 8 ask their questions in the guideline itself: quoted word for word.
    assert "Waar vinden ouders en jeugdigen nu steun?" in STEPS[3].questions
    assert "Voor welk probleem was dit ook alweer de oplossing?" in STEPS[7].questions
