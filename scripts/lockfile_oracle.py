#!/usr/bin/env python3
"""Expected package set of a lockfile fixture (the installed.tsv oracle).

usage: scripts/lockfile_oracle.py CASE_DIR > CASE_DIR/installed.tsv

Reads the one lockfile in CASE_DIR (package-lock.json / npm-shrinkwrap.json
v1-v3, yarn.lock classic or berry, pnpm-lock.yaml 6.0 or 9.0) plus the
package.json files of the root and workspaces, and prints one line per
installed package, sorted:

    name<TAB>version<TAB>dev|prod

- `prod`: reachable from the prod dependencies (dependencies,
  optionalDependencies) of the root or of any workspace; `dev`: reachable only
  through devDependencies.  Reachability is computed by walking the
  dependency graph of the lockfile, not by trusting the manager's own
  dev flags, so the file is an independent check of the Rust parser.
- npm aliases are listed under the real package name ("semver5":
  "npm:semver@5.7.1" gives semver 5.7.1).
- The root and the workspace packages are left out; each name@version is
  listed once (prod wins over dev).

This is deliberately separate from the Rust code (different language, a
different reading of each format), so that both getting the same answer
means something.  The yarn classic parser here handles only what yarn 1
writes.
"""
import json
import os
import re
import sys

import yaml


def read_json(path):
    with open(path) as f:
        return json.load(f)


def manifest(case, rel="."):
    path = os.path.join(case, rel, "package.json")
    return read_json(path) if os.path.exists(path) else {}


def prod_names(m):
    return {**m.get("dependencies", {}), **m.get("optionalDependencies", {})}


def walk(roots, edges):
    """Nodes reachable from roots; edges(node) -> iterable of nodes."""
    seen, todo = set(), list(roots)
    while todo:
        n = todo.pop()
        if n in seen or n is None:
            continue
        seen.add(n)
        todo.extend(edges(n))
    return seen


def classify(prod_roots, dev_roots, edges, ident):
    """ident(node) -> (name, version) or None for nodes not to list."""
    prod = walk(prod_roots, edges)
    allnodes = walk(list(prod_roots) + list(dev_roots), edges)
    out = {}
    for n in allnodes:
        nv = ident(n)
        if nv is None:
            continue
        kind = "prod" if n in prod else "dev"
        if out.get(nv) != "prod":
            out[nv] = kind
    return out


def split_name_version(s):
    """'@a/b@1.0.0' -> ('@a/b', '1.0.0')."""
    i = s.index("@", 1)
    return s[:i], s[i + 1:]


# ---------------------------------------------------------------- npm v2/v3
def npm_packages(case, lock):
    pk = lock["packages"]

    def resolve(path, name):
        # Node's lookup: path/node_modules/name, then each ancestor.
        base = path
        while True:
            cand = (base + "/" if base else "") + "node_modules/" + name
            if cand in pk:
                return cand
            if not base:
                return None
            i = base.rfind("/node_modules/")
            base = base[:i] if i >= 0 else ""

    def target(path):
        e = pk.get(path)
        if e is not None and e.get("link"):
            return e.get("resolved")
        return path

    def edges(path):
        e = pk[path]
        for field in ("dependencies", "optionalDependencies", "peerDependencies"):
            for d in e.get(field, {}):
                t = resolve(path, d)
                if t is not None:
                    yield target(t)

    workspaces = {p for p, e in pk.items() if "node_modules/" not in p}
    for p, e in pk.items():
        if e.get("link"):
            workspaces.add(e.get("resolved"))
    prod_roots, dev_roots = [], []
    for w in workspaces:
        e = pk.get(w, {})
        for d in prod_names(e):
            prod_roots.append(target(resolve(w, d)) if resolve(w, d) else None)
        for d in e.get("devDependencies", {}):
            dev_roots.append(target(resolve(w, d)) if resolve(w, d) else None)
    # The workspace packages themselves are traversed (their deps count) but
    # not listed.
    prod_roots = [r for r in prod_roots if r is not None]
    dev_roots = [r for r in dev_roots if r is not None]

    def ident(path):
        if path in workspaces or "node_modules/" not in path:
            return None
        e = pk[path]
        name = e.get("name") or path.rsplit("node_modules/", 1)[1]
        return name, e["version"]

    return classify(prod_roots, dev_roots, edges, ident)


