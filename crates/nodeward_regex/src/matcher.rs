//! A step-counting backtracking matcher with JavaScript semantics.
//!
//! It is the judge of every candidate attack: a vulnerability is reported only
//! when the number of steps this matcher takes grows exponentially or
//! polynomially with the pump count. It explores exactly the tree Irregexp
//! explores (ordered alternatives, greedy/lazy loops, counters, the empty check,
//! atomic lookarounds, backreferences) and it runs the same outer search: V8
//! prefixes unanchored patterns with a lazy `.*?`, so `test` tries every start
//! position until one matches, `replace` with `g` keeps searching after each
//! match, and `y` tries only at `lastIndex`.
//!
//! One step is one instruction dispatch or one backtrack; the count tracks V8's
//! running time up to a constant factor. The backtrack stack is explicit, so deep
//! inputs cannot overflow the native stack.
//!
//! Like V8, subjects made only of Latin-1 characters run a pruned program in
//! which branches needing a character above U+00FF are removed (see
//! `compile::one_byte_variant`): on them `\w+\u200D` fails at once.

use crate::compile::{Inst, Program, NO_REG};
use crate::ir::Assertion;
use crate::unicode;

const UNSET: usize = usize::MAX;

/// How the regex is applied to the subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Search {
    /// `test`/`exec`/`match` without `g`: first match wins.
    First,
    /// `replace`/`match`/`split` with `g`: search again after every match.
    All,
    /// `y` without `g`: one attempt at position 0.
    Sticky,
    /// `g` and `y`: consecutive attempts, stopping at the first failure.
    StickyAll,
}

impl Search {
    pub fn from_flags(global: bool, sticky: bool) -> Search {
        match (global, sticky) {
            (false, false) => Search::First,
            (true, false) => Search::All,
            (false, true) => Search::Sticky,
            (true, true) => Search::StickyAll,
        }
    }
}

/// Result of running a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub steps: u64,
    /// The step limit was reached before the search finished.
    pub exhausted: bool,
    /// Number of matches found (at most one for `First`/`Sticky`).
    pub matches: usize,
}

enum Attempt {
    Match(usize),
    NoMatch,
    Exhausted,
}

#[derive(Clone, Copy)]
enum Frame {
    Choice {
        pc: u32,
        pos: usize,
    },
    Slot {
        slot: u32,
        old: usize,
    },
    Reg {
        reg: u32,
        old: usize,
    },
    Look {
        pos: usize,
        end: u32,
        negative: bool,
    },
}

pub struct Matcher<'p> {
    prog: &'p Program,
    input: &'p [u32],
    slots: Vec<usize>,
    regs: Vec<usize>,
    stack: Vec<Frame>,
    looks: Vec<usize>,
    steps: u64,
    limit: u64,
}

/// Converts a string to the characters the regex sees: UTF-16 code units, or code
/// points in unicode mode.
pub fn to_units(s: &str, unicode: bool) -> Vec<u32> {
    if unicode {
        s.chars().map(|c| c as u32).collect()
    } else {
        s.encode_utf16().map(u32::from).collect()
    }
}

/// Runs `prog` over `input` as `search` does, stopping after `limit` steps.
pub fn run(prog: &Program, input: &[u32], search: Search, limit: u64) -> Run {
    // One-byte subjects get V8's pruned program.
    let prog = match &prog.one_byte {
        Some(ob) if input.iter().all(|&c| c <= 0xFF) => ob,
        _ => prog,
    };
    let mut m = Matcher::new(prog, input, limit);
    let mut matches = 0;
    let len = input.len();
    let mut from = 0usize;
    loop {
        // One search from `from`: every start position unless sticky or anchored.
        let mut found = None;
        let mut start = from;
        if let (Some(m), Search::First | Search::All) = (prog.from_end, search) {
            start = start.max(len.saturating_sub(m));
        }
        loop {
            match m.attempt(start) {
                Attempt::Match(end) => {
                    found = Some((start, end));
                    break;
                }
                Attempt::Exhausted => {
                    return Run {
                        steps: m.steps,
                        exhausted: true,
                        matches,
                    }
                }
                Attempt::NoMatch => {}
            }
            let searching = matches!(search, Search::First | Search::All) && !prog.anchored;
            if !searching || start >= len {
                break;
            }
            start += 1;
            m.steps += 1; // the `.*?` prefix loop consuming one character
        }
        let Some((s, e)) = found else { break };
        matches += 1;
        if matches!(search, Search::First | Search::Sticky) {
            break;
        }
        from = if e == s { e + 1 } else { e };
        if from > len {
            break;
        }
    }
    Run {
        steps: m.steps,
        exhausted: false,
        matches,
    }
}

