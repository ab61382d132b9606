#!/usr/bin/env python3
"""Summary of a dotnet-trace Speedscope file (profile dotnet-sampled-thread-time): of the time the
portal's threads ran managed code (samples whose top frame is CPU_TIME), the share spent under each
frame of Paritrana's own code, largest first. Inclusive shares: a frame counts every sample it is on
the stack of, so nested frames overlap. Async state machines are folded into their methods.
Usage: profile-summary.py FILE.speedscope.json [how many rows, 40]"""
import collections, json, re, sys

data = json.load(open(sys.argv[1]))
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 40
frames = [f["name"] for f in data["shared"]["frames"]]


def method(name):
    # "Paritrana.Web!Paritrana.Web.X+<OnGetAsync>d__64.MoveNext()" -> "Paritrana.Web.X.OnGetAsync"
    name = name.split("!", 1)[-1]
    m = re.match(r"(.*?)\+<(\w+)>d__\d+\.MoveNext\(\)", name)
    if m:
        return f"{m.group(1)}.{m.group(2)}"
    return re.sub(r"\(.*", "", name)


inclusive, running = collections.Counter(), 0.0
for profile in data["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        at = event["at"]
        if stack and last is not None and frames[stack[-1]] == "CPU_TIME":
            weight = at - last
            running += weight
            for name in {method(frames[f]) for f in stack if frames[f].startswith("Paritrana.")}:
                inclusive[name] += weight
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()

print(f"managed code running: {running / 1000:.1f} s of thread time")
print("| share | Paritrana frame (inclusive) |\n| ---: | --- |")
for name, weight in inclusive.most_common(rows):
    print(f"| {100 * weight / running:.1f} % | `{name}` |")
