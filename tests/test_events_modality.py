"""Modality rules on hand-built parses: each row is an invented sentence, the
trigger marked `*`, the modality it gets and the rule that decides it (or ends
the walk up from the trigger)."""

from __future__ import annotations

import pytest
from conftest import marked, parse, sentence

from timeline.events.modality import MODALITY, modality, modality_and_rule

# (rule, modality, notation); rows with a future date are in FUTURE_DATED.
CASES = [
    # did not meet / no talks / without an agreement / did not reach an agreement
    ("negation", "negated", "The/DT/det/3 two/CD/nummod/3 foreign/JJ/amod/3 ministers/NNS/nsubj/6/=minister did/VBD/aux/6/=do not/RB/neg/6 *meet/VB/ROOT/6 in/IN/prep/6 Geneva/NNP/pobj/7 on/IN/prep/6 Tuesday/NNP/pobj/9 ././punct/6"),
    ("negation", "negated", "No/DT/det/1 *talks/NNS/nsubjpass/3/=talk were/VBD/auxpass/3/=be held/VBN/ROOT/3/=hold between/IN/prep/3 Hanoi/NNP/pobj/4 and/CC/cc/5 Seoul/NNP/conj/5 last/JJ/amod/9 week/NN/npadvmod/3 ././punct/3"),
    ("negation", "negated", "The/DT/det/1 envoys/NNS/nsubj/2/=envoy left/VBD/ROOT/2/=leave Oslo/NNP/dobj/2 without/IN/prep/2 an/DT/det/6 *agreement/NN/pobj/4 on/IN/prep/6 fishing/NN/compound/9 rights/NNS/pobj/7/=right ././punct/2"),
    ("negation", "negated", "Ottawa/NNP/nsubj/3 did/VBD/aux/3/=do not/RB/neg/3 reach/VB/ROOT/3 an/DT/det/5 *agreement/NN/dobj/3 with/IN/prep/5 Lima/NNP/pobj/6 on/IN/prep/3 Monday/NNP/pobj/8 ././punct/3"),
    ("negation", "negated", "They/PRP/nsubj/3 will/MD/aux/3 not/RB/neg/3 *sign/VB/ROOT/3 the/DT/det/5 accord/NN/dobj/3 ././punct/3"),
    # if they meet / unless Rome agrees
    ("condition", "hypothetical", "Rome/NNP/nsubj/2 will/MD/aux/2 accept/VB/ROOT/2 the/DT/det/4 offer/NN/dobj/2 if/IN/mark/9 the/DT/det/8 two/CD/nummod/8 leaders/NNS/nsubj/9/=leader *meet/VBP/advcl/2 next/JJ/amod/11 month/NN/npadvmod/9 ././punct/2"),
    ("condition", "hypothetical", "Warsaw/NNP/nsubj/2 will/MD/aux/2 sign/VB/ROOT/2 the/DT/det/4 pact/NN/dobj/2 unless/IN/mark/7 Kiev/NNP/nsubj/7 *rejects/VBZ/advcl/2/=reject it/PRP/dobj/7 ././punct/2"),
    ("condition", "hypothetical", "The/DT/det/1 union/NN/nsubj/3 will/MD/aux/3 hold/VB/ROOT/3 talks/NNS/dobj/3/=talk with/IN/prep/4 the/DT/det/7 employers/NNS/pobj/5/=employer if/IN/mark/11 the/DT/det/10 *strike/NN/nsubj/11 ends/VBZ/advcl/3/=end ././punct/3"),
    # will visit / shall meet / 'll sign
    ("future-auxiliary", "planned", "The/DT/det/1 premier/NN/nsubj/3 will/MD/aux/3 *visit/VB/ROOT/3 Nairobi/NNP/dobj/3 next/JJ/amod/6 week/NN/npadvmod/3 ././punct/3"),
    ("future-auxiliary", "planned", "Ms/NNP/compound/1 Okafor/NNP/nsubj/3 shall/MD/aux/3 *meet/VB/ROOT/3 the/DT/det/6 Chilean/JJ/amod/6 envoy/NN/dobj/3 on/IN/prep/3 Thursday/NNP/pobj/7 ././punct/3"),
    ("future-auxiliary", "planned", "They/PRP/nsubj/2 'll/MD/aux/2/=will *sign/VB/ROOT/2 the/DT/det/4 treaty/NN/dobj/2 in/IN/prep/4 Vienna/NNP/pobj/5 ././punct/2"),
    # could meet / may recall / might travel; would after a past reporting verb
    ("speculative-modal", "hypothetical", "The/DT/det/2 two/CD/nummod/2 presidents/NNS/nsubj/4/=president could/MD/aux/4 *meet/VB/ROOT/4 in/IN/prep/4 Hanoi/NNP/pobj/5 later/RB/advmod/9 this/DT/det/9 year/NN/npadvmod/4 ././punct/4"),
    ("speculative-modal", "hypothetical", "Madrid/NNP/nsubj/2 may/MD/aux/2 *recall/VB/ROOT/2 its/PRP$/poss/4 ambassador/NN/dobj/2 to/IN/prep/2 Caracas/NNP/pobj/5 ././punct/2"),
    ("speculative-modal", "hypothetical", "Mr/NNP/compound/1 Ito/NNP/nsubj/3 might/MD/aux/3 *travel/VB/ROOT/3 to/IN/prep/3 Seoul/NNP/pobj/4 on/IN/prep/3 Friday/NNP/pobj/6 ././punct/3"),
    ("speculative-modal", "hypothetical", "There/EX/expl/1 are/VBP:VERB/ROOT/1/=be fears/NNS/attr/1/=fear that/IN/mark/8 the/DT/det/6 two/CD/nummod/6 presidents/NNS/nsubj/8/=president would/MD/aux/8 *sign/VB/acl/2 a/DT/det/10 pact/NN/dobj/8 ././punct/1"),
    ("speculative-modal", "planned", "Officials/NNS/nsubj/1/=official said/VBD/ROOT/1/=say on/IN/prep/1 Monday/NNP/pobj/2 that/IN/mark/9 the/DT/det/7 two/CD/nummod/7 sides/NNS/nsubj/9/=side would/MD/aux/9 *meet/VB/ccomp/1 the/DT/det/11 week/NN/npadvmod/9 after/RB/advmod/9 ././punct/1"),
    ("speculative-modal", "planned", "Officials/NNS/nsubj/1/=official told/VBD/ROOT/1/=tell reporters/NNS/dobj/1/=reporter that/IN/mark/7 Mr/NNP/compound/5 Ibsen/NNP/nsubj/7 would/MD/aux/7 *visit/VB/ccomp/1 Oslo/NNP/dobj/7 the/DT/det/11 following/JJ/amod/11 week/NN/npadvmod/7 ././punct/1"),
    # a second reported clause in coordination: "said Peru would ask ... and that the two would meet"
    ("speculative-modal", "planned", "Officials/NNS/nsubj/1/=official said/VBD/ROOT/1/=say Peru/NNP/nsubj/4 would/MD/aux/4 ask/VB/ccomp/1 for/IN/prep/4 help/NN/pobj/5 and/CC/cc/4 that/IN/mark/13 the/DT/det/11 two/CD/nummod/11 presidents/NNS/nsubj/13/=president would/MD/aux/13 *meet/VB/conj/4 in/IN/prep/13 May/NNP/pobj/14 ././punct/1"),
    ("speculative-modal", "planned", "The/DT/det/1 spokesman/NN/nsubj/2 announced/VBD/ROOT/2/=announce that/IN/mark/7 the/DT/det/5 premier/NN/nsubj/7 would/MD/aux/7 *travel/VB/ccomp/2 to/IN/prep/7 Rome/NNP/pobj/8 ././punct/2"),
    ("speculative-modal", "planned", "The/DT/det/1 ministry/NN/nsubj/2 confirmed/VBD/ROOT/2/=confirm that/IN/mark/7 Mr/NNP/compound/5 Obi/NNP/nsubj/7 would/MD/aux/7 *visit/VB/ccomp/2 Accra/NNP/dobj/7 ././punct/2"),
    # no date has been set for the talks
    ("no-date-set", "hypothetical", "No/DT/det/1 date/NN/nsubjpass/4 has/VBZ/aux/4/=have been/VBN/auxpass/4/=be set/VBN/ROOT/4 for/IN/prep/4 the/DT/det/7 *talks/NNS/pobj/5/=talk between/IN/prep/7 Quito/NNP/pobj/8 and/CC/cc/9 Lima/NNP/conj/9 ././punct/4"),
    ("no-date-set", "hypothetical", "No/DT/det/1 time/NN/nsubjpass/4 has/VBZ/aux/4/=have been/VBN/auxpass/4/=be fixed/VBN/ROOT/4/=fix for/IN/prep/4 the/DT/det/7 *summit/NN/pobj/5 ././punct/4"),
    ("no-date-set", "hypothetical", "No/DT/det/1 timetable/NN/nsubjpass/4 has/VBZ/aux/4/=have been/VBN/auxpass/4/=be agreed/VBN/ROOT/4/=agree for/IN/prep/4 the/DT/det/7 *withdrawal/NN/pobj/5 ././punct/4"),
    # is due to visit / plans to meet / is to arrive / is likely to sign / is set to / is preparing to / intends to
    ("planning-verb", "planned", "The/DT/det/1 chancellor/NN/nsubj/2 is/VBZ/ROOT/2/=be due/JJ/acomp/2 to/TO/aux/5 *visit/VB/xcomp/3 Lisbon/NNP/dobj/5 on/IN/prep/5 Monday/NNP/pobj/7 ././punct/2"),
    ("planning-verb", "planned", "Mr/NNP/compound/1 Tanaka/NNP/nsubj/2 plans/VBZ/ROOT/2/=plan to/TO/aux/4 *meet/VB/xcomp/2 the/DT/det/7 Dutch/JJ/amod/7 premier/NN/dobj/4 in/IN/prep/4 The/DT/det/10 Hague/NNP/pobj/8 ././punct/2"),
    ("planning-verb", "planned", "The/DT/det/1 king/NN/nsubj/2 is/VBZ/ROOT/2/=be to/TO/aux/4 *arrive/VB/xcomp/2 in/IN/prep/4 Amman/NNP/pobj/5 on/IN/prep/4 Sunday/NNP/pobj/7 ././punct/2"),
    ("planning-verb", "planned", "Seoul/NNP/nsubj/1 is/VBZ/ROOT/1/=be likely/JJ/acomp/1 to/TO/aux/4 *sign/VB/xcomp/2 the/DT/det/6 accord/NN/dobj/4 next/JJ/amod/8 week/NN/npadvmod/4 ././punct/1"),
    ("planning-verb", "planned", "The/DT/det/1 mayor/NN/nsubjpass/3 is/VBZ/auxpass/3/=be set/VBN/ROOT/3 to/TO/aux/5 *meet/VB/xcomp/3 the/DT/det/8 Czech/NNP/compound/8 ambassador/NN/dobj/5 on/IN/prep/5 Friday/NNP/pobj/9 ././punct/3"),
    ("planning-verb", "planned", "Moscow/NNP/nsubj/2 is/VBZ/aux/2/=be preparing/VBG/ROOT/2/=prepare to/TO/aux/4 *host/VB/xcomp/2 a/DT/det/6 summit/NN/dobj/4 of/IN/prep/6 Caspian/NNP/amod/9 states/NNS/pobj/7/=state ././punct/2"),
    ("planning-verb", "planned", "Mr/NNP/compound/1 Ferreira/NNP/nsubj/2 intends/VBZ/ROOT/2/=intend to/TO/aux/4 *visit/VB/xcomp/2 Luanda/NNP/dobj/4 in/IN/prep/4 March/NNP/pobj/6 ././punct/2"),
    # ruled out retaliating / ruled out talks
    ("ruled-out", "negated", "The/DT/det/1 minister/NN/nsubj/2 ruled/VBD/ROOT/2/=rule out/RP/prt/2 *retaliating/VBG/xcomp/2/=retaliate against/IN/prep/4 Canberra/NNP/pobj/5 ././punct/2"),
    ("ruled-out", "negated", "The/DT/det/1 president/NN/nsubj/2 ruled/VBD/ROOT/2/=rule out/RP/prt/2 *talks/NNS/dobj/2/=talk with/IN/prep/4 the/DT/det/7 rebels/NNS/pobj/5/=rebel ././punct/2"),
    ("ruled-out", "negated", "Mr/NNP/compound/1 Kovac/NNP/nsubj/2 ruled/VBD/ROOT/2/=rule out/RP/prt/2 a/DT/det/5 *meeting/NN/dobj/2 with/IN/prep/5 Mr/NNP/compound/8 Horvat/NNP/pobj/6 ././punct/2"),
    # failed to agree / refused to meet / declined to sign / postponed the visit / cancelled his trip
    ("negating-verb", "negated", "Brazil/NNP/nsubj/1 failed/VBD/ROOT/1/=fail to/TO/aux/3 *agree/VB/xcomp/1 on/IN/prep/3 a/DT/det/6 ceasefire/NN/pobj/4 with/IN/prep/6 Peru/NNP/pobj/7 ././punct/1"),
    ("negating-verb", "negated", "The/DT/det/2 Swiss/JJ/amod/2 envoy/NN/nsubj/3 refused/VBD/ROOT/3/=refuse to/TO/aux/5 *meet/VB/xcomp/3 the/DT/det/7 rebels/NNS/dobj/5/=rebel on/IN/prep/5 Friday/NNP/pobj/8 ././punct/3"),
    ("negating-verb", "negated", "Mr/NNP/compound/1 Ortega/NNP/nsubj/2 declined/VBD/ROOT/2/=decline to/TO/aux/4 *sign/VB/xcomp/2 the/DT/det/6 communique/NN/dobj/4 in/IN/prep/6 Managua/NNP/pobj/7 ././punct/2"),
    ("negating-verb", "negated", "Madrid/NNP/nsubj/1 postponed/VBD/ROOT/1/=postpone the/DT/det/3 *visit/NN/dobj/1 of/IN/prep/3 the/DT/det/7 Chilean/JJ/compound/7 minister/NN/pobj/4 ././punct/1"),
    ("negating-verb", "negated", "Mr/NNP/compound/1 Sato/NNP/nsubj/2 cancelled/VBD/ROOT/2/=cancel his/PRP$/poss/4 *trip/NN/dobj/2 to/IN/prep/4 Hanoi/NNP/pobj/5 ././punct/2"),
    # asked for consultations / called for talks / pressed for negotiations
    ("asked-for", "hypothetical", "Vietnam/NNP/nsubj/1 asked/VBD/ROOT/1/=ask for/IN/prep/1 *consultations/NNS/pobj/2/=consultation with/IN/prep/3 Beijing/NNP/pobj/4 ././punct/1"),
    ("asked-for", "hypothetical", "The/DT/det/1 Danes/NNPS/nsubj/2 called/VBD/ROOT/2/=call for/IN/prep/2 *talks/NNS/pobj/3/=talk on/IN/prep/4 the/DT/det/8 fishing/NN/compound/8 dispute/NN/pobj/5 ././punct/2"),
    ("asked-for", "hypothetical", "Ecuador/NNP/nsubj/1 pressed/VBD/ROOT/1/=press for/IN/prep/1 *negotiations/NNS/pobj/2/=negotiation on/IN/prep/3 the/DT/det/6 border/NN/pobj/4 ././punct/1"),
    ("asked-for", "hypothetical", "Bolivia/NNP/nsubj/2 will/MD/aux/2 call/VB/ROOT/2 next/JJ/amod/4 month/NN/npadvmod/2 for/IN/prep/2 *talks/NNS/pobj/5/=talk on/IN/prep/6 the/DT/det/10 gas/NN/compound/10 deal/NN/pobj/7 ././punct/2"),
    # will make a request next week for talks ("for" hung on the verb)
    ("request-made-for", "hypothetical", "Oslo/NNP/nsubj/2 will/MD/aux/2 make/VB/ROOT/2 a/DT/det/4 request/NN/dobj/2 next/JJ/amod/6 week/NN/npadvmod/2 for/IN/prep/2 *talks/NNS/pobj/7/=talk with/IN/prep/8 Moscow/NNP/pobj/9 ././punct/2"),
    ("request-made-for", "hypothetical", "The/DT/det/1 premier/NN/nsubj/3 will/MD/aux/3 issue/VB/ROOT/3 a/DT/det/5 demand/NN/dobj/3 on/IN/prep/3 Monday/NNP/pobj/6 for/IN/prep/3 *negotiations/NNS/pobj/8/=negotiation ././punct/3"),
    ("request-made-for", "hypothetical", "Peru/NNP/nsubj/1 filed/VBD/ROOT/1/=file an/DT/det/3 appeal/NN/dobj/1 last/JJ/amod/5 week/NN/npadvmod/1 for/IN/prep/1 arbitration/NN/compound/8 *talks/NNS/pobj/6/=talk ././punct/1"),
    # a formal request for emergency talks / an offer of talks / a call for negotiations
    ("request-noun", "hypothetical", "Kenya/NNP/nsubj/1 sent/VBD/ROOT/1/=send a/DT/det/4 formal/JJ/amod/4 request/NN/dobj/1 for/IN/prep/4 emergency/NN/compound/7 *talks/NNS/pobj/5/=talk ././punct/1"),
    ("request-noun", "hypothetical", "Athens/NNP/nsubj/1 welcomed/VBD/ROOT/1/=welcome an/DT/det/3 offer/NN/dobj/1 of/IN/prep/3 *talks/NNS/pobj/4/=talk from/IN/prep/5 Ankara/NNP/pobj/6 ././punct/1"),
    ("request-noun", "hypothetical", "The/DT/det/1 council/NN/nsubj/2 rejected/VBD/ROOT/2/=reject a/DT/det/4 call/NN/dobj/2 for/IN/prep/4 *negotiations/NNS/pobj/5/=negotiation ././punct/2"),
    # efforts aimed at starting discussions / hoped for talks
    ("aimed-at", "hypothetical", "Efforts/NNS/nsubj/7/=effort aimed/VBN/acl/0/=aim at/IN/prep/1 *starting/VBG/pcomp/2/=start discussions/NNS/dobj/3/=discussion with/IN/prep/4 Hanoi/NNP/pobj/5 continued/VBD/ROOT/7/=continue ././punct/7"),
    ("aimed-at", "hypothetical", "The/DT/det/1 Finns/NNP/nsubj/2 hoped/VBD/ROOT/2/=hope for/IN/prep/2 *talks/NNS/pobj/3/=talk with/IN/prep/4 Tallinn/NNP/pobj/5 ././punct/2"),
    ("aimed-at", "hypothetical", "The/DT/det/1 cabinet/NN/nsubj/2 hopes/VBZ/ROOT/2/=hope for/IN/prep/2 *negotiations/NNS/pobj/3/=negotiation with/IN/prep/4 the/DT/det/7 rebels/NNS/pobj/5/=rebel ././punct/2"),
    # hopes to meet / urged the president to visit / proposed holding talks / offered to negotiate / considered visiting
    ("speculative-verb", "hypothetical", "Mr/NNP/compound/1 Diallo/NNP/nsubj/2 hopes/VBZ/ROOT/2/=hope to/TO/aux/4 *meet/VB/xcomp/2 the/DT/det/7 Ghanaian/JJ/amod/7 president/NN/dobj/4 next/JJ/amod/9 week/NN/npadvmod/4 ././punct/2"),
    ("speculative-verb", "hypothetical", "The/DT/det/1 senators/NNS/nsubj/2/=senator urged/VBD/ROOT/2/=urge the/DT/det/4 president/NN/dobj/2 to/TO/aux/6 *visit/VB/xcomp/2 Kyiv/NNP/dobj/6 ././punct/2"),
    ("speculative-verb", "hypothetical", "Paris/NNP/nsubj/1 proposed/VBD/ROOT/1/=propose *holding/VBG/xcomp/1/=hold talks/NNS/dobj/2/=talk in/IN/prep/3 Geneva/NNP/pobj/4 ././punct/1"),
    ("speculative-verb", "hypothetical", "The/DT/det/1 rebels/NNS/nsubj/2/=rebel offered/VBD/ROOT/2/=offer to/TO/aux/4 *negotiate/VB/xcomp/2 with/IN/prep/4 the/DT/det/7 army/NN/pobj/5 ././punct/2"),
    ("speculative-verb", "hypothetical", "Ms/NNP/compound/1 Kaur/NNP/nsubj/2 considered/VBD/ROOT/2/=consider *visiting/VBG/xcomp/2/=visit Dhaka/NNP/dobj/3 in/IN/prep/3 the/DT/det/7 spring/NN/pobj/5 ././punct/2"),
    ("speculative-verb", "hypothetical", "Cairo/NNP/nsubj/1 expected/VBD/ROOT/1/=expect to/TO/aux/3 *host/VB/xcomp/1 the/DT/det/5 summit/NN/dobj/3 in/IN/prep/3 March/NNP/pobj/6 ././punct/1"),
    # fears that the two had signed / rumours that the envoys met / the possibility that Quito hosts; announced plans
    ("speculative-noun", "hypothetical", "There/EX/expl/1 were/VBD:VERB/ROOT/1/=be fears/NNS/attr/1/=fear that/IN/mark/7 the/DT/det/5 two/CD/nsubj/7 had/VBD/aux/7/=have *signed/VBN/acl/2/=sign a/DT/det/10 secret/JJ/amod/10 pact/NN/dobj/7 ././punct/1"),
    ("speculative-noun", "hypothetical", "Rumours/NNS/nsubj/7/=rumour that/IN/mark/4 the/DT/det/3 envoys/NNS/nsubj/4/=envoy *met/VBD/acl/0/=meet in/IN/prep/4 Rabat/NNP/pobj/5 spread/VBN/ROOT/7 on/IN/prep/7 Monday/NNP/pobj/8 ././punct/7"),
    ("speculative-noun", "hypothetical", "The/DT/det/1 possibility/NN/nsubj/7 that/IN/mark/4 Quito/NNP/nsubj/4 *hosts/VBZ/acl/1/=host the/DT/det/6 summit/NN/dobj/4 worried/VBD/ROOT/7/=worry Lima/NNP/dobj/7 ././punct/7"),
    ("speculative-noun", "planned", "Washington/NNP/nsubj/1 announced/VBD/ROOT/1/=announce plans/NNS/dobj/1/=plan to/TO/aux/4 *impose/VB/acl/2 tariffs/NNS/dobj/4/=tariff on/IN/prep/4 steel/NN/pobj/6 ././punct/1"),
    ("speculative-noun", "planned", "Canberra/NNP/nsubj/1 announced/VBD/ROOT/1/=announce plans/NNS/dobj/1/=plan to/TO/aux/4 *expel/VB/acl/2 two/CD/nummod/6 diplomats/NNS/dobj/4/=diplomat ././punct/1"),
    ("speculative-noun", "planned", "The/DT/det/1 ministers/NNS/nsubj/2/=minister approved/VBD/ROOT/2/=approve a/DT/det/4 plan/NN/dobj/2 to/TO/aux/6 *sign/VB/acl/4 the/DT/det/8 accord/NN/dobj/6 in/IN/prep/6 June/NNP/pobj/9 ././punct/2"),
    ("speculative-noun", "planned", "Rome/NNP/nsubj/1 unveiled/VBD/ROOT/1/=unveil a/DT/det/3 proposal/NN/dobj/1 to/TO/aux/5 *hold/VB/acl/3 talks/NNS/dobj/5/=talk in/IN/prep/6 Malta/NNP/pobj/7 ././punct/1"),
    # moving towards starting talks / toward negotiations / worked towards reconciling
    ("approached", "hypothetical", "The/DT/det/1 bloc/NN/nsubj/3 is/VBZ/aux/3/=be moving/VBG/ROOT/3/=move towards/IN/prep/3 *starting/VBG/pcomp/4/=start talks/NNS/dobj/5/=talk with/IN/prep/6 Ankara/NNP/pobj/7 ././punct/3"),
    ("approached", "hypothetical", "The/DT/det/1 cabinet/NN/nsubj/3 is/VBZ/aux/3/=be moving/VBG/ROOT/3/=move toward/IN/prep/3 *negotiations/NNS/pobj/4/=negotiation with/IN/prep/5 the/DT/det/8 unions/NNS/pobj/6/=union ././punct/3"),
    ("approached", "hypothetical", "Tokyo/NNP/nsubj/3 and/CC/cc/0 Seoul/NNP/conj/0 worked/VBD/ROOT/3/=work towards/IN/prep/3 *reconciling/VBG/pcomp/4/=reconcile their/PRP$/poss/7 positions/NNS/dobj/5/=position ././punct/3"),
    # during a meeting / before the summit / after the talks: the adjunct's event took place
    ("presupposing-adjunct", "asserted", "The/DT/det/1 premiers/NNS/nsubj/2/=premier hoped/VBD/ROOT/2/=hope that/IN/mark/7 a/DT/det/5 deal/NN/nsubj/7 would/MD/aux/7 come/VB/ccomp/2 after/IN/prep/7 the/DT/det/10 *talks/NNS/pobj/8/=talk in/IN/prep/10 Oslo/NNP/pobj/11 ././punct/2"),
    ("presupposing-adjunct", "asserted", "The/DT/det/1 ministers/NNS/nsubj/2/=minister hoped/VBD/ROOT/2/=hope to/TO/aux/4 agree/VB/xcomp/2 during/IN/prep/4 a/DT/det/7 *meeting/NN/pobj/5 in/IN/prep/7 Prague/NNP/pobj/8 ././punct/2"),
    ("presupposing-adjunct", "asserted", "Chile/NNP/nsubj/1 wants/VBZ/ROOT/1/=want to/TO/aux/3 reach/VB/xcomp/1 a/DT/det/5 deal/NN/dobj/3 before/IN/prep/3 the/DT/det/8 *summit/NN/pobj/6 in/IN/prep/8 Lima/NNP/pobj/9 ././punct/1"),
    ("presupposing-adjunct", "asserted", "The/DT/det/2 Kenyan/JJ/amod/2 president/NN/nsubj/3 wants/VBZ/ROOT/3/=want to/TO/aux/5 meet/VB/xcomp/3 Mr/NNP/compound/7 Ruto/NNP/dobj/5 after/IN/prep/5 the/DT/det/10 *talks/NNS/pobj/8/=talk ././punct/3"),
    # X said he met Y: the report asserts what it reports
    ("reported-clause", "asserted", "The/DT/det/1 envoy/NN/nsubj/2 said/VBD/ROOT/2/=say the/DT/det/4 ministers/NNS/nsubj/5/=minister *met/VBD/ccomp/2/=meet in/IN/prep/5 Bern/NNP/pobj/6 on/IN/prep/5 Friday/NNP/pobj/8 ././punct/2"),
    ("reported-clause", "asserted", "Mr/NNP/compound/1 Haddad/NNP/nsubj/2 said/VBD/ROOT/2/=say he/PRP/nsubj/4 *visited/VBD/ccomp/2/=visit Beirut/NNP/dobj/4 on/IN/prep/4 Monday/NNP/pobj/6 ././punct/2"),
    ("reported-clause", "asserted", "The/DT/det/1 premier/NN/nsubj/2 stated/VBD/ROOT/2/=state that/IN/mark/6 the/DT/det/5 envoys/NNS/nsubj/6/=envoy *met/VBD/ccomp/2/=meet in/IN/prep/6 Bern/NNP/pobj/7 ././punct/2"),
    ("reported-clause", "asserted", "The/DT/det/1 ministry/NN/nsubj/2 told/VBD/ROOT/2/=tell reporters/NNS/dobj/2/=reporter the/DT/det/5 envoys/NNS/nsubj/6/=envoy *met/VBD/ccomp/2/=meet in/IN/prep/6 Accra/NNP/pobj/7 ././punct/2"),
]  # fmt: skip

