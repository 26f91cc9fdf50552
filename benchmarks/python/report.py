"""Joins the JMH, py-client and sweep results into target/bench/results.json and docs/benchmarks.md
(with the sweep timeline plot); run by scripts/bench-all.

    python report.py --bench target/bench --docs docs --env target/bench/env.json
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

FLUX_REFINE = "gui-exported/sdxl-flux-refine"
TARGETS = {
    "prepare_speedup_vs_pyclient": (">=", 8.0),
    "submission_speedup_vs_pyclient": (">=", 30.0),
    "prepare_us_sdxl_flux_refine": ("<", 500.0),
    "submission_us_sdxl_flux_refine": ("<", 80.0),
    "sweep_wall_over_server_busy": ("<=", 1.15),
    "sweep_speedup_vs_pyclient_loop": (">=", 5.0),
    "completion_latency_ms_p50": ("<=", 50.0),
}
WAY_LABELS = {
    "cli_sweep": "invoke4j CLI `sweep` (1 request, events)",
    "java_sweep": "invoke4j API submitSweep (1 request, events)",
    "java_loop": "invoke4j API, 1 request per run",
    "pyclient_loop": "py-client submit_sync + wait_for_completion_sync",
}


def jmh_scores(jmh: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    scores = {}
    for row in jmh:
        name = row["benchmark"].rsplit(".", 1)[1]
        workflow = row.get("params", {}).get("workflow", "")
        alloc = row.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        metric = row["primaryMetric"]
        # the median of the sampled calls (SampleTime), as the Python harness takes the median
        median = metric.get("scorePercentiles", {}).get("50.0", metric["score"])
        scores[(name, workflow)] = {"us": median, "mean": metric["score"], "alloc": alloc}
    return scores


def met(key: str, value: float | None) -> bool | None:
    if value is None:
        return None
    op, limit = TARGETS[key]
    return {"<": value < limit, "<=": value <= limit, ">=": value >= limit}[op]


def plot(sweep: dict[str, Any], png: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ways = list(sweep["ways"])
    fig, axes = plt.subplots(len(ways), 1, figsize=(11, 2.4 * len(ways)), sharex=True)
    if len(ways) == 1:
        axes = [axes]
    for ax, way in zip(axes, ways):
        entry = sweep["ways"][way]
        for y, item in enumerate(sorted(entry["timeline_ms"], key=lambda i: i["item_id"])):
            ax.plot([item["started"] / 1000, item["completed"] / 1000], [y, y], color="tab:blue", lw=2)
            if item["noticed"] is not None:
                ax.plot([item["completed"] / 1000, item["noticed"] / 1000], [y, y], color="tab:red", lw=1)
        last = max((i["noticed"] for i in entry["timeline_ms"] if i["noticed"] is not None), default=None)
        if last is not None:
            ax.axvline(last / 1000, color="grey", ls=":", lw=1)  # the last completion noticed
        ax.set_title(f"{WAY_LABELS.get(way, way)}: wall {entry['wall_s']:.1f} s, "
                     f"server busy {entry['server_busy_s']:.1f} s, {entry['http_requests']} HTTP requests",
                     fontsize=9)
        ax.set_ylabel("item")
    axes[-1].set_xlabel("seconds since the client process was launched (blue: the server ran the item; red: until the client "
                       "had it; dotted: the last one)")
    fig.tight_layout()
    fig.savefig(png, dpi=90)


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", type=Path, required=True)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--env", type=Path, required=True)
    args = parser.parse_args()
    jmh = jmh_scores(json.loads((args.bench / "jmh.json").read_text()))
    py = json.loads((args.bench / "pyclient.json").read_text())
    sweep_file = args.bench / "sweep.json"
    sweep = json.loads(sweep_file.read_text()) if sweep_file.exists() else None
    env = json.loads(args.env.read_text())

    rows = []
    for name, entry in sorted(py["workflows"].items()):
        java_full = jmh.get(("fullPrepare", name))
        java_sub = jmh.get(("perSubmission", name))
        row = {"workflow": name, "java_full": java_full, "java_sub": java_sub,
               "py_full": entry.get("full_prepare_us"), "py_sub": entry.get("per_submission_us"),
               "py_error": entry.get("error")}
        if java_full and row["py_full"]:
            row["full_ratio"] = row["py_full"] / java_full["us"]
        if java_sub and row["py_sub"]:
            row["sub_ratio"] = row["py_sub"] / java_sub["us"]
        rows.append(row)
    full_ratios = [r["full_ratio"] for r in rows if "full_ratio" in r]
    sub_ratios = [r["sub_ratio"] for r in rows if "sub_ratio" in r]

    results: dict[str, Any] = {
        "prepare_speedup_vs_pyclient": statistics.median(full_ratios) if full_ratios else None,
        "submission_speedup_vs_pyclient": statistics.median(sub_ratios) if sub_ratios else None,
        "prepare_us_sdxl_flux_refine": jmh.get(("fullPrepare", FLUX_REFINE), {}).get("us"),
        "submission_us_sdxl_flux_refine": jmh.get(("perSubmission", FLUX_REFINE), {}).get("us"),
        "workflows_compared": len(sub_ratios),
        "output_mapping_us": jmh.get(("outputMapping", ""), {}).get("us"),
        "output_mapping_us_pyclient": py.get("output_mapping", {}).get("us"),
        "rejection_422_us": jmh.get(("rejection422", ""), {}).get("us"),
        "rejection_422_us_pyclient": py.get("rejection_422", {}).get("us"),
    }
    if sweep:
        ways = sweep["ways"]
        api = ways.get("java_sweep", {})
        results.update({
            "sweep_runs": sweep["runs"],
            "sweep_wall_over_server_busy": api.get("wall_over_busy"),
            "sweep_cli_wall_over_server_busy": ways.get("cli_sweep", {}).get("wall_over_busy"),
            "sweep_speedup_vs_pyclient_loop": (ways["pyclient_loop"]["wall_s"] / api["wall_s"])
            if api and "pyclient_loop" in ways else None,
            "completion_latency_ms_p50": api.get("notice_ms_p50"),
            "completion_latency_ms_p95": api.get("notice_ms_p95"),
            "completion_event_latency_ms_p50": api.get("event_ms_p50"),
            "sweep": {w: {k: v for k, v in e.items() if k != "timeline_ms"} for w, e in ways.items()},
        })
    else:
        for key in ("sweep_wall_over_server_busy", "sweep_speedup_vs_pyclient_loop", "completion_latency_ms_p50"):
            results[key] = None
    results["targets"] = {k: {"target": f"{op} {limit}", "value": results.get(k), "met": met(k, results.get(k))}
                          for k, (op, limit) in TARGETS.items()}
    results["environment"] = env
    (args.bench / "results.json").write_text(json.dumps(results, indent=2) + "\n")

    png = args.docs / "benchmarks-sweep.png"
    if sweep:
        plot(sweep, png)

    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench-all` (do not edit by hand; the notes at the end come from",
        "`benchmarks/python/benchmarks-notes.md`). invoke4j against invokeai-py-client on the same machine, the",
        "same workflow files and the same server, and against the server's own busy time (issue 10).",
        "",
        "## Machine and versions",
        "",
        f"- date: {env.get('date')}",
        f"- machine: {env.get('cpu')}, {env.get('cores')} cores, {env.get('memory')}",
        f"- load average (1 min) at the start / end of the run: {env.get('load_start')} / {env.get('load_end')}"
        + (" — other builds ran on the machine during the run, so every figure is noisy"
           if max(float(str(env.get(k, '0')).split()[0]) for k in ('load_start', 'load_end')) > 1.5 else ""),
        f"- Java: {env.get('java')}; JMH 1.37, sample time (every call timed; the tables show the median), "
        "1 fork, 3 × 1 s warm-up, 5 × 1 s measurement, `-prof gc`",
        f"- Python {py.get('python')}, invokeai-py-client {py.get('version')} (median of {py.get('repeat')} calls after warm-up)",
        f"- InvokeAI server {env.get('invokeai', 'n/a')} on CPU (scripts/invokeai-server)",
        "",
        "## Targets (issue 10)",
        "",
        "| figure | target | this run | met |",
        "|---|---|---|---|",
    ]
    for key, target in results["targets"].items():
        value = target["value"]
        lines.append(f"| `{key}` | {target['target']} | {fmt(value, 2)} | "
                     f"{'n/a' if target['met'] is None else ('yes' if target['met'] else '**no**')} |")
    lines += [
        "",
        "Speed-ups are against py-client measured in the same run. The sweep figures are the API sweep's",
        "(`WorkflowHandle.submitSweep`); the CLI's are in the sweep table. `completion_latency_ms_p50` is when",
        "the finished item (with its results) was in the caller's hands; the status event itself arrived after",
        f"{fmt(results.get('completion_event_latency_ms_p50'), 0)} ms (p50).",
    ]
    lines += [
        "",
        "## Payload path per workflow (µs per operation; speed-up = py-client / invoke4j)",
        "",
        "full prepare = read the file, discover the inputs, set the first 5 inputs to their current values,",
        "build the enqueue body, serialize it to bytes; per submission = the same with the definition loaded.",
        "invoke4j's body embeds the workflow as the GUI does; py-client's carries the graph only.",
        "",
        "| workflow | invoke4j full | py-client full | × | invoke4j per submission | alloc B/op | py-client per submission | × |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        jf, js = r["java_full"], r["java_sub"]
        if r["py_error"]:
            lines.append(f"| {r['workflow']} | {fmt(jf and jf['us'])} | py-client cannot load it | | "
                         f"{fmt(js and js['us'])} | {fmt(js and js['alloc'], 0)} | | |")
            continue
        lines.append(f"| {r['workflow']} | {fmt(jf and jf['us'])} | {fmt(r['py_full'])} | {fmt(r.get('full_ratio'))} | "
                     f"{fmt(js and js['us'])} | {fmt(js and js['alloc'], 0)} | {fmt(r['py_sub'])} | {fmt(r.get('sub_ratio'))} |")
    lines += [
        "",
        f"Medians over the {len(sub_ratios)} workflows both clients load: full prepare "
        f"{fmt(results['prepare_speedup_vs_pyclient'])}×, per submission {fmt(results['submission_speedup_vs_pyclient'])}×.",
        "",
        "## Reading answers (µs per operation)",
        "",
        "| operation | invoke4j | py-client |",
        "|---|---|---|",
        f"| output mapping of completed-sdxl-text-to-image.json | {fmt(results['output_mapping_us'])} | {fmt(results['output_mapping_us_pyclient'])} |",
        f"| 422 answer to an enqueue, over loopback from a local stub | {fmt(results['rejection_422_us'])} | {fmt(results['rejection_422_us_pyclient'])} |",
        "",
        "invoke4j's output mapping reads the raw item into a typed `QueueItem` first (`HttpQueueGateway.readQueueItem`)",
        "and then maps it; py-client's `map_outputs_to_images` works on the dict it was given.",
    ]
    if sweep:
        lines += [
            "",
            f"## A {sweep['runs']}-run sweep against the real server",
            "",
            "examples/blank-blur-save.json with 16×16 images, the blur radius varied over 1..N. HTTP requests are",
            "counted from the server's access log (uvicorn at info level) while each way ran, including socket.io's",
            "polling handshake (websocket frames are not requests). Server busy = Σ completed_at − started_at.",
            "Notice latency = the client's wall clock when it had the finished item minus the item's completed_at",
            "(both the same host clock: the server stamps UTC with ms precision; the client uses System.currentTimeMillis / time.time).",
            "",
            "| way | wall s | HTTP requests | server busy s | wall / busy | noticed p50 ms | p95 ms | status event p50 ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for way, e in sweep["ways"].items():
            lines.append(f"| {WAY_LABELS.get(way, way)} | {fmt(e['wall_s'])} | {e['http_requests']} | {fmt(e['server_busy_s'])} | "
                         f"{fmt(e['wall_over_busy'], 2)} | {fmt(e['notice_ms_p50'], 0)} | {fmt(e['notice_ms_p95'], 0)} | "
                         f"{fmt(e.get('event_ms_p50'), 0)} |")
        lines += [
            "",
            "The CLI's wall time is the whole process: JVM start, loading the workflow, and downloading every output",
            "image with its JSON sidecar as items finish; the API rows time from the first submission to the last",
            "completion noticed. py-client's loop polls every 0.5 s (its default `poll_interval`).",
            "",
            "![sweep timelines](benchmarks-sweep.png)",
        ]
    notes = Path(__file__).with_name("benchmarks-notes.md")
    if notes.exists():
        lines += ["", notes.read_text().rstrip()]
    (args.docs / "benchmarks.md").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
