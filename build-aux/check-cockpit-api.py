#!/usr/bin/python3
# check-cockpit-api.py: checks recorded requests and answers against the Cockpit API's OpenAPI document.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-cockpit-api.py [--document docs/cockpit-api.yaml] RECORDING...
#
# A RECORDING is a JSON Lines file written by the simulator's recorder
# (COCKPIT_SIM_RECORD, `cockpit-sim --record`, `cockpit-sim --proxy-to`),
# or a folder of them.  Each exchange is checked against the document:
#
# - the path must match a path of the document, and the method one of its
#   operations (HEAD as GET); otherwise only what the document's
#   x-cockpit-unmatched-requests allows is accepted: 405 with Allow for a
#   known path, 404 for an unknown one, 401 without a valid token, 413 for
#   a body too large;
# - the status must be declared by the operation (or be 401 or 413, which
#   any request may get) and the answer must match it: its required
#   headers, its content type and its body against the schema;
# - for an answer in 2xx only, the request must match the operation too:
#   the token, the path and query parameters, the Idempotency-Key and the
#   body.  A request the server refused (4xx) is often wrong on purpose,
#   so only the answer to it is checked.
#
# The schemas are checked by python3-jsonschema's Draft 2020-12 validator,
# the dialect of OpenAPI 3.1, with every $ref resolved in the document.
# Exit status: 0 when every exchange conforms, 1 otherwise, 2 for bad use.

import argparse
import datetime
import json
import os
import re
import sys
import urllib.parse

import jsonschema
import yaml

METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')


def _check_date_time(value):
    if not isinstance(value, str):
        return True
    # RFC 3339: a date, "T", a time and an offset, nothing less.
    if not re.fullmatch(r'\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})', value):
        return False
    try:
        datetime.datetime.fromisoformat(value.upper().replace('Z', '+00:00'))
    except ValueError:
        return False
    return True


def _check_uri(value):
    if not isinstance(value, str):
        return True
    parts = urllib.parse.urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def _check_email(value):
    return not isinstance(value, str) or re.fullmatch(r'[^@\s]+@[^@\s]+', value) is not None


def format_checker():
    # jsonschema checks date-time and uri only with optional modules that
    # Debian 12 does not install; these are the RFC's shapes.
    checker = jsonschema.FormatChecker(formats=())
    checker.checks('date-time')(_check_date_time)
    checker.checks('uri')(_check_uri)
    checker.checks('email')(_check_email)
    return checker


class Contract:
    """The OpenAPI document, ready to check exchanges against."""

    def __init__(self, document):
        self.document = document
        self.resolver = jsonschema.RefResolver('', document)
        self.format_checker = format_checker()
        self.paths = []
        for template, item in document.get('paths', {}).items():
            names = []
            pattern = ''
            for segment in template.split('/')[1:]:
                match = re.fullmatch(r'\{([^}]+)\}', segment)
                if match:
                    names.append(match.group(1))
                    pattern += '/([^/]+)'
                else:
                    pattern += '/' + re.escape(segment)
            self.paths.append((len(names), template, re.compile(pattern + '$'), names, item))
        # Literal paths before templated ones.
        self.paths.sort(key=lambda entry: (entry[0], entry[1]))
        self.unmatched = document.get('x-cockpit-unmatched-requests', {})
        for schema in document.get('components', {}).get('schemas', {}).values():
            jsonschema.Draft202012Validator.check_schema(schema)

    @classmethod
    def load(cls, path):
        with open(path, encoding='utf-8') as stream:
            return cls(yaml.safe_load(stream))

    def deref(self, obj):
        """An OpenAPI object, following its $ref within the document."""
        seen = 0
        while isinstance(obj, dict) and '$ref' in obj:
            reference = obj['$ref']
            if not reference.startswith('#/') or seen > 16:
                raise ValueError(f'cannot follow {reference}')
            obj = self.document
            for part in reference[2:].split('/'):
                obj = obj[part.replace('~1', '/').replace('~0', '~')]
            seen += 1
        return obj

    def schema_errors(self, schema, instance):
        validator = jsonschema.Draft202012Validator(schema, resolver=self.resolver,
                                                    format_checker=self.format_checker)
        errors = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = '/'.join(str(part) for part in error.absolute_path)
            errors.append(f'{where or "(top)"}: {error.message}')
        return errors

    def match_path(self, path):
        """(template, path item, parameters) for @path, or None."""
        for _, template, pattern, names, item in self.paths:
            match = pattern.match(path)
            if match:
                values = {name: urllib.parse.unquote(value) for name, value in zip(names, match.groups())}
                return template, item, values
        return None