# Rows whose mention is dated after the publication date.
FUTURE_DATED = [
    # expected to host / expects to visit / is expected to arrive, on a later date
    ("speculative-verb", "planned", "Cairo/NNP/nsubj/1 expected/VBD/ROOT/1/=expect to/TO/aux/3 *host/VB/xcomp/1 the/DT/det/5 summit/NN/dobj/3 in/IN/prep/3 March/NNP/pobj/6 ././punct/1"),
    ("speculative-verb", "planned", "The/DT/det/1 envoy/NN/nsubj/2 expects/VBZ/ROOT/2/=expect to/TO/aux/4 *visit/VB/xcomp/2 Hanoi/NNP/dobj/4 next/JJ/amod/7 week/NN/npadvmod/4 ././punct/2"),
    ("speculative-verb", "planned", "Mr/NNP/compound/1 Silva/NNP/nsubjpass/3 is/VBZ/auxpass/3/=be expected/VBN/ROOT/3/=expect to/TO/aux/5 *arrive/VB/xcomp/3 in/IN/prep/5 Brasilia/NNP/pobj/6 on/IN/prep/5 Friday/NNP/pobj/8 ././punct/3"),
    # would after a present reporting verb, or none, is the future when the date is
    ("speculative-modal", "planned", "The/DT/det/1 envoys/NNS/nsubj/3/=envoy would/MD/aux/3 *meet/VB/ROOT/3 in/IN/prep/3 Bern/NNP/pobj/4 on/IN/prep/3 Friday/NNP/pobj/6 ././punct/3"),
    # a plain past-tense clause with a later date: the date makes it planned
    ("future-date", "planned", "The/DT/det/1 ministers/NNS/nsubj/2/=minister *meet/VBP/ROOT/2 in/IN/prep/2 Bern/NNP/pobj/3 on/IN/prep/2 Friday/NNP/pobj/5 ././punct/2"),
]  # fmt: skip