# -------------------------------------------------------------------- npm v1
def npm_v1(case, lock):
    root_manifest = manifest(case)
    # Nodes are tuples of keys from the root: ("a", "b") = a's nested b.
    tree = {(): {"dependencies": lock.get("dependencies", {})}}

    def index(path, node):
        for k, v in node.get("dependencies", {}).items():
            tree[path + (k,)] = v
            index(path + (k,), v)

    index((), tree[()])

    def resolve(path, name):
        p = path
        while True:
            if p + (name,) in tree:
                return p + (name,)
            if not p:
                return None
            p = p[:-1]

    def edges(path):
        for d in tree[path].get("requires", {}):
            r = resolve(path, d)
            if r is not None:
                yield r

    prod_roots = [resolve((), d) for d in prod_names(root_manifest)]
    dev_roots = [resolve((), d) for d in root_manifest.get("devDependencies", {})]

    def ident(path):
        if not path:
            return None
        v = tree[path]["version"]
        if v.startswith("npm:"):
            return split_name_version(v[4:])
        return path[-1], v

    return classify([r for r in prod_roots if r], [r for r in dev_roots if r], edges, ident)


# --------------------------------------------------------------- yarn classic
def parse_yarn_classic(text):
    """yarn 1 lockfile -> {descriptor: entry}; entry = {field: str | dict}."""

    def unquote(s):
        s = s.strip()
        return s[1:-1] if len(s) >= 2 and s[0] == s[-1] == '"' else s

    entries, cur, sub = {}, None, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            if not body.endswith(":"):
                raise ValueError(f"bad entry header: {line!r}")
            cur, sub = {}, None
            for key in body[:-1].split(", "):
                entries[unquote(key)] = cur
        elif indent == 2:
            if body.endswith(":"):
                sub = cur[body[:-1]] = {}
            else:
                k, _, v = body.partition(" ")
                cur[unquote(k)] = unquote(v)
                sub = None
        elif indent == 4 and sub is not None:
            k, _, v = body.partition(" ")
            sub[unquote(k)] = unquote(v)
        else:
            raise ValueError(f"unexpected line: {line!r}")
    return entries


def real_name(descriptor):
    """'semver5@npm:semver@5.7.1' -> 'semver'; 'a@^1' -> 'a'."""
    name, rng = split_name_version(descriptor)
    if rng.startswith("npm:"):
        return split_name_version(rng[4:])[0] if "@" in rng[5:] else name
    return name


def yarn_classic(case, text):
    entries = parse_yarn_classic(text)
    root_manifest = manifest(case)

    def edges(desc):
        e = entries[desc]
        for field in ("dependencies", "optionalDependencies"):
            for n, r in e.get(field, {}).items():
                d = f"{n}@{r}"
                if d in entries:
                    yield d

    def roots(deps):
        return [f"{n}@{r}" for n, r in deps.items() if f"{n}@{r}" in entries]

    # Descriptors sharing one entry are the same package: identify nodes by
    # entry, using its first descriptor as the node id.
    canon = {}
    for d, e in entries.items():
        canon.setdefault(id(e), d)

    def edges_c(desc):
        return (canon[id(entries[d])] for d in edges(desc))

    def ident(desc):
        return real_name(desc), entries[desc]["version"]

    return classify(
        [canon[id(entries[d])] for d in roots(prod_names(root_manifest))],
        [canon[id(entries[d])] for d in roots(root_manifest.get("devDependencies", {}))],
        edges_c,
        ident,
    )


