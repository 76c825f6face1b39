//! Expressions over atom sets, as state elimination builds them, and their
//! pattern text: `x x*` as `x+`, an optional `x+` as `x*`, alternatives
//! that share a first or last item factored.

use crate::bits::Bits;
use crate::class_text::Syntax;

/// An expression over atom sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Expr {
    Eps,
    Set(Bits),
    Seq(Vec<Expr>),
    /// Alternatives; an `Eps` among them makes the whole optional.
    Alt(Vec<Expr>),
    Star(Box<Expr>),
}

impl Expr {
    pub(super) fn size(&self) -> usize {
        match self {
            Expr::Eps => 0,
            Expr::Set(_) => 1,
            Expr::Seq(v) | Expr::Alt(v) => v.iter().map(Expr::size).sum::<usize>() + 1,
            Expr::Star(e) => e.size() + 1,
        }
    }

    fn nullable(&self) -> bool {
        match self {
            Expr::Eps | Expr::Star(_) => true,
            Expr::Set(_) => false,
            Expr::Seq(v) => v.iter().all(Expr::nullable),
            Expr::Alt(v) => v.iter().any(Expr::nullable),
        }
    }

    pub(super) fn seq(parts: Vec<Expr>) -> Expr {
        let mut out = Vec::new();
        for p in parts {
            match p {
                Expr::Eps => {}
                Expr::Seq(v) => out.extend(v),
                other => out.push(other),
            }
        }
        match out.len() {
            0 => Expr::Eps,
            1 => out.pop().expect("one"),
            _ => Expr::Seq(out),
        }
    }

    /// The items of a sequence (a lone term is a sequence of one).
    fn items(self) -> Vec<Expr> {
        match self {
            Expr::Seq(v) => v,
            Expr::Eps => Vec::new(),
            other => vec![other],
        }
    }

    /// [`Expr::items`], borrowed.
    fn item_slice(&self) -> &[Expr] {
        match self {
            Expr::Seq(v) => v,
            Expr::Eps => &[],
            other => std::slice::from_ref(other),
        }
    }

    pub(super) fn alt(a: Expr, b: Expr) -> Expr {
        let mut members: Vec<Expr> = Vec::new();
        for e in [a, b] {
            match e {
                Expr::Alt(v) => members.extend(v),
                other => members.push(other),
            }
        }
        Expr::alternatives(members)
    }

    fn alternatives(members: Vec<Expr>) -> Expr {
        let mut out: Vec<Expr> = Vec::new();
        for m in members {
            if out.contains(&m) {
                continue;
            }
            if let Expr::Set(b) = &m {
                if let Some(Expr::Set(old)) = out.iter_mut().find(|e| matches!(e, Expr::Set(_))) {
                    old.or_assign(b);
                    continue;
                }
            }
            out.push(m);
        }
        // A nullable alternative already holds the empty one.
        if out.iter().any(|e| *e != Expr::Eps && e.nullable()) {
            out.retain(|e| *e != Expr::Eps);
        }
        let out = factor(out);
        if out.len() == 1 {
            return out.into_iter().next().expect("one");
        }
        Expr::Alt(out)
    }
}

/// `xa|xb` → `x(?:a|b)` and `ax|bx` → `(?:a|b)x`, for the alternatives that
/// share a first (or last) item: the language is the same and, the
/// alternatives being disjoint, so is the absence of ambiguity.
fn factor(members: Vec<Expr>) -> Vec<Expr> {
    for from_end in [false, true] {
        fn end_item(e: &Expr, from_end: bool) -> Option<&Expr> {
            let items = e.item_slice();
            if from_end {
                items.last()
            } else {
                items.first()
            }
        }
        let key = |e| end_item(e, from_end);
        for i in 0..members.len() {
            let Some(k) = key(&members[i]) else { continue };
            let same: Vec<usize> = (0..members.len())
                .filter(|&j| key(&members[j]) == Some(k))
                .collect();
            if same.len() < 2 {
                continue;
            }
            let k = k.clone();
            let mut rests = Vec::new();
            for &j in &same {
                let mut items = members[j].clone().items();
                if from_end {
                    items.pop();
                } else {
                    items.remove(0);
                }
                rests.push(Expr::seq(items));
            }
            let inner = Expr::alternatives(rests);
            let merged = if from_end {
                Expr::seq(vec![inner, k])
            } else {
                Expr::seq(vec![k, inner])
            };
            let mut out: Vec<Expr> = Vec::new();
            for (j, m) in members.into_iter().enumerate() {
                if j == same[0] {
                    out.push(merged.clone());
                } else if !same.contains(&j) {
                    out.push(m);
                }
            }
            return factor(out);
        }
    }
    members
}

