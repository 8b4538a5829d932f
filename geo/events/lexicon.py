"""The PLOVER event ontology as a trigger lexicon: words that report an event.

PLOVER (Political Language Ontology for Verifiable Event Records, the Open
Event Data Alliance's successor to CAMEO) has 16 event types and a list of
topic *contexts*. Each entry below maps a verb lemma (inflected here) or a
noun to a type, a plain-language label and the contexts the word itself
implies; the sentence adds more contexts through :data:`CONTEXT_CUES`.

Entries are general English news vocabulary, not phrases of any one article.
A few entries need a companion word to count (``leave`` only with a mission
or a base, ``send`` only with troops): those are the ``requires`` sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the 16 event types of the current PLOVER manual (DEMAND, DISAPPROVE, ... are superseded)
CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: the project's extension beside PLOVER for events that are no political interaction;
#: never mixed into PLOVER's types (docs/events.md gives the boundary with ASSAULT and COERCE)
EXTENSIONS: tuple[str, ...] = ("DISASTER", "ACCIDENT", "CRIME")
#: categories whose deaths and injuries in the same sentence are their consequence, not an assault
NO_ATTACKER = frozenset({"DISASTER", "ACCIDENT"})

#: verbal or remote categories: "sanctions on Guinea" concern Guinea rather than happen in it
REMOTE = frozenset({"SANCTION", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT"})
#: categories whose place in the same clause is also their target ("aid to Mali")
AID_LIKE = frozenset({"AID"})
#: categories whose direct object is what is moved or given, not a recipient
THEME_OBJECTS = frozenset({"MOBILIZE", "AID", "RETREAT", "PROTEST"})

#: PLOVER's general contexts
CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
    "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights",
    "rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity",
    "executive", "election", "legislative", "cbrn", "cyber", "political_institutions",
    "corruption", "crime", "illegal_drugs",
)

#: words in the sentence that add a context to its events
CONTEXT_CUES: dict[str, str] = {}
for _context, _words in {
    "military": "troops troop soldiers soldier army military armed forces defence defense navy "
                "warships deployment contingent battalion airstrike airstrikes drones drone weapons "
                "mercenary mercenaries wagner",
    "peacekeeping": "peacekeeping peacekeepers peacekeeper minusma monusco unmiss unifil blue-helmets "
                    "stabilization stabilisation",
    "terrorism": "terrorist terrorists terrorism jihadist jihadists islamist islamists insurgency "
                 "insurgents insurgent al-qaeda isis suicide extremist extremists militants",
    "diplomatic": "diplomatic diplomats diplomat ambassador embassy envoy talks summit minister "
                  "ministers foreign relations initiative",
    "economic": "economic economy trade tariffs tariff investment development finance financial "
                "budget loan loans exports imports",
    "humanitarian": "humanitarian relief food famine aid",
    "migration": "refugees refugee migrants migrant displaced asylum-seekers",
    "asylum": "asylum",
    "legal": "court courts judge judges lawsuit prosecutor prosecutors trial tribunal",
    "human_rights": "rights",
    "election": "election elections vote voters ballot polls campaign",
    "legislative": "parliament parliamentary lawmakers mps legislature senate congress",
    "political_institutions": "coup coups junta constitution democracy transition",
    "crime": "criminal criminals gang gangs police",
    "corruption": "corruption bribery graft embezzlement",
    "cbrn": "chemical nuclear radiological biological",
    "cyber": "cyber cyberattack hackers hacking",
    "disease": "epidemic pandemic outbreak cholera ebola covid",
    "enviro_disaster": "flood floods drought earthquake cyclone wildfire",
    "resource": "territory oil gold mining mine water land",
    "religion_ethnicity": "muslim christian ethnic religious church mosque",
}.items():
    for _word in _words.split():
        CONTEXT_CUES[_word] = _context


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: PLOVER type, label, contexts and how it behaves.

    ``governs``: the word takes an event as its complement ("accused X of
    working with", "threatened to attack", "cut short its deployment"); the
    complement is part of this event, not an event of its own.
    ``requires``: words one of which must follow within a few tokens.
    ``domain``: words one of which must occur somewhere in the sentence, for words
    that are events only in that domain ("deploy" troops, not software; "fight" with
    weapons, not against crime).
    """

    category: str
    label: str
    pos: str  # "verb" or "noun"
    contexts: tuple[str, ...] = ()
    governs: bool = False
    requires: frozenset[str] = frozenset()
    domain: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()  # the word before that makes it no event ("cold war")
    not_after: frozenset[str] = frozenset()  # the word after that does ("demonstration of")

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES + EXTENSIONS:
            raise ValueError(f"Expected a PLOVER category in {CATEGORIES} or one of {EXTENSIONS}, "
                             f"instead got: {self.category!r}.")
        unknown = set(self.contexts) - set(CONTEXTS)
        if unknown:
            raise ValueError(f"Expected PLOVER contexts, instead got: {sorted(unknown)!r}.")


