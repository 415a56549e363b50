//! Bad input, one test per row, across every command that reads it: each answers with the
//! file, line and column and what to do, exits 2, prints nothing on standard output, never
//! panics or hangs, and never changes or leaves a file behind.

use crate::common;

use std::path::{Path, PathBuf};

use common::{Run, chapeau_in, example};

/// Every command that reads a draft, with `{}` standing for the draft's path.
const DRAFT_COMMANDS: &[&[&str]] = &[
    &["export", "{}"],
    &["export", "{}", "--format", "json"],
    &["export", "{}", "--format", "markdown", "-o", "out.md"],
    &["check", "{}"],
    &["diff", "{}"],
    &["diff", "{}", "good.toml"],
    &["diff", "good.toml", "{}"],
    &["circulate", "{}"],
    &["revisions", "{}"],
    &["{}"],
];

/// A folder holding `name` with `contents`, and a good draft beside it to compare with.
fn folder_with(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    std::fs::copy(example(), dir.path().join("good.toml")).unwrap();
    (dir, path)
}

/// The files in `dir`, with their contents.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let contents = std::fs::read(&path).unwrap();
            (path, contents)
        })
        .collect();
    files.sort();
    files
}

/// Runs `command` with `{}` replaced by `path`'s file name, in its folder.
fn run_on(path: &Path, command: &[&str]) -> Run {
    let name = path.file_name().unwrap().to_str().unwrap();
    let args: Vec<&str> = command
        .iter()
        .map(|arg| if *arg == "{}" { name } else { arg })
        .collect();
    chapeau_in(path.parent().unwrap(), &args)
}

/// Asserts that `run` refused the input at `file:line:column` (`at` is "line:column", or
/// "line:" when the column may vary), saying `words`, with a hint and exit 2.
fn assert_refused(run: &Run, what: &str, file: &str, at: &str, words: &str) {
    assert_eq!(
        run.code, 2,
        "{what}: exit 2, got {}: {}",
        run.code, run.stderr
    );
    assert!(
        run.stdout.is_empty(),
        "{what}: stdout empty: {}",
        run.stdout
    );
    let location = format!("{file}:{at}");
    assert!(
        run.stderr.contains(&location),
        "{what}: {location} in {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(words),
        "{what}: {words:?} in {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: "),
        "{what}: a hint in {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
}

/// Every draft command refuses `contents` at `at` with `words`, changing no file.
fn every_command_refuses(contents: &[u8], at: &str, words: &str) {
    let (dir, path) = folder_with("bad.toml", contents);
    let before = snapshot(dir.path());
    for command in DRAFT_COMMANDS {
        let run = run_on(&path, command);
        assert_refused(&run, &format!("{command:?}"), "bad.toml", at, words);
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{command:?} changed or left a file"
        );
    }
}

#[test]
fn an_empty_file() {
    every_command_refuses(b"", "1:1", "the draft is empty");
    every_command_refuses(b"  \n\n", "1:1", "the draft is empty");
}

#[test]
fn invalid_utf8() {
    every_command_refuses(
        b"opening = \"We, Minist\xe8res\"\n",
        "1:22",
        "not valid UTF-8",
    );
}

#[test]
fn a_binary_file() {
    every_command_refuses(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "3:1", "binary file");
}

#[test]
fn duplicate_ids() {
    let draft = "[[preamble]]\nid = \"p1\"\ntext = \"Aware,\"\n\n[[operative]]\nid = \"p1\"\ntext = \"We act.\"\n";
    every_command_refuses(draft.as_bytes(), "6:6", "already used on line 2");
}

#[test]
fn unknown_keys() {
    every_command_refuses(
        b"[[preamble]]\nid = \"p1\"\ntxt = \"Aware,\"\n",
        "3:1",
        "unknown field `txt`",
    );
    every_command_refuses(
        b"[header]\nsubjekt = \"x\"\n",
        "2:1",
        "unknown field `subjekt`",
    );
    every_command_refuses(
        b"[[revision]]\ndate = \"2009-01-20\"\nnote = \"x\"\n",
        "3:1",
        "unknown field `note`",
    );
}

