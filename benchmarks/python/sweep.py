"""A timed N-run sweep against a real InvokeAI server, several ways (issue 10); run by scripts/bench-sweep.

    python sweep.py --url URL --log SERVER_LOG --repo REPO --runs 100 --out sweep.json

The workflow is REPO/examples/blank-blur-save.json with 16x16 images (inputs 0, 1, 4, 5 = 16); the
sweep varies input 3 (blur radius) over 1, 2, ... Ways:
  cli_sweep      `invoke4j sweep ... --vary 3=...` (the CLI jar): ONE request, events; wall = the whole process
                 (JVM start, loading, downloading each output image as the CLI does);
  java_sweep     the same through the API (WorkflowHandle.submitSweep, SweepRun in benchmarks);
  java_loop      one WorkflowHandle.submitSync + waitForCompletionSync per value (SweepRun);
  pyclient_loop  invokeai-py-client 1.1.1: set the input, submit_sync(), wait_for_completion_sync()
                 (its defaults: polls GET /queue/default/i/{id} every 0.5 s).
Per way: the queue is cleared first (PUT /queue/default/clear), then
  wall_s           client wall time (time.monotonic around the process for cli_sweep; the driver's own
                   clock from before the first submission to the last completion for the others);
  http_requests    request lines in the server's access log (uvicorn at info level) while the way
                   ran: every HTTP request the client sent, incl. socket.io's polling handshake;
                   websocket frames are not requests;
  server_busy_s    sum over the items of completed_at - started_at (server clock);
  notice_ms        per item, when the client noticed it finished (client wall clock, the same host
                   clock the server stamps with; ms) minus its completed_at: p50 and p95;
  event_ms         (invoke4j API ways) the same for the arrival of the item's terminal status event,
                   before the client read the finished item back.
The bookkeeping reads (list_all, clear) happen outside the counted window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REQUEST_LINE = re.compile(r'"(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ HTTP/[0-9.]+"')
ITEM_DONE = re.compile(r"item (\d+) (completed|failed|canceled)")
SIZE_INPUTS = {0: 16, 1: 16, 4: 16, 5: 16}
VARY = 3


def call(url: str, method: str = "GET") -> Any:
    req = urllib.request.Request(url, method=method, data=b"" if method == "PUT" else None)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def server_time_ms(stamp: str | None) -> float | None:
    if not stamp:
        return None
    # InvokeAI's SQLite stamps are UTC, "YYYY-MM-DD HH:MM:SS.fff"
    return dt.datetime.fromisoformat(stamp).replace(tzinfo=dt.timezone.utc).timestamp() * 1000.0


def log_size(log: Path) -> int:
    return log.stat().st_size


def count_requests(log: Path, start: int, end: int) -> tuple[int, dict[str, int]]:
    with open(log, "rb") as fh:
        fh.seek(start)
        text = fh.read(end - start).decode("utf-8", "replace")
    by_kind: dict[str, int] = {}
    total = 0
    for line in text.splitlines():
        m = REQUEST_LINE.search(line)
        if m:
            total += 1
            path = m.group(0).split()[1].split("?")[0]
            path = re.sub(r"/\d+(?=/|$)", "/{n}", path)
            path = re.sub(r"/[0-9a-f-]{36}", "/{id}", path)
            key = f"{m.group(1)} {path}"
            by_kind[key] = by_kind.get(key, 0) + 1
    return total, by_kind


def values(runs: int) -> list[int]:
    # integers: py-client types the blur radius as an integer field (invoke4j as float, which takes them)
    return [i + 1 for i in range(runs)]


def run_cli(repo: Path, url: str, runs: int, workdir: Path) -> dict[str, Any]:
    out_dir = workdir / "cli-out"
    out_dir.mkdir(parents=True, exist_ok=True)
    # the jar `./invoke4j` runs (bench-sweep builds it first), so that no rebuild is timed
    jar = max((repo / "app/target").glob("invoke4j-app-*-cli.jar"), key=lambda p: p.stat().st_mtime)
    cmd = ["java", "-jar", str(jar), "sweep", str(repo / "examples/blank-blur-save.json"),
           *[f"--set={k}={v}" for k, v in SIZE_INPUTS.items()],
           f"--vary={VARY}=" + ",".join(str(v) for v in values(runs)),
           "--out", str(out_dir), "--progress", "lines", "--url", url]
    noticed: dict[int, float] = {}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        m = ITEM_DONE.search(line)
        if m:
            noticed.setdefault(int(m.group(1)), time.time() * 1000.0)
    rc = proc.wait()
    wall = time.monotonic() - start
    if rc != 0:
        raise RuntimeError(f"invoke4j sweep exited {rc}")
    return {"wall_s": wall, "noticed": noticed}


def run_java(repo: Path, url: str, runs: int, mode: str, workdir: Path) -> dict[str, Any]:
    out = workdir / f"java-{mode}.json"
    cp = str(repo / "benchmarks/target/classes") + ":" + (repo / "benchmarks/target/classpath.txt").read_text().strip()
    subprocess.run(["java", "-cp", cp, "io.invoke4j.benchmarks.SweepRun", url,
                    str(repo / "examples/blank-blur-save.json"), mode, str(runs), str(out),
                    *[f"{k}={v}" for k, v in SIZE_INPUTS.items()]], check=True)
    data = json.loads(out.read_text())
    return {"wall_s": data["wall_s"], "noticed": {i["item_id"]: float(i["noticed_ms"]) for i in data["items"]},
            "event": {i["item_id"]: float(i["event_ms"]) for i in data["items"] if "event_ms" in i}}


def run_pyclient(repo: Path, url: str, runs: int) -> dict[str, Any]:
    from invokeai_py_client import InvokeAIClient

    client = InvokeAIClient.from_url(url)
    handle = client.workflow_repo.create_workflow_from_file(str(repo / "examples/blank-blur-save.json"))
    for index, value in SIZE_INPUTS.items():
        handle.get_input_value(index).value = value
    noticed: dict[int, float] = {}
    start = time.monotonic()
    for value in values(runs):
        handle.get_input_value(VARY).value = value
        handle.submit_sync()
        item = handle.wait_for_completion_sync(timeout=300)
        noticed[int(item["item_id"])] = time.time() * 1000.0
    return {"wall_s": time.monotonic() - start, "noticed": noticed}


def percentile(values_: list[float], q: float) -> float:
    ordered = sorted(values_)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--log", required=True, type=Path)
    parser.add_argument("--repo", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--ways", default="cli_sweep,java_sweep,java_loop,pyclient_loop")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    api = args.url.rstrip("/") + "/api/v1/queue/default"
    workdir = Path(tempfile.mkdtemp(prefix="bench-sweep-"))
    results: dict[str, Any] = {"runs": args.runs, "url": args.url, "ways": {}}
    for way in args.ways.split(","):
        call(api + "/clear", "PUT")
        time.sleep(1.0)  # let the access log catch up before taking its size
        begin = log_size(args.log)
        started_ms = time.time() * 1000.0
        if way == "cli_sweep":
            run = run_cli(args.repo, args.url, args.runs, workdir)
        elif way == "java_sweep":
            run = run_java(args.repo, args.url, args.runs, "sweep", workdir)
        elif way == "java_loop":
            run = run_java(args.repo, args.url, args.runs, "loop", workdir)
        elif way == "pyclient_loop":
            run = run_pyclient(args.repo, args.url, args.runs)
        else:
            raise SystemExit(f"unknown way {way}")
        time.sleep(1.0)
        requests, by_kind = count_requests(args.log, begin, log_size(args.log))
        items = call(api + "/list_all")
        items = [i for i in items if i.get("status") == "completed"]
        busy = sum(server_time_ms(i["completed_at"]) - server_time_ms(i["started_at"]) for i in items) / 1000.0
        notice = [run["noticed"][i["item_id"]] - server_time_ms(i["completed_at"])
                  for i in items if i["item_id"] in run["noticed"]]
        event = [run["event"][i["item_id"]] - server_time_ms(i["completed_at"])
                 for i in items if i["item_id"] in run.get("event", {})]
        timeline = [{"item_id": i["item_id"],
                     "created": server_time_ms(i["created_at"]) - started_ms,
                     "started": server_time_ms(i["started_at"]) - started_ms,
                     "completed": server_time_ms(i["completed_at"]) - started_ms,
                     "noticed": (run["noticed"][i["item_id"]] - started_ms) if i["item_id"] in run["noticed"] else None}
                    for i in items]
        entry = {
            "wall_s": run["wall_s"],
            "items_completed": len(items),
            "http_requests": requests,
            "http_requests_by_kind": by_kind,
            "server_busy_s": busy,
            "wall_over_busy": run["wall_s"] / busy if busy else None,
            "notice_ms_p50": percentile(notice, 0.5) if notice else None,
            "notice_ms_p95": percentile(notice, 0.95) if notice else None,
            "event_ms_p50": percentile(event, 0.5) if event else None,
            "event_ms_p95": percentile(event, 0.95) if event else None,
            "timeline_ms": timeline,
        }
        results["ways"][way] = entry
        summary = {k: v for k, v in entry.items() if k not in ("timeline_ms", "http_requests_by_kind")}
        print(f"bench-sweep: {way}: {summary}", file=sys.stderr, flush=True)
        if len(items) != args.runs:
            raise SystemExit(f"{way}: {len(items)} of {args.runs} items completed")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
