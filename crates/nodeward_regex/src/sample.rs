//! Inputs shaped like a pattern, for the equivalence check: a walk of the
//! pattern's tree that picks a branch of each alternative, a count for each
//! repetition and a character for each set (among the check's characters),
//! and copies a group's text where a backreference reads it.
//!
//! Exhaustive and random inputs over the joint alphabet never hold a word
//! like `Controller.` that a pattern needs before its interesting part, so
//! two patterns that differ only past such a word would pass unnoticed.
//! Walks reach past them; the check then mutates each walk (a character
//! dropped, added or changed, a piece repeated) to get the near misses
//! where backtracking decides.

use crate::ir::{Node, Regex};

/// Longest walk, in characters: past it, repetitions take their minimum.
const MAX_LEN: usize = 24;

/// Walks of one pattern with characters from a given list: which of them
/// each set holds is found once, for the hundreds of walks a check takes.
pub(crate) struct Walker<'a> {
    re: &'a Regex,
    /// For each set, the characters of the list in it.
    fits: Vec<Vec<char>>,
}

impl<'a> Walker<'a> {
    pub(crate) fn new(re: &'a Regex, chars: &[char]) -> Walker<'a> {
        let fits = re
            .sets
            .iter()
            .map(|set| {
                chars
                    .iter()
                    .copied()
                    .filter(|&c| set.contains(c as u32))
                    .collect()
            })
            .collect();
        Walker { re, fits }
    }

    /// One walk of the pattern.
    pub(crate) fn walk(&self, below: &mut impl FnMut(usize) -> usize) -> String {
        self.walk_node(&self.re.root, below)
    }

    /// One walk of `node`, a part of the pattern.
    fn walk_node(&self, node: &Node, below: &mut impl FnMut(usize) -> usize) -> String {
        let mut w = Walk {
            re: self.re,
            fits: &self.fits,
            out: String::new(),
            count: 0,
            groups: vec![None; self.re.group_count as usize + 1],
        };
        w.node(node, below);
        w.out
    }
}

/// Text that satisfies each positive lookbehind of `re` (a walk of its
/// body, in order of the pattern), for an attack to start after: an attack
/// on `(?<=x)(?:a|aa)+$` needs the `x` before the repetition, which the
/// automaton, where lookarounds are approximations, does not ask for.
pub(crate) fn lookbehind_texts(re: &Regex) -> Vec<String> {
    fn collect<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
        match n {
            Node::Look(l) => {
                if l.behind && !l.negative {
                    out.push(&l.body);
                }
                collect(&l.body, out);
            }
            Node::Seq(v) | Node::Alt(v) => v.iter().for_each(|c| collect(c, out)),
            Node::Repeat(r) => collect(&r.body, out),
            Node::Group { body, .. } => collect(body, out),
            _ => {}
        }
    }
    let mut bodies = Vec::new();
    collect(&re.root, &mut bodies);
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut below = move |n: usize| {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 33) as usize % n.max(1)
    };
    let mut out: Vec<String> = Vec::new();
    let walker = Walker::new(re, &[]);
    for body in bodies.into_iter().take(4) {
        let t = walker.walk_node(body, &mut below);
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

struct Walk<'a> {
    re: &'a Regex,
    fits: &'a [Vec<char>],
    out: String,
    /// Characters in `out`.
    count: usize,
    /// Each group's last text.
    groups: Vec<Option<String>>,
}

impl Walk<'_> {
    fn node(&mut self, n: &Node, below: &mut impl FnMut(usize) -> usize) {
        match n {
            Node::Empty | Node::Assert(_) | Node::Look(_) => {}
            Node::Set(id) => {
                let fits = &self.fits[*id as usize];
                let c = if fits.is_empty() {
                    self.re.sets[*id as usize]
                        .representative()
                        .and_then(char::from_u32)
                } else {
                    Some(fits[below(fits.len())])
                };
                self.count += usize::from(c.is_some());
                self.out.extend(c);
            }
            Node::Seq(v) => v.iter().for_each(|c| self.node(c, below)),
            Node::Alt(v) => {
                if !v.is_empty() {
                    let i = below(v.len());
                    self.node(&v[i], below);
                }
            }
            Node::Repeat(r) => {
                let extra = match r.max {
                    Some(max) => max.saturating_sub(r.min).min(3),
                    None => 3,
                };
                let full = self.count >= MAX_LEN;
                let count = r.min.min(100)
                    + if full {
                        0
                    } else {
                        below(extra as usize + 1) as u32
                    };
                for _ in 0..count {
                    self.node(&r.body, below);
                }
            }
            Node::Group { index, body } => {
                let at = self.out.len();
                self.node(body, below);
                if let Some(slot) = self.groups.get_mut(*index as usize) {
                    *slot = Some(self.out[at..].to_string());
                }
            }
            Node::BackRef { groups, .. } => {
                let text = groups
                    .iter()
                    .find_map(|&g| self.groups.get(g as usize).cloned().flatten());
                let text = text.unwrap_or_default();
                self.count += text.chars().count();
                self.out.push_str(&text);
            }
        }
    }
}

/// `s` changed in one place: a character dropped, added or replaced, or a
/// piece repeated.
pub(crate) fn mutate(s: &str, chars: &[char], below: &mut impl FnMut(usize) -> usize) -> String {
    let mut v: Vec<char> = s.chars().collect();
    let n = v.len();
    match below(4) {
        0 if n > 0 => {
            v.remove(below(n));
        }
        1 if !chars.is_empty() => v.insert(below(n + 1), chars[below(chars.len())]),
        2 if n > 0 && !chars.is_empty() => v[below(n)] = chars[below(chars.len())],
        _ if n > 0 => {
            let a = below(n);
            let b = a + 1 + below(n - a);
            let piece: Vec<char> = v[a..b].to_vec();
            for (k, c) in piece.into_iter().enumerate() {
                v.insert(b + k, c);
            }
        }
        _ => {}
    }
    v.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::RegexFlags;

    fn rng() -> impl FnMut(usize) -> usize {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        move |n| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
        }
    }

    #[test]
    fn an_attack_after_a_lookbehind_starts_with_what_it_asks_for() {
        match crate::analyze(r"(?<=x)(?:a|aa)+$", "", &crate::Budget::default()) {
            crate::Verdict::Vulnerable(v) => assert!(v.witness.prefix.starts_with('x'), "{v:?}"),
            other => panic!("{other:?}"),
        }
        // A negative lookbehind asks for nothing.
        let re = crate::parse::parse(
            r"(?<![a-z])(?<=ab|c)x",
            &RegexFlags::default(),
            &crate::Budget::default(),
        )
        .unwrap();
        let texts = lookbehind_texts(&re);
        assert_eq!(texts.len(), 1);
        assert!(texts[0] == "ab" || texts[0] == "c", "{texts:?}");
    }

    #[test]
    fn walks_spell_the_words_a_pattern_needs_and_repeat_its_groups() {
        let re = crate::parse::parse(
            r"^(\w)Controller\.\1$",
            &RegexFlags::default(),
            &crate::Budget::default(),
        )
        .unwrap();
        let mut below = rng();
        let s = Walker::new(&re, &['a', 'C', '.']).walk(&mut below);
        assert_eq!(s.len(), 13, "{s}");
        assert!(s[1..].starts_with("Controller."), "{s}");
        assert_eq!(s.chars().next(), s.chars().last(), "{s}");
    }
}
