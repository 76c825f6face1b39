//! The narrowed start: of two neighbouring loops over characters that
//! overlap, the second starts on a character the first cannot take
//! (`\s*([^(]+)?` → `\s*([^\s(][^(]*)?`). The split between them is then
//! decided by one character, and every group stays where it was, holding
//! what it held in the original's matches when the first loop is greedy
//! (the behaviour check decides that).

use swc_ecma_regexp::ast;

use super::syntax::{is_one_char, single_loop_in_group, splice, text_at, TermSpan};
use crate::charset::CharSet;
use crate::class_text::Syntax;
use crate::flags::RegexFlags;
use crate::ir::{Node, Regex};
use crate::Budget;

/// Candidates for the loop at `span`: the pairs of neighbouring loops
/// around it, each with the second narrowed.
pub(super) fn candidates(
    pattern: &str,
    flags: &RegexFlags,
    body: &ast::Disjunction,
    span: swc_common::Span,
) -> Vec<String> {
    let Ok(re) = crate::parse::parse(pattern, flags, &Budget::default()) else {
        return Vec::new();
    };
    let Some((alt, i)) = holder(body, span) else {
        return Vec::new();
    };
    let syntax = Syntax::of(flags);
    let mut out = Vec::new();
    // The pairs the loop is in, and the ones next to them: a repair round
    // may blame the loop after the pair that is left slow.
    for a in i.saturating_sub(2)..=i + 1 {
        let b = a + 1;
        let (Some(pa), Some(pb)) = (alt.body.get(a), alt.body.get(b)) else {
            continue;
        };
        let (Some(la), Some(lb)) = (loop_of(pa), loop_of(pb)) else {
            continue;
        };
        if !la.greedy || !lb.greedy || lb.max.is_some() || lb.min > 1 {
            continue;
        }
        let (Some(sa), Some(sb)) = (set_of(&re, la), set_of(&re, lb)) else {
            continue;
        };
        let start = sb.subtract(sa);
        if !sa.intersects(sb) || start.is_empty() {
            continue;
        }
        let Some(body_text) = text_at(pattern, lb.body.span()) else {
            continue;
        };
        let first = syntax.set(&start);
        let narrowed = if lb.min == 0 {
            format!("(?:{first}{body_text}*)?")
        } else {
            format!("{first}{body_text}*")
        };
        out.push(splice(pattern, lb.span, &narrowed));
    }
    out
}

/// The alternative, at any depth, with the loop at `span` as a term of
/// its own or as the only content of a group (quantified or not), and the
/// index of that term.
fn holder(d: &ast::Disjunction, span: swc_common::Span) -> Option<(&ast::Alternative, usize)> {
    for alt in &d.body {
        for (i, t) in alt.body.iter().enumerate() {
            if t.span() == span || loop_of(t).is_some_and(|q| q.span == span) {
                return Some((alt, i));
            }
            let inner = match t {
                ast::Term::Quantifier(q) => match &q.body {
                    ast::Term::CapturingGroup(g) => Some(&g.body),
                    ast::Term::IgnoreGroup(g) => Some(&g.body),
                    _ => None,
                },
                ast::Term::CapturingGroup(g) => Some(&g.body),
                ast::Term::IgnoreGroup(g) if g.modifiers.is_none() => Some(&g.body),
                _ => None,
            };
            if let Some(found) = inner.and_then(|b| holder(b, span)) {
                return Some(found);
            }
        }
    }
    None
}

/// The loop over one character a term is: the term itself, or the only
/// content of a group it is (`(\d+)`, `(\d+)?`).
fn loop_of(t: &ast::Term) -> Option<&ast::Quantifier> {
    let group = match t {
        ast::Term::Quantifier(q) if is_one_char(&q.body) => return Some(q),
        ast::Term::Quantifier(q) if q.max == Some(1) => &q.body,
        _ => t,
    };
    single_loop_in_group(group)
        .map(|(inner, ..)| inner)
        .filter(|q| is_one_char(&q.body))
}

/// The characters of the loop `q` (as the analysis reads them, with the
/// flags applied).
fn set_of<'r>(re: &'r Regex, q: &ast::Quantifier) -> Option<&'r CharSet> {
    match re.root.repeat_body((q.span.lo.0, q.span.hi.0))? {
        Node::Set(s) => re.sets.get(*s as usize),
        _ => None,
    }
}
