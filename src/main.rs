//! The `chapeau` command line: parses arguments, calls the core, prints what it returns and
//! maps outcomes to exit codes (0 success, 1 findings or nothing found, 2 input that cannot be
//! read or written). What a command means lives in the library; this file only dispatches.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use chapeau::check::check;
use chapeau::diagnostic::Diagnostic;
use chapeau::draft_file::{self, LoadedDraft};
use chapeau::export::{self, DEFAULT_WIDTH, Format};
use chapeau::library::{Clause, ClauseLibrary, LibrarySource};
use chapeau::model::Section;
use chapeau::redline::render::Format as DiffFormat;
use chapeau::revisions::{Comparison, NoSuchRevision, Version};
use chapeau::safe_text::visible;

/// A choice among `all` on the command line, by name, with each one's help: the core's
/// formats stay free of the command-line library.
fn choice<T: Copy + Send + Sync + 'static>(
    all: &'static [(T, &'static str, &'static str)],
) -> impl TypedValueParser<Value = T> {
    let names = all
        .iter()
        .map(|(_, name, help)| PossibleValue::new(*name).help(*help));
    PossibleValuesParser::new(names).map(move |name| {
        all.iter()
            .find(|(_, known, _)| *known == name)
            .map(|(value, _, _)| *value)
            .expect("clap only accepts the names given")
    })
}

/// Compose, check and export joint declarations the way Council documents are drafted.
#[derive(Parser)]
#[command(name = "chapeau", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Cli {
    /// The draft to open in the drafting screen (a missing file is a new draft; a plain text is imported).
    draft: Option<PathBuf>,
    /// Add a folder of clause files to the library (repeatable).
    #[arg(long = "library", value_name = "DIR")]
    folders: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Where and how wide an export or a redline is written.
#[derive(Args)]
struct Output {
    /// Wrap text lines at this many columns.
    #[arg(long, default_value_t = DEFAULT_WIDTH, value_parser = clap::value_parser!(u16).range(20..=1000))]
    width: u16,
    /// Write to this file (atomically) instead of standard output ("-" for standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print a draft as plain text (the Council layout), Markdown, JSON or an HTML page.
    Export {
        /// The draft (TOML), or a plain-text declaration read on the fly.
        draft: PathBuf,
        /// The output format.
        #[arg(long, value_parser = choice(&Format::ALL), default_value = "text")]
        format: Format,
        #[command(flatten)]
        out: Output,
        /// Export circulated revision N (0 = the original) instead of the working text.
        #[arg(long, value_name = "N")]
        rev: Option<Version>,
    },
    /// Freeze the working text as the next revision (REV 0 first, then REV 1, ...).
    Circulate {
        /// The draft file (TOML).
        draft: PathBuf,
        /// The date of circulation, YYYY-MM-DD (default: the cover note's date). Never earlier
        /// than the previous revision's; the cover note takes it.
        #[arg(long, value_parser = chapeau::cover_note::read_date)]
        date: Option<jiff::civil::Date>,
    },
    /// List the circulated revisions: number, date, counts, changes since the previous.
    Revisions {
        /// The draft file (TOML).
        draft: PathBuf,
    },
    /// Lint a draft as a careful drafter would; exit 1 when there are findings.
    Check {
        /// The draft (TOML), or a plain-text declaration read on the fly.
        draft: PathBuf,
    },
    /// Show the tracked changes between two versions of a declaration.
    Diff {
        /// A draft (its revisions are compared), or the old version of two.
        old: PathBuf,
        /// The new version, when two files are compared.
        new: Option<PathBuf>,
        /// With one draft: the revision to compare from (default: the last circulated).
        #[arg(long, value_name = "N")]
        from: Option<Version>,
        /// With one draft: the revision to compare to, or "working".
        #[arg(long, value_name = "N|working", default_value = "working")]
        to: Version,
        /// The output format.
        #[arg(long, value_parser = choice(&DiffFormat::ALL), default_value = "text")]
        format: DiffFormat,
        #[command(flatten)]
        out: Output,
        /// Exit 1 when the summary counts a change, 0 when it counts none, like git diff.
        #[arg(long)]
        exit_code: bool,
    },
    /// Read a plain-text declaration (from PDF or Word) into a draft.
    Import {
        /// The text file.
        text: PathBuf,
        /// The draft to write (default: the text file's name with .toml).
        #[arg(short, long, value_name = "DRAFT")]
        output: Option<PathBuf>,
        /// Replace the draft if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a draft skeleton to fill in.
    New {
        /// The file to create.
        draft: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Browse and check the clause library.
    Library(LibraryArgs),
}

#[derive(Args)]
struct LibraryArgs {
    /// Add a folder of clause files after the bundled and user libraries (repeatable).
    #[arg(long = "library", value_name = "DIR", global = true)]
    folders: Vec<PathBuf>,
    #[command(subcommand)]
    command: LibraryCommand,
}

#[derive(Subcommand)]
enum LibraryCommand {
    /// List the clauses, optionally of one section or tag.
    List {
        /// The output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Only clauses of this section.
        #[arg(long, value_enum)]
        section: Option<SectionArg>,
        /// Only clauses with this tag.
        #[arg(long)]
        tag: Option<String>,
    },
    /// Show one clause in full, with its items, tags and source.
    Show {
        /// The clause id.
        id: String,
    },
    /// Search ids and tags fuzzily and the text word for word; best matches first.
    Search {
        /// What to look for, e.g. "digital innovation".
        query: String,
        /// The output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Report malformed clauses, duplicate ids within a library, and overrides.
    Check,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SectionArg {
    Preamble,
    Operative,
}

impl From<SectionArg> for Section {
    fn from(section: SectionArg) -> Section {
        match section {
            SectionArg::Preamble => Section::Preamble,
            SectionArg::Operative => Section::Operative,
        }
    }
}

/// Prints to standard output like `print!`, but a failed write (a full disk, a closed
/// terminal) ends the command with a message and exit code 2 instead of a panic; a reader
/// that stopped reading (`chapeau library list | head`) ends it quietly, as Unix tools do.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
            .and_then(|()| std::io::stdout().lock().flush())
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::BrokenPipe => Failure::ClosedPipe,
                _ => Failure::Other(anyhow::anyhow!("cannot write the output: {error}")),
            })?
    }};
}

