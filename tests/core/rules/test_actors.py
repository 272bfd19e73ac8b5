"""Names of actors the model left untagged, as the text writes them (rules/actors.py)."""

from __future__ import annotations

import pytest

from streams.core.extractor import Extractor
from streams.core.rules.actors import written_name
from tests.fixtures.extraction import events_of


@pytest.mark.parametrize(
    ("text", "last", "name"),
    [
        ("Protester Ana Ruiz spoke first.", "Ruiz", "Ana Ruiz"),
        # the possessor's own name is not part of the name it possesses
        ("Yesterday, the United Kingdom's Queen Elizabeth II spoke.", "II", "Elizabeth II"),
        ("Norway's Harbour Freight Lines won the tender.", "Lines", "Harbour Freight Lines"),
    ],
)
def test_a_written_name_is_the_run_of_proper_nouns_before_its_last_word(
    extractor: Extractor, text: str, last: str, name: str
) -> None:
    doc = extractor._nlp(text)
    token = next(t for t in doc if t.text == last)
    assert written_name(token)[0] == name


def test_a_hyphened_given_name_is_kept_whole(extractor: Extractor) -> None:
    """The model leaves "Han Min-koo" untagged and the parse ends the name at "Min"."""
    body = (
        "Defence Minister Ana Lund spoke with her South Korean counterpart Han Min-koo to discuss the "
        "alliance."
    )
    (meeting,) = events_of(extractor, body, "meeting")
    assert {a["name"] for a in meeting["actors"]} == {"Ana Lund", "Han Min-koo"}
