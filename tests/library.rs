//! The clause library from the command line: listing, showing, searching and checking, with
//! the user's own folder and `--library` folders layered over the bundled clauses.

use crate::common;

use common::{chapeau, chapeau_configured, repository};

const MINE: &str = "[[clause]]\nid = \"globalised-world\"\nsection = \"preamble\"\ntext = \"Aware, in our own words,\"\ntags = [\"partnership\"]\nsource = \"Our ministry\"\n\n[[clause]]\nid = \"our-own\"\nsection = \"operative\"\ntext = \"We will act by:\"\nitems = [\"meeting,\", \"reporting.\"]\ntags = [\"follow-up\"]\nsource = \"Our ministry\"\n";

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn list_as_json_gives_every_field_and_filters_by_section_and_tag() {
    let run = chapeau(&["library", "list", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let clauses: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert!(clauses.len() >= 60, "{}", clauses.len());
    for clause in &clauses {
        let keys: Vec<&str> = clause
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "items", "section", "source", "tags", "text"]);
        assert!(!clause["source"].as_str().unwrap().is_empty());
    }
    let run = chapeau(&[
        "library",
        "list",
        "--format",
        "json",
        "--section",
        "operative",
        "--tag",
        "return-readmission",
    ]);
    let some: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert!(!some.is_empty());
    assert!(some.iter().all(|c| {
        c["section"] == "operative"
            && c["tags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t == "return-readmission")
    }));
    assert!(some.len() < clauses.len());
}

#[test]
fn list_as_text_marks_the_section_and_shows_tags() {
    let run = chapeau(&["library", "list", "--tag", "follow-up"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.is_empty());
    for line in run.stdout.lines() {
        assert!(line.starts_with("P  ") || line.starts_with("O  "), "{line}");
        assert!(line.contains("follow-up"), "{line}");
    }
}

#[test]
fn show_prints_the_clause_with_its_items_and_source() {
    let run = chapeau(&["library", "show", "digital-innovation"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("digital-innovation (operative)\n\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.to_lowercase().contains("digital innovation"));
    assert!(run.stdout.contains("source: "));
    assert!(run.stdout.contains("from:   clause-library/"));
}

#[test]
fn show_of_an_unknown_id_suggests_near_ones() {
    let run = chapeau(&["library", "show", "digital-inovation"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no clause `digital-inovation`"));
    assert!(
        run.stderr.contains("did you mean digital-innovation"),
        "{}",
        run.stderr
    );
}

#[test]
fn search_is_fuzzy_and_best_first() {
    let run = chapeau(&["library", "search", "digital innovation"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .lines()
            .next()
            .unwrap()
            .contains("digital-innovation"),
        "{}",
        run.stdout
    );
    let run = chapeau(&["library", "search", "zzqqxxj"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no clause matches"));
}

#[test]
fn the_user_folder_and_library_folders_layer_over_the_bundled_clauses() {
    let config = folder(&[]);
    std::fs::create_dir(config.path().join("clause-library")).unwrap();
    std::fs::write(config.path().join("clause-library/mine.toml"), MINE).unwrap();
    let run = chapeau_configured(
        &repository(),
        config.path(),
        &["library", "show", "globalised-world"],
    );
    assert!(
        run.stdout.contains("Aware, in our own words,"),
        "{}",
        run.stdout
    );

    let extra = folder(&[(
        "later.toml",
        &MINE.replace("in our own words", "in the last word"),
    )]);
    let extra_path = extra.path().to_str().unwrap();
    let run = chapeau_configured(
        &repository(),
        config.path(),
        &[
            "library",
            "show",
            "globalised-world",
            "--library",
            extra_path,
        ],
    );
    assert!(run.stdout.contains("in the last word"), "{}", run.stdout);

    let run = chapeau_configured(
        &repository(),
        config.path(),
        &["library", "check", "--library", extra_path],
    );
    assert_eq!(run.code, 0, "overrides are intended: {}", run.stdout);
    assert_eq!(
        run.stdout
            .matches("note: the clause `globalised-world` overrides")
            .count(),
        2,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout
            .matches("note: the clause `our-own` overrides")
            .count(),
        1,
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("from 3 libraries: 0 problems, 3 overrides"),
        "{}",
        run.stderr
    );
}

#[test]
fn library_check_reports_duplicates_and_malformed_clauses_with_locations() {
    let bad = "[[clause]]\nid = \"Bad Id\"\nsection = \"preamble\"\ntext = \"Aware,\"\nsource = \"x\"\n\n[[clause]]\nid = \"kept-beside\"\nsection = \"operative\"\ntext = \"Agree to meet.\"\nsource = \"x\"\n\n[[clause]]\nid = \"second-mistake\"\nsection = \"preface\"\ntext = \"Aware,\"\nsource = \"x\"\n";
    let extra = folder(&[("a.toml", MINE), ("b.toml", MINE), ("c.toml", bad)]);
    let extra_path = extra.path().to_str().unwrap();
    let run = chapeau(&["library", "check", "--library", extra_path]);
    assert_eq!(run.code, 1);
    let b = extra.path().join("b.toml");
    let c = extra.path().join("c.toml");
    assert!(
        run.stdout.contains(&format!(
            "{}:1: error: the clause id `globalised-world` is already defined at {}:1",
            b.display(),
            extra.path().join("a.toml").display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "{}:2:6: error: the clause id `Bad Id` is not kebab-case",
            c.display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("{}:15:11: error: unknown variant", c.display())),
        "every mistake of a file is reported, not only the first: {}",
        run.stdout
    );

    let run = chapeau(&["library", "list", "--library", extra_path]);
    assert_eq!(
        run.code, 0,
        "a malformed file leaves out its own clauses only"
    );
    assert!(
        run.stderr
            .contains("left out of the library: the clause id `Bad Id` is not kebab-case"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("our-own"),
        "the good files' clauses are listed"
    );
    assert!(
        run.stdout.contains("kept-beside"),
        "a good clause beside bad ones in the same file is listed: {}",
        run.stdout
    );
    assert!(!run.stdout.contains("second-mistake"));
}

#[test]
fn a_missing_library_folder_is_an_input_error() {
    let run = chapeau(&["library", "list", "--library", "no/such/folder"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/folder"));
    assert!(run.stderr.contains("cannot read the library folder"));
}

#[test]
fn a_reader_that_stops_early_does_not_make_chapeau_fail_loudly() {
    use std::process::{Command, Stdio};
    let config = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chapeau"))
        .args(["library", "list"])
        .env("CHAPEAU_CONFIG_DIR", config.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn library_check_goes_on_past_a_file_that_is_not_text() {
    let extra = folder(&[("a-latin1.toml", "x"), ("b.toml", MINE), ("c.toml", MINE)]);
    std::fs::write(
        extra.path().join("a-latin1.toml"),
        b"[[clause]]\nid = \"caf\xe9\"\n",
    )
    .unwrap();
    let run = chapeau(&[
        "library",
        "check",
        "--library",
        extra.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("a-latin1.toml:2:"), "{}", run.stdout);
    assert!(run.stdout.contains("not valid UTF-8"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("c.toml:1: error: the clause id `globalised-world` is already defined"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_same_folder_given_twice_is_read_once() {
    let extra = folder(&[("mine.toml", MINE)]);
    let path = extra.path().to_str().unwrap();
    let run = chapeau(&["library", "check", "--library", path, "--library", path]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stderr.contains("from 2 libraries"), "{}", run.stderr);
}

/// A clause whose id holds the query comes first, and a short query is not scattered over
/// every id.
#[test]
fn an_id_that_holds_the_query_ranks_first_and_short_queries_stay_narrow() {
    let library = chapeau::library::ClauseLibrary::bundled();
    let found = library.search("brain");
    assert_eq!(found[0].id, "brain-circulation");
    let few = library.search("ilo");
    assert!(few.len() <= 5, "{}", few.len());
}
