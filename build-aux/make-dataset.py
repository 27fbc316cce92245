#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic dataset for the benchmarks: the bundled dataset, with
N made-up events added (marked so in every title) whose dates mix the
wordings the format reads, most of them in 2024-2025 as in the real data.
The same N gives the same file.

    build-aux/make-dataset.py 100000 big.json
"""
import json
import random
import sys
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
         "Sept.", "Oct.", "Nov.", "Dec."]
CATEGORIES = ["regulation", "platform", "production", "market", "technology", "people"]


def wording(rand):
    year = rand.choice([2024, 2025]) if rand.random() < 0.7 else rand.randint(2010, 2025)
    month = rand.randint(1, 12)
    kind = rand.random()
    if kind < 0.4:
        return f"{SHORT[month - 1]} {rand.randint(1, 28)}, {year}"
    if kind < 0.7:
        return f"{MONTHS[month - 1]} {year}"
    if kind < 0.8:
        return f"{rand.choice(['early', 'mid', 'late'])} {MONTHS[month - 1]} {year}"
    if kind < 0.9:
        return str(year)
    return f"by {MONTHS[month - 1]} {year}"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-dataset.py N OUTPUT")
    n = int(sys.argv[1])
    here = Path(__file__).resolve().parent
    data = json.loads((here.parent / "data" / "microdrama.json").read_text(encoding="utf-8"))
    rand = random.Random(n)
    entities = [e["id"] for e in data["entities"]]
    source = data["sources"][0]["id"]
    events = list(data["events"])
    for i in range(n):
        events.append({
            "id": f"synthetic-{i}",
            "date": wording(rand),
            "category": rand.choice(CATEGORIES),
            "title": f"Synthetic event {i}: a platform changes its terms",
            "text": "A made-up event for measuring: its text is about as long as a "
                    "real event's, with a figure or two, 236 million users, 1,193 titles.",
            "entities": rand.sample(entities, rand.randint(1, 3)),
            "source": source,
            "sentence": "A made-up sentence of about the length of the source's own, "
                        "which says what a platform did, when, and what it meant for "
                        "the studios that make micro-dramas for it.",
        })
    data["events"] = events
    data["title"] = f"Synthetic dataset of {n} events"
    for member in ("title_zh", "description_zh"):
        data.pop(member, None)
    Path(sys.argv[2]).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


main()
