//! The verified rewrite a `redos` finding offers: what the code that runs
//! the regex relies on (read from the call when the literal is written in
//! it), the rewrite itself (`nodeward_regex::rewrite`, once per pattern and
//! use), and how it is delivered: in the help, as evidence in JSON and
//! SARIF, and as a [`Fix`] for a plain regex literal (`--fix`, `--diff`,
//! SARIF `fixes`). A pattern built from a string gets the help only: its
//! text in the source is not the pattern's.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use nodeward_regex::rewrite::{rewrite, NoRewrite, Rewrite, Uses};
use nodeward_regex::Vulnerability;
use nodeward_report::{Finding, Fix, Span};
use nodeward_semantic::{CallSite, FileId, Project, Val};

/// What the code relies on, from one call that runs the regex: `method` is
/// the regex method or string method, `rest` the arguments after the regex
/// (for string methods) or after the subject.
pub(crate) fn uses_of_call(method: &str, flags: &str, replacement: Option<&Val>) -> Uses {
    let global = flags.contains('g');
    let (groups, all_matches) = match method {
        // A yes or no, or a position.
        "test" | "search" => (false, false),
        // Whole matches only, every one of them.
        "match" if global => (false, true),
        "match" | "exec" => (true, global),
        "matchAll" => (true, true),
        // The groups are spliced into the result.
        "split" => (true, true),
        "replace" | "replaceAll" => (
            match replacement {
                // `$1`, `$<name>`, `$&`: read through the replacement text.
                Some(Val::Str(s)) => s.contains('$'),
                _ => true,
            },
            global,
        ),
        _ => return Uses::unknown(flags),
    };
    Uses {
        groups,
        all_matches,
    }
}

/// The uses of each regex literal of `file` written straight into a call
/// that runs it (`/…/.test(s)`, `s.replace(/…/g, '')`); a literal used
/// several times that way relies on what any of them does. Others (bound to
/// a name, passed on) are not listed: nothing is assumed of them.
pub(crate) fn inline_uses(project: &Project, file: FileId) -> HashMap<u32, Uses> {
    let mut out: HashMap<u32, Uses> = HashMap::new();
    let model = project.file(file);
    for site in model.functions.iter().flat_map(|f| &f.calls) {
        if let Some((i, uses)) = inline_use(project, file, site) {
            out.entry(i)
                .and_modify(|u| {
                    u.groups |= uses.groups;
                    u.all_matches |= uses.all_matches;
                })
                .or_insert(uses);
        }
    }
    out
}

/// The literal a call runs, when it is written in the call, and what the
/// call relies on.
pub(crate) fn inline_use(project: &Project, file: FileId, site: &CallSite) -> Option<(u32, Uses)> {
    let (recv, method) = site.call.callee.as_member()?;
    let (regex, replacement) = match method.as_str() {
        "test" | "exec" => (recv, None),
        "match" | "matchAll" | "replace" | "replaceAll" | "search" | "split" => {
            (site.call.args.first()?, site.call.args.get(1))
        }
        _ => return None,
    };
    let Val::Regex(i) = regex else { return None };
    let lit = project.file(file).regexes.get(*i as usize)?;
    Some((*i, uses_of_call(method, &lit.flags, replacement)))
}

/// Pattern, flags, the use, and the attack (its witness and loop): a
/// source that carries only some characters gets an attack of its own,
/// and the search and its step counts are for that attack.
type Key = (String, String, bool, bool, [String; 3], Option<(u32, u32)>);

/// The rewrite of a pattern for a use and an attack, computed once per run
/// and shared by every file and thread.
fn cached(pattern: &str, flags: &str, v: &Vulnerability, uses: Uses) -> Result<Rewrite, NoRewrite> {
    static CACHE: OnceLock<Mutex<HashMap<Key, Result<Rewrite, NoRewrite>>>> = OnceLock::new();
    let w = &v.witness;
    let key = (
        pattern.to_string(),
        flags.to_string(),
        uses.groups,
        uses.all_matches,
        [w.prefix.clone(), w.pump.clone(), w.suffix.clone()],
        v.loop_span,
    );
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return hit.clone();
    }
    let r = rewrite(pattern, flags, v, uses);
    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
    // Bounded for processes that run many projects (tests, fuzzers).
    if c.len() >= 4_096 {
        c.clear();
    }
    c.insert(key, r.clone());
    r
}

