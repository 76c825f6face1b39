//! Parsing with `swc_ecma_regexp` and lowering its AST to [`crate::ir`].
//!
//! The swc parser implements the full ECMAScript grammar including Annex B
//! (`\033`, `]`, `{` as literals, `[\w-a]`, identity escapes) in non-unicode
//! mode, so this module only resolves semantics: case folding, `.`, class
//! escapes, `v`-flag set operations, group numbering and inline modifiers.
//!
//! It also reproduces the three rewrites V8 applies to disjunctions of more than
//! two alternatives before compiling them (`SortConsecutiveAtoms`,
//! `RationalizeConsecutiveAtoms`, `FixSingleCharacterDisjunctions`). The last one
//! turns `a|b|a` into `[ab]`, which removes backtracking ambiguity, so both the
//! matcher and the automaton must see the rewritten form to agree with Node.

use std::collections::HashMap;

use swc_ecma_regexp::{ast, LiteralParser, Options};

use crate::budget::Budget;
use crate::charset::{self, CharSet};
use crate::flags::RegexFlags;
use crate::ir::{Assertion, Look, Node, Regex, Repeat, SetId};
use crate::unicode;

#[derive(Clone, Copy)]
struct Mode {
    ignore_case: bool,
    multiline: bool,
    dot_all: bool,
}

/// Parses and lowers `pattern` (the text between the slashes, or the string
/// passed to `RegExp`).
pub fn parse(pattern: &str, flags: &RegexFlags, budget: &Budget) -> Result<Regex, String> {
    if pattern.len() > budget.max_pattern_len {
        return Err(format!(
            "pattern is {} bytes, over the {} byte limit",
            pattern.len(),
            budget.max_pattern_len
        ));
    }
    let depth = nesting_depth(pattern);
    if depth > budget.max_nesting {
        return Err(format!(
            "pattern nests {depth} levels deep, over the limit of {}",
            budget.max_nesting
        ));
    }
    let ast = LiteralParser::new(pattern, Some(flags.parser_flags()), Options::default())
        .parse()
        .map_err(|e| format!("invalid regular expression: {e}"))?;

    let mut names = HashMap::new();
    let mut count = 0;
    collect_groups(&ast.body, &mut count, &mut names);

    let mut lower = Lower {
        unicode: flags.either_unicode(),
        unicode_sets: flags.unicode_sets,
        sets: Vec::new(),
        set_index: HashMap::new(),
        next_group: 0,
        total_groups: count,
        names,
        has_lookaround: false,
        has_backref: false,
        has_word_boundary: false,
    };
    let mode = Mode {
        ignore_case: flags.ignore_case,
        multiline: flags.multiline,
        dot_all: flags.dot_all,
    };
    let root = lower.disjunction(&ast.body, mode)?;
    if root.size() > budget.max_ir_nodes {
        return Err(format!(
            "pattern lowers to {} nodes, over the limit of {}",
            root.size(),
            budget.max_ir_nodes
        ));
    }
    Ok(Regex {
        root,
        sets: lower.sets,
        group_count: lower.next_group,
        unicode: lower.unicode,
        has_lookaround: lower.has_lookaround,
        has_backref: lower.has_backref,
        has_word_boundary: lower.has_word_boundary,
    })
}

/// Nesting of groups and classes, computed before the recursive parser runs so a
/// pathological pattern cannot overflow the stack.
fn nesting_depth(pattern: &str) -> usize {
    let (mut depth, mut max, mut class_depth) = (0usize, 0usize, 0usize);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                class_depth += 1;
                depth += 1;
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                depth = depth.saturating_sub(1);
            }
            '(' if class_depth == 0 => depth += 1,
            ')' if class_depth == 0 => depth = depth.saturating_sub(1),
            _ => {}
        }
        max = max.max(depth);
    }
    max
}

fn collect_groups(d: &ast::Disjunction, count: &mut u32, names: &mut HashMap<String, Vec<u32>>) {
    for alt in &d.body {
        for t in &alt.body {
            collect_groups_term(t, count, names);
        }
    }
}