pub(super) struct Printer<'a> {
    pub(super) atoms: &'a [crate::charset::CharSet],
    pub(super) syntax: Syntax,
    /// Each set's text, once: the same sets recur all over an expression.
    pub(super) sets: std::cell::RefCell<std::collections::HashMap<Bits, String>>,
}

impl Printer<'_> {
    pub(super) fn top(&self, e: &Expr) -> String {
        match e {
            Expr::Alt(v) if !v.contains(&Expr::Eps) => format!("(?:{})", self.alt(v)),
            other => self.seq(other.item_slice()),
        }
    }

    fn alt(&self, v: &[Expr]) -> String {
        v.iter()
            .map(|e| self.seq(e.item_slice()))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn seq(&self, items: &[Expr]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < items.len() {
            let here = &items[i];
            let then = items.get(i + 1);
            // `x x*` and `x* x` are `x+`.
            if let Some(Expr::Star(s)) = then {
                if **s == *here {
                    out.push_str(&self.atom(here));
                    out.push('+');
                    i += 2;
                    continue;
                }
            }
            if let (Expr::Star(s), Some(next)) = (here, then) {
                if **s == *next {
                    out.push_str(&self.atom(next));
                    out.push('+');
                    i += 2;
                    continue;
                }
            }
            out.push_str(&self.term(here));
            i += 1;
        }
        out
    }

    /// One item of a sequence.
    fn term(&self, e: &Expr) -> String {
        match e {
            Expr::Eps => String::new(),
            Expr::Set(b) => self.set(b),
            Expr::Seq(v) => self.seq(v),
            Expr::Star(inner) => format!("{}*", self.atom(inner)),
            Expr::Alt(v) => {
                let rest: Vec<Expr> = v.iter().filter(|e| **e != Expr::Eps).cloned().collect();
                if rest.len() < v.len() {
                    let rest = if rest.len() == 1 {
                        rest.into_iter().next().expect("one")
                    } else {
                        Expr::Alt(rest)
                    };
                    // `(?:x+)?` is `x*`.
                    if let Expr::Seq(items) = &rest {
                        if let [x, Expr::Star(s)] | [Expr::Star(s), x] = items.as_slice() {
                            if **s == *x {
                                return format!("{}*", self.atom(x));
                            }
                        }
                    }
                    format!("{}?", self.atom(&rest))
                } else {
                    format!("(?:{})", self.alt(v))
                }
            }
        }
    }

    /// A term that a quantifier can follow.
    fn atom(&self, e: &Expr) -> String {
        match e {
            Expr::Set(b) => self.set(b),
            Expr::Alt(v) if !v.contains(&Expr::Eps) => format!("(?:{})", self.alt(v)),
            Expr::Seq(v) if v.len() == 1 => self.atom(&v[0]),
            other => format!("(?:{})", self.term(other)),
        }
    }

    fn set(&self, b: &Bits) -> String {
        if let Some(text) = self.sets.borrow().get(b) {
            return text.clone();
        }
        let mut set = crate::charset::CharSet::empty();
        for a in b.iter() {
            set = set.union(&self.atoms[a]);
        }
        let text = self.syntax.set(&set);
        self.sets.borrow_mut().insert(b.clone(), text.clone());
        text
    }
}