_IRREGULAR = {
    "shoot": ("shot", "shot"), "fight": ("fought", "fought"), "send": ("sent", "sent"),
    "meet": ("met", "met"), "hold": ("held", "held"), "leave": ("left", "left"),
    "strike": ("struck", "struck"), "seize": ("seized", "seized"), "take": ("took", "taken"),
    "overthrow": ("overthrew", "overthrown"), "blow": ("blew", "blown"), "set": ("set", "set"),
    "give": ("gave", "given"), "withdraw": ("withdrew", "withdrawn"), "draw": ("drew", "drawn"),
    "cut": ("cut", "cut"), "lead": ("led", "led"), "pull": ("pulled", "pulled"),
    "speak": ("spoke", "spoken"), "forbid": ("forbade", "forbidden"), "begin": ("began", "begun"),
    "break": ("broke", "broken"), "freeze": ("froze", "frozen"), "sell": ("sold", "sold"),
    "run": ("ran", "run"), "come": ("came", "come"), "go": ("went", "gone"), "put": ("put", "put"),
    "bring": ("brought", "brought"), "lay": ("laid", "laid"), "storm": ("stormed", "stormed"),
    "sign": ("signed", "signed"), "open": ("opened", "opened"), "visit": ("visited", "visited"),
    "deny": ("denied", "denied"), "ban": ("banned", "banned"), "plan": ("planned", "planned"),
    "jail": ("jailed", "jailed"), "patrol": ("patrolled", "patrolled"), "kidnap": ("kidnapped", "kidnapped"),
    "shell": ("shelled", "shelled"), "rally": ("rallied", "rallied"), "ally": ("allied", "allied"),
    "march": ("marched", "marched"), "wound": ("wounded", "wounded"), "expel": ("expelled", "expelled"),
    "control": ("controlled", "controlled"), "equip": ("equipped", "equipped"),
    "label": ("labelled", "labeled"), "fund": ("funded", "funded"), "commit": ("committed", "committed"),
    "submit": ("submitted", "submitted"), "admit": ("admitted", "admitted"), "stop": ("stopped", "stopped"),
    "drop": ("dropped", "dropped"), "rebel": ("rebelled", "rebelled"), "veto": ("vetoed", "vetoed"),
    "shut": ("shut", "shut"), "hit": ("hit", "hit"), "quit": ("quit", "quit"), "beat": ("beat", "beaten"),
    "stab": ("stabbed", "stabbed"), "steal": ("stole", "stolen"), "swap": ("swapped", "swapped"), "rob": ("robbed", "robbed"),
    "relay": ("relayed", "relayed"),  # not re- + lay
}
_VOWELS = "aeiou"


#: prefixes after which a verb inflects as its base does ("retake": "retook", "retaken"; "overrun": "overran")
_VERB_PREFIXES = ("re", "over", "out", "under", "with", "up")


def _ends_cvc(lemma: str) -> bool:
    """Consonant-vowel-consonant at the end ("ban", "swap", "begin"; "qu" counts as a consonant)."""
    return (lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS
            and (lemma[-3:-2] not in ("", *_VOWELS) or lemma[-4:-2] == "qu"))


def verb_forms(lemma: str) -> set[str]:
    """base, 3rd person, past, participle and -ing forms of an English verb."""
    if lemma not in _IRREGULAR:
        for prefix in _VERB_PREFIXES:
            base = lemma[len(prefix):]
            if lemma.startswith(prefix) and base in _IRREGULAR:
                return {prefix + form for form in verb_forms(base)}
    # one syllable ending consonant-vowel-consonant doubles its last letter: "swap", "ban"
    doubles = len(lemma) <= 4 and _ends_cvc(lemma)
    if lemma in _IRREGULAR:
        past, participle = _IRREGULAR[lemma]
        # a listed regular past says whether the verb doubles ("planned", but "opened": the stress
        # is on the first syllable); a strong verb ending consonant-vowel-consonant does, whatever
        # its length ("running", "beginning", "forbidding")
        doubles = past == lemma + lemma[-1] + "ed" or not past.endswith("ed") and _ends_cvc(lemma)
    elif lemma.endswith("ic"):  # "trafficked", "panicked"
        past = participle = lemma + "ked"
    elif doubles:
        past = participle = lemma + lemma[-1] + "ed"
    elif lemma.endswith("e"):
        past = participle = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past = participle = lemma[:-1] + "ied"
    else:
        past = participle = lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    elif lemma.endswith("ic"):
        ing = lemma + "king"
    elif doubles or past == lemma + lemma[-1] + "ed":
        ing = lemma + lemma[-1] + "ing"
    else:
        ing = lemma + "ing"
    return {lemma, third, past, participle, ing}


