"""Whether a named person is a man or a woman, from the article's own words, for "he" and "she".

The parties of a meeting are often pronouns ("she met him on Tuesday"), resolved to the last
person named as a clause's subject. When a woman and a man take turns as subjects, the last one
is right only half the time: "To Lane, Dole is the man who saved her farm. She met him again"
would make Dole meet himself. The article usually tells: an honorific ("Mr. Dole", "Ms. Lane"),
a family or office word said of the person ("her husband, Bill Dole", "the chairwoman, Ann
Lane"), or a sentence that names one person only and uses only one gender's pronouns ("Lane said
her farm was saved"). No list of first names is used: the evidence is the text's, and a person
it says nothing about fits either pronoun.
"""

from __future__ import annotations

from spacy.tokens import Span

from streams.core.rules.actors import ActorResolver

#: Honorifics right before a name.
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
#: Nouns said of a person in a title or an apposition that tell the gender.
_MALE_NOUNS = frozenset(
    [
        "man",
        "husband",
        "father",
        "son",
        "brother",
        "king",
        "prince",
        "chairman",
        "spokesman",
        "congressman",
        "businessman",
        "grandfather",
        "uncle",
        "nephew",
        "emperor",
        "sultan",
        "pope",
    ]
)
_FEMALE_NOUNS = frozenset(
    [
        "woman",
        "wife",
        "mother",
        "daughter",
        "sister",
        "queen",
        "princess",
        "chairwoman",
        "spokeswoman",
        "congresswoman",
        "businesswoman",
        "grandmother",
        "aunt",
        "niece",
        "widow",
    ]
)
_GENDER_NOUNS = {**dict.fromkeys(_MALE_NOUNS, "m"), **dict.fromkeys(_FEMALE_NOUNS, "f")}
_PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}


def pronoun_gender(word: str) -> str | None:
    """ "m" for he/him/his, "f" for she/her, None for any other word."""
    return _PRONOUNS.get(word.lower())


def learn_genders(sent: Span, actors: ActorResolver, genders: dict[str, str]) -> None:
    """Add to ``genders`` what ``sent`` tells of its people; a person told both ways is dropped."""
    people: dict[str, list[Span]] = {}
    for ent in actors.document.entities_in(sent):
        if ent.label_ != "PERSON":
            continue
        actor = actors.actor(ent, "party")
        if actor is not None and actor.kind == "person":
            people.setdefault(actor.name, []).append(ent)
    explicit = False
    for name, mentions in people.items():
        for ent in mentions:
            doc = ent.doc
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            told = {_HONORIFICS[before]} if before in _HONORIFICS else set()
            root = ent.root
            described = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                described.append(root.head)  # "her husband, Bill Dole"
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Dole is the man who saved it"
                described.extend(c for c in root.head.children if c.dep_ == "attr")
            told |= {_GENDER_NOUNS[w.lower_] for w in described if w.lower_ in _GENDER_NOUNS}
            for gender in told:
                _note(genders, name, gender)
            explicit = explicit or bool(told)
    if len(people) == 1 and not explicit:  # "Her husband, Paul Berg": the words tell, not "her"
        (name,) = people
        said = {_PRONOUNS[t.lower_] for t in sent if t.lower_ in _PRONOUNS and t.pos_ == "PRON"}
        if len(said) == 1:
            _note(genders, name, said.pop())


def _note(genders: dict[str, str], name: str, gender: str) -> None:
    if genders.get(name, gender) != gender:
        genders[name] = "?"  # told both ways: trust neither
    else:
        genders[name] = gender