/// `out!` with a newline.
macro_rules! outln {
    ($($arg:tt)*) => {{
        out!($($arg)*);
        out!("\n");
    }};
}

/// How a command ended, beyond plain success.
enum Failure {
    /// Findings or nothing found: exit 1, the output says what.
    Findings,
    /// Input that cannot be used: exit 2.
    Input(Box<Diagnostic>),
    /// Anything else that stopped the command (a write that failed): exit 2.
    Other(anyhow::Error),
    /// Standard output was closed by its reader: end quietly.
    ClosedPipe,
}

impl From<Box<Diagnostic>> for Failure {
    fn from(diagnostic: Box<Diagnostic>) -> Failure {
        Failure::Input(diagnostic)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Other(error)
    }
}

fn main() -> ExitCode {
    if let Some(typo) = mistyped_command() {
        eprintln!("error: {typo}");
        return ExitCode::from(2);
    }
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(command) => run(command),
        None => open_screen(cli.draft, &cli.folders),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::Input(diagnostic)) => {
            eprintln!("{diagnostic}");
            ExitCode::from(2)
        }
        Err(Failure::Other(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// What to say when the first word is neither a command nor a file but close to a command
/// ("exprot"): otherwise it would be taken for the name of a new draft.
fn mistyped_command() -> Option<String> {
    use clap::CommandFactory;
    let first = std::env::args().nth(1)?;
    let path = Path::new(&first);
    if first.starts_with('-') || path.extension().is_some() || path.exists() {
        return None;
    }
    let cli = Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&first.as_str()) {
        return None;
    }
    let closest = names
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&first, name), *name))
        .min()?;
    (closest.0 <= 2).then(|| {
        format!(
            "there is no command or file named '{first}'; did you mean `chapeau {}`? (`chapeau --help` lists the commands)",
            closest.1
        )
    })
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Export {
            draft,
            format,
            out:
                Output {
                    width,
                    output,
                    force,
                },
            rev,
        } => {
            let loaded = draft_file::load_draft_or_text(&draft)?;
            let declaration =
                version_of(&draft, &loaded.declaration, rev.unwrap_or(Version::Working))?;
            let text = export::export(&declaration, format, usize::from(width));
            match output {
                Some(output) if output.as_os_str() != "-" => {
                    write_output(&[&draft], &output, &text, force)?
                }
                _ => out!("{text}"),
            }
            Ok(())
        }
        Command::Check { draft } => {
            let loaded = draft_file::load_draft_or_text(&draft)?;
            report_findings(&draft, &loaded)
        }
        Command::New { draft, force } => {
            if draft.exists() && !force {
                return Err(anyhow::anyhow!(
                    "{} already exists; choose another name, or add --force to replace it",
                    draft.display()
                )
                .into());
            }
            draft_file::save(&draft, &draft_file::skeleton())?;
            outln!(
                "wrote {}: fill in the [bracketed] parts, then run `chapeau check {}`",
                draft.display(),
                draft.display()
            );
            Ok(())
        }
        Command::Library(args) => run_library(args),
        Command::Circulate { draft, date } => circulate(&draft, date),
        Command::Revisions { draft } => list_revisions(&draft),
        Command::Import {
            text,
            output,
            force,
        } => import_text(&text, output, force),
        Command::Diff {
            old,
            new,
            from,
            to,
            format,
            out:
                Output {
                    width,
                    output,
                    force,
                },
            exit_code,
        } => {
            let comparison = match &new {
                Some(new) => Comparison::of_files(&old, new)?,
                None if old.extension().is_none_or(|ext| ext != "toml") => {
                    return Err(anyhow::anyhow!(
                        "{} is a plain text, which has no revisions to compare; give the old and the new version: `chapeau diff OLD NEW`",
                        old.display()
                    )
                    .into());
                }
                None => {
                    let draft = draft_file::load(&old)?.declaration;
                    Comparison::within(&draft, from, to).map_err(|missing| match missing {
                        NoSuchRevision { circulated: 0 } => anyhow::anyhow!(
                            "{} has no circulated revision to compare with; run `chapeau circulate {}` first, or give two files",
                            old.display(),
                            old.display()
                        ),
                        missing => anyhow::anyhow!("{} {missing}", old.display()),
                    })?
                }
            };
            let redline = comparison.redline();
            let to_file = output.as_ref().filter(|output| output.as_os_str() != "-");
            use std::io::IsTerminal;
            let colour = to_file.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let text =
                chapeau::redline::render::write(&redline, format, usize::from(width), colour);
            match to_file {
                Some(output) => {
                    let sources: Vec<&Path> = std::iter::once(old.as_path())
                        .chain(new.as_deref())
                        .collect();
                    write_output(&sources, output, &text, force)?
                }
                None => out!("{text}"),
            }
            if exit_code && redline.has_changes() {
                return Err(Failure::Findings);
            }
            Ok(())
        }
    }
}

