//! Which version of a draft to show or compare: a circulated revision or the working text.
//! The command line and the drafting screen both choose versions through [`Version`].

use std::fmt;
use std::str::FromStr;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::draft_file;
use crate::model::Declaration;
use crate::redline::Pairing;

/// A version of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// Circulated revision n (0 is the original).
    Revision(usize),
    /// The working text, numbered as the revision it will become.
    Working,
}

impl FromStr for Version {
    type Err = String;

    /// Reads "working" or a revision number.
    fn from_str(text: &str) -> Result<Version, String> {
        match text.trim() {
            "working" => Ok(Version::Working),
            number => number
                .parse()
                .map(Version::Revision)
                .map_err(|_| format!("a revision number or \"working\", not \"{text}\"")),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Revision(n) => write!(f, "REV {n}"),
            Version::Working => write!(f, "working"),
        }
    }
}

/// A revision asked for that the draft does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSuchRevision {
    /// How many revisions the draft has.
    pub circulated: usize,
}

impl fmt::Display for NoSuchRevision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.circulated {
            0 => write!(f, "has no circulated revision"),
            n => write!(
                f,
                "has {n} circulated revision{}: ask for 0 to {}",
                if n == 1 { "" } else { "s" },
                n - 1
            ),
        }
    }
}

impl Declaration {
    /// The text of `version`: a circulated revision as it went out, or the working text
    /// numbered as the revision it will become.
    pub fn version(&self, version: Version) -> Result<Declaration, NoSuchRevision> {
        match version {
            Version::Working => Ok(self.as_next_revision()),
            Version::Revision(n) => self
                .revisions
                .get(n)
                .map(|revision| revision.text.clone())
                .ok_or(NoSuchRevision {
                    circulated: self.revisions.len(),
                }),
        }
    }

    /// The last circulated revision, which a redline starts from unless told otherwise.
    pub fn last_revision(&self) -> Option<Version> {
        self.revisions.len().checked_sub(1).map(Version::Revision)
    }

    /// How a version is named to the drafter: its printed number ("6093/1/09 REV 1"), else
    /// "REV n", or "working".
    pub fn name_of(&self, version: Version) -> String {
        let number = match version {
            Version::Revision(n) => self
                .revisions
                .get(n)
                .map(|r| r.text.header.printed_number()),
            Version::Working => None,
        };
        match (number, version) {
            (Some(number), _) if !number.is_empty() => number,
            _ => version.to_string(),
        }
    }
}

/// Two versions to compare, and whether their paragraphs pair by id.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The old version.
    pub old: Declaration,
    /// The new version.
    pub new: Declaration,
    /// How paragraphs are paired: by id between versions of one draft; by drawn ids between
    /// drafts that share a history (one a copy of the other); by their words between texts
    /// imported separately, exactly as the two texts would be.
    pub pairing: Pairing,
}

impl Comparison {
    /// Two files, each a draft (its working text) or a plain text read on the fly.
    pub fn of_files(old: &Path, new: &Path) -> Result<Comparison, Box<Diagnostic>> {
        let read = |path: &Path| {
            draft_file::load_draft_or_text(path)
                .map(|loaded| loaded.declaration.into_next_revision())
        };
        // The two files are read side by side: on a laptop's two cores, in the time of one.
        let (old, new) = std::thread::scope(|scope| {
            let new = scope.spawn(|| read(new));
            let old = read(old);
            (old, new.join().expect("reading a file does not panic"))
        });
        let (old, new) = (old?, new?);
        let pairing = if old.shares_history_with(&new) {
            Pairing::ByDrawnId
        } else {
            Pairing::ByWords
        };
        Ok(Comparison { old, new, pairing })
    }

    /// Two versions of one draft: from `from` (the last circulated revision by default) to
    /// `to`.
    pub fn within(
        draft: &Declaration,
        from: Option<Version>,
        to: Version,
    ) -> Result<Comparison, NoSuchRevision> {
        let from = from
            .or(draft.last_revision())
            .ok_or(NoSuchRevision { circulated: 0 })?;
        Ok(Comparison {
            old: draft.version(from)?,
            new: draft.version(to)?,
            pairing: Pairing::ById,
        })
    }

    /// The tracked changes between the two.
    pub fn redline(&self) -> crate::redline::Redline {
        crate::redline::redline(&self.old, &self.new, self.pairing)
    }
}

/// One line per circulated revision, then the working text: number, date, counts, and what
/// changed since the revision before.
pub fn history(draft: &Declaration) -> Vec<String> {
    let counts = |d: &Declaration| {
        format!(
            "{} preambular, {} operative",
            d.preamble.len(),
            d.operative.len()
        )
    };
    let changes = |before: &Declaration, after: &Declaration| {
        crate::redline::render::summary(&crate::redline::redline(before, after, Pairing::ById))
    };
    let mut lines = Vec::new();
    let mut previous: Option<&Declaration> = None;
    for (n, revision) in draft.revisions.iter().enumerate() {
        let number = revision.text.header.printed_number();
        let since = previous.map_or("the original".to_string(), |before| {
            changes(before, &revision.text)
        });
        lines.push(format!(
            "REV {n}  {number:<18} {}  {}  {since}",
            revision.date,
            counts(&revision.text)
        ));
        previous = Some(&revision.text);
    }
    let working = draft.as_next_revision();
    let since = previous.map_or("not circulated yet".to_string(), |before| {
        changes(before, &working)
    });
    lines.push(format!(
        "working, to be REV {}  {}  {since}",
        draft.next_revision(),
        counts(&working)
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_read_as_written() {
        assert_eq!("working".parse(), Ok(Version::Working));
        assert_eq!("2".parse(), Ok(Version::Revision(2)));
        assert!(
            "two"
                .parse::<Version>()
                .unwrap_err()
                .contains("\"working\"")
        );
        let draft = Declaration::default();
        assert_eq!(
            draft.version(Version::Revision(0)).unwrap_err().to_string(),
            "has no circulated revision"
        );
        assert_eq!(draft.name_of(Version::Working), "working");
    }
}
