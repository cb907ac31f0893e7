#!/usr/bin/python3
# test-cockpit-api-check.py: the conformance checker catches exchanges that break the contract, and passes those that keep it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-cockpit-api-check.py SOURCE_ROOT
#
# Table-driven: each case is one recorded exchange, as the simulator's
# recorder writes it, and the problem the checker must report (or none).
# Speaks TAP; exits 77 (skipped) when python3-jsonschema is missing.

import copy
import importlib.util
import json
import os
import sys

try:
    import jsonschema  # noqa: F401
    import yaml  # noqa: F401
except ImportError as error:
    print(f'1..0 # SKIP python3-jsonschema and python3-yaml are needed: {error}')
    sys.exit(77)

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
spec = importlib.util.spec_from_file_location('check', os.path.join(ROOT, 'build-aux', 'check-cockpit-api.py'))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)
contract = check.Contract.load(os.path.join(ROOT, 'docs', 'cockpit-api.yaml'))

ME = {'name': 'Alex Example', 'email': 'alex@example.com', 'role': 'owner'}
ACTION = {
    'id': 'act-000001', 'package_id': 'acmeweb', 'environment_id': 'acmeweb-uat', 'kind': 'upgrade',
    'params': {'target_version': '6.3.21', 'from_version': '6.3.19'},
    'status': 'running', 'stage': 'create_replica',
    'stages': [{'name': 'create_replica', 'status': 'running',
                'started_at': '2026-11-26T09:30:00Z', 'finished_at': None}],
    'progress': 0.1, 'requested_by': 'Alex Example', 'created_at': '2026-11-26T09:30:00Z',
    'finished_at': None, 'error': None,
}
UPGRADE = '/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade'


def exchange(method, path, status, body=None, query=None, request_body=None, authorization='Bearer',
             response_headers=None, request_headers=None, content_type='application/json'):
    text = json.dumps(body) if body is not None else None
    headers = {'cache-control': 'no-store'}
    if text is not None:
        headers['content-type'] = content_type
    headers.update(response_headers or {})
    return {
        'method': method, 'path': path, 'query': query, 'authorization': authorization,
        'request_headers': request_headers or {}, 'request_body_kept': True,
        'request_body': request_body, 'status': status, 'response_headers': headers,
        'response_body_length': len(text) if text else 0, 'response_body': text,
    }


def error(code):
    return {'error': {'code': code, 'message': 'Words for people.'}}


def without(obj, *path):
    obj = copy.deepcopy(obj)
    inner = obj
    for key in path[:-1]:
        inner = inner[key]
    del inner[path[-1]]
    return obj


def replaced(obj, value, *path):
    obj = copy.deepcopy(obj)
    inner = obj
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = value
    return obj


ACCEPTED = {'location': '/api/v1/actions/act-000001'}

