"""Words that signal a meeting or an agreement, and the words that cancel or postpone one."""

from __future__ import annotations

MEETING_VERBS = frozenset({"meet", "visit", "host", "negotiate", "confer", "convene"})

#: Whom or what one visits without a meeting: kin and the dead ("to visit her daughter", "visited
#: the grave of X").
NOT_VISITED_OBJECTS = frozenset(
    {"daughter", "son", "mother", "father", "family", "parents", "relatives", "wife", "husband", "sister"}
    | {"brother", "grandchildren", "grave", "tomb", "memorial", "shrine", "casket"}
    # a tour of places, not a host: "to visit all 99 counties"
    | {
        "county",
        "counties",
        "town",
        "towns",
        "city",
        "cities",
        "district",
        "districts",
        "precinct",
        "precincts",
    }
)
#: What a visit "on" is private for: "visiting Nice on vacation", "on their honeymoon".
PRIVATE_TRIPS = frozenset({"vacation", "holiday", "holidays", "honeymoon", "leave", "pilgrimage"})
#: Words that count what was met or hosted as many, over time: "has hosted countless singers",
#: "met dozens of donors" tell a habit or a career, not one meeting.
COUNTLESS_WORDS = frozenset(
    {"countless", "numerous", "innumerable", "myriad", "scores", "dozens", "hundreds", "thousands"}
)
#: What marriage is said with: "before she met Berg and got married" is getting to know him.
COURTSHIP_LEMMAS = frozenset({"marry", "wed", "date", "court", "divorce"})
#: Partners one meets in the sense of getting to know them: "met his wife in college".
PARTNER_NOUNS = frozenset(
    {"wife", "husband", "spouse", "girlfriend", "boyfriend", "fiance", "fiancee", "partner"}
)
#: What one hosts alone, unless a guest is named beside it ("hosted a watch party"; "hosted a
#: dinner for the emir" is a meeting).
HOSTED_OCCASIONS = frozenset(
    {"party", "event", "rally", "fundraiser", "debate", "show", "program", "reception", "gala", "concert"}
    | {"tournament", "game", "forum", "festival", "screening", "hall", "townhall", "broadcast", "podcast"}
    # contests: "would host the only Senate race", "hosts the Vikings for a football game"
    | {"race", "match", "contest", "election", "primary", "caucus", "championship", "final", "olympics"}
    # what a place offers: "the gym hosts a boxing class", "hosts an exhibition of his work"
    | {"class", "course", "workshop", "exhibition", "exhibit", "camp", "clinic"}
    # a public meal for a crowd: "a barbecue hosted by Scott Brown"
    | {"barbecue", "cookout", "picnic", "potluck", "brunch"}
)

#: Verbs that are a meeting only when the sentence names two or more parties ("the ministers of
#: Egypt and Greece gathered in Cairo to discuss ...", "Merkel and Macron discussed the crisis").
WEAK_MEETING_VERBS = frozenset({"discuss", "gather", "assemble", "chat"})

#: A meeting noun a named body holds as a whole when the body stands in its compound ("a
#: Security Council meeting", "the G7 summit"): the body meets, and its members are its parties.
#: Other meeting nouns ("the Google conference") are often one a body hosts for others.
BODY_MEETING_NOUNS = frozenset({"meeting", "summit", "session"})

#: Head words of a body that meets as a whole ("Security Council", "European Union", "Board of
#: Governors"); abbreviations ("NATO", "G7") count too. A seat ("White House", "Kremlin") does
#: not: "a White House meeting" is held there, by others.
ASSEMBLY_WORDS = frozenset(
    {"council", "union", "assembly", "committee", "commission", "parliament", "congress", "senate", "cabinet"}
)

#: "the AU member states", "ASEAN member countries": the members of a body, all of which meet when
#: they meet.
MEMBER_NOUNS = frozenset({"state", "country", "nation", "government"})

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

