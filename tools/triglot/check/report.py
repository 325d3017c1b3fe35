"""Report formats for findings: text, JSON, SARIF 2.1.0 and JUnit XML.

Text, JSON and SARIF are written finding by finding as they come (:func:`write`), so a
report of many findings is never held whole; JUnit states each suite's counts before
its cases and so collects the findings first.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol
from xml.etree import ElementTree as ET

from triglot import __version__
from triglot.check.codes import CHECKS
from triglot.check.findings import Finding
from triglot.textio import printable

FORMATS = ("text", "json", "sarif", "junit")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(findings: Iterable[Finding], fmt: str, checked: Sequence[str] = ()) -> str:
    """The findings in format ``fmt``; ``checked`` lists every catalog looked at (JUnit)."""
    out = io.StringIO()
    write(findings, fmt, out, checked)
    return out.getvalue()


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


def write(findings: Iterable[Finding], fmt: str, out: Writer,
          checked: Sequence[str] = ()) -> None:
    """Write the findings to ``out`` in format ``fmt``, each as it comes (but JUnit's)."""
    if fmt == "junit":
        out.write(junit(list(findings), checked))
    elif fmt == "text":
        for f in findings:  # printable: a terminal obeys no escape sequence of a catalog
            out.write(printable(f"{f.path}:{f.line or 0}: {f.code} {f.severity} "
                                f"({f.confidence:.2f}) {f.message}")
                      + f"\n    {printable(_marked(f))}\n")
    elif fmt == "json":
        _json_array(out, {"findings": _ITEMS}, (f.to_dict() for f in findings))
    else:
        _json_array(out, _sarif_log(), (_sarif_result(f) for f in findings))


_ITEMS = "\0items\0"  # where the streamed array goes in a JSON document


def _json_array(out: Writer, document: dict[str, Any], items: Iterable[object]) -> None:
    """``document`` as indented JSON, its one :data:`_ITEMS` value an array of ``items``
    written one by one."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    marker = json.dumps(_ITEMS)
    at = text.index(marker)
    line = text[text.rindex("\n", 0, at) + 1:at]
    indent = line[:len(line) - len(line.lstrip())]
    out.write(text[:at] + "[")
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  " + indent)
        out.write(("\n" if first else ",\n") + indent + "  " + body)
        first = False
    out.write(("" if first else "\n" + indent) + "]" + text[at + len(marker):] + "\n")


def _marked(finding: Finding) -> str:
    line = finding.msgstr
    if finding.span:
        start, end = finding.span
        line = f"{line[:start]}[[{line[start:end]}]]{line[end:]}"
    return " ".join(line.split())


def _sarif_result(f: Finding) -> dict[str, Any]:
    return {
        "ruleId": f.code,
        "level": _SARIF_LEVEL[f.severity],
        "rank": round(f.confidence * 100, 1),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": Path(f.path).as_posix()},
            "region": {"startLine": f.line or 1}}}],
        "properties": {"language": f.language, "concept": f.concept, "found": f.found,
                       "expected": f.expected},
    }


def _sarif_log() -> dict[str, Any]:
    rules = [{"id": code, "name": code, "shortDescription": {"text": description},
              "defaultConfiguration": {"level": _SARIF_LEVEL[severity]}}
             for code, (severity, description) in CHECKS.items()]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "triglot", "version": __version__,
                                      "informationUri": "https://example.invalid/triglot",
                                      "rules": rules}},
                  "results": _ITEMS}],
    }


def junit(findings: Sequence[Finding], checked: Sequence[str] = ()) -> str:
    """One test suite per catalog; each finding a failed test case, a clean catalog one
    passing test case. Control characters (which XML cannot carry) are written escaped,
    as in the text report."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    root = ET.Element("testsuites", name="triglot check", tests="0", failures="0")
    total = failures = 0
    for path in dict.fromkeys([*checked, *by_path]):
        found = by_path.get(path, [])
        name = printable(path)
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(max(len(found), 1)),
                              failures=str(len(found)), errors="0")
        if not found:
            ET.SubElement(suite, "testcase", classname=name, name="terminology")
        for f in found:
            case = ET.SubElement(suite, "testcase", classname=name,
                                 name=f"{f.code} line {f.line or 0}")
            failure = ET.SubElement(case, "failure", type=f.code, message=printable(f.message))
            failure.text = printable(f"{f.path}:{f.line or 0}: {f.severity} (confidence "
                                     f"{f.confidence:.2f})") + "\n" + printable(_marked(f))
        total += max(len(found), 1)
        failures += len(found)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
