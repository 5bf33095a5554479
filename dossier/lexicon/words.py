"""Function words and small word classes: the tokenizer's stop words, auxiliaries, pronouns,
determiners, prepositions of place and aim, and the particles inside names."""

from __future__ import annotations

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not of off on once only or other ought our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say saying told tell according reported reports report stated statement added
    also already still now today yesterday however meanwhile since per cent percent one two
    several many much amid across around nearly almost least among whether would may might must
    near shall upon within without via carry carried carries carrying make made makes take
    took taken takes get got gets give gave given put
    de la le du des el al ez ad ash as an ar at az ed es et ul""".split()
)

# Arabic definite articles as they are transliterated: standalone or joined with a hyphen.
ARABIC_ARTICLES = frozenset("al el il ul ad ed ar er as es ash esh at et az ez an en ath".split())
# The small words inside one name: "Deir ez-Zor", "Bank of England", "Abu al-Hasan".
NAME_PARTICLES = ARABIC_ARTICLES | frozenset("of de la le du des da di von van bin ibn".split())
NAME_JOINS = frozenset({"of", "for"})  # inside a name: "Ministry of Defense"
# Words a sentence or a headline does not end on: a line ending on one ends mid-sentence
# ("... according to the" / "Wall Street Journal"). Not the particles that end a phrase ("out").
OPEN_ENDINGS = frozenset(
    """a an the this these those its their his her our your my of to in on at by for from with
    into onto than via per among amid across against during without within upon towards
    toward despite including and or but nor that which whose whom if because while whether
    although unless as""".split()
)

# Past forms Snowball cannot reduce: "broke" must meet "breaking", "fought" "fight".
IRREGULAR_VERBS = {
    past: base
    for base, forms in {
        "break": "broke broken",
        "fight": "fought",
        "begin": "began begun",
        "send": "sent",
        "lead": "led",
        "win": "won",
        "lose": "lost",
        "flee": "fled",
        "shoot": "shot",
        "strike": "struck stricken",
        "seek": "sought",
        "bring": "brought",
        "drive": "drove driven",
        "rise": "risen",
        "fall": "fell fallen",
        "hold": "held",
        "meet": "met",
        "speak": "spoke spoken",
        "write": "wrote written",
        "withdraw": "withdrew withdrawn",
        "overrun": "overran",
        "retake": "retook retaken",
        "undertake": "undertook undertaken",
        "see": "saw seen",
        "know": "knew known",
        "catch": "caught",
        "build": "built",
        "blow": "blew blown",
        "freeze": "froze frozen",
        "hide": "hid hidden",
        "steal": "stole stolen",
        "choose": "chose chosen",
        "wake": "woke woken",
    }.items()
    for past in forms.split()
}

AUXILIARIES = frozenset("is are was were be been being has have had will".split())
BE_FORMS = frozenset("is are was were be been being".split())
# Words that may stand inside a verb group: "has not already been".
VERB_GROUP_WORDS = frozenset({"not", "also", "already", "reportedly", "allegedly"})
CLAUSE_WORDS = frozenset({"and", "but", "that", "which", "while", "who", "whereas"})
REPEATS = frozenset({"twice", "thrice", "again", "repeatedly", "once"})  # "shelled twice by"

# Where an act happened, not whom it was done to: "near Deir ez-Zor", "east of Raqqa".
LOCATIVES = frozenset(
    "near in at around outside inside across into toward towards from within".split()
)
BEARINGS = frozenset("east west north south northeast northwest southeast southwest".split())
AIMS = frozenset({"at", "on", "against", "upon"})

# Words by which a sentence points back at whom an act was done to.
OBJECT_PRONOUNS = frozenset("it its they them their he him his she her we us our".split())
PRONOUN_SUBJECTS = frozenset({"it", "they", "we", "he", "she", "its", "their", "our"})
POSSESSIVES = frozenset({"its", "their"})
FIRST_PERSON = frozenset({"we", "We", "our", "Our", "us", "ours"})  # not "US"

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
DETERMINERS = frozenset({"the", "this", "that", "its", "their"})
# The small words between a preposition and the name it governs: "against the SDF".
NAME_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# Prepositions that give a name a role in the act: "to the SDF", "against IS", "by Russia".
ROLE_PREPOSITIONS = frozenset({"to", "with", "in", "into", "from", "against", "by"})
# Words that end the noun a figure counts: "500 troops and ...", "40 fighters who ...".
NOUN_ENDS = frozenset(
    "and or but is are was were be been in on at by with from which that who as to for "
    "since after before while".split()
)
# Nouns that, after "the", stand for a name already given: "the group had been ordered".
ANAPHORS = frozenset({"group", "organisation", "organization", "movement"})
# Counts of people in general: "400 people would be let go" counts what "400 employees" does.
PEOPLE = frozenset({"peopl", "person", "individu"})
# Stems of nouns for kinds of people, whom a count of "people" can count.
KINDS_OF_PEOPLE = frozenset(
    "employe worker staff staffer resid civilian passeng soldier troop fighter patient student "
    "voter member citizen refuge migrant victim adult child children women woman men man "
    "user custom subscrib traveller travel pilgrim spectat fan particip driver pilot crew "
    "offici milit insurg rebel gunman gunmen hostag journalist detaine suspect".split()
)
# Words for a place that the rest of the sentence names: "the city", "the province".
GENERIC_OBJECTS = frozenset(
    "city town village province region area territory country capital it them there".split()
)
# Words after "the killed were" that say what befell them, not who they were.
NOT_AN_IDENTITY = frozenset(
    "not also still being among in at from on to by under found buried held".split()
)
# Comparatives that say which way two things compare: "more votes than Reform" against "fewer
# than Reform" (a word of the first set against one of the second).
MORE_WORDS = frozenset({"more", "higher", "larger", "greater", "bigger", "above"})
LESS_WORDS = frozenset({"fewer", "less", "lower", "smaller", "below"})
# Stems of the words that say a thing rises or falls, or is made to: "reduces the risk",
# "higher growth rates", "mortality increased", "inhibits the response" (``statements.other-way``
# reads what each is said of: the content words beside it).
RISE_STEMS = frozenset(
    "increas rise rais higher elev enhanc promot induc activ upregul improv greater acceler "
    "boost stimul augment amplif more larger exacerb amplifi strengthen encourag faster prolong "
    "lengthen rose soar surg climb".split()
)
FALL_STEMS = frozenset(
    "decreas reduc reduct lower declin fall drop inhibit suppress impair downregul less fewer "
    "attenu diminish slow abolish abrog weaken smaller lessen repress allevi mitig curb worsen "
    "deterior delay block amelior prevent halt slower shorten hinder imped plung plummet".split()
)
# Words whose stem is one of rising or falling but that name a state, not a change: "nerve
# activity is reduced" says activity falls, not that anything is activated.
WAY_STATE_WORDS = frozenset({"activity", "activities", "active"})
# Signs of a relation: "a positive correlation" (the two rise together), "an inverse
# association" (one falls as the other rises), when a word of relation follows.
SIGNED_WORDS = {
    "positive": "up", "positively": "up", "negative": "down", "negatively": "down",
    "inverse": "down", "inversely": "down",
}  # fmt: skip
RELATION_STEMS = frozenset({"correl", "associ", "relat", "relationship", "link"})
# The ratios a study gives an effect by: above one the outcome is likelier with the exposure,
# below one less likely, and a 95% confidence interval that holds one finds no difference
# ("an odds ratio of 2.77 (95% CI 1.04 to 7.97)", "HR, 0.61"). Spelled out, and abbreviated.
RATIO_NAMES = (
    "odds ratio", "hazard ratio", "risk ratio", "rate ratio", "relative risk",
    "incidence rate ratio",
)  # fmt: skip
RATIO_ABBREVIATIONS = ("OR", "HR", "RR", "IRR", "aOR", "aHR", "aRR", "aIRR")
# Words of no difference: "the same rate as" ("as" within ``thresholds.SAME_AS_REACH`` words),
# "was similar in", "comparable to" (after ``LIKE_BEFORE``, or before one of ``LIKE_AFTER``).
LIKE_WORDS = frozenset({"similar", "comparable", "unchanged", "equal", "flat", "stable"})
LIKE_AFTER = frozenset({"to", "in", "between", "among", "across", "for", "with"})
LIKE_BEFORE = BE_FORMS | {"remained", "remains", "stayed", "stays"}
# ... or before a noun of how much or how likely ("a similar risk of infection", "an equal
# rate"); and "just as" or "equally" before a word ("just as likely to die", "equally
# effective"), or "as likely as".
LIKE_MEASURES = frozenset(
    {"risk", "risks", "rate", "rates", "odds", "chance", "chances", "likelihood", "level"}
    | {"levels", "number", "numbers", "proportion", "prevalence", "incidence", "mortality"}
)
EQUAL_BEFORE_AS = frozenset({"just", "equally"})
# Words of a thing's lack or removal: what its loss does, the thing does the other way ("loss
# of X increases Y" says X reduces Y), so a rise or fall is compared only where both texts say
# a lack or neither does.
LACK_RE = (
    r"\b(?:loss|lack|lacking|absence|absent|without|deficien\w*|knock(?:out|down)s?|knocked|"
    r"deplet\w*|delet\w*|silenc\w*|ablat\w*|mutant\w*|null|antagonist\w*|inhibitors?|"
    r"blockade|blocking|-/-)(?!\w)"
)
# Ordered scales of grading words: a thing graded one step of a scale is not graded another
# ("the risk is moderate" against "the risk is high"; "mild" against "severe").
GRADE_SCALES = (
    ("low", "moderate", "high"),
    ("mild", "moderate", "severe"),
)
GRADES = frozenset(w for scale in GRADE_SCALES for w in scale)
# Ranks written before a superlative: "the fourth deadliest" is not "the deadliest".
RANKS = (
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
)  # fmt: skip

# Participles that say two things go together, not what one does to the other: "X is associated
# with Y" is said as much by "Y-associated X" or "X ... Y" in one clause ("genetic
# susceptibility to respiratory failure"), so the participle itself need not be found.
RELATIONAL = frozenset(
    "associated linked related correlated connected tied attributed attributable".split()
)

# Posts one person holds at a time, written before the holder's name ("CEO Ana Ruiz"): two
# holders said to have done the same act on the same occasion cannot both be right.
SOLE_POSTS = frozenset(
    "ceo president chairman chairwoman chair governor mayor premier chancellor coach".split()
)
# Events that happen on one day: a claim of one of them counts what happened on its day.
ONE_DAY_EVENTS = (
    "operation", "raid", "attack", "strike", "airstrike", "air strike", "assault", "ambush",
    "bombing", "blast", "explosion", "crash", "collision", "derailment", "shooting", "massacre",
    "rescue", "mission",
)  # fmt: skip
