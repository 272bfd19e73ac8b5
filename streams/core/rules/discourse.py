"""Who "he", "both countries" and "the two sides" mean in a meeting or agreement sentence.

Meeting and agreement sentences often name their parties indirectly: "He is expected to
meet Xi", "Both countries agreed to ...", "the agreements signed by the two sides". This
walks the article's sentences in order and keeps just enough state to resolve them:
the person the text was last about (the last named person who was a clause's subject),
the countries named so far, and the parties of the last meeting or agreement found.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.core.lexicon.groups import COUNTRY_GROUP_NOUNS, GROUP_DETERMINERS, PARTY_GROUP_NOUNS
from streams.core.lexicon.people import PERSON_PRONOUNS, PERSON_TITLES, ROLE_NOUNS
from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.model import Actor, Role
from streams.core.normalise.countries import country_for
from streams.core.normalise.gazetteer import country_place
from streams.core.rules.actors import ActorResolver
from streams.core.rules.gender import learn_genders, pronoun_gender
from streams.core.rules.syntax import clause_verb
from streams.core.spans import CharSpans

#: Nouns that, with "the", describe one person the text named with them: "the speaker", "the
#: former secretary of state". Not the words of a title that only qualify it ("state", "foreign").
DESCRIBED_HEADS = (
    PERSON_TITLES | ROLE_NOUNS | frozenset({"speaker", "nominee", "candidate", "mogul"})
) - frozenset(
    {"state", "former", "late", "ex", "vice", "deputy", "foreign", "prime", "defence", "defense", "finance"}
    | {"trade", "interior", "general", "chief", "executive", "head", "official", "aide", "adviser", "advisor"}
)


#: How many sentences back the person a bare description ("the candidate", "the senator") stands
#: for may have been named last: further back, the description may mean someone named since.
BARE_DESCRIPTION_REACH = 3

#: How many of the last named subjects a "he" or "she" may go back to, passing those of the other gender.
RECENT_SUBJECTS = 2


class DiscourseContext:
    """Feed it every sentence in order (``advance``); ask it whom a slot word means (``referents``)."""

    def __init__(self, actors: ActorResolver) -> None:
        self.actors = actors
        self.salient_person: Actor | None = None
        # the last named people who were a clause's subject, latest last: "she" is the last of them
        # the text does not show to be a man (and "he" the last not shown to be a woman)
        self.subjects: list[Actor] = []
        self.genders: dict[str, str] = {}  # person -> "m" or "f", from the text's own words (gender.py)
        self.countries: list[Actor] = []  # distinct countries in order of last mention
        self.last_parties: list[Actor] = []  # parties of the last meeting or agreement with two or more
        self.sentences_since_parties = 0  # sentences read since ``last_parties`` were found
        # the parties of the last event at which two or more people met or agreed, and the sentences
        # read since: "the foreign ministers" are those people even when a deal between two countries
        # was told after their meeting
        self.last_people: list[Actor] = []
        self.sentences_since_people = 0
        # the words of the titles and appositions said of each person so far ("House Speaker Paul
        # Ryan", "Ana Ruiz, the former secretary of state"): "the speaker" may stand for that person
        self.descriptions: dict[str, tuple[Actor, set[str]]] = {}
        # the sentences read so far, and the last one that named each person (counted from 0)
        self.sentences_read = 0
        self.last_named: dict[str, int] = {}
        # named organisations and people of the last few sentences, most recent last: "the two companies"
        self.recent: list[list[Actor]] = []
        # the same, only those that were a subject, an object or the other side (with/against/between)
        self.recent_sides: list[list[Actor]] = []
        # the named members of the last sentence's plural main-clause subject, and where that sentence
        # ended (a character offset): "The ministers of Chile and Peru arrived. They met X" (one paragraph)
        self.subject_group: list[Actor] = []
        self.subject_group_end = -1

    def referents(self, token: Token, role: Role) -> list[Actor]:
        """Whom a pronoun or group phrase in a party slot stands for ("he", "they", "both sides")."""
        earlier = self._named_before_in_sentence(token)
        if earlier is not None:
            return [_with_role(earlier, role)]
        if token.lower_ in PERSON_PRONOUNS and self.salient_person is not None:
            # the last subject the text does not show to be of the other gender: recency decides,
            # the text's gender only rules out ("Ms. Lane spoke. Mr. Berg arrived. She met X": Lane)
            wanted = pronoun_gender(token.lower_)
            recent = self.subjects[-RECENT_SUBJECTS:]
            fitting = [p for p in recent if self.genders.get(p.name, wanted) in (wanted, "?")]
            return [_with_role(fitting[-1], role)] if fitting else []
        if token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass") and self._follows_group(token):
            return [_with_role(a, role) for a in self.subject_group]
        if token.lower_ in ("they", "them") and len(self.last_parties) >= 2:
            # "They signed the agreement" after a meeting of two: the ones who met
            return [_with_role(a, role) for a in self.last_parties]
        described = self.described_person(token)
        if described is not None:
            return [_with_role(described, role)]
        if self._is_group(token) or _the_two(token):
            group = self._group(token) if self._is_group(token) else self.last_parties
            if len(group) < 2 and token.dep_ in ("nsubj", "nsubjpass") and self._follows_group(token):
                # "Lund and Berg flew to Oslo on Monday. The two leaders held talks": the two just named
                group = self.subject_group
            return [_with_role(a, role) for a in self._described_among(token, group)]
        # "the company", "the firm", "the Sunnyvale, Calif., company" (where it is based says no more)
        words = [c.lower_ for c in token.children if c.dep_ not in ("case", "punct") and c.ent_type_ != "GPE"]
        if token.lower_ in COMPANY_NOUNS and words == ["the"]:
            # "the company's contract with the union": the one company named in the last sentences,
            # none before it in its own (not "the combined company", not one of two)
            before = [
                a for a in self.actors.actors_in(token.sent.start, token.i, role) if a.kind != "country"
            ]
            companies = {a.name: a for sentence in self.recent for a in sentence if a.kind == "organization"}
            if len(companies) == 1 and not before:  # "After Fiat's announcement, the company": unsure
                return [_with_role(a, role) for a in companies.values()]
            if len(before) == 1 and before[0].kind == "organization" and _reported_by_its_subject(token):
                # "Acme announced that the company is selling ...": the one body that says it
                return [_with_role(before[0], role)]
        return []

    def _named_before_in_sentence(self, pronoun: Token) -> Actor | None:
        """The person a pronoun stands for when its own sentence named one before it. A subject "he"
        or "she": the named subject of a clause above it (``_subject_above``). An object "him" or
        "her": the nearest person named before it who is not the subject of the pronoun's own
        clause ("with Berg calling Hale his friend, meeting with him": Hale; "Lund said Berg met
        him": Lund). A clause's subject never is its own object, and a name just read outweighs
        the last sentence's subject."""
        if pronoun.lower_ in ("he", "she") and pronoun.dep_ in ("nsubj", "nsubjpass"):
            return self._subject_above(pronoun)
        if pronoun.lower_ not in ("him", "her") or pronoun.dep_ not in ("dobj", "pobj", "dative"):
            return None
        own_subjects = _subjects_of_own_clause(pronoun)
        wanted = pronoun_gender(pronoun.lower_)
        people = [
            (ent, actor)
            for ent, actor in self.actors.entity_actors_in(pronoun.sent.start, pronoun.i, "participant")
            if actor.kind == "person" and ent.label_ == "PERSON"
        ]
        for ent, actor in reversed(people):
            if any(ent.start <= s.i < ent.end for s in own_subjects):
                continue
            if self.genders.get(actor.name, wanted) not in (wanted, "?"):
                continue
            return actor
        return None

    def described_person(self, token: Token) -> Actor | None:
        """ "met the former secretary of state": the one person the text described so before, by
        the words of the description (its title noun, its modifiers and its of-phrase)."""
        # a lower-case title the tagger took for a name ("the president visits Kuwait": NNP), and a
        # capitalised one no entity holds ("a meeting with the Prime Minister")
        if not (
            token.tag_ == "NN" or (token.tag_ == "NNP" and (token.text.islower() or not token.ent_type_))
        ):
            return None
        if token.lower_ not in DESCRIBED_HEADS:
            return None
        if not any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in token.children):
            return None  # "the speaker", "Japan's prime minister"; not "a speaker"
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        modifiers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        # a country said of the office ("the US president", "Japan's", "the Chilean") must be the
        # person's, in whatever form ("Japanese Prime Minister Sato"); the other words must be said
        countries = {country_for(m.text) for m in modifiers if m.ent_type_ in ("GPE", "NORP")} - {None}
        wanted = {token.lower_} | {
            m.lower_ for m in modifiers if m.dep_ != "poss" and m.ent_type_ not in ("GPE", "NORP")
        }
        described = [
            (actor, words)
            for actor, words in self.descriptions.values()
            if wanted <= words
            and (not countries or countries & ({country_for(w) for w in words} | {actor.country}))
        ]
        bare = wanted == {token.lower_}
        if len(described) > 1 and bare and not countries:
            # "President Bush ... Palestinian President Abbas ... the president": the text gives the
            # other one's country to tell him apart; the bare title is the one it gave none
            described = [(a, words) for a, words in described if not any(map(country_for, words))]
        matches = [actor for actor, _ in described]
        if len(matches) != 1:
            return None
        since = self.sentences_read - self.last_named.get(matches[0].name, -BARE_DESCRIPTION_REACH - 1)
        if bare and since > BARE_DESCRIPTION_REACH:
            return None  # "the candidate", the man named just before, not one so described long ago
        return matches[0]

    def _learn_descriptions(self, sent: Span) -> None:
        """The title words before each person's name and the apposition beside it."""
        for ent in self.actors.document.entities_in(sent):
            if ent.label_ != "PERSON":
                continue
            actor = self.actors.actor(ent, "party")
            if actor is None or actor.kind != "person":
                continue
            root = ent.root
            phrases = [[t for t in root.subtree if t.i < ent.start]]
            phrases += [list(c.subtree) for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":  # "the speaker, Ana Ruiz"
                phrases.append([t for t in root.head.subtree if t.i < root.head.i + 1])
            words = {t.lower_ for phrase in phrases for t in phrase if not t.is_punct}
            if words:
                known = self.descriptions.get(actor.name, (actor, set()))[1]
                self.descriptions[actor.name] = (actor, known | words)

    def note_parties(self, parties: list[Actor]) -> None:
        """An event of the current sentence was found: later events of it may refer to its parties."""
        if len(parties) >= 2:
            self.last_parties = parties
            self.sentences_since_parties = 0
        if _people_among(parties):
            self.last_people = parties
            self.sentences_since_people = 0

    def parties_of_the_agreement(self, noun: Token, role: Role) -> list[Actor]:
        """ "The two pacts they signed were vague, and the trade deal struck in July ...": a definite
        agreement noun with a concluding verb of its own and no party named beside it is the
        agreement of the parties of the last event, when that was at most two sentences back."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if not definite or len(self.last_parties) < 2 or self.sentences_since_parties > 2:
            return []
        return [_with_role(a, role) for a in self.last_parties]

    def _follows_group(self, token: Token) -> bool:
        """Whether the sentence of ``token`` comes right after the one that named a plural subject,
        with no paragraph break (no line break) between."""
        if len(self.subject_group) < 2 or self.subject_group_end < 0:
            return False
        gap = token.doc.text[self.subject_group_end : token.sent.start_char]
        return not gap.strip() and "\n" not in gap

    @staticmethod
    def _is_group(token: Token) -> bool:
        """ "both sides", "the two countries", "the leaders": a plural noun of parties."""
        if token.lower_ not in COUNTRY_GROUP_NOUNS | PARTY_GROUP_NOUNS:
            return False
        words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod")}
        return bool(words & GROUP_DETERMINERS)

    def _group(self, token: Token) -> list[Actor]:
        if token.lower_ in PERSON_GROUP_NOUNS and self._people_meant(token):
            return self.last_people  # "the foreign ministers": the people, not the countries of a deal since
        if token.lower_ in PARTY_GROUP_NOUNS and len(self.last_parties) >= 2:
            return self.last_parties
        if token.lower_ in RECENT_PAIR_NOUNS and _says_two(token):
            # "Acme and Beta fought in court ... a settlement signed by the two parties": the last two named
            kinds = RECENT_PAIR_NOUNS[token.lower_]
            named: dict[str, Actor] = {}
            # and those named before it in its own sentence ("Acme claims Beta broke a deal between the
            # two companies")
            for sentence in [*self.recent, self.actors.actors_in(token.sent.start, token.i, "party")]:
                for actor in sentence:
                    if actor.kind in kinds:
                        named.setdefault(actor.name, actor)
            if len(named) == 2:
                return list(named.values())
            # three named: the two that were a clause's arguments ("Acme lost its case against Beta in
            # the High Court"), not a venue or a possessor; else which two is unsure
            sides: dict[str, Actor] = {}
            for sentence in self.recent_sides:
                for actor in sentence:
                    if actor.kind in kinds:
                        sides.setdefault(actor.name, actor)
            if len(named) > 2 and len(sides) == 2:
                return list(sides.values())
            if token.lower_ == "companies":
                return []  # never countries for "the two companies"
        if _says_every(token):
            # "the presidents of each country", "all the countries": every one the last sentence
            # that named several did
            for sentence in reversed(self.recent):
                every = list({a.name: a for a in sentence if a.kind == "country"}.values())
                if len(every) >= 2:
                    return every
        count = _group_size(token)
        if len(self.countries) >= count:
            return self.countries[-count:]  # "the three countries": the last three named
        return self.last_parties

    def _described_among(self, token: Token, group: list[Actor]) -> list[Actor]:
        """ "The energy ministers" after a meeting of prime ministers and energy ministers: those
        of the group the text described with the words of the phrase, when two or more were."""
        if token.lower_ not in PERSON_GROUP_NOUNS:
            return group
        words = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and not c.ent_type_}
        if not words:
            return group
        words.add(token.lemma_.lower())
        described = [a for a in group if words <= self.descriptions.get(a.name, (a, set()))[1]]
        return described if len(described) >= 2 else group

    def _people_meant(self, token: Token) -> bool:
        """Whether a people noun ("the ministers") goes back to the last people who met rather
        than to the last parties: when those are not people (two or more) and the people were
        named a few sentences back. "The leaders of both countries" says whose leaders: not then."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return False
        if _people_among(self.last_parties):
            return False  # the last parties are people themselves
        return len(self.last_people) >= 2 and self.sentences_since_people <= PEOPLE_SENTENCES

    def advance(self, sent: Span, events_actors: list[list[Actor]], quotes: CharSpans | None = None) -> None:
        """Record what this sentence named, after its events were built. A subject inside a quote
        (``quotes``) is the speaker's words, not whom the narrative's next "he" means: '"If Hale
        wins I'll be stopped," he said. He planned to visit' is the speaker's plan, not Hale's."""
        in_sentence = self.actors.actors_in(sent.start, sent.end, "party")
        for actor in in_sentence:
            # a known country (not a city), or a person's country ("US President Trump")
            # (the gazetteer knows countries the demonym table does not: "South Sudan", "Chad")
            usual = country_for(actor.name) if actor.kind == "country" else None
            known = actor.kind == "country" and (usual or country_place(actor.name))
            country = (usual or actor.name) if known else None
            country = actor.country if actor.kind == "person" else country
            if country is not None:
                named = Actor(name=country, role="party", kind="country", country=country)
                self.countries = [c for c in self.countries if c.name != country] + [named]
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and not (quotes is not None and quotes.covers(token.idx)):
                # "The director of the centre, Ina Kirsch, told the AP": the person in apposition
                entity = self.actors.document.entity_at(token) or self._person_in_apposition(token)
                subject = self.actors.actor(entity, "participant") if entity is not None else None
                if subject is not None and subject.kind == "person":
                    self.salient_person = subject
                    self.subjects = [*[p for p in self.subjects if p.name != subject.name][-7:], subject]
        self._learn_descriptions(sent)
        for actor in in_sentence:
            if actor.kind == "person":
                self.last_named[actor.name] = self.sentences_read
        self.sentences_read += 1
        learn_genders(sent, self.actors, self.genders)
        self.sentences_since_parties += 1
        self.sentences_since_people += 1
        for group in events_actors:
            self.note_parties(group)
        self.subject_group = self._subject_group(sent)
        last = next((t for t in reversed(sent) if not t.is_space), None)  # its last word
        self.subject_group_end = last.idx + len(last) if last is not None else -1
        mentioned = [a for a in in_sentence if a.kind in NAMED_KINDS]
        self.recent = [*self.recent[-(RECENT_SENTENCES - 1) :], mentioned]
        sides = [
            a
            for ent, a in self.actors.entity_actors_in(sent.start, sent.end, "party")
            if a.kind in NAMED_KINDS and _side(ent.root)
        ]
        self.recent_sides = [*self.recent_sides[-(RECENT_SENTENCES - 1) :], sides]

    def _subject_above(self, pronoun: Token) -> Actor | None:
        """The named person who is the subject of a clause above a subject "he" or "she" in its own
        sentence: "Tom Hale, president of the fund, said every conversation he has had with donors
        ...": Hale, not the last sentence's subject."""
        entity = self.actors.document.person_subject_above(pronoun)
        actor = self.actors.actor(entity, "participant") if entity is not None else None
        wanted = pronoun_gender(pronoun.lower_)
        if entity is None or actor is None or self.genders.get(actor.name, wanted) not in (wanted, "?"):
            return None
        salient = self.salient_person
        if salient is not None and len(entity) == 1 and salient.name.split()[-1] == entity.text:
            return salient  # "Bill Clinton greeted voters. Clinton arrived ... where he met X": Bill
        return actor

    def _person_in_apposition(self, token: Token) -> Span | None:
        """The person named in apposition inside a subject that is a description, wherever the parser
        hangs the apposition in it ("The director of the centre, Ina Kirsch,": on "centre"); not one
        inside a clause of the subject ("a man who met Ina Kirsch")."""
        for word in token.subtree:
            if word.dep_ != "appos":
                continue
            path = [a for a in word.ancestors if a.i != token.i and token.is_ancestor(a)]
            if any(a.dep_ in ("relcl", "acl", "advcl", "ccomp") for a in path):
                continue
            entity = self.actors.document.entity_at(word)
            if entity is not None and entity.label_ == "PERSON":
                return entity
        return None

    def _subject_group(self, sent: Span) -> list[Actor]:
        """The named parties making up the plural subject of the sentence's main clause
        ("the foreign ministers of Chile and Peru", "Acme and Beta"); none when the subject
        carries a clause of its own or names fewer than two."""
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1:
            return []
        subject = subjects[0]
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        span = sent.doc[subject.left_edge.i : subject.right_edge.i + 1]
        if not plural or any(t.pos_ in ("VERB", "AUX") or t.text in (",", "(", ")") for t in span):
            return []
        group: dict[str, Actor] = {}
        for actor in self.actors.actors_in(span.start, span.end, "party"):
            if actor.kind in NAMED_KINDS:
                group.setdefault(actor.name, actor)
        return list(group.values()) if len(group) >= 2 else []


#: Group nouns that mean people, who may have met before a deal of their countries was told.
PERSON_GROUP_NOUNS = frozenset({"leaders", "presidents", "ministers", "men", "women"})
#: How many sentences back "the ministers" may find the people who met.
PEOPLE_SENTENCES = 8
#: Nouns that, with "the" alone, stand for the one company the last sentences named: "the firm".
COMPANY_NOUNS = frozenset({"company", "firm", "corporation"})


#: Clauses whose missing subject is their head clause's: "calling Hale his friend, meeting with him".
CONTROLLED_CLAUSES = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})


