//! The clause library: clauses drafters already trust, bundled into the binary and extended
//! by the user's own folders, where a later clause with the same id overrides an earlier one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, text_from_bytes};
use crate::model::Section;

/// The library files shipped inside the binary: (file name, contents).
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_library.rs"));

/// A reusable paragraph, preambular or operative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Unique, kebab-case.
    pub id: String,
    /// Where the clause goes in a declaration.
    pub section: Section,
    /// The clause text; `**...**` marks emphasis.
    pub text: String,
    /// Sub-items of a lead-in ending in ":".
    pub items: Vec<String>,
    /// Themes, for filtering.
    pub tags: Vec<String>,
    /// The real document the clause was taken from.
    pub source: String,
    /// Where this definition was read (not part of the clause's JSON).
    #[serde(skip)]
    pub origin: Origin,
}

/// Where a clause definition was read: the library it belongs to and the file and line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The library: "bundled", or the folder.
    pub library: String,
    /// The file, as shown in messages.
    pub file: PathBuf,
    /// The line of the clause's `[[clause]]` table.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

/// A clause as written in its file, with where each value stands.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClause {
    id: Spanned<String>,
    section: Section,
    text: Spanned<String>,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    source: Spanned<String>,
}

/// Clauses one per line, as `chapeau library list` prints them: section, id, the opening of
/// the text, tags.
pub fn listing(clauses: &[&Clause]) -> Vec<String> {
    let id_width = clauses
        .iter()
        .map(|c| c.id.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    let shorten = |text: &str, limit: usize| {
        if text.chars().count() <= limit {
            text.to_string()
        } else {
            format!("{}…", text.chars().take(limit - 1).collect::<String>())
        }
    };
    clauses
        .iter()
        .map(|clause| {
            let marker = match clause.section {
                Section::Preamble => 'P',
                Section::Operative => 'O',
            };
            let text = shorten(&crate::export::text::plain(&clause.text), 64);
            let tags = if clause.tags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", clause.tags.join(", "))
            };
            format!(
                "{marker}  {:<id_width$}  {text}{}",
                clause.id,
                crate::safe_text::visible(&tags)
            )
        })
        .collect()
}

impl Clause {
    /// The clause in full, as `chapeau library show` prints it: text, items, tags, source and
    /// where it was loaded from.
    pub fn shown(&self) -> String {
        use crate::safe_text::visible;
        let wrap = |text: &str, indent: &str, rest: &str| {
            let options = textwrap::Options::new(usize::from(crate::export::DEFAULT_WIDTH))
                .initial_indent(indent)
                .subsequent_indent(rest);
            textwrap::fill(&crate::export::text::plain(text), options)
        };
        let mut out = format!(
            "{} ({})\n\n{}\n",
            self.id,
            self.section.name(),
            wrap(&self.text, "", "")
        );
        for item in &self.items {
            out.push_str(&wrap(item, "  - ", "    "));
            out.push('\n');
        }
        out.push_str(&format!(
            "\ntags:   {}\nsource: {}\nfrom:   {} ({})\n",
            visible(&self.tags.join(", ")),
            visible(&self.source),
            self.origin,
            self.origin.library
        ));
        out
    }
}

/// One place clauses come from, in the order they are layered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibrarySource {
    /// The files compiled into the binary.
    Bundled,
    /// A folder of `*.toml` files (the user's own, or one given with `--library`).
    Folder(PathBuf),
}

impl LibrarySource {
    /// The user's own library folder in the platform config dir, if the platform has one.
    /// `CHAPEAU_CONFIG_DIR` replaces the platform config dir (for tests and portable setups).
    pub fn user_folder() -> Option<PathBuf> {
        crate::config_dir().map(|dir| dir.join("clause-library"))
    }

