"""Did it happen? Modality of an event mention from its clause: asserted,
negated ("did not meet", "no agreement was signed", "without any deal"),
hypothetical ("concerns the two would sign", "could", "may", "if") or planned
("will visit next week", "is due to meet", "scheduled to sign").

Follows the FactBank/TimeML distinction between factual, counterfactual and
possible events, reduced to what a timeline needs: only asserted and planned
events enter it; the rest are kept as mentions.
"""

from __future__ import annotations

from timeline.vocabulary import Modality

ASSERTED, PLANNED, NEGATED, HYPOTHETICAL = (
    Modality.ASSERTED,
    Modality.PLANNED,
    Modality.NEGATED,
    Modality.HYPOTHETICAL,
)

SPECULATIVE_MODALS = {"could", "might", "may", "should", "must", "can", "ca", "would"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Verbs whose complement has not happened (yet): "plans to visit", "is due to meet".
# "is to arrive" (be + to-infinitive) and "is likely to visit" are scheduled or expected.
PLANNING_VERBS = {"plan", "schedule", "set", "due", "go", "prepare", "intend", "arrange", "likely", "be"}
SPECULATIVE_VERBS = {
    "expect",
    "hope",
    "want",
    "seek",
    "try",
    "aim",
    "consider",
    "wish",
    "like",
    "threaten",
    "propose",
    "suggest",
    "urge",
    "call",
    "ask",
    "offer",
    "invite",
    "demand",
    "request",
    "need",
    "fear",
    "doubt",
    "speculate",
    "predict",
    "rule",
    "push",
    "press",
    "favor",
    "favour",
    "oppose",
    "reject",
    "refuse",
    "decline",
    "deny",
    "postpone",
    "cancel",
    "delay",
    "avoid",
    "prevent",
    "block",
    "discuss",
    "agree",
    "appeal",
}
# "asked for talks", "called for negotiations": what is asked for has not happened.
REQUESTING_VERBS = {"ask", "call", "press", "push", "appeal", "clamor", "clamour", "plead"}
REQUEST_NOUNS = {"request", "call", "demand", "appeal", "proposal", "offer", "invitation", "plea"}
NEGATING_VERBS = {"fail", "refuse", "decline", "deny", "cancel", "postpone", "call off", "scrap", "avoid"}
SPECULATIVE_NOUNS = {
    "concern",
    "fear",
    "speculation",
    "rumor",
    "rumour",
    "possibility",
    "prospect",
    "hope",
    "chance",
    "risk",
    "question",
    "idea",
    "plan",
    "proposal",
    "call",
    "demand",
    "request",
    "offer",
    "threat",
    "warning",
    "expectation",
    "likelihood",
    "report",
    "suggestion",
    "right",
    "option",
    "power",
    "authority",
    "ability",  # "has the right to ask for"
}
PRESUPPOSING_PREPOSITIONS = {"during", "at", "after", "before", "since", "following", "ahead", "on", "in", "throughout"}
ANNOUNCING_VERBS = {"announce", "unveil", "approve", "adopt", "confirm"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}


def modality(trigger, *, future_date: bool = False) -> str:  # noqa: C901
    """The modality of the event a trigger token reports."""
    if _negated(trigger):
        return NEGATED
    node = prev = trigger
    planned = future_date
    for depth in range(6):
        children = list(node.children)
        lemmas = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return HYPOTHETICAL
        if lemmas & FUTURE_AUX:
            planned = True
        if lemmas & SPECULATIVE_MODALS:
            would_only = lemmas & SPECULATIVE_MODALS == {"would"}
            # "officials said the two sides would meet the week after": after a
            # past reporting verb "would" is the future seen from the past.
            if not (would_only and (future_date or _reported_future(node))):
                return HYPOTHETICAL
            planned = True
        if (
            depth > 0
            and node.pos_ == "VERB"
            and any(
                c.dep_ in ("nsubj", "nsubjpass")
                and c.lemma_.lower() in ("date", "time", "timetable")
                and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in node.children
            )
        ):
            return HYPOTHETICAL  # "no date had been set for the talks": not scheduled
        if depth > 0:
            lemma = node.lemma_.lower()
            if (
                node.pos_ in ("VERB", "ADJ", "AUX")
                and lemma in PLANNING_VERBS
                and _is_complement(prev)
                and (lemma != "be" or prev.dep_ == "xcomp")
            ):
                planned = True
            elif node.pos_ == "VERB" and _rules_out(node) and (_is_complement(prev) or prev.dep_ == "advcl"):
                return NEGATED
            elif node.pos_ == "VERB" and lemma in NEGATING_VERBS and _is_complement(prev):
                return NEGATED
            elif node.pos_ == "VERB" and lemma in REQUESTING_VERBS and prev.dep_ == "prep" and prev.lower_ == "for":
                return HYPOTHETICAL  # "asked for consultations": requested, not held
            elif (
                node.pos_ == "VERB"
                and prev.dep_ == "prep"
                and prev.lower_ == "for"
                and any(c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS for c in node.children)
            ):
                return HYPOTHETICAL  # "make a request next week for talks": the parser hangs "for" on the verb
            elif (
                node.pos_ == "NOUN" and lemma in REQUEST_NOUNS and prev.dep_ == "prep" and prev.lower_ in ("for", "of")
            ):
                return HYPOTHETICAL  # "a formal request for emergency talks", "an offer of talks"
            elif (
                node.pos_ in ("VERB", "ADJ")
                and lemma in SPECULATIVE_VERBS
                and prev.dep_ == "prep"
                and prev.lower_ in ("at", "for", "towards", "toward")
            ):
                return HYPOTHETICAL  # "efforts aimed at starting discussions", "hoped for talks"
            elif node.pos_ in ("VERB", "ADJ") and lemma in SPECULATIVE_VERBS and _is_complement(prev):
                if lemma == "expect" and future_date:
                    planned = True
                else:
                    return HYPOTHETICAL
            elif (
                node.pos_ == "NOUN"
                and lemma in SPECULATIVE_NOUNS
                and prev.dep_ in ("acl", "ccomp", "relcl", "xcomp", "advcl")
            ):
                # "announced plans to put tariffs on ...": an announced plan is planned.
                if node.dep_ == "dobj" and node.head.lemma_.lower() in ANNOUNCING_VERBS:
                    planned = True
                else:
                    return HYPOTHETICAL
        if node.dep_ in ("ROOT",) or node.head.i == node.i:
            break
        # "moving towards starting discussions": what is approached has not happened.
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in ("towards", "toward"):
            return HYPOTHETICAL
        # "during a meeting", "after the talks": an adjunct presupposes its event.
        if node.dep_ == "pobj" and node.head.lower_ in PRESUPPOSING_PREPOSITIONS:
            break
        # Stop at the edge of a reported clause: "X said he met Y" asserts the meeting.
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in ("say", "tell", "report", "announce", "add", "confirm"):
            break
        prev = node
        node = node.head
    return PLANNED if planned else ASSERTED


def _reported_future(verb) -> bool:
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said Japan would ask ... and that the two would meet"
    head = clause.head
    return (
        clause.dep_ == "ccomp"
        and head.tag_ == "VBD"
        and head.lemma_.lower() in ("say", "tell", "announce", "add", "report")
    )


def _rules_out(verb) -> bool:
    """ "ruled out using powers to retaliate": what is ruled out will not happen."""
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _is_complement(child) -> bool:
    return child.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "nsubjpass")


def _negated(trigger) -> bool:
    node = trigger
    for child in node.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ in ("no",):
            return True
    head = trigger.head
    if head.lower_ == "without" and trigger.dep_ == "pobj":
        return True
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj"):
        # "did not reach an agreement", "no talks were held"
        if any(c.dep_ == "neg" for c in head.children):
            return True
    return False