def noun_forms(noun: str) -> set[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


# (category, label, contexts, verbs "lemma|lemma other-word", nouns, flags)
# a multi-word entry ("pull out") inflects its first word; "+" marks a governing entry;
# "word{a,b}" requires one of a, b within the next few tokens; "word@domain" a word of the
# domain in the sentence or the two before; "word[<a,b]" / "word[>a,b]" no a or b right
# before / after
_ENTRIES: tuple[tuple[str, str, str, str, str], ...] = (
    # material conflict
    ("ASSAULT", "attack", "military", "attack@violence|assault|storm@violence|raid@violence|strike{village,villages,town,towns,base,bases,camp,camps,convoy,city,cities,target,targets,positions}|strike@weapons|hit@weapons[<the,a,an,two,three,four,five,six,his,her,their,its,of,many,more]",
     "attack|assault|raid@violence|offensive@violence|strike@attack{on,against,hit,killed,targeted,in,at,near}[<hunger,general,labour,labor,rail,teachers,workers]|airstrike|air strike|drone strike|missile strike|rocket attack|onslaught@violence|incursion|invasion"),
    ("ASSAULT", "ambush", "military", "ambush", "ambush"),
    ("ASSAULT", "capture", "military", "seize{base,town,city,camp,territory,village,airport,positions,position,outpost,bases,towns,villages}|capture{base,town,city,camp,territory,village,airport,positions,position,outpost,bases,towns,villages}|recapture|retake{base,town,city,camp,territory,village,airport,positions,control}|overrun|take control", "recapture"),
    ("ASSAULT", "military intervention", "military", "intervene@military", "military intervention|armed intervention"),
    ("ASSAULT", "killing", "", "kill|murder|massacre|behead|slaughter|execute@violence", "killing|massacre|murder|execution@violence"),
    ("ASSAULT", "shooting", "", "shoot@violence|gun down|open fire", "shooting|gunfire|firefight|shootout"),
    ("ASSAULT", "bombing", "", "bomb|shell@violence|detonate|blow up@violence|explode", "bombing|bombardment|shelling|explosion@attack|blast@attack|car bomb|suicide bombing|mortar fire|landmine|roadside bomb|improvised explosive device|explosive device|ied|bomb[<photo,bath]"),
    ("ASSAULT", "clashes", "military", "clash@violence|fight@violence[>fires,fire,crime,corruption,poverty,disease,cancer,hunger,climate,illness,flames,blaze,back]|exchange{fire,gunfire,shots}", "clash@violence|fighting@violence[>fires,fire,flames,blaze,crime,corruption]|battle@violence[>against,for,with]|combat@violence|skirmish|hostilities"),
    ("ASSAULT", "abduction", "", "kidnap|abduct|hijack|take hostage|hold hostage", "kidnapping|abduction|hijacking|hostage-taking"),
    ("ASSAULT", "military operation", "military", "launch{operation,offensive,assault,raid,raids,strikes,attack,attacks,airstrikes}",
     "military operation|operation{against}|counter-offensive|counteroffensive"),
    ("ASSAULT", "violence", "", "", "violence|bloodshed|genocide|ethnic cleansing|atrocities"),
    ("ASSAULT", "arson", "", "set ablaze|set alight|raze|pillage|hack{to}|bombard", "suicide bomber|suicide bombers"),
    ("ASSAULT", "insurgency", "terrorism", "", "insurgency|rebellion|uprising|jihadist insurgency"),
    ("ASSAULT", "war", "military", "invade", "war@violence[<cold,trade,price,tariff,currency,culture,bidding,turf,legal,word,words,ratings,talent,tech,bitter]|civil war|conflict@violence[<interest,interests]"),
    ("ASSAULT", "injuries", "", "wound|injure|stab|lynch|beat{to,up}", ""),
    ("ASSAULT", "attack", "military", "fire{rockets,missiles,shells,mortars,shots,on,at}[>tear,warning,teargas]|target@violence|shoot down|destroy@violence|besiege|occupy@military",
     "siege|occupation@military|rocket fire|artillery fire|missile attack|drone attack|suicide attack|terrorist attack|terror attack"),
    ("ASSAULT", "arson", "", "torch|burn{down,homes,houses,villages,village,buildings}|set fire|loot", "arson|looting"),
    ("ASSAULT", "torture", "human_rights", "torture|rape", "torture|rape"),
    ("COERCE", "coup", "political_institutions", "overthrow{president,government,leader,regime,ruler,junta,king,premier,administration}|topple{president,government,leader,regime,ruler,junta,king,premier,administration}|oust{president,government,leader,regime,ruler,junta,king,premier,administration}|seize power|take power|seize control",
     "coup|coup d'etat|putsch|takeover{of,by}"),
    ("COERCE", "arrest", "legal", "arrest|detain|imprison|jail", "arrest|detention|imprisonment|crackdown"),
    ("COERCE", "deportation", "migration", "deport|evict|force out", "deportation|eviction"),
    ("COERCE", "demolition", "", "demolish|bulldoze", "demolition|demolitions"),
    ("COERCE", "hacking", "cyber", "hack into|hack{computers,accounts,systems,websites,email,emails,network,networks}|deface",
     "cyberattack|cyber attack|cyber-attack|hacking"),
    ("COERCE", "shutdown", "rights_freedoms", "shut down{internet,newspaper,newspapers,radio,station,stations,broadcaster,media,websites,access,social}|block{internet,access,websites,social}",
     "internet shutdown|internet blackout|media blackout"),
    ("COERCE", "ban", "rights_freedoms", "+ban|outlaw|censor|suspend{newspaper,broadcaster,broadcasts,party,parties,activities}|dissolve{party,parties,parliament,government}",
     "ban|censorship"),
    ("COERCE", "curfew", "rights_freedoms", "impose{curfew,lockdown,emergency,law}", "curfew|martial law|state of emergency|state of siege"),
    ("COERCE", "dispersal", "rights_freedoms", "disperse|crack down|repress|suppress", "tear gas|repression|water cannon|water cannons|rubber bullets"),
    ("COERCE", "expulsion", "rights_freedoms", "expel{journalist,journalists,reporter,reporters,correspondent,activist,activists,missionary,missionaries,workers,nationals}", ""),
    ("COERCE", "seizure", "", "seize{property,assets,land,equipment,weapons,goods,ship,vessel}|confiscate", "seizure|confiscation"),
    ("PROTEST", "protest", "", "protest|demonstrate{against,outside,in,at,on,over,for,near,across,throughout}|march@protest|rally@protest|riot[>police,gear,squad,squads,shields,officers,control,act]|picket|take to the streets|gather@protest|go on strike|boycott|stage{protest,protests,rally,rallies,sit-in,demonstration,demonstrations,strike,walkout}|block{road,roads,highway,highways,street,streets,bridge,bridges,traffic,entrance,entrances,railway,port}@protesters|blockade@protesters|barricade@protesters",
     "protest|demonstration[>of]|rally@protest|march@protest|riot[>police,gear,squad,squads,shields,officers,control,act]|unrest|sit-in|walkout|strike@protest{by,over,against,in,at,on}|general strike|hunger strike|boycott|blockade@protesters|roadblock@protesters"),
    ("MOBILIZE", "troop deployment", "military", "deploy@military|dispatch@military|send{troops,soldiers,forces,warships,reinforcements,police,contingent,peacekeepers}|station{troops,soldiers,forces}|mass{troops,forces,soldiers,tanks}|mobilise@military|mobilize@military|reinforce@military",
     "deployment@military|mobilisation@military|mobilization@military|reinforcements@military|troop buildup|build-up@military|buildup@military"),
    ("MOBILIZE", "patrol", "military", "patrol@military", "patrol"),
    ("MOBILIZE", "military exercise", "military", "", "high alert|state of alert|military exercise|military exercises|military drills|war games|exercises@military|drills@military|manoeuvres@military|maneuvers@military"),
    ("SANCTION", "sanctions", "economic", "sanction|embargo|blacklist|ban{imports,exports,flights,trade,products,goods,imports}|halt{approval,imports,exports,aid,funding,shipments,deliveries,trade,flights,sales}|suspend{aid,funding,trade,flights,imports,exports,approval,membership,cooperation}", "sanction|embargo|trade ban|asset freeze|import ban|export ban"),
    ("SANCTION", "conviction", "legal", "convict|sentence{to,him,her,them}", "conviction|death sentence|prison sentence"),
    ("SANCTION", "reduced relations", "diplomatic", "cut ties|sever{ties,relations}|close{embassy,embassies,border,borders,consulate,airspace}|recall{ambassador,envoy}|withdraw{aid,ambassador,diplomats,funding,support,envoy,observers,recognition,assistance}|suspend{from}|expel{from}|expel{ambassador,diplomats,envoy,diplomat}|suspend{aid,cooperation,membership,relations,ties,funding}|freeze{assets,aid,funding}|halt{aid,cooperation,funding}",
     "suspension{of}|expulsion{of}"),
    # verbal conflict
    ("ACCUSE", "accusation", "", "+accuse|+blame|allege|+charge{with}|+condemn|+denounce|+criticise|+criticize|decry|+rebuke|+censure|summon{ambassador,envoy,charge,diplomat}",
     "accusation|allegation|condemnation|criticism"),
    ("ACCUSE", "investigation", "legal", "investigate|probe", "investigation|inquiry|probe"),
    ("ACCUSE", "criticism", "", "+slam|+blast{government,decision,move,plan,junta,authorities}|+indict", "indictment"),
    ("ACCUSE", "complaint", "diplomatic", "+complain{to,about,over,that,of}|+lodge{protest,complaint}|+protest{to}",
     "official protest|formal protest|diplomatic protest|complaint{to,against,with}"),
    ("ACCUSE", "lawsuit", "legal", "sue", "lawsuit"),
    ("REJECT", "exit from agreement", "diplomatic", "quit{talks,agreement,deal,treaty,negotiations,accord,pact}|withdraw{agreement,deal,treaty,accord,talks,negotiations,pact}|walk out{of}|pull out{agreement,deal,treaty,accord,talks,negotiations,pact}",
     "walkout{from}"),
    ("REJECT", "rejection", "", "+reject|+refuse|+deny{claims,allegations,accusations,charges,reports,involvement,that}|veto|+dismiss{claims,allegations,accusations,charges,reports}|turn down",
     "rejection|refusal|veto"),
    ("THREATEN", "threat", "", "+threaten|+warn{of,that,against}", "threat{against}|death threat|ultimatum"),
    ("REQUEST", "appeal", "", "+urge|+call for|+call on|+petition|+appeal|+demand|+ask{for,to}|+request|+plead[>guilty,not,innocent,no]|+order{to}",
     "+appeal[<growing,broad,wide,mass,popular,enduring,visual,public,its,their,his,her]|+demand[<growing,increasing,rising,strong,high,low,weak,consumer,market,global,domestic,increased,and,meet,energy,oil,power,electricity,travel,seasonal,peak,huge]|+request|+call{for}"),
    # verbal cooperation
    ("AGREE", "agreement", "diplomatic", "agree{to,on,with,deal,ceasefire,truce,terms}|+offer{to}|+commit{to}[<is,are,was,were,be,been,remains,remain,deeply,fully,entirely,firmly,strongly]|sign{agreement,accord,deal,treaty,pact,memorandum,ceasefire,truce,declaration,protocol,deal}|+pledge|+promise|+vow{to}|ratify",
     "agreement|accord|peace deal|deal[<great,good,big,real,to,will,can,must,would,should,could,cannot,better,raw]|treaty|pact|ceasefire|truce|memorandum of understanding"),
    ("CONSULT", "meeting", "diplomatic", "meet|hold talks|negotiate|visit|consult|discuss|convene|mediate|speak{with}|host{talks,summit,meeting,leaders,delegation,conference}",
     "meeting|talks|negotiations|negotiation|summit|visit|consultation|consultations|discussions|gathering|conference|dialogue|mediation|phone call|telephone call|telephone conversation|video call|video conference"),
    ("SUPPORT", "support", "diplomatic", "support|back{plan,plans,proposal,bid,efforts,government,call}|endorse|praise|welcome|commend|recognise|recognize|approve|hail|congratulate",
     "endorsement|recognition{of}|backing[>up]|support{for}[<air,close]|solidarity{with}"),
    ("CONCEDE", "concession", "", "concede|apologise|apologize|pardon|back down|relax{restrictions,curfew,rules,ban,sanctions}|reopen{border,borders,schools,crossing,airspace,embassy,roads}|lift{curfew,ban,sanctions,restrictions,embargo,blockade,siege}|ease{restrictions,curfew,sanctions,ban}",
     "concession|apology|pardon|amnesty"),
    # material cooperation
    ("COOPERATE", "cooperation", "", "cooperate|collaborate|work with|work closely|work together|coordinate{with}",
     "cooperation|collaboration|partnership|alliance|joint{exercise,exercises,drills,patrol,patrols,operation,operations,maneuvers,manoeuvres,naval,military,air,offensive}|coordination{with}"),
    ("AID", "aid", "humanitarian", "donate|airlift{aid,food,supplies,medicine,relief}|give{aid,grant,money,loan,assistance,weapons,funds}|provide{aid,assistance,support,funding,food,weapons,equipment,training,relief}|deliver{aid,assistance,food,relief,supplies,weapons,arms,ammunition,systems,equipment,tanks,missiles}|send{aid,food,supplies,medicine,relief,assistance,hospitals,field,rescuers,rescue,teams,doctors,planes,tents,blankets}|supply{weapons,arms,aid}|grant{asylum}",
     "aid[>agencies,agency,workers,worker,groups,group,organisations,organizations,officials,sector,budget,money]|assistance|donation|grant{of,worth}|loan{of,worth}|relief supplies|humanitarian aid|military aid|asylum[>seekers,seeker,applications,application,claims,claim,system,policy,rules,cases,process]"),
    ("RETREAT", "troop withdrawal", "military", "withdraw@military|pull out@military|pull back@military|retreat@military|draw down@military|end{mission,operation,deployment,presence,occupation}|halt{mission,operation,deployment,offensive}|cut short{mission,operation,deployment,presence}|wind down{mission,operation,deployment,presence}|leave{mission,operation,base,bases,force,coalition}",
     "withdrawal@military|pullout@military|pull-out@military|drawdown@military|retreat@military"),
    ("RETREAT", "release", "", "release{hostages,prisoners,detainees,captives,hostage,prisoner,detainee}|free{hostages,prisoners,detainees,captives}|exchange{prisoners,captives,detainees,hostages}|swap{prisoners,captives,detainees,hostages}",
     "release{of}|prisoner exchange|prisoner swap"),
    ("RETREAT", "resignation", "executive", "resign|step down", "resignation"),
    ("RETREAT", "handover", "", "hand over{power,control,territory,weapons,city,base,town}|cede|disarm|surrender@military|lay down{arms,weapons}",
     "handover{of}|disarmament|surrender@military"),
    # the extension: natural hazards, accidents without an attacker, property and economic crime
    ("DISASTER", "earthquake", "enviro_disaster", "", "earthquake|quake|tremor|aftershock|tsunami"),
    ("DISASTER", "flood", "enviro_disaster", "flood{homes,villages,streets,towns,areas,roads,parts,region,city}|burst{banks}",
     "flood[<political]|flooding|floodwaters|deluge"),
    ("DISASTER", "landslide", "enviro_disaster", "", "landslide|mudslide|avalanche|rockfall"),
    ("DISASTER", "storm", "enviro_disaster", "", "storm[<political,diplomatic,media,perfect,twitter,firestorm]|hurricane|typhoon|cyclone|tornado|blizzard"),
    ("DISASTER", "wildfire", "enviro_disaster", "", "wildfire|bushfire|forest fire|brush fire"),
    ("DISASTER", "drought", "enviro_disaster", "", "drought|heatwave"),
    ("DISASTER", "eruption", "enviro_disaster", "erupt{volcano,ash,lava}", "eruption"),
    # an outbreak of a disease kills without an attacker ("the Ebola outbreak killed 15"); an
    # "outbreak of fighting" is no epidemic
    ("DISASTER", "epidemic", "disease", "", "epidemic@disease|pandemic|outbreak@disease"),
    ("ACCIDENT", "crash", "", "crash{into,plane,car,bus,truck,helicopter,jet,vehicle,train,lorry,aircraft}|collide|derail|capsize|overturn{bus,truck,vehicle,car,boat,lorry,minibus}|run over|hit{car,truck,bus,vehicle,train,lorry,motorist,driver}|plunge{ravine,gorge,river,canyon,valley,cliff,gully,abyss}|veer{off,road}",
     "crash[<market,stock,price,currency]|collision|derailment|pile-up|shipwreck|capsizing|road accident|accident"),
    ("ACCIDENT", "collapse", "", "collapse@structure", "building collapse|bridge collapse|mine collapse|roof collapse|dam collapse|structural collapse"),
    ("ACCIDENT", "explosion", "", "explode", "explosion[<population,price,cost]|blast[<full]|gas leak|fire{broke,gutted,destroyed,engulfed,swept,ripped,razed}|blaze|industrial accident|chemical spill|oil spill"),
    ("CRIME", "robbery", "crime", "rob|burgle|steal{cars,money,cash,goods,jewellery,jewelry,equipment,phones,items,vehicles,cattle}|loot{shops,stores,bank,banks}|mug|carjack|shoplift",
     "robbery|burglary|theft|heist|break-in|carjacking|mugging|shoplifting|vandalism"),
    ("CRIME", "fraud", "corruption", "embezzle|defraud|launder{money}|swindle", "fraud|embezzlement|money laundering|bribery|tax evasion|scam"),
    ("CRIME", "smuggling", "illegal_drugs", "smuggle|traffic{drugs,cocaine,heroin,people,migrants,weapons,children,women}",
     "smuggling|trafficking"),
)

#: (category, object word) -> a more exact category and label: "withdraw aid" is a SANCTION
OBJECT_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    ("RETREAT", "aid"): ("SANCTION", "aid withdrawal"),
    ("RETREAT", "ambassador"): ("SANCTION", "ambassador recalled"),
    ("RETREAT", "diplomats"): ("SANCTION", "diplomats withdrawn"),
    ("RETREAT", "funding"): ("SANCTION", "funding withdrawn"),
    ("RETREAT", "support"): ("SANCTION", "support withdrawn"),
    ("RETREAT", "talks"): ("REJECT", "walkout from talks"),
    ("SANCTION", "aid"): ("SANCTION", "aid withdrawal"),
    ("SANCTION", "assistance"): ("SANCTION", "aid withdrawal"),
    ("SANCTION", "funding"): ("SANCTION", "funding withdrawn"),
    ("SANCTION", "ambassador"): ("SANCTION", "ambassador recalled"),
    ("SANCTION", "envoy"): ("SANCTION", "ambassador recalled"),
    ("SANCTION", "diplomats"): ("SANCTION", "diplomats expelled"),
    ("RETREAT", "agreement"): ("REJECT", "exit from agreement"),
    ("RETREAT", "deal"): ("REJECT", "exit from agreement"),
    ("RETREAT", "treaty"): ("REJECT", "exit from agreement"),
}

