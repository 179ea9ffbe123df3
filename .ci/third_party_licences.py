#!/usr/bin/env python3
"""Writes the third-party packages the app ships, with their licences and licence texts.

Rust: every package reachable from the app crate through normal (not dev, not build)
dependencies, on any of the desktop targets. npm: every package in ui/package-lock.json not
marked dev (what Vite can bundle).

Licence texts: every licence, copying, copyright and notice file at the top of the package's
source (cargo: the folder of its Cargo.toml from `cargo metadata`; npm: ui/node_modules/<pkg>).
A package that ships none gets the standard text of each SPDX licence its expression names,
read from the `spdx-license-list` npm package (a dev dependency of ui/, so it is there offline
after `npm ci`), and the authors its manifest names (the standard texts leave the copyright
holder blank). Identical texts are stored once and referenced by a hash of their content.

Usage:
  third_party_licences.py OUT.json [COPYRIGHT.txt]
      writes the list (committed as src-tauri/third-party-licences.json); writing the committed
      list also rewrites the committed copyright file (src-tauri/third-party-licences.txt, the
      .deb's /usr/share/doc/<package>/copyright) unless another path is given.
  third_party_licences.py --render-copyright LIST.json
      prints the copyright file for a written list (the .deb test compares it with the installed one).
CI regenerates the list into a temp file and fails when it differs from the committed one.
"""
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_CRATE = "tablestore-delivery-studio"
APP_LICENCE = "MIT"
TARGETS = ["x86_64-unknown-linux-gnu", "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]
COMMITTED_LIST = ROOT / "src-tauri" / "third-party-licences.json"
COMMITTED_COPYRIGHT = ROOT / "src-tauri" / "third-party-licences.txt"
SPDX_TEXTS = ROOT / "ui" / "node_modules" / "spdx-license-list" / "licenses"
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|copyright|notice|unlicense)", re.IGNORECASE)
# Words of an SPDX expression that are not licence ids; the id after WITH is an exception.
EXPRESSION_WORD = re.compile(r"[A-Za-z0-9.+-]+")
OPERATORS = {"AND", "OR"}