#: Journeys that are a visit when they go to a country ("a four-day trip to Chile", "her
#: tour to Japan"): the country hosts. A trip to a city or a state ("a trip to Atlantic City",
#: "trips to Iowa") is travel, not a meeting with a host, so only a country's name counts.
TRIP_NOUNS = frozenset({"trip", "trips", "tour", "tours"})

#: The lemmas whose to-phrase names the host of a visit ("a state visit to Canada", "a trip to
#: Chile"): rules/parties.py reads the host there.
VISIT_LEMMAS = frozenset({"visit", "trip", "tour"})

#: What makes a trip no visit to a host: its purpose is the voters, an audience or the road
#: ("a campaign trip to Guam", "a speaking tour", "a study trip to Norway" paid by
#: a lobby, "a business trip").
NOT_VISIT_TRIPS = frozenset(
    {
        "campaign",
        "speaking",
        "book",
        "fundraising",
        "concert",
        "road",
        "field",
        "business",
        "shopping",
        "press",
        "media",
        "congressional",
        "family",
        "school",
        "study",
        "honeymoon",
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
        "megadeal",
        "megadeals",
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
        "cut",  # "cut a deal with"
        "hammer",  # "hammered out an agreement"
        "forge",  # "forged a deal to buy"
        "complete",
        "land",  # "landed a contract with"
        "renew",
    }
)

#: Verbs of a promise that is an agreement when two parties make it to act together: "Acme and
#: Beta pledged to work together", "vowed to cooperate". One party's pledge is a statement.
PLEDGE_VERBS = frozenset({"pledge", "vow", "promise", "commit"})
#: What makes a pledged act joint: "to work together", "to cooperate", "to act jointly".
JOINT_ACT_WORDS = frozenset({"together", "jointly", "cooperate", "collaborate", "coordinate"})

#: Phrasal verbs that conclude an agreement noun: "worked out an accord with", "ironed out a deal".
AGREEMENT_NOUN_PHRASALS = frozenset({("work", "out"), ("iron", "out")})

#: "did a deal with Beta": "do" concludes a deal only with a counterpart named beside it.
DO_VERB = "do"

#: Participles that, on an agreement noun, say it was concluded though their verb alone is talks:
#: "the Iran deal negotiated by Obama" is the deal, while "are negotiating a deal" is not yet one.
AGREEMENT_PARTICIPLES = frozenset({"negotiate"})
#: Every verb whose participle on an agreement noun says it was concluded ("the deal struck in
#: July", "the pact negotiated by X").
CONCLUDING_PARTICIPLES = AGREEMENT_NOUN_VERBS | AGREEMENT_PARTICIPLES

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
        "match",  # "met its match"
    }
)

PHONE_WORDS = frozenset({"phone", "telephone", "telephonic", "video", "videoconference"})

#: "spoke/talked on the phone" (by lemma) and "a phone call/conversation" (by text)
CALL_VERBS = frozenset({"speak", "talk"})

CALL_NOUNS = frozenset({"call", "calls", "conversation", "conversations"})

#: "Ruiz called Lund on Tuesday", "phoned", "telephoned": the verbs of phoning someone; "called
#: back" and "called up" too.
PHONE_VERBS = frozenset({"call", "phone", "telephone"})
PHONE_PARTICLES = frozenset({"back", "up"})
#: What else "called X" may say: named ("called him a liar", "called X weak"), summoned ("called
#: him to the stand", "called them into the office"), taken as ("called it as a foul").
NOT_PHONED_DEPS = frozenset({"oprd", "ccomp", "xcomp", "attr", "acomp", "dative"})
NOT_PHONED_PREPS = frozenset({"to", "into", "as", "on"})
#: Who may phone: a named person (checked by tag) or one of these pronouns ("Ruiz, who called Lund").
CALLER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})
#: Words that may follow the one phoned: its time or an act after it ("called Lund shortly after
#: the vote", "called him back", "called her and asked").
CALL_FOLLOWERS = frozenset(
    {
        "on",
        "after",
        "before",
        "shortly",
        "soon",
        "late",
        "early",
        "back",
        "up",
        "and",
        "from",
        "last",
        "this",
        "during",
        "twice",
        "again",
    }
)

