#!/usr/bin/env python3
# Every sentence the dataset quotes must stand, word for word, in the source
# article it cites. Usage: check-sentences.py DATASET.json SOURCE.txt
import json
import sys

dataset = json.load(open(sys.argv[1], encoding="utf-8"))
source = open(sys.argv[2], encoding="utf-8").read()

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

missing = [(where, s) for where, s in quoted if s not in source]
for where, s in missing:
    print(f"{where}: not in the source: {s}")
print(f"{len(quoted) - len(missing)} passed, {len(missing)} failed")
sys.exit(1 if missing else 0)