/// The text of `version` of the draft at `path`.
fn version_of(
    path: &Path,
    draft: &chapeau::model::Declaration,
    version: Version,
) -> Result<chapeau::model::Declaration, Failure> {
    draft
        .version(version)
        .map_err(|missing| anyhow::anyhow!("{} {missing}", path.display()).into())
}

/// `chapeau circulate`: freezes the working text as the next revision, atomically.
fn circulate(path: &Path, date: Option<jiff::civil::Date>) -> Result<(), Failure> {
    let mut document = chapeau::document::Document::new(draft_file::load(path)?.declaration);
    let draft = document.declaration();
    if !draft.changed_since_last_revision() {
        eprintln!(
            "nothing changed since REV {} ({}): there is nothing to circulate",
            draft.revisions.len() - 1,
            draft
                .revisions
                .last()
                .map_or(String::new(), |r| r.date.to_string())
        );
        return Err(Failure::Findings);
    }
    let date = draft.circulation_date(date).map_err(|refusal| {
        let help = match refusal {
            chapeau::model::DateRefusal::Missing => {
                "give the date: --date YYYY-MM-DD, or fill in the cover note's date"
            }
            _ => "give a later date with --date YYYY-MM-DD, or correct the cover note's date",
        };
        Failure::Other(anyhow::anyhow!(
            "{}: {refusal}; {help}. Nothing was changed",
            path.display()
        ))
    })?;
    let brackets = chapeau::check::bracketed_note(draft);
    let number = document.circulate(date);
    let draft = document.declaration();
    draft_file::save(path, draft).with_context(|| format!("{} was not changed", path.display()))?;
    let name = draft.name_of(Version::Revision(number as usize));
    outln!("circulated {name} on {date}");
    if let Some(brackets) = brackets {
        eprintln!(
            "{}: warning: {name} went out with {brackets}: placeholders to fill in, or text still under negotiation",
            path.display()
        );
    }
    Ok(())
}

