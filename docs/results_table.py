"""The README's results tables, printed from a report's results.json (notebook 10_results).

    .venv/bin/python docs/results_table.py reports/demo-quick/results.json [dataset]

Prints one Markdown table (method × type, a column per protocol: F1 [95 % interval], the
subjects behind it, "few" below 4) and the paired differences against the leader, so the
README copies the results notebook's numbers rather than retyping them.
"""

from __future__ import annotations

import json
import sys


def main(path: str = "reports/demo-quick/results.json", dataset: str = "demo") -> None:
    res = json.load(open(path))["10_results"][dataset]
    protos = ("megc2020", "one-to-one", "coverage")
    print("| method | type | " + " | ".join(protos) + " | subjects |")
    print("|---|---|" + "---|" * len(protos) + "---|")
    for m, per in res["table"].items():
        types = list(next(iter(per.values())))
        for t in types:
            cells = []
            for p in protos:
                r = per.get(p, {}).get(t)
                cells.append(f"{r['f1']:.3f} [{r['f1_ci'][0]:.3f}, {r['f1_ci'][1]:.3f}]"
                             if r else "—")
            r = per["megc2020"][t]
            n = f"{r['n_subjects']}" + (" (few)" if r["few_subjects"] else "")
            print(f"| {m} | {t} | " + " | ".join(cells) + f" | {n} |")
    print()
    print("| paired difference (MEGC2020) | type | F1 difference [95 %] | supported |")
    print("|---|---|---|---|")
    for t, per in res.get("differences", {}).items():
        for pair, d in per.items():
            print(f"| {pair} | {t} | {d['diff']:+.3f} [{d['ci'][0]:+.3f}, {d['ci'][1]:+.3f}] | "
                  f"{'yes' if d['supported'] else 'no'} |")
    print()
    print("window AUC: " + ", ".join(f"{m} {v:.3f}" for m, v in res.get("window_auc", {}).items()))


if __name__ == "__main__":
    main(*sys.argv[1:])
