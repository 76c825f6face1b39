// Turns `nodeward check --format json` output into the ecosystem snapshot's
// lines: one per finding (rule, path, message) and per notice (kind, path,
// message), sorted, without line numbers and with every number written `N`,
// so that code moving in a file does not change the snapshot but a finding
// appearing, vanishing or changing its wording does.
//
// usage: node summarize.mjs NAME < report.json
import { readFileSync } from "node:fs";

const name = process.argv[2];
const report = JSON.parse(readFileSync(0, "utf8"));
const norm = (s) => String(s ?? "").replace(/\d+/g, "N").replace(/\s+/g, " ").trim();
const lines = [];
for (const f of report.findings ?? []) {
  lines.push(`${name}\tfinding\t${f.rule}\t${f.path}\t${norm(f.message)}`);
}
for (const n of report.notices ?? []) {
  const kind = n.reason ? `${n.kind}(${n.reason})` : n.kind;
  lines.push(`${name}\tnotice\t${kind}\t${n.path ?? "-"}\t${norm(n.message)}`);
}
lines.sort();
process.stdout.write(lines.map((l) => l + "\n").join(""));