/// Each group's span (group 0: the whole match) of one match.
pub type Captures = Vec<Option<(usize, usize)>>;

/// `exec` spent its step limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepLimit;

/// The first match at or after `from`, as JavaScript's `exec` finds it (only
/// at `from` when `sticky`); `Err` once `limit` steps are spent.
pub fn exec(
    prog: &Program,
    input: &[u32],
    from: usize,
    sticky: bool,
    limit: u64,
) -> Result<Option<Captures>, StepLimit> {
    let mut m = Matcher::new(prog, input, limit);
    for start in from..=input.len() {
        match m.attempt(start) {
            Attempt::Match(_) => {
                return Ok(Some(
                    (0..prog.slot_count / 2)
                        .map(|g| {
                            let (a, b) = (m.slots[2 * g], m.slots[2 * g + 1]);
                            (a != UNSET && b != UNSET).then_some((a, b))
                        })
                        .collect(),
                ));
            }
            Attempt::Exhausted => return Err(StepLimit),
            Attempt::NoMatch => {}
        }
        if sticky || prog.anchored {
            break;
        }
    }
    Ok(None)
}

/// A matcher's buffers, kept for the next one on the thread: the
/// equivalence check runs thousands of short matches, where allocating
/// them each time costs more than matching.
type Buffers = (Vec<usize>, Vec<usize>, Vec<Frame>, Vec<usize>);

thread_local! {
    static SPARE: std::cell::Cell<Option<Buffers>> = const { std::cell::Cell::new(None) };
}

