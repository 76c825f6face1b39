// Agreement of the ReDoS analysis with V8: reads the JSON lines of the
// `verdicts` example (one distinct regex each, with its verdict and, when
// vulnerable, its attack's prefix, pump and suffix) and times, in Node, each
// attack string at growing sizes, and for the regexes judged safe a set of
// generated adversarial inputs. Writes a summary: agreement per class, the
// slowest "safe" regex, and every disagreement.
//
// Every timing runs in a child process with a deadline: a regex that hangs
// V8 is killed, counted as slow, and the run goes on.
//
// usage: node scripts/redos-agreement.mjs VERDICTS.jsonl [SUMMARY.json]
//        (scripts/redos-agreement.sh builds the input from a tree)
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/// A V8 run this slow is a blow-up (a linear scan of 64 KiB takes well under 1 ms).
const SLOW_MS = 100;
/// Or: doubling the input multiplies the time by this much or more (a
/// quadratic gives 4), from a run of at least GROWTH_FLOOR_MS.
const GROWTH = 2.8;
const GROWTH_FLOOR_MS = 5;
/// One job (all the inputs of one regex) is killed past this.
const JOB_DEADLINE_MS = 10_000;
/// A child stops a regex's series once one input took this long.
const STOP_ABOVE_MS = 400;
const WORKERS = 2;

if (process.argv[2] === "--child") {
  child();
} else {
  await parent();
}

/// Times `re.test(input)` for each input of each job read on stdin.
function child() {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const job = JSON.parse(line);
    let re;
    try {
      re = new RegExp(job.pattern, job.flags);
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: job.id, error: String(e.message) }) + "\n");
      return;
    }
    // As the analysis counts: `test`, or with `g` the run of `replace`
    // through every match (a `g` regex whose first match is at 0 is fast
    // for `test` and slow for `replace`).
    const global = job.flags.includes("g");
    const times = [];
    const once = (input) => {
      re.lastIndex = 0;
      const t = process.hrtime.bigint();
      if (global) input.replace(re, "");
      else re.test(input);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    for (const input of job.inputs) {
      // The faster of two runs: a garbage collection or V8 compiling the
      // regex to machine code (its tier-up) is not the regex's cost.
      let ms = once(input);
      if (ms <= STOP_ABOVE_MS) ms = Math.min(ms, once(input));
      times.push(ms);
      if (ms > STOP_ABOVE_MS) break;
    }
    process.stdout.write(JSON.stringify({ id: job.id, times }) + "\n");
  });
}

/// The attack string `prefix + pump^n + suffix` at growing `n`.
function attackInputs(v) {
  const exponential = v.verdict === "exponential";
  const pumpLen = Math.max(1, [...v.pump].length);
  const counts = exponential
    ? [8, 12, 16, 20, 24, 28, 32, 36, 40]
    : [1000, 2000, 4000, 8000, 16000, 32000, 64000].map((len) => Math.max(1, Math.round(len / pumpLen)));
  return counts.map((n) => v.prefix + v.pump.repeat(n) + v.suffix);
}

