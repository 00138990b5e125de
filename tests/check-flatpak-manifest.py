#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest loads in flatpak-builder without a warning and keeps
what the packaging promises: the GNOME runtime, minimal permissions, pinned
sources from their projects' own release locations, Shenbao built with meson
from this tree and its tests run.

    check-flatpak-manifest.py MANIFEST APPLICATION_ID

Nothing here downloads: flatpak-builder --show-manifest only parses. It is not
in the Flatpak SDK, so inside flatpak-builder's own test run this check skips.
"""
import json
import re
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

SKIP = 77
MIN_GNOME = 50
# Shenbao shows a window and nothing more: no network, no home or host files
# (the file chooser portal brings files in and out).
FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri", "--socket=cups"}
SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Sources come from their projects' own release locations, never from a
# distribution's package archive or a snapshot service: these are the hosts
# (and their subdomains) of those.
DISTRIBUTION_HOSTS = ("debian.org", "ubuntu.com", "launchpad.net", "launchpadlibrarian.net",
                      "fedoraproject.org", "archlinux.org", "opensuse.org", "gentoo.org",
                      "freebsd.org", "archive.org")


def from_distribution(url):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in DISTRIBUTION_HOSTS)


def source_problems(module, source):
    kind = source.get("type")
    where = f"module {module['name']}, {kind} source"
    for url in [source["url"]] if "url" in source else []:
        if urlsplit(url).scheme != "https":
            yield f"{where} {url} is not fetched over https"
        if from_distribution(url):
            yield f"{where} {url} comes from a distribution's archive, not from its project"
    for url in source.get("mirror-urls", []):
        if from_distribution(url):
            yield f"{where} mirror {url} is a distribution's archive or a snapshot service"
    if kind in ("archive", "file") and "url" in source:
        if not SHA256.match(str(source.get("sha256", ""))):
            yield f"{where} {source['url']} has no sha256"
    elif kind == "git":
        if not source.get("tag") or not source.get("commit"):
            yield f"{where} {source.get('url')} needs both tag and commit"
    elif kind == "dir":
        if module["name"] != "shenbao":
            yield f"{where}: only Shenbao itself is built from the local tree"


def problems(manifest, app_id):
    if manifest.get("id", manifest.get("app-id")) != app_id:
        yield f"the id is not {app_id}"
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        yield "the runtime is not org.gnome.Platform with org.gnome.Sdk"
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_GNOME:
        yield f"runtime-version {version!r} is not GNOME {MIN_GNOME} or newer"
    if manifest.get("command") != "shenbao":
        yield "the command is not shenbao"
    finish_args = set(manifest.get("finish-args", []))
    if finish_args != FINISH_ARGS:
        yield f"finish-args differ from the minimal set: extra {sorted(finish_args - FINISH_ARGS)}, " \
              f"missing {sorted(FINISH_ARGS - finish_args)}"

    modules = manifest.get("modules", [])
    for module in modules:
        for source in module.get("sources", []):
            yield from source_problems(module, source)
    names = [module.get("name") for module in modules]
    for needed in ("libharu", "opencv", "cjk-fonts", "shenbao"):
        if needed not in names:
            yield f"no {needed} module"
    if not modules or modules[-1].get("name") != "shenbao":
        yield "shenbao is not the last module, built on the others"
        return
    shenbao = modules[-1]
    if shenbao.get("buildsystem") != "meson":
        yield "shenbao is not built with meson"
    if not shenbao.get("run-tests"):
        yield "shenbao's tests do not run in the build"
    if [s.get("type") for s in shenbao.get("sources", [])] != ["dir"]:
        yield "shenbao is not built from the local tree alone"


def main():
    path, app_id = sys.argv[1:3]
    if shutil.which("flatpak-builder") is None:
        print("flatpak-builder is not installed")
        return SKIP
    # It reports unknown keys and values of the wrong type as warnings and
    # drops them, so any output on stderr is a manifest that does not say what
    # it seems to.
    run = subprocess.run(["flatpak-builder", "--show-manifest", path],
                         capture_output=True, text=True)
    if run.returncode != 0 or run.stderr.strip():
        print(run.stderr)
        print(f"not ok: flatpak-builder does not load {path} cleanly")
        return 1
    found = list(problems(json.loads(run.stdout), app_id))
    for problem in found:
        print(f"not ok: {problem}")
    if not found:
        print(f"ok: {path}")
    return 1 if found else 0


sys.exit(main())