#[test]
fn deeply_nested_tables_and_arrays() {
    let arrays = format!("opening = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    every_command_refuses(arrays.as_bytes(), "1:", "recursion");
    let tables = format!("x = {}1{}\n", "{a=".repeat(50_000), "}".repeat(50_000));
    every_command_refuses(tables.as_bytes(), "1:", "recursion");
    let dotted = format!("{} = 1\n", vec!["a"; 50_000].join("."));
    every_command_refuses(dotted.as_bytes(), "1:", "error:");
}

#[test]
fn a_bad_revision_is_located_in_the_file() {
    let mut draft = std::fs::read_to_string(example()).unwrap();
    let revision_date = "date = \"2009-01-20\"";
    let at = draft.find(revision_date).unwrap();
    draft.replace_range(at..at + revision_date.len(), "date = \"20 January 2009\"");
    let line = draft[..at].lines().count() + 1;
    every_command_refuses(draft.as_bytes(), &format!("{line}:8"), "YYYY-MM-DD");
}

/// Every prefix of a draft is either a draft or refused with a position inside it: a file
/// cut short by a full disk or a copy interrupted never panics the parser.
#[test]
fn truncated_toml_at_every_byte() {
    let source = std::fs::read(common::fixture("small.toml")).unwrap();
    let path = Path::new("cut.toml");
    for end in 0..=source.len() {
        let prefix = &source[..end];
        let Ok(text) = std::str::from_utf8(prefix) else {
            continue;
        };
        if let Err(error) = chapeau::draft_file::parse(path, text) {
            assert!(
                error.line >= 1 && error.line <= text.lines().count().max(1),
                "line {} of a {end}-byte prefix",
                error.line
            );
            assert!(!error.help.is_empty(), "a hint for the {end}-byte prefix");
        }
    }
}

/// The same, through the real binary, at a spread of cuts of the example (some inside a
/// multi-byte character): every command reads the cut file or refuses it with a position.
#[test]
fn truncated_toml_through_every_command() {
    let source = std::fs::read(example()).unwrap();
    let cuts = (1..source.len()).step_by(source.len() / 7).chain([
        source.iter().position(|&b| b >= 0x80).unwrap() + 1,
        source.len() - 2,
    ]);
    for end in cuts {
        let (dir, path) = folder_with("cut.toml", &source[..end]);
        let parses = std::str::from_utf8(&source[..end])
            .ok()
            .is_some_and(|text| chapeau::draft_file::parse(&path, text).is_ok());
        for command in DRAFT_COMMANDS {
            let before = snapshot(dir.path());
            let run = run_on(&path, command);
            if parses {
                assert!(
                    !run.stderr.contains("panicked"),
                    "{command:?}: {}",
                    run.stderr
                );
                if command[0] == "export" || command[0] == "check" {
                    assert!(
                        run.code < 2,
                        "{command:?} reads the {end}-byte cut: {}",
                        run.stderr
                    );
                }
            } else {
                assert_refused(&run, &format!("{command:?} at {end}"), "cut.toml", "", "");
                assert_eq!(snapshot(dir.path()), before, "{command:?} at {end}");
            }
        }
    }
}

/// A 5 MB paragraph is a draft like any other: read, checked, compared, circulated and
/// imported back whole, in linear time.
#[test]
fn a_five_megabyte_paragraph() {
    let words = "cooperation on return and readmission, ".repeat(130_000);
    let draft = format!(
        "chapeau = \"We agree:\"\n\n[[operative]]\nid = \"o1\"\ntext = \"We agree to {}and to meet again.\"\n",
        words
    );
    assert!(draft.len() > 5_000_000);
    let (dir, path) = folder_with("big.toml", draft.as_bytes());
    let exported = run_on(&path, &["export", "{}", "--width", "100"]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let spaced = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(spaced(&exported.stdout).contains(&spaced(&words)));
    for command in [&["check", "{}"][..], &["diff", "{}", "good.toml"]] {
        let run = run_on(&path, command);
        assert!(run.code < 2, "{command:?}: {}", run.stderr);
    }
    std::fs::write(dir.path().join("printed.txt"), &exported.stdout).unwrap();
    let imported = chapeau_in(dir.path(), &["import", "printed.txt"]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let back = run_on(
        &dir.path().join("printed.toml"),
        &["export", "{}", "--width", "100"],
    );
    assert_eq!(spaced(&back.stdout), spaced(&exported.stdout));
    let circulated = run_on(&path, &["circulate", "{}", "--date", "2009-02-11"]);
    assert_eq!(circulated.code, 0, "{}", circulated.stderr);
    let revisions = run_on(&path, &["revisions", "{}"]);
    assert!(
        revisions.stdout.contains("2009-02-11"),
        "{}",
        revisions.stdout
    );
}

/// One clause of a library file, numbered.
fn clause(n: usize) -> String {
    format!(
        "[[clause]]\nid = \"clause-{n}\"\nsection = \"operative\"\ntext = \"We agree to cooperate on matter {n}, {}.\"\ntags = [\"matter\"]\nsource = \"generated\"\n\n",
        "with the partner countries and in full respect of human rights ".repeat(4)
    )
}

/// A 10 MB library file loads whole; the same file with a fault at its end is reported at the
/// fault's line by every library command, and the rest of the library still loads.
#[test]
fn a_ten_megabyte_library_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("library");
    std::fs::create_dir(&folder).unwrap();
    let clauses = 30_000;
    let library: String = (0..clauses).map(clause).collect();
    assert!(library.len() > 10_000_000);
    std::fs::write(folder.join("big.toml"), &library).unwrap();
    let library_arg = folder.to_str().unwrap();
    let listed = chapeau_in(dir.path(), &["library", "list", "--library", library_arg]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.lines().count() > clauses);
    let found = chapeau_in(
        dir.path(),
        &["library", "show", "clause-29999", "--library", library_arg],
    );
    assert!(found.stdout.contains("matter 29999"), "{}", found.stdout);

    let fault_line = library.lines().count() + 4;
    std::fs::write(
        folder.join("big.toml"),
        format!("{library}[[clause]]\nid = \"last\"\nsection = \"preamble\"\ntxt = \"x\"\n"),
    )
    .unwrap();
    let checked = chapeau_in(dir.path(), &["library", "check", "--library", library_arg]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked.stdout.contains(&format!(
            "big.toml:{fault_line}:1: error: unknown field `txt`"
        )),
        "{}",
        checked.stdout
    );
    let listed = chapeau_in(dir.path(), &["library", "list", "--library", library_arg]);
    assert!(
        listed.stderr.contains(&format!("big.toml:{fault_line}:")),
        "{}",
        listed.stderr
    );
}

/// A plain text to import that is not text: refused with its position, no draft written.
#[test]
fn import_of_a_binary_or_invalid_text() {
    for (contents, at, words) in [
        (
            &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..],
            "3:1",
            "binary file",
        ),
        (b"We, Minist\xe8res,\n", "1:11", "not valid UTF-8"),
        (b"", "1:1", "empty"),
    ] {
        let (dir, path) = folder_with("text.txt", contents);
        let before = snapshot(dir.path());
        for command in [
            &["import", "{}"][..],
            &["export", "{}"],
            &["check", "{}"],
            &["{}"],
        ] {
            let run = run_on(&path, command);
            assert_refused(&run, &format!("{command:?}"), "text.txt", at, words);
            assert_eq!(snapshot(dir.path()), before, "{command:?}");
        }
    }
}

/// A bad file in a user's clause library does not keep the screen from opening: the
/// rest of the library loads and the status line names the file and line.
#[test]
fn a_malformed_library_file_is_named_by_every_library_command() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("library");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("mine.toml"),
        "[[clause]]\nid = \"x\"\nsection = \"preamble\n",
    )
    .unwrap();
    let library_arg = folder.to_str().unwrap();
    for command in [
        &["library", "list", "--library", library_arg][..],
        &["library", "search", "return", "--library", library_arg],
        &[
            "library",
            "show",
            "return-readmission-cooperation",
            "--library",
            library_arg,
        ],
    ] {
        let run = chapeau_in(dir.path(), command);
        assert_eq!(
            run.code, 0,
            "{command:?} still serves the rest: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("mine.toml:3:"),
            "{command:?}: {}",
            run.stderr
        );
    }
    let checked = chapeau_in(dir.path(), &["library", "check", "--library", library_arg]);
    assert_eq!(checked.code, 1);
    assert!(
        checked.stdout.contains("mine.toml:3:"),
        "{}",
        checked.stdout
    );
}
