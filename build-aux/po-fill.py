#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Merge po/shenbao.pot into po/zh_CN.po and fill empty msgstrs from a
translation table (a text file of alternating msgid / msgstr lines, blank lines
between pairs). Prints the msgids still untranslated.

    meson compile -C build shenbao-pot
    build-aux/po-fill.py po/zh_CN.po po/shenbao.pot TABLE
"""
import re
import subprocess
import sys


def unquote(lines):
    return "".join(eval(l) for l in lines)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def main():
    po, pot, table_path = sys.argv[1:4]
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap", "--update", "--backup=none", po, pot], check=True)
    table = {}
    with open(table_path, encoding="utf-8") as f:
        blocks = [b for b in f.read().split("\n\n") if b.strip()]
    for b in blocks:
        lines = b.strip("\n").split("\n")
        table[lines[0]] = "\n".join(lines[1:])
    text = open(po, encoding="utf-8").read()
    entries = text.split("\n\n")
    missing = []
    out = []
    for e in entries:
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', e, re.M)
        if m and not e.lstrip().startswith("#~"):
            msgid = unquote(m.group(1).strip().split("\n"))
            msgstr = unquote(m.group(2).strip().split("\n"))
            if msgid and not msgstr:
                key = msgid.replace("\n", "\\n")
                if key in table:
                    e = e[:m.start(2)] + quote(table[key].replace("\\n", "\n")) + e[m.end(2):]
                    if not e.endswith("\n") and m.end(2) == len(e):
                        pass
                else:
                    missing.append(key)
        if e.lstrip().startswith("#~"):
            continue
        out.append(e)
    result = "\n\n".join(out)
    if not result.endswith("\n"):
        result += "\n"
    open(po, "w", encoding="utf-8").write(result)
    for k in missing:
        print(k)


main()