PURCHASE = "purchase"  # "a purchase order" is an agreement
#: An order won or placed is an agreement with whom it came from or went to: "won an order for 90
#: jets from the Air Force", "placed an order with Airbus". An order alone ("orders rose") is not.
ORDER_NOUNS = frozenset({"order", "orders"})
#: Verbs of gaining an agreement, whose from-phrase names who gave it: "won a contract from the Navy",
#: "secured an order from Beta"; an order is also placed or booked with its other side.
GAINING_VERBS = frozenset({"win", "secure", "land", "clinch", "receive"})
WON_FROM_VERBS = GAINING_VERBS | frozenset({"obtain"})
ORDER_TAKING_VERBS = GAINING_VERBS | frozenset({"place", "book"})
ORDER_PREPS = frozenset({"from", "with"})

MEET_NOUN = "meet"  # "a future meet on Crete"

SIT_VERB = "sit"  # "sat down with"

FUTURE_WORDS = frozenset(
    {"will", "shall", "expect", "plan", "schedule", "set", "due", "to", "would", "going"}
)

#: What a meeting noun names as a compound without being a meeting: "a central meeting place",
#: "the summit venue" ("meeting participants" and "a conference call" still tell of one).
MEETING_PLACE_NOUNS = frozenset(
    {"place", "room", "venue", "point", "hall", "site", "ground", "space", "centre", "center"}
)

#: Talks that are not called talks: a discussion is a meeting only in a meeting's shape, with a
#: counterpart ("discussions with Iran", "a dialogue between the parties", "a discussion table
#: will be opened between the government and the unions"); "the discussion about prices" is none.
DISCUSSION_NOUNS = frozenset(
    {
        "discussion",
        "discussions",
        "consultation",
        "consultations",
        "dialogue",
        "dialog",
        "parley",
        "roundtable",
        "conversation",  # "a conversation she had with Trump" (a phone one is a call: CALL_NOUNS)
        "conversations",
        "encounter",
        "chat",
    }
)

#: A meal shared with someone is a meeting ("had dinner with", "sat down over lunch"); the meal
#: noun alone ("the dinner cost $500") is not, so these need a with-phrase or a meeting verb.
MEAL_NOUNS = frozenset(
    {"dinner", "lunch", "breakfast", "luncheon", "supper", "banquet", "dinners", "lunches"}
) | frozenset({"exchanges"})  # "tense exchanges with the senators"; not "stock exchanges" (no with-phrase)

#: Whom one speaks with for a story, not in talks: "spoke with POLITICO writer Ann Lee about it".
JOURNALIST_NOUNS = frozenset(
    {"reporter", "writer", "correspondent", "journalist", "columnist", "editor", "anchor", "interviewer"}
)
#: A host is a journalist when a word before it names a programme ("the radio host X", "talk show
#: host"), not a summit's or a country's host.
MEDIA_HOST = "host"
PROGRAMME_WORDS = frozenset({"radio", "talk", "show", "television", "tv", "podcast", "cable", "news"})

#: Verbs of contact that are a meeting with a with-phrase ("dined with", "consulted with the
#: allies", "huddled with"); "speak"/"talk" are left out: "spoke with reporters/CNN" is mostly
#: an interview, not a meeting.
#: The forms of "dine" are listed too: the small model lemmatises "dined" as "din". A meal or a round
#: of golf with someone is time spent with them ("ate with", "lunched with", "golfed with").
#: Verbs of receiving a visitor: "the president received Prime Minister X", "welcomed X to Lima" is a
#: meeting when the one received is a named person (rules/interactions.py, ``_receives_a_visitor``).
RECEPTION_VERBS = frozenset({"receive", "welcome"})