#: labels more specific than an entry's, keyed by the trigger's head word (or "CATEGORY:word")
LABELS: dict[str, str] = {
    "patrol": "patrol", "raid": "raid", "airstrike": "airstrike", "strike": "strike", "invasion": "invasion",
    "invade": "invasion", "offensive": "offensive", "incursion": "incursion", "fighting": "fighting",
    "battle": "battle", "violence": "violence", "unrest": "unrest", "rebellion": "rebellion",
    "uprising": "uprising", "explosion": "explosion", "blast": "explosion", "coup": "coup",
    "putsch": "coup", "arrest": "arrest", "detain": "detention", "detention": "detention", "jail": "jailing",
    "imprison": "jailing", "crackdown": "crackdown", "demonstration": "demonstration",
    "demonstrate": "demonstration", "rally": "rally", "march": "march", "riot": "riot",
    "boycott": "boycott", "sit-in": "sit-in", "walkout": "walkout", "hunger": "hunger strike",
    "general": "general strike", "sanction": "sanctions", "embargo": "embargo", "summit": "summit",
    "talks": "talks", "negotiate": "negotiations", "negotiations": "negotiations", "visit": "visit",
    "host": "visit", "gathering": "meeting", "conference": "conference", "mediation": "mediation",
    "mediate": "mediation", "ceasefire": "ceasefire", "truce": "ceasefire", "treaty": "treaty",
    "sign": "agreement signed", "pledge": "pledge", "promise": "pledge", "ratify": "ratification",
    "partnership": "partnership", "alliance": "alliance", "aid": "aid", "assistance": "aid",
    "donate": "donation", "donation": "donation", "asylum": "asylum", "release": "release",
    "free": "release", "resign": "resignation", "war": "war", "conflict": "armed conflict",
    "kill": "killing", "massacre": "massacre", "murder": "killing", "execute": "execution",
    "kidnap": "kidnapping", "abduct": "abduction", "hijack": "hijacking", "shell": "shelling",
    "shelling": "shelling", "ambush": "ambush", "deploy": "troop deployment",
    "dispatch": "troop deployment", "send": "troop deployment", "reinforce": "reinforcement",
    "accuse": "accusation", "blame": "accusation", "condemn": "condemnation", "denounce": "condemnation",
    "criticise": "criticism", "criticize": "criticism", "threaten": "threat", "warn": "warning",
    "urge": "appeal", "demand": "demand", "reject": "rejection", "refuse": "refusal",
    "deny": "denial", "veto": "veto", "support": "support", "welcome": "support",
    "endorse": "endorsement", "praise": "praise", "apologize": "apology", "apologise": "apology",
    "pardon": "pardon", "amnesty": "amnesty", "lift": "restrictions lifted", "ease": "restrictions eased",
    "work": "cooperation", "drawdown": "troop drawdown", "draw": "troop drawdown",
    "investigate": "investigation", "probe": "investigation", "sue": "lawsuit", "loot": "looting",
    "looting": "looting", "torch": "arson", "burn": "arson", "torture": "torture", "rape": "sexual violence",
    "injure": "injuries", "wound": "injuries", "shoot": "shooting", "bomb": "bombing", "bombing": "bombing",
    "war games": "military exercise", "deport": "deportation", "ban": "ban", "curfew": "curfew",
    "overthrow": "coup", "topple": "coup", "oust": "coup", "seize": "seizure",
    "close": "border closure", "freeze": "asset freeze", "recall": "ambassador recalled", "sever": "ties cut",
    "expel": "expulsion", "suspend": "suspension", "ASSAULT:exchange": "exchange of fire", "convict": "conviction", "sentence": "sentence",
    "complain": "complaint", "lodge": "complaint", "summon": "ambassador summoned", "vow": "pledge",
    "offer": "offer", "demolish": "demolition", "hack": "hacking", "intervene": "military intervention",
    "recapture": "recapture", "capture": "capture", "RETREAT:exchange": "prisoner exchange",
    "RETREAT:swap": "prisoner exchange",
    "prisoner exchange": "prisoner exchange", "prisoner swap": "prisoner exchange", "disarm": "disarmament",
    "surrender": "surrender", "hand": "handover", "quit": "exit from agreement",
    "stage": "protest", "gather": "protest", "landmine": "landmine blast",
    "explosive": "bombing", "siege": "siege", "besiege": "siege", "quake": "earthquake", "tremor": "earthquake",
    "aftershock": "earthquake", "tsunami": "tsunami", "flooding": "flood", "landslide": "landslide",
    "mudslide": "landslide", "avalanche": "avalanche", "hurricane": "hurricane", "typhoon": "typhoon",
    "cyclone": "cyclone", "tornado": "tornado", "wildfire": "wildfire", "bushfire": "wildfire",
    "drought": "drought", "heatwave": "heatwave", "eruption": "eruption", "erupt": "eruption",
    "collision": "collision", "collide": "collision", "derail": "derailment", "derailment": "derailment",
    "capsize": "capsizing", "capsizing": "capsizing", "shipwreck": "shipwreck", "blaze": "fire",
    "ACCIDENT:fire": "fire", "ACCIDENT:explode": "explosion", "ACCIDENT:blast": "explosion",
    "ACCIDENT:hit": "road accident", "ACCIDENT:run": "road accident", "robbery": "robbery", "rob": "robbery",
    "burglary": "burglary", "burgle": "burglary", "theft": "theft", "steal": "theft", "heist": "robbery",
    "CRIME:loot": "looting", "fraud": "fraud", "embezzle": "embezzlement", "embezzlement": "embezzlement",
    "smuggle": "smuggling", "smuggling": "smuggling", "trafficking": "trafficking", "traffic": "trafficking",
    "occupy": "occupation", "occupation": "occupation",
}


