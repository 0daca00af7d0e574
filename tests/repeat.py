"""Run the whole suite several times on a fresh clone and list what did not pass every time.

    make test-repeat N=3                      # or: python -m tests.repeat --runs 3

A test that fails by chance costs a whole landing, so this shows flakiness before CI
does. The clone is of the committed HEAD (what CI would run), with its own virtualenv,
and every run uses the same pytest arguments as ``make test`` (``PYTEST_ARGS``) and the
CI Hypothesis profile. Each run writes a JUnit XML file; the summary lists every test
whose outcome was not "passed" in every run, with its outcomes and first failure line.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def outcomes(junit_xml: Path) -> dict[str, tuple[str, str]]:
    """Test id → (outcome, first line of its message) from one JUnit XML report.

    >>> import tempfile, pathlib
    >>> xml = '''<testsuites><testsuite>
    ...   <testcase classname="tests.unit.test_a" name="test_ok"/>
    ...   <testcase classname="tests.unit.test_a" name="test_bad">
    ...     <failure message="assert 1 == 2&#10;more">trace</failure></testcase>
    ...   <testcase classname="tests.unit.test_a" name="test_skip"><skipped message="x"/></testcase>
    ... </testsuite></testsuites>'''
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.xml"
    >>> _ = path.write_text(xml)
    >>> sorted(outcomes(path).items())  # doctest: +NORMALIZE_WHITESPACE
    [('tests.unit.test_a::test_bad', ('failed', 'assert 1 == 2')),
     ('tests.unit.test_a::test_ok', ('passed', '')),
     ('tests.unit.test_a::test_skip', ('skipped', 'x'))]
    """
    found = {}
    for case in ET.parse(junit_xml).iter("testcase"):
        test_id = f"{case.get('classname')}::{case.get('name')}"
        outcome, message = "passed", ""
        for kind in ("failure", "error", "skipped"):
            node = case.find(kind)
            if node is not None:
                outcome = {"failure": "failed", "error": "error"}.get(kind, kind)
                message = (node.get("message") or "").strip().splitlines()[:1]
                message = message[0] if message else ""
                break
        found[test_id] = (outcome, message)
    return found


def not_passed_every_time(runs: list[dict[str, tuple[str, str]]]) -> dict[str, list[str]]:
    """Tests that did not pass in every run (one skipped in every run is left out), with
    the outcome of each run ("missing" where a run did not report the test).

    >>> not_passed_every_time([{"a": ("passed", ""), "b": ("failed", "x")}, {"a": ("passed", "")}])
    {'b': ['failed: x', 'missing']}
    """
    names = sorted(set().union(*runs))
    table = {}
    for name in names:
        seen = [run.get(name, ("missing", "")) for run in runs]
        kinds = {outcome for outcome, _ in seen}
        if kinds <= {"passed"} or kinds == {"skipped"}:
            continue
        table[name] = [f"{o}: {m}" if m else o for o, m in seen]
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the clone (for a look)")
    args = parser.parse_args()
    pytest_args = shlex.split(os.environ.get("PYTEST_ARGS", ""))
    clone = Path(tempfile.mkdtemp(prefix="kursk-repeat-"))
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    subprocess.run(["make", "-s", ".venv/.installed-dev"], cwd=clone, check=True)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "ci"}
    reports, times = [], []
    for i in range(1, args.runs + 1):
        report = clone / f"run-{i}.xml"
        start = time.monotonic()
        cmd = [str(clone / ".venv/bin/python"), "-m", "pytest", "-q", *pytest_args,
               f"--junitxml={report}"]  # fmt: skip
        code = subprocess.run(cmd, cwd=clone, env=env, check=False).returncode
        times.append(time.monotonic() - start)
        print(f"run {i}/{args.runs}: exit {code} in {times[-1]:.0f} s", flush=True)
        reports.append(outcomes(report) if report.exists() else {})
    table = not_passed_every_time(reports)
    print(f"\n{args.runs} runs of {max(len(r) for r in reports)} tests on a clone of HEAD "
          f"({', '.join(f'{t:.0f} s' for t in times)})")  # fmt: skip
    for name, seen in table.items():
        print(f"  {name}: " + " | ".join(seen))
    if not table:
        print("  every test passed (or was skipped) in every run")
    if args.keep:
        print(f"clone kept in {clone}")
    else:
        shutil.rmtree(clone, ignore_errors=True)
    return 1 if table else 0


if __name__ == "__main__":
    sys.exit(main())