/// `chapeau revisions`: one line per revision, then the working text.
fn list_revisions(path: &Path) -> Result<(), Failure> {
    let draft = draft_file::load(path)?.declaration;
    for line in chapeau::revisions::history(&draft) {
        outln!("{line}");
    }
    Ok(())
}

/// `chapeau import`: reads the text, reports what it found, writes the draft.
fn import_text(text: &Path, output: Option<PathBuf>, force: bool) -> Result<(), Failure> {
    let source = chapeau::diagnostic::read_text_file(text)?;
    let output = output.unwrap_or_else(|| text.with_extension("toml"));
    if output.exists() && !force {
        return Err(anyhow::anyhow!(
            "{} already exists; choose another name with -o, or add --force to replace it",
            output.display()
        )
        .into());
    }
    let imported = chapeau::import::import(&source)
        .map_err(|problem| Box::new(problem.in_file(text, &source)))?;
    for warning in &imported.warnings {
        eprintln!(
            "{}:{}: warning: {}",
            text.display(),
            warning.line,
            visible(&warning.message)
        );
    }
    outln!("{}: {}", text.display(), imported.summary());
    let d = &imported.declaration;
    draft_file::save(&output, d)
        .with_context(|| format!("the draft was not written to {}", output.display()))?;
    outln!("wrote {}", output.display());
    Ok(())
}

/// Opens the drafting screen on `draft` (or on a new untitled draft).
fn open_screen(draft: Option<PathBuf>, folders: &[PathBuf]) -> Result<(), Failure> {
    let is_text = draft
        .as_ref()
        .is_some_and(|path| path.extension().is_none_or(|ext| ext != "toml"));
    let declaration = match &draft {
        Some(path) if path.exists() => draft_file::load_draft_or_text(path)?.declaration,
        _ => draft_file::skeleton(),
    };
    let is_new = draft.as_ref().is_some_and(|path| !path.exists());
    // An imported text is never written over: the first save asks for a draft name.
    let draft = if is_text { None } else { draft };
    let keymap = chapeau::tui::config::load_keymap()?;
    let library = ClauseLibrary::load(&LibrarySource::standard(folders))?;
    library.prepare_search();
    let problems = library
        .findings
        .iter()
        .filter(|f| matches!(f, chapeau::library::Finding::Malformed(_)))
        .count();
    let problem = library.first_malformed().map(|d| {
        format!(
            "{}:{}: {}{} (run `chapeau library check`)",
            d.path.display(),
            d.line,
            d.message,
            match problems {
                1 => String::new(),
                n => format!(
                    ", and {} more problem{}",
                    n - 1,
                    if n == 2 { "" } else { "s" }
                ),
            }
        )
    });
    let theme = chapeau::tui::theme::Theme::from_environment();
    let new_draft_note = draft.as_ref().filter(|_| is_new).map(|path| {
        format!(
            "new draft: {} does not exist yet; it is written on the first save",
            path.display()
        )
    });
    let mut app = chapeau::tui::app::App::new(declaration, draft, library, keymap, theme);
    app.message = problem.or(new_draft_note);
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(anyhow::anyhow!(
            "the drafting screen needs a terminal; from a script, use `chapeau export DRAFT` or `chapeau check DRAFT` (see `chapeau --help`)"
        )
        .into());
    }
    chapeau::tui::run(chapeau::tui::prepare(app))?;
    Ok(())
}

