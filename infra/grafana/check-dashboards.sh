#!/usr/bin/env bash
# Checks that every PromQL expression of the Grafana dashboards parses, by handing them to
# promtool as recording rules.
set -euo pipefail
cd "$(dirname "$0")"
rules=$(mktemp --suffix=.yml)
trap 'rm -f "$rules"' EXIT
python3 - "$rules" dashboards/*.json <<'PY'
import json, sys
out, files = sys.argv[1], sys.argv[2:]
lines = ["groups:", "  - name: dashboard-expressions", "    rules:"]
n = 0
for f in files:
    for panel in json.load(open(f))["panels"]:
        for target in panel.get("targets", []):
            lines += [f"      - record: dashboard:expr{n}", "        expr: " + json.dumps(target["expr"].replace("$partnership", ".*"))]
            n += 1
open(out, "w").write("\n".join(lines) + "\n")
PY
promtool check rules "$rules"
