//! The public API on a few well-known patterns.

use nodeward_regex::{analyze, Budget, Complexity, RegexFlags, Verdict, Witness};

fn vuln(p: &str, f: &str) -> nodeward_regex::Vulnerability {
    match analyze(p, f, &Budget::default()) {
        Verdict::Vulnerable(v) => v,
        other => panic!("/{p}/{f}: {other:?}"),
    }
}

#[test]
fn exponential_nested_quantifiers() {
    for p in [
        r"^(a+)+$",
        r"^(a|aa)*$",
        r"^(\w+\s?)*$",
        r"^([a-z0-9]+-?)+$",
        r"^(\d+\.?)+$",
    ] {
        let v = vuln(p, "");
        assert_eq!(v.complexity, Complexity::Exponential, "{p}");
        assert!(!v.needs_search_loop);
        let span = v.loop_span.expect("loop span");
        assert!(
            p[span.0 as usize..span.1 as usize].ends_with(['+', '*']),
            "{p} {span:?}"
        );
        // The measurements show the blow-up.
        let (first, last) = (v.steps[0], *v.steps.last().unwrap());
        assert!(last.1 > 100 * first.1, "{:?}", v.steps);
    }
}

#[test]
fn polynomial_needs_search_loop() {
    let v = vuln(r"\s+$", "");
    assert_eq!(v.complexity, Complexity::Polynomial(2));
    assert!(v.needs_search_loop);
    // Anchored, there is nothing left.
    assert_eq!(analyze(r"^\s+$", "", &Budget::default()), Verdict::Safe);
    // Sticky: only one attempt, at lastIndex.
    assert_eq!(analyze(r"\s+$", "y", &Budget::default()), Verdict::Safe);
    // Quadratic in Node although the pattern is unambiguous (codeql#6525
    // calls it a false positive): every start position scans to the `/`.
    let v = vuln(r"\/?[^/]*$", "");
    assert_eq!(v.complexity, Complexity::Polynomial(2));
    assert!(v.needs_search_loop);
    let v = vuln(r"^a*a*a*b$", "");
    assert_eq!(v.complexity, Complexity::Polynomial(3));
    assert!(!v.needs_search_loop);
}

#[test]
fn unambiguous_patterns_are_safe() {
    for p in [
        r"^(?:[a-z0-9]+-)*[a-z0-9]+$",
        r"^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$",
        r"^\d{5}(-\d{4})?$",
        r"^([a-z]{1,10}\s){0,5}$",
        r"a|b|a",
    ] {
        assert_eq!(analyze(p, "", &Budget::default()), Verdict::Safe, "{p}");
    }
}

#[test]
fn global_replace_semantics() {
    // Trimming both ends is quadratic with `replace(/…/g)`: the empty match at
    // position 0 does not stop the search.
    let v = vuln(r"^\s*|\s*$", "g");
    assert_eq!(v.complexity, Complexity::Polynomial(2));
    // With `test`, the empty match at 0 ends everything at once.
    assert_eq!(analyze(r"^\s*|\s*$", "", &Budget::default()), Verdict::Safe);
}

#[test]
fn witness_display_and_serialization() {
    let w = Witness {
        prefix: "x".into(),
        pump: " ".into(),
        suffix: "\u{0}".into(),
    };
    assert_eq!(w.attack_js(30), r"'x' + ' '.repeat(30) + '\x00'");
    assert_eq!(w.build(2), "x  \u{0}");
    let v = analyze(r"(a+)+$", "", &Budget::default());
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["verdict"], "vulnerable");
    assert_eq!(json["detail"]["complexity"], "exponential");
    let u = serde_json::to_value(analyze("(", "", &Budget::default())).unwrap();
    assert_eq!(u["verdict"], "unknown");
    assert!(RegexFlags::parse("gimsuyd").is_ok());
}

#[test]
fn deterministic() {
    let p = r"^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$";
    let a = analyze(p, "", &Budget::default());
    for _ in 0..3 {
        assert_eq!(analyze(p, "", &Budget::default()), a);
    }
}
