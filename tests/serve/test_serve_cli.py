"""`cronica serve` as a user runs it: a real process on a free loopback port."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from typer.testing import CliRunner

from serve_helpers import free_port

CRONICA = [sys.executable, "-c", "from cronica.cli import main; main()"]


def test_help_lists_the_options():
    from cronica.cli import _register, app
    _register()
    out = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    for opt in ("--db", "--host", "--port", "--tiles", "127.0.0.1", "8000"):
        assert opt in out


def test_bad_tiles_and_missing_store_fail_clearly(sample_db, tmp_path):
    r = subprocess.run(CRONICA + ["serve", "--db", str(sample_db), "--tiles", "file:///etc/passwd"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--tiles must be an http(s) URL" in r.stderr
    r = subprocess.run(CRONICA + ["serve", "--db", str(tmp_path / "none.duckdb")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "no such file" in r.stderr
    assert not (tmp_path / "none.duckdb").exists()


def get(url: str, host: str | None = None):
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, r.read()


def test_serve_runs_on_loopback_read_only(sample_db):
    port = free_port()
    proc = subprocess.Popen(CRONICA + ["serve", "--db", str(sample_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/api/meta")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "cronica serve did not answer"
                time.sleep(0.2)
        assert status == 200 and json.loads(body)["events"] == 5
        status, body = get(f"http://localhost:{port}/")
        assert status == 200 and b"cronica explorer" in body
        # a page reached under another host name (DNS rebinding) is refused
        try:
            get(f"http://127.0.0.1:{port}/api/meta", host="attacker.example")
            raise AssertionError("foreign Host header accepted")
        except urllib.error.HTTPError as exc:
            assert exc.code == 400
        # bound to 127.0.0.1 only
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if listening.returncode == 0 and listening.stdout.strip():
            local = {line.split()[3] for line in listening.stdout.splitlines()}
            assert local == {f"127.0.0.1:{port}"}, listening.stdout
        # the store is not locked for writing by others: a second read-only reader opens it
        import duckdb
        duckdb.connect(str(sample_db), read_only=True).close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert "read-only" in proc.stderr.read()
