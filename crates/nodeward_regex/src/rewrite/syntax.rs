//! Reading the pattern's syntax tree: spans of terms, the path to a loop,
//! groups and backreferences.

use swc_ecma_regexp::ast;

/// The top-level alternative with a group whose only term is the loop at
/// `span`, and the group's span.
pub(crate) fn group_holding(
    p: &ast::Pattern,
    span: swc_common::Span,
) -> Option<(&ast::Alternative, swc_common::Span)> {
    p.body.body.iter().find_map(|alt| {
        alt.body.iter().find_map(|t| {
            let (body, at) = match t {
                ast::Term::CapturingGroup(g) => (&g.body, g.span),
                ast::Term::IgnoreGroup(g) if g.modifiers.is_none() => (&g.body, g.span),
                _ => return None,
            };
            match body.body.as_slice() {
                [only] if matches!(only.body.as_slice(), [t] if t.span() == span) => {
                    Some((alt, at))
                }
                _ => None,
            }
        })
    })
}

/// The top-level alternative holding the term at `span` (`\s+$`, or the
/// `\s+$` of `^\s+|\s+$`).
pub(crate) fn alternative_of(
    p: &ast::Pattern,
    span: swc_common::Span,
) -> Option<&ast::Alternative> {
    p.body
        .body
        .iter()
        .find(|alt| alt.body.iter().any(|t| t.span() == span))
}

pub(crate) trait TermSpan {
    fn span(&self) -> swc_common::Span;
}

impl TermSpan for ast::Term {
    fn span(&self) -> swc_common::Span {
        use ast::Term::*;
        match self {
            BoundaryAssertion(x) => x.span,
            LookAroundAssertion(x) => x.span,
            Quantifier(x) => x.span,
            Character(x) => x.span,
            Dot(x) => x.span,
            CharacterClassEscape(x) => x.span,
            UnicodePropertyEscape(x) => x.span,
            CharacterClass(x) => x.span,
            CapturingGroup(x) => x.span,
            IgnoreGroup(x) => x.span,
            IndexedReference(x) => x.span,
            NamedReference(x) => x.span,
        }
    }
}

pub(crate) trait BodySpan {
    fn body_span(&self) -> swc_common::Span;
}

impl BodySpan for ast::Quantifier {
    fn body_span(&self) -> swc_common::Span {
        self.body.span()
    }
}

/// The quantifiers from the outermost one around `lo..hi` to the one whose
/// span it is.
pub(crate) fn find_path(d: &ast::Disjunction, lo: u32, hi: u32) -> Option<Vec<&ast::Quantifier>> {
    for alt in &d.body {
        for t in &alt.body {
            if let Some(p) = path_in_term(t, lo, hi) {
                return Some(p);
            }
        }
    }
    None
}

fn path_in_term(t: &ast::Term, lo: u32, hi: u32) -> Option<Vec<&ast::Quantifier>> {
    match t {
        ast::Term::Quantifier(q) => {
            if q.span.lo.0 == lo && q.span.hi.0 == hi {
                return Some(vec![q]);
            }
            let mut p = path_in_term(&q.body, lo, hi)?;
            p.insert(0, q);
            Some(p)
        }
        ast::Term::CapturingGroup(g) => find_path(&g.body, lo, hi),
        ast::Term::IgnoreGroup(g) => find_path(&g.body, lo, hi),
        ast::Term::LookAroundAssertion(l) => find_path(&l.body, lo, hi),
        _ => None,
    }
}

/// A group (capturing, or non-capturing without modifiers) whose body is
/// exactly one quantifier: that quantifier, whether the group captures, and
/// the group's span.
pub(crate) fn single_loop_in_group(
    t: &ast::Term,
) -> Option<(&ast::Quantifier, bool, swc_common::Span)> {
    let (body, capturing, span) = match t {
        ast::Term::CapturingGroup(g) if g.name.is_none() => (&g.body, true, g.span),
        ast::Term::IgnoreGroup(g) if g.modifiers.is_none() => (&g.body, false, g.span),
        _ => return None,
    };
    match body.body.as_slice() {
        [alt] => match alt.body.as_slice() {
            [ast::Term::Quantifier(q)] => Some((q, capturing, span)),
            _ => None,
        },
        _ => None,
    }
}

/// A term that matches exactly one character: a character, a class, an
/// escape for one, or the dot.
pub(crate) fn is_one_char(t: &ast::Term) -> bool {
    matches!(
        t,
        ast::Term::Character(_)
            | ast::Term::CharacterClass(_)
            | ast::Term::CharacterClassEscape(_)
            | ast::Term::UnicodePropertyEscape(_)
            | ast::Term::Dot(_)
    )
}

/// The pattern text at `s`.
pub(crate) fn text_at(pattern: &str, s: swc_common::Span) -> Option<&str> {
    pattern.get(s.lo.0 as usize..s.hi.0 as usize)
}

/// `pattern` with the text at `s` replaced by `with`.
pub(crate) fn splice(pattern: &str, s: swc_common::Span, with: &str) -> String {
    format!(
        "{}{with}{}",
        &pattern[..s.lo.0 as usize],
        &pattern[s.hi.0 as usize..]
    )
}

/// The one term of a group's only alternative.
pub(crate) fn single_term_of_group(t: &ast::Term) -> Option<&ast::Term> {
    let body = match t {
        ast::Term::CapturingGroup(g) => &g.body,
        ast::Term::IgnoreGroup(g) if g.modifiers.is_none() => &g.body,
        _ => return None,
    };
    match body.body.as_slice() {
        [alt] => match alt.body.as_slice() {
            [only] => Some(only),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn has_backreference(d: &ast::Disjunction) -> bool {
    fn term(t: &ast::Term) -> bool {
        match t {
            ast::Term::IndexedReference(_) | ast::Term::NamedReference(_) => true,
            ast::Term::Quantifier(q) => term(&q.body),
            ast::Term::CapturingGroup(g) => has_backreference(&g.body),
            ast::Term::IgnoreGroup(g) => has_backreference(&g.body),
            ast::Term::LookAroundAssertion(l) => has_backreference(&l.body),
            _ => false,
        }
    }
    d.body.iter().any(|a| a.body.iter().any(term))
}

/// Capturing groups in a term.
pub(crate) fn groups_in_term(t: &ast::Term) -> u32 {
    match t {
        ast::Term::Quantifier(q) => groups_in_term(&q.body),
        ast::Term::CapturingGroup(g) => 1 + groups_opening_before(&g.body, u32::MAX),
        ast::Term::IgnoreGroup(g) => groups_opening_before(&g.body, u32::MAX),
        ast::Term::LookAroundAssertion(l) => groups_opening_before(&l.body, u32::MAX),
        _ => 0,
    }
}

/// Capturing groups whose `(` comes before `at`.
pub(crate) fn groups_opening_before(d: &ast::Disjunction, at: u32) -> u32 {
    fn term(t: &ast::Term, at: u32) -> u32 {
        match t {
            ast::Term::Quantifier(q) => term(&q.body, at),
            ast::Term::CapturingGroup(g) => {
                u32::from(g.span.lo.0 < at) + groups_opening_before(&g.body, at)
            }
            ast::Term::IgnoreGroup(g) => groups_opening_before(&g.body, at),
            ast::Term::LookAroundAssertion(l) => groups_opening_before(&l.body, at),
            _ => 0,
        }
    }
    d.body
        .iter()
        .flat_map(|a| a.body.iter())
        .map(|t| term(t, at))
        .sum()
}
