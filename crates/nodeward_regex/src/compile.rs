//! Compiles the IR to the bytecode run by [`crate::matcher`].
//!
//! The instruction set mirrors the ECMAScript `RepeatMatcher` semantics that V8
//! implements: ordered alternation, greedy and lazy loops, `{n,m}` counters,
//! captures reset at the start of every iteration, and the empty check that
//! rejects an iteration beyond the minimum that consumed nothing. Lookbehind
//! bodies are compiled to run right-to-left, as V8 does.

use crate::charset::CharSet;
use crate::ir::{Assertion, Node, Regex, SetId};
use crate::quick_check::{self, Guard};

pub const NO_REG: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub enum Inst {
    /// Consume one character in the set (moving left when `back`).
    Set {
        set: SetId,
        back: bool,
    },
    /// Try `first`; on failure resume at `second`.
    Split {
        first: u32,
        second: u32,
    },
    Jmp(u32),
    /// Record the position in a capture slot.
    Save(u32),
    /// Reset capture slots `from..to`.
    ClearSlots {
        from: u32,
        to: u32,
    },
    Assert(Assertion),
    BackRef {
        groups: Box<[u32]>,
        ignore_case: bool,
        back: bool,
    },
    /// Set a loop counter to zero.
    CounterInit(u32),
    /// Loop decision; the body starts at the next instruction.
    LoopHead {
        reg: u32,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        exit: u32,
    },
    /// Remember where the current iteration started (for the empty check).
    IterStart(u32),
    /// End of an iteration: empty check, increment, jump back to the head.
    IterEnd {
        count_reg: u32,
        pos_reg: u32,
        min: u32,
        head: u32,
    },
    /// Start of a lookaround; the body follows, `end` is after its `LookEnd`.
    /// A negative lookaround may carry V8's quick check of its continuation
    /// (an index into `Program::guards`).
    LookStart {
        negative: bool,
        end: u32,
        guard: Option<u32>,
    },
    LookEnd,
    Match,
}

/// A character set with an ASCII bitmap for the common case.
#[derive(Clone, Debug)]
pub struct MatchSet {
    ascii: u128,
    set: CharSet,
}

impl MatchSet {
    fn new(set: &CharSet) -> MatchSet {
        let mut ascii = 0u128;
        for &(lo, hi) in set.ranges() {
            if lo >= 128 {
                break;
            }
            for c in lo..=hi.min(127) {
                ascii |= 1u128 << c;
            }
        }
        MatchSet {
            ascii,
            set: set.clone(),
        }
    }

    pub fn chars(&self) -> &CharSet {
        &self.set
    }

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 128 {
            self.ascii >> c & 1 == 1
        } else {
            self.set.contains(c)
        }
    }
}

#[derive(Clone, Debug)]
pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<MatchSet>,
    pub slot_count: usize,
    pub reg_count: usize,
    /// V8 omits its implicit `.*?` search loop for these.
    pub anchored: bool,
    /// For patterns anchored at the end with a bounded match length, V8
    /// starts searching that many characters before the end
    /// (`SetCurrentPositionFromEnd`).
    pub from_end: Option<usize>,
    pub unicode: bool,
    /// The program V8 runs on one-byte (Latin-1) subjects, when it differs.
    pub one_byte: Option<Box<Program>>,
    /// Quick checks of negative lookaround continuations.
    pub guards: Vec<Guard>,
}

impl Program {
    /// Compiles `re`, plus the variant V8 uses for one-byte subjects.
    pub fn compile(re: &Regex) -> Program {
        let mut p = Program::compile_one(re);
        if let Some(ob) = one_byte_variant(re) {
            p.one_byte = Some(Box::new(Program::compile_one(&ob)));
        }
        p
    }

