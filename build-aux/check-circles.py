#!/usr/bin/env python3
# check-circles.py: no circle of calls between the source files of src/.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/check-circles.py [SRC_DIR]      (default: src next to this script)
#
# File A uses file B when A names a function that B alone defines (not
# static).  The files of one unit split into rooms (the window, the
# application, the session, the simulator's engine, ...) must call one
# another one way only, from the top down: a lower room tells a higher one
# of a change by a signal or a property, never by calling it.  This prints
# every circle, with the names that tie each pair, and exits with 1 when
# there is one.  It reads the code as text, in the project's GNU style: a
# definition is a name at the start of a line followed by " (", after a
# line holding its type, with no ";" at the end.
import os
import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')

files = []
for root, _dirs, names in os.walk(src):
    for name in names:
        if name.endswith('.c'):
            files.append(os.path.relpath(os.path.join(root, name), os.path.join(src, '..')))
files.sort()

definition = re.compile(r'^([a-z_][a-z0-9_]*) \(')
identifier = re.compile(r'\b[A-Za-z_]\w*\b')
defined_in = {}
texts = {}
for path in files:
    with open(os.path.join(src, '..', path), encoding='utf-8') as f:
        lines = f.read().split('\n')
    texts[path] = '\n'.join(lines)
    for i, line in enumerate(lines):
        m = definition.match(line)
        if not m or i == 0:
            continue
        before = lines[i - 1]
        if before.startswith('static') or before.startswith('#') or before.strip() == '' or before.rstrip().endswith(';'):
            continue
        # A declaration ends with ";" after its arguments; a definition has "{" to come.
        rest = '\n'.join(lines[i:i + 12])
        end = rest.find(')')
        tail = rest[end + 1:].lstrip() if end >= 0 else ''
        if tail.startswith(';') or tail.startswith('G_GNUC'):
            continue
        defined_in.setdefault(m.group(1), set()).add(path)

owner = {name: next(iter(paths)) for name, paths in defined_in.items() if len(paths) == 1}
uses = {path: {} for path in files}
for path in files:
    for token in set(identifier.findall(texts[path])):
        other = owner.get(token)
        if other is not None and other != path:
            uses[path].setdefault(other, []).append(token)

# Tarjan's strongly connected components.
index, low, stack, on_stack, circles = {}, {}, [], set(), []
counter = [0]
sys.setrecursionlimit(100000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on_stack.add(v)
    for w in uses[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            circles.append(sorted(component))


for path in files:
    if path not in index:
        visit(path)

for component in circles:
    print('circle of %d files:' % len(component))
    for a in component:
        for b in sorted(uses[a]):
            if b in component:
                print('  %s -> %s: %s' % (a, b, ', '.join(sorted(uses[a][b]))))
print('%d files, %d circles' % (len(files), len(circles)))
sys.exit(1 if circles else 0)