/// Writes an export or a redline atomically: never over any of the files it was made from,
/// and over another file only when told to (`--force`), as `import` and `new` do.
fn write_output(sources: &[&Path], output: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let is_a_source =
        sources.iter().any(
            |source| match (source.canonicalize(), output.canonicalize()) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            },
        );
    if is_a_source {
        return Err(anyhow::anyhow!(
            "{} is the draft itself, or a file being compared; write the output to another file",
            output.display()
        )
        .into());
    }
    if !force && std::fs::metadata(output).is_ok_and(|found| found.is_file()) {
        return Err(anyhow::anyhow!(
            "{} already exists; choose another name, or add --force to replace it",
            output.display()
        )
        .into());
    }
    chapeau::atomic_file::write_atomically(output, text.as_bytes())
        .with_context(|| format!("the output was not written to {}", output.display()))?;
    Ok(())
}

fn report_findings(path: &Path, loaded: &LoadedDraft) -> Result<(), Failure> {
    let findings = check(&loaded.declaration);
    for finding in &findings {
        outln!(
            "{}:{}: warning: {}",
            path.display(),
            loaded.line_of(finding.at),
            visible(&finding.message)
        );
    }
    if findings.is_empty() {
        Ok(())
    } else {
        eprintln!(
            "{} finding{}",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" }
        );
        Err(Failure::Findings)
    }
}

fn run_library(args: LibraryArgs) -> Result<(), Failure> {
    let sources = LibrarySource::standard(&args.folders);
    let library = ClauseLibrary::load(&sources)?;
    if let LibraryCommand::Check = args.command {
        return check_library(&library, sources.len());
    }
    // A broken clause is left out alone, not the whole library.
    let malformed = library.findings.iter().filter_map(|finding| match finding {
        chapeau::library::Finding::Malformed(diagnostic) => Some(diagnostic),
        _ => None,
    });
    for d in malformed {
        eprintln!(
            "{}:{}:{}: warning: left out of the library: {} (run `chapeau library check`)",
            d.path.display(),
            d.line,
            d.column,
            visible(&d.message)
        );
    }
    match args.command {
        LibraryCommand::List {
            format,
            section,
            tag,
        } => {
            let clauses: Vec<&Clause> = library
                .grouped()
                .into_iter()
                .map(|i| &library.clauses()[i])
                .filter(|c| section.is_none_or(|s| c.section == Section::from(s)))
                .filter(|c| tag.as_ref().is_none_or(|t| c.tags.contains(t)))
                .collect();
            print_clauses(&clauses, format)?;
            Ok(())
        }
        LibraryCommand::Show { id } => match library.get(&id) {
            Some(clause) => {
                out!("{}", clause.shown());
                Ok(())
            }
            None => {
                eprintln!("no clause `{}` in the library", visible(&id));
                let near: Vec<&str> = library
                    .search(&id)
                    .iter()
                    .take(3)
                    .map(|c| c.id.as_str())
                    .collect();
                if !near.is_empty() {
                    eprintln!("help: did you mean {}?", near.join(", "));
                }
                Err(Failure::Findings)
            }
        },
        LibraryCommand::Search { query, format } => {
            let found = library.search(&query);
            print_clauses(&found, format)?;
            if found.is_empty() {
                eprintln!("no clause matches \"{}\"", visible(&query));
                return Err(Failure::Findings);
            }
            Ok(())
        }
        LibraryCommand::Check => unreachable!("handled above"),
    }
}

fn check_library(library: &ClauseLibrary, libraries: usize) -> Result<(), Failure> {
    for finding in &library.findings {
        outln!("{}", visible(&finding.to_string()));
    }
    let problems = library.findings.iter().filter(|f| f.is_problem()).count();
    let overrides = library.findings.len() - problems;
    eprintln!(
        "{} clauses from {libraries} librar{}: {problems} problem{}, {overrides} override{}",
        library.clauses().len(),
        if libraries == 1 { "y" } else { "ies" },
        if problems == 1 { "" } else { "s" },
        if overrides == 1 { "" } else { "s" },
    );
    if problems == 0 {
        Ok(())
    } else {
        Err(Failure::Findings)
    }
}

fn print_clauses(clauses: &[&Clause], format: ListFormat) -> Result<(), Failure> {
    match format {
        ListFormat::Json => out!("{}", chapeau::safe_text::json_lines(&clauses)),
        ListFormat::Text => {
            for line in chapeau::library::listing(clauses) {
                outln!("{line}");
            }
        }
    }
    Ok(())
}