fn collect_groups_term(t: &ast::Term, count: &mut u32, names: &mut HashMap<String, Vec<u32>>) {
    match t {
        ast::Term::CapturingGroup(g) => {
            *count += 1;
            if let Some(name) = &g.name {
                names.entry(name.to_string()).or_default().push(*count);
            }
            collect_groups(&g.body, count, names);
        }
        ast::Term::IgnoreGroup(g) => collect_groups(&g.body, count, names),
        ast::Term::LookAroundAssertion(l) => collect_groups(&l.body, count, names),
        ast::Term::Quantifier(q) => collect_groups_term(&q.body, count, names),
        _ => {}
    }
}

/// An alternative of a disjunction, before V8's rewrites.
enum AltItem {
    /// A run of literal characters (V8's `RegExpAtom`).
    Atom(Vec<u32>),
    Other(Node),
}

struct Lower {
    unicode: bool,
    unicode_sets: bool,
    sets: Vec<CharSet>,
    set_index: HashMap<CharSet, SetId>,
    next_group: u32,
    /// The capturing groups of the whole pattern.
    total_groups: u32,
    names: HashMap<String, Vec<u32>>,
    has_lookaround: bool,
    has_backref: bool,
    has_word_boundary: bool,
}

impl Lower {
    fn intern(&mut self, set: CharSet) -> SetId {
        if let Some(&id) = self.set_index.get(&set) {
            return id;
        }
        let id = self.sets.len() as SetId;
        self.sets.push(set.clone());
        self.set_index.insert(set, id);
        id
    }

    fn max(&self) -> u32 {
        unicode::universe_max(self.unicode)
    }

    fn fold(&self, set: CharSet, m: Mode) -> CharSet {
        if m.ignore_case {
            unicode::case_fold(&set, self.unicode)
        } else {
            set
        }
    }

    /// `\<digits>` read as Annex B reads it when no group has that number:
    /// a legacy octal escape of up to three octal digits (at most `\377`),
    /// then the remaining digits as themselves (`\8` is `8`).
    fn legacy_octal(&mut self, index: u32, m: Mode) -> Node {
        let digits: Vec<u32> = index
            .to_string()
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect();
        let mut nodes = Vec::new();
        let mut i = 0;
        if digits[0] < 8 {
            let longest = if digits[0] <= 3 { 3 } else { 2 };
            let mut value = digits[0];
            i = 1;
            while i < digits.len() && i < longest && digits[i] < 8 {
                value = value * 8 + digits[i];
                i += 1;
            }
            nodes.push(self.char_node(value, m));
        }
        for &d in &digits[i..] {
            nodes.push(self.char_node('0' as u32 + d, m));
        }
        if nodes.len() == 1 {
            nodes.pop().unwrap_or(Node::Empty)
        } else {
            Node::Seq(nodes)
        }
    }

    fn char_node(&mut self, c: u32, m: Mode) -> Node {
        let set = self.fold(CharSet::single(c), m);
        Node::Set(self.intern(set))
    }

    fn disjunction(&mut self, d: &ast::Disjunction, m: Mode) -> Result<Node, String> {
        let mut items = Vec::with_capacity(d.body.len());
        for alt in &d.body {
            match self.atom_chars(alt, m) {
                Some(chars) => items.push(AltItem::Atom(chars)),
                None => items.push(AltItem::Other(self.alternative(alt, m)?)),
            }
        }
        Ok(self.rationalize(items, m))
    }

    /// The characters of an alternative that V8 parses as a single `RegExpAtom`.
    fn atom_chars(&self, alt: &ast::Alternative, m: Mode) -> Option<Vec<u32>> {
        if alt.body.is_empty() {
            return None;
        }
        let mut out = Vec::with_capacity(alt.body.len());
        for t in &alt.body {
            let ast::Term::Character(c) = t else {
                return None;
            };
            // In unicode mode V8 turns astral characters, and characters whose case
            // folding is not a single pair under `ui`, into character classes.
            if self.unicode
                && (c.value > 0xFFFF
                    || (m.ignore_case
                        && unicode::case_fold(&CharSet::single(c.value), true).len() > 1))
            {
                return None;
            }
            out.push(c.value);
        }
        Some(out)
    }

