"""`executor`: one `map` in this process, in local processes and on a Dask cluster; results in
order, a process that dies costs its own item only, and a build on a Dask cluster writes the
same bytes as one in this process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rapportextract.batch import build
from rapportextract.executor import DaskCluster, InProcess, LocalProcesses, executor_for

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _dies_on_three(n: int) -> int:
    if n == 3:
        os._exit(7)  # as a crash inside a PDF library would
    return n


def _lost(n: int) -> int:
    return -n


def _lost_pair(n: int) -> tuple[int, int]:
    return -n, 0


def test_one_worker_runs_in_this_process() -> None:
    executor = executor_for(1)
    assert isinstance(executor, InProcess)
    results = list(executor.map(_square_and_pid, [3, 1, 2], crashed=_lost_pair))
    assert results == [(9, os.getpid()), (1, os.getpid()), (4, os.getpid())]


def test_local_processes_give_results_in_order_from_other_processes() -> None:
    with executor_for(2) as executor:
        assert isinstance(executor, LocalProcesses)
        results = list(executor.map(_square_and_pid, list(range(6)), crashed=_lost_pair))
    assert [value for value, _ in results] == [0, 1, 4, 9, 16, 25]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_process_that_dies_costs_its_own_item_only() -> None:
    results = list(LocalProcesses(2).map(_dies_on_three, [1, 2, 3, 4, 5], crashed=_lost))
    assert results == [1, 2, -3, 4, 5]


def _copy_reports(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskCluster]:
    with DaskCluster(2) as started:
        yield started


def test_a_build_on_a_dask_cluster_writes_the_same_bytes_as_one_here(
    tmp_path: Path, cluster: DaskCluster
) -> None:
    reports = _copy_reports(tmp_path / "reports", [
        "aedes-huurschulden-2022.pdf", "aedes-huurschulden-2023.pdf",
    ])
    here = build([reports], tmp_path / "here", workers=1, use_cache=False)
    assert len(cluster.client.scheduler_info()["workers"]) == 2
    there = build([reports], tmp_path / "there", use_cache=False, executor=cluster)
    assert here.ok and there.ok and there.count("extracted") == 2
    for name in ("series.json", "facts.json"):
        assert (tmp_path / "there" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()


def test_a_bad_file_fails_alone_on_a_running_cluster(tmp_path: Path, cluster: DaskCluster) -> None:
    reports = _copy_reports(tmp_path / "reports", ["aedes-huurschulden-2023.pdf"])
    (reports / "kapot-2020.pdf").write_bytes(b"%PDF-1.4 not really")
    address = cluster.client.scheduler.address  # as `build --scheduler tcp://HOST:8786` gives it
    report = build([reports], tmp_path / "out", scheduler=address, executor="dask",
                   use_cache=False)
    assert report.count("extracted") == 1 and report.count("failed") == 1
    (error,) = report.errors
    assert error.startswith(str(reports / "kapot-2020.pdf"))


def _pid(_: int) -> int:
    return os.getpid()


def _mark_warm() -> None:
    os.environ["RAPPORTEXTRACT_TEST_WARM"] = "1"


def _was_warmed(_: int) -> str | None:
    return os.environ.get("RAPPORTEXTRACT_TEST_WARM")


def test_started_processes_are_warmed_once_and_kept_for_every_map() -> None:
    with LocalProcesses(2, warm=_mark_warm).start() as executor:
        first = set(executor.map(_pid, list(range(8)), crashed=_lost))
        second = set(executor.map(_pid, list(range(8)), crashed=_lost))
        assert list(executor.map(_was_warmed, [1, 2], crashed=_lost)) == ["1", "1"]
    assert len(first | second) <= 2  # the same two processes both times
    assert os.getpid() not in first and "RAPPORTEXTRACT_TEST_WARM" not in os.environ


@pytest.mark.parametrize(("argv", "executor", "scheduler"), [
    ([], "processes", None),
    (["--executor", "dask"], "dask", None),
    (["--scheduler", "tcp://rekenaar:8786"], "processes", "tcp://rekenaar:8786"),
], ids=["default", "local-dask", "running-cluster"])
def test_the_cli_passes_where_to_read_on_to_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], executor: str,
    scheduler: str | None,
) -> None:
    import rapportextract.batch
    from rapportextract.batch import BuildReport
    from rapportextract.cli import main

    seen: dict[str, object] = {}

    def recording(paths: list[Path], outdir: Path, **kw: object) -> BuildReport:
        seen.update(kw)
        return BuildReport(outdir=outdir)

    monkeypatch.setattr(rapportextract.batch, "build", recording)
    assert main(["-q", "build", str(tmp_path), "-o", str(tmp_path / "uit"), *argv]) == 0
    # build() itself takes a scheduler as asking for Dask.
    assert (seen["executor"], seen["scheduler"]) == (executor, scheduler)
