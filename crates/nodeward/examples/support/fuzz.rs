//! What the std-only fuzzers share: a seeded random-number source
//! (xorshift64*, reproducible, no crate needed), their command line, and the
//! mutation step every one of them takes.

pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Removes 1 to `most` items of `v` from `at` (clamped to its end).
    pub fn delete<T>(&mut self, v: &mut Vec<T>, at: usize, most: usize) {
        let end = (at + 1 + self.below(most)).min(v.len());
        v.drain(at.min(end)..end);
    }
}

/// `SECONDS [SEED]` from the command line (60 seconds, a fixed seed).
pub fn seconds_and_seed() -> (u64, u64) {
    let mut args = std::env::args().skip(1);
    let seconds = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    (seconds, seed)
}
