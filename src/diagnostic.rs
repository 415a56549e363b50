//! Messages about bad input that a drafter can act on: the file, the line and column, the
//! line itself with a caret under the place, what is wrong and what to do about it.
//!
//! A reader finds a [`Problem`] at a place in a text; the command that read the text from a
//! file makes it a [`Diagnostic`], which names the file. The quoted line and its caret are
//! laid out by annotate-snippets, which counts display columns (tabs, wide characters).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem found at one place in an input text: every reader (draft files, imports, the
/// settings, the clause library) reports its problems as one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the text, as byte offsets.
    pub at: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl Problem {
    /// A problem at `at` in the text read.
    pub fn new(at: Range<usize>, message: impl Into<String>, help: impl Into<String>) -> Problem {
        Problem {
            at,
            message: message.into(),
            help: help.into(),
        }
    }

    /// The 1-based line of `source` the problem is on.
    pub fn line_in(&self, source: &str) -> usize {
        Position::of_offset(source, self.at.start).line
    }

    /// The problem as found in `path`, whose text is `source`.
    pub fn in_file(self, path: &Path, source: &str) -> Diagnostic {
        Diagnostic::at_offset(path, source, self.at.start, self.message, self.help)
    }
}

/// A problem found at one place in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The offending line, quoted in the message.
    pub source_line: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl Diagnostic {
    /// A diagnostic at byte `offset` of `source`, the text of `path`.
    pub fn at_offset(
        path: &Path,
        source: &str,
        offset: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        let position = Position::of_offset(source, offset);
        Diagnostic {
            path: path.to_path_buf(),
            line: position.line,
            column: position.column,
            source_line: source
                .lines()
                .nth(position.line - 1)
                .unwrap_or("")
                .to_string(),
            message: message.into(),
            help: help.into(),
        }
    }

    /// A diagnostic about a file as a whole (it cannot be read at all).
    pub fn of_file(path: &Path, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            source_line: String::new(),
            message: message.into(),
            help: help.into(),
        }
    }
}

/// The widest quoted line: a longer one is cut around the caret.
const QUOTE_WIDTH: usize = 120;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
        // The first line is the one editors and scripts read: FILE:LINE:COLUMN, or FILE alone
        // for the file as a whole (one that cannot be read has no line to point at).
        if self.line == 0 {
            writeln!(f, "{}: error: {}", self.path.display(), self.message)?;
        } else {
            writeln!(
                f,
                "{}:{}:{}: error: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )?;
        }
        let quoted = crate::safe_text::visible(&self.source_line);
        let group = if quoted.is_empty() {
            Group::with_level(Level::ERROR).element(Level::HELP.message(&self.help))
        } else {
            // Hostile characters are shown by stand-ins of their own, one for one: the
            // caret's character index is the same in the quoted line.
            let start = quoted
                .char_indices()
                .nth(self.column - 1)
                .map_or(quoted.len(), |(at, _)| at);
            let end = quoted[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            Group::with_level(Level::ERROR)
                .element(
                    Snippet::source(quoted.as_ref())
                        .line_start(self.line)
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
                .element(Level::HELP.message(&self.help))
        };
        let rendered = Renderer::plain().term_width(QUOTE_WIDTH).render(&[group]);
        write!(f, "{}", rendered.trim_end())
    }
}

impl std::error::Error for Diagnostic {}

/// A 1-based line and column in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The line and column of byte `offset` in `source` (clamped to the text).
    pub fn of_offset(source: &str, offset: usize) -> Position {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: source[line_start..offset].chars().count() + 1,
        }
    }
}