    fn atom_node(&mut self, chars: &[u32], m: Mode) -> Node {
        let mut v: Vec<Node> = chars.iter().map(|&c| self.char_node(c, m)).collect();
        if v.len() == 1 {
            v.pop().unwrap_or(Node::Empty)
        } else {
            Node::Seq(v)
        }
    }

    fn item_node(&mut self, item: AltItem, m: Mode) -> Node {
        match item {
            AltItem::Atom(chars) => self.atom_node(&chars, m),
            AltItem::Other(n) => n,
        }
    }

    /// Key for comparing first characters, case-insensitively when `i` is set.
    fn first_key(&self, c: u32, m: Mode) -> u32 {
        if m.ignore_case {
            unicode::case_fold(&CharSet::single(c), self.unicode)
                .ranges()
                .first()
                .map_or(c, |r| r.0)
        } else {
            c
        }
    }

    /// V8's `RegExpDisjunction::ToNode` preprocessing, then the IR node.
    fn rationalize(&mut self, mut items: Vec<AltItem>, m: Mode) -> Node {
        if items.len() > 2 {
            if self.sort_consecutive_atoms(&mut items, m) {
                items = self.rationalize_consecutive_atoms(items, m);
            }
            items = self.fix_single_character_disjunctions(items, m);
        }
        let mut nodes: Vec<Node> = items.into_iter().map(|i| self.item_node(i, m)).collect();
        if nodes.len() == 1 {
            nodes.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(nodes)
        }
    }

    fn sort_consecutive_atoms(&self, items: &mut [AltItem], m: Mode) -> bool {
        let mut found = false;
        let mut i = 0;
        while i < items.len() {
            if !matches!(items[i], AltItem::Atom(_)) {
                i += 1;
                continue;
            }
            let start = i;
            while i < items.len() && matches!(items[i], AltItem::Atom(_)) {
                i += 1;
            }
            // Stable sort of the run by first character.
            items[start..i].sort_by_key(|it| match it {
                AltItem::Atom(c) => self.first_key(c[0], m),
                AltItem::Other(_) => u32::MAX,
            });
            if i - start > 1 {
                found = true;
            }
        }
        found
    }

    /// `ab|ac|ad` → `a(?:b|c|d)` for runs of three or more atoms sharing a first
    /// character.
    fn rationalize_consecutive_atoms(&mut self, items: Vec<AltItem>, m: Mode) -> Vec<AltItem> {
        let mut out = Vec::with_capacity(items.len());
        let mut iter = items.into_iter().peekable();
        while let Some(item) = iter.next() {
            let AltItem::Atom(first) = item else {
                out.push(item);
                continue;
            };
            let key = self.first_key(first[0], m);
            let mut run = vec![first];
            while let Some(AltItem::Atom(next)) = iter.peek() {
                if self.first_key(next[0], m) != key {
                    break;
                }
                if let Some(AltItem::Atom(next)) = iter.next() {
                    run.push(next);
                }
            }
            if run.len() <= 2 {
                out.extend(run.into_iter().map(AltItem::Atom));
                continue;
            }
            let mut prefix_len = run.iter().map(Vec::len).min().unwrap_or(1);
            for other in &run[1..] {
                for k in 1..prefix_len {
                    if run[0][k] != other[k] {
                        prefix_len = k;
                        break;
                    }
                }
            }
            let prefix = self.atom_node(&run[0][..prefix_len], m);
            let suffixes: Vec<AltItem> = run
                .iter()
                .map(|a| {
                    if a.len() == prefix_len {
                        AltItem::Other(Node::Empty)
                    } else {
                        AltItem::Atom(a[prefix_len..].to_vec())
                    }
                })
                .collect();
            let rest = self.rationalize(suffixes, m);
            out.push(AltItem::Other(Node::Seq(vec![prefix, rest])));
        }
        out
    }

