//! Drafts in git: chapeau as a textconv diff driver (git diff shows the printed text) and as
//! a difftool (git difftool shows the tracked changes).

use crate::common;

use std::process::Command;

fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Drafter",
            "-c",
            "user.email=drafter@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .env("CHAPEAU_CONFIG_DIR", dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A repository with the example committed and then edited: (a) amended.
fn repository_with_an_edit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::copy(common::example(), dir.path().join("prague.toml")).unwrap();
    std::fs::write(dir.path().join(".gitattributes"), "*.toml diff=chapeau\n").unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "REV 1"]);
    let mut draft = chapeau::draft_file::load(&dir.path().join("prague.toml"))
        .unwrap()
        .declaration;
    draft.operative[0].text = draft.operative[0]
        .text
        .replace("genuine and balanced", "genuine, balanced and equal");
    chapeau::draft_file::save(&dir.path().join("prague.toml"), &draft).unwrap();
    dir
}

#[test]
fn as_a_textconv_driver_git_diff_shows_the_printed_text() {
    let dir = repository_with_an_edit();
    let textconv = format!(
        "diff.chapeau.textconv={} export",
        env!("CARGO_BIN_EXE_chapeau")
    );
    let diff = git(dir.path(), &["-c", &textconv, "diff"]);
    assert!(
        diff.contains(
            "-     migration in the wider European region is facilitated by genuine and\n"
        ),
        "{diff}"
    );
    assert!(
        diff.contains(
            "+     and equal partnership, designed to promote sustainable economic and social\n"
        ),
        "{diff}"
    );
    assert!(
        !diff.contains("[[operative]]"),
        "the TOML itself is not shown: {diff}"
    );
}

#[test]
fn as_a_difftool_git_difftool_shows_the_tracked_changes() {
    let dir = repository_with_an_edit();
    let tool = format!(
        "difftool.chapeau.cmd={} diff \"$LOCAL\" \"$REMOTE\"",
        env!("CARGO_BIN_EXE_chapeau")
    );
    let out = git(
        dir.path(),
        &["-c", &tool, "difftool", "--no-prompt", "--tool=chapeau"],
    );
    let read = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        read.contains("facilitated by genuine [-and-]{+,+} balanced {+and equal+} partnership"),
        "{out}"
    );
    assert!(
        out.contains("0 inserted, 0 deleted, 0 moved, 1 amended, 36 unchanged"),
        "{out}"
    );
}
