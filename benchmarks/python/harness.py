"""Times invokeai-py-client 1.1.1 on the operations the JMH benchmarks time (issue 10).

    python harness.py --fixtures ../shared/fixtures [--repeat 200] [--out results.json]

Per workflow under FIXTURES/workflows (median of --repeat timed calls after --warmup untimed ones, µs):
  full_prepare    read the file and discover the inputs (WorkflowRepository.create_workflow_from_file),
                  set the first 5 inputs to their current values (``field.value = field.value``,
                  inputs without a value skipped, as the Java side), then submit_sync() up to the
                  bytes of the body;
  per_submission  the same with the handle already created.
Once:
  output_mapping  WorkflowHandle.map_outputs_to_images(completed queue item), the item parsed once;
  rejection_422   submit_sync() of copy-image against a local stub server (a separate process)
                  answering 422 with a FastAPI validation body, up to py-client's RuntimeError.

No InvokeAI server is needed. What is stubbed, exactly: for full_prepare and per_submission the
client's ``_make_request`` (py-client's only HTTP entry) is replaced on the instance by a fake that
serializes ``json=`` as requests does (``json.dumps(body, allow_nan=False).encode("utf-8")``) and
answers the enqueue with ``{"batch": {"batch_id": ..}, "item_ids": [1]}`` and the follow-up
``GET /queue/default/i/1`` with ``{"session_id": ..}``; everything submit_sync does before the
socket (validate_inputs, _convert_to_api_format, building batch_data) runs unchanged. rejection_422
goes through the real requests session over loopback.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from invokeai_py_client import InvokeAIClient

INPUTS_SET = 5


class FakeResponse:
    def __init__(self, payload: dict[str, Any]) -> None:
        self._payload = payload
        self.status_code = 200

    def json(self) -> dict[str, Any]:
        return self._payload

    def raise_for_status(self) -> None:
        return None


class WireStub:
    """Stands in for ``InvokeAIClient._make_request``: serializes the body as requests would."""

    def __init__(self) -> None:
        self.last_body = b""

    def __call__(self, method: str, endpoint: str, **kwargs: Any) -> FakeResponse:
        if method == "POST":
            self.last_body = json.dumps(kwargs["json"], allow_nan=False).encode("utf-8")
            return FakeResponse({"batch": {"batch_id": "bench"}, "item_ids": [1]})
        return FakeResponse({"session_id": "bench-session", "item_id": 1, "status": "pending"})


def set_first_inputs(handle: Any) -> None:
    for i in range(min(INPUTS_SET, len(handle.inputs))):
        field = handle.get_input_value(i)
        value = getattr(field, "value", None)
        if value is not None:
            field.value = value


def median_us(fn: Callable[[], Any], warmup: int, repeat: int) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1000.0


STUB_422 = r"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
body = open(sys.argv[1], "rb").read()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(422)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default="../shared/fixtures")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--out")
    parser.add_argument("--only", help="comma-separated workflow names (e.g. gui-exported/copy-image)")
    args = parser.parse_args()
    fixtures = Path(args.fixtures).resolve()
    rejected_body = Path(__file__).resolve().parent.parent / "src/main/resources/io/invoke4j/benchmarks/rejected-422.json"
    # submit_sync writes tmp/last_failed_submission_detail.json under the working directory on a 422
    os.chdir(tempfile.mkdtemp(prefix="bench-pyclient-"))

    client = InvokeAIClient.from_url("http://127.0.0.1:9")
    stub = WireStub()
    client._make_request = stub  # type: ignore[method-assign]
    repo = client.workflow_repo

    results: dict[str, Any] = {
        "client": "invokeai-py-client",
        "version": importlib.metadata.version("invokeai-py-client"),
        "python": sys.version.split()[0],
        "repeat": args.repeat,
        "workflows": {},
    }
    names = sorted(str(p.relative_to(fixtures / "workflows"))[:-5]
                   for p in (fixtures / "workflows").rglob("*.json"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    for name in names:
        path = fixtures / "workflows" / (name + ".json")
        entry: dict[str, Any] = {}
        try:
            def full_prepare() -> bytes:
                handle = repo.create_workflow_from_file(str(path))
                set_first_inputs(handle)
                handle.submit_sync()
                return stub.last_body

            loaded = repo.create_workflow_from_file(str(path))

            def per_submission() -> bytes:
                set_first_inputs(loaded)
                loaded.submit_sync()
                return stub.last_body

            full_prepare()
            entry["body_bytes"] = len(stub.last_body)
            entry["full_prepare_us"] = median_us(full_prepare, args.warmup, args.repeat)
            entry["per_submission_us"] = median_us(per_submission, args.warmup, args.repeat)
        except Exception as e:  # a workflow py-client cannot load or submit
            entry["error"] = f"{type(e).__name__}: {str(e)[:300]}"
        results["workflows"][name] = entry
        print(f"{name}: {entry}", file=sys.stderr, flush=True)

    queue_item = json.loads((fixtures / "queue-items/completed-sdxl-text-to-image.json").read_text())
    sdxl = repo.create_workflow_from_file(str(fixtures / "workflows/gui-exported/sdxl-text-to-image.json"))
    mapped = sdxl.map_outputs_to_images(queue_item)
    results["output_mapping"] = {
        "us": median_us(lambda: sdxl.map_outputs_to_images(queue_item), args.warmup, args.repeat),
        "mapped": len(mapped),
    }

    proc = subprocess.Popen([sys.executable, "-c", STUB_422, str(rejected_body)], stdout=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        rejecting = InvokeAIClient.from_url(f"http://127.0.0.1:{port}")
        copy_image = rejecting.workflow_repo.create_workflow_from_file(
            str(fixtures / "workflows/gui-exported/copy-image.json"))

        def rejection() -> str:
            try:
                copy_image.submit_sync()
            except RuntimeError as e:
                return str(e)
            raise AssertionError("the stub accepted the batch")

        if "422" not in rejection():
            raise AssertionError("no 422 in py-client's error")
        results["rejection_422"] = {"us": median_us(rejection, args.warmup, max(50, args.repeat // 2))}
    finally:
        proc.terminate()
        proc.wait()

    text = json.dumps(results, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