# ---------------------------------------------------------------- yarn berry
def yarn_berry(case, text):
    data = yaml.safe_load(text)
    data.pop("__metadata", None)
    by_desc = {}
    for key, e in data.items():
        for d in key.split(", "):
            by_desc[d] = e["resolution"]
    entries = {e["resolution"]: e for e in data.values()}

    def lookup(name, rng):
        for d in (f"{name}@{rng}", f"{name}@npm:{rng}"):
            if d in by_desc:
                return by_desc[d]
        return None

    def edges(res):
        for n, r in entries[res].get("dependencies", {}).items():
            t = lookup(n, r)
            if t is not None:
                yield t

    workspaces = [r for r in entries if "@workspace:" in r]
    prod_roots, dev_roots = [], []
    for w in workspaces:
        m = manifest(case, w.split("@workspace:", 1)[1])
        dev = set(m.get("devDependencies", {})) - set(prod_names(m))
        # The lockfile merges devDependencies into "dependencies"; the
        # manifest says which ones were dev.
        for n, r in entries[w].get("dependencies", {}).items():
            (dev_roots if n in dev else prod_roots).append(lookup(n, r))

    def ident(res):
        if "@workspace:" in res:
            return None
        i = res.index("@", 1)
        return res[:i], str(entries[res]["version"])

    return classify(
        [r for r in prod_roots if r], [r for r in dev_roots if r], edges, ident
    )


# ---------------------------------------------------------------------- pnpm
def strip_peers(key):
    i = key.find("(")
    return key if i < 0 else key[:i]


def pnpm(case, data):
    major = int(str(data["lockfileVersion"]).split(".")[0])
    if major not in (6, 9):
        raise SystemExit(f"pnpm lockfileVersion {data['lockfileVersion']} not handled")
    importers = data.get("importers") or {".": data}
    # v9: dependency graph in "snapshots"; v6: in "packages" (keys start with /).
    graph = data.get("snapshots", {}) if major == 9 else data.get("packages", {})

    def key_of(name, version):
        if version.startswith("link:") or version.startswith("file:"):
            return None
        if major == 9:
            return version if not version[0].isdigit() else f"{name}@{version}"
        return version if version.startswith("/") else f"/{name}@{version}"

    def node_deps(deps):
        for n, v in (deps or {}).items():
            v = v["version"] if isinstance(v, dict) else v
            k = key_of(n, str(v))
            if k is not None:
                yield k

    def edges(k):
        e = graph.get(k) or {}
        yield from node_deps(e.get("dependencies"))
        yield from node_deps(e.get("optionalDependencies"))

    prod_roots, dev_roots = [], []
    for imp in importers.values():
        prod_roots += node_deps(imp.get("dependencies"))
        prod_roots += node_deps(imp.get("optionalDependencies"))
        dev_roots += node_deps(imp.get("devDependencies"))

    def ident(k):
        return split_name_version(strip_peers(k).lstrip("/"))

    return classify(prod_roots, dev_roots, edges, ident)


# ---------------------------------------------------------------------- main
def main():
    case = sys.argv[1]
    names = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]
    found = [n for n in names if os.path.exists(os.path.join(case, n))]
    if len(found) != 1:
        raise SystemExit(f"{case}: expected exactly one lockfile, found {found}")
    path = os.path.join(case, found[0])
    with open(path) as f:
        text = f.read()
    if found[0] in ("package-lock.json", "npm-shrinkwrap.json"):
        lock = json.loads(text)
        result = npm_packages(case, lock) if "packages" in lock else npm_v1(case, lock)
    elif found[0] == "yarn.lock":
        berry = re.search(r"^__metadata:", text, re.M)
        result = yarn_berry(case, text) if berry else yarn_classic(case, text)
    else:
        result = pnpm(case, yaml.safe_load(text))
    for (name, version), kind in sorted(result.items()):
        print(f"{name}\t{version}\t{kind}")


if __name__ == "__main__":
    main()
