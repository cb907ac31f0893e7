#!/usr/bin/python3
# test-conformance.py: every request and answer of the simulator and client tests keeps to docs/cockpit-api.yaml.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-conformance.py SOURCE_ROOT COCKPIT_SIM TEST_PROGRAM...
#
# Runs each test program again with the simulator's recorder on
# (COCKPIT_SIM_RECORD, a temporary folder: every simulator they start, in
# process or as cockpit-sim, writes what crossed the wire), then checks
# the whole recording with build-aux/check-cockpit-api.py.  Passes when
# every exchange conforms and every operation of v1 and of v1.1 (the
# upgrade plans) was seen at least once, so that an endpoint the tests
# stop using does not go unchecked.
#
# Then the same recorder and checker in front of another server, as a
# backend's author would use them: build-aux/probe-cockpit-api.py through
# `cockpit-sim --proxy-to` before a real cockpit-sim must conform, and
# before a deliberately wrong backend (a missing required field, an
# undeclared status) the check must fail on exactly those exchanges.
# Speaks TAP; exits 77 (skipped) when python3-jsonschema is missing.

import contextlib
import http.server
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

try:
    import jsonschema  # noqa: F401
    import yaml  # noqa: F401
except ImportError as error:
    print(f'1..0 # SKIP python3-jsonschema and python3-yaml are needed: {error}')
    sys.exit(77)

# Fewer would mean the recording did not work, whatever the checker says.
MIN_EXCHANGES = 500


class WrongBackend(http.server.BaseHTTPRequestHandler):
    """A cockpit that breaks the contract in two ways, and keeps it in one."""

    def answer(self, status, body):
        text = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def do_GET(self):
        if self.path == '/api/v1/me':
            self.answer(200, {'name': 'Alex Example', 'email': 'alex@example.com'})   # no role
        elif self.path == '/api/v1/releases':
            self.answer(200, {'releases': []})                                        # right
        else:
            self.answer(418, {'error': {'code': 'teapot', 'message': 'I am a teapot.'}})

    def log_message(self, *arguments):
        pass


def check_proxy(check, document, sim):
    """The problems the checker finds behind `cockpit-sim --proxy-to`."""
    backend = http.server.ThreadingHTTPServer(('127.0.0.1', 0), WrongBackend)
    thread = threading.Thread(target=backend.serve_forever, daemon=True)
    thread.start()
    with tempfile.TemporaryDirectory(prefix='cockpit-proxy-') as folder:
        proxy = subprocess.Popen([sim, '--proxy-to', f'http://127.0.0.1:{backend.server_address[1]}',
                                  '--record', folder], stdout=subprocess.PIPE, text=True)
        try:
            base = proxy.stdout.readline().strip().removeprefix('listening on ')
            for path in ('/api/v1/me', '/api/v1/releases', '/api/v1/notifications'):
                request = urllib.request.Request(base + path, headers={'Authorization': 'Bearer proxy-token-3c'})
                try:
                    urllib.request.urlopen(request, timeout=60).read()
                except urllib.error.HTTPError:
                    pass
        finally:
            proxy.terminate()
            proxy.wait(timeout=60)
            backend.shutdown()
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = check.main(['--document', document, folder])
        recorded = ''.join(open(os.path.join(folder, name), encoding='utf-8').read()
                           for name in os.listdir(folder))
    return status, output.getvalue(), recorded


def check_probe(check, root, document, sim):
    """The checker's words on the probe through the proxy before cockpit-sim."""
    token = 'probe-token-81d0'
    with tempfile.TemporaryDirectory(prefix='cockpit-probe-') as folder:
        backend = subprocess.Popen([sim, '--token', token], stdout=subprocess.PIPE, text=True,
                                   env=dict(os.environ, COCKPIT_SIM_RECORD=''))
        proxy = None
        try:
            upstream = backend.stdout.readline().strip().removeprefix('listening on ')
            proxy = subprocess.Popen([sim, '--proxy-to', upstream, '--record', folder],
                                     stdout=subprocess.PIPE, text=True)
            base = proxy.stdout.readline().strip().removeprefix('listening on ')
            probe = subprocess.run([sys.executable, os.path.join(root, 'build-aux', 'probe-cockpit-api.py'), base],
                                   env=dict(os.environ, COCKPIT_TOKEN=token), stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        finally:
            for process in (proxy, backend):
                if process is not None:
                    process.terminate()
                    process.wait(timeout=60)
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = check.main(['--document', document, '--min-exchanges', '30', folder])
        recorded = ''.join(open(os.path.join(folder, name), encoding='utf-8').read()
                           for name in os.listdir(folder))
    return probe.returncode == 0 and status == 0 and token not in recorded, probe.stdout + output.getvalue()


def main():
    root = sys.argv[1]
    sim = sys.argv[2]
    programs = sys.argv[3:]
    spec = importlib.util.spec_from_file_location('check', os.path.join(root, 'build-aux', 'check-cockpit-api.py'))
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    document = os.path.join(root, 'docs', 'cockpit-api.yaml')

    print(f'1..{len(programs) + 4}')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='cockpit-conformance-') as folder:
        environment = dict(os.environ, COCKPIT_SIM_RECORD=folder)
        for number, program in enumerate(programs, 1):
            name = os.path.basename(program)
            result = subprocess.run([program, '--tap'], env=environment, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, errors='replace')
            good = result.returncode in (0, 77)
            failed += not good
            print(f'{"ok" if good else "not ok"} {number} - {name} ran with the recorder on')
            if not good:
                for line in result.stdout.splitlines()[-20:]:
                    print(f'# {line}')

        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = check.main(['--document', document, '--coverage',
                                 '--min-exchanges', str(MIN_EXCHANGES), folder])
        text = output.getvalue()
        good = status == 0
        failed += not good
        summary = text.strip().splitlines()[-1] if text.strip() else '(nothing)'
        print(f'{"ok" if good else "not ok"} {len(programs) + 1} - every exchange conforms: {summary}')
        for line in text.splitlines():
            print(f'# {line}')

        # Every operation seen at least once: v1, and since the simulator
        # serves them, the upgrade plans of v1.1 (x-since) too.
        never = []
        lines = text.splitlines()
        if 'Operations never seen:' in lines:
            start = lines.index('Operations never seen:') + 1
            for line in lines[start:]:
                if not line.startswith('    '):
                    break
                never.append(line.strip())
        good = not never and 'Operations never seen:' in lines
        failed += not good
        print(f'{"ok" if good else "not ok"} {len(programs) + 2} - every operation of v1 and v1.1 was exercised')
        for operation in never:
            print(f'# never seen: {operation}')

    status, text, recorded = check_proxy(check, document, sim)
    good = (status == 1 and '3 exchanges, 2 violations' in text and
            "'role' is a required property" in text and 'does not declare the status 418' in text and
            'proxy-token-3c' not in recorded)
    failed += not good
    print(f'{"ok" if good else "not ok"} {len(programs) + 3} - behind cockpit-sim --proxy-to, '
          'a wrong backend\'s missing field and undeclared status are caught')
    for line in text.splitlines():
        print(f'# {line}')

    good, text = check_probe(check, root, document, sim)
    failed += not good
    print(f'{"ok" if good else "not ok"} {len(programs) + 4} - the probe through cockpit-sim --proxy-to '
          'before cockpit-sim conforms')
    for line in text.splitlines():
        print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
