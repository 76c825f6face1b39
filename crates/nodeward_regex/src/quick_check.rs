//! V8's quick check in front of negative lookarounds.
//!
//! Before Irregexp runs the body of a negative lookaround it checks whether the
//! next characters can start the continuation at all (its
//! `NegativeLookaroundChoiceNode` takes its quick-check details from the
//! continuation, not from the body). When they cannot, the lookaround fails at
//! once, so `[a-z](?!.+[ab])x` never scans the input on `aaaa…` although the
//! lookahead body alone would be quadratic. The matcher must prune the same
//! way or it would report attacks that are fast in Node.
//!
//! V8 compares loaded characters with a mask and a value (bits shared by every
//! character possible at that offset). The same test is used here, on at most
//! two characters (what V8 loads for two-byte subjects; one-byte subjects get
//! four, so this prunes no more than V8 does), and only on characters every
//! path of the continuation consumes.

use std::collections::HashSet;

use crate::charset::CharSet;
use crate::compile::{Inst, MatchSet};

/// Characters compared.
const DEPTH: usize = 2;

/// Mask/value per offset; a character `c` at offset `i` passes when
/// `c & mask == value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guard(pub Vec<(u32, u32)>);

impl Guard {
    #[inline]
    pub fn passes(&self, input: &[u32], pos: usize) -> bool {
        self.0
            .iter()
            .enumerate()
            .all(|(i, &(mask, value))| input.get(pos + i).is_some_and(|&c| c & mask == value))
    }
}

/// The guard for the continuation starting at `pc`, or `None` when it checks
/// nothing.
pub fn guard(insts: &[Inst], sets: &[MatchSet], pc: u32) -> Option<Guard> {
    // Per offset: the possible characters.
    let mut chars: Vec<CharSet> = vec![CharSet::empty(); DEPTH];
    // Characters every path consumes (capped at DEPTH).
    let mut eaten = DEPTH;
    let mut seen: HashSet<(u32, usize)> = HashSet::new();
    let mut work = vec![(pc, 0usize)];
    const LIMIT: usize = 4096;
    while let Some((pc, off)) = work.pop() {
        if off >= DEPTH || !seen.insert((pc, off)) {
            continue;
        }
        if seen.len() > LIMIT {
            return None;
        }
        let inst = insts.get(pc as usize)?;
        match inst {
            Inst::Set { set, back: false } => {
                chars[off] = chars[off].union(sets[*set as usize].chars());
                work.push((pc + 1, off + 1));
            }
            Inst::Split { first, second } => {
                work.push((*first, off));
                work.push((*second, off));
            }
            Inst::Jmp(t) => work.push((*t, off)),
            Inst::LoopHead { exit, .. } => {
                work.push((pc + 1, off));
                work.push((*exit, off));
            }
            Inst::IterEnd { head, .. } => work.push((*head, off)),
            Inst::LookStart { end, .. } => work.push((*end, off)),
            Inst::Save(_)
            | Inst::ClearSlots { .. }
            | Inst::CounterInit(_)
            | Inst::IterStart(_)
            | Inst::Assert(_) => work.push((pc + 1, off)),
            // Unknown length or direction from here on: nothing more is known.
            Inst::Set { back: true, .. } | Inst::BackRef { .. } | Inst::LookEnd | Inst::Match => {
                eaten = eaten.min(off);
            }
        }
    }
    let checks: Vec<(u32, u32)> = chars
        .into_iter()
        .take(eaten)
        .map(|set| mask_value(&set))
        .collect();
    (!checks.is_empty() && checks.iter().any(|&(m, _)| m != 0)).then_some(Guard(checks))
}

/// Bits shared by every character of `set`, as V8's quick check uses them.
/// An empty set gets a mask no character passes.
fn mask_value(set: &CharSet) -> (u32, u32) {
    const BITS: u32 = 0x1F_FFFF;
    let mut and_all = BITS;
    let mut or_all = 0;
    if set.is_empty() {
        // Impossible continuation: demand a value outside the mask.
        return (1, 2);
    }
    for &(lo, hi) in set.ranges() {
        let diff = lo ^ hi;
        let low = if diff == 0 {
            0
        } else {
            u32::MAX >> diff.leading_zeros()
        };
        and_all &= lo & !low;
        or_all |= hi | low;
    }
    let mask = !(and_all ^ or_all) & BITS;
    (mask, and_all & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_over_ranges() {
        let (m, v) = mask_value(&CharSet::single('x' as u32));
        assert_eq!((m, v), (0x1F_FFFF, 'x' as u32));
        // a-z share only the high bits 0x60.
        let (m, v) = mask_value(&CharSet::range('a' as u32, 'z' as u32));
        assert!('q' as u32 & m == v && '`' as u32 & m == v);
        assert!('A' as u32 & m != v);
    }
}