/// Inputs that stress a regex the analysis judged safe: runs of the
/// characters its source names (and a few common ones), singly and in
/// pairs, ending in a character that fails most patterns, at two lengths so
/// that growth can be read.
function adversarialInputs(pattern) {
  const seen = new Set();
  for (const c of pattern.replace(/\\[dDwWsSbBnrtfv0]/g, "")) {
    if (/[\w\s.,;:@/\-'"<>=&%#!?+*]/.test(c) && !/[()[\]{}|^$\\]/.test(c)) seen.add(c);
    if (seen.size >= 6) break;
  }
  for (const c of ["a", "0", " ", "\t", "-"]) {
    if (seen.size >= 8) break;
    seen.add(c);
  }
  const chars = [...seen];
  const units = [...chars];
  for (let i = 0; i + 1 < chars.length && units.length < 12; i++) units.push(chars[i] + chars[i + 1]);
  const inputs = [];
  for (const u of units) {
    for (const len of [10000, 20000]) inputs.push(u.repeat(Math.ceil(len / u.length)) + "\u0001");
  }
  return inputs;
}

/// Runs jobs on WORKERS children, one job outstanding per child; a child
/// that misses the deadline is killed and replaced.
function runPool(jobs) {
  const here = fileURLToPath(import.meta.url);
  const results = new Map();
  let next = 0;
  return new Promise((resolve) => {
    let active = 0;
    const start = () => {
      const proc = spawn(process.execPath, [here, "--child"], { stdio: ["pipe", "pipe", "inherit"] });
      const lines = createInterface({ input: proc.stdout });
      let current = null;
      let timer = null;
      active++;
      const feed = () => {
        if (next >= jobs.length) {
          proc.stdin.end();
          return;
        }
        current = jobs[next++];
        timer = setTimeout(() => {
          results.set(current.id, { timeout: true });
          current = null;
          proc.kill("SIGKILL");
        }, JOB_DEADLINE_MS);
        proc.stdin.write(JSON.stringify(current) + "\n");
      };
      lines.on("line", (line) => {
        clearTimeout(timer);
        const r = JSON.parse(line);
        results.set(r.id, r);
        current = null;
        feed();
      });
      proc.on("exit", () => {
        clearTimeout(timer);
        active--;
        if (current) results.set(current.id, { crashed: true });
        if (next < jobs.length) start();
        else if (active === 0) resolve(results);
      });
      feed();
    };
    if (jobs.length === 0) resolve(results);
    for (let i = 0; i < Math.min(WORKERS, jobs.length); i++) start();
  });
}

/// Whether doubling the input (successive inputs of a polynomial attack,
/// and each pair of a safe regex's inputs) multiplied the time by GROWTH.
function grows(times, pairs) {
  for (let i = 1; i < times.length; i += pairs ? 2 : 1) {
    if (times[i] >= GROWTH_FLOOR_MS && times[i] >= GROWTH * times[i - 1]) return true;
  }
  return false;
}

async function parent() {
  const [input, out] = process.argv.slice(2);
  if (!input) {
    console.error("usage: node scripts/redos-agreement.mjs VERDICTS.jsonl [SUMMARY.json]");
    process.exit(2);
  }
  const started = Date.now();
  const regexes = readFileSync(input, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l, id) => ({ ...JSON.parse(l), id }));
  const jobs = [];
  for (const r of regexes) {
    if (r.verdict === "unknown") continue;
    const inputs = r.verdict === "safe" ? adversarialInputs(r.pattern) : attackInputs(r);
    jobs.push({ id: r.id, pattern: r.pattern, flags: r.flags, inputs });
  }
  const results = await runPool(jobs);
  const classes = {};
  const disagreements = [];
  let slowestSafe = null;
  for (const r of regexes) {
    const kind = r.verdict.startsWith("polynomial") ? "polynomial" : r.verdict;
    const c = (classes[kind] ??= { count: 0, agree: 0, not_compiled: 0 });
    c.count++;
    if (kind === "unknown") continue;
    const res = results.get(r.id) ?? { crashed: true };
    if (res.error) {
      // V8 refuses a pattern the analysis read (or the reverse): listed.
      c.not_compiled++;
      disagreements.push({ regex: `/${r.pattern}/${r.flags}`, verdict: r.verdict, node: `does not compile: ${res.error}` });
      continue;
    }
    const times = res.times ?? [];
    const max = times.length ? Math.max(...times) : 0;
    const slow = res.timeout || res.crashed || max >= SLOW_MS || grows(times, kind === "safe");
    const agrees = kind === "safe" ? !slow : slow;
    if (agrees) c.agree++;
    else
      disagreements.push({
        regex: `/${r.pattern}/${r.flags}`,
        verdict: r.verdict,
        node: res.timeout ? `over the ${JOB_DEADLINE_MS} ms deadline` : `slowest input ${max.toFixed(2)} ms`,
        times: times.map((t) => +t.toFixed(2)),
      });
    if (kind === "safe" && (!slowestSafe || max > slowestSafe.ms)) {
      slowestSafe = { regex: `/${r.pattern}/${r.flags}`, ms: +max.toFixed(2) };
    }
  }
  const summary = {
    regexes: regexes.length,
    seconds: +((Date.now() - started) / 1000).toFixed(1),
    slow_ms: SLOW_MS,
    classes,
    slowest_safe: slowestSafe,
    disagreements,
  };
  if (out) writeFileSync(out, JSON.stringify(summary, null, 2) + "\n");
  console.log(
    `${summary.regexes} distinct regexes, timed in Node in ${summary.seconds} s (slow = a run of ${SLOW_MS} ms or more, or x${GROWTH} the time for twice the input from ${GROWTH_FLOOR_MS} ms)`,
  );
  for (const [kind, c] of Object.entries(classes)) {
    const judged = kind === "unknown" ? "not timed" : `${c.agree} agree with Node`;
    console.log(`  ${kind.padEnd(12)} ${String(c.count).padStart(6)}  ${judged}`);
  }
  if (slowestSafe) console.log(`  slowest safe: ${slowestSafe.ms} ms on ${slowestSafe.regex.slice(0, 100)}`);
  console.log(`  disagreements: ${disagreements.length}`);
  for (const d of disagreements) console.log(`    ${d.verdict}: ${d.regex.slice(0, 120)} (${d.node})`);
}
