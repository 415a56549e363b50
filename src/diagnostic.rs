//! Messages about bad input that a drafter can act on: the file, the line and column, the
//! line itself, what is wrong and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}:{}:{}: error: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )?;
        if !self.source_line.is_empty() {
            // A long line is quoted around the column, so that the caret points into it.
            let skip = self.column.saturating_sub(1).saturating_sub(80);
            let lead = if skip > 0 { "…" } else { "" };
            let gutter = self.line.to_string();
            let quoted: String = self.source_line.chars().skip(skip).take(160).collect();
            writeln!(f, "{gutter} | {lead}{}", crate::safe_text::visible(&quoted))?;
            let pad = " ".repeat(gutter.len());
            let caret = " ".repeat(self.column.saturating_sub(1) - skip + lead.chars().count());
            writeln!(f, "{pad} | {caret}^")?;
        }
        write!(f, "help: {}", self.help)
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
            std::io::ErrorKind::NotFound => {
                "check the file name, or run `chapeau new FILE` to start a draft"
            }
            std::io::ErrorKind::PermissionDenied => "check the file's permissions",
            _ => "check that the path names a readable file",
        };
        Box::new(Diagnostic {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            source_line: String::new(),
            message: format!("cannot read the file: {error}"),
            help: help.to_string(),
        })
    })?;
    text_from_bytes(path, bytes)
}

/// Turns raw bytes into text, refusing binary content and invalid UTF-8 with their position.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
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
            "d.toml:2:1: error: unknown key `txt`\n2 | txt = \"x\"\n  | ^\nhelp: fix it"
        );
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let source = format!("opening = \"{}\x01\"", "word ".repeat(100));
        let diagnostic = Diagnostic::at_offset(Path::new("d.toml"), &source, 511, "bad", "fix");
        let shown = diagnostic.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[2].find('^').unwrap();
        assert_eq!(lines[1].chars().nth(caret), Some('\u{2401}'), "{shown}");
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