    /// The sources in layering order: bundled, the user's folder when it exists, then `extra`.
    pub fn standard(extra: &[PathBuf]) -> Vec<LibrarySource> {
        let mut sources = vec![LibrarySource::Bundled];
        if let Some(folder) = Self::user_folder().filter(|folder| folder.is_dir()) {
            sources.push(LibrarySource::Folder(folder));
        }
        for folder in extra {
            // The same folder given twice (or the user's folder again) is read once.
            let same = |known: &LibrarySource| match (known, folder.canonicalize()) {
                (LibrarySource::Folder(known), Ok(full)) => {
                    known.canonicalize().is_ok_and(|k| k == full)
                }
                (LibrarySource::Folder(known), Err(_)) => known == folder,
                (LibrarySource::Bundled, _) => false,
            };
            if !sources.iter().any(same) {
                sources.push(LibrarySource::Folder(folder.clone()));
            }
        }
        sources
    }

    fn name(&self) -> String {
        match self {
            LibrarySource::Bundled => "bundled".to_string(),
            LibrarySource::Folder(folder) => folder.display().to_string(),
        }
    }

    /// The files of this source, as (path shown in messages, contents or why it cannot be
    /// read); only a folder that cannot be listed at all is an error.
    #[allow(clippy::type_complexity)]
    fn files(&self) -> Result<Vec<(PathBuf, Result<String, Box<Diagnostic>>)>, Box<Diagnostic>> {
        match self {
            LibrarySource::Bundled => Ok(BUNDLED
                .iter()
                .map(|(name, text)| (Path::new("clause-library").join(name), Ok(text.to_string())))
                .collect()),
            LibrarySource::Folder(folder) => {
                let entries = std::fs::read_dir(folder).map_err(|error| {
                    Box::new(Diagnostic {
                        path: folder.clone(),
                        line: 1,
                        column: 1,
                        source_line: String::new(),
                        message: format!("cannot read the library folder: {error}"),
                        help: "give --library a folder that holds clause files (*.toml)".into(),
                    })
                })?;
                let mut paths: Vec<PathBuf> = entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                    .collect();
                paths.sort();
                Ok(paths
                    .into_iter()
                    .map(|path| {
                        let text = std::fs::read(&path)
                            .map_err(|error| {
                                Box::new(Diagnostic {
                                    path: path.clone(),
                                    line: 1,
                                    column: 1,
                                    source_line: String::new(),
                                    message: format!("cannot read the clause file: {error}"),
                                    help: "check the file's permissions".into(),
                                })
                            })
                            .and_then(|bytes| text_from_bytes(&path, bytes));
                        (path, text)
                    })
                    .collect())
            }
        }
    }
}

/// What `chapeau library check` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A clause file that cannot be read as clauses.
    Malformed(Diagnostic),
    /// The same id twice inside one library: the later one wins, probably by mistake.
    Duplicate {
        /// The clause id.
        id: String,
        /// The first definition.
        first: Origin,
        /// The repeated definition.
        again: Origin,
    },
    /// A later library replaces a clause of an earlier one, as intended by layering.
    Override {
        /// The clause id.
        id: String,
        /// The definition that is replaced.
        replaced: Origin,
        /// The definition that wins.
        by: Origin,
    },
}

impl Finding {
    /// Whether the finding is a mistake to fix (overrides are reported but intended).
    pub fn is_problem(&self) -> bool {
        !matches!(self, Finding::Override { .. })
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::Malformed(diagnostic) => write!(f, "{diagnostic}"),
            Finding::Duplicate { id, first, again } => write!(
                f,
                "{again}: error: the clause id `{id}` is already defined at {first}; this later one is the one used\nhelp: rename one of them; within one library every id must be unique"
            ),
            Finding::Override { id, replaced, by } => {
                write!(
                    f,
                    "{by}: note: the clause `{id}` overrides the one at {replaced}"
                )
            }
        }
    }
}

/// The clauses of all sources, layered, in a stable order (by source, then file, then
/// position), with what was found wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct ClauseLibrary {
    clauses: Vec<Clause>,
    index: HashMap<String, usize>,
    /// What the search looks in, clause by clause, prepared on the first search so that
    /// each keystroke only matches.
    haystacks: std::sync::OnceLock<Vec<Haystack>>,
    /// Problems and overrides met while loading.
    pub findings: Vec<Finding>,
}

