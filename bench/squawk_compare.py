"""Compares squawk's gcc-style report with schemagate lint's output for one folder (see squawk-compare.sh)."""
import os
import re
import sys
from collections import defaultdict

SQUAWK = {
    "destructive": ["ban-drop-column", "ban-drop-table", "ban-drop-database", "ban-truncate-cascade"],
    "breaking": ["renaming-column", "renaming-table", "adding-required-field"],
    "index locks": ["require-concurrent-index-creation", "require-concurrent-index-deletion"],
    "constraint locks": ["adding-foreign-key-constraint", "constraint-missing-not-valid", "adding-not-nullable-field",
                         "disallowed-unique-constraint", "adding-serial-primary-key-field"],
    "rewrites": ["changing-column-type", "adding-field-with-default"],
    "lock timeout": ["require-lock-timeout"],
    "transactions": ["ban-concurrent-index-creation-in-transaction", "transaction-nesting"],
    "robustness": ["prefer-robust-stmts"],
    "types": ["prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-identity", "prefer-text-field",
              "prefer-timestamptz", "ban-char-field"],
}
SCHEMAGATE = {
    "destructive": ["drop-schema", "drop-table", "drop-column", "truncate", "lossy-type-change"],
    "breaking": ["rename-table", "rename-column", "column-used-by-view", "add-not-null-column-without-default"],
    "index locks": ["add-index-non-concurrently", "drop-index-non-concurrently", "reindex-non-concurrently"],
    "constraint locks": ["add-foreign-key-without-not-valid", "add-check-without-not-valid", "set-not-null",
                         "add-unique-constraint", "validate-in-same-transaction"],
    "rewrites": ["change-column-type", "add-column-volatile-default", "table-rewrite", "backfill-in-ddl-transaction"],
    "lock timeout": ["missing-lock-timeout"],
    "transactions": ["concurrently-in-transaction", "transaction-control", "enum-value-used-in-transaction"],
    "robustness": ["drop-without-if-exists", "create-without-if-not-exists"],
    "types": ["prefer-bigint-keys", "prefer-identity", "prefer-text", "prefer-timestamptz"],
}
CHECKED = {"destructive", "breaking", "index locks", "constraint locks", "rewrites", "lock timeout"}


def klass(table, rule):
    for name, rules in table.items():
        if rule in rules:
            return name
    return "other"


def near(places, file, line):
    """True when a place in the same file starts on the line or up to five lines above it."""
    return any(f == file and line - 5 <= l <= line for f, l in places)


def rules_at(findings, file, line):
    return [r for f, l, r in findings if (f, l) == (file, line)]


def explain(file, line, rules):
    """Why schemagate has no suspicion where squawk fires, for the cases known to differ by design."""
    if "require-lock-timeout" in rules:
        return ("no suspicion: schemagate asks for lock_timeout before a lock that blocks writes (SHARE ROW EXCLUSIVE or "
                "stronger) on an existing table; this statement creates an object or takes a weaker lock (a plain CREATE INDEX "
                "is reported as add-index-non-concurrently)")
    return "no suspicion"


def main(folder, squawk_file, schemagate_file):
    squawk = defaultdict(list)
    for line in open(squawk_file):
        m = re.match(r"(.+?):(\d+):(\d+): \w+: ([\w-]+) (.*)", line.strip())
        if m:
            squawk[klass(SQUAWK, m.group(4))].append((os.path.basename(m.group(1)), int(m.group(2)) + 1, m.group(4)))
    ours, cleared = defaultdict(list), []
    for line in open(schemagate_file):
        m = re.match(r"(.+?):(\d+):\d+: (error|warning|info): (.*) \[lint\.([\w-]+)\]$", line.strip())
        if m:
            ours[klass(SCHEMAGATE, m.group(5))].append((os.path.basename(m.group(1)), int(m.group(2)), m.group(5)))
        m = re.match(r"(.+?):(\d+):\d+: cleared: (.*) \[lint\.([\w-]+)\] \((.*)\)$", line.strip())
        if m:
            cleared.append((os.path.basename(m.group(1)), int(m.group(2)), m.group(4), m.group(5)))
    print(f"\n## {folder}\n")
    print("| class | squawk | schemagate | both | squawk only | schemagate only |")
    print("|---|---:|---:|---:|---:|---:|")
    unexplained = []
    for name in list(SCHEMAGATE) + ["other"]:
        s = {(f, l) for f, l, _ in squawk[name]}
        o = {(f, l) for f, l, _ in ours[name]}
        if not s and not o:
            continue
        matched = {(f, l) for f, l in s if near(o, f, l)}
        found = {(f, l) for f, l in o if any(near({(f, l)}, sf, sl) for sf, sl in s)}
        print(f"| {name} | {len(squawk[name])} | {len(ours[name])} | {len(matched)} | {len(s - matched)} | {len(o - found)} |")
        if name in CHECKED:
            for f, l in sorted(s - matched):
                why = sorted((c for c in cleared if c[0] == f and l - 5 <= c[1] <= l), key=lambda c: c[1])[-1:]
                unexplained.append((name, f, l, [r for ff, ll, r in squawk[name] if (ff, ll) == (f, l)],
                                    "; ".join(f"{c[2]}: {c[3]}" for c in why) or explain(f, l, rules_at(squawk[name], f, l))))
    if unexplained:
        print("\nsquawk alone on destructive, breaking and locking classes, and what schemagate says:\n")
        for name, f, l, rules, why in unexplained:
            print(f"- {f}:{l} {name} ({', '.join(sorted(set(rules)))}): {why}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