impl<'p> Matcher<'p> {
    fn new(prog: &'p Program, input: &'p [u32], limit: u64) -> Matcher<'p> {
        let (mut slots, mut regs, mut stack, mut looks) = SPARE.take().unwrap_or_default();
        slots.clear();
        slots.resize(prog.slot_count, UNSET);
        regs.clear();
        regs.resize(prog.reg_count, 0);
        stack.clear();
        looks.clear();
        Matcher {
            prog,
            input,
            slots,
            regs,
            stack,
            looks,
            steps: 0,
            limit,
        }
    }

    fn attempt(&mut self, start: usize) -> Attempt {
        self.slots.iter_mut().for_each(|s| *s = UNSET);
        self.stack.clear();
        self.looks.clear();
        let insts = &self.prog.insts;
        let input = self.input;
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            self.steps += 1;
            if self.steps > self.limit {
                return Attempt::Exhausted;
            }
            let ok = match &insts[pc] {
                Inst::Set { set, back } => {
                    let s = &self.prog.sets[*set as usize];
                    if *back {
                        if pos > 0 && s.contains(input[pos - 1]) {
                            pos -= 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    } else if pos < input.len() && s.contains(input[pos]) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split { first, second } => {
                    self.stack.push(Frame::Choice { pc: *second, pos });
                    pc = *first as usize;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t as usize;
                    true
                }
                Inst::Save(slot) => {
                    let old = self.slots[*slot as usize];
                    self.stack.push(Frame::Slot { slot: *slot, old });
                    self.slots[*slot as usize] = pos;
                    pc += 1;
                    true
                }
                Inst::ClearSlots { from, to } => {
                    for slot in *from..*to {
                        let old = self.slots[slot as usize];
                        if old != UNSET {
                            self.stack.push(Frame::Slot { slot, old });
                            self.slots[slot as usize] = UNSET;
                        }
                    }
                    pc += 1;
                    true
                }
                Inst::Assert(a) => {
                    if assertion_holds(*a, input, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::BackRef {
                    groups,
                    ignore_case,
                    back,
                } => match self.backref(groups, *ignore_case, *back, pos) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::CounterInit(reg) => {
                    self.set_reg(*reg, 0);
                    pc += 1;
                    true
                }
                Inst::LoopHead {
                    reg,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let count = self.regs[*reg as usize];
                    if max.is_some_and(|m| count >= m as usize) {
                        pc = *exit as usize;
                    } else if count < *min as usize {
                        pc += 1;
                    } else if *greedy {
                        self.stack.push(Frame::Choice { pc: *exit, pos });
                        pc += 1;
                    } else {
                        self.stack.push(Frame::Choice {
                            pc: pc as u32 + 1,
                            pos,
                        });
                        pc = *exit as usize;
                    }
                    true
                }
                Inst::IterStart(reg) => {
                    self.set_reg(*reg, pos);
                    pc += 1;
                    true
                }
                Inst::IterEnd {
                    count_reg,
                    pos_reg,
                    min,
                    head,
                } => {
                    let count = self.regs[*count_reg as usize];
                    if *pos_reg != NO_REG
                        && count >= *min as usize
                        && self.regs[*pos_reg as usize] == pos
                    {
                        false
                    } else {
                        self.set_reg(*count_reg, count + 1);
                        pc = *head as usize;
                        true
                    }
                }
                Inst::LookStart {
                    negative,
                    end,
                    guard,
                } => {
                    // V8 checks that the continuation can start here before
                    // running a negative lookaround's body; if not, it fails.
                    let blocked =
                        guard.is_some_and(|g| !self.prog.guards[g as usize].passes(input, pos));
                    if !blocked {
                        self.looks.push(self.stack.len());
                        self.stack.push(Frame::Look {
                            pos,
                            end: *end,
                            negative: *negative,
                        });
                        pc += 1;
                    }
                    !blocked
                }
                Inst::LookEnd => {
                    let Some(idx) = self.looks.pop() else {
                        return Attempt::NoMatch;
                    };
                    let Frame::Look {
                        pos: saved,
                        end,
                        negative,
                    } = self.stack[idx]
                    else {
                        return Attempt::NoMatch;
                    };
                    if negative {
                        // The body matched, so the assertion fails: undo the body.
                        while self.stack.len() > idx + 1 {
                            if let Some(f) = self.stack.pop() {
                                self.undo(f);
                            }
                        }
                        self.stack.pop();
                        false
                    } else {
                        // Lookarounds are atomic: drop the body's choice points but
                        // keep its capture undo records.
                        let mut w = idx;
                        for r in idx + 1..self.stack.len() {
                            if matches!(self.stack[r], Frame::Slot { .. } | Frame::Reg { .. }) {
                                self.stack[w] = self.stack[r];
                                w += 1;
                            }
                        }
                        self.stack.truncate(w);
                        pos = saved;
                        pc = end as usize;
                        true
                    }
                }
                Inst::Match => return Attempt::Match(pos),
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                match self.stack.pop() {
                    None => return Attempt::NoMatch,
                    Some(Frame::Choice { pc: p, pos: q }) => {
                        self.steps += 1;
                        pc = p as usize;
                        pos = q;
                        break;
                    }
                    Some(Frame::Look {
                        pos: saved,
                        end,
                        negative,
                    }) => {
                        self.looks.pop();
                        if negative {
                            pos = saved;
                            pc = end as usize;
                            break;
                        }
                    }
                    Some(f) => self.undo(f),
                }
            }
        }
    }

    fn undo(&mut self, f: Frame) {
        match f {
            Frame::Slot { slot, old } => self.slots[slot as usize] = old,
            Frame::Reg { reg, old } => self.regs[reg as usize] = old,
            Frame::Choice { .. } | Frame::Look { .. } => {}
        }
    }

    fn set_reg(&mut self, reg: u32, value: usize) {
        let old = self.regs[reg as usize];
        self.stack.push(Frame::Reg { reg, old });
        self.regs[reg as usize] = value;
    }

    fn backref(
        &mut self,
        groups: &[u32],
        ignore_case: bool,
        back: bool,
        pos: usize,
    ) -> Option<usize> {
        let input = self.input;
        let captured = groups.iter().find_map(|&g| {
            let (s, e) = (self.slots[2 * g as usize], self.slots[2 * g as usize + 1]);
            (s != UNSET && e != UNSET && s <= e).then_some((s, e))
        });
        let Some((s, e)) = captured else {
            return Some(pos);
        };
        let len = e - s;
        let from = if back {
            pos.checked_sub(len)?
        } else {
            if pos + len > input.len() {
                return None;
            }
            pos
        };
        self.steps += len as u64;
        for k in 0..len {
            let (a, b) = (input[s + k], input[from + k]);
            if a != b && !(ignore_case && unicode::fold_eq(a, b, self.prog.unicode)) {
                return None;
            }
        }
        Some(if back { from } else { pos + len })
    }
}

impl Drop for Matcher<'_> {
    fn drop(&mut self) {
        // A deep search's stack is not kept: it would hold its memory.
        if self.stack.capacity() <= 1 << 16 {
            let buffers = (
                std::mem::take(&mut self.slots),
                std::mem::take(&mut self.regs),
                std::mem::take(&mut self.stack),
                std::mem::take(&mut self.looks),
            );
            SPARE.set(Some(buffers));
        }
    }
}

fn is_line_terminator(c: u32) -> bool {
    matches!(c, 0x0A | 0x0D | 0x2028 | 0x2029)
}

fn is_word(c: u32, unicode_ignore_case: bool) -> bool {
    matches!(c, 0x30..=0x39 | 0x41..=0x5A | 0x5F | 0x61..=0x7A)
        || (unicode_ignore_case && (c == 0x017F || c == 0x212A))
}

fn assertion_holds(a: Assertion, input: &[u32], pos: usize) -> bool {
    match a {
        Assertion::Start { multiline } => {
            pos == 0 || (multiline && is_line_terminator(input[pos - 1]))
        }
        Assertion::End { multiline } => {
            pos == input.len() || (multiline && is_line_terminator(input[pos]))
        }
        Assertion::WordBoundary {
            negated,
            unicode_ignore_case,
        } => {
            let a = pos > 0 && is_word(input[pos - 1], unicode_ignore_case);
            let b = pos < input.len() && is_word(input[pos], unicode_ignore_case);
            (a != b) != negated
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;
    use crate::flags::RegexFlags;
    use crate::parse::parse;

    fn prog(p: &str, f: &str) -> Program {
        let flags = RegexFlags::parse(f).unwrap();
        Program::compile(&parse(p, &flags, &Budget::default()).unwrap())
    }

    /// Returns the first match as (start, end) with all capture slots.
    fn exec(p: &str, f: &str, s: &str) -> Option<Vec<Option<(usize, usize)>>> {
        let pr = prog(p, f);
        let input = to_units(s, pr.unicode);
        super::exec(&pr, &input, 0, false, 10_000_000).unwrap()
    }

    fn whole(p: &str, f: &str, s: &str) -> Option<(usize, usize)> {
        exec(p, f, s).map(|v| v[0].unwrap())
    }

    #[test]
    fn agrees_with_javascript_on_a_table() {
        // (pattern, flags, input, expected whole match span as in JavaScript)
        type Case<'a> = (&'a str, &'a str, &'a str, Option<(usize, usize)>);
        let table: &[Case] = &[
            ("abc", "", "xxabcx", Some((2, 5))),
            ("a|ab", "", "ab", Some((0, 1))),
            ("a*?b", "", "aab", Some((0, 3))),
            ("a+?", "", "aaa", Some((0, 1))),
            ("a{2,3}", "", "aaaa", Some((0, 3))),
            ("a{2,3}?", "", "aaaa", Some((0, 2))),
            ("a{2}", "", "a", None),
            ("^b", "", "ab", None),
            ("^b", "m", "a\nb", Some((2, 3))),
            ("a$", "", "a\n", None),
            ("a$", "m", "a\nb", Some((0, 1))),
            (r"\bfoo\b", "", "a foo b", Some((2, 5))),
            (r"\Boo", "", "foo", Some((1, 3))),
            ("(a*)*b", "", "aab", Some((0, 3))),
            ("(a*)+$", "", "b", Some((1, 1))),
            ("(?=(a+))a*b", "", "aaab", Some((0, 4))),
            ("(?!a)\\w", "", "ab", Some((1, 2))),
            ("(?<=a)b", "", "ab", Some((1, 2))),
            ("(?<!a)b", "", "abcb", Some((3, 4))),
            ("(a)\\1", "", "xaa", Some((1, 3))),
            ("(a)\\1", "i", "aA", Some((0, 2))),
            ("\\1(a)", "", "a", Some((0, 1))),
            ("(?<n>.)\\k<n>", "", "abb", Some((1, 3))),
            ("[^]", "", "\n", Some((0, 1))),
            (".", "", "\n", None),
            (".", "s", "\n", Some((0, 1))),
            ("ß", "i", "ẞ", None),
            ("ß", "iu", "ẞ", Some((0, 1))),
            ("k", "i", "\u{212a}", None),
            ("k", "iu", "\u{212a}", Some((0, 1))),
            ("[^k]", "i", "K", None),
            (r"\w", "iu", "\u{17f}", Some((0, 1))),
            (r"[\u00e0-\u00ff]", "i", "\u{c0}", Some((0, 1))),
            (".", "", "😀", Some((0, 1))),
            (".", "u", "😀", Some((0, 1))),
            ("^.$", "", "😀", None),
            ("^.$", "u", "😀", Some((0, 1))),
            ("(?:a|b)*c", "", "ababx", None),
            ("(?:)", "", "", Some((0, 0))),
            ("x*", "", "", Some((0, 0))),
            ("(?<=\\d{2})x", "", "1x22x", Some((4, 5))),
            ("(?i:a)b", "", "Ab", Some((0, 2))),
            ("(?i:a)b", "", "AB", None),
            ("[\\w-]+", "", "a-b c", Some((0, 3))),
            ("\\033\\[", "", "\u{1b}[", Some((0, 2))),
        ];
        for &(p, f, s, want) in table {
            assert_eq!(whole(p, f, s), want, "/{p}/{f} on {s:?}");
        }
    }

    #[test]
    fn captures_follow_the_spec() {
        // Captures inside a quantified group are reset every iteration.
        let c = exec("(?:(a)|b)+", "", "ab").unwrap();
        assert_eq!(c[1], None);
        let c = exec("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac").unwrap();
        assert_eq!(c[0], Some((0, 10)));
        assert_eq!(c[3], Some((8, 9)));
        assert_eq!(c[4], None);
        // Lookbehind captures are filled right to left.
        let c = exec("(?<=(\\d+)(\\d+))$", "", "1053").unwrap();
        assert_eq!(c[1], Some((0, 1)));
        assert_eq!(c[2], Some((1, 4)));
    }

    fn steps(p: &str, f: &str, s: &str) -> u64 {
        let flags = RegexFlags::parse(f).unwrap();
        let pr = prog(p, f);
        let input = to_units(s, pr.unicode);
        run(
            &pr,
            &input,
            Search::from_flags(flags.global, flags.sticky),
            u64::MAX,
        )
        .steps
    }

    #[test]
    fn nested_quantifier_steps_grow_exponentially() {
        let s: Vec<u64> = (10..=16)
            .map(|n| steps("(a+)+$", "", &("a".repeat(n) + "!")))
            .collect();
        for w in s.windows(2) {
            let r = w[1] as f64 / w[0] as f64;
            assert!(r > 1.8 && r < 2.2, "{s:?}");
        }
    }

    #[test]
    fn search_loop_makes_trailing_whitespace_quadratic() {
        let a = steps(r"\s+$", "", &(String::from("x") + &" ".repeat(500) + "x"));
        let b = steps(r"\s+$", "", &(String::from("x") + &" ".repeat(1000) + "x"));
        let r = b as f64 / a as f64;
        assert!(r > 3.5 && r < 4.5, "{a} {b}");
        // Anchored at start: V8 adds no search loop, so it is linear.
        let a = steps(r"^\s+$", "", &(" ".repeat(500) + "x"));
        let b = steps(r"^\s+$", "", &(" ".repeat(1000) + "x"));
        let r = b as f64 / a as f64;
        assert!(r > 1.8 && r < 2.2, "{a} {b}");
    }

    #[test]
    fn global_search_continues_after_matches() {
        let pr = prog("a", "g");
        let input = to_units("banana", false);
        assert_eq!(run(&pr, &input, Search::All, u64::MAX).matches, 3);
        assert_eq!(run(&pr, &input, Search::First, u64::MAX).matches, 1);
        assert_eq!(run(&pr, &input, Search::Sticky, u64::MAX).matches, 0);
        let pr = prog("", "g");
        assert_eq!(run(&pr, &input, Search::All, u64::MAX).matches, 7);
    }

    #[test]
    fn one_byte_subjects_skip_impossible_branches() {
        // V8 prunes `\w+\u200D` for Latin-1 subjects; a two-byte subject
        // brings the quadratic search back.
        let one = |n: usize| steps(r"\w+\u200D", "", &"a".repeat(n));
        let two = |n: usize| steps(r"\w+\u200D", "", &("a".repeat(n) + "\u{100}"));
        assert!(one(4000) < 3 * one(2000), "linear on one-byte subjects");
        let r = two(1000) as f64 / two(500) as f64;
        assert!(r > 3.5, "{r}");
        // Results do not change: the pruned branch cannot match Latin-1 text.
        assert_eq!(whole(r"\w+\u200D|a", "", "xa"), Some((1, 2)));
        assert_eq!(whole(r"(?!\u0100)a", "", "a"), Some((0, 1)));
    }

    #[test]
    fn negative_lookaround_quick_check() {
        // The continuation `x` cannot start on `aaaa…`, so V8 never runs the
        // lookahead body: linear. Without the `x` it is quadratic.
        let guarded = |n: usize| steps("[a-z](?!.+[ab])x", "", &"a".repeat(n));
        let r = guarded(2000) as f64 / guarded(1000) as f64;
        assert!(r < 2.5, "{r}");
        let open = |n: usize| steps("[a-z](?!.+[ab])", "", &"a".repeat(n));
        let r = open(2000) as f64 / open(1000) as f64;
        assert!(r > 3.5, "{r}");
        // Results are unchanged.
        assert_eq!(whole("a(?!b)c", "", "ac"), Some((0, 2)));
        assert_eq!(whole("a(?!b)c", "", "abc"), None);
    }

    #[test]
    fn end_anchored_bounded_patterns_search_from_the_end() {
        // `max_match` is 2, so V8 only tries the last positions.
        let a = steps(r#"(?![0-9]*")0{1,2}$"#, "", &"0".repeat(1000));
        let b = steps(r#"(?![0-9]*")0{1,2}$"#, "", &"0".repeat(2000));
        assert!(b < 3 * a, "{a} {b}");
        // Multiline `$` is not an end anchor: quadratic.
        let a = steps(r#"(?![0-9]*")0{1,2}$"#, "m", &"0".repeat(1000));
        let b = steps(r#"(?![0-9]*")0{1,2}$"#, "m", &"0".repeat(2000));
        assert!(b > 3 * a, "{a} {b}");
        assert_eq!(whole("a{1,2}$", "", "xaaa"), Some((2, 4)));
    }

    #[test]
    fn step_limit_stops_the_run() {
        let pr = prog("(a+)+$", "");
        let input = to_units(&("a".repeat(40) + "!"), false);
        let r = run(&pr, &input, Search::First, 100_000);
        assert!(r.exhausted && r.steps <= 100_010);
    }
}