impl ClauseLibrary {
    /// Loads every source; read errors of whole folders stop the load, malformed files are
    /// recorded in [`ClauseLibrary::findings`] and skipped.
    pub fn load(sources: &[LibrarySource]) -> Result<ClauseLibrary, Box<Diagnostic>> {
        let mut library = ClauseLibrary::default();
        for source in sources {
            let mut seen_here: HashMap<String, Origin> = HashMap::new();
            for (path, text) in source.files()? {
                let (clauses, problems) = match text {
                    Ok(text) => parse_file(&source.name(), &path, &text),
                    Err(unreadable) => (Vec::new(), vec![*unreadable]),
                };
                library
                    .findings
                    .extend(problems.into_iter().map(Finding::Malformed));
                for clause in clauses {
                    library.add(clause, &mut seen_here);
                }
            }
        }
        Ok(library)
    }

    /// The bundled library alone.
    pub fn bundled() -> ClauseLibrary {
        Self::load(&[LibrarySource::Bundled]).expect("the bundled library has no folders to read")
    }

    fn add(&mut self, clause: Clause, seen_here: &mut HashMap<String, Origin>) {
        if let Some(first) = seen_here.get(&clause.id) {
            self.findings.push(Finding::Duplicate {
                id: clause.id.clone(),
                first: first.clone(),
                again: clause.origin.clone(),
            });
        } else if let Some(&at) = self.index.get(&clause.id) {
            self.findings.push(Finding::Override {
                id: clause.id.clone(),
                replaced: self.clauses[at].origin.clone(),
                by: clause.origin.clone(),
            });
        }
        seen_here.insert(clause.id.clone(), clause.origin.clone());
        match self.index.get(&clause.id) {
            Some(&at) => self.clauses[at] = clause,
            None => {
                self.index.insert(clause.id.clone(), self.clauses.len());
                self.clauses.push(clause);
            }
        }
    }

    /// The first malformed file, which stops commands that need a sound library.
    pub fn first_malformed(&self) -> Option<&Diagnostic> {
        self.findings.iter().find_map(|finding| match finding {
            Finding::Malformed(diagnostic) => Some(diagnostic),
            _ => None,
        })
    }