#: sentence words that make an ambiguous trigger military or violent (``word@military``)
DOMAINS: dict[str, frozenset[str]] = {
    "military": frozenset(
        "troops troop soldiers soldier army armies military forces force police policemen officers "
        "peacekeepers peacekeeping warships warship jets missiles militia militias militants fighters "
        "rebels armed battalion battalions units contingent reinforcements tanks artillery weapons "
        "defence defense navy marines personnel security guards gunmen jihadists insurgents militarily "
        "junta coup".split()),
}
DOMAINS["protest"] = frozenset(
    "protesters protestors demonstrators supporters opposition students workers thousands hundreds "
    "crowd crowds activists against streets police chanting slogans placards residents women youths embassy "
    "demand demanding denounce parliament palace".split())
#: the people who protest: a blockade or a roadblock is a protest only where they set it up (police
#: block roads too, navies blockade ports)
DOMAINS["protesters"] = frozenset(
    "protesters protestors demonstrators activists crowd crowds strikers marchers youths students workers "
    "farmers truckers drivers villagers residents opposition supporters".split())
DOMAINS["violence"] = DOMAINS["military"] | frozenset(
    "killed dead died wounded injured gunmen clashes fighting bombing shelling gunfire casualties "
    "attackers assailants terrorists".split())


#: words of a disease: an outbreak is an epidemic with them ("a cholera outbreak"), not of fighting
DOMAINS["disease"] = frozenset(
    "disease diseases virus viruses viral ebola cholera measles flu influenza covid covid-19 coronavirus "
    "h5n1 h1n1 bird avian swine malaria dengue polio mpox monkeypox plague zika anthrax meningitis "
    "typhoid yellow fever infection infections infected cases vaccine vaccines vaccination "
    "strain pathogen epidemic".split())


