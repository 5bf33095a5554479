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
    "estimates", "showed", "shows", "cited",
)  # fmt: skip
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
