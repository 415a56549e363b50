//! The command line as a user meets it: exit codes, messages and files written.

use crate::common;

use common::{chapeau, chapeau_in, example};

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const MINIMAL: &str = r#"opening = "We, Ministers,"
chapeau = "To this end we agree:"
closing = "We mandate our senior officials."

[[preamble]]
id = "p1"
text = "Recognising the value of partnership,"

[[operative]]
id = "o1"
text = "We will meet again."
"#;

/// Every bad input: (file contents, expected line:column, words the message must contain).
const BAD_DRAFTS: &[(&str, &str, &str)] = &[
    ("", "1:1", "the draft is empty"),
    (
        "[[preamble]]\nid = \"p1\"\ntxt = \"Aware,\"\n",
        "3:1",
        "unknown field `txt`",
    ),
    (
        "[[preambel]]\nid = \"p1\"\ntext = \"Aware,\"\n",
        "1:3",
        "unknown field `preambel`",
    ),
    (
        "[[preamble]]\nid = \"p1\"\ntext = \"Aware,\"\n\n[[operative]]\nid = \"p1\"\ntext = \"We act.\"\n",
        "6:6",
        "already used on line 2",
    ),
    (
        "[[operative]]\nid = \"o1\"\ntext = \"\"\n",
        "3:8",
        "empty text",
    ),
    (
        "[[operative]]\nid = \"o1\"\n",
        "1:1",
        "missing field `text`",
    ),
    (
        "opening = \"We, Ministers\nchapeau = \"x\"\n",
        "1:",
        "error:",
    ),
    (
        "[header]\nnumber = \"6093/1/09 REV 1\"\n",
        "2:10",
        "not a base document number",
    ),
    (
        "[header]\ndate = \"11 February 2009\"\n",
        "2:8",
        "YYYY-MM-DD",
    ),
    ("numbering = \"roman\"\n", "1:13", "unknown variant `roman`"),
];

#[test]
fn every_bad_draft_is_located_explained_and_exits_2_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (text, at, words)) in BAD_DRAFTS.iter().enumerate() {
        let path = write(dir.path(), &format!("bad{i}.toml"), text);
        for command in [&["export"][..], &["check"], &["export", "--format", "json"]] {
            let mut args = command.to_vec();
            let path_arg = path.to_str().unwrap();
            args.push(path_arg);
            let run = chapeau(&args);
            assert_eq!(run.code, 2, "{args:?} on {text:?}: {}", run.stderr);
            assert!(
                run.stdout.is_empty(),
                "nothing printed on stdout: {}",
                run.stdout
            );
            let location = format!("bad{i}.toml:{at}");
            assert!(
                run.stderr.contains(&location),
                "{location} in {}",
                run.stderr
            );
            assert!(run.stderr.contains(words), "{words:?} in {}", run.stderr);
            assert!(run.stderr.contains("help: "), "a hint in {}", run.stderr);
        }
        assert_eq!(
            &std::fs::read_to_string(&path).unwrap(),
            text,
            "the input is never changed"
        );
    }
}

