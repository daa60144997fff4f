"""Rendering in forked workers: every job once, follow-ups here, failures loud."""

import os

import pytest

from build_speed.parallel_render import RenderFailed, render_all


def test_every_job_is_rendered_once_and_reported_here(tmp_path):
    jobs = [tmp_path / f"page-{number}.html" for number in range(50)]
    done = []

    def render(path):
        path.write_text(str(os.getpid()), encoding="utf-8")

    render_all(jobs, render, lambda path: done.append((path, os.getpid())), workers=3)
    assert sorted(path for path, _ in done) == sorted(jobs)  # each exactly once
    assert {pid for _, pid in done} == {os.getpid()}  # follow-ups in this process
    writers = {path.read_text(encoding="utf-8") for path in jobs}
    assert len(writers) == 3  # really rendered by three processes


def test_a_failure_in_a_worker_stops_with_its_traceback(tmp_path):
    jobs = list(range(20))

    def render(number):
        if number == 7:  # in the second share (7 % 2 == 1): a forked worker
            raise ValueError("template broke on page 7")
        (tmp_path / str(number)).touch()

    with pytest.raises(RenderFailed, match="template broke on page 7"):
        render_all(jobs, render, lambda number: None, workers=2)


def test_a_failure_here_stops_the_workers_too(tmp_path):
    def render(number):
        if number == 0:
            raise KeyError("here")

    with pytest.raises(KeyError):
        render_all(list(range(10)), render, lambda number: None, workers=2)
