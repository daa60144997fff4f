"""Random sequences of the oracle's edits (and interrupted builds), with the
oracle checked after every step: publish and in place, each against a cold
reference build of the same inputs without build_speed.

``make test`` runs a few derandomised steps. A longer, random campaign:
``ORACLE_EXAMPLES=20 ORACLE_STEPS=12 make test PYTESTOPTS="-k stateful"``.
"""

import os
import shutil

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from pelican import signals

from tests.oracle import (
    EDITS,
    MODES,
    InjectedFailure,
    differences,
    failing_after,
    interrupted_edit,
)
from tests.test_oracle import Workspace

EXAMPLES = int(os.environ.get("ORACLE_EXAMPLES", "2"))
STEPS = int(os.environ.get("ORACLE_STEPS", "4"))


def test_random_edit_sequences_always_match_the_reference(tmp_path):
    workspace = Workspace(tmp_path)

    class Edits(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.site = workspace.fresh()
            self.applied: set[str] = set()
            self.published = workspace.published
            self.step = 0

        def check(self, what: str) -> None:
            self.step += 1
            scratch = workspace.scratch
            reference = {
                mode: self.site.reference(scratch / f"ref-{self.step}-{number}", mode)
                for number, mode in enumerate(MODES)
            }
            rebuilt = self.site.build(
                scratch / f"published-{self.step}", previous=self.published
            )
            self.site.build(workspace.in_place)
            assert differences(rebuilt, reference["publish"]) == [], what
            found = differences(workspace.in_place, reference["in place"], True)
            assert found == [], what
            for folder in reference.values():
                shutil.rmtree(folder)
            self.published = rebuilt

        @rule(name=st.sampled_from(sorted(EDITS)))
        def edit(self, name):
            if name in self.applied:  # each edit once: they are not repeatable
                return
            self.applied.add(name)
            EDITS[name](self.site)
            self.check(name)

        @rule(publish=st.booleans())
        def interrupted_then_reverted(self, publish):
            release = self.site.release_path(4)
            original = release.read_bytes()
            interrupted_edit(self.site)
            stop = [(signals.content_written, failing_after("rilis-00004"))]
            target = workspace.scratch / f"failed-{self.step}"
            try:
                if publish:
                    self.site.build(target, previous=self.published, receivers=stop)
                else:
                    self.site.build(workspace.in_place, receivers=stop)
            except InjectedFailure:
                pass
            release.write_bytes(original)
            self.check("interrupted build, then reverted")

    run_state_machine_as_test(
        Edits,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            derandomize="ORACLE_EXAMPLES" not in os.environ,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
