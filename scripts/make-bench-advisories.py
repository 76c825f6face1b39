#!/usr/bin/env python3
"""Synthetic advisory database for benchmarking the dependency check.

usage: scripts/make-bench-advisories.py PACKAGE_LOCK OUT.zip [COUNT]

Writes COUNT (default 50,000) OSV advisories into a zip laid out like the
published npm/all.zip. They are synthetic (ids BENCH-…): each takes the
ranges of one fixture advisory in testdata/advisories and names a package of
the given lockfile, so that every package has several advisories to
evaluate, as in the real database, where the popular packages carry most of
them. For timing only: never use it as a real database.
"""
import json, glob, os, sys, zipfile

lock_path, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
here = os.path.dirname(os.path.abspath(__file__))
fixtures = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(here, "../testdata/advisories/**/*.json"), recursive=True))]
lock = json.load(open(lock_path))
names = sorted({k.rsplit("node_modules/", 1)[-1] for k in lock.get("packages", {}) if "node_modules/" in k})
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(count):
        base = fixtures[i % len(fixtures)]
        name = names[i % len(names)]
        adv = dict(base)
        adv["id"] = f"BENCH-{i:06d}"
        adv["aliases"] = []
        adv["affected"] = [dict(a, package={"ecosystem": "npm", "name": name}) for a in base["affected"] if a["package"]["ecosystem"] == "npm"][:2]
        z.writestr(f"{adv['id']}.json", json.dumps(adv))
print(f"{count} advisories over {len(names)} package names in {out}")
