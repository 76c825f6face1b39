//! The compact regex representation shared by the matcher and the automaton.
//!
//! Flags are resolved while lowering: every character node already holds its
//! case-folded set, `.` holds the set for its `s` setting, and `^`/`$` carry their
//! own multiline bit, so inline modifiers like `(?i:…)` need no special handling
//! downstream. Character sets live in one table (`Regex::sets`) and nodes refer to
//! them by index, which lets the automaton build its alphabet partition once.

use crate::charset::CharSet;

pub type SetId = u32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One character from a set.
    Set(SetId),
    Seq(Vec<Node>),
    /// Ordered alternatives: the first one is tried first.
    Alt(Vec<Node>),
    Repeat(Box<Repeat>),
    /// Capturing group `index` (1-based).
    Group {
        index: u32,
        body: Box<Node>,
    },
    Assert(Assertion),
    Look(Box<Look>),
    /// Backreference; several indices when duplicate group names are used in
    /// different alternatives (at most one of them can have participated).
    BackRef {
        groups: Vec<u32>,
        ignore_case: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub body: Node,
    pub min: u32,
    /// `None` = unbounded.
    pub max: Option<u32>,
    pub greedy: bool,
    /// Byte span of the quantified term in the pattern source.
    pub span: (u32, u32),
    /// Capture groups inside the body (`first..first+count`), reset per iteration.
    pub first_group: u32,
    pub group_count: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Assertion {
    Start {
        multiline: bool,
    },
    End {
        multiline: bool,
    },
    WordBoundary {
        negated: bool,
        unicode_ignore_case: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    pub body: Node,
    pub behind: bool,
    pub negative: bool,
}

/// A lowered pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    pub root: Node,
    pub sets: Vec<CharSet>,
    /// Number of capture groups (group 0, the whole match, not included).
    pub group_count: u32,
    /// `u` or `v`: characters are code points rather than UTF-16 code units.
    pub unicode: bool,
    /// Constructs the automaton can only over-approximate.
    pub has_lookaround: bool,
    pub has_backref: bool,
    pub has_word_boundary: bool,
}

impl Regex {
    /// The pattern for inputs made only of `allowed`'s characters: every
    /// set keeps just those.
    pub fn within(&self, allowed: &CharSet) -> Regex {
        Regex {
            sets: self.sets.iter().map(|s| s.intersect(allowed)).collect(),
            ..self.clone()
        }
    }
}

impl Node {
    /// Can this node match without consuming input? (Assertions and lookarounds
    /// count as empty; backreferences can be empty.)
    pub fn nullable(&self) -> bool {
        match self {
            Node::Empty | Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => true,
            Node::Set(_) => false,
            Node::Seq(v) => v.iter().all(Node::nullable),
            Node::Alt(v) => v.iter().any(Node::nullable),
            Node::Repeat(r) => r.min == 0 || r.body.nullable(),
            Node::Group { body, .. } => body.nullable(),
        }
    }

    /// The body of the repetition whose pattern span is `span`, anywhere
    /// under this node (lookarounds too).
    pub fn repeat_body(&self, span: (u32, u32)) -> Option<&Node> {
        match self {
            Node::Repeat(r) if r.span == span => Some(&r.body),
            Node::Repeat(r) => r.body.repeat_body(span),
            Node::Seq(v) | Node::Alt(v) => v.iter().find_map(|c| c.repeat_body(span)),
            Node::Group { body, .. } => body.repeat_body(span),
            Node::Look(l) => l.body.repeat_body(span),
            _ => None,
        }
    }

    /// Rough size in nodes, used for budgets.
    pub fn size(&self) -> usize {
        match self {
            Node::Empty | Node::Set(_) | Node::Assert(_) | Node::BackRef { .. } => 1,
            Node::Seq(v) | Node::Alt(v) => 1 + v.iter().map(Node::size).sum::<usize>(),
            Node::Repeat(r) => 1 + r.body.size(),
            Node::Group { body, .. } => 1 + body.size(),
            Node::Look(l) => 1 + l.body.size(),
        }
    }

    /// Minimum number of characters a match consumes (V8's `min_match`).
    pub fn min_len(&self) -> u64 {
        match self {
            Node::Empty | Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => 0,
            Node::Set(_) => 1,
            Node::Seq(v) => v.iter().map(Node::min_len).fold(0u64, u64::saturating_add),
            Node::Alt(v) => v.iter().map(Node::min_len).min().unwrap_or(0),
            Node::Repeat(r) => r.body.min_len().saturating_mul(u64::from(r.min)),
            Node::Group { body, .. } => body.min_len(),
        }
    }

    /// Maximum number of characters (V8's `max_match`); `None` = unbounded.
    pub fn max_len(&self) -> Option<u64> {
        match self {
            Node::Empty | Node::Assert(_) | Node::Look(_) => Some(0),
            Node::BackRef { .. } => None,
            Node::Set(_) => Some(1),
            Node::Seq(v) => v
                .iter()
                .map(Node::max_len)
                .try_fold(0u64, |a, b| b.map(|b| a.saturating_add(b))),
            Node::Alt(v) => v
                .iter()
                .map(Node::max_len)
                .try_fold(0u64, |a, b| b.map(|b| a.max(b))),
            Node::Repeat(r) => match (r.body.max_len(), r.max) {
                (Some(0), _) => Some(0),
                (Some(b), Some(m)) => Some(b.saturating_mul(u64::from(m))),
                _ => None,
            },
            Node::Group { body, .. } => body.max_len(),
        }
    }

    /// V8's `IsAnchoredAtEnd`: every match must end at the end of the input
    /// (a non-multiline `$` last, zero-width nodes after it allowed).
    pub fn anchored_at_end(&self) -> bool {
        match self {
            Node::Assert(Assertion::End { multiline: false }) => true,
            Node::Seq(v) => {
                for n in v.iter().rev() {
                    if n.anchored_at_end() {
                        return true;
                    }
                    if n.max_len() != Some(0) {
                        return false;
                    }
                }
                false
            }
            Node::Alt(v) => !v.is_empty() && v.iter().all(Node::anchored_at_end),
            Node::Group { body, .. } => body.anchored_at_end(),
            Node::Look(l) => !l.behind && !l.negative && l.body.anchored_at_end(),
            _ => false,
        }
    }

    /// V8's `IsAnchoredAtStart`: every match must begin at input position 0, so
    /// the engine does not add its implicit `.*?` search loop.
    pub fn anchored_at_start(&self) -> bool {
        match self {
            Node::Assert(Assertion::Start { multiline: false }) => true,
            Node::Seq(v) => {
                for n in v {
                    if n.anchored_at_start() {
                        return true;
                    }
                    if n.max_len() != Some(0) {
                        return false;
                    }
                }
                false
            }
            Node::Alt(v) => !v.is_empty() && v.iter().all(Node::anchored_at_start),
            Node::Group { body, .. } => body.anchored_at_start(),
            Node::Look(l) => !l.behind && !l.negative && l.body.anchored_at_start(),
            _ => false,
        }
    }
}

impl Regex {
    /// A shortest string matching `n`, with assertions, lookarounds and
    /// backreferences taken as empty; `None` if a set in it is empty or has no
    /// character that can be written in a string.
    pub fn example(&self, n: &Node) -> Option<String> {
        Some(match n {
            Node::Empty | Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => String::new(),
            Node::Set(s) => {
                let c = self.sets[*s as usize].representative()?;
                char::from_u32(c)?.to_string()
            }
            Node::Seq(v) => v
                .iter()
                .map(|c| self.example(c))
                .collect::<Option<String>>()?,
            Node::Alt(v) => v
                .iter()
                .filter_map(|c| self.example(c))
                .min_by_key(String::len)?,
            Node::Repeat(r) => {
                let one = self.example(&r.body)?;
                one.repeat(r.min.min(64) as usize)
            }
            Node::Group { body, .. } => self.example(body)?,
        })
    }

    /// Strings that make the body of each negative lookahead match, i.e. make
    /// the lookahead fail. A suffix like that blocks a success that would
    /// otherwise end the search early (`\d+(?![^,]{2,})` needs two more
    /// characters after the digits to fail).
    pub fn negative_lookahead_blockers(&self) -> Vec<String> {
        fn walk(re: &Regex, n: &Node, out: &mut Vec<String>) {
            match n {
                Node::Look(l) => {
                    if l.negative && !l.behind {
                        if let Some(e) = re.example(&l.body) {
                            if !e.is_empty() && e.len() <= 32 && !out.contains(&e) {
                                out.push(e);
                            }
                        }
                    }
                    walk(re, &l.body, out);
                }
                Node::Seq(v) | Node::Alt(v) => v.iter().for_each(|c| walk(re, c, out)),
                Node::Repeat(r) => walk(re, &r.body, out),
                Node::Group { body, .. } => walk(re, body, out),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &self.root, &mut out);
        out.truncate(2);
        out
    }
}