#: words of an attack: an explosion is ASSAULT with them, an ACCIDENT without them
DOMAINS["attack"] = frozenset(
    "bomb bombs bomber bombers bombing bombings attackers assailants terrorists terrorist militants militant "
    "suicide explosives explosive insurgents gunmen jihadists responsibility attack attacked troops soldiers "
    "army rebels militia shelling airstrike airstrikes rocket rockets missile missiles drone drones mortar "
    "grenade grenades ied detonated".split())


#: what strikes and hits in an attack: "missiles struck Kyiv" is one, "struck a deal" and "hits
#: leader" are not
DOMAINS["weapons"] = frozenset(
    "missile missiles rocket rockets drone drones shell shells bomb bombs airstrike airstrikes artillery "
    "mortar mortars grenade grenades bullet bullets shelling projectile projectiles warplanes jets".split())


#: words of built structures: "collapsed" is an ACCIDENT with them, not for talks or a currency
DOMAINS["structure"] = frozenset(
    "building buildings bridge bridges roof roofs mine mines house houses tower towers wall walls dam dams "
    "stadium block blocks apartment apartments school hospital church mosque hotel factory crane scaffolding "
    "balcony ceiling tunnel".split())


def _parse_word(spec: str) -> tuple[tuple[str, ...], bool, frozenset[str], frozenset[str],
                                    frozenset[str], frozenset[str]]:
    """``+words{requires}@domain[<not before]`` or ``[>not after]``, the parts in any order."""
    governs = spec.startswith("+")
    words = re.sub(r"\{[^}]*\}|@\w+|\[[^\]]*\]", "", spec.lstrip("+"))
    requires = frozenset(w for part in re.findall(r"\{([^}]*)\}", spec) for w in part.split(","))
    domain = frozenset().union(*(DOMAINS[name] for name in re.findall(r"@(\w+)", spec)))
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    for side, listed in re.findall(r"\[([<>])([^\]]*)\]", spec):
        if side == "<":
            not_before = frozenset(listed.split(","))
        else:
            not_after = frozenset(listed.split(","))
    spec = words
    return tuple(spec.split()), governs, requires, domain, not_before, not_after