    /// Every clause, in library order.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// Every clause's position, grouped as a drafter browses them: preambular clauses, then
    /// operative ones, each by theme (its first tag), in library order within a theme.
    pub fn grouped(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.clauses.len()).collect();
        order.sort_by_key(|&i| {
            let clause = &self.clauses[i];
            (clause.section, clause.tags.first().map(String::as_str), i)
        });
        order
    }

    /// The clause with this id.
    pub fn get(&self, id: &str) -> Option<&Clause> {
        self.index.get(id).map(|&at| &self.clauses[at])
    }

    /// Clauses matching `query`, best first; ties keep library order. Each word of the query
    /// is looked for fuzzily in the clause's id and tags ("readmision" finds
    /// `return-readmission`) or as it is written in its text and items (ignoring case and
    /// accents): fuzzy letters scattered over a long paragraph would match almost any query,
    /// and would take long to score. An empty query matches everything.
    pub fn search(&self, query: &str) -> Vec<&Clause> {
        self.search_positions(query)
            .into_iter()
            .map(|at| &self.clauses[at])
            .collect()
    }

    /// Prepares what the search looks in, once: the drafting screen does it as it opens, so
    /// that the drafter's first keystroke in a long library does not wait for it.
    pub fn prepare_search(&self) {
        self.prepared_search();
    }

    fn prepared_search(&self) -> &[Haystack] {
        self.haystacks.get_or_init(|| {
            on_every_core(&self.clauses, |part| {
                part.iter().map(Haystack::of).collect()
            })
        })
    }

    /// The positions in [`ClauseLibrary::clauses`] of the clauses [`ClauseLibrary::search`]
    /// finds, in the same order.
    pub fn search_positions(&self, query: &str) -> Vec<usize> {
        self.refine(&Found::default(), query).ranked
    }

    /// The search for `query`, after `previous` on the way to it: a query that extends the
    /// previous one (the drafter typing on) can only match clauses the previous one matched,
    /// so only those are looked at.
    pub fn refine(&self, previous: &Found, query: &str) -> Found {
        // A few letters scattered over an id match almost any id: a short query is looked for
        // as it is written.
        let short = query.trim().chars().count() < 4;
        let fuzzy = if short {
            Pattern::new(
                query,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Substring,
            )
        } else {
            Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart)
        };
        // Clauses whose id holds the query as it is written come first.
        let wanted = query.trim().to_lowercase().replace(' ', "-");
        let id_holds = |at: usize| -> u32 {
            let id = self.clauses[at].id.to_lowercase();
            u32::from(!wanted.is_empty() && id.contains(&wanted)) + u32::from(id == wanted)
        };
        let words = Pattern::new(
            &plain_punctuation(query),
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Substring,
        );
        let haystacks = self.prepared_search();
        // Negations and anchors ("!", "^", "$", "'") can match more as they grow.
        let is_plain = |q: &str| {
            q.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        };
        // A short query is looked for as written, a longer one fuzzily: a fuzzy search can
        // match what the short one did not, so it starts over.
        let was_short = previous.query.trim().chars().count() < 4;
        let candidates: Vec<usize> = if !previous.query.trim().is_empty()
            && query.starts_with(&previous.query)
            && is_plain(query)
            && (was_short == short)
        {
            previous.matched.clone()
        } else {
            (0..haystacks.len()).collect()
        };
        let mut scored: Vec<(u32, u32, usize)> = on_every_core(&candidates, |part| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            part.iter()
                .filter_map(|&at| {
                    let haystack = &haystacks[at];
                    let in_keys = fuzzy.score(haystack.keys.slice(..), &mut matcher);
                    let in_text = words.score(haystack.text.slice(..), &mut matcher);
                    Some((id_holds(at), in_keys.max(in_text)?, at))
                })
                .collect()
        });
        let mut matched: Vec<usize> = scored.iter().map(|&(_, _, at)| at).collect();
        matched.sort_unstable();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        // Keep the matches at least half as good as the best, so that the list stays about
        // the query rather than every id that holds its letters somewhere; an id that holds
        // the query is always kept.
        let floor = scored.iter().map(|&(_, score, _)| score).max().unwrap_or(0) / 2;
        scored.retain(|&(holds, score, _)| holds > 0 || score >= floor);
        Found {
            query: query.to_string(),
            matched,
            ranked: scored.into_iter().map(|(_, _, at)| at).collect(),
        }
    }
}

/// `work` done on `items` in parts, one thread a part on every core, the results in the
/// order of the items: a long library is prepared and searched in a fraction of the time.
fn on_every_core<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Below a few thousand clauses a thread costs more than it saves.
    let part = items.len().div_ceil(threads).max(2048);
    if items.len() <= part {
        return work(items);
    }
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(part)
            .map(|chunk| scope.spawn(|| work(chunk)))
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().expect("searching never panics"))
            .collect()
    })
}

/// What a search found: the clauses it ranks, and all it matched (for the next keystroke).
#[derive(Debug, Clone, Default)]
pub struct Found {
    query: String,
    matched: Vec<usize>,
    /// The positions of the clauses found, best first.
    pub ranked: Vec<usize>,
}

/// One clause as the search sees it.
#[derive(Debug, Clone)]
struct Haystack {
    /// The id and tags, matched fuzzily.
    keys: Utf32String,
    /// The text and items, matched word for word.
    text: Utf32String,
}

