//! Replays every input the fuzzers found (`fuzz/regressions/TARGET/`) and their seeds through
//! the same checks the fuzz targets make (`fuzz/checks/mod.rs`), so that a fixed finding stays
//! fixed without the fuzzer.

#[path = "../fuzz/checks/mod.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8]), seeds: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join("fuzz/regressions").join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| entries.map(|entry| entry.unwrap().path()).collect())
        .unwrap_or_default();
    inputs.extend(seeds.iter().map(|seed| root.join(seed)));
    assert!(!inputs.is_empty());
    for input in inputs {
        eprintln!("{}", input.display());
        check(&std::fs::read(&input).unwrap());
    }
}

#[test]
fn the_draft_parser_holds_on_every_input_found() {
    replay(
        "draft_parser",
        checks::draft_parser,
        &["examples/prague-2009.toml", "tests/fixtures/small.toml"],
    );
}

#[test]
fn the_importer_holds_on_every_input_found() {
    replay(
        "importer",
        checks::importer,
        &["tests/fixtures/prague-2009-draft-joint-declaration-rev1.txt"],
    );
}

#[test]
fn the_redline_holds_on_every_input_found() {
    replay(
        "redline",
        checks::redline,
        &["tests/fixtures/prague-2009-draft-joint-declaration-rev1.txt"],
    );
}
