#!/usr/bin/env python3
"""The SQL one request ran, read back from PostgreSQL's log (log_min_duration_statement = 0).

Usage: pg-statements.py LOG_CHUNK OUT_PREFIX
Writes OUT_PREFIX.sql (a pgbench script: the statements in order, parameters substituted as
literals; transaction control left out and the whole wrapped in BEGIN ... ROLLBACK when the
request wrote, so a replay changes nothing) and OUT_PREFIX.slowest.sql (the statement with the
longest execution, for EXPLAIN ANALYZE), and prints "statements server_ms slowest_ms writes|reads requests" (requests: how many
session checks the log holds, or without any, how many pool resets (a held session, docs/decisions/048);
it must be 1 for a clean capture).
server_ms is the sum of the parse, bind and execute durations PostgreSQL logged for the request.
"""
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] (?:\S+ )?(LOG|DETAIL|ERROR|STATEMENT):  (.*)$")
DURATION = re.compile(r"^duration: ([0-9.]+) ms  (parse|bind|execute|statement)(?: [^:]*)?: (.*)$", re.S)
TRANSACTION = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)\b", re.I)
# The benchmark's own statements that switch the log on and off.
OWN = re.compile(r"ALTER SYSTEM|pg_reload_conf\(\)", re.I)
# Npgsql resets a pooled connection before its next use; not allowed inside the replay's transaction.
RESET = re.compile(r"^\s*DISCARD ALL\s*$", re.I)
# Every request of a signed-in user starts by checking its session (SessionValidator), unless its
# instance holds the session's row (docs/decisions/048); it then starts with the reset Npgsql sends
# before a pooled connection's next use.
SESSION_CHECK = re.compile(r"FROM user_sessions AS \w+\s+INNER JOIN users AS")
POOL_RESET = re.compile(r"^\s*(DISCARD ALL|SET SESSION AUTHORIZATION DEFAULT;RESET ALL;)", re.I)
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|MERGE)\b", re.I)


def entries(lines):
    current = None
    for line in lines:
        match = ENTRY.match(line)
        if match:
            if current:
                yield current
            current = [match.group(1), match.group(2)]
        elif current is not None:
            current[1] += "\n" + line.removeprefix("\t")
    if current:
        yield current


def parameters(text):
    """'$1 = '51', $2 = NULL' -> {1: "'51'", 2: 'NULL'} (values keep their quoting)."""
    values, i = {}, 0
    while True:
        match = re.compile(r"\$(\d+) = ").search(text, i)
        if not match:
            return values
        j = match.end()
        if text.startswith("NULL", j):
            values[int(match.group(1))] = "NULL"
            i = j + 4
            continue
        k = j + 1
        while True:
            k = text.index("'", k)
            if text.startswith("''", k):
                k += 2
                continue
            break
        values[int(match.group(1))] = text[j:k + 1]
        i = k + 1


def main():
    log, prefix = sys.argv[1], sys.argv[2]
    with open(log, encoding="utf-8", errors="replace") as f:
        raw = [line.rstrip("\n") for line in f]
    statements, server_ms, pending = [], 0.0, None
    for kind, message in entries(raw):
        if kind == "LOG":
            match = DURATION.match(message)
            if not match:
                pending = None
                continue
            server_ms += float(match.group(1))
            if OWN.search(match.group(3)):
                server_ms -= float(match.group(1))
                pending = None
                continue
            if match.group(2) in ("execute", "statement"):
                pending = [match.group(3).strip(), {}, float(match.group(1))]
                statements.append(pending)
            else:
                pending = None
        elif kind == "DETAIL" and pending is not None and message.lower().startswith("parameters: "):
            pending[1] = parameters(message[len("parameters: "):])

    def literal(sql, values):
        return re.sub(r"\$(\d+)\b", lambda m: values.get(int(m.group(1)), m.group(0)), sql)

    body = [literal(sql, values).rstrip().rstrip(";") for sql, values, _ in statements if not TRANSACTION.match(sql)]
    resets = sum(1 for s in body if POOL_RESET.match(s))
    writes = any(WRITE.match(s) for s in body)
    # DISCARD ALL also drops pgbench's own prepared statements (-M prepared): never replayed.
    body = [s for s in body if not RESET.match(s)]
    requests = sum(1 for s in body if SESSION_CHECK.search(s)) or resets
    with open(prefix + ".sql", "w", encoding="utf-8") as f:
        if writes:
            f.write("BEGIN;\n")
        for s in body:
            f.write(s + ";\n")
        if writes:
            f.write("ROLLBACK;\n")
    slowest = max((s for s in statements if not TRANSACTION.match(s[0])), key=lambda s: s[2], default=None)
    with open(prefix + ".slowest.sql", "w", encoding="utf-8") as f:
        if slowest:
            f.write(literal(slowest[0], slowest[1]).rstrip().rstrip(";") + "\n")
    print(len(body), f"{server_ms:.1f}", f"{slowest[2] if slowest else 0:.1f}", "writes" if writes else "reads", requests)


if __name__ == "__main__":
    main()
