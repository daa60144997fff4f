"""Rendering in forked workers: every job once, follow-ups here, failures loud."""

import os

import pytest

from build_speed.parallel_render import RenderFailed, render_all


def test_every_job_is_rendered_once_and_reported_here(tmp_path):
    jobs = [tmp_path / f"page-{number}.html" for number in range(50)]
    done = []

    def render(path):
        path.write_text(str(os.getpid()), encoding="utf-8")
        return f"{path.name} by {os.getpid()}"  # handed back to done()

    def finished(path, text):
        done.append((path, os.getpid(), text))

    render_all(jobs, render, finished, workers=3)
    assert sorted(path for path, _, _ in done) == sorted(jobs)  # each exactly once
    assert {pid for _, pid, _ in done} == {os.getpid()}  # follow-ups in this process
    writers = {path.read_text(encoding="utf-8") for path in jobs}
    assert len(writers) == 3  # really rendered by three processes
    # Each report carries what its own render returned, in whichever process.
    for path, _, text in done:
        assert text == f"{path.name} by {path.read_text(encoding='utf-8')}"


def test_a_failure_in_a_worker_stops_with_its_traceback(tmp_path):
    jobs = list(range(20))

    def render(number):
        if number == 7:  # in the second share (7 % 2 == 1): a forked worker
            raise ValueError("template broke on page 7")
        (tmp_path / str(number)).touch()

    with pytest.raises(RenderFailed, match="template broke on page 7"):
        render_all(jobs, render, lambda number, text: None, workers=2)


def test_a_failure_here_stops_the_workers_too(tmp_path):
    def render(number):
        if number == 0:
            raise KeyError("here")

    with pytest.raises(KeyError):
        render_all(list(range(10)), render, lambda number, text: None, workers=2)
