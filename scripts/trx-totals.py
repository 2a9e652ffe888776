"""Sums the TRX files of one `dotnet test` run into the line "N passed, N failed, N skipped".

Before that line it lists the skipped tests grouped by their reason, so a skip is always visible.
Exits 1 when a test failed, when no test ran at all, or when a test project ran no tests (unless
--allow-empty-projects, which scripts/test passes with a --filter). With CI=true a skip whose
reason says a tool that scripts/install-tools installs is missing counts as a failure: CI installs
those tools, so such a skip means the installation is broken, not that the test may be skipped.
"""
import argparse
import collections
import os
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
INSTALLED_TOOLS = ("python3-jenkins", "helm", "kubectl", "yamllint", "lua5.1")
MISSING_TOOL = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in INSTALLED_TOOLS) + r")\b.*\b(not installed|missing|not found|not on PATH)\b"
    r"|\b(not installed|missing|not found)\b.*\b(" + "|".join(re.escape(t) for t in INSTALLED_TOOLS) + r")\b",
    re.IGNORECASE,
)


class Totals:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.skips: dict[str, list[str]] = collections.defaultdict(list)
        self.projects: dict[str, int] = collections.defaultdict(int)


def read_trx(trx: pathlib.Path, totals: Totals) -> None:
    root = ET.parse(trx).getroot()
    project = project_of(trx)
    totals.projects[project] += 0
    for result in root.iterfind("t:Results/t:UnitTestResult", NS):
        totals.projects[project] += 1
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            totals.passed += 1
        elif outcome == "NotExecuted":
            message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
            reason = (message.text or "").strip() if message is not None else ""
            totals.skips[reason or "(no reason given)"].append(result.get("testName", "?"))
        else:
            totals.failed += 1


def project_of(trx: pathlib.Path) -> str:
    """scripts/test writes each project's TRX under a folder named after the project."""
    return trx.parent.name


def expected_projects(repo: pathlib.Path) -> set[str]:
    return {p.stem for p in repo.glob("tests/*/*.Tests.csproj")}


def report_skips(totals: Totals, ci: bool) -> int:
    """Prints skips by reason; returns how many of them count as failures."""
    if not totals.skips:
        return 0
    print("skipped, by reason:")
    failures = 0
    for reason, tests in sorted(totals.skips.items(), key=lambda item: (-len(item[1]), item[0])):
        tool_missing = ci and MISSING_TOOL.search(reason) is not None
        marker = "  (a failure in CI: scripts/install-tools installs this tool)" if tool_missing else ""
        print(f"  {len(tests):4d}  {reason}{marker}")
        for name in sorted(tests)[:3]:
            print(f"          {name}")
        if len(tests) > 3:
            print(f"          … and {len(tests) - 3} more")
        failures += len(tests) if tool_missing else 0
    return failures


def report_empty_projects(totals: Totals, repo: pathlib.Path) -> int:
    """Prints the test projects that ran nothing or wrote no results; returns their number."""
    empty = sorted(p for p in expected_projects(repo) if totals.projects.get(p, 0) == 0)
    for project in empty:
        state = "ran no tests" if project in totals.projects else "wrote no test results"
        print(f"test project {project} {state}")
    return len(empty)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results_dir")
    parser.add_argument("--allow-empty-projects", action="store_true")
    args = parser.parse_args()
    repo = pathlib.Path(__file__).resolve().parent.parent
    ci = os.environ.get("CI", "").lower() == "true"

    files = sorted(pathlib.Path(args.results_dir).rglob("*.trx"))
    totals = Totals()
    for trx in files:
        read_trx(trx, totals)
    skip_failures = report_skips(totals, ci)
    empty_projects = 0 if args.allow_empty_projects else report_empty_projects(totals, repo)
    failed = totals.failed + skip_failures
    skipped = sum(len(tests) for tests in totals.skips.values()) - skip_failures
    print(f"{totals.passed} passed, {failed} failed, {skipped} skipped")
    if not files:
        print("no test results were written", file=sys.stderr)
        return 1
    return 0 if failed == 0 and totals.passed > 0 and empty_projects == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