CONTACT_VERBS = frozenset(
    {
        "dine",
        "dined",
        "dines",
        "dining",
        "consult",
        "huddle",
        "parley",
        "confer",
        "reconnect",
        "reconnected",
        "eat",
        "lunch",
        "lunched",
        "breakfast",
        "breakfasted",
        "golf",
        "golfed",
        "golfing",
    }
)

#: Prepositions that name the counterpart of a meeting or agreement noun.
COUNTERPART_PREPS = frozenset({"with", "between"})

#: Prepositions of what something is about: an event in their phrase is a clause's topic ("wrote
#: to X about a visit by Y"), and so is a place ("a meeting about the fighting in Gaza").
ABOUT_PREPS = frozenset({"about", "regarding", "concerning"})

#: Verbs whose object is what an event noun, their subject, is about: "the talks also cover tensions
#: such as Korea's weapons", "the summit will address the war in Sudan". Names there are the topic.
TOPIC_VERBS = frozenset({"cover", "address", "include", "concern", "involve", "tackle", "examine", "span"})
#: Verbs whose object is what they are about, whoever their subject: "debated Lund's record",
#: "met to discuss the crisis in Ukraine". Names and places there are the topic.
ABOUT_VERBS = TOPIC_VERBS | {"discuss", "debate", "consider", "review", "weigh", "assess"}

#: Documents that are an agreement when signed, approved, concluded, adopted, initialled or
#: ratified: "approved a joint declaration", "signed a memorandum of understanding", "adopted a
#: common roadmap". The generic ones (plan, declaration, statement, framework ...) need a sign of
#: two sides (JOINT_WORDS, a with/between phrase); the others are bilateral by nature.
DOCUMENT_NOUNS = frozenset(
    {
        "declaration",
        "plan",
        "roadmap",
        "statement",
        "framework",
        "arrangement",
        "understanding",
        "protocol",
        "communique",
        "charter",
        "convention",
        "ceasefire",
        "truce",
        "memorandum",
        "mou",
        "letter",
    }
)

#: Documents that bind two sides whoever adopts them ("the parliament ratified the protocol").
BILATERAL_DOCUMENTS = frozenset({"protocol", "communique", "ceasefire", "truce", "memorandum", "mou"})

#: "a letter of intent", "a declaration of intent", "a memorandum of understanding": the
#: ``of`` object that makes a letter or declaration a bilateral document.
INTENT_WORDS = frozenset({"intent", "intention", "understanding", "cooperation", "partnership"})

#: The adjectives that make a plan or declaration shared: "a joint declaration", "a common plan".
JOINT_WORDS = frozenset({"joint", "common", "bilateral", "trilateral", "multilateral", "mutual"})

#: Verbs that conclude a document ("signed", "approved", "adopted", "initialled", "ratified");
#: "came up with" counts as its phrase ``come up``.
DOCUMENT_VERBS = frozenset(
    {
        "sign",
        "approve",
        "conclude",
        "adopt",
        "initial",
        "ratify",
        "ink",
        "seal",
        "agree",
        "finalize",
        "finalise",
        "reach",
        "strike",
        "come up",
        "hammer out",
        "work out",
        "broker",  # "brokered a ceasefire between X and Y": X and Y are its sides, not the broker
    }
)

#: What is settled as an agreement between the sides: "settled the lawsuit", "settled their
#: dispute"; "settle" with a with-phrase ("Acme settled with the regulator") counts too.
SETTLE_VERB = "settle"
DISPUTE_NOUNS = frozenset(
    {
        "lawsuit",
        "suit",
        "dispute",
        "claim",
        "case",
        "litigation",
        "charge",
        "complaint",
        "action",
        "row",
        "feud",
        "differences",
        "difference",
    }
)

