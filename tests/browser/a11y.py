"""axe-core in the browser: every frame of a page audited, what it found kept by impact.

axe-core is fetched from the npm registry by ``make`` at install time (never committed;
its version is pinned in the Makefile, ``AXE_VERSION``) and found through
``KURSK_AXE_JS``. Each frame gets its own copy of axe and is audited alone
(``iframes: false``), so a finding names the document it is in: the page, the map's
frame, a newsroom's article around an embed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: WCAG 2.0–2.2 A and AA plus axe's best practices (landmarks, one main, one h1, ...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: Impacts that fail a test: a reader is blocked or seriously hindered.
BLOCKING = {"serious", "critical"}

_RUN = r"""async (tags) => {
    const result = await axe.run(document, {
        iframes: false, resultTypes: ['violations'], runOnly: {type: 'tag', values: tags},
    });
    return {version: axe.version, violations: result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ('
            + (n.failureSummary || '').split('\n').slice(1, 2).join('').trim() + ')'),
    }))};
}"""


def axe_source() -> str:
    """The axe-core script ``make`` fetched (skips the test when run without make)."""
    path = os.environ.get("KURSK_AXE_JS", "")
    if not path or not Path(path).is_file():
        pytest.skip("axe-core is fetched by make: run `make test` (or set KURSK_AXE_JS)")
    return Path(path).read_text(encoding="utf-8")


def audit(page, source: str, skip: tuple[str, ...] = ()) -> list[dict]:
    """axe-core's findings in every frame of ``page``, each with the frame's URL.

    ``skip``: URL prefixes of frames that are not ours (a test's own article page).
    """
    found = []
    for frame in page.frames:
        if frame.url.startswith(skip) or (frame.url == "about:blank" and frame.parent_frame):
            continue
        frame.evaluate(source)
        result = frame.evaluate(_RUN, TAGS)
        found += [dict(v, frame=frame.url, version=result["version"]) for v in result["violations"]]
    return found


def described(findings: list[dict]) -> list[str]:
    """One line per finding, for an assertion message."""
    return [
        f"[{f['impact']}] {f['id']} ({f['help']}) in {f['frame'][:80]}: {f['nodes']}"
        for f in findings
    ]
