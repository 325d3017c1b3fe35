"""Report formats for findings: text, JSON, SARIF 2.1.0 and JUnit XML."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from triglot import __version__
from triglot.check.codes import CHECKS
from triglot.check.findings import Finding
from triglot.textio import printable

FORMATS = ("text", "json", "sarif", "junit")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(findings: Sequence[Finding], fmt: str, checked: Sequence[str] = ()) -> str:
    """The findings in format ``fmt``; ``checked`` lists every catalog looked at (JUnit)."""
    return {"text": text, "json": as_json, "sarif": sarif, "junit": junit}[fmt](
        findings, checked)


def _marked(finding: Finding) -> str:
    line = finding.msgstr
    if finding.span:
        start, end = finding.span
        line = f"{line[:start]}[[{line[start:end]}]]{line[end:]}"
    return " ".join(line.split())


def text(findings: Sequence[Finding], checked: Sequence[str] = ()) -> str:
    """``path:line: code severity message``, then the translation with the term marked."""
    out = []
    for f in findings:
        out.append(printable(f"{f.path}:{f.line or 0}: {f.code} {f.severity} "
                             f"({f.confidence:.2f}) {f.message}"))
        out.append(f"    {printable(_marked(f))}")
    return "\n".join(out) + ("\n" if out else "")


def as_json(findings: Sequence[Finding], checked: Sequence[str] = ()) -> str:
    return json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False,
                      indent=2) + "\n"


def sarif(findings: Sequence[Finding], checked: Sequence[str] = ()) -> str:
    rules = [{"id": code, "name": code, "shortDescription": {"text": description},
              "defaultConfiguration": {"level": _SARIF_LEVEL[severity]}}
             for code, (severity, description) in CHECKS.items()]
    results = []
    for f in findings:
        region: dict[str, int] = {"startLine": f.line or 1}
        result = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "rank": round(f.confidence * 100, 1),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": Path(f.path).as_posix()}, "region": region}}],
            "properties": {"language": f.language, "concept": f.concept, "found": f.found,
                           "expected": f.expected},
        }
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "triglot", "version": __version__,
                                      "informationUri": "https://example.invalid/triglot",
                                      "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


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
