//! Everything a drafter can ask the application to do. Keys map to actions through the
//! keymap; `App::update` carries them out, so every behaviour is testable without a terminal.

use serde::{Deserialize, Serialize};

/// One thing the drafter asks for. Names are snake_case in `config.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Focus the other pane.
    FocusNext,
    /// Focus the other pane, backwards.
    FocusPrevious,
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move the selection up a page.
    PageUp,
    /// Move the selection down a page.
    PageDown,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Type a filter for the library.
    Search,
    /// Keep the filter and the selection, and stop typing.
    SearchAccept,
    /// Clear the filter.
    SearchClear,
    /// Add the selected clause to the draft.
    AddClause,
    /// Edit the selected part of the draft here.
    Edit,
    /// Edit the selected part of the draft in $VISUAL or $EDITOR.
    EditExternal,
    /// Add an empty paragraph after the selection and edit it.
    NewParagraph,
    /// Delete the selected paragraph.
    Delete,
    /// Move the selected paragraph up in reading order (across the chapeau; an unplaced
    /// passage into the operative part).
    MoveUp,
    /// Move the selected paragraph down in reading order (across the chapeau).
    MoveDown,
    /// Edit the cover note fields.
    EditHeader,
    /// Undo the last change to the draft.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Save the draft (atomically).
    Save,
    /// Save the draft under another name, which it keeps from then on.
    SaveAs,
    /// Bring back the search before.
    RecallSearch,
    /// Quit, asking first when there are unsaved changes.
    Quit,
    /// Show every key and what it does.
    Help,
    /// Close the help.
    CloseHelp,
    /// Keep the edit and close the editor.
    KeepEdit,
    /// Discard the edit and close the editor.
    DiscardEdit,
    /// Go to the next field of the form.
    NextField,
    /// Go to the previous field of the form.
    PreviousField,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Cancel the question.
    Cancel,
    /// Open the draft read-only.
    ReadOnly,
    /// Open the draft even though another chapeau has it open.
    OpenAnyway,
    /// Freeze the working text as the next revision.
    Circulate,
    /// Show the tracked changes since the last circulated revision.
    Redline,
    /// Go to the next change in the redline.
    NextChange,
    /// Go to the previous change in the redline.
    PreviousChange,
    /// Close the redline.
    CloseRedline,
    /// Compare from an earlier revision.
    EarlierFrom,
    /// Compare from a later revision.
    LaterFrom,
    /// Compare to an earlier revision.
    EarlierTo,
    /// Compare to a later revision (or the working text).
    LaterTo,
    /// Show the old and new texts side by side.
    SideBySide,
    /// Switch the operative numbering: lettered, numbered, unnumbered.
    Numbering,
    /// Find words in the draft.
    Find,
    /// Go to the next place the words looked for are found.
    NextHit,
    /// Go to the previous place the words looked for are found.
    PreviousHit,
    /// List what `chapeau check` finds in the draft.
    Check,
    /// Go to the paragraph of the selected finding.
    Jump,
    /// Close the list of findings.
    CloseFindings,
}