#: Buying a company is a deal between buyer and target ("acquires Beta", "buys Beta for $1bn",
#: "bought the jet from Beta"); rules/acquisitions.py asks for a named party.
ACQUISITION_VERBS = frozenset({"acquire", "buy", "purchase"})
#: "Acme's acquisition of Beta", "the takeover of Beta", "the buyout of Beta".
ACQUISITION_NOUNS = frozenset(
    {"acquisition", "acquisitions", "takeover", "takeovers", "buyout", "buyouts", "purchase"}
)
#: Agreements known by their short names, which the model tags as a group or a body: "the Nafta
#: agreement with Canada and Mexico" names the agreement, not a party to it.
NAMED_AGREEMENTS = frozenset({"nafta", "usmca", "cafta", "tpp", "ttip", "ceta", "jcpoa", "gatt"})
#: Verbs of beating a rival to an agreement: "defeated Boeing for the contract", "beat X to win it".
CONTEST_WON_VERBS = frozenset({"defeat", "beat", "outbid"})
#: Verbs of replacing or opposing a third side, in what an event is for or how it was won: "talks
#: with Beta to replace Gamma as a supplier", "a pact to counter Gamma", "beat Gamma to a contract".
#: Their object is outside the event.
RIVAL_VERBS = CONTEST_WON_VERBS | frozenset(
    {"replace", "succeed", "counter", "challenge", "rival", "fight", "combat", "oust", "block"}
)
#: A share of a company that is bought: "bought a 20 percent stake in Beta" is a deal with Beta.
STAKE_NOUNS = frozenset({"stake", "stakes"})
#: "ordered 12 Airbus jets": an order of units from a named maker is a purchase order
#: (rules/acquisitions.py); "ordered an inquiry" names no maker.
ORDER_VERBS = frozenset({"order"})
#: Units bought "from" a named company that are not goods ordered from their maker: "1,000
#: Apple shares", "200 Google ads", "500 National Guard troops".
NOT_MAKER_GOODS = frozenset(
    {
        "share",
        "stock",
        "stake",
        "bond",
        "ad",
        "advertisement",
        "ticket",
        "troop",
        "soldier",
        "officer",
        "agent",
        "employee",
        "worker",
        "member",
        "vote",
        "delegate",
        "seat",
        "subscriber",
        "user",
        "customer",
    }
)
#: "sold Beta to Gamma", "sold her start-up to Gamma".
SALE_VERBS = frozenset({"sell"})
#: "the sale of Beta to Gamma".
SALE_NOUNS = frozenset({"sale"})
#: "Acme will merge with Beta", "the merger of Acme and Beta".
MERGER_VERBS = frozenset({"merge"})
MERGER_NOUNS = frozenset({"merger", "mergers"})

#: "will pay $334 million for SeaMicro": paying a sum for a named company is buying it.
PAY_VERB = "pay"
#: Besides the agreement nouns, what is an agreement when named with a counterpart ("an
#: understanding with Iran"; rules/agreement_shapes.py).
PARTY_AGREEMENT_NOUNS = frozenset({"understanding", "understandings"})
#: A partnership, joint venture or alliance is an agreement when a verb makes it with a named side
#: ("announced / formed a partnership with X", "X and Y formed a joint venture"); "his partnership
#: with a Republican" is a relation, no event.
PARTNERSHIP_NOUNS = frozenset({"partnership", "partnerships", "venture", "ventures", "alliance", "alliances"})
PARTNERSHIP_VERBS = frozenset({"form", "launch", "establish", "create"})
#: "his plea agreement", "a plea deal": a defendant's agreement with the prosecutors.
PLEA_WORDS = frozenset({"plea"})
#: A deal that is the topic or goal of talks is not concluded: "talks on a deal with Iran",
#: "a push for a deal", "progress toward a deal".
PENDING_AGREEMENT_PREPS = frozenset({"on", "for", "toward", "towards", "about", "over"})
#: Verbs whose object is a deal still sought: "negotiating a deal with Iran", "pursue a deal".
PENDING_AGREEMENT_VERBS = frozenset(
    {
        "negotiate",
        "renegotiate",
        "discuss",
        "pursue",
        "seek",
        "want",
        "push",
        "press",
        "propose",
        "offer",
        "consider",
        "explore",
        "debate",
        "draft",
        "work",
        "need",
        "talk",
    }
)