def _subjects_of_own_clause(pronoun: Token) -> list[Token]:
    """The subject of the clause a pronoun is the object of, through the clauses that share their
    head's subject; none when the walk finds no subject."""
    verb = clause_verb(pronoun.head) if pronoun.head.i != pronoun.i else None
    for _ in range(6):
        if verb is None:
            return []
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        if verb.dep_ not in CONTROLLED_CLAUSES or verb.head.i == verb.i:
            return []
        verb = clause_verb(verb.head)
    return []


def _reported_by_its_subject(token: Token) -> bool:
    """Whether ``token`` is in a that-clause of a speech verb ("Acme announced that the company is
    selling it"): the clause's subject is the body speaking of itself."""
    verb = clause_verb(token)
    return verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_LEMMAS


#: How far back "the two companies" looks: the paragraph before, roughly.
RECENT_SENTENCES = 3
NAMED_KINDS = frozenset({"organization", "person", "country"})
#: Group nouns that name a pair by kind when no meeting or agreement gave the pair: the two named
#: of that kind in the last few sentences when there are exactly two, or nothing.
RECENT_PAIR_NOUNS: dict[str, frozenset[str]] = {
    "companies": frozenset({"organization"}),
    "parties": frozenset({"organization", "person", "country"}),
    "sides": frozenset({"organization", "person", "country"}),
    "men": frozenset({"person"}),
    "women": frozenset({"person"}),
}