/// How many rewrite searches are left: a file full of vulnerable regexes
/// (a generated bundle) must not cost seconds. Counted per file for the
/// regexes reported where they are written, per run for those reported at
/// a call, so the cut does not depend on the threads; a search the cut
/// skips says so in its finding.
pub(crate) struct Searches {
    left: usize,
    what: &'static str,
}

impl Searches {
    pub(crate) fn per_file() -> Searches {
        Searches {
            left: 50,
            what: "the file's 50",
        }
    }

    pub(crate) fn per_run() -> Searches {
        Searches {
            left: 200,
            what: "the run's 200",
        }
    }
}

/// Where the regex is written, for a fix: a literal's path and span (the
/// fix is applied only where the span still holds `/pattern/flags`).
pub(crate) struct Literal<'a> {
    pub path: &'a str,
    pub span: Span,
}

/// Adds the rewrite (or why there is none) to `f`'s help and evidence,
/// and the fix when the regex is a plain literal. Returns the help
/// sentence, and whether it offers a rewrite.
pub(crate) fn offer(
    f: &mut Finding,
    pattern: &str,
    flags: &str,
    v: &Vulnerability,
    known: Option<Uses>,
    literal: Option<Literal<'_>>,
    searches: &mut Searches,
) -> (String, bool) {
    // Not read from a call: the groups are assumed read.
    let uses = known.unwrap_or_else(|| Uses::unknown(flags));
    let spent = if crate::clock::out_of_time() {
        Some("the file's time budget was spent".to_string())
    } else if searches.left == 0 {
        Some(format!("{} rewrite searches were spent", searches.what))
    } else {
        None
    };
    if let Some(why) = spent {
        f.properties
            .insert("rewrite".into(), serde_json::json!({ "none": why }));
        return (format!("No rewrite was tried: {why}."), false);
    }
    searches.left -= 1;
    match cached(pattern, flags, v, uses) {
        Ok(r) => {
            let shown = format!("/{}/{flags}", r.pattern);
            let groups = if !r.moved_groups.is_empty() {
                let moves: Vec<String> = r
                    .moved_groups
                    .iter()
                    .map(|(a, b)| format!("group {a} is now group {b}"))
                    .collect();
                format!(
                    " (its groups are renumbered: {}; update the code that reads them)",
                    moves.join(", ")
                )
            } else if r.renumbers_groups {
                " (without the groups: this code reads none)".to_string()
            } else {
                String::new()
            };
            let checked = if r.inputs_checked == 0 {
                "its automaton is the original's".to_string()
            } else {
                format!("checked on {} inputs", r.inputs_checked)
            };
            let mut help = format!(
                "Rewrite it as `{shown}`{groups}: it matches the same strings, and on the attack it takes {} matcher steps where the original takes {} or more ({}; {checked}).",
                r.steps.1, r.steps.0, r.strategy
            );
            f.properties.insert(
                "rewrite".into(),
                serde_json::json!({
                    "pattern": r.pattern,
                    "flags": flags,
                    "strategy": r.strategy,
                    "renumbersGroups": r.renumbers_groups,
                    "movedGroups": r.moved_groups,
                    "steps": { "before": r.steps.0, "after": r.steps.1 },
                    "inputsChecked": r.inputs_checked,
                    "check": if r.inputs_checked == 0 { "automaton" } else { "behaviour" },
                    "groupsRead": uses.groups,
                    "allMatches": uses.all_matches,
                }),
            );
            // `--fix` applies it only where no code that reads a group
            // could break: the groups are the same, or none is read.
            let safe = !r.renumbers_groups || !uses.groups;
            if let Some(lit) = literal.filter(|_| safe) {
                f.fix = Some(Fix {
                    description: format!("Rewrite the regex as `{shown}`"),
                    path: lit.path.to_string(),
                    span: lit.span,
                    original: format!("/{pattern}/{flags}"),
                    replacement: shown,
                });
                help.push_str(" `--fix` applies it.");
            }
            // Assumed, not read: the simpler rewrite for code that reads
            // no group, checked for that use, as an alternative.
            if known.is_none()
                && r.refused_for_groups
                && (r.renumbers_groups || r.strategy.contains("atomic"))
            {
                if let Some(simpler) = without_groups(f, pattern, flags, v, uses) {
                    if simpler.pattern != r.pattern {
                        help.push_str(&format!(
                            " If no code reads its groups, `/{}/{flags}` is simpler ({}; checked for that use).",
                            simpler.pattern, simpler.strategy
                        ));
                    } else {
                        f.properties.remove("rewriteWithoutGroups");
                    }
                }
            }
            (help, true)
        }
        Err(none) => {
            let why = match none.tried.iter().find(|(text, _)| !text.is_empty()) {
                None => "no strategy fits this pattern".to_string(),
                Some((text, why)) => format!(
                    "{} candidate{} failed a check (`/{text}/{flags}`: {why})",
                    none.tried.len(),
                    if none.tried.len() == 1 { "" } else { "s" },
                ),
            };
            let tried: Vec<serde_json::Value> = none
                .tried
                .iter()
                .take(5)
                .map(|(c, why)| serde_json::json!({ "candidate": c, "why": why }))
                .collect();
            f.properties.insert(
                "rewrite".into(),
                serde_json::json!({ "none": why, "tried": tried }),
            );
            // Assumed, not read: there may be one for code that reads no
            // group.
            if known.is_none() && none.refused_for_groups {
                if let Some(simpler) = without_groups(f, pattern, flags, v, uses) {
                    return (
                        format!(
                            "No verified rewrite keeps its groups: {why}. If no code reads them, rewrite it as `/{}/{flags}` ({}; checked for that use).",
                            simpler.pattern, simpler.strategy
                        ),
                        true,
                    );
                }
            }
            (format!("No verified rewrite: {why}."), false)
        }
    }
}

