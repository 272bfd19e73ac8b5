"""Words that say an event did not simply happen: it is hoped for, conditional, habitual or failed.

A trigger word ("met", "deal", "summit") names an event; the words that govern it say whether
the article reports the event as having happened. These small classes are read by
``rules/event_context.py`` on the trigger's verb and the few verbs above it, never on the word
alone: "hopes to sign" is a hope, "signed" is a signing.
"""

from __future__ import annotations

#: Subordinators that make the clause a condition or an open question ("if they sign", "unless
#: the talks resume", "whether they will meet"): the event is supposed, not reported.
CONDITION_MARKERS = frozenset({"if", "unless", "whether"})

#: Modal auxiliaries of possibility and obligation ("could meet", "might sign", "should agree"):
#: the writer does not say it will happen. "would" is apart: on the event's own verb it is
#: mostly the future of reported words or of a narrative ("said they would meet on Tuesday",
#: "Parliament would meet in September"), so scheduled; on a verb the event is the subject of,
#: a hypothesis ("a deal would cut tariffs").
POSSIBILITY_MODALS = frozenset({"could", "might", "may", "should", "must", "ought"})
WOULD = frozenset({"would", "'d", "’d"})  # news text writes "he’d" with a typographic apostrophe

#: Modal auxiliaries of the future: the event is scheduled.
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll"})

#: Verbs and nouns of wish, intention, attempt, request and doubt that govern the event
#: ("hopes to meet", "seeks a deal", "urged talks", "doubt a deal is possible", "a bid to host
#: the summit"): what someone wants or tries is not what happened.
WISH_WORDS = frozenset(
    {
        "hope",
        "want",
        "wish",
        "seek",
        "propose",
        "proposal",
        "draft",
        "consider",
        "urge",
        "oppose",
        "try",
        "attempt",
        "effort",
        "bid",
        "doubt",
        "demand",
        "insist",
        "aim",
        "offer",
        "suggest",
        "threaten",
        "prefer",  # "would prefer to sign him"
        "preference",  # "the team's preference would be to sign him"
        "willing",  # "are willing to meet him", "a willingness to take a meeting with him"
        "willingness",
        "unwilling",
        "readiness",
        "requirement",  # "a requirement that agencies consult experts": a rule, no consultation held
        "rule",
        "mandate",
        "require",
    }
)

#: Verbs that ask their object to do what their infinitive says ("pressed X to sign", "urged X to
#: meet"); not those that make it happen ("forced X to sign").
ASKING_VERBS = frozenset(
    {"press", "urge", "ask", "pressure", "push", "encourage", "tell", "instruct", "order", "direct"}
)

#: Verbs that make the event a request only through "for" ("called for talks", "pushed for a
#: deal", "applied for an agreement"); "a phone call", "pushed the deal through" stay events.
REQUEST_FOR_VERBS = frozenset({"call", "push", "press", "appeal", "apply", "lobby", "ask", "hope", "wait"})

#: Nouns of a way toward an event, whose for- or to-phrase is the goal, not a fact: "the road map for
#: the final status accord", "groundwork for a deal", "the path to an agreement".
GOAL_NOUNS = frozenset(
    {
        "map",
        "roadmap",
        "blueprint",
        "framework",
        "groundwork",
        "basis",
        "path",
        "road",
        "route",
        "push",
        "drive",
    }
    | {"deadline", "template", "outline", "prospects", "prospect", "chance", "chances", "hopes"}
)

#: Verbs whose subject, an event noun, is still to be made ("the agreement still needs to be hammered
#: out", "the deal remains to be finalized"), with the verbs of making it.
STILL_TO_VERBS = frozenset({"need", "remain"})
MAKING_VERBS = frozenset(
    {"hammer", "work", "negotiate", "finalize", "finalise", "reach", "strike", "conclude", "complete", "sign"}
    | {"agree", "seal", "draft", "write", "iron", "arrange", "schedule", "set"}
)

#: Verbs that make the event an application only through an infinitive ("applied to host the
#: summit", "asked to meet the president"): the application is the fact, not the event.
APPLY_TO_VERBS = frozenset({"apply", "ask", "volunteer", "campaign", "lobby"})