#: Number words a group noun can carry: "the three countries".
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _people_among(parties: list[Actor]) -> bool:
    """Whether two or more of the parties are people: a meeting of people, not only of countries."""
    return sum(1 for p in parties if p.kind == "person") >= 2


def _group_size(token: Token) -> int:
    """How many a group phrase names: "the three countries" 3; "both countries", "the two sides"
    and a group with no number 2 (the pair the text was about)."""
    for child in token.children:
        if child.dep_ == "nummod":
            if child.lower_ in _NUMBER_WORDS:
                return _NUMBER_WORDS[child.lower_]
            if child.text.isdigit() and 2 <= int(child.text) <= 6:
                return int(child.text)
    return 2


def _says_every(token: Token) -> bool:
    """ "each country", "every nation", "all the countries", "the presidents of each country": the
    whole group named before."""
    words = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(
        c.dep_ in ("det", "predet") and c.lower_ in ("each", "every", "all")
        for w in words
        for c in w.children
    )


def _says_two(token: Token) -> bool:
    """ "the two companies", "both sides": a pair, not "the companies" or "the parties" at large."""
    return any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "both") for c in token.children)


def _with_role(actor: Actor, role: Role) -> Actor:
    return Actor(
        name=actor.name,
        role=role,
        kind=actor.kind,
        title=actor.title,
        country=actor.country,
        organization=actor.organization,
    )


#: Prepositions whose object is the other side of a clause: "a case against Beta", "a deal with Beta".
SIDE_PREPS = frozenset({"with", "against", "between"})


def _side(word: Token) -> bool:
    """Whether a name's head word is a clause's subject or object, or the other side after
    with/against/between, directly or as a conjunct ("Acme and Beta sued")."""
    while word.dep_ == "conj":
        word = word.head
    if word.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    return word.dep_ == "pobj" and word.head.lower_ in SIDE_PREPS


#: Words that stand for two just named, with "the": "the two held talks", "the pair met".
_PAIR_WORDS = frozenset({"two", "pair", "duo"})


def _the_two(token: Token) -> bool:
    """ "the two", "the pair" alone, as a party: the two the text named last."""
    return token.lower_ in _PAIR_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
