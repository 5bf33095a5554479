"""Reporting and speech: the verbs that say who says something, the nouns for what was said,
and the words for whom a speaker speaks."""

from __future__ import annotations

# Verbs that give a sentence's speaker ("said", "claimed", "accused"), as written.
SPEECH_VERBS = (
    "said", "says", "say", "stated", "states", "told", "tells", "claimed", "claims", "claim",
    "denied", "denies", "deny", "reported", "reports", "announced", "announces", "warned",
    "warns", "added", "adds", "believes", "wrote", "writes", "insisted", "insists", "alleged",
    "alleges", "accused", "accuses", "confirmed", "confirms", "acknowledged", "admitted",
    "revealed", "noted", "argued", "declared", "explained", "blamed", "vowed", "estimated",
    "estimates", "showed", "shows", "cited", "dismissed", "dismisses", "refuted", "refutes",
    "rejected", "rejects", "disputed", "disputes", "tweeted", "tweets",
)  # fmt: skip
# Speech verbs by which a claim says someone told something (not that they denied, disputed or
# withheld it): what a speaker who declined to comment did not do (``statements.withheld``).
TELLING_VERBS = frozenset(
    "said says stated told confirmed confirms announced announces revealed acknowledged "
    "admitted declared".split()
)
# Speech verbs news writing puts before their speaker, after a quotation or a clause: "...,"
# said Jane Moreau; "..., added the minister". Not those that take an object there
# ("..., confirmed Moreau's death", "..., denied the report").
INVERTED_SPEECH_VERBS = (
    "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "insisted",
    "warned", "argued", "declared", "stated", "claimed", "alleged", "tweeted",
)  # fmt: skip
# Verbs that give an estimate's source when a figure follows "at": "The Pentagon puts the
# number of troops at about 500", "Officials placed the toll at 288".
ESTIMATE_VERBS = ("puts", "put", "places", "placed")
# Auxiliaries a speech verb may follow: "has said", "had claimed".
SPEECH_AUXILIARIES = ("has", "have", "had")

# Subject pronouns of a speaker: "he said", "they claim".
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "He", "She", "They", "It", "We"})

# Verbs that give a name: the quoted name after them is what the passage must say.
NAMING_WORDS = frozenset(
    "named called dubbed codenamed code-named titled christened nicknamed labelled labeled".split()
)
# Nouns by which a sentence refers to what an earlier one said: "The September 9 announcement".
REPORT_NOUNS = frozenset(
    "announcement announcements statement statements report reports claim claims accusation "
    "accusations allegation allegations warning warnings remarks comments assertion".split()
)
# Where a statement was made, in a claim's opening phrase: "In a video attributed to Shekau, the
# group denied ...", "In a statement on Monday, the ministry said ...".
MEDIUM_NOUNS = frozenset(
    "video videos statement statements interview interviews letter letters post posts tweet "
    "tweets message messages speech speeches broadcast recording audio briefing blog email "
    "e-mail op-ed column podcast communique communiqué".split()
)
# Who reports what research found, and the research itself: "Scientists have confirmed that
# ...", "The investigators estimated that ...", "a study showed that ...". A claim given to them,
# unnamed, is the word of any study that says it: an abstract's own sentences ("we concluded
# that ...") and a report of a study ("A trial in Brazil found ...").
RESEARCH_SPEAKERS = frozenset(
    "scientist scientists researcher researchers investigator investigators author authors "
    "study studies trial trials research analysis analyses meta-analysis review paper papers "
    "survey surveys result results finding findings".split()
)
# Verbs by which research reports what it found: "a study of 130,000 people found that ...",
# "Small studies have shown that ...", "..., concluding that ...". The words before them frame
# the claim's content.
FINDING_VERBS = frozenset(
    "found finds find finding showed shown shows show showing estimated estimates estimating "
    "suggested suggests suggesting concluded concludes concluding revealed reveals revealing "
    "indicated indicates indicating demonstrated demonstrates demonstrating confirmed confirms "
    "confirming".split()
)
# A verb that only carries a message noun: "delivered its warning" says "warned".
LIGHT_VERBS = frozenset({"delivered", "deliver", "issued", "issue", "sent", "send", "gave", "give"})
MESSAGE_NOUNS = frozenset({"warn", "messag", "threat", "ultimatum"})  # stems
# A person's post, written between the name of whom they serve and their own name.
ROLE_WORDS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "commander", "minister", "envoy", "ambassador"}
)
# Accusing someone of an act: the accused is the doer, the accuser is not.
ACCUSING = frozenset("accused accuses accusing blamed blames blaming".split())
ACCUSATIONS = frozenset(
    "accusation accusations allegation allegations charge charges claim claims".split()
)
# Quotation marks that open a quoted name: "named its offensive 'Jazeera Storm'".
QUOTES = ('"', "“", "‘", "'")

