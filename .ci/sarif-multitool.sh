#!/usr/bin/env bash
# Validate a SARIF file with Microsoft's SARIF Multitool, using both the SARIF
# spec rules and GitHub's ingestion rules ("Sarif;Gh"). Exits non-zero when any
# error-level result remains.
#
# usage: .ci/sarif-multitool.sh FILE.sarif
#
# The tool is installed once from the npm registry into .ci/tools/. The npm
# wrapper (bin.js) splits arguments on ';', which would break the rule-kind
# list, so the platform binary is run directly.
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: $0 FILE.sarif" >&2
  exit 2
fi
input=$1
if [ ! -f "$input" ]; then
  echo "sarif-multitool: no such file: $input" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tools="$here/tools"
version="5.7.0"
pkg_dir="$tools/node_modules/@microsoft/sarif-multitool-linux"

if [ ! -d "$pkg_dir" ]; then
  mkdir -p "$tools"
  npm install --no-audit --no-fund --silent --prefix "$tools" "@microsoft/sarif-multitool@$version" >&2
  # Installed tools are never committed.
  echo '*' > "$tools/.gitignore"
fi

bin=$(find "$pkg_dir" -type f -name 'Sarif.Multitool' | head -n 1)
if [ -z "$bin" ]; then
  echo "sarif-multitool: Sarif.Multitool binary not found under $pkg_dir" >&2
  exit 2
fi
chmod +x "$bin"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
report="$out/validation.sarif"

# The binary is a self-contained .NET app. Validation needs no culture data;
# invariant globalization keeps it from depending on the machine's ICU.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# The tool's console output repeats what the report holds; it is shown only
# when the tool fails to produce a report.
set +e
"$bin" validate --rule-kind "Sarif;Gh" --output "$report" --log "ForceOverwrite;PrettyPrint" \
  "$input" > "$out/console.txt" 2>&1
status=$?
set -e

if [ ! -f "$report" ]; then
  cat "$out/console.txt" >&2
  echo "sarif-multitool: validator wrote no report (exit $status)" >&2
  exit 2
fi

# Print every finding of the validator and count the errors among them.
errors=$(node - "$report" <<'JS'
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let errors = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    const level = r.level || "warning";
    const id = r.ruleId || (r.rule && r.rule.id) || "?";
    const rule = rules.find((x) => x.id === id);
    const name = rule && rule.name ? ` ${rule.name}` : "";
    const loc = r.locations && r.locations[0] && r.locations[0].physicalLocation;
    const region = loc && loc.region ? `:${loc.region.startLine || 0}` : "";
    let text = (r.message && r.message.text) || "";
    const args = (r.message && r.message.arguments) || [];
    if (!text && rule && r.message && r.message.id && rule.messageStrings) {
      const tpl = rule.messageStrings[r.message.id];
      text = tpl ? tpl.text : r.message.id;
    }
    text = text.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? "");
    console.error(`${level}: ${id}${name}${region}: ${text}`);
    if (level === "error") errors++;
  }
  for (const inv of run.invocations || []) {
    for (const n of inv.toolExecutionNotifications || []) {
      const level = n.level || "warning";
      console.error(`${level}: (tool) ${(n.message && n.message.text) || ""}`);
      if (level === "error") errors++;
    }
  }
}
console.log(errors);
JS
)

if [ "$errors" -gt 0 ]; then
  echo "sarif-multitool: $errors error(s) in $input" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "sarif-multitool: validator exited $status" >&2
  exit "$status"
fi
echo "sarif-multitool: $input passes the Sarif and Gh rules" >&2
