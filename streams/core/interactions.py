"""Find meetings and agreements from trigger words in the parse.

A sentence holds a meeting when a meeting trigger (met, meeting, talks, summit, visit,
negotiations, hosted, "sat down with") occurs outside quoted words, and an agreement
when an agreement trigger (signed, agreed, deal, accord, treaty, contract, settlement,
"purchase order", a deal struck/reached) does. Negated triggers are dropped and
proposals are not reported as done; future ones are marked ``status: planned``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

MEETING_VERBS = frozenset({"meet", "visit", "host", "negotiate", "confer"})
MEETING_NOUNS = frozenset(
    {
        "meeting",
        "talks",
        "summit",
        "visit",
        "negotiation",
        "negotiations",
        "meetings",
        "summits",
        "visits",
        "conference",
    }
)
AGREEMENT_VERBS = frozenset({"sign", "agree", "ink", "finalize", "finalise"})
AGREEMENT_NOUNS = frozenset(
    {
        "agreement",
        "deal",
        "accord",
        "treaty",
        "contract",
        "settlement",
        "pact",
        "memorandum",
        "agreements",
        "deals",
        "contracts",
        "accords",
        "treaties",
    }
)
#: Verbs that turn an agreement noun into a concluded (or planned) agreement.
AGREEMENT_NOUN_VERBS = frozenset(
    {
        "sign",
        "reach",
        "strike",
        "seal",
        "agree",
        "conclude",
        "ink",
        "win",
        "award",
        "finalize",
        "finalise",
        "announce",
        "secure",
        "clinch",
    }
)
PROPOSAL_WORDS = frozenset(
    {
        "propose",
        "proposal",
        "draft",
        "consider",
        "seek",
        "hope",
        "want",
        "urge",
        "fail",
        "reject",
        "collapse",
        "scrap",
        "cancel",
        "oppose",
    }
)
FUTURE_WORDS = frozenset(
    {"will", "shall", "expect", "plan", "schedule", "set", "due", "to", "would", "going"}
)


@dataclass(frozen=True)
class Trigger:
    type: str  # meeting | agreement
    token: Token
    status: str  # past | planned


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children) or (
        token.head is not token
        and any(child.dep_ == "neg" for child in token.head.children)
        and token.dep_ in ("dobj", "xcomp", "ccomp")
    )


def _status(token: Token) -> str | None:
    """past, planned, or None for a proposal or failure that must not be reported as done."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    chain = [verb, *list(verb.ancestors)[:3]]
    lemmas = {t.lemma_.lower() for t in chain}
    if lemmas & PROPOSAL_WORDS or _negated(verb) or _negated(token):
        return None
    aux = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "would", "'ll"} or lemmas & {"expect", "plan", "schedule"}:
        return "planned"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        return "planned"
    return "past"


def _is_agreement(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in AGREEMENT_VERBS:
        if token.dep_ in ("acl", "relcl", "amod"):  # "a golf bag signed by ..." describes a thing
            return False
        objects = [c for c in token.children if c.dep_ == "dobj"]
        # "signed a series of agreements" counts, "signed a bill/golf bag" does not
        return (
            not objects
            or any(
                t.lower_ in AGREEMENT_NOUNS or t.lemma_.lower() in AGREEMENT_NOUNS
                for o in objects
                for t in o.subtree
            )
            or lemma == "agree"
        )
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in AGREEMENT_NOUNS or lemma in AGREEMENT_NOUNS):
        if token.lower_ == "purchase" or (token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"):
            return True
        head = token.head
        if head.lemma_.lower() in AGREEMENT_NOUN_VERBS or (
            head.dep_ in ("prep", "agent") and head.head.lemma_.lower() in AGREEMENT_NOUN_VERBS
        ):
            return True
        # "the agreements signed by ...": participle modifying the noun
        return any(
            c.lemma_.lower() in AGREEMENT_NOUN_VERBS and c.dep_ in ("acl", "relcl") for c in token.children
        )
    return token.lower_ == "purchase" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"


def _is_meeting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in MEETING_VERBS:
        return True
    if token.pos_ == "VERB" and lemma == "sit" and any(c.lower_ == "down" for c in token.children):
        return True
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in MEETING_NOUNS):
        return not (token.lower_ == "talks" and token.pos_ == "VERB")
    return False


def find_triggers(sent: Span, inside_quote: list[tuple[int, int]]) -> list[Trigger]:
    """At most one meeting and one agreement trigger per sentence (the first of each)."""
    seen: dict[str, Trigger] = {}
    for token in sent:
        if any(s <= token.idx < e for s, e in inside_quote):
            continue
        for kind, test in (("agreement", _is_agreement), ("meeting", _is_meeting)):
            if kind in seen or not test(token):
                continue
            status = _status(token)
            if status is not None:
                seen[kind] = Trigger(kind, token, status)
    return list(seen.values())
