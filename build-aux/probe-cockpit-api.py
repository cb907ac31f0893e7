#!/usr/bin/python3
# probe-cockpit-api.py: sends a cockpit every read-only request of the Cockpit API, to record its answers.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   cockpit-sim --proxy-to https://cockpit.example.com --record /tmp/exchanges &
#   COCKPIT_TOKEN=... build-aux/probe-cockpit-api.py http://127.0.0.1:PORT
#   build-aux/check-cockpit-api.py --coverage /tmp/exchanges
#
# Walks what a cockpit serves without changing anything: me, the packages
# and each of them, the available versions of each environment, the
# actions and the activity of each package (a page, and the next one with
# its cursor), an action, the releases, the notifications and the
# document; then what every server must refuse: no token (401), an unknown
# path (404), a method a path does not take (405).  It never sends a POST
# or a DELETE that could start something.  The token comes from
# COCKPIT_TOKEN or --token-file, never from the command line.
# Exit status: 0 when every request got an answer, 1 otherwise.

import argparse
import ipaddress
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


class Prober:
    def __init__(self, base, token):
        self.base = base.rstrip('/')
        self.token = token
        self.count = 0
        self.failures = 0

    def send(self, method, path, token=True):
        """The status and the decoded JSON (or None) of one request."""
        headers = {'Accept': 'application/json'}
        if token:
            headers['Authorization'] = f'Bearer {self.token}'
        request = urllib.request.Request(self.base + path, method=method, headers=headers)
        self.count += 1
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                status, body = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError as error:
            print(f'{method} {path}: no answer: {error}')
            self.failures += 1
            return None, None
        try:
            return status, json.loads(body) if body else None
        except ValueError:
            return status, None


def quote(segment):
    return urllib.parse.quote(segment, safe='')


def probe(prober):
    prober.send('GET', '/api/v1/openapi.yaml', token=False)
    prober.send('GET', '/api/v1/me')
    prober.send('GET', '/api/v1/releases')
    prober.send('GET', '/api/v1/notifications')
    status, packages = prober.send('GET', '/api/v1/packages')
    if status == 200 and isinstance(packages, dict):
        for package in packages.get('packages', [])[:5]:
            if not isinstance(package, dict) or 'id' not in package:
                continue
            base = f'/api/v1/packages/{quote(str(package["id"]))}'
            prober.send('GET', base)
            for environment in package.get('environments') or []:
                if isinstance(environment, dict) and 'id' in environment:
                    prober.send('GET', f'{base}/environments/{quote(str(environment["id"]))}/available-versions')
            for listing in ('actions', 'activity'):
                status, page = prober.send('GET', f'{base}/{listing}?limit=2')
                if status == 200 and isinstance(page, dict) and page.get('next_before'):
                    prober.send('GET', f'{base}/{listing}?limit=2&before={quote(str(page["next_before"]))}')
                if listing == 'actions' and status == 200 and isinstance(page, dict):
                    for action in page.get('actions', [])[:1]:
                        if isinstance(action, dict) and 'id' in action:
                            prober.send('GET', f'/api/v1/actions/{quote(str(action["id"]))}')
            prober.send('GET', f'{base}/activity?limit=5&type=error')
        prober.send('GET', '/api/v1/packages/no-such-package-9f3a')
    # What every server must refuse.
    prober.send('GET', '/api/v1/me', token=False)
    prober.send('GET', '/api/v1/no-such-path-9f3a')
    prober.send('PUT', '/api/v1/me')


def main(argv=None):
    parser = argparse.ArgumentParser(description='Send a cockpit every read-only request of the Cockpit API.')
    parser.add_argument('url', help='the cockpit, or the recording proxy in front of it')
    parser.add_argument('--token-file', help='a file with the token (else COCKPIT_TOKEN)')
    options = parser.parse_args(argv)

    if options.token_file:
        with open(options.token_file, encoding='utf-8') as stream:
            token = stream.read().strip()
    else:
        token = os.environ.get('COCKPIT_TOKEN', '')
    if not token:
        parser.error('the token comes from COCKPIT_TOKEN or --token-file')

    url = urllib.parse.urlsplit(options.url)
    if url.scheme == 'http':
        try:
            loopback = ipaddress.ip_address(url.hostname).is_loopback
        except ValueError:
            loopback = url.hostname == 'localhost'
        if not loopback:
            parser.error('plain http:// only for a loopback address: the token would cross the network in clear')
    elif url.scheme != 'https':
        parser.error('the URL must be https://, or http:// on a loopback address')

    prober = Prober(options.url, token)
    probe(prober)
    print(f'{prober.count} requests, {prober.failures} without an answer')
    return 1 if prober.failures else 0


if __name__ == '__main__':
    sys.exit(main())