def _json_body(text, problems, what):
    try:
        return json.loads(text)
    except (TypeError, ValueError) as error:
        problems.append(f'{what} is not JSON: {error}')
        return None


def _content_type(headers):
    value = headers.get('content-type')
    return value.split(';')[0].strip().lower() if value else None


def check_response(contract, response, exchange, problems):
    """Checks the answer of @exchange against the OpenAPI @response."""
    response = contract.deref(response)
    headers = exchange.get('response_headers', {})
    for name, header in response.get('headers', {}).items():
        header = contract.deref(header)
        value = headers.get(name.lower())
        if value is None:
            if header.get('required'):
                problems.append(f'the answer lacks the header {name}')
            continue
        for error in contract.schema_errors(header.get('schema', {}), value):
            problems.append(f'header {name}: {error}')

    head = exchange['method'] == 'HEAD'
    content = response.get('content')
    length = exchange.get('response_body_length', 0)
    if not content:
        if length:
            problems.append(f'the answer has a body of {length} bytes where none is declared')
        return
    media = _content_type(headers)
    if media not in content:
        problems.append(f'the answer\'s type is {media}, not one of {", ".join(content)}')
        return
    if head:
        return
    schema = content[media].get('schema')
    if media != 'application/json' or schema is None:
        if length == 0:
            problems.append('the answer has no body')
        return
    body = _json_body(exchange.get('response_body'), problems, 'the answer')
    if body is None and not problems:
        problems.append('the answer has no body')
    if body is not None:
        for error in contract.schema_errors(schema, body):
            problems.append(f'answer {error}')


def _coerce(value, schema, contract):
    """A query or path value, as the schema's type wants it."""
    schema = contract.deref(schema)
    types = schema.get('type')
    if types is None and '$ref' not in schema:
        return value
    types = types if isinstance(types, list) else [types]
    if 'integer' in types:
        try:
            return int(value, 10)
        except ValueError:
            return value
    if 'number' in types:
        try:
            return float(value)
        except ValueError:
            return value
    if 'boolean' in types and value in ('true', 'false'):
        return value == 'true'
    return value


def check_request(contract, operation, path_item, path_values, exchange, problems):
    """Checks the request of an accepted @exchange against @operation."""
    security = operation.get('security', contract.document.get('security', []))
    if security and not exchange.get('authorization'):
        problems.append('the request was accepted without a token')

    parameters = {}
    for parameter in path_item.get('parameters', []) + operation.get('parameters', []):
        parameter = contract.deref(parameter)
        parameters[(parameter['in'], parameter['name'])] = parameter

    query = urllib.parse.parse_qs(exchange.get('query') or '', keep_blank_values=True)
    headers = exchange.get('request_headers', {})
    for (place, name), parameter in parameters.items():
        schema = parameter.get('schema', {})
        if place == 'path':
            values = [path_values.get(name)]
        elif place == 'query':
            values = query.get(name, [])
        elif place == 'header':
            value = headers.get(name.lower())
            values = [value] if value is not None else []
        else:
            continue
        if not values or values == [None]:
            if parameter.get('required'):
                problems.append(f'the {place} parameter {name} is missing')
            continue
        for value in values:
            for error in contract.schema_errors(schema, _coerce(value, schema, contract)):
                problems.append(f'{place} parameter {name}: {error}')

    body_text = exchange.get('request_body')
    has_body = bool(body_text) or bool(exchange.get('request_body_base64'))
    request_body = contract.deref(operation.get('requestBody')) if 'requestBody' in operation else None
    if request_body is None:
        if has_body:
            problems.append('the request has a body where the operation takes none')
        return
    if not has_body:
        if request_body.get('required'):
            problems.append('the request has no body where one is required')
        return
    content = request_body.get('content', {})
    schema = content.get('application/json', {}).get('schema')
    body = _json_body(body_text, problems, 'the request body')
    if body is not None and schema is not None:
        for error in contract.schema_errors(schema, body):
            problems.append(f'request body {error}')


def _unmatched(contract, kind, exchange, problems):
    reference = contract.unmatched.get(kind)
    if reference is None:
        problems.append(f'the document says nothing of {kind} answers')
        return
    check_response(contract, {'$ref': reference}, exchange, problems)