impl Action {
    /// The action's name in `config.toml`, e.g. `move_up`.
    pub fn name(self) -> String {
        let debug = format!("{self:?}");
        let mut name = String::new();
        for (i, c) in debug.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        }
        name
    }

    /// Whether the action changes the draft (refused when it is open read-only).
    pub fn changes_the_draft(self) -> bool {
        matches!(
            self,
            Action::AddClause
                | Action::Edit
                | Action::EditExternal
                | Action::NewParagraph
                | Action::Delete
                | Action::MoveUp
                | Action::MoveDown
                | Action::EditHeader
                | Action::Undo
                | Action::Redo
                | Action::Save
                | Action::SaveAs
                | Action::Circulate
                | Action::Numbering
        )
    }

    /// What the action does, for the help screen.
    pub fn description(self) -> &'static str {
        match self {
            Action::FocusNext => "focus the other pane",
            Action::FocusPrevious => "focus the other pane (backwards)",
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::First => "jump to the first row",
            Action::Last => "jump to the last row",
            Action::Search => "search the library (fuzzy, live)",
            Action::SearchAccept => "keep the filter and the selection",
            Action::SearchClear => "clear the filter",
            Action::AddClause => "add the clause to the draft",
            Action::Edit => "edit the selected part",
            Action::EditExternal => "edit it in $VISUAL or $EDITOR",
            Action::NewParagraph => "add an empty paragraph after the selection",
            Action::Delete => "delete the paragraph",
            Action::MoveUp => {
                "move the paragraph up, past the chapeau too; unplaced text up into the operative part"
            }
            Action::MoveDown => "move the paragraph down, past the chapeau too",
            Action::EditHeader => "edit the cover note",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save",
            Action::SaveAs => "save under another name",
            Action::RecallSearch => "bring back the search before",
            Action::Quit => "quit",
            Action::Help => "show this help",
            Action::CloseHelp => "close the help",
            Action::KeepEdit => "keep the edit",
            Action::DiscardEdit => "discard the edit",
            Action::NextField => "next field",
            Action::PreviousField => "previous field",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Cancel => "cancel",
            Action::ReadOnly => "open read-only",
            Action::OpenAnyway => "open anyway",
            Action::Circulate => "circulate the working text as the next revision",
            Action::Redline => "show the tracked changes since the last revision",
            Action::NextChange => "next change",
            Action::PreviousChange => "previous change",
            Action::CloseRedline => "close the tracked changes",
            Action::EarlierFrom => "compare from an earlier revision",
            Action::LaterFrom => "compare from a later revision",
            Action::EarlierTo => "compare to an earlier revision",
            Action::LaterTo => "compare to a later revision or the working text",
            Action::SideBySide => "old and new side by side, or inline",
            Action::Numbering => "switch the operative numbering: (a), 1., none",
            Action::Find => "find words in the draft",
            Action::NextHit => "the next place found",
            Action::PreviousHit => "the previous place found",
            Action::Check => "list what the check of the draft finds, to go to each",
            Action::Jump => "go to the paragraph",
            Action::CloseFindings => "close the findings",
        }
    }

    /// The one or two words the hint bar shows.
    pub fn hint(self) -> &'static str {
        match self {
            Action::FocusNext => "pane",
            Action::Search => "search",
            Action::AddClause => "add",
            Action::Edit => "edit",
            Action::EditExternal => "$EDITOR",
            Action::NewParagraph => "new",
            Action::Delete => "delete",
            Action::MoveUp => "move up",
            Action::MoveDown => "move down",
            Action::EditHeader => "cover note",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save",
            Action::SaveAs => "save as",
            Action::RecallSearch => "last search",
            Action::Quit => "quit",
            Action::Help => "help",
            Action::CloseHelp => "close",
            Action::SearchAccept => "keep",
            Action::SearchClear => "clear",
            Action::KeepEdit => "keep",
            Action::DiscardEdit => "discard",
            Action::NextField => "next field",
            Action::PreviousField => "previous field",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Cancel => "cancel",
            Action::ReadOnly => "read-only",
            Action::Circulate => "circulate",
            Action::Redline => "changes",
            Action::NextChange => "next change",
            Action::PreviousChange => "previous",
            Action::EarlierFrom => "from older",
            Action::LaterFrom => "from newer",
            Action::EarlierTo => "to older",
            Action::LaterTo => "to newer",
            Action::SideBySide => "side by side",
            Action::CloseRedline => "close",
            Action::OpenAnyway => "open anyway",
            Action::Numbering => "numbering",
            Action::Find => "find",
            Action::NextHit => "next found",
            Action::PreviousHit => "previous found",
            Action::Check => "check",
            Action::Jump => "go to",
            Action::CloseFindings => "close",
            _ => self.description(),
        }
    }
}
