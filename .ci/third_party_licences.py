#!/usr/bin/env python3
"""Writes the list of third-party packages the app ships, with their licences, for the About box.

Rust: every package reachable from the app crate through normal (not dev, not build)
dependencies, on any of the three desktop targets. npm: every package in ui/package-lock.json
not marked dev (what Vite can bundle). Usage: third_party_licences.py OUT.json (committed as src-tauri/third-party-licences.json)
CI regenerates it into a temp file and fails when it differs from the committed one.
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_CRATE = "tablestore-delivery-studio"
TARGETS = ["x86_64-unknown-linux-gnu", "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]


def rust_packages():
    shipped = {}
    for target in TARGETS:
        metadata = json.loads(
            subprocess.run(
                ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
                cwd=ROOT, check=True, capture_output=True, text=True,
            ).stdout
        )
        packages = {p["id"]: p for p in metadata["packages"]}
        nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
        start = next(p["id"] for p in metadata["packages"] if p["name"] == APP_CRATE)
        todo, seen = [start], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for dep in nodes[current]["deps"]:
                if any(kind["kind"] is None for kind in dep["dep_kinds"]):
                    todo.append(dep["pkg"])
        for package_id in seen:
            package = packages[package_id]
            if package["source"] is None:  # our own workspace crates
                continue
            shipped[(package["name"], package["version"])] = {
                "name": package["name"],
                "version": package["version"],
                "licence": package.get("license") or "see " + (package.get("license_file") or "repository"),
                "source": package.get("repository") or "",
                "ecosystem": "cargo",
            }
    return sorted(shipped.values(), key=lambda p: (p["name"], p["version"]))


def npm_packages():
    lock = json.loads((ROOT / "ui" / "package-lock.json").read_text())
    shipped = []
    for path, entry in lock.get("packages", {}).items():
        if not path or entry.get("dev") or entry.get("devOptional"):
            continue
        name = path.rsplit("node_modules/", 1)[-1]
        shipped.append({
            "name": name,
            "version": entry.get("version", ""),
            "licence": entry.get("license", "unknown"),
            "source": "https://www.npmjs.com/package/" + name,
            "ecosystem": "npm",
        })
    return sorted(shipped, key=lambda p: (p["name"], p["version"]))


def main():
    out = Path(sys.argv[1])
    packages = rust_packages() + npm_packages()
    out.write_text(json.dumps(packages, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(packages)} third-party packages written to {out}")


if __name__ == "__main__":
    main()
