#!/usr/bin/env python3
# lint-flatpak-manifest.py: checks the Flatpak manifest against the rules the project holds it to.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: lint-flatpak-manifest.py MANIFEST APP-ID
# flatpak-builder --show-manifest only checks that the file is well formed;
# this checks what Flathub's reviewers and the GNOME HIG ask of it:
#  - the app id and the command are the project's;
#  - the runtime is org.gnome.Platform at a supported version: 50 or newer
#    (48 reached its end of life with the release of 50);
#  - the sandbox asks for no more than the app needs: the network, IPC,
#    Wayland with X11 only as a fallback, and the GPU.  No --talk-name,
#    --own-name, --filesystem or --socket=x11: the keyring is reached
#    through the Secret portal (libsecret uses it inside a sandbox), and
#    notifications and background work through their portals.
import json
import sys

ALLOWED_FINISH_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
OLDEST_SUPPORTED_GNOME = 50


def lint(path, app_id):
    problems = []
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"the id is {manifest.get('id')!r}, not {app_id!r}")
    if manifest.get("command") != "upgrade-cockpit":
        problems.append(f"the command is {manifest.get('command')!r}, not 'upgrade-cockpit'")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("the runtime is not org.gnome.Platform with org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit():
        problems.append(f"the runtime version {version!r} is not a GNOME release such as '50'")
    elif int(version) < OLDEST_SUPPORTED_GNOME:
        problems.append(f"GNOME {version} is no longer supported; use {OLDEST_SUPPORTED_GNOME} or newer")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"the permission {arg} is more than the app needs")
    for arg in sorted(ALLOWED_FINISH_ARGS - set(finish_args)):
        problems.append(f"the permission {arg} is missing")
    if len(set(finish_args)) != len(finish_args):
        problems.append("a permission is listed twice")

    modules = manifest.get("modules", [])
    if not modules or modules[-1].get("name") != "upgrade-cockpit":
        problems.append("the last module is not upgrade-cockpit")
    elif modules[-1].get("buildsystem") != "meson":
        problems.append("upgrade-cockpit is not built with meson")
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__ or "usage: lint-flatpak-manifest.py MANIFEST APP-ID", file=sys.stderr)
        return 2
    problems = lint(sys.argv[1], sys.argv[2])
    for problem in problems:
        print(f"{sys.argv[1]}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{sys.argv[1]}: keeps to the project's rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
