//! Prints matcher steps for `prefix + pump.repeat(n) + suffix`:
//! `cargo run --example steps -- PATTERN FLAGS PREFIX PUMP SUFFIX N...`

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let unescape = |s: &str| {
        s.replace("\\n", "\n")
            .replace("\\r", "\r")
            .replace("\\t", "\t")
    };
    let (p, f, pre, pump, suf) = (
        &a[1],
        &a[2],
        unescape(&a[3]),
        unescape(&a[4]),
        unescape(&a[5]),
    );
    for n in &a[6..] {
        let n: usize = n.parse().unwrap_or(1);
        let input = format!("{pre}{}{suf}", pump.repeat(n));
        println!(
            "{n} {:?}",
            nodeward_regex::matcher_steps(p, f, &input, 50_000_000)
        );
    }
}