/// The rewrite for code that reads no group, as `rewriteWithoutGroups`
/// evidence.
fn without_groups(
    f: &mut Finding,
    pattern: &str,
    flags: &str,
    v: &Vulnerability,
    uses: Uses,
) -> Option<Rewrite> {
    let free = Uses {
        groups: false,
        ..uses
    };
    let simpler = cached(pattern, flags, v, free).ok()?;
    f.properties.insert(
        "rewriteWithoutGroups".into(),
        serde_json::json!({
            "pattern": simpler.pattern,
            "strategy": simpler.strategy,
            "steps": { "before": simpler.steps.0, "after": simpler.steps.1 },
            "inputsChecked": simpler.inputs_checked,
        }),
    );
    Some(simpler)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_is_kept_for_its_attack_not_only_its_pattern() {
        // A source that carries no line break gets an attack of its own; its
        // rewrite's step counts are measured on that attack.
        let pattern = r"\s+$";
        let v = match nodeward_regex::analyze(pattern, "", &nodeward_regex::Budget::default()) {
            nodeward_regex::Verdict::Vulnerable(v) => v,
            other => panic!("{other:?}"),
        };
        let mut other = v.clone();
        other.witness.prefix = "x".repeat(50);
        other.steps = other.steps.iter().map(|&(n, s)| (n, s + 50)).collect();
        let uses = Uses::unknown("");
        let (a, b) = (
            cached(pattern, "", &v, uses),
            cached(pattern, "", &other, uses),
        );
        let (a, b) = (a.expect("a rewrite"), b.expect("a rewrite"));
        assert_ne!(a.steps, b.steps);
    }

    #[test]
    fn each_method_relies_on_what_it_returns() {
        let u = |m: &str, flags: &str, r: Option<&Val>| {
            let u = uses_of_call(m, flags, r);
            (u.groups, u.all_matches)
        };
        assert_eq!(u("test", "g", None), (false, false));
        assert_eq!(u("match", "g", None), (false, true));
        assert_eq!(u("match", "", None), (true, false));
        assert_eq!(u("split", "", None), (true, true));
        let plain = Val::Str("".into());
        let dollar = Val::Str("<$1>".into());
        assert_eq!(u("replace", "g", Some(&plain)), (false, true));
        assert_eq!(u("replace", "", Some(&dollar)), (true, false));
        assert_eq!(u("replace", "g", None), (true, true));
    }
}