# (name, exchange, a text the problems must contain; None: it conforms)
CASES = [
    ('me conforms', exchange('GET', '/api/v1/me', 200, ME), None),
    ('HEAD conforms without a body', dict(exchange('GET', '/api/v1/me', 200, ME), method='HEAD',
                                          response_body=None), None),
    ('an upgrade accepted conforms',
     exchange('POST', UPGRADE, 202, ACTION, request_body='{"target_version": "6.3.21"}',
              request_headers={'idempotency-key': 'k-1'}, response_headers=ACCEPTED), None),
    ('a malformed request refused with 400 conforms',
     exchange('POST', UPGRADE, 400, error('bad_request'), request_body='{"target_version": 12'), None),
    ('401 with WWW-Authenticate conforms on any path',
     exchange('GET', '/nowhere', 401, error('unauthorized'), authorization=None,
              response_headers={'www-authenticate': 'Bearer'}), None),
    ('an unknown path answered 404 conforms', exchange('GET', '/api/v1/nowhere', 404, error('not_found')), None),
    ('405 with the right Allow conforms',
     exchange('PUT', '/api/v1/me', 405, error('method_not_allowed'), response_headers={'allow': 'GET'}), None),
    ('a read notification conforms',
     exchange('POST', '/api/v1/notifications/n-1/read', 204), None),
    ('the document conforms',
     dict(exchange('GET', '/api/v1/openapi.yaml', 200, authorization=None),
          response_headers={'content-type': 'application/yaml'}, response_body_length=100), None),

    ('a missing required field', exchange('GET', '/api/v1/me', 200, without(ME, 'role')),
     "'role' is a required property"),
    ('a missing required field deep inside',
     exchange('GET', '/api/v1/actions/act-000001', 200, without(ACTION, 'stages', 0, 'started_at')),
     "'started_at' is a required property"),
    ('an upgrade without the params of its kind',
     exchange('GET', '/api/v1/actions/act-000001', 200, without(ACTION, 'params', 'from_version')),
     "'from_version' is a required property"),
    ('an entry without its start',
     exchange('GET', '/api/v1/packages/acmeweb/activity', 200, {'entries': [{
         'id': 'e-1', 'at': '2026-11-26T09:30:00Z', 'type': 'info', 'activity': 'Done.', 'affects': 'live',
         'by': 'System', 'started_at': None, 'finished_at': '2026-11-26T09:30:00Z', 'bundle': None,
         'action_id': None}], 'next_before': None}), "None is not of type 'string'"),
    ('a value outside its enum', exchange('GET', '/api/v1/me', 200, replaced(ME, 'boss', 'role')),
     "'boss' is not one of"),
    ('a field of the wrong type',
     exchange('GET', '/api/v1/actions/act-000001', 200, replaced(ACTION, '10%', 'progress')),
     "is not of type 'number'"),
    ('a timestamp without a time zone',
     exchange('GET', '/api/v1/actions/act-000001', 200, replaced(ACTION, '2026-11-26T09:30:00', 'created_at')),
     'created_at'),
    ('an undeclared status', exchange('GET', '/api/v1/me', 409, error('package_busy')),
     'does not declare the status 409'),
    ('an unknown path answered 200', exchange('GET', '/api/v1/everything', 200, ME),
     'is no path of the document'),
    ('an error code its status does not have',
     exchange('POST', UPGRADE, 409, error('not_found')), "'not_found' is not one of"),
    ('an error code the contract does not have',
     exchange('GET', '/api/v1/packages/nope', 404, error('gone')), 'gone'),
    ('an error without its message',
     exchange('GET', '/api/v1/packages/nope', 404, {'error': {'code': 'not_found'}}),
     "'message' is a required property"),
    ('202 without Location', exchange('POST', UPGRADE, 202, ACTION, request_body='{"target_version": "6.3.21"}'),
     'lacks the header Location'),
    ('401 without WWW-Authenticate', exchange('GET', '/api/v1/me', 401, error('unauthorized')),
     'lacks the header WWW-Authenticate'),
    ('405 without Allow', exchange('PUT', '/api/v1/me', 405, error('method_not_allowed')),
     'lacks the header Allow'),
    ('405 with an Allow that lies',
     exchange('PUT', '/api/v1/me', 405, error('method_not_allowed'), response_headers={'allow': 'GET, PUT'}),
     'Allow says'),
    ('a declared path with an undeclared method answered 200', exchange('PUT', '/api/v1/me', 200, ME),
     'declares no PUT'),
    ('a body on 204', exchange('POST', '/api/v1/notifications/n-1/read', 204, {'ok': True}),
     'where none is declared'),
    ('JSON of another type', exchange('GET', '/api/v1/me', 200, ME, content_type='text/plain'),
     "the answer's type is text/plain"),
    ('an answer that is not JSON', dict(exchange('GET', '/api/v1/me', 200, ME), response_body='{"name": '),
     'the answer is not JSON'),
    ('a request accepted without a token', exchange('GET', '/api/v1/me', 200, ME, authorization=None),
     'accepted without a token'),
    ('an accepted request body that breaks the schema',
     exchange('POST', UPGRADE, 202, ACTION, request_body='{"target_version": "latest"}', response_headers=ACCEPTED),
     'request body target_version'),
    ('an accepted request without its required body',
     exchange('POST', UPGRADE, 202, ACTION, response_headers=ACCEPTED), 'no body where one is required'),
    ('an accepted query parameter out of range',
     exchange('GET', '/api/v1/packages/acmeweb/activity', 200, {'entries': [], 'next_before': None},
              query='limit=5000'), 'query parameter limit'),
    ('an accepted filter outside its enum',
     exchange('GET', '/api/v1/packages/acmeweb/activity', 200, {'entries': [], 'next_before': None},
              query='type=fatal'), 'query parameter type'),
    ('an accepted Idempotency-Key too long',
     exchange('POST', UPGRADE, 202, ACTION, request_body='{"target_version": "6.3.21"}',
              request_headers={'idempotency-key': 'k' * 256}, response_headers=ACCEPTED),
     'header parameter Idempotency-Key'),
    ('a page without next_before',
     exchange('GET', '/api/v1/packages/acmeweb/actions', 200, {'actions': []}),
     "'next_before' is a required property"),
    ('a plan (v1.1) without its steps',
     exchange('GET', '/api/v1/plans/plan-1', 200, {
         'id': 'plan-1', 'package_id': 'acmeweb', 'target_version': '6.4.3', 'gate': 'soak',
         'soak_hours': 24, 'start_at': None, 'back_up_live_first': False, 'status': 'running',
         'created_by': 'Alex Example', 'created_at': '2026-11-26T09:30:00Z', 'finished_at': None,
         'error': None}), "'steps' is a required property"),
    ('a plan request with a soak gate but no hours, accepted',
     exchange('POST', '/api/v1/packages/acmeweb/plans', 201, None,
              request_body='{"target_version": "6.4.3", "environments": ["uat"], "gate": "soak"}',
              response_headers={'location': '/api/v1/plans/plan-1'}),
     'request body'),
    ('a plan request out of order, accepted',
     exchange('POST', '/api/v1/packages/acmeweb/plans', 201, None,
              request_body='{"target_version": "6.4.3", "environments": ["live", "uat"], "gate": "approval"}',
              response_headers={'location': '/api/v1/plans/plan-1'}),
     "request body environments: ['live', 'uat'] is not one of"),
]


