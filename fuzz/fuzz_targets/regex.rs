//! The ReDoS analysis on arbitrary patterns and flags: the first byte picks
//! the flags, the rest is the pattern. A crash is a panic (the analysis
//! turns one into an "internal error" verdict), an analysis far past its
//! wall-clock budget, or a reported attack string that does not make the
//! step-counting matcher work superlinearly.
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use nodeward_regex::{analyze, attack_grows, Budget, Verdict};

const FLAGS: [&str; 12] = [
    "", "i", "u", "v", "s", "m", "g", "y", "iu", "su", "gim", "dgimsuy",
];

/// The budget's own safety net is 400 ms of wall clock; coverage
/// instrumentation slows the analysis several times, so only a run far past
/// it is a bug.
const TOO_SLOW: Duration = Duration::from_secs(8);

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(pattern) = std::str::from_utf8(rest) else {
        return;
    };
    let flags = FLAGS[pick as usize % FLAGS.len()];
    let t = Instant::now();
    let verdict = analyze(pattern, flags, &Budget::default());
    let took = t.elapsed();
    match &verdict {
        Verdict::Unknown(why) if why.contains("internal error") => {
            panic!("the analysis panicked on /{pattern}/{flags}: {why}")
        }
        Verdict::Vulnerable(v) => assert!(
            attack_grows(pattern, flags, v),
            "the attack on /{pattern}/{flags} does not grow the matcher's work"
        ),
        _ => {}
    }
    assert!(took < TOO_SLOW, "/{pattern}/{flags} took {took:?}");
});
