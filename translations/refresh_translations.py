#!/usr/bin/env python3
"""Refreshes translations/*.ts from the sources and keeps what is already translated.

    translations/refresh_translations.py <build-dir>

1. remembers every finished translation in the .ts files, by source text (so a string that only
   moved to another context, or back after an edit, keeps its translation);
2. runs lupdate through the build (`cmake --build <build-dir> --target update_translations`);
3. fills the messages lupdate left unfinished whose source text was translated before;
4. lists what is still unfinished and exits 1 if anything is: translate those in Qt Linguist
   (`linguist translations/archy-recovery_de.ts`) or in the XML, then run it again.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS_DIR = Path(__file__).resolve().parent
TS_FILES = sorted(TS_DIR.glob("archy-recovery_*.ts"))


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def remember(path):
    known = {}
    for _, message in messages(ET.parse(path).getroot()):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        key = (message.findtext("source"), message.findtext("comment") or "", message.get("numerus") == "yes")
        forms = [f.text or "" for f in translation.findall("numerusform")]
        known[key] = forms if key[2] else (translation.text or "")
    return known


def fill(path, known):
    tree = ET.parse(path)
    missing = []
    for context, message in messages(tree.getroot()):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        key = (message.findtext("source"), message.findtext("comment") or "", message.get("numerus") == "yes")
        if key in known:
            del translation.attrib["type"]
            if key[2]:
                for element, text in zip(translation.findall("numerusform"), known[key]):
                    element.text = text
            else:
                translation.text = known[key]
        else:
            missing.append(f"{context}: {key[0]!r}")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    known = {path: remember(path) for path in TS_FILES}
    subprocess.run(["cmake", "--build", sys.argv[1], "--target", "update_translations"], check=True)
    status = 0
    for path in TS_FILES:
        missing = fill(path, known[path])
        if path.name.endswith("_en.ts"):
            # The source text is English: that file holds only the plural forms of %n strings.
            missing = [line for line in missing if "%n" in line]
        for line in missing:
            print(f"{path.name}: unfinished: {line}")
        status |= bool(missing)
    sys.exit(status)


if __name__ == "__main__":
    main()