    /// `b|c|z` → `[bcz]` for runs of two or more single-character atoms.
    fn fix_single_character_disjunctions(&mut self, items: Vec<AltItem>, m: Mode) -> Vec<AltItem> {
        let mut out = Vec::with_capacity(items.len());
        let mut run: Vec<u32> = Vec::new();
        let flush = |run: &mut Vec<u32>, out: &mut Vec<AltItem>, this: &mut Lower| {
            if run.len() >= 2 {
                let set = CharSet::from_ranges(run.iter().map(|&c| (c, c)).collect());
                let set = this.fold(set, m);
                out.push(AltItem::Other(Node::Set(this.intern(set))));
            } else if let Some(&c) = run.first() {
                out.push(AltItem::Atom(vec![c]));
            }
            run.clear();
        };
        for item in items {
            match item {
                AltItem::Atom(chars) if chars.len() == 1 => run.push(chars[0]),
                other => {
                    flush(&mut run, &mut out, self);
                    out.push(other);
                }
            }
        }
        flush(&mut run, &mut out, self);
        out
    }

    fn alternative(&mut self, alt: &ast::Alternative, m: Mode) -> Result<Node, String> {
        let mut v = Vec::with_capacity(alt.body.len());
        for t in &alt.body {
            match self.term(t, m)? {
                Node::Empty => {}
                Node::Seq(inner) => v.extend(inner),
                n => v.push(n),
            }
        }
        Ok(match v.len() {
            0 => Node::Empty,
            1 => v.pop().unwrap_or(Node::Empty),
            _ => Node::Seq(v),
        })
    }