#: Verbs of effort whose infinitive is only what was worked for ("worked to arrange a meeting",
#: "scrambled to set up talks"): the effort is the fact, not the event.
EFFORT_TO_VERBS = frozenset({"work", "strive", "struggle", "scramble", "labor", "labour"})

#: Words of negotiating whose to-infinitive is what the talks are for, not yet agreed: "is in talks
#: to buy Beta", "negotiating to acquire Beta", "negotiations to merge".
NEGOTIATION_WORDS = frozenset({"talks", "negotiate", "negotiation", "negotiations", "discussions"})

#: Verbs whose past makes their bare or to-infinitive a past fact ("helped facilitate a meeting",
#: "managed to meet him", "rushed to meet him"): the event took place, not planned.
IMPLICATIVE_VERBS = frozenset({"help", "manage", "defeat", "beat", "outbid", "rush", "hurry", "race"})

#: Adjectives of mere possibility on the event or its clause ("a possible deal", "a deal is
#: unlikely", "potential talks").
POSSIBILITY_ADJECTIVES = frozenset({"possible", "unlikely", "potential", "hypothetical", "prospective"})

#: Words that put an event just ahead, not yet made: "close to a deal", "closer to agreeing",
#: "nearing an agreement", "near a settlement".
NEARNESS_WORDS = frozenset({"close", "closer", "near", "nearer"})

#: Verbs that say the event failed, was refused or undone ("failed to agree", "rejected the
#: deal", "cancelled the summit", "the talks collapsed").
FAILURE_VERBS = frozenset(
    {"fail", "refuse", "reject", "decline", "cancel", "scrap", "collapse", "abandon", "postpone", "defer"}
)

#: Verbs that deny what their clause or claim tells: "denied that he met X", "disputed reports that
#: they had signed a deal". Only over a that-clause or a claim noun's clause: "dismissed the deal
#: as worthless" does not deny there was one.
DENIAL_VERBS = frozenset(
    {"deny", "refute", "dispute", "dismiss", "disavow", "rebut", "contradict", "reject", "downplay"}
)
#: The same, said with a particle: "played down the idea that the two had made a pact".
DENIAL_PHRASALS = frozenset({("play", "down")})

#: Nouns whose that-clause is a claim: "reports that he met X", "rumours that they had signed".
CLAIM_NOUNS = frozenset(
    {"report", "claim", "allegation", "rumor", "rumour", "suggestion", "story", "speculation", "assertion"}
    | {"idea", "notion"}  # "played down the idea that the two had made a pact"
    # what a rule asks for: "a requirement that agencies consult experts" (WISH_WORDS make it no event)
    | {"requirement", "rule", "mandate"}
)

#: Adjectives of failure or inability on the clause ("was unable to negotiate a deal").
FAILURE_ADJECTIVES = frozenset({"unable", "failed"})

#: Verb-particle pairs of failure ("called off the meeting", "talks broke down", "the deal fell
#: through"). "pulled out of" counts for meetings only: a party leaving an agreement says the
#: agreement was made.
FAILURE_PHRASALS = frozenset(
    {("call", "off"), ("break", "down"), ("fall", "through"), ("fall", "apart"), ("put", "off")}
)
MEETING_FAILURE_PHRASALS = frozenset({("pull", "out"), ("back", "out")})

#: What talks do when they end in failure ("the talks collapsed", "negotiations broke down",
#: "the summit failed", "discussions stalled"): the talks were held, so for a MEETING whose
#: trigger is the subject these say it occurred; an agreement that collapsed was never made.
#: "the meeting fell through" stays a failure: it did not take place.
MEETING_OUTCOME_VERBS = frozenset({"collapse", "fail", "stall", "founder", "falter"})
MEETING_OUTCOME_PHRASALS = frozenset({("break", "down"), ("fall", "apart")})

#: Complements that turn a failed meeting back into one that never happened ("the summit failed
#: to take place", "the meeting failed to materialise", "talks failed to get under way").
NOT_HELD_VERBS = frozenset(
    {"take", "happen", "occur", "materialize", "materialise", "start", "begin", "get", "go"}
)

