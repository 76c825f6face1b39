// Seeds the fuzz corpora from the project's own files: every fixture under
// testdata/rules for `pipeline` (its first byte picks the extension, as the
// target reads it), the regex literals of those fixtures (and the labelled
// patterns of ../shared/eval when it is there) for `regex`, and the
// configuration files of testdata for `readers`. Writes fuzz/corpus/TARGET/.
//
// usage: node fuzz/seed.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join, dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";

const fuzz = dirname(fileURLToPath(import.meta.url));
const root = join(fuzz, "..");
const EXTENSIONS = ["js", "ts", "tsx", "mjs"];
const FLAGS = ["", "i", "u", "v", "s", "m", "g", "y", "iu", "su", "gim", "dgimsuy"];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function write(target, name, bytes) {
  const dir = join(fuzz, "corpus", target);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

let n = { pipeline: 0, regex: 0, readers: 0 };
const fixtures = walk(join(root, "testdata/rules")).filter((p) =>
  [".js", ".ts", ".tsx", ".mjs", ".cjs", ".jsx"].includes(extname(p)),
);
for (const path of fixtures) {
  const ext = extname(path).slice(1);
  const pick = Math.max(0, EXTENSIONS.indexOf(ext));
  const text = readFileSync(path);
  write("pipeline", `fixture-${n.pipeline++}`, Buffer.concat([Buffer.from([pick]), text]));
  // Regex literals: rough, but a seed only needs to be near the syntax.
  for (const m of text.toString("utf8").matchAll(/(?<![\w)\]])\/((?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\[])+)\/([dgimsuyv]*)/g)) {
    const pick = Math.max(0, FLAGS.indexOf(m[2]));
    write("regex", `literal-${n.regex++}`, Buffer.concat([Buffer.from([pick]), Buffer.from(m[1])]));
  }
}
const labelled = join(root, "../shared/eval/redos-dev.jsonl");
if (existsSync(labelled)) {
  for (const line of readFileSync(labelled, "utf8").split("\n").filter(Boolean)) {
    const { pattern, flags } = JSON.parse(line);
    const pick = Math.max(0, FLAGS.indexOf(flags ?? ""));
    write("regex", `labelled-${n.regex++}`, Buffer.concat([Buffer.from([pick]), Buffer.from(pattern)]));
  }
}
for (const path of walk(join(root, "testdata"))) {
  const name = path.split("/").pop();
  const pick = name === "nodeward.toml" ? 0 : name === "package.json" ? 1 : name.includes("baseline") ? 2 : -1;
  if (pick < 0) continue;
  write("readers", `file-${n.readers++}`, Buffer.concat([Buffer.from([pick]), readFileSync(path)]));
}
// A baseline and a package.json section, written here.
write("readers", "baseline", Buffer.from('\x02{"version": 1, "findings": [{"rule": "redos", "path": "src/a.js", "fingerprint": "ab", "message": "x"}]}'));
write("readers", "section", Buffer.from('\x01{"name": "a", "nodeward": {"fail-on": "error", "rules": {"redos": "off"}, "overrides": [{"files": ["legacy/"], "rules": {"x-powered-by": "note"}}]}}'));
console.log(`seeded ${n.pipeline} pipeline, ${n.regex} regex, ${n.readers + 2} readers inputs`);