def main():
    print(f'1..{len(CASES) + 1}')
    failed = 0
    for number, (name, case, expected) in enumerate(CASES, 1):
        problems = check.check_exchange(contract, case)
        text = '\n'.join(problems)
        if expected is None:
            good = not problems
        else:
            good = expected in text
        if not good:
            failed += 1
        print(f'{"ok" if good else "not ok"} {number} - {name}')
        if not good:
            print(f'# expected: {expected!r}')
            for problem in problems or ['(no problem reported)']:
                print(f'# got: {problem}')

    # The command itself: a recording with one wrong exchange fails, and
    # says which; a clean one passes.
    import tempfile
    import contextlib
    import io
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'exchanges-1.jsonl')
        with open(path, 'w', encoding='utf-8') as stream:
            stream.write(json.dumps(CASES[0][1]) + '\n')
            stream.write(json.dumps(exchange('GET', '/api/v1/me', 200, without(ME, 'email'))) + '\n')
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = check.main(['--document', os.path.join(ROOT, 'docs', 'cockpit-api.yaml'), folder])
        good = status == 1 and 'exchanges-1.jsonl:2' in output.getvalue() and \
            '2 exchanges, 1 violations' in output.getvalue()
        with open(path, 'w', encoding='utf-8') as stream:
            stream.write(json.dumps(CASES[0][1]) + '\n')
        with contextlib.redirect_stdout(io.StringIO()):
            good = good and check.main(['--document', os.path.join(ROOT, 'docs', 'cockpit-api.yaml'), path]) == 0
    number = len(CASES) + 1
    print(f'{"ok" if good else "not ok"} {number} - the command fails on a wrong exchange and names its line')
    if not good:
        failed += 1
        for line in output.getvalue().splitlines():
            print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
