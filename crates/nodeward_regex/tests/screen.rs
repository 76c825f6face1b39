//! `screen`: the exponential verdict of `analyze`, polynomial candidates
//! left for the full analysis.

use nodeward_regex::{analyze, screen, Budget, Complexity, Verdict};

fn complexity(v: &Verdict) -> Option<Complexity> {
    match v {
        Verdict::Vulnerable(v) => Some(v.complexity),
        _ => None,
    }
}

#[test]
fn an_exponential_regex_is_confirmed_by_the_screen() {
    let s = screen("^(a+)+$", "", &Budget::default());
    assert_eq!(complexity(&s.exponential), Some(Complexity::Exponential));
    assert_eq!(
        complexity(&analyze("^(a+)+$", "", &Budget::default())),
        Some(Complexity::Exponential)
    );
}

#[test]
fn a_polynomial_regex_is_left_to_the_full_analysis() {
    let s = screen(r"\s*,\s*$", "", &Budget::default());
    assert_eq!(s.exponential, Verdict::Safe);
    assert!(s.may_be_polynomial);
    assert!(matches!(
        complexity(&analyze(r"\s*,\s*$", "", &Budget::default())),
        Some(Complexity::Polynomial(_))
    ));
}

#[test]
fn a_linear_regex_has_nothing_left() {
    let s = screen("^[a-z]+$", "", &Budget::default());
    assert_eq!(s.exponential, Verdict::Safe);
    assert!(!s.may_be_polynomial);
}