#: verb triggers in their base form ("attack", "jail", "visit"): after a name or a noun they
#: are usually nouns ("the county jail"), so they need an auxiliary, "to" or a pronoun before
BASE_FORMS: set[tuple[str, ...]] = set()


def build_lexicon() -> dict[tuple[str, ...], tuple[Trigger, ...]]:
    """Every inflected surface form (a tuple of lower-case tokens) -> its readings.

    A form can have several readings told apart by the words that follow
    ("suspend a newspaper" is COERCE, "suspend aid" SANCTION); readings keep
    the lexicon's order, the most typical first.
    """
    lexicon: dict[tuple[str, ...], tuple[Trigger, ...]] = {}
    for category, label, contexts, verbs, nouns in _ENTRIES:
        ctx = tuple(contexts.split())
        for pos, specs in (("verb", verbs), ("noun", nouns)):
            for spec in filter(None, specs.split("|")):
                words, governs, requires, domain, not_before, not_after = _parse_word(spec)
                head = words[0]
                specific = (LABELS.get(f"{category}:{head}") or LABELS.get(" ".join(words)) or LABELS.get(head)
                            or LABELS.get(words[-1]) or label)
                trigger = Trigger(category, specific, pos, ctx, governs, requires, domain, not_before, not_after)
                forms = verb_forms(head) if pos == "verb" else (noun_forms(words[-1]) if len(words) > 1 else noun_forms(head))
                if pos == "verb":
                    BASE_FORMS.add((head, *words[1:]))
                for form in forms:
                    key = (form, *words[1:]) if pos == "verb" or len(words) == 1 else (*words[:-1], form)
                    if trigger not in lexicon.get(key, ()):
                        lexicon[key] = (*lexicon.get(key, ()), trigger)
    # a reading that needs a following word is tried before a general one ("ban imports" is a
    # SANCTION before "ban" is COERCE); otherwise the lexicon's order stands
    return {key: tuple(sorted(readings, key=lambda r: not r.requires)) for key, readings in lexicon.items()}


