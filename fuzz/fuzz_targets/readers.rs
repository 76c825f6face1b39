//! The readers of files a project hands nodeward: `nodeward.toml`, the
//! `"nodeward"` section of a package.json, and baselines. The first byte
//! picks the reader. Bad input must give an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nodeward::config;
use nodeward_report::baseline::Baseline;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match pick % 3 {
        0 => {
            let _ = config::parse(text);
        }
        1 => {
            let _ = config::parse_package_json(text);
        }
        _ => {
            let _ = Baseline::parse(text);
        }
    }
});
