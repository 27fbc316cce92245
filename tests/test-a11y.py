#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader reads: starts the app on a private accessibility bus
# (run under dbus-run-session, with a display), its views as tables, and
# reads its tree with the AT-SPI client library, as Orca would. Every event
# and every figure of the bundled dataset must be there as a node whose name
# says it all ("Red Fruit, Monthly active users, 236 million people,
# September 2025, Reported"); the views are switched as a person would, by
# the switcher's buttons.
#
#   test-a11y.py ATLAS_EXE DATASET_JSON
#
# Exits 77 (skipped) when the accessibility bus or the client library is not
# installed: apt install at-spi2-core gir1.2-atspi-2.0 python3-gi.

import json
import os
import subprocess
import sys
import tempfile
import time

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    print("skipped: no AT-SPI client library (%s): apt install gir1.2-atspi-2.0" % error)
    sys.exit(77)
if not os.path.exists(LAUNCHER):
    print("skipped: no accessibility bus: apt install at-spi2-core")
    sys.exit(77)
if not os.environ.get("DISPLAY"):
    print("skipped: no display")
    sys.exit(77)

exe, dataset_path = sys.argv[1], sys.argv[2]
with open(dataset_path, encoding="utf-8") as f:
    dataset = json.load(f)
names = {e["id"]: e["name"] for e in dataset["entities"]}


def walk(node, out, depth=0):
    if node is None or depth > 60 or len(out) > 20000:
        return
    try:
        out.append((node.get_role_name(), node.get_name() or "", node))
        for i in range(node.get_child_count()):
            walk(node.get_child_at_index(i), out, depth + 1)
    except Exception:
        pass


def find_app(pid, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == pid:
                return app
        time.sleep(0.2)
    return None


def nodes_when(app, ready, timeout=15):
    deadline = time.time() + timeout
    while True:
        found = []
        walk(app, found)
        if ready(found) or time.time() > deadline:
            return found
        time.sleep(0.3)


config = tempfile.mkdtemp()
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write("[io/github/microdrama/Atlas]\nshow-table=true\nwindow-size=(1500, 980)\n")

env = dict(os.environ)
for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
    env.pop(name, None)
env.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, GDK_BACKEND="x11",
           GSK_RENDERER="cairo")

bus = subprocess.Popen([LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
app_process = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
failures = []
try:
    app = find_app(app_process.pid)
    if app is None:
        print("the app did not appear on the accessibility bus")
        sys.exit(1)

    # The timeline's table: every event, named with its title and date.
    nodes = nodes_when(app, lambda ns: any(n.startswith("Table of") for _, n, _ in ns))
    texts = [n for _, n, _ in nodes]
    for event in dataset["events"]:
        date = event["date"]["text"] if isinstance(event["date"], dict) else event["date"]
        want = "%s, %s, " % (event["title"], date)
        if not any(t.startswith(want) for t in texts):
            failures.append("event %s: no node named “%s…”" % (event["id"], want))
    print("timeline: %d nodes; %d events" % (len(texts), len(dataset["events"])))

    # Every control says what it is for: a name of its own, not none, nor
    # the name of its class, which is what GTK falls back to ("GtkMenuButton").
    for role, n, _ in nodes:
        if role in ("push button", "toggle button", "check box", "radio button", "page tab") \
                and (n == "" or n.startswith(("Gtk", "Adw"))):
            failures.append("a %s named “%s”" % (role, n))

    # The icon buttons' tooltips are their descriptions, as GTK gives a
    # tooltip's text: Orca reads it after the name.
    descriptions = {n: node.get_description() or "" for role, n, node in nodes
                    if "button" in role}
    for name, description in (("Zoom In", "Zoom In"), ("Show All Years", "Show All Years"),
                              ("Export", "Export…"), ("Main Menu", "Main Menu"),
                              ("Regulation", "Show or hide Regulation events")):
        if descriptions.get(name) != description:
            failures.append("the button “%s” is described as “%s”, not “%s”"
                            % (name, descriptions.get(name), description))

    # Each chart's table, reached by the view switcher's buttons.
    charts = {c["id"]: c["title"] for c in dataset["charts"]}
    for chart_id, title in charts.items():
        tabs = [node for role, n, node in nodes
                if n == title and (role == "page tab" or "button" in role)]
        if not tabs:
            failures.append("no switcher button for the view “%s”" % title)
            continue
        # A tab is chosen as Orca chooses it: its action, or its list's selection.
        action = tabs[0].get_action_iface()
        if action is not None and action.get_n_actions() > 0:
            action.do_action(0)
        else:
            parent = tabs[0].get_parent()
            parent.get_selection_iface().select_child(tabs[0].get_index_in_parent())
        view = nodes_when(app, lambda ns: any(n == "Table of " + title for _, n, _ in ns))
        texts = [n for _, n, _ in view]
        count = 0
        for series in dataset["series"]:
            if series.get("chart") != chart_id:
                continue
            for point in series["points"]:
                count += 1
                want = "%s, %s, " % (names.get(point["entity"], point["entity"]), series["label"])
                date = point.get("date", "Date not stated")
                if isinstance(date, dict):
                    date = date["text"]
                if not any(t.startswith(want) and (", %s, " % date) in t for t in texts):
                    failures.append("figure of %s in %s: no node named “%s… %s…”"
                                    % (point["entity"], series["id"], want, date))
        print("%s: %d nodes; %d figures" % (title, len(texts), count))
finally:
    app_process.terminate()
    try:
        app_process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        app_process.kill()
    bus.terminate()

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