    fn term(&mut self, t: &ast::Term, m: Mode) -> Result<Node, String> {
        Ok(match t {
            ast::Term::BoundaryAssertion(b) => Node::Assert(match b.kind {
                ast::BoundaryAssertionKind::Start => Assertion::Start {
                    multiline: m.multiline,
                },
                ast::BoundaryAssertionKind::End => Assertion::End {
                    multiline: m.multiline,
                },
                ast::BoundaryAssertionKind::Boundary
                | ast::BoundaryAssertionKind::NegativeBoundary => {
                    self.has_word_boundary = true;
                    Assertion::WordBoundary {
                        negated: b.kind == ast::BoundaryAssertionKind::NegativeBoundary,
                        unicode_ignore_case: self.unicode && m.ignore_case,
                    }
                }
            }),
            ast::Term::LookAroundAssertion(l) => {
                self.has_lookaround = true;
                let body = self.disjunction(&l.body, m)?;
                use ast::LookAroundAssertionKind as K;
                Node::Look(Box::new(Look {
                    body,
                    behind: matches!(l.kind, K::Lookbehind | K::NegativeLookbehind),
                    negative: matches!(l.kind, K::NegativeLookahead | K::NegativeLookbehind),
                }))
            }
            ast::Term::Quantifier(q) => {
                let before = self.next_group;
                let body = self.term(&q.body, m)?;
                let group_count = self.next_group - before;
                // V8 treats counts at or above 2^31-1 as unbounded.
                const INF: u64 = i32::MAX as u64;
                let min = q.min.min(INF) as u32;
                let max = match q.max {
                    Some(x) if x < INF => Some(x as u32),
                    _ => None,
                };
                if max == Some(0) {
                    return Ok(Node::Empty);
                }
                // V8's parser (`AddQuantifierToAtom`) drops a quantifier on an
                // atom that can only match the empty string (a lookaround, an
                // assertion group): with a minimum of 0 the atom goes too, so
                // `(?=…)*` is never evaluated; otherwise it stays, once.
                if body.max_len() == Some(0) {
                    return Ok(if min == 0 { Node::Empty } else { body });
                }
                Node::Repeat(Box::new(Repeat {
                    body,
                    min,
                    max,
                    greedy: q.greedy,
                    span: (q.span.lo.0, q.span.hi.0),
                    first_group: before + 1,
                    group_count,
                }))
            }
            ast::Term::Character(c) => self.char_node(c.value, m),
            ast::Term::Dot(_) => {
                let all = CharSet::range(0, self.max());
                let set = if m.dot_all {
                    all
                } else {
                    all.subtract(&charset::line_terminators())
                };
                Node::Set(self.intern(set))
            }
            ast::Term::CharacterClassEscape(e) => {
                let set = self.class_escape(e.kind, m);
                Node::Set(self.intern(set))
            }
            ast::Term::UnicodePropertyEscape(p) => {
                let set = self.property(p, m)?;
                Node::Set(self.intern(set))
            }
            ast::Term::CharacterClass(c) => {
                let (set, strings) = self.class(c, m)?;
                let set_node = Node::Set(self.intern(set));
                if strings.is_empty() {
                    set_node
                } else {
                    // Class strings match longest first, then single characters.
                    let mut strings = strings;
                    strings.sort_by_key(|s| std::cmp::Reverse(s.len()));
                    let mut alts: Vec<Node> = Vec::new();
                    let mut empty = false;
                    for s in strings {
                        if s.is_empty() {
                            empty = true;
                        } else {
                            alts.push(self.atom_node(&s, m));
                        }
                    }
                    alts.push(set_node);
                    if empty {
                        alts.push(Node::Empty);
                    }
                    Node::Alt(alts)
                }
            }
            ast::Term::CapturingGroup(g) => {
                self.next_group += 1;
                let index = self.next_group;
                let body = self.disjunction(&g.body, m)?;
                Node::Group {
                    index,
                    body: Box::new(body),
                }
            }
            ast::Term::IgnoreGroup(g) => {
                let mut m2 = m;
                if let Some(mods) = &g.modifiers {
                    use ast::Modifier;
                    let apply = |flag: Modifier, cur: bool| {
                        if mods.enabling.contains(flag) {
                            true
                        } else if mods.disabling.contains(flag) {
                            false
                        } else {
                            cur
                        }
                    };
                    m2.ignore_case = apply(Modifier::I, m.ignore_case);
                    m2.multiline = apply(Modifier::M, m.multiline);
                    m2.dot_all = apply(Modifier::S, m.dot_all);
                }
                self.disjunction(&g.body, m2)?
            }
            // `\1` where the pattern has no group 1 (the parser counts a
            // modifier group `(?i:…)` as one): Annex B's legacy octal escape
            // in a pattern without the `u` or `v` flag, an error with them.
            ast::Term::IndexedReference(r) if r.index > self.total_groups => {
                if self.unicode {
                    return Err(format!(
                        "\\{} refers to a group that does not exist",
                        r.index
                    ));
                }
                self.legacy_octal(r.index, m)
            }
            ast::Term::IndexedReference(r) => {
                self.has_backref = true;
                Node::BackRef {
                    groups: vec![r.index],
                    ignore_case: m.ignore_case,
                }
            }
            ast::Term::NamedReference(r) => {
                self.has_backref = true;
                let groups = self
                    .names
                    .get(r.name.as_str())
                    .cloned()
                    .ok_or_else(|| format!("unknown group name {}", r.name.as_str()))?;
                Node::BackRef {
                    groups,
                    ignore_case: m.ignore_case,
                }
            }
        })
    }

    fn class_escape(&self, kind: ast::CharacterClassEscapeKind, m: Mode) -> CharSet {
        use ast::CharacterClassEscapeKind as K;
        let max = self.max();
        let ui = self.unicode && m.ignore_case;
        match kind {
            K::D => charset::digits(),
            K::NegativeD => charset::digits().complement(max),
            K::S => charset::whitespace(),
            K::NegativeS => charset::whitespace().complement(max),
            K::W => charset::word_chars(ui),
            K::NegativeW => charset::word_chars(ui).complement(max),
        }
    }

    fn property(&self, p: &ast::UnicodePropertyEscape, m: Mode) -> Result<CharSet, String> {
        // Properties of strings (`\p{RGI_Emoji}` in `v` mode) parse fine, but
        // neither swc nor `regex-syntax` carries their string lists, so the
        // pattern cannot be modelled.
        if p.strings {
            return Err(format!(
                "Unicode property of strings \\p{{{}}} is not supported",
                p.name.as_str()
            ));
        }
        let set = unicode::property(p.name.as_str(), p.value.as_ref().map(|v| v.as_str()))?;
        let set = self.fold(set, m);
        Ok(if p.negative {
            set.complement(self.max())
        } else {
            set
        })
    }

