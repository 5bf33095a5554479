"""Negation and denial: the words that say a thing is not so, or that someone says it is not."""

from __future__ import annotations

NEGATION_WORDS = frozenset(
    {"not", "no", "never", "n't", "nor", "without", "neither", "none", "cannot"}
    | {"preclude", "precludes", "precluded"}  # "the miss distance precludes any impact"
    | {"unable"}  # "CNN was unable to verify the tape": it could not
    | {"refuse", "refuses", "refused", "refusing"}  # "refused to confirm": did not confirm
)

# Words that negate what follows when they speak of evidence or an effect: "had little effect
# on", "little evidence of", "evidence was lacking for", "a lack of evidence that".
SCANT_WORDS = frozenset({"little", "lack", "lacking", "lacked"})
SCANT_OF = frozenset(
    {"evidence", "effect", "effects", "benefit", "impact", "difference", "association", "support"}
)

# The stems of denying (a key of a token): "denied", "rejects", "refuted", "disputed"; and of
# debunking, which says a story is not so: "a hoax", "fake", "bogus", "debunked", "untrue",
# "baseless", "unfounded", "a myth", "a spoof", "satire".
DENIAL_STEMS = frozenset(
    {"deni", "deny", "reject", "refut", "dismiss", "rebuf", "disput"}
    | {"hoax", "fake", "bogus", "debunk", "untru", "baseless", "unfound", "myth", "spoof", "satir"}
)

# The stems of calling a story talk rather than fact: "rumours being spread about ...",
# "speculation", "rumoured". A speaker who says them does not say the story is so.
RUMOUR_STEMS = frozenset({"rumour", "rumor", "specul", "gossip", "hearsay"})

# Words that tell a story as talk, not as the writer's fact: "rumours that ...", "reportedly",
# "allegedly", "people are saying ...", "reports that ...", "it was claimed that ...". A passage
# that tells a story so does not say it is so: it reports the talk a debunking claim denies.
HEARSAY_WORDS = (
    r"rumou?r\w*", r"speculat\w*", r"gossip\w*", "hearsay", "reportedly", "allegedly",
    "purportedly", "supposedly", "unconfirmed", "unverified",
)  # fmt: skip
HEARSAY_PHRASES = (
    r"(?:people|some|many|others|users|fans|critics)\s+(?:are\s+|were\s+|have\s+been\s+)?"
    r"(?:saying|claiming|suggesting|speculating)",
    # "reports" as a noun (after a determiner, "there were", or the sentence's start), not
    # the verb of a named or first-person source ("we report that", "the ministry reports")
    r"(?:(?<![\w,;:] )(?<![\w,;:])|(?<=\bthe )|(?<=\ba )|(?<=\bwere )|(?<=\bare )"
    r"|(?<=\bamid )|(?<=\bafter )|(?<=\bmedia )|(?<=\bnews )|(?<=\bpress )|(?<=\brecent )"
    r"|(?<=\bearlier )|(?<=\bunconfirmed )|(?<=\bsome )|(?<=\bmany )|(?<=\bmultiple ))"
    r"reports?\s+(?:that|of|suggest\w*|claim\w*)",
    r"claims?\s+that",
    r"(?:is|was|were|has\s+been|have\s+been)\s+(?:claimed|rumou?red|alleged|reported)\s+that",
)

# What tells a story as someone's unchecked word, beside ``HEARSAY_PHRASES``: "a report
# claiming that ...", "the magazine, which claimed that ...", "stories circulating that ...".
TALK_PHRASES = (
    r"claim(?:ed|ing)\s+that",
    r"(?:stories|story|reports?|posts?|articles?)\s+(?:claiming|alleging|suggesting|saying)",
    r"purport(?:s|ed|ing)?",
)

# What tells a whole sentence as another outlet's or unnamed sources' word, wherever it stands
# in it: "..., according to a report by ...", "..., citing unnamed sources", "iGen.fr is
# reporting that ...", "sources told the paper". A newsroom relays such a report; it does not
# vouch for it.
RELAYED_PHRASES = (
    r"according\s+to\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}reports?",
    r"citing\s+(?:[\w’'-]+\s+){0,2}sources?",
    r"(?:is|are|was|were)\s+reporting",
    r"sources?\s+(?:said|say|says|told|tell|tells)",
)

# A sentence that calls the story it tells false, with the story (or "it", "this") as its
# subject: "The video was a fake", "This report is entirely false", "the story has been
# debunked", "None of those are true". An article that tells a story and says this of it does
# not back the story.
_STORY = (
    r"(?:(?:the|this|that|these|those|such)\s+(?:(?:whole|entire|viral|original)\s+)?"
    r"(?:story|stories|report|reports|claims?|rumou?rs?|video|photo(?:graph)?s?|images?|"
    r"pictures?|article|tweets?|posts?|headlines?|news|tale|account)|it|this|that)"
)
_CALLED = (
    r"(?:is|was|are|were|has\s+been|have\s+been|(?:turned\s+out|proved|appears|seems)\s+to\s+be)"
    r"(?:\s+(?:all|just|a|an|entirely|completely|totally|nothing\s+but|actually|in\s+fact|"
    r"simply|another|elaborate|clearly|likely|probably|now|since)){0,3}"
    r"\s+(?:hoax(?:es)?|fakes?|false|bogus|untrue|made[\s-]up|fabricat\w+|satire|satirical|"
    r"a\s+spoof|a\s+myth|not\s+true|staged|doctored|photoshopped|debunked)"
)
# Words before such a sentence that make it talk in turn: "amid claims it is a hoax",
# "rumours that the video was fake", "asked whether the story was made up".
TALK_OF_FALSE = (
    r"(?:claims?|claiming|claimed|alleg\w+|rumou?rs?|suggest\w*|speculat\w+|question\w*|"
    r"whether|if|doubts?)\s+(?:that\s+)?$"
)
STORY_CALLED_FALSE = (
    r"\b" + _STORY + r"(?:\s+[\w’'-]+){0,3}?\s+" + _CALLED + r"\b",
    r"\bnone\s+of\s+(?:it|this|that|these|those|them|the\s+\w+)\s+(?:is|was|are|were)\s+true\b",
)

# A negation that opens an idiom saying the opposite of "not": "told in no uncertain terms",
# "no doubt", "not only ... but", "not least", "not for the first time", "it would not be the
# first time" (it has happened before; "not the first to enter" still negates).
AFFIRMING_IDIOMS = frozenset(
    {
        ("no", "uncertain"),
        ("no", "doubt"),
        ("not", "only"),
        ("not", "least"),
        ("not", "for", "the", "first", "time"),
        ("not", "the", "first", "time"),
        ("not", "be", "the", "first", "time"),
    }
)

# Words that open a subordinate clause: a negation in a clause a sentence opens with ("While it
# has not been verified, an audio recording ...") ends with it.
SUBORDINATORS = frozenset(
    "while although though whereas if unless because since as when whether".split()
)