def _ids(rows):
    return [f"{rule}: {sentence(notation)}" for rule, _, notation in rows]


@pytest.mark.parametrize(("rule", "expected", "notation"), CASES, ids=_ids(CASES))
def test_modality_and_the_rule_that_decides_it(rule, expected, notation):
    trigger = marked(parse(notation))
    assert modality_and_rule(trigger) == (expected, rule)
    assert modality(trigger) == expected


@pytest.mark.parametrize(("rule", "expected", "notation"), FUTURE_DATED, ids=_ids(FUTURE_DATED))
def test_a_future_date_makes_expected_and_would_planned(rule, expected, notation):
    assert modality_and_rule(marked(parse(notation)), future_date=True) == (expected, rule)


@pytest.mark.parametrize(
    "notation",
    [
        "Mr/NNP/compound/1 Abe/NNP/nsubj/2 *met/VBD/ROOT/2/=meet Mr/NNP/compound/4 Moon/NNP/dobj/2 in/IN/prep/2 Seoul/NNP/pobj/5 ././punct/2",
        "The/DT/det/1 *talks/NNS/nsubj/2/=talk ended/VBD/ROOT/2/=end on/IN/prep/2 Tuesday/NNP/pobj/3 ././punct/2",
        "Lagos/NNP/nsubj/1 *expelled/VBD/ROOT/1/=expel two/CD/nummod/3 diplomats/NNS/dobj/1/=diplomat ././punct/1",
    ],
    ids=sentence,
)
def test_a_plain_past_clause_is_asserted_by_no_rule(notation):
    assert modality_and_rule(marked(parse(notation))) == ("asserted", None)


def test_every_modality_rule_has_a_row():
    tested = {rule for rule, _, _ in CASES + FUTURE_DATED}
    assert {r.name for r in MODALITY} <= tested