    /// Returns the class's characters and, in `v` mode, its multi-character strings.
    fn class(
        &mut self,
        c: &ast::CharacterClass,
        m: Mode,
    ) -> Result<(CharSet, Vec<Vec<u32>>), String> {
        let mut parts: Vec<(CharSet, Vec<Vec<u32>>)> = Vec::with_capacity(c.body.len());
        for item in &c.body {
            parts.push(match item {
                ast::CharacterClassContents::CharacterClassRange(r) => {
                    (CharSet::range(r.min.value, r.max.value), Vec::new())
                }
                ast::CharacterClassContents::CharacterClassEscape(e) => {
                    (self.class_escape(e.kind, m), Vec::new())
                }
                ast::CharacterClassContents::UnicodePropertyEscape(p) => {
                    (self.property(p, m)?, Vec::new())
                }
                ast::CharacterClassContents::Character(ch) => {
                    (CharSet::single(ch.value), Vec::new())
                }
                ast::CharacterClassContents::NestedCharacterClass(n) => self.class(n, m)?,
                ast::CharacterClassContents::ClassStringDisjunction(d) => {
                    let mut set = CharSet::empty();
                    let mut strings = Vec::new();
                    for s in &d.body {
                        if s.body.len() == 1 {
                            set = set.union(&CharSet::single(s.body[0].value));
                        } else {
                            strings.push(s.body.iter().map(|ch| ch.value).collect());
                        }
                    }
                    (set, strings)
                }
            });
        }
        let (mut set, mut strings) = match c.kind {
            ast::CharacterClassContentsKind::Union => {
                let mut set = CharSet::empty();
                let mut strings = Vec::new();
                for (s, st) in parts {
                    set = set.union(&s);
                    strings.extend(st);
                }
                (set, strings)
            }
            // `v`-mode set operations act on the single characters; the
            // multi-character strings of `\q{…}` operands are dropped here, an
            // under-approximation of such classes (rare in practice).
            ast::CharacterClassContentsKind::Intersection => {
                let mut it = parts.into_iter();
                let mut set = it.next().map(|p| p.0).unwrap_or_default();
                for (s, _) in it {
                    set = set.intersect(&s);
                }
                (set, Vec::new())
            }
            ast::CharacterClassContentsKind::Subtraction => {
                let mut it = parts.into_iter();
                let mut set = it.next().map(|p| p.0).unwrap_or_default();
                for (s, _) in it {
                    set = set.subtract(&s);
                }
                (set, Vec::new())
            }
        };
        set = self.fold(set, m);
        if c.negative {
            set = set.complement(self.max());
            strings.clear();
        }
        if !self.unicode_sets {
            strings.clear();
        }
        Ok((set.clamp_to(self.max()), strings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(p: &str, f: &str) -> Regex {
        parse(p, &RegexFlags::parse(f).unwrap(), &Budget::default()).unwrap()
    }

    fn set_of(r: &Regex, n: &Node) -> CharSet {
        match n {
            Node::Set(id) => r.sets[*id as usize].clone(),
            other => panic!("not a set: {other:?}"),
        }
    }

    #[test]
    fn lowers_sequences_and_classes() {
        let r = lower(r"a[b-d]\d", "");
        let Node::Seq(v) = &r.root else { panic!() };
        assert_eq!(v.len(), 3);
        assert_eq!(set_of(&r, &v[1]).ranges(), &[(98, 100)]);
        assert_eq!(set_of(&r, &v[2]).ranges(), &[(48, 57)]);
    }

    #[test]
    fn case_insensitive_and_negated_classes() {
        let r = lower("[^a]", "i");
        let s = set_of(&r, &r.root);
        assert!(!s.contains('a' as u32) && !s.contains('A' as u32) && s.contains('b' as u32));
        let r = lower(".", "");
        let s = set_of(&r, &r.root);
        assert!(!s.contains(10) && s.contains(0xFFFF) && !s.contains(0x10000));
        let r = lower(".", "su");
        assert!(set_of(&r, &r.root).contains(0x10FFFF));
    }

    #[test]
    fn annex_b_forms() {
        for p in [
            r"\033\[",
            r"a{",
            r"]",
            r"[\w-a]",
            r"\c",
            r"{1,",
            r"\8",
            r"[\0-')-\uffff]",
        ] {
            assert!(
                parse(p, &RegexFlags::default(), &Budget::default()).is_ok(),
                "{p}"
            );
        }
        assert!(parse(r"a{", &RegexFlags::parse("u").unwrap(), &Budget::default()).is_err());
        assert!(parse(r"(", &RegexFlags::default(), &Budget::default()).is_err());
    }

    #[test]
    fn groups_are_numbered_in_paren_order() {
        let r = lower(r"((a)(?<n>b))\k<n>", "");
        assert_eq!(r.group_count, 3);
        let Node::Seq(v) = &r.root else { panic!() };
        assert_eq!(
            v[1],
            Node::BackRef {
                groups: vec![3],
                ignore_case: false
            }
        );
    }

    #[test]
    fn v8_merges_single_character_alternatives() {
        // `a|b|a` becomes one class: no ambiguity left.
        let r = lower("a|b|a", "");
        let s = set_of(&r, &r.root);
        assert_eq!(s.ranges(), &[(97, 98)]);
        // Two alternatives are left alone.
        let r = lower("a|a", "");
        assert!(matches!(r.root, Node::Alt(ref v) if v.len() == 2));
        // Common prefixes of three or more atoms are factored out.
        let r = lower("ab|ac|ad|x", "");
        let Node::Alt(v) = &r.root else { panic!() };
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn quantified_zero_width_atoms_follow_v8() {
        assert_eq!(lower("(?=a)*", "").root, Node::Empty);
        assert!(matches!(lower("(?=a){2}", "").root, Node::Look(_)));
        assert_eq!(lower("(?:^){0,3}", "").root, Node::Empty);
    }

    #[test]
    fn modifiers_and_v_mode() {
        let r = lower("(?i:a)", "");
        assert!(set_of(&r, &r.root).contains('A' as u32));
        let r = lower(r"[\w--\d]", "v");
        let s = set_of(&r, &r.root);
        assert!(s.contains('a' as u32) && !s.contains('1' as u32));
        let r = lower(r"[\q{abc|d}x]", "v");
        assert!(matches!(r.root, Node::Alt(_)));
    }

    /// A modifier group captures nothing, so `\1` after it names no group:
    /// a legacy octal escape without `u` (Annex B), an error with it. (The
    /// parser counts the modifier group; a backreference to a group with no
    /// slot once panicked in the matcher.)
    #[test]
    fn a_reference_to_no_group_is_a_legacy_octal_escape() {
        let r = lower(r"(?i:a\1)", "");
        assert_eq!(r.group_count, 0);
        assert!(!r.has_backref);
        let Node::Seq(v) = &r.root else {
            panic!("{:?}", r.root)
        };
        assert!(set_of(&r, &v[1]).contains(1));
        // `\18`: `\1` then `8`; `\42` is one character.
        let r = lower(r"(?:x\18)", "");
        let Node::Seq(v) = &r.root else {
            panic!("{:?}", r.root)
        };
        assert_eq!(v.len(), 3);
        assert!(set_of(&r, &v[2]).contains('8' as u32));
        let r = lower(r"(?:x\42)", "");
        let Node::Seq(v) = &r.root else {
            panic!("{:?}", r.root)
        };
        assert!(set_of(&r, &v[1]).contains(0o42));
        let flags = RegexFlags::parse("u").unwrap();
        assert!(parse(r"(?i:a\1)", &flags, &Budget::default()).is_err());
    }

    #[test]
    fn rejects_deep_nesting_without_recursing() {
        let p = "(".repeat(1_000) + &")".repeat(1_000);
        assert!(parse(&p, &RegexFlags::default(), &Budget::default()).is_err());
    }
}
