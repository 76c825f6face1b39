//! Prints the analysis trace for a pattern: `cargo run --example explain -- PATTERN [FLAGS]`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pattern = args.get(1).map(String::as_str).unwrap_or("(a+)+$");
    let flags = args.get(2).map(String::as_str).unwrap_or("");
    let budget = nodeward_regex::Budget::default();
    println!("{}", nodeward_regex::explain(pattern, flags, &budget));
    println!("{:?}", nodeward_regex::analyze(pattern, flags, &budget));
}
