//! `chapeau diff` on drafts and plain texts: the structure is understood, relabelling is no
//! change, and the exit code follows git diff's with --exit-code.

use crate::common;

use common::{chapeau, example, fixture};

/// `chapeau diff OLD NEW` with more arguments.
fn diff_of(old: &std::path::Path, new: &std::path::Path, more: &[&str]) -> common::Run {
    let mut args = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    args.extend(more);
    chapeau(&args)
}

/// A revision of the example: an inserted operative paragraph (relabelling the rest), a
/// deleted and a moved preambular paragraph, and two amended paragraphs.
fn revision(dir: &std::path::Path) -> std::path::PathBuf {
    let mut draft = chapeau::draft_file::load(&example()).unwrap().declaration;
    draft.operative.insert(
        2,
        chapeau::model::Paragraph {
            id: "digital".into(),
            text: "We will explore digital innovation.".into(),
            ..Default::default()
        },
    );
    draft.preamble.remove(1);
    let moved = draft.preamble.remove(3);
    draft.preamble.insert(10, moved);
    draft.operative[6].text = draft.operative[6].text.replace("illegal", "irregular");
    draft.closing = draft.closing.replace("second", "third");
    let path = dir.join("rev2.toml");
    chapeau::draft_file::save(&path, &draft).unwrap();
    path
}