# Who a speaker is: a title before a name, or a word for a person's role, makes a person; a word
# for an organisation makes a group ("he" or "she" cannot stand for it).
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt",
    "Cpl", "Pvt", "Spc", "Adm", "Brig", "Cmdr", "Det", "Insp", "Supt", "Sen", "Rep", "Gov",
    "Pres", "Rev", "Hon",
)  # fmt: skip
TITLES = (
    "General", "Colonel", "Major", "Captain", "Lieutenant", "Sergeant", "Admiral", "Commander",
    "President", "Minister", "Secretary", "Senator", "Governor", "Ambassador", "Mayor", "Judge",
    "Professor", "Chancellor", "Pope", "King", "Queen", "Prince", "Princess",
)  # fmt: skip
PERSON_ROLES = (
    "spokesman", "spokeswoman", "spokesperson", "commander", "minister", "president", "official",
    "analyst", "general", "colonel", "ambassador", "envoy", "diplomat", "secretary", "director",
    "chief", "chairman", "chairwoman", "leader", "expert", "professor", "researcher", "witness",
    "resident", "activist", "fighter", "soldier", "officer", "lawmaker", "senator", "governor",
    "mayor", "founder", "journalist", "correspondent", "reporter", "editor", "lawyer",
    "economist", "scientist", "doctor", "man", "woman", "father", "mother", "son", "daughter",
    "husband", "wife",
)  # fmt: skip
# Lower-case ones are read with a capital too ("Ministry", "ministry").
GROUP_NOUNS = (
    "ministry", "agency", "army", "forces", "force", "government", "group", "council",
    "observatory", "command", "coalition", "militia", "department", "office", "committee",
    "commission", "party", "union", "organisation", "organization", "company", "corporation",
    "bank", "university", "institute", "centre", "center", "association", "foundation",
    "services", "service", "police", "network", "newspaper", "channel", "television", "TV",
    "regime", "administration", "embassy", "court", "parliament", "congress", "military",
    "media", "statement", "report", "study", "survey", "Pentagon", "Kremlin", "Reuters",
)  # fmt: skip
FEMALE_WORDS = (
    "Mrs", "Ms", "Miss", "Madam", "Queen", "Princess", "spokeswoman", "chairwoman", "woman",
    "mother", "daughter", "wife",
)  # fmt: skip
MALE_WORDS = (
    "Mr", "Sir", "King", "Prince", "spokesman", "chairman", "man", "father", "son", "husband",
)  # fmt: skip

# Words that open a clause, not a speaker ("After CEO Ana Ruiz announced ...", "When WHO
# declared ..."), and verbs that make the words before a speech verb a clause of their own
# ("Spain had 156 cases when it reported ...").
CLAUSE_OPENERS = frozenset(
    "after when with by in on since if before until once as although though because citing "
    "quoting following amid despite given".split()
)
CLAUSE_VERBS = frozenset("is are was were be been being do does did".split())
# Words that take a report or a claim as their object, before which "reports", "claims" are
# nouns: "Citing reports available till Saturday, ...", "Amid claims that ...".
REPORT_OBJECT_OPENERS = frozenset(
    "citing quoting following denying dismissing rejecting amid despite after given".split()
)
# ... and words that describe a report, before which it is a noun too: "Earlier reports
# claiming that ...", "Previous estimates from industry experts have pegged ...".
REPORT_ADJECTIVES = frozenset(
    "earlier previous early new initial recent latest later unconfirmed conflicting".split()
)