#: Verbs of joining another side to do something together, an agreement with a named counterpart:
#: "Orbis has teamed up with Vantor to build a plant", "Ford partnered with Baidu", "joined forces
#: with". "team" counts with its "up", "join" with "forces".
JOINING_VERBS = frozenset({"team", "partner", "join"})

#: Every word (text or lemma) that ``_is_agreement``, ``is_acquisition`` or ``_is_meeting`` can
#: accept; the other tokens, most of a sentence, are passed over without running any test.
TRIGGER_WORDS = (
    AGREEMENT_VERBS
    | AGREEMENT_NOUNS
    | MEETING_VERBS
    | WEAK_MEETING_VERBS
    | MEETING_NOUNS
    | TRIP_NOUNS
    | CALL_VERBS
    | CALL_NOUNS
    | PHONE_VERBS
    | DISCUSSION_NOUNS
    | MEAL_NOUNS
    | CONTACT_VERBS
    | RECEPTION_VERBS
    | DOCUMENT_NOUNS
    | SIGNABLE_NOUNS
    | ACQUISITION_VERBS
    | ORDER_VERBS
    | ACQUISITION_NOUNS
    | SALE_VERBS
    | SALE_NOUNS
    | MERGER_VERBS
    | MERGER_NOUNS
    | PLEDGE_VERBS
    | PARTNERSHIP_NOUNS
    | JOINING_VERBS
    | frozenset({PURCHASE, MEET_NOUN, SIT_VERB, SETTLE_VERB, PAY_VERB})
)

#: Verbs of what a meeting or deal, their subject, does to someone: "the acquisition will irk
#: Intel", "the deal will hurt Boeing". Whom it affects is no party to it.
AFFECT_VERBS = frozenset(
    {
        "irk",
        "anger",
        "upset",
        "annoy",
        "worry",
        "alarm",
        "hurt",
        "harm",
        "threaten",
        "benefit",
        "help",
        "boost",
        "please",
        "disappoint",
        "surprise",
        "pressure",
    }
)

#: Verbs that judge or comment on a meeting or deal named as their object: their subject is not a
#: party ("Berg praised the pact", "Lawmakers criticized the talks"), unlike "signed/held/reached".
COMMENT_VERBS = frozenset(
    {
        "herald",
        "hail",
        "praise",
        "applaud",
        "welcome",
        "tout",
        "celebrate",
        "endorse",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "decry",
        "slam",
        "blast",
        "lambaste",
        "lambast",  # the lemma spaCy gives "lambasted"
        "ridicule",
        "attack",
        "oppose",
        "reject",
        "protest",
        "question",
        "challenge",
        "dispute",
        "defend",
        "mock",
        "dismiss",
        "blame",
        # who tells of it again: "she cited Holt's visit to the UN" (not "recalled", said as often
        # of one's own calls and meetings)
        "cite",
        "mention",
        "invoke",
        # who likens it to something else: "Moe likened the peace talks to a real estate deal"
        "liken",
        "compare",
    }
)

#: Verbs of a reaction to, or an act on, an agreement that already exists: "denounced the pact
#: between A and B", "welcomed the deal", "scrapped the accord". The date and place of their
#: clause are the reaction's, not the deal's (the subject of an act on it may be a party).
REACTION_VERBS = COMMENT_VERBS | frozenset(
    {
        "violate",
        "breach",
        "scrap",
        "cancel",
        "terminate",
        "suspend",
        "abandon",
        "renounce",
        "review",
        "implement",
        "honor",
        "honour",
        "cite",
        "mention",
        "describe",
        "declare",
        # leaving an agreement: "withdrew the US from the treaty", "quit the accord"
        "withdraw",
        "exit",
        "quit",
    }
)
