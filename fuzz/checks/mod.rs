//! What must hold for any input at all, shared by the fuzz targets and by the test that replays
//! everything the fuzzers found (`tests/fuzz_regressions.rs`).

#![allow(dead_code)] // each fuzz target uses one of these checks

use std::path::Path;

use chapeau::draft_file;
use chapeau::export::{self, Format};
use chapeau::model::Declaration;
use chapeau::redline::{self, render};
use chapeau::safe_text::is_hostile;

/// Any bytes: either refused with a position inside the input, or a draft that saves and
/// loads back to itself, whether written fresh or over the text it was read from.
pub fn draft_parser(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    let draft = match draft_file::parse(path, source) {
        Ok(loaded) => loaded.declaration,
        Err(error) => {
            assert!(error.line >= 1 && error.line <= source.lines().count().max(1) + 1);
            assert!(error.column >= 1);
            return;
        }
    };
    for saved in [
        draft_file::to_toml(&draft),
        draft_file::to_toml_keeping(source, &draft),
    ] {
        let again = draft_file::parse(path, &saved)
            .unwrap_or_else(|error| panic!("a saved draft loads back: {error}\n{saved}"))
            .declaration;
        assert_eq!(again, draft, "save -> load is the identity\n{saved}");
    }
    exports_are_safe(&draft);
    let _ = chapeau::check::check(&draft);
}

/// Any text: imported without panic, and what it gives exports safely.
pub fn importer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = chapeau::import::import(&text) else {
        return;
    };
    exports_are_safe(&imported.declaration);
    let _ = chapeau::check::check(&imported.declaration);
}

/// Any two texts (the first byte says where the input splits): compared without panic,
/// written safely in every format, and each against itself shows no change.
pub fn redline(data: &[u8]) {
    let Some((&split, rest)) = data.split_first() else {
        return;
    };
    let at = rest.len() * split as usize / 256;
    let (old, new) = rest.split_at(at);
    let (Some(old), Some(new)) = (imported(old), imported(new)) else {
        return;
    };
    let changes = redline::redline(&old, &new, chapeau::redline::Pairing::ByWords);
    for (format, _, _) in render::Format::ALL {
        assert_no_raw_control(&render::write(&changes, format, 80, false));
    }
    for text in [&old, &new] {
        let same = redline::redline(text, text, chapeau::redline::Pairing::ByWords);
        assert!(!same.has_changes(), "a text against itself has no change");
    }
}

fn imported(data: &[u8]) -> Option<Declaration> {
    chapeau::import::import(&String::from_utf8_lossy(data))
        .ok()
        .map(|imported| imported.declaration)
}

fn exports_are_safe(draft: &Declaration) {
    for format in [Format::Text, Format::Markdown, Format::Json] {
        assert_no_raw_control(&export::export(draft, format, 80));
    }
}

/// Nothing that could drive a terminal reaches the output: no control character but line
/// ends and tabs, no bidirectional override.
pub fn assert_no_raw_control(written: &str) {
    if let Some(c) = written.chars().find(|&c| is_hostile(c)) {
        panic!("raw {:?} in output:\n{written}", c);
    }
}