def cargo_metadata(target):
    command = ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target]
    return json.loads(subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def shipped_cargo_packages(metadata):
    """The registry packages the app crate reaches through normal dependencies."""
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
    return [packages[i] for i in seen if packages[i]["source"] is not None]  # None: our own crates


def ensure_sources(packages):
    """Cargo builds download only the host's crates; `cargo fetch` brings every target's."""
    if all(Path(p["manifest_path"]).is_file() for p in packages):
        return
    subprocess.run(["cargo", "fetch", "--locked", "--quiet"], cwd=ROOT, check=True)
    missing = [p["name"] for p in packages if not Path(p["manifest_path"]).is_file()]
    if missing:
        sys.exit(f"crate sources missing after cargo fetch: {', '.join(sorted(missing))}")


def rust_packages():
    shipped = {}
    for target in TARGETS:
        for package in shipped_cargo_packages(cargo_metadata(target)):
            shipped[(package["name"], package["version"])] = package
    packages = sorted(shipped.values(), key=lambda p: (p["name"], p["version"]))
    ensure_sources(packages)
    return [
        {
            "name": p["name"],
            "version": p["version"],
            "licence": p.get("license") or "see " + (p.get("license_file") or "repository"),
            "source": p.get("repository") or "",
            "ecosystem": "cargo",
            "folder": Path(p["manifest_path"]).parent,
            "authors": p.get("authors") or [],
        }
        for p in packages
    ]


def npm_packages():
    lock = json.loads((ROOT / "ui" / "package-lock.json").read_text())
    shipped = []
    for path, entry in lock.get("packages", {}).items():
        if not path or entry.get("dev") or entry.get("devOptional"):
            continue
        name = path.rsplit("node_modules/", 1)[-1]
        folder = ROOT / "ui" / path
        if not folder.is_dir():
            sys.exit(f"{folder} is missing; run npm ci in ui/ first")
        shipped.append({
            "name": name,
            "version": entry.get("version", ""),
            "licence": entry.get("license", "unknown"),
            "source": "https://www.npmjs.com/package/" + name,
            "ecosystem": "npm",
            "folder": folder,
            "authors": npm_authors(folder),
        })
    return sorted(shipped, key=lambda p: (p["name"], p["version"]))


def npm_authors(folder):
    manifest = json.loads((folder / "package.json").read_text())
    people = [manifest["author"]] if manifest.get("author") else []
    people += manifest.get("contributors") or []
    return [p if isinstance(p, str) else " ".join(filter(None, [p.get("name"), p.get("email") and f"<{p['email']}>"])) for p in people]


def normalised(raw):
    """One text for files that differ only in line endings or trailing spaces."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def licence_ids(expression):
    words = EXPRESSION_WORD.findall(expression)
    ids = []
    for index, word in enumerate(words):
        after_with = index > 0 and words[index - 1] == "WITH"
        if word in OPERATORS or word == "WITH" or after_with:
            continue
        if word not in ids:
            ids.append(word)
    return ids


def standard_text(spdx_id):
    path = SPDX_TEXTS / f"{spdx_id}.json"
    if not path.is_file():
        sys.exit(f"no standard text for SPDX id {spdx_id!r} in {SPDX_TEXTS} (run npm ci in ui/)")
    return json.loads(path.read_text())["licenseText"]


class TextStore:
    """Stores each distinct text once under a short hash of its content."""

    def __init__(self):
        self.texts = {}

    def add(self, text):
        text_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        self.texts[text_id] = text
        return text_id

    def as_list(self):
        return [{"id": i, "text": self.texts[i]} for i in sorted(self.texts)]


def licence_texts(package, store):
    """The package's own licence files, or the standard texts of its licences if it has none."""
    files = sorted(
        (f for f in package["folder"].iterdir() if f.is_file() and LICENCE_FILE.match(f.name)),
        key=lambda f: f.name,
    )
    if files:
        return [{"name": f.name, "standard": False, "text": store.add(normalised(f.read_bytes()))} for f in files]
    return [
        {"name": spdx_id, "standard": True, "text": store.add(normalised(standard_text(spdx_id).encode("utf-8")))}
        for spdx_id in licence_ids(package["licence"])
    ]


def build_list():
    store = TextStore()
    packages = []
    for package in rust_packages() + npm_packages():
        texts = licence_texts(package, store)
        del package["folder"]
        authors = package.pop("authors")
        # The standard texts leave the copyright line blank; the authors the package names fill it.
        holders = authors if any(t["standard"] for t in texts) else []
        packages.append({**package, "authors": holders, "licenceTexts": texts})
    return {"packages": packages, "texts": store.as_list()}


def render_copyright(listing):
    """A plain-text Debian copyright file: each distinct text once, after the packages it covers."""
    texts = {t["id"]: t["text"] for t in listing["texts"]}
    covered = {}
    for package in listing["packages"]:
        for ref in package["licenceTexts"]:
            origin = "standard text of " + ref["name"] if ref["standard"] else ref["name"]
            if ref["standard"] and package["authors"]:
                origin += "; authors: " + ", ".join(package["authors"])
            covered.setdefault(ref["text"], []).append(
                f"{package['name']} {package['version']} ({package['ecosystem']}, {package['licence']}): {origin}"
            )
    out = [
        "Tablestore Delivery Studio",
        f"Licence of the app itself: {APP_LICENCE}",
        "",
        f"The app ships the {len(listing['packages'])} third-party packages below; each keeps its own licence.",
        "Their licence texts and notices follow, each distinct text once, after the packages it covers.",
        "A package that ships no licence file is covered by the standard text of its licence,",
        "with the authors it names as the copyright holders.",
        "Generated by .ci/third_party_licences.py from the lock files; do not edit.",
    ]
    # Texts covering many packages first; ties in a stable order by their first package.
    for text_id in sorted(covered, key=lambda i: (-len(covered[i]), covered[i][0])):
        out += ["", "=" * 78, "Packages:"]
        out += ["  " + line for line in covered[text_id]]
        out += ["-" * 78, texts[text_id].rstrip("\n")]
    return "\n".join(out) + "\n"


def main():
    if sys.argv[1:2] == ["--render-copyright"]:
        sys.stdout.write(render_copyright(json.loads(Path(sys.argv[2]).read_text())))
        return
    out = Path(sys.argv[1])
    copyright_out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if copyright_out is None and out.resolve() == COMMITTED_LIST:
        copyright_out = COMMITTED_COPYRIGHT
    listing = build_list()
    out.write_text(json.dumps(listing, indent=1, ensure_ascii=False) + "\n")
    print(
        f"{len(listing['packages'])} third-party packages, {len(listing['texts'])} distinct licence texts,"
        f" {out.stat().st_size} bytes written to {out}"
    )
    if copyright_out is not None:
        copyright_out.write_text(render_copyright(listing))
        print(f"copyright file, {copyright_out.stat().st_size} bytes, written to {copyright_out}")


if __name__ == "__main__":
    main()
