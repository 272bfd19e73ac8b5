"""Words that signal a meeting or an agreement, and the words that cancel or postpone one."""

from __future__ import annotations

MEETING_VERBS = frozenset({"meet", "visit", "host", "negotiate", "confer", "convene"})

#: Verbs that are a meeting only when the sentence names two or more parties ("the ministers of
#: Egypt and Greece gathered in Cairo to discuss ...", "Merkel and Macron discussed the crisis").
WEAK_MEETING_VERBS = frozenset({"discuss", "gather", "assemble"})

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
        "memoranda",
        "agreements",
        "deals",
        "contracts",
        "accords",
        "treaties",
    }
)

#: What can be signed and then is an agreement: "signed a ceasefire", "the peace plan it signed".
SIGNABLE_NOUNS = AGREEMENT_NOUNS | frozenset(
    {
        "plan",
        "declaration",
        "ceasefire",
        "truce",
        "charter",
        "communique",
        "roadmap",
        "protocol",
        "convention",
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
        "enter",
        "approve",
        "ratify",
        "broker",
    }
)

#: A deal that "went through" or "took effect" has been concluded.
AGREEMENT_COMPLETION = frozenset({("go", "through"), ("take", "effect"), ("come", "into"), ("close", "")})

#: Nouns that, with "part of", "under" or "between", name an existing agreement.
AGREEMENT_EXISTENCE_PREPS = frozenset({"between", "under"})

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
        "try",
        "attempt",
        "unable",
    }
)

#: What one "meets" without meeting anyone.
NOT_MET_OBJECTS = frozenset(
    {
        "target",
        "goal",
        "deadline",
        "demand",
        "need",
        "requirement",
        "standard",
        "criterion",
        "expectation",
        "estimate",
        "forecast",
        "obligation",
        "condition",
        "cost",
        "threshold",
        "quota",
        "end",
        "fate",
        "challenge",
        "criteria",
    }
)

PHONE_WORDS = frozenset({"phone", "telephone", "telephonic", "video", "videoconference"})

#: "spoke/talked on the phone" (by lemma) and "a phone call/conversation" (by text)
CALL_VERBS = frozenset({"speak", "talk"})

CALL_NOUNS = frozenset({"call", "calls", "conversation", "conversations"})

PURCHASE = "purchase"  # "a purchase order" is an agreement

MEET_NOUN = "meet"  # "a future meet on Crete"

SIT_VERB = "sit"  # "sat down with"

FUTURE_WORDS = frozenset(
    {"will", "shall", "expect", "plan", "schedule", "set", "due", "to", "would", "going"}
)

#: Every word (text or lemma) that ``_is_agreement`` or ``_is_meeting`` can accept; the
#: other tokens, most of a sentence, are passed over without running either test.
TRIGGER_WORDS = (
    AGREEMENT_VERBS
    | AGREEMENT_NOUNS
    | MEETING_VERBS
    | WEAK_MEETING_VERBS
    | MEETING_NOUNS
    | CALL_VERBS
    | CALL_NOUNS
    | frozenset({PURCHASE, MEET_NOUN, SIT_VERB})
)