#: filled once at import: a pure, small computation over the constants above
LEXICON: dict[tuple[str, ...], tuple[Trigger, ...]] = build_lexicon()
MAX_TRIGGER_TOKENS = max(len(k) for k in LEXICON)
#: first word of a trigger -> what else a sentence needs for one of its readings to match:
#: (the trigger's other words, one of its required words, one of its domain words)
NEEDS: dict[str, list[tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}
for _key, _readings in LEXICON.items():
    for _r in _readings:
        _need = (frozenset(_key[1:]), _r.requires, _r.domain)
        if _need not in NEEDS.setdefault(_key[0], []):
            NEEDS[_key[0]].append(_need)


def may_trigger(words: set[str], *context: set[str] | frozenset[str]) -> bool:
    """Whether a sentence with these (lower-case) words can hold a trigger at all.

    A cheap over-estimate of the matcher, so sentences that cannot hold an event are
    never tokenised; ``context``: the word sets of the sentences before (for domains),
    read one by one rather than joined for every sentence.
    """
    for first in NEEDS.keys() & words:
        for rest, requires, domain in NEEDS[first]:
            if rest <= words and (not requires or not requires.isdisjoint(words)) and (
                    not domain or not domain.isdisjoint(words)
                    or any(not domain.isdisjoint(before) for before in context)):
                return True
    return False


#: first word of a trigger -> the lengths (in tokens) of the triggers it starts, longest first
FIRST_WORDS: dict[str, tuple[int, ...]] = {}
for _key in LEXICON:
    FIRST_WORDS[_key[0]] = tuple(sorted(set(FIRST_WORDS.get(_key[0], ())) | {len(_key)}, reverse=True))
