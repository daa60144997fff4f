"""The hosted pipelines (deploy/ci/) are valid for their forge, offline:
check-jsonschema's own copies of GitHub's workflow and GitLab CI's schemas,
plus what the schemas cannot say (what runs when)."""

import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from tests.sitebuild import ROOT

CI = ROOT / "deploy" / "ci"
SCHEMAS = {
    "github-actions.yml": "vendor.github-workflows",
    "gitlab-ci.yml": "vendor.gitlab-ci",
}


def load(name):
    return YAML(typ="safe").load((CI / name).read_text(encoding="utf-8"))


def check(schema, path):
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, path],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("name", "schema"), sorted(SCHEMAS.items()))
def test_the_pipeline_is_valid_against_the_forge_schema(name, schema):
    done = check(schema, str(CI / name))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_catches_a_broken_pipeline(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((CI / "github-actions.yml").read_text().replace(
        "runs-on:", "runs_on:", 1))  # fmt: skip
    assert check("vendor.github-workflows", str(broken)).returncode != 0


def test_github_checks_every_push_and_publishes_main_on_a_schedule():
    workflow = load("github-actions.yml")
    triggers = workflow["on"]
    assert {"push", "pull_request", "schedule"} <= set(triggers)
    assert triggers["schedule"] == [{"cron": "*/5 * * * *"}]
    check, publish = workflow["jobs"]["check"], workflow["jobs"]["publish"]
    assert any(step.get("run") == "make check" for step in check["steps"])
    assert publish["needs"] == "check"
    assert "refs/heads/main" in publish["if"]
    runs = " ".join(step.get("run", "") for step in publish["steps"])
    assert "make publish" in runs
    assert any("deploy-pages" in step.get("uses", "") for step in publish["steps"])
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_gitlab_checks_every_push_and_publishes_the_default_branch():
    pipeline = load("gitlab-ci.yml")
    assert pipeline["check"]["script"] == ["make check"]
    pages = pipeline["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert any("make publish" in line for line in pages["script"])
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["resource_group"]
