//! Patterns known to exhaust other ReDoS checkers (recheck#992, codeql#10579,
//! huge counted repeats, very long patterns). Each must return quickly with
//! some verdict and never hang or panic.

use std::time::{Duration, Instant};

use nodeward_regex::{analyze, Budget, Complexity, Verdict};

fn timed(pattern: &str, flags: &str) -> Verdict {
    let start = Instant::now();
    let v = analyze(pattern, flags, &Budget::default());
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "/{}/{flags} took {took:?}",
        &pattern[..pattern.len().min(80)]
    );
    v
}

/// An alternation of hundreds of surrogate-pair ranges and BMP ranges, in the
/// style of emoji-aware hashtag regexes.
fn emoji_alternation(unicode: bool) -> String {
    let mut alts = Vec::new();
    for i in 0..300u32 {
        if unicode {
            let base = 0x1F000 + i * 7;
            alts.push(format!("[\\u{{{:X}}}-\\u{{{:X}}}]", base, base + 4));
        } else {
            let hi = 0xD83C + i % 4;
            let lo = 0xDC00 + (i * 3) % 0x3F0;
            alts.push(format!("\\u{hi:04X}[\\u{lo:04X}-\\u{:04X}]", lo + 2));
        }
        let b = 0x0100 + i * 13;
        alts.push(format!("[\\u{b:04X}-\\u{:04X}]", b + 9));
    }
    format!(
        "(?:^|\\s)[#＃]((?:[0-9_a-zA-Z]|{})+)(?=\\s|$)",
        alts.join("|")
    )
}

#[test]
fn bounded_repeat_that_times_out_recheck() {
    // `{0,48}` is fine for recheck, `{0,49}` is not (recheck#992). The pattern is
    // linear: each start scans at most 49 characters.
    let v = timed(r"\.loadUrl\(.{0,49}getExternalStorageDirectory\(", "");
    assert_eq!(v, Verdict::Safe);
    let v = timed(r"\.loadUrl\(.{0,10000}getExternalStorageDirectory\(", "");
    assert!(!matches!(v, Verdict::Vulnerable(ref x) if x.complexity == Complexity::Exponential));
}

#[test]
fn huge_unicode_class_alternations() {
    for (p, f) in [
        (emoji_alternation(false), ""),
        (emoji_alternation(false), "i"),
        (emoji_alternation(true), "u"),
        (emoji_alternation(true), "iu"),
        (
            r"^[\p{L}\p{M}\p{Nd}_]+(?:[\p{L}\p{N}]+)*$".to_string(),
            "iu",
        ),
        (r"[\p{Script=Han}\p{Script=Hiragana}]+\s*$".to_string(), "u"),
    ] {
        timed(&p, f);
    }
}

#[test]
fn nested_counted_repeats() {
    // Exponential in practice (the pattern is tried on up to 10,000 `a`s).
    let v = timed("(a{1,100}){1,100}$", "");
    assert!(!matches!(v, Verdict::Safe), "{v:?}");
    timed("(a{1,100}){1,100}", "");
    timed("^(?:(?:a{0,1000}b){0,1000}c){0,1000}$", "");
    timed(r"^\d{1,10000}(?:\.\d{1,10000}){0,10000}$", "");
}

#[test]
fn five_thousand_character_patterns() {
    let words: Vec<String> = (0..800).map(|i| format!("w{i}x{}", i * 7 % 13)).collect();
    let alternation = format!("(?:{})", words.join("|"));
    assert!(alternation.len() >= 5_000);
    timed(&alternation, "");
    timed(&format!("^{alternation}+$"), "");
    timed(&format!("^(?:{alternation}\\s?)*$"), "i");
    let classes: String = (0..700)
        .map(|i| format!("[a-{}]", (b'b' + (i % 24) as u8) as char))
        .collect();
    timed(&classes, "");
    timed(&format!("^(?:{classes})*$"), "");
}

#[test]
fn deep_nesting_and_many_alternatives() {
    let deep = "(".repeat(50) + "a+" + &")+".repeat(50) + "$";
    timed(&deep, "");
    let too_deep = "(".repeat(5_000) + &")".repeat(5_000);
    assert!(matches!(timed(&too_deep, ""), Verdict::Unknown(_)));
    let alts: Vec<String> = (0..500).map(|i| format!("a{i}|b{i}c")).collect();
    timed(&format!("^(?:{})*$", alts.join("|")), "");
}

#[test]
fn every_feature_at_once() {
    for (p, f) in [
        (r"^(?<word>\w+)\s+\k<word>(?=\s|$)(?<!\d)", "giu"),
        (r"(?i:(a|b)+)\1*c", ""),
        (r"[\p{L}--[a-z]]+\s*$", "v"),
        (r"[[a-z]&&[^aeiou]]+(?:x|y)*$", "v"),
        (r"(?<=\$)\d+(?:\.\d+)*(?!\d)", "y"),
        (r"^(?:[\q{abc|d}\d]+-)*$", "v"),
    ] {
        timed(p, f);
    }
}

#[test]
fn invalid_patterns_are_unknown_not_panics() {
    for (p, f) in [
        ("(", ""),
        ("a{2,1}", ""),
        ("[b-a]", ""),
        (r"\p{Nope}", "u"),
        ("a", "gg"),
        (r"\k<x>", "u"),
    ] {
        assert!(matches!(timed(p, f), Verdict::Unknown(_)), "/{p}/{f}");
    }
}

/// A backreference inside the group it names, or in a ring of groups that
/// refer to each other, once recursed without end while the automaton was
/// sized and overflowed the stack (found by `examples/fuzz.rs`). In
/// JavaScript such a reference matches the empty string.
#[test]
fn backreferences_into_their_own_groups_end() {
    for p in [
        r"(a\1+)",
        r"(a\2)(b\1)",
        r"^cover\s+(\d+|\d+\.\d+|\.\d\1+)%\s+in\s+(my\s+stats|(alt-)?\w\w)$",
        r"(?<x>a\k<x>*)+$",
        r"(a)(\1\1)(\2\2)(\3\3)(\4\4)(\5\5)(\6\6)(\7\7)(\8\8)(\9\9)+$",
        // A modifier group captures nothing: `\1` names no group.
        r"(?i:a\1|b)+",
        r"r(?i:a\1|A)+\u{1F600}",
    ] {
        for flags in ["", "iu"] {
            assert!(
                !matches!(timed(p, flags), Verdict::Unknown(ref m) if m.contains("internal")),
                "/{p}/{flags}"
            );
        }
    }
}

/// A large counted repeat of a loop makes a long pump over a large
/// automaton: choosing its characters once took seconds past the
/// wall-clock limit, because it spent no budget (found by
/// `examples/fuzz.rs`).
#[test]
fn choosing_a_long_pump_spends_the_budget() {
    for (p, flags) in [
        (r#"(?:charset|encoding)\s*=\s*['"]? *([\w\-]+){99999}"#, "y"),
        (r"([\w\-]+){99999}", ""),
        (r"(\w+){9999}", ""),
    ] {
        timed(p, flags);
    }
}

/// The same for the searches of the ambiguity analysis: each shortest-path
/// search crosses a component of the pair automaton, which a large counted
/// repeat makes thousands of pairs wide; each counted as one step once.
#[test]
fn ambiguity_path_searches_spend_the_budget() {
    timed(r"^\s*(\S+?)(?:-(\S+?){99999})?\s*(?:;(.*))?$", "g");
}
