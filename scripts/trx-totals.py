"""Sums the TRX files of one `dotnet test` run into the line "N passed, N failed, N skipped".

Exits 1 when a test failed or when no test ran at all, so a silently empty run is not green.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(results_dir: str) -> int:
    passed = failed = skipped = 0
    files = sorted(pathlib.Path(results_dir).rglob("*.trx"))
    for trx in files:
        counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
        if counters is None:
            continue
        total = int(counters.get("total", 0))
        p = int(counters.get("passed", 0))
        f = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        passed += p
        failed += f
        skipped += total - p - f
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    if not files:
        print("no test results were written", file=sys.stderr)
        return 1
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