/// The start of every line of a text, so that many offsets can be turned into line numbers
/// without rescanning the text each time.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `source`.
    pub fn new(source: &str) -> LineIndex {
        let breaks = source.match_indices('\n').map(|(i, _)| i + 1);
        LineIndex {
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// The byte offset where 1-based `line` starts (the end of the text past the last line).
    pub fn offset_of_line(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or_else(|| *self.starts.last().unwrap_or(&0))
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// Reads a file as UTF-8 text, or says precisely why it cannot be read as such.
pub fn read_text_file(path: &Path) -> Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|error| {
        let help = match error.kind() {
            std::io::ErrorKind::NotFound if path.extension().is_some_and(|e| e == "toml") => {
                "check the file name, or run `chapeau new FILE` to start a draft"
            }
            std::io::ErrorKind::NotFound => "check the file name and the folder",
            std::io::ErrorKind::PermissionDenied => "check the file's permissions",
            _ => "check that the path names a readable file",
        };
        Box::new(Diagnostic::of_file(
            path,
            format!("cannot read the file: {error}"),
            help,
        ))
    })?;
    text_from_bytes(path, bytes)
}

/// Turns raw bytes into text, refusing binary content and invalid UTF-8 with their position.
pub fn text_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    // Word's "Unicode Text" is UTF-16 with a byte-order mark; Notepad's UTF-8 starts with one.
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)]))
            .collect();
        return String::from_utf16(&units).map_err(|_| {
            Box::new(Diagnostic::of_file(
                path,
                "the file says it is UTF-16 text, but is not",
                "save the file as UTF-8 text (in most editors: Save As, Encoding: UTF-8)",
            ))
        });
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let readable = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        return Err(Box::new(Diagnostic::at_offset(
            path,
            &readable,
            readable.len(),
            "this looks like a binary file, not text (it contains a NUL byte)",
            "give chapeau a UTF-8 text file (a draft in TOML, or a plain-text declaration)",
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.into_bytes();
        let readable = String::from_utf8_lossy(&bytes[..valid]).into_owned();
        Box::new(Diagnostic::at_offset(
            path,
            &readable,
            valid,
            "the file is not valid UTF-8 text",
            "save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncé\nx";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 6),
            Position { line: 2, column: 3 }
        );
        assert_eq!(
            Position::of_offset(text, 99),
            Position { line: 3, column: 2 }
        );
    }

    #[test]
    fn the_line_index_agrees_with_positions() {
        let text = "ab\ncé\n\nx";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(
                index.line_of(offset),
                Position::of_offset(text, offset).line,
                "{offset}"
            );
        }
    }

    #[test]
    fn a_diagnostic_quotes_the_line_and_points_at_the_column() {
        let source = "a = 1\ntxt = \"x\"\n";
        let diagnostic = Diagnostic::at_offset(
            Path::new("d.toml"),
            source,
            6,
            "unknown key `txt`",
            "fix it",
        );
        assert_eq!(
            diagnostic.to_string(),
            "d.toml:2:1: error: unknown key `txt`\n  |\n2 | txt = \"x\"\n  | ^\n  |\n  = help: fix it"
        );
    }

    /// The text shown at display column `column` of `line`, and the column of the caret in
    /// the line below: the caret stands under what it points at when the two agree.
    fn under_the_caret(shown: &str) -> String {
        use unicode_width::UnicodeWidthChar;
        let lines: Vec<&str> = shown.lines().collect();
        let caret_line = lines
            .iter()
            .position(|l| l.trim_end().ends_with('^'))
            .unwrap();
        let caret = lines[caret_line].find('^').unwrap();
        let mut column = 0;
        for c in lines[caret_line - 1].chars() {
            if column == caret {
                return c.to_string();
            }
            column += c.width().unwrap_or(0);
        }
        panic!("the caret points past the line:\n{shown}")
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let source = format!("opening = \"{}\x01\"", "word ".repeat(100));
        let diagnostic = Diagnostic::at_offset(Path::new("d.toml"), &source, 511, "bad", "fix");
        let shown = diagnostic.to_string();
        assert_eq!(under_the_caret(&shown), "\u{2401}", "{shown}");
        assert!(
            shown.lines().all(|line| line.chars().count() < 200),
            "{shown}"
        );
    }

    #[test]
    fn the_caret_stands_under_its_place_after_tabs_and_wide_characters() {
        for (source, offset, pointed) in [
            ("\tkey = \"x\"", 1, "k"),
            ("\t\tkey = \"x\"", 2, "k"),
            ("移民 = \"x\"", 7, "="),
            ("titles = [\"伙伴关系\", 5]", 26, "5"),
        ] {
            let diagnostic =
                Diagnostic::at_offset(Path::new("d.toml"), source, offset, "bad", "fix");
            let shown = diagnostic.to_string();
            assert_eq!(under_the_caret(&shown), pointed, "{source:?}\n{shown}");
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let error = text_from_bytes(Path::new("f.txt"), b"ok\nab\xff".to_vec()).unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        assert!(error.message.contains("UTF-8"));
    }

    #[test]
    fn binary_files_are_refused() {
        let error =
            text_from_bytes(Path::new("f.bin"), b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(error.message.contains("binary"));
    }
}