#: Past verbs of a relative clause on the event noun that say the event took place ("the talks
#: they began in November", "the deal it signed in March", "the summit that was held in Oslo"):
#: the relative clause is the event's own, so its past decides, whatever governs the noun ("will
#: urge them to continue the talks they began"). Verbs of wish or refusal ("the talks he wanted",
#: "the deal they rejected") are not here: those say nothing took place.
OCCURRENCE_VERBS = frozenset(
    {
        "begin",
        "start",
        "hold",
        "sign",
        "reach",
        "strike",
        "seal",
        "conclude",
        "negotiate",
        "broker",
        "attend",
        "host",
        "launch",
        "open",
        "end",
        "finish",
        "forge",
        "happen",
        "occur",
        "complete",
        "conduct",
        "convene",
        "finalize",
        "finalise",
    }
)

#: Words of promise ("his pledge to stay impartial in any talks", "vowed to remain
#: outside the negotiations"): what is promised about an event through "be"/"stay"/"remain" is a stance
#: toward talks that may never come, not a report of them.
PROMISE_WORDS = frozenset({"promise", "pledge", "vow", "commitment", "commit", "guarantee"})
STANCE_VERBS = frozenset({"be", "stay", "remain"})

#: Prepositional phrases of frequency ("At times they would meet in secret", "on occasion met"):
#: the event is a habit, like "often".
HABITUAL_PHRASES = frozenset({("at", "times"), ("on", "occasion")})

#: The span of a life or a career after "over" or "throughout": what was done in it is a habit,
#: no one event ("the deals he has brokered over his career", "has met him over the years").
CAREER_SPANS = frozenset({"career", "careers", "years", "decades", "lifetime", "life"})
CAREER_SPAN_PREPS = frozenset({"over", "throughout"})

#: "used to meet": the verb "use" whose infinitive is a past habit.
USED_TO = "use"

#: Determiners and adverbs of negation on the event ("no agreement was reached", "never met").
NEGATORS = frozenset({"no", "never", "neither", "nor", "not", "n't"})

#: The preposition that denies the event it introduces ("ended without a deal").
WITHOUT = "without"

#: Frequency adverbs: the event is a habit, not one occurrence ("typically signs multi-year
#: supply deals", "usually meet in Geneva").
HABITUAL_ADVERBS = frozenset(
    {
        "typically",
        "usually",
        "often",
        "generally",
        "normally",
        "routinely",
        "regularly",
        "frequently",
        "customarily",
        "traditionally",
        "habitually",
        "annually",
        "sometimes",
        "occasionally",
        "periodically",
        "rarely",
        "seldom",
    }
)

#: Adjectives that make an event noun a habit: "their regular conversations with X", "frequent
#: meetings". Not "annual" or "weekly": "the annual meeting was held on Monday" is one that happened.
HABITUAL_ADJECTIVES = frozenset({"regular", "routine", "frequent", "occasional", "periodic", "customary"})

#: Quantifiers that make a period noun a frequency ("every year", "each spring"); counted only
#: with a verb in the present tense ("meets every year"), since "met every day last week" is a
#: series of meetings that happened.
FREQUENCY_DETERMINERS = frozenset({"every", "each"})
PERIOD_NOUNS = frozenset(
    {"day", "week", "month", "year", "quarter", "spring", "summer", "autumn", "fall", "winter", "decade"}
)

#: Verbs that, governing the event, say it is planned ("expected to meet", "plans to sign",
#: "the summit is scheduled for June"). An announced intention of a party is its plan ("Acme
#: intends to acquire Beta", "announced its intention to buy"), not a mere wish like "hopes to".
PLAN_WORDS = frozenset({"expect", "plan", "schedule", "due", "intend", "intention"})

#: Participles that say the event is scheduled only through their infinitive ("is set to meet",
#: "is slated to sign", "is poised to acquire"); "the deal set a precedent" says nothing of a plan.
SET_TO_WORDS = frozenset({"set", "slate", "slated", "poise", "poised"})