#[test]
fn invalid_utf8_and_binary_files_are_refused_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"opening = \"We, Minist\xe8res\"\n").unwrap();
    let run = chapeau(&["check", latin1.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("latin1.toml:1:22: error: the file is not valid UTF-8"),
        "{}",
        run.stderr
    );
    let binary = dir.path().join("image.toml");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    let run = chapeau(&["export", binary.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("binary file"), "{}", run.stderr);
}

#[test]
fn a_missing_draft_says_how_to_start_one() {
    let run = chapeau(&["export", "no-such-draft.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-draft.toml"));
    assert!(run.stderr.contains("chapeau new"), "{}", run.stderr);
}

#[test]
fn export_to_a_file_writes_it_whole_and_never_over_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write(dir.path(), "draft.toml", MINIMAL);
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "-o", "out.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let exported = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(
        exported.starts_with("We, Ministers,\n\nRecognising"),
        "{exported}"
    );
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "-o", "./draft.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is the draft itself"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), MINIMAL);
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "draft.toml", MINIMAL);
    let run = chapeau_in(
        dir.path(),
        &["export", "draft.toml", "-o", "missing-folder/out.txt"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing-folder"), "{}", run.stderr);
    assert!(!dir.path().join("missing-folder").exists());
}

#[test]
fn width_is_validated() {
    let run = chapeau(&["export", example().to_str().unwrap(), "--width", "5"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--width"), "{}", run.stderr);
}

#[test]
fn check_is_clean_on_a_clean_draft_and_lists_findings_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bare.toml", MINIMAL);
    let run = chapeau_in(dir.path(), &["check", "bare.toml"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            1,
            "bare.toml:1: warning: the cover note has no document number (e.g. 6093/09)\n\
             bare.toml:1: warning: the cover note has no date (e.g. 2009-02-11)\n"
        )
    );
    let clean = format!("{MINIMAL}\n[header]\nnumber = \"6093/09\"\ndate = \"2009-02-11\"\n");
    write(dir.path(), "clean.toml", &clean);
    let run = chapeau_in(dir.path(), &["check", "clean.toml"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);

    let messy = clean
        .replace("Recognising the value", "We recognise  the value")
        .replace("We will meet again.", "We will [meet] again,");
    write(dir.path(), "messy.toml", &messy);
    let run = chapeau_in(dir.path(), &["check", "messy.toml"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "messy.toml:7: warning: preambular paragraph 1 opens with \"We\": preambular paragraphs open with a participle or adjective (\"Recognising\", \"Aware that\")\n\
         messy.toml:7: warning: preambular paragraph 1: doubled space after \"recognise\"\n\
         messy.toml:11: warning: operative paragraph (a) is the last operative paragraph and ends with \",\", not \".\"\n\
         messy.toml:11: warning: operative paragraph (a): text in square brackets, still under negotiation: [meet]\n"
    );
}

#[test]
fn check_finds_what_a_careful_drafter_would_in_the_prague_text() {
    let run = chapeau(&["check", example().to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The seed really does mix "co-operation" (chapeau) with "cooperation" everywhere else,
    // and ends the list under (i) with "," where the other lists end with ".".
    assert!(
        run.stdout
            .contains("the chapeau: mixed co-operation/cooperation spelling: \"co-operation\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "item 5 of (i) ends with \",\" while the other lists' last items end with \".\""
        ),
        "{}",
        run.stdout
    );
    for line in run.stdout.lines() {
        assert!(
            line.starts_with(&format!("{}:", example().display())),
            "{line}"
        );
        assert!(line.contains(": warning: "), "{line}");
    }
}

#[test]
fn new_writes_a_skeleton_that_exports_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let run = chapeau_in(dir.path(), &["new", "draft.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = chapeau_in(dir.path(), &["export", "draft.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("DRAFT JOINT DECLARATION"));
    assert!(run.stdout.contains("(a)  [The first operative paragraph.]"));
    std::fs::write(dir.path().join("draft.toml"), MINIMAL).unwrap();
    let run = chapeau_in(dir.path(), &["new", "draft.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.toml")).unwrap(),
        MINIMAL
    );
}

#[test]
fn a_bad_config_file_is_reported_before_the_screen_opens() {
    let config = tempfile::tempdir().unwrap();
    let open_with_config = |text: &str| {
        std::fs::write(config.path().join("config.toml"), text).unwrap();
        let draft = example();
        common::chapeau_configured(
            &common::repository(),
            config.path(),
            &[draft.to_str().unwrap()],
        )
    };
    let run = open_with_config("[keys.draft]\ndelete = \"hyper-x\"\n");
    assert_eq!(run.code, 2);
    let expected = "config.toml:2:10: error: unknown key \"hyper-x\"";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    let run = open_with_config("[keys.drafts]\ndelete = \"x\"\n");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("config.toml:1:7"), "{}", run.stderr);
}

#[test]
fn the_screen_without_a_terminal_says_so_instead_of_failing() {
    let run = chapeau(&[example().to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error_not_a_crash() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_chapeau"))
        .args(["export", example().to_str().unwrap()])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write the output"));
}

#[test]
fn output_dash_means_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.toml"), MINIMAL).unwrap();
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "-o", "-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("We, Ministers,"));
    assert!(!dir.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn circulating_a_draft_through_a_link_writes_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("real.toml")).unwrap();
    std::os::unix::fs::symlink("real.toml", dir.path().join("link.toml")).unwrap();
    let mut draft = std::fs::read_to_string(dir.path().join("real.toml")).unwrap();
    draft = draft.replacen("We, Ministers", "We, the Ministers", 1);
    std::fs::write(dir.path().join("real.toml"), draft).unwrap();
    let run = chapeau_in(
        dir.path(),
        &["circulate", "link.toml", "--date", "2009-03-01"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("link.toml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let revisions = chapeau_in(dir.path(), &["revisions", "real.toml"]);
    assert!(
        revisions.stdout.contains("2009-03-01"),
        "{}",
        revisions.stdout
    );
    let pipe = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let run = chapeau_in(dir.path(), &["export", "real.toml", "-o", "pipe"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a plain file"), "{}", run.stderr);
}

/// `export -o` and `diff -o` never replace a file without --force, as `import` and `new` do.
#[test]
fn export_and_diff_replace_a_file_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example(), dir.path().join("draft.toml")).unwrap();
    std::fs::write(dir.path().join("other.toml"), "id = \"another draft\"\n").unwrap();
    for command in [
        &["export", "draft.toml", "-o", "other.toml"][..],
        &["diff", "draft.toml", "--from", "0", "-o", "other.toml"][..],
    ] {
        let run = chapeau_in(dir.path(), command);
        assert_eq!(run.code, 2, "{command:?}");
        assert!(
            run.stderr
                .contains("other.toml already exists; choose another name, or add --force"),
            "{}",
            run.stderr
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("other.toml")).unwrap(),
            "id = \"another draft\"\n"
        );
    }
    let run = chapeau_in(
        dir.path(),
        &["export", "draft.toml", "-o", "other.toml", "--force"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(dir.path().join("other.toml"))
            .unwrap()
            .starts_with("COUNCIL OF THE EUROPEAN UNION")
    );
}

/// A mistyped command is named with the command meant, never opened as a new draft.
#[test]
fn a_mistyped_command_suggests_the_one_meant() {
    for args in [
        &["exprot", "x.toml"][..],
        &["exprot"][..],
        &["dif", "a", "b"][..],
    ] {
        let run = chapeau(args);
        assert_eq!(run.code, 2, "{args:?}");
        let meant = if args[0] == "dif" { "diff" } else { "export" };
        assert!(
            run.stderr.contains(&format!(
                "there is no command or file named '{}'; did you mean `chapeau {meant}`?",
                args[0]
            )),
            "{}",
            run.stderr
        );
    }
}

/// A file that cannot be read is named without a line it does not have, with help that fits
/// the command; a folder that does not exist is named as such.
#[test]
fn missing_files_and_folders_are_named_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let run = chapeau_in(dir.path(), &["export", "missing.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("missing.toml: error: cannot read the file"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`chapeau new FILE`"), "{}", run.stderr);
    let run = chapeau_in(dir.path(), &["import", "missing.txt"]);
    assert!(
        run.stderr
            .starts_with("missing.txt: error: cannot read the file"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("chapeau new"), "{}", run.stderr);
    let run = chapeau_in(dir.path(), &["new", "nodir/x.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("there is no folder nodir: create it, or write somewhere else")
            && !run.stderr.contains(".tmp"),
        "{}",
        run.stderr
    );
}

/// Circulating a text that still holds square brackets (the skeleton's placeholders, or
/// text under negotiation) goes ahead, and says so with the first of them.
#[test]
fn circulating_placeholders_warns() {
    let dir = tempfile::tempdir().unwrap();
    let run = chapeau_in(dir.path(), &["new", "draft.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = chapeau_in(
        dir.path(),
        &["circulate", "draft.toml", "--date", "2027-03-01"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "went out with 11 passages in square brackets ([title], [place], [dates], ...)"
        ),
        "{}",
        run.stderr
    );
}
