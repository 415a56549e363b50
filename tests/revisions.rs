//! Circulating revisions: frozen snapshots in the draft file, numbered the Council way, and
//! compared with `chapeau diff DRAFT`. The example carries an original (REV 0) and the seed
//! as REV 1, with a working text equal to REV 1.

use crate::common;

use common::{chapeau, chapeau_in, example};

fn copy_of_example(dir: &std::path::Path) -> std::path::PathBuf {
    let draft = dir.join("draft.toml");
    std::fs::copy(example(), &draft).unwrap();
    draft
}

#[test]
fn the_example_shows_real_tracked_changes_at_once() {
    let run = chapeau(&["revisions", example().to_str().unwrap()]);
    assert_eq!(
        run.stdout,
        "REV 0  6093/09            2009-01-20  15 preambular, 13 operative  the original\n\
         REV 1  6093/1/09 REV 1    2009-02-11  17 preambular, 14 operative  3 inserted, 0 deleted, 2 moved, 6 amended, 26 unchanged, 2 cover-note fields changed\n\
         working, to be REV 2  17 preambular, 14 operative  0 inserted, 0 deleted, 0 moved, 0 amended, 37 unchanged\n"
    );
    let run = chapeau(&[
        "diff",
        example().to_str().unwrap(),
        "--from",
        "0",
        "--to",
        "1",
    ]);
    // Wrapped like the text export: read with its line breaks as spaces.
    let read = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(read.contains("(k) [moved from (l)]"), "{}", run.stdout);
    assert!(
        read.contains("genuine {+and balanced+} partnership"),
        "{}",
        run.stdout
    );
}

#[test]
fn circulating_freezes_the_text_and_refuses_when_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let before = std::fs::read(&draft).unwrap();
    let run = chapeau_in(dir.path(), &["circulate", "draft.toml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("nothing changed since REV 1 (2009-02-11)"),
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
        &["circulate", "draft.toml", "--date", "2009-03-02"],
    );
    assert_eq!(
        run.stdout, "circulated 6093/2/09 REV 2 on 2009-03-02\n",
        "{}",
        run.stderr
    );

    let saved = chapeau::draft_file::load(&draft).unwrap().declaration;
    assert_eq!(saved.revisions.len(), 3);
    let example = chapeau::draft_file::load(&example()).unwrap().declaration;
    assert_eq!(
        saved.revisions[..2],
        example.revisions[..],
        "circulated revisions are frozen"
    );
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.starts_with("# The Council's REV 1"),
        "the file's comments survive circulation"
    );
    let run = chapeau_in(dir.path(), &["export", "draft.toml"]);
    assert!(
        run.stdout.contains("\n6093/3/09 REV 3\n")
            && run.stdout.contains("No. prev. doc.: 6093/2/09 REV 2"),
        "{}",
        run.stdout
    );
}

#[test]
fn revisions_are_exported_and_compared() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let mut working = chapeau::draft_file::load(&draft).unwrap().declaration;
    working.preamble.remove(1);
    chapeau::draft_file::save(&draft, &working).unwrap();

    let run = chapeau_in(dir.path(), &["export", "draft.toml"]);
    assert!(
        run.stdout.contains("\n6093/2/09 REV 2\n"),
        "the working text prints as the revision it will be"
    );
    assert!(run.stdout.contains("No. prev. doc.: 6093/1/09 REV 1"));
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "--rev", "0"]);
    assert!(
        run.stdout.contains("\n6093/09\n") && run.stdout.contains("\nNOTE\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("a first draft of the joint declaration")
    );
    let run = chapeau_in(dir.path(), &["export", "draft.toml", "--rev", "4"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("has 2 circulated revisions: ask for 0 to 1"),
        "{}",
        run.stderr
    );

    let run = chapeau_in(dir.path(), &["diff", "draft.toml", "--format", "summary"]);
    assert_eq!(
        run.stdout,
        "0 inserted, 1 deleted, 0 moved, 0 amended, 36 unchanged\n"
    );
    let run = chapeau_in(
        dir.path(),
        &[
            "diff",
            "draft.toml",
            "--from",
            "1",
            "--to",
            "1",
            "--exit-code",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn diff_of_a_draft_without_revisions_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::fixture("small.toml"), dir.path().join("draft.toml")).unwrap();
    let run = chapeau_in(dir.path(), &["diff", "draft.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("run `chapeau circulate draft.toml` first"),
        "{}",
        run.stderr
    );
}

/// A revision carries the date the drafter gives it: the cover note's by default, never one
/// earlier than the previous revision's; and right after circulating, nothing has changed.
#[test]
fn a_revision_carries_the_drafters_date_and_never_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let mut working = chapeau::draft_file::load(&draft).unwrap().declaration;
    working.operative[5].text = working.operative[5].text.replace("illegal", "irregular");
    chapeau::draft_file::save(&draft, &working).unwrap();
    let before = std::fs::read(&draft).unwrap();

    let run = chapeau_in(
        dir.path(),
        &["circulate", "draft.toml", "--date", "2009-01-01"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "the date 2009-01-01 is earlier than REV 1, circulated on 2009-02-11; give a later date"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "nothing was changed"
    );

    working.header.date = Some(chapeau::cover_note::read_date("2027-01-15").unwrap());
    chapeau::draft_file::save(&draft, &working).unwrap();
    let run = chapeau_in(dir.path(), &["circulate", "draft.toml"]);
    assert_eq!(
        run.stdout, "circulated 6093/2/09 REV 2 on 2027-01-15\n",
        "{}",
        run.stderr
    );
    let run = chapeau_in(dir.path(), &["diff", "draft.toml", "--exit-code"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = chapeau_in(
        dir.path(),
        &["diff", "draft.toml", "--exit-code", "--format", "summary"],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "0 inserted, 0 deleted, 0 moved, 0 amended, 37 unchanged\n"
        )
    );
}

/// A change the redline does not count (the numbering style, the emphasis) is still a change
/// to circulate.
#[test]
fn a_change_of_numbering_or_emphasis_can_be_circulated() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let mut working = chapeau::draft_file::load(&draft).unwrap().declaration;
    working.numbering = chapeau::model::Numbering::Numbers;
    assert!(working.changed_since_last_revision());
    working.numbering = chapeau::model::Numbering::Letters;
    working.preamble[0].text = format!("**{}**", working.preamble[0].text);
    assert!(working.changed_since_last_revision());
    chapeau::draft_file::save(&draft, &working).unwrap();
    let run = chapeau_in(dir.path(), &["circulate", "draft.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
