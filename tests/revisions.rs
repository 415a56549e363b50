//! Circulating revisions: frozen snapshots in the draft file, numbered the Council way, and
//! compared with `chapeau diff DRAFT`.

mod common;

use common::{chapeau_in, example};

fn copy_of_example(dir: &std::path::Path) -> std::path::PathBuf {
    let draft = dir.join("draft.toml");
    std::fs::copy(example(), &draft).unwrap();
    draft
}

#[test]
fn circulating_freezes_the_text_and_refuses_when_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let run = chapeau_in(
        dir.path(),
        &["circulate", "draft.toml", "--date", "2009-01-20"],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "circulated 6093/09 on 2009-01-20\n"),
        "{}",
        run.stderr
    );
    let before = std::fs::read(&draft).unwrap();
    let run = chapeau_in(dir.path(), &["circulate", "draft.toml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("nothing changed since REV 0 (2009-01-20)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "a refused circulation leaves the file as it was"
    );

    let mut working = chapeau::draft_file::load(&draft).unwrap().declaration;
    working.operative[5].text = working.operative[5].text.replace("illegal", "irregular");
    chapeau::draft_file::save(&draft, &working).unwrap();
    let run = chapeau_in(
        dir.path(),
        &["circulate", "draft.toml", "--date", "2009-02-11"],
    );
    assert_eq!(
        run.stdout, "circulated 6093/1/09 REV 1 on 2009-02-11\n",
        "{}",
        run.stderr
    );

    let saved = chapeau::draft_file::load(&draft).unwrap().declaration;
    assert_eq!(saved.revisions.len(), 2);
    assert_eq!(
        saved.revisions[0].text.operative[5].text,
        chapeau::draft_file::load(&example())
            .unwrap()
            .declaration
            .operative[5]
            .text,
        "REV 0 is frozen"
    );
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.starts_with("# The Council's REV 1"),
        "the file's comments survive circulation"
    );
}

#[test]
fn revisions_are_listed_exported_and_compared() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    chapeau_in(
        dir.path(),
        &["circulate", "draft.toml", "--date", "2009-01-20"],
    );
    let mut working = chapeau::draft_file::load(&draft).unwrap().declaration;
    working.preamble.remove(1);
    chapeau::draft_file::save(&draft, &working).unwrap();

    let run = chapeau_in(dir.path(), &["revisions", "draft.toml"]);
    assert_eq!(
        run.stdout,
        "REV 0  6093/09            2009-01-20  17 preambular, 14 operative  the original\n\
         working, to be REV 1  16 preambular, 14 operative  0 inserted, 1 deleted, 0 moved, 0 amended, 33 unchanged\n"
    );
    let run = chapeau_in(dir.path(), &["export", "draft.toml"]);
    assert!(
        run.stdout.contains("\n6093/1/09 REV 1\n"),
        "the working text prints as the revision it will be"
    );
    assert!(run.stdout.contains("No. prev. doc.: 6093/09"));
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "--rev", "0"]);
    assert!(
        run.stdout.contains("\n6093/09\n") && run.stdout.contains("\nNOTE\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Thanked paragraphs"));
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "--rev", "4"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("has 1 circulated revision: ask for 0 to 0"),
        "{}",
        run.stderr
    );

    let run = chapeau_in(dir.path(), &["diff", "draft.toml", "--format", "summary"]);
    assert_eq!(
        run.stdout,
        "0 inserted, 1 deleted, 0 moved, 0 amended, 33 unchanged\n"
    );
    let run = chapeau_in(
        dir.path(),
        &[
            "diff",
            "draft.toml",
            "--from",
            "0",
            "--to",
            "0",
            "--exit-code",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn diff_of_a_draft_without_revisions_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    copy_of_example(dir.path());
    let run = chapeau_in(dir.path(), &["diff", "draft.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("run `chapeau circulate draft.toml` first"),
        "{}",
        run.stderr
    );
}