def check_exchange(contract, exchange):
    """The problems of one recorded exchange; an empty list when it conforms."""
    problems = []
    method = exchange['method']
    status = exchange['status']
    path = exchange['path']

    # Any request may be refused for its token or its size before routing.
    if status == 401:
        _unmatched(contract, 'without-token', exchange, problems)
        return problems
    if status == 413:
        _unmatched(contract, 'payload-too-large', exchange, problems)
        return problems

    match = contract.match_path(path)
    if match is None:
        if status == 404:
            _unmatched(contract, 'unknown-path', exchange, problems)
        else:
            problems.append(f'{path} is no path of the document, yet it was answered {status}')
        return problems

    template, item, path_values = match
    operation_method = 'get' if method == 'HEAD' else method.lower()
    declared = [name.upper() for name in METHODS if name in item]
    if operation_method not in item:
        if status != 405:
            problems.append(f'{template} declares no {method}, yet it was answered {status}, not 405')
            return problems
        _unmatched(contract, 'method-not-allowed', exchange, problems)
        allow = exchange.get('response_headers', {}).get('allow', '')
        allowed = {name.strip().upper() for name in allow.split(',') if name.strip()}
        if not set(declared) <= allowed or not allowed <= set(declared) | {'HEAD'}:
            problems.append(f'Allow says "{allow}", the document declares {", ".join(declared)}')
        return problems

    operation = item[operation_method]
    responses = operation.get('responses', {})
    response = responses.get(str(status)) or responses.get(f'{str(status)[0]}XX') or responses.get('default')
    if response is None:
        problems.append(f'{method} {template} does not declare the status {status}')
        return problems
    check_response(contract, response, exchange, problems)
    if 200 <= status < 300:
        check_request(contract, operation, item, path_values, exchange, problems)
    return problems


def operation_key(contract, exchange):
    """"METHOD template" of the exchange's operation, or None."""
    match = contract.match_path(exchange['path'])
    if match is None:
        return None
    method = 'get' if exchange['method'] == 'HEAD' else exchange['method'].lower()
    return f'{method.upper()} {match[0]}' if method in match[1] else None


def read_recordings(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            files = sorted(os.path.join(argument, name) for name in os.listdir(argument)
                           if name.endswith('.jsonl'))
        else:
            files = [argument]
        for name in files:
            with open(name, encoding='utf-8') as stream:
                for number, line in enumerate(stream, 1):
                    if line.strip():
                        yield f'{name}:{number}', json.loads(line)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description='Check recorded exchanges against the Cockpit API.')
    parser.add_argument('--document', default=os.path.join(here, '..', 'docs', 'cockpit-api.yaml'),
                        help='the OpenAPI document (default: docs/cockpit-api.yaml)')
    parser.add_argument('--coverage', action='store_true',
                        help='list the operations and statuses seen, and the operations never seen')
    parser.add_argument('--min-exchanges', type=int, default=1,
                        help='fail when the recordings hold fewer exchanges (default 1)')
    parser.add_argument('recordings', nargs='+', help='JSON Lines files, or folders of them')
    options = parser.parse_args(argv)

    contract = Contract.load(options.document)
    count = 0
    violations = 0
    seen = {}
    for where, exchange in read_recordings(options.recordings):
        count += 1
        problems = check_exchange(contract, exchange)
        key = operation_key(contract, exchange) or '(no operation)'
        seen.setdefault(key, set()).add(exchange['status'])
        if problems:
            violations += 1
            query = f'?{exchange["query"]}' if exchange.get('query') else ''
            print(f'{where}: {exchange["method"]} {exchange["path"]}{query} → {exchange["status"]}')
            for problem in problems:
                print(f'    {problem}')

    if options.coverage:
        print('Operations seen, with their statuses:')
        for key in sorted(seen):
            print(f'    {key}: {", ".join(str(status) for status in sorted(seen[key]))}')
        never = []
        for template, item in contract.document.get('paths', {}).items():
            for method in METHODS:
                if method in item and f'{method.upper()} {template}' not in seen:
                    since = item[method].get('x-since')
                    never.append(f'{method.upper()} {template}' + (f' (v{since})' if since else ''))
        print('Operations never seen:')
        for key in never:
            print(f'    {key}')

    print(f'{count} exchanges, {violations} violations')
    if count < options.min_exchanges:
        print(f'fewer than the {options.min_exchanges} exchanges expected')
        return 1
    return 1 if violations else 0


if __name__ == '__main__':
    sys.exit(main())