    fn compile_one(re: &Regex) -> Program {
        let mut c = Compiler {
            insts: Vec::new(),
            regs: 0,
        };
        c.insts.push(Inst::Save(0));
        c.emit(&re.root, false);
        c.insts.push(Inst::Save(1));
        c.insts.push(Inst::Match);
        let sets: Vec<MatchSet> = re.sets.iter().map(MatchSet::new).collect();
        let mut guards = Vec::new();
        for i in 0..c.insts.len() {
            if let Inst::LookStart {
                negative: true,
                end,
                ..
            } = c.insts[i]
            {
                if let Some(g) = quick_check::guard(&c.insts, &sets, end) {
                    guards.push(g);
                    if let Inst::LookStart { guard, .. } = &mut c.insts[i] {
                        *guard = Some(guards.len() as u32 - 1);
                    }
                }
            }
        }
        Program {
            insts: c.insts,
            sets,
            guards,
            slot_count: 2 * (re.group_count as usize + 1),
            reg_count: c.regs as usize,
            anchored: re.root.anchored_at_start(),
            from_end: if re.root.anchored_at_end() && !re.root.anchored_at_start() {
                re.root.max_len().map(|m| m.min(usize::MAX as u64) as usize)
            } else {
                None
            },
            unicode: re.unicode,
            one_byte: None,
        }
    }
}

/// V8 compiles a separate matcher for one-byte (Latin-1) subject strings and
/// removes from it every branch that needs a character above U+00FF
/// (`RegExpNode::FilterOneByte`). On such subjects `\w+\u200D` fails at once
/// instead of backtracking, so step counts must come from the pruned pattern.
/// Returns `None` when nothing is pruned.
pub fn one_byte_variant(re: &Regex) -> Option<Regex> {
    let latin1 = CharSet::range(0, 0xFF);
    let dead: Vec<bool> = re.sets.iter().map(|s| !s.intersects(&latin1)).collect();
    if !dead.iter().any(|&d| d) {
        return None;
    }
    let mut out = re.clone();
    out.root = match prune(&re.root, &dead) {
        Some(n) => n,
        None => {
            // Nothing can match: a character from the empty set.
            out.sets.push(CharSet::empty());
            Node::Set(out.sets.len() as SetId - 1)
        }
    };
    (out.root != re.root).then_some(out)
}

/// The node without its impossible branches; `None` when it cannot match.
fn prune(n: &Node, dead: &[bool]) -> Option<Node> {
    Some(match n {
        Node::Set(s) => {
            if dead[*s as usize] {
                return None;
            }
            n.clone()
        }
        Node::Seq(v) => Node::Seq(
            v.iter()
                .map(|c| prune(c, dead))
                .collect::<Option<Vec<_>>>()?,
        ),
        Node::Alt(v) => {
            let mut alive: Vec<Node> = v.iter().filter_map(|c| prune(c, dead)).collect();
            match alive.len() {
                0 => return None,
                1 => alive.pop()?,
                _ => Node::Alt(alive),
            }
        }
        Node::Repeat(r) => match prune(&r.body, dead) {
            Some(body) => Node::Repeat(Box::new(crate::ir::Repeat {
                body,
                ..(**r).clone()
            })),
            None if r.min == 0 => Node::Empty,
            None => return None,
        },
        Node::Group { index, body } => Node::Group {
            index: *index,
            body: Box::new(prune(body, dead)?),
        },
        Node::Look(l) => match prune(&l.body, dead) {
            Some(body) => Node::Look(Box::new(crate::ir::Look {
                body,
                ..(**l).clone()
            })),
            None if l.negative => Node::Empty,
            None => return None,
        },
        Node::Empty | Node::Assert(_) | Node::BackRef { .. } => n.clone(),
    })
}

struct Compiler {
    insts: Vec<Inst>,
    regs: u32,
}