impl Haystack {
    fn of(clause: &Clause) -> Haystack {
        let mut text = plain_punctuation(&clause.text);
        for item in &clause.items {
            text.push(' ');
            text.push_str(&plain_punctuation(item));
        }
        Haystack {
            keys: Utf32String::from(format!("{} {}", clause.id, clause.tags.join(" ")).as_str()),
            text: Utf32String::from(text.as_str()),
        }
    }
}

/// `text` with typographic quotes, dashes and spaces as their ASCII forms, as a drafter types
/// them in a search; a text left in ASCII is also searched several times faster.
fn plain_punctuation(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars().map(crate::find::plain_char).collect()
}

fn is_kebab_case(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Reads one clause file; `library` names the library it belongs to. A clause with a
/// mistake is left out and the others are kept, so that one bad clause never costs a
/// drafter the rest of the file; every mistake is returned, not only the first.
fn parse_file(library: &str, path: &Path, source: &str) -> (Vec<Clause>, Vec<Diagnostic>) {
    let error = |offset: usize, message: String, help: &str| {
        Diagnostic::at_offset(path, source, offset, message, help)
    };
    let of_toml = |e: toml::de::Error, fallback: usize| {
        let help = if e.message().contains("unknown field") {
            "a clause has the keys id, section, text, items, tags and source; check the spelling"
        } else if e.message().contains("missing field") {
            "every clause needs an id, a section, a text and a source"
        } else if e.message().contains("unknown variant") {
            "a clause's section is \"preamble\" or \"operative\""
        } else {
            "fix the TOML syntax here: an unclosed quote or bracket is the usual cause"
        };
        error(
            e.span().map_or(fallback, |s| s.start),
            e.message().trim_end().to_string(),
            help,
        )
    };
    let table = match toml::de::DeTable::parse(source) {
        Ok(table) => table.into_inner(),
        Err(e) => return (Vec::new(), vec![of_toml(e, 0)]),
    };
    let entries = match table.get("clause") {
        None => return (Vec::new(), Vec::new()),
        Some(value) => match value.get_ref().as_array() {
            Some(array) => array.iter().cloned().collect::<Vec<_>>(),
            None => {
                let message = "`clause` is not a list of clauses".to_string();
                let help = "write each clause as a table headed [[clause]]";
                return (Vec::new(), vec![error(value.span().start, message, help)]);
            }
        },
    };
    let index = crate::diagnostic::LineIndex::new(source);
    let mut clauses = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        let start = entry.span().start;
        let raw = match RawClause::deserialize(toml::de::ValueDeserializer::from(entry)) {
            Ok(raw) => raw,
            Err(e) => {
                problems.push(of_toml(e, start));
                continue;
            }
        };
        let found = mistakes_in(&raw);
        if found.is_empty() {
            clauses.push(raw.into_clause(library, path, index.line_of(start)));
        }
        problems.extend(
            found
                .into_iter()
                .map(|(offset, message, help)| error(offset, message, help)),
        );
    }
    (clauses, problems)
}

/// What is wrong with a clause that reads as TOML: (byte offset, message, help) each.
fn mistakes_in(raw: &RawClause) -> Vec<(usize, String, &'static str)> {
    let id = raw.id.get_ref();
    let mut found = Vec::new();
    if !is_kebab_case(id) {
        found.push((
            raw.id.span().start,
            format!("the clause id `{id}` is not kebab-case"),
            "write ids in lower case with hyphens, e.g. id = \"globalised-world\"",
        ));
    }
    if raw.text.get_ref().trim().is_empty() {
        found.push((
            raw.text.span().start,
            format!("the clause `{id}` has an empty text"),
            "write the clause's text",
        ));
    }
    if raw.source.get_ref().trim().is_empty() {
        found.push((
            raw.source.span().start,
            format!("the clause `{id}` does not name its source"),
            "name the document the clause comes from, e.g. source = \"Prague draft joint declaration, 6093/1/09 REV 1\"",
        ));
    }
    for tag in raw.tags.iter().filter(|tag| !is_kebab_case(tag.get_ref())) {
        found.push((
            tag.span().start,
            format!("the tag `{}` is not kebab-case", tag.get_ref()),
            "write tags in lower case with hyphens, e.g. \"irregular-migration\"",
        ));
    }
    found
}

