"""Words news writing uses for the same act or thing (folded into one key, "~" and the group's
first stem), the verbs that mean one act only before a certain object, and the groups of keys
the judge reads as one kind of act."""

from __future__ import annotations

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("control", "hold", "held", "seiz", "captur", "retak", "retaken", "recaptur", "occupi"),
    (
        "bomb",
        "strike",
        "struck",
        "airstrik",
        "attack",
        "shell",
        "target",
        "hit",
        "raid",
        "fire",
        "mortar",
        "artilleri",
        "rocket",
    ),
    ("kill", "dead", "die", "death"),
    ("wound", "injur", "hurt"),
    ("arrest", "detain", "apprehend"),
    ("miss", "disappear", "vanish"),
    ("troop", "soldier", "personnel", "forc"),
    ("deploy", "station", "send", "sent", "dispatch"),
    ("launch", "begin", "began", "start"),
    ("offens", "campaign", "assault", "oper"),
    ("coordin", "cooper", "collabor"),
    ("siege", "sieg", "besieg", "blockad", "encircl"),
    ("separ", "divid"),
    ("territori", "area", "land", "ground"),
    ("militant", "milit", "jihadist", "fighter", "terrorist", "insurg", "militia"),
    ("deni", "deny", "reject", "refut", "dismiss"),
    ("claim", "alleg", "assert"),
    ("fight", "combat", "battl", "clash"),
    ("alli", "partner", "proxi"),
    ("order", "instruct"),
    ("slow", "hamper", "hinder", "imped", "delay"),
    ("releas", "discharg"),
    ("halt", "stop", "suspend", "ceas", "paus", "abandon", "neglect"),
    ("biggest", "largest"),
    ("big", "larg"),
    ("workforc", "worker", "employe", "staff", "headcount"),
)

# Verbs that news writing uses for one act only before a certain object: to break, lift, end
# or raise a siege or a blockade is one thing ("lift" and "break" are otherwise not alike).
COLLOCATIONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("~siege", frozenset({"break", "lift", "end", "rais"})),
)

# Nouns for the people of a named side: "SDF fighters" says no more than "the SDF".
PEOPLE_OF = frozenset({"~militant", "~troop", "~alli"})
# Acts done by one side to another: who does them matters.
TRANSITIVE_ACTS = frozenset({"~bomb", "~kill", "~wound", "~control"})
# What happened to the people counted: a count of the killed is not a count of the force, nor
# of the arrested or the missing.
COUNTED_EVENTS = frozenset({"~kill", "~wound", "~deploy", "~arrest", "~miss"})
# What a running tally counts, which only grows as it is reported (keys: a synonym group or a
# stem): the cases of an outbreak, the dead and the wounded of a disaster. A later report of
# fewer than a claim's earlier count says the count was not reached.
TALLIES = frozenset({"~kill", "~wound", "case", "infect", "toll"})
# What befell those a figure counts, and how a sentence says it (the event's synonym group):
# keys by which the figure counts them ("killed", "deaths", "fatalities", "the toll";
# "injured", "injuries"), and the nouns among them that say it of a bare number ("the toll
# rose to 60", "the number of injured at 1,175"); lives, when taken, are the dead: "claimed 60
# lives", "lost their lives".
BEFALLEN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "~kill": (frozenset({"~kill", "fatal", "toll"}), frozenset({"death", "dead", "fatal", "toll"})),
    "~wound": (frozenset({"~wound", "injuri"}), frozenset({"injur", "injuri", "wound"})),
}
LIVES = "live"
LIVES_TAKEN = frozenset({"lose", "lost", "claim", "~claim", "take", "took", "cost"})
# Losing a share of a place: what the loser lost, the other side holds.
LOSS = frozenset({"lose", "cede", "surrend", "forfeit"})
# Acts that have one actor: one strike killed him, one force holds the street.
EXCLUSIVE_ACTS = frozenset({"~kill", "~control"})
# To leave a fight undone: "neglecting", "abandoned", "halted" (one synonym group).
FORGOING = "~halt"
# What is done in a fight for a place: "the fight for Raqqa", "instead of liberating Raqqa".
CAMPAIGN_ACTS = frozenset(
    {"~fight", "~bomb", "~control", "~siege", "~offens", "liber", "advanc", "defend"}
)
# Telling someone what any attempt will meet is warning them.
WARNING = "warn"
ATTACKS = "~bomb"  # fired at, shelled, struck, attacked
FIGHT = "~fight"  # fought, battled, clashed...
# Verbs of being at work somewhere with others: "troops working alongside Russian special forces"
# says both are there, as "deployed alongside" does.
PRESENCE_VERBS = frozenset({"work", "oper", "fight", "serv"})
# Prepositions that put a named side with the subject, or against it: "fought alongside the SDF"
# and "fought against the SDF" share every content word and say opposite things.
WITH_SIDE = frozenset({"alongside", "beside"})
AGAINST_SIDE = frozenset({"against"})
# Words that describe a name by another: "US-backed", "Iran-allied".
DESCRIBING = frozenset("backed led supported linked allied aligned affiliated".split())
# What befell people, as opposites: one who survived was not killed.
DEATH = frozenset({"~kill", "perish"})
SURVIVAL = frozenset({"surviv", "aliv"})
