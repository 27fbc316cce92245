#!/usr/bin/env python3
# What the dataset quotes, checked against the source it cites:
#  1. every sentence it quotes stands, word for word, in the source article;
#  2. every entity an event or a fact is linked to is named in the sentence it
#     quotes (by its name, an alias or its Chinese name), or implied by it for
#     a reason written down in IMPLIED or ANAPHORA below;
#  3. no figure is a threshold dressed as a measure: a point's sentence that
#     speaks of a "club", a "mark" or a "threshold" is an event, not a bar.
# Usage: check-sentences.py DATASET.json SOURCE.txt
import json
import re
import sys

# (entity id, where, the words of the sentence that imply it): why the link
# holds although the sentence does not name the entity.
IMPLIED = {
    ("micro-drama-market", "micro-drama"):
        "the industry itself: a sentence about micro-dramas is about it",
    ("short-video", "short video"):
        "the short-video platforms, named by what they are",
    ("short-video", "short-video"):
        "the short-video platforms, named by what they are",
    ("cinema", "box office"):
        "box office revenues are the cinema industry's",
    ("cinema", "cinema"):
        "the cinema industry, named by what it is",
    ("web-dramas", "web drama"):
        "web dramas, named as such",
    ("linfen-base", "Linfen Boutique Micro-Drama Base"):
        "the base, by its full name",
    ("beijing", "Beijing"):
        "the city, by its name",
}

# (entity id, the sentence's first words): sentences of the source's
# paragraph on an entity that speak of it as "it", "the company" or by a part
# of its name, the paragraph's first sentence having named it.
ANAPHORA = {
    ("red-fruit", "In September, it had"): "“it”: the paragraph on Red Fruit",
    ("bytedance", "Red Fruit has over 236 million"):
        "the paragraph on ByteDance, whose app Red Fruit is, as its first sentence says",
    ("tencent", "The company's executive board"): "“the company”: the paragraph on Tencent",
    ("western-movie-group", "These often leverage"):
        "“these”: the vertical dramas of the paragraph on Western Movie Group",
    ("western-movie-group", "One such production"): "“the group”: Western Movie Group",
    ("dianzhong", "It boasts over 60 million"):
        "“it”: the paragraph on Dianzhong Tech and its Hippo Theater",
    ("hippo-theater", "It boasts over 60 million"):
        "“it”: the paragraph on Dianzhong Tech and its Hippo Theater, whose users these are",
    ("jiuzhou", "The company, alongside Dianzhong Tech"): "“the company”: the paragraph on Jiuzhou",
    ("le-li", "With a calm but confident tone, Le delivered"):
        "“Le”: Le Li's family name, after the sentence that names him",
}

dataset = json.load(open(sys.argv[1], encoding="utf-8"))
source = open(sys.argv[2], encoding="utf-8").read()
failures = []
checked = 0


def fold(text):
    """Compares names and sentences alike: case, apostrophes and hyphens."""
    return re.sub(r"[-‐–]", " ", text.replace("’", "'")).casefold()


entities = {e["id"]: e for e in dataset["entities"]}


def named_in(entity_id, sentence):
    entity = entities[entity_id]
    names = [entity["name"], *entity.get("aliases", [])]
    if "name_zh" in entity:
        names.append(entity["name_zh"])
    # "Dianzhong Tech" is named by "Dianzhong Tech Co. Ltd."; "China's cinema
    # industry" by its last words too.
    text = fold(sentence)
    if any(fold(n) in text for n in names):
        return True
    if any(key[0] == entity_id and fold(key[1]) in text for key in IMPLIED):
        return True
    return any(key[0] == entity_id and sentence.startswith(key[1]) for key in ANAPHORA)


# 1. Quoted sentences, word for word.
quoted = []
for e in dataset["entities"]:
    for i, f in enumerate(e.get("facts", [])):
        quoted.append((f"entities[{e['id']}].facts[{i}]", f["sentence"]))
for e in dataset["events"]:
    quoted.append((f"events[{e['id']}]", e["sentence"]))
for s in dataset["series"]:
    for i, p in enumerate(s["points"]):
        quoted.append((f"series[{s['id']}].points[{i}]", p["sentence"]))
for i, r in enumerate(dataset.get("exchange_rates", [])):
    quoted.append((f"exchange_rates[{i}]", r["sentence"]))
for where, sentence in quoted:
    checked += 1
    if sentence not in source:
        failures.append(f"{where}: not in the source: {sentence}")

# 2. Links that their sentence carries.
for e in dataset["events"]:
    for entity_id in e.get("entities", []):
        checked += 1
        if not named_in(entity_id, e["sentence"]):
            failures.append(f"events[{e['id']}]: links “{entity_id}”, which its sentence "
                            f"neither names nor implies: {e['sentence']}")
for e in dataset["entities"]:
    for i, f in enumerate(e.get("facts", [])):
        checked += 1
        if not named_in(e["id"], f["sentence"]):
            failures.append(f"entities[{e['id']}].facts[{i}]: its sentence neither names nor "
                            f"implies “{e['id']}”: {f['sentence']}")

# 3. No threshold as a measured bar.
for s in dataset["series"]:
    for i, p in enumerate(s["points"]):
        checked += 1
        if re.search(r"\b(club|mark|threshold)\b", p["sentence"]):
            failures.append(f"series[{s['id']}].points[{i}]: a threshold, not a measured figure: "
                            f"{p['sentence']}")

for failure in failures:
    print(failure)
print(f"{checked - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
