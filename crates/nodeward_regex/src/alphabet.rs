//! Partition of the character universe into atoms.
//!
//! Two characters belong to the same atom when every transition label of the
//! automaton either contains both or neither. The product constructions then
//! work on atom bitsets instead of character ranges, so a class like
//! `[\u00A0-\uD7FF]` costs one bit, not fifty thousand characters. The partition
//! is computed by one sweep over all range boundaries.

use std::collections::HashMap;

use crate::bits::Bits;
use crate::charset::CharSet;

pub struct Alphabet {
    /// Characters of each atom.
    pub atoms: Vec<CharSet>,
    /// A readable character of each atom (`None` for atoms made only of lone
    /// surrogates, which cannot be written in a Rust string).
    pub reps: Vec<Option<u32>>,
}

impl Alphabet {
    /// Partitions `0..=max` by `sets` and returns each set as an atom bitset.
    pub fn build(sets: &[CharSet], max: u32) -> (Alphabet, Vec<Bits>) {
        // Boundary events: a set becomes active at `lo` and inactive at `hi + 1`.
        let mut events: Vec<(u32, bool, u32)> = Vec::new();
        for (i, s) in sets.iter().enumerate() {
            for &(lo, hi) in s.ranges() {
                if lo <= max {
                    events.push((lo, true, i as u32));
                    if hi < max {
                        events.push((hi + 1, false, i as u32));
                    }
                }
            }
        }
        events.sort_unstable();
        let mut active: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
        let mut sig_to_atom: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut atom_ranges: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut atom_sigs: Vec<Vec<u32>> = Vec::new();
        let mut e = 0;
        let mut lo = 0u32;
        loop {
            while e < events.len() && events[e].0 == lo {
                let (_, start, set) = events[e];
                if start {
                    active.insert(set);
                } else {
                    active.remove(&set);
                }
                e += 1;
            }
            let hi = events.get(e).map_or(max, |ev| ev.0 - 1);
            let sig: Vec<u32> = active.iter().copied().collect();
            let next = atom_ranges.len();
            let id = *sig_to_atom.entry(sig.clone()).or_insert(next);
            if id == next {
                atom_ranges.push(Vec::new());
                atom_sigs.push(sig);
            }
            atom_ranges[id].push((lo, hi));
            if hi >= max {
                break;
            }
            lo = hi + 1;
        }
        let n = atom_ranges.len();
        let mut bits: Vec<Bits> = (0..sets.len()).map(|_| Bits::new(n)).collect();
        for (a, sig) in atom_sigs.iter().enumerate() {
            for &s in sig {
                bits[s as usize].set(a);
            }
        }
        let atoms: Vec<CharSet> = atom_ranges.into_iter().map(CharSet::from_ranges).collect();
        let reps = atoms.iter().map(CharSet::representative).collect();
        (Alphabet { atoms, reps }, bits)
    }

    pub fn len(&self) -> usize {
        self.atoms.len()
    }

    /// The atom containing character `c`.
    #[cfg(test)]
    pub fn atom_of(&self, c: u32) -> Option<usize> {
        self.atoms.iter().position(|a| a.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_overlapping_sets() {
        let a = CharSet::range('a' as u32, 'z' as u32);
        let b = CharSet::range('m' as u32, 0x2000);
        let (alpha, bits) = Alphabet::build(&[a, b], 0xFFFF);
        // Atoms: outside both, a-l, m-z, {-0x2000 (plus the part past 0x2000,
        // which shares the "outside" signature).
        assert_eq!(alpha.len(), 4);
        assert_eq!(bits[0].iter().count(), 2);
        assert_eq!(bits[1].iter().count(), 2);
        assert_eq!(bits[0].and(&bits[1]).iter().count(), 1);
        let both = bits[0].and(&bits[1]).iter().next().unwrap();
        assert_eq!(alpha.reps[both], Some('m' as u32));
        assert_eq!(alpha.atom_of('m' as u32), Some(both));
    }
}