#[test]
fn the_summary_of_known_edits_is_the_truth() {
    let dir = tempfile::tempdir().unwrap();
    let new = revision(dir.path());
    let run = diff_of(&example(), &new, &["--format", "summary"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "1 inserted, 1 deleted, 1 moved, 2 amended, 33 unchanged\n"
    );
}

#[test]
fn the_json_redline_has_labels_statuses_and_spans() {
    let dir = tempfile::tempdir().unwrap();
    let new = revision(dir.path());
    let run = diff_of(&example(), &new, &["--format", "json"]);
    let redline: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(redline["summary"]["moved"], 1);
    let paragraphs = redline["paragraphs"].as_array().unwrap();
    let relabelled = paragraphs.iter().find(|p| p["old_label"] == "(c)").unwrap();
    assert_eq!(
        (
            relabelled["new_label"].as_str(),
            relabelled["status"].as_str()
        ),
        (Some("(d)"), Some("unchanged"))
    );
    let amended = paragraphs
        .iter()
        .find(|p| p["status"] == "amended" && p["part"] == "operative")
        .unwrap();
    let kinds: Vec<&str> = amended["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["equal", "delete", "insert", "equal"]);
    for p in paragraphs.iter().filter(|p| p["status"] == "unchanged") {
        assert!(
            p["spans"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["kind"] == "equal")
        );
    }
}

#[test]
fn a_plain_text_against_the_draft_it_became_has_no_change() {
    let seed = fixture("prague-2009-draft-joint-declaration-rev1.txt");
    let run = diff_of(&seed, &example(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let redline: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        redline["summary"],
        serde_json::json!({"cover_note": 1, "inserted": 0, "deleted": 0, "moved": 0, "amended": 0, "unchanged": 37})
    );
    // The seed does not say "(OR. en)": the drafter added it, and it counts. The draft's
    // working text will be REV 2: its number is derived, shown and not counted.
    let changed: Vec<(String, String, String, bool)> = redline["header"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["old"] != f["new"])
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_string();
            (
                text("field"),
                text("old"),
                text("new"),
                f["counted"] == true,
            )
        })
        .collect();
    let row = |field: &str, old: &str, new: &str, counted| {
        (field.to_string(), old.to_string(), new.to_string(), counted)
    };
    assert_eq!(
        changed,
        [
            row("Language", "", "(OR. en)", true),
            row("Number", "6093/1/09 REV 1", "6093/2/09 REV 2", false),
            row("Kind", "REVISED NOTE", "REVISED NOTE", false),
            row("No. prev. doc.", "6093/09", "6093/1/09 REV 1", false),
        ][..]
            .iter()
            .filter(|r| r.1 != r.2)
            .cloned()
            .collect::<Vec<_>>()
    );
}

#[test]
fn exit_code_is_one_when_there_are_differences() {
    let dir = tempfile::tempdir().unwrap();
    let new = revision(dir.path());
    let run = diff_of(&example(), &new, &["--exit-code"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("[moved from preambular"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("[-illegal-] {+irregular+}"),
        "{}",
        run.stdout
    );
    let run = chapeau(&["diff", example().to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(
        run.code, 0,
        "without --exit-code, differences are no failure"
    );
}

/// Every format of the example's REV 0 -> REV 1, as golden files.
#[test]
fn every_format_of_the_example_rev_0_to_rev_1_matches_its_golden_file() {
    for format in ["text", "critic", "markdown", "html", "summary", "json"] {
        let run = chapeau(&[
            "diff",
            example().to_str().unwrap(),
            "--from",
            "0",
            "--to",
            "1",
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        insta::assert_snapshot!(format!("prague_rev0_rev1_{format}"), run.stdout);
    }
}

#[test]
fn a_colour_terminal_gets_colours_and_no_markers() {
    let old = chapeau::draft_file::load(&example()).unwrap().declaration;
    let r = chapeau::redline::redline(
        &old.revisions[0].text,
        &old.revisions[1].text,
        chapeau::redline::Pairing::ById,
    );
    let coloured = chapeau::redline::render::text::text(&r, 1000, true);
    assert!(
        coloured.contains("\u{1b}[32;4mand balanced\u{1b}[0m"),
        "inserted: green, underlined"
    );
    assert!(
        coloured.contains("\u{1b}[31;9m"),
        "deleted: red, struck through"
    );
    assert!(
        coloured.contains("\u{1b}[35m[moved from (l)]\u{1b}[0m"),
        "moves in a colour of their own"
    );
    assert!(!coloured.contains("{+"));
}

/// Two versions received as texts and imported one by one share no history: their ids say
/// nothing, and the drafts compare exactly as the two texts do.
#[test]
fn two_texts_imported_separately_compare_as_the_texts_do() {
    let dir = tempfile::tempdir().unwrap();
    let new = revision(dir.path());
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for (draft, text) in [(example(), at("old.txt")), (new, at("new.txt"))] {
        let run = chapeau(&["export", draft.to_str().unwrap(), "-o", &text]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let run = chapeau(&["import", &text]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let summary = |old: &str, new: &str| {
        let run = chapeau(&["diff", &at(old), &at(new), "--format", "summary"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let truth = "1 inserted, 1 deleted, 1 moved, 2 amended, 33 unchanged\n";
    assert_eq!(summary("old.txt", "new.txt"), truth);
    assert_eq!(summary("old.toml", "new.toml"), truth);
    // And the other way round, mirrored.
    assert_eq!(
        summary("new.toml", "old.toml"),
        "1 inserted, 1 deleted, 1 moved, 2 amended, 33 unchanged\n"
    );
    // Drafts imported before ids were drawn hold positions ("p1", "o1"): those say nothing
    // either.
    for name in ["old", "new"] {
        let path = dir.path().join(format!("{name}.toml"));
        let mut draft = chapeau::draft_file::load(&path).unwrap().declaration;
        for (i, p) in draft.preamble.iter_mut().enumerate() {
            p.id = format!("p{}", i + 1);
        }
        for (i, p) in draft.operative.iter_mut().enumerate() {
            p.id = format!("o{}", i + 1);
        }
        chapeau::draft_file::save(&dir.path().join(format!("{name}-positions.toml")), &draft)
            .unwrap();
    }
    assert_eq!(summary("old-positions.toml", "new-positions.toml"), truth);
}

/// A draft and a copy of it edited elsewhere share a history: their paragraphs pair by id, so
/// a paragraph rewritten from end to end is still the same paragraph, amended.
#[test]
fn a_copy_of_a_draft_pairs_its_paragraphs_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    let run = chapeau(&[
        "import",
        fixture("prague-2009-draft-joint-declaration-rev1.txt")
            .to_str()
            .unwrap(),
        "-o",
        old.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut draft = chapeau::draft_file::load(&old).unwrap().declaration;
    draft.operative[3].text = "We will rewrite this paragraph from end to end.".into();
    let new = dir.path().join("new.toml");
    chapeau::draft_file::save(&new, &draft).unwrap();
    let run = diff_of(&old, &new, &["--format", "summary"]);
    assert_eq!(
        run.stdout,
        "0 inserted, 0 deleted, 0 moved, 1 amended, 36 unchanged\n"
    );
}

/// The HTML redline is a page to read and print: the cover note, what it is compared with, a
/// legend, the summary, an index whose every link leads to a marked change, print styles; the
/// export of the draft is the same page with nothing marked.
#[test]
fn the_html_redline_is_a_page_with_an_index_of_changes() {
    let run = chapeau(&[
        "diff",
        example().to_str().unwrap(),
        "--from",
        "0",
        "--to",
        "1",
        "--format",
        "html",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout;
    for part in [
        "<!DOCTYPE html>",
        "<header class=\"cover\">",
        "<th>Subject:</th>",
        "Changes compared with 6093/09",
        "Marks: <ins>inserted</ins>",
        "3 inserted, 0 deleted, 2 moved, 6 amended, 26 unchanged, 2 cover-note fields changed",
        "@media print",
        "<span class=\"label\">(k)</span>",
        "<span class=\"note\">moved from (l)</span>",
    ] {
        assert!(page.contains(part), "{part} is missing");
    }
    let links = page.matches("<a href=\"#change-").count();
    // Two cover-note lines and every paragraph that changed (13 in all).
    assert_eq!(links, 2 + 3 + 2 + 6);
    for n in 1..=links {
        assert!(page.contains(&format!(" id=\"change-{n}\"")), "change {n}");
    }

    let run = chapeau(&["export", example().to_str().unwrap(), "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<header class=\"cover\">"));
    assert!(!run.stdout.contains("<ins>") && !run.stdout.contains("Marks:"));
}

/// The text redline wraps at --width as export does, and -o writes it whole, never over a file
/// it compares.
#[test]
fn the_text_redline_wraps_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let new = revision(dir.path());
    let run = diff_of(&example(), &new, &["--width", "50"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .lines()
            .all(|line| line.chars().count() <= 50 || !line.trim().contains(' ')),
        "{}",
        run.stdout
    );
    let out = dir.path().join("changes.txt");
    let run = diff_of(
        &example(),
        &new,
        &["--width", "50", "-o", out.to_str().unwrap()],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("COUNCIL OF THE EUROPEAN UNION\n"));
    let read = written.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(read.ends_with("1 inserted, 1 deleted, 1 moved, 2 amended, 33 unchanged"));

    let before = std::fs::read(&new).unwrap();
    let run = diff_of(&example(), &new, &["-o", new.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("write the output to another file"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&new).unwrap(), before);
}

/// A changed title and a changed subject are shown in every format and counted in the
/// summary, and --exit-code says so; a change only a revision derives is not counted.
#[test]
fn every_part_is_shown_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let draft = chapeau::draft_file::load(&example()).unwrap().declaration;
    let save = |name: &str, edit: &dyn Fn(&mut chapeau::model::Declaration)| {
        let mut changed = draft.clone();
        edit(&mut changed);
        let path = dir.path().join(name);
        chapeau::draft_file::save(&path, &changed).unwrap();
        path
    };
    let old = save("old.toml", &|_| {});
    type Edit<'e> = &'e dyn Fn(&mut chapeau::model::Declaration);
    let cases: [(&str, Edit, &str, &str); 4] = [
        (
            "title.toml",
            &|d| d.titles[2] = "FINAL JOINT DECLARATION".into(),
            "0 inserted, 0 deleted, 0 moved, 1 amended, 36 unchanged\n",
            "FINAL",
        ),
        (
            "subject.toml",
            &|d| d.header.subject.push_str(" and follow-up"),
            "0 inserted, 0 deleted, 0 moved, 0 amended, 37 unchanged, 1 cover-note field changed\n",
            "follow-up",
        ),
        (
            "unplaced.toml",
            &|d| d.unplaced.push("A passage kept whole.".into()),
            "1 inserted, 0 deleted, 0 moved, 0 amended, 37 unchanged\n",
            "passage",
        ),
        (
            "revision.toml",
            &|d| d.header.revision += 1,
            "0 inserted, 0 deleted, 0 moved, 0 amended, 37 unchanged\n",
            "",
        ),
    ];
    for (name, edit, summary, shown) in cases {
        let new = save(name, edit);
        let run = |format: &str| diff_of(&old, &new, &["--format", format, "--exit-code"]);
        let counts = run("summary");
        assert_eq!(counts.stdout, summary, "{name}");
        assert_eq!(counts.code, i32::from(!shown.is_empty()), "{name}");
        for format in ["text", "critic", "markdown", "html", "json"] {
            let out = run(format);
            assert_eq!(out.code, i32::from(!shown.is_empty()), "{name} {format}");
            assert!(
                out.stdout.contains(shown),
                "{name} {format}: {shown} not shown"
            );
        }
    }
}

/// One plain text alone has no revisions: the message says to give two files.
#[test]
fn one_plain_text_alone_asks_for_two_files() {
    let run = chapeau(&[
        "diff",
        fixture("prague-2009-draft-joint-declaration-rev1.txt")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("has no revisions to compare; give the old and the new version"),
        "{}",
        run.stderr
    );
}

/// Two drafts that share one paragraph by a drawn id (or an old clause name) share a history;
/// their paragraphs with the positional ids of old imports are still paired by their words.
#[test]
fn positional_ids_are_paired_by_words_even_between_drafts_that_share_a_history() {
    use chapeau::model::{Declaration, Paragraph};
    let paragraph = |id: &str, text: &str| Paragraph {
        id: id.into(),
        text: text.into(),
        ..Default::default()
    };
    let old = Declaration {
        preamble: vec![
            paragraph("gathered", "Gathered in Prague,"),
            paragraph("p2", "Aware of the need to manage water together,"),
        ],
        operative: vec![
            paragraph("o1", "We will meet again next year."),
            paragraph("o2", "We will report to our governments."),
        ],
        ..Default::default()
    };
    let mut new = old.clone();
    new.preamble = vec![
        paragraph("gathered", "Gathered in Prague,"),
        paragraph("p2", "Aware of the need to secure food for all,"),
        paragraph("p3", "Aware of the need to manage water together,"),
    ];
    new.operative.swap(0, 1);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    chapeau::draft_file::save(&a, &old).unwrap();
    chapeau::draft_file::save(&b, &new).unwrap();
    let run = diff_of(&a, &b, &["--format", "summary"]);
    assert_eq!(
        run.stdout,
        "1 inserted, 0 deleted, 1 moved, 0 amended, 3 unchanged\n"
    );
}

/// A lone asterisk is text, not emphasis: changing it is a change.
#[test]
fn a_lone_asterisk_is_text() {
    let spans = chapeau::redline::words::diff("Thanked paragraphs", "Thanked* paragraphs");
    assert!(chapeau::redline::words::changed(&spans));
    let spans = chapeau::redline::words::diff("Thanked paragraphs", "**Thanked** paragraphs");
    assert!(!chapeau::redline::words::changed(&spans));
}
