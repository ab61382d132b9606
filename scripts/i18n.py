#!/usr/bin/env python3
"""Maintains Resources/SharedResource.en.resx, the English translations of the interface.

The keys are the Indonesian texts used in the code (L["..."], [Display(Name = "...")], switch arms
of *Names.cs files, and the constants of *Texts.cs files in the web app and the domain).
  scripts/i18n.py missing            prints keys that have no English translation (as TSV lines)
  scripts/i18n.py add FILE.tsv       adds or replaces translations from "key<TAB>English" lines
The test Localization/TranslationTests.cs is the authority; this script only saves typing.
"""
import re, sys, pathlib
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src" / "Paritrana.Web"
RESX = ROOT / "Resources" / "SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def unescape(s):
    return s.replace('\\"', '"').replace('\\\\', '\\')

def keys_in_source():
    keys = set()
    for f in ROOT.rglob("*"):
        if f.suffix not in (".cs", ".cshtml") or "/obj/" in str(f) or "/bin/" in str(f):
            continue
        t = f.read_text(encoding="utf-8")
        keys.update(unescape(m) for m in re.findall(r'\b[Ll]\["((?:[^"\\]|\\.)*)"[\],]', t))
        keys.update(unescape(m) for m in re.findall(r'(?:Display\(Name|ErrorMessage)\s*=\s*"((?:[^"\\]|\\.)*)"', t))
        if f.name.endswith("Names.cs"):
            keys.update(unescape(m) for m in re.findall(r'=>\s*"((?:[^"\\]|\\.)*)",', t))
    for f in list(ROOT.parent.joinpath("Paritrana.Domain").rglob("*Texts.cs")) + list(ROOT.rglob("*Texts.cs")):
        t = f.read_text(encoding="utf-8")
        keys.update(unescape(m) for m in re.findall(r'const string \w+ = "((?:[^"\\]|\\.)*)";', t))
    return keys

def load():
    if not RESX.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(RESX).getroot().findall("data")}

def save(entries):
    from xml.sax.saxutils import escape, quoteattr
    with open(RESX, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for k in sorted(entries):
            out.write(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        out.write("</root>\n")

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    entries = load()
    if cmd == "missing":
        for k in sorted(keys_in_source() - set(entries)):
            print(k + "\t")
    elif cmd == "add":
        for line in open(sys.argv[2], encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or "\t" not in line:
                continue
            k, v = line.split("\t", 1)
            if v.strip():
                entries[k] = v
        save(entries)
        print(f"{len(entries)} translations in {RESX.relative_to(ROOT.parent.parent)}")
    elif cmd == "unused":
        for k in sorted(set(entries) - keys_in_source()):
            print(k)
    else:
        sys.exit(__doc__)