impl RawClause {
    fn into_clause(self, library: &str, path: &Path, line: usize) -> Clause {
        Clause {
            id: self.id.into_inner(),
            section: self.section,
            text: self.text.into_inner(),
            items: self.items,
            tags: self.tags.into_iter().map(Spanned::into_inner).collect(),
            source: self.source.into_inner(),
            origin: Origin {
                library: library.to_string(),
                file: path.to_path_buf(),
                line,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let folder = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(folder.path().join(name), text).unwrap();
        }
        folder
    }

    const ONE: &str = "[[clause]]\nid = \"globalised-world\"\nsection = \"preamble\"\ntext = \"Aware, mine,\"\ntags = [\"partnership\"]\nsource = \"Mine\"\n";

    #[test]
    fn the_bundled_library_is_sound_and_large_enough() {
        let library = ClauseLibrary::bundled();
        assert!(library.findings.is_empty(), "{:#?}", library.findings);
        assert!(library.clauses().len() >= 60, "{}", library.clauses().len());
        for tag in [
            "partnership",
            "irregular-migration",
            "return-readmission",
            "legal-migration",
            "integration",
            "development",
            "protection",
            "follow-up",
        ] {
            assert!(
                library
                    .clauses()
                    .iter()
                    .any(|c| c.tags.iter().any(|t| t == tag)),
                "no clause is tagged {tag}"
            );
        }
    }

    #[test]
    fn a_later_library_overrides_and_the_override_is_reported() {
        let folder = folder_with(&[("mine.toml", ONE)]);
        let library = ClauseLibrary::load(&[
            LibrarySource::Bundled,
            LibrarySource::Folder(folder.path().to_path_buf()),
        ])
        .unwrap();
        assert_eq!(
            library.get("globalised-world").unwrap().text,
            "Aware, mine,"
        );
        assert!(matches!(
            library.findings.as_slice(),
            [Finding::Override { id, .. }] if id == "globalised-world"
        ));
        assert!(!library.findings[0].is_problem());
    }

    #[test]
    fn duplicates_within_one_library_are_problems() {
        let folder = folder_with(&[("a.toml", ONE), ("b.toml", ONE)]);
        let library = ClauseLibrary::load(&[LibrarySource::Folder(folder.path().into())]).unwrap();
        let [Finding::Duplicate { first, again, .. }] = library.findings.as_slice() else {
            panic!("{:?}", library.findings)
        };
        assert!(first.file.ends_with("a.toml") && again.file.ends_with("b.toml"));
        assert_eq!(again.line, 1);
    }

    #[test]
    fn malformed_files_are_located_and_skipped() {
        let bad = "[[clause]]\nid = \"x\"\nsection = \"preface\"\ntext = \"t\"\nsource = \"s\"\n";
        let folder = folder_with(&[("bad.toml", bad), ("good.toml", ONE)]);
        let library = ClauseLibrary::load(&[LibrarySource::Folder(folder.path().into())]).unwrap();
        let malformed = library.first_malformed().unwrap();
        assert_eq!(malformed.line, 3);
        assert!(malformed.help.contains("preamble"));
        assert_eq!(library.clauses().len(), 1);
    }

    #[test]
    fn a_bad_clause_is_left_out_alone_and_every_mistake_is_reported() {
        let file = format!(
            "{ONE}\n[[clause]]\nid = \"Bad Id\"\nsection = \"preamble\"\ntext = \" \"\nsource = \"s\"\ntags = [\"Two Words\"]\n\n[[clause]]\nid = \"no-section\"\ntext = \"t\"\nsource = \"s\"\n\n[[clause]]\nid = \"kept-too\"\nsection = \"operative\"\ntext = \"Agree.\"\nsource = \"s\"\n"
        );
        let folder = folder_with(&[("mixed.toml", &file)]);
        let library = ClauseLibrary::load(&[LibrarySource::Folder(folder.path().into())]).unwrap();
        let ids: Vec<&str> = library.clauses().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["globalised-world", "kept-too"]);
        let problems: Vec<(usize, &str)> = library
            .findings
            .iter()
            .filter_map(|f| match f {
                Finding::Malformed(d) => Some((d.line, d.message.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(problems[0], (9, "the clause id `Bad Id` is not kebab-case"));
        assert_eq!(problems[1].0, 11);
        assert!(problems[1].1.contains("empty text"));
        assert_eq!(problems[2].0, 13);
        assert!(problems[2].1.contains("Two Words"));
        assert_eq!(problems[3].0, 15, "a missing key is reported at its clause");
        assert!(problems[3].1.contains("section"), "{}", problems[3].1);
        assert_eq!(library.clauses()[1].origin.line, 20);
    }

    /// The bundled library browses preambular clauses first, then operative ones, each
    /// theme together.
    #[test]
    fn clauses_are_grouped_by_section_then_theme() {
        let library = ClauseLibrary::bundled();
        let groups: Vec<(Section, Option<&str>)> = library
            .grouped()
            .into_iter()
            .map(|i| {
                let clause = &library.clauses()[i];
                (clause.section, clause.tags.first().map(String::as_str))
            })
            .collect();
        let mut sorted = groups.clone();
        sorted.sort();
        assert_eq!(groups, sorted);
        assert_eq!(groups.len(), library.clauses().len());
        assert!(groups.first().unwrap().0 == Section::Preamble);
        assert!(groups.last().unwrap().0 == Section::Operative);
    }

    /// All a clause says: id, tags, text and items.
    fn everything_in(clause: &Clause) -> String {
        [
            &clause.id,
            &clause.tags.join(" "),
            &clause.text,
            &clause.items.join(" "),
        ]
        .map(|part| part.as_str())
        .join(" ")
    }

    #[test]
    fn typing_a_query_finds_what_searching_it_at_once_finds() {
        let library = ClauseLibrary::bundled();
        for typed in [
            "return readmission",
            "digital innovation",
            "labour-migration",
            "migrants’",
        ] {
            let mut found = Found::default();
            for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
                found = library.refine(&found, &typed[..end]);
                assert_eq!(
                    found.ranked,
                    library.search_positions(&typed[..end]),
                    "{typed}"
                );
            }
            // Deleting letters is not typing on: the search starts over.
            let shorter = library.refine(&found, "ret");
            assert_eq!(shorter.ranked, library.search_positions("ret"));
        }
    }

    #[test]
    fn typographic_quotes_and_dashes_are_found_as_typed() {
        let library = ClauseLibrary::bundled();
        let curly = library
            .clauses()
            .iter()
            .find(|clause| clause.text.contains('\u{2019}'))
            .expect("a clause with a typographic apostrophe");
        let at = curly.text.find('\u{2019}').unwrap();
        let start = curly.text[..at].rfind(' ').map_or(0, |space| space + 1);
        let word = curly.text[start..]
            .split(' ')
            .next()
            .unwrap()
            .replace('\u{2019}', "'");
        assert!(
            library.search(&word).iter().any(|c| c.id == curly.id),
            "{word}"
        );
    }

    #[test]
    fn search_is_fuzzy_and_ranks_the_best_first() {
        let library = ClauseLibrary::bundled();
        let found = library.search("digital innovation");
        assert_eq!(found[0].id, "digital-innovation");
        let found = library.search("readmision");
        assert!(
            found
                .iter()
                .take(5)
                .all(|c| everything_in(c).to_lowercase().contains("readmi"))
        );
        assert_eq!(library.search("").len(), library.clauses().len());
        let returns = library.search("return");
        assert!(
            returns.len() < library.clauses().len() / 2,
            "{} matches",
            returns.len()
        );
        assert!(
            returns
                .iter()
                .take(5)
                .all(|c| everything_in(c).to_lowercase().contains("return"))
        );
    }
}