impl Compiler {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst) -> u32 {
        self.insts.push(i);
        self.pc() - 1
    }

    fn reg(&mut self) -> u32 {
        self.regs += 1;
        self.regs - 1
    }

    fn patch_split_second(&mut self, at: u32, target: u32) {
        if let Inst::Split { second, .. } = &mut self.insts[at as usize] {
            *second = target;
        }
    }

    fn emit(&mut self, node: &Node, back: bool) {
        match node {
            Node::Empty => {}
            Node::Set(s) => {
                self.push(Inst::Set { set: *s, back });
            }
            Node::Seq(v) => {
                if back {
                    v.iter().rev().for_each(|n| self.emit(n, back));
                } else {
                    v.iter().for_each(|n| self.emit(n, back));
                }
            }
            Node::Alt(v) => self.emit_alt(v, back),
            Node::Group { index, body } => {
                let (start, end) = (2 * index, 2 * index + 1);
                self.push(Inst::Save(if back { end } else { start }));
                self.emit(body, back);
                self.push(Inst::Save(if back { start } else { end }));
            }
            Node::Assert(a) => {
                self.push(Inst::Assert(*a));
            }
            Node::BackRef {
                groups,
                ignore_case,
            } => {
                self.push(Inst::BackRef {
                    groups: groups.clone().into_boxed_slice(),
                    ignore_case: *ignore_case,
                    back,
                });
            }
            Node::Look(l) => {
                let start = self.push(Inst::LookStart {
                    negative: l.negative,
                    end: 0,
                    guard: None,
                });
                self.emit(&l.body, l.behind);
                self.push(Inst::LookEnd);
                let end = self.pc();
                if let Inst::LookStart { end: e, .. } = &mut self.insts[start as usize] {
                    *e = end;
                }
            }
            Node::Repeat(r) => self.emit_repeat(r, back),
        }
    }

    fn emit_alt(&mut self, alts: &[Node], back: bool) {
        // Split(a1, next); a1; Jmp end; next: Split(a2, next2); ...
        let mut jumps = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            if i + 1 < alts.len() {
                let split = self.push(Inst::Split {
                    first: self.pc() + 1,
                    second: 0,
                });
                self.emit(alt, back);
                jumps.push(self.push(Inst::Jmp(0)));
                let next = self.pc();
                self.patch_split_second(split, next);
            } else {
                self.emit(alt, back);
            }
        }
        let end = self.pc();
        for j in jumps {
            self.insts[j as usize] = Inst::Jmp(end);
        }
    }

    fn clear_slots(&mut self, r: &crate::ir::Repeat) {
        if r.group_count > 0 {
            self.push(Inst::ClearSlots {
                from: 2 * r.first_group,
                to: 2 * (r.first_group + r.group_count),
            });
        }
    }

    fn emit_repeat(&mut self, r: &crate::ir::Repeat, back: bool) {
        let nullable = r.body.nullable();
        if !nullable && r.max.is_none() && r.min <= 1 {
            if r.min == 0 {
                // L: Split(body, exit); body; Jmp L
                let head = self.push(Inst::Split {
                    first: 0,
                    second: 0,
                });
                let body = self.pc();
                self.clear_slots(r);
                self.emit(&r.body, back);
                self.push(Inst::Jmp(head));
                let exit = self.pc();
                self.insts[head as usize] = if r.greedy {
                    Inst::Split {
                        first: body,
                        second: exit,
                    }
                } else {
                    Inst::Split {
                        first: exit,
                        second: body,
                    }
                };
            } else {
                // body: ...; Split(body, exit)
                let body = self.pc();
                self.clear_slots(r);
                self.emit(&r.body, back);
                let exit = self.pc() + 1;
                self.push(if r.greedy {
                    Inst::Split {
                        first: body,
                        second: exit,
                    }
                } else {
                    Inst::Split {
                        first: exit,
                        second: body,
                    }
                });
            }
            return;
        }
        let count_reg = self.reg();
        let pos_reg = if nullable { self.reg() } else { NO_REG };
        self.push(Inst::CounterInit(count_reg));
        let head = self.push(Inst::LoopHead {
            reg: count_reg,
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            exit: 0,
        });
        if nullable {
            self.push(Inst::IterStart(pos_reg));
        }
        self.clear_slots(r);
        self.emit(&r.body, back);
        self.push(Inst::IterEnd {
            count_reg,
            pos_reg,
            min: r.min,
            head,
        });
        let exit = self.pc();
        if let Inst::LoopHead { exit: e, .. } = &mut self.insts[head as usize] {
            *e = exit;
        }
    }
}
