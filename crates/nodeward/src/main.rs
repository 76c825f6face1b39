use clap::Parser;

use nodeward::cli::{run, Cli};

fn main() {
    let cli = Cli::parse();
    std::process::exit(run(cli) as i32);
}
