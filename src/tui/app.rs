//! The state of the drafting screen and [`App::update`], which carries out every action.
//! Nothing here touches the terminal, so every behaviour is tested directly.

use std::path::PathBuf;

use jiff::civil::Date;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::components::changes::{RedlineView, Step};
use super::components::cover_form::HeaderForm;
use super::components::editor::Editor;
use super::components::findings::Findings;
use super::components::help::Help;
use super::components::library::LibraryPane;
use super::components::outline::Outline;
pub use super::components::question::Prompt;
use super::components::{Component, Look};
use super::effects::{Effect, Outcome};
use super::keymap::{Context, Key, Keymap};
use super::theme::Theme;
use super::views::ScreenLayout;
pub use crate::document::Entry;
use crate::document::{Deleted, Document, Refusal, set_entry_text};
use crate::library::ClauseLibrary;
use crate::model::{Declaration, Section};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The clause library, on the left.
    Library,
    /// The draft outline, on the right.
    Draft,
}

/// What a typed answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The file name to save under: the first save of an untitled draft, or Save As.
    FileName,
    /// The date to circulate the next revision with.
    CirculationDate,
    /// Words to find in the draft.
    Find,
}

/// An answer being typed, and what it is for.
pub struct Typing {
    /// What the answer is for.
    pub asked: Asked,
    /// The answer so far.
    pub input: TextArea<'static>,
}

impl Typing {
    fn new(asked: Asked, placeholder: &str) -> Box<Typing> {
        let mut input = TextArea::new(vec![String::new()]);
        input.set_placeholder_text(placeholder);
        Box::new(Typing { asked, input })
    }

    /// The answer, trimmed.
    pub fn answer(&self) -> String {
        self.input.lines().join("").trim().to_string()
    }
}

/// What the keyboard is doing besides moving around.
pub enum Mode {
    /// Browsing the panes.
    Normal,
    /// Typing a library filter.
    Search,
    /// Editing one part of the draft.
    Editor(Box<Editor>),
    /// Editing the cover note.
    HeaderForm(Box<HeaderForm>),
    /// Reading the help.
    Help(Help),
    /// Waiting for an answer.
    Prompt(Prompt),
    /// Typing an answer: a file name, a date.
    Typing(Box<Typing>),
    /// Reading the tracked changes.
    Redline(Box<RedlineView>),
    /// Reading what the check finds.
    Findings(Box<Findings>),
}

/// What to do once a save asked for is done.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AfterSave {
    /// Nothing more.
    Nothing,
    /// Quit (the drafter answered "save" to the quit question).
    Quit,
    /// Say this instead of "saved".
    Say(String),
}

/// The application: the draft, the library, and where the drafter is.
pub struct App {
    /// The draft, its operations and its history.
    pub document: Document,
    /// The draft file, once it has a name.
    pub path: Option<PathBuf>,
    /// The clause library pane.
    pub library: LibraryPane,
    /// Keys to actions.
    pub keymap: Keymap,
    /// Colours, or none.
    pub theme: Theme,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// What the keyboard is doing.
    pub mode: Mode,
    /// The draft outline.
    pub outline: Outline,
    /// Read-only: edits and saves are refused.
    pub read_only: bool,
    /// The last message for the status line.
    pub message: Option<String>,
    /// Set when the application should end.
    pub should_quit: bool,
    /// What the shell is asked to do, in order.
    effects: Vec<Effect>,
    /// Counts keystrokes typed into an editor or the form, which change the work in
    /// progress before they change the draft.
    typed: u64,
    /// The size of the screen, as the shell last said.
    pub viewport: Rect,
    /// What to do once the draft is saved.
    after_save: AfterSave,
}

impl App {
    /// An application on `declaration`, read from `path` if it has one.
    pub fn new(
        declaration: Declaration,
        path: Option<PathBuf>,
        library: ClauseLibrary,
        keymap: Keymap,
        theme: Theme,
    ) -> App {
        App {
            document: Document::new(declaration),
            path,
            library: LibraryPane::new(library),
            keymap,
            theme,
            focus: Focus::Library,
            mode: Mode::Normal,
            outline: Outline::default(),
            read_only: false,
            message: None,
            should_quit: false,
            effects: Vec::new(),
            typed: 0,
            // A terminal's usual size until the shell says what it is.
            viewport: Rect::new(0, 0, 80, 24),
            after_save: AfterSave::Nothing,
        }
    }

    /// The effects asked for since the last call, for the shell to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Takes in what came of an effect.
    pub fn take_in(&mut self, outcome: Outcome) {
        self.take_in_now(outcome);
        self.keep_selections_in_view();
    }

    fn take_in_now(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved { path, version } => {
                self.document.mark_saved_at(version);
                if matches!(&self.mode, Mode::Typing(t) if t.asked == Asked::FileName) {
                    self.mode = Mode::Normal;
                }
                self.message = Some(format!("saved {}", path.display()));
                self.path = Some(path);
                self.effects.push(Effect::DiscardRecovery);
                match std::mem::replace(&mut self.after_save, AfterSave::Nothing) {
                    AfterSave::Quit => self.quit(),
                    AfterSave::Say(message) => self.message = Some(message),
                    AfterSave::Nothing => {}
                }
            }
            Outcome::NotSaved(why) => {
                self.after_save = AfterSave::Nothing;
                self.message = Some(format!("not saved: {why}"));
            }
            Outcome::ChangedOnDisk => self.mode = Mode::Prompt(Prompt::ChangedOnDisk),
            Outcome::Note(message) => self.message = Some(message),
            Outcome::Edited { entry, text } => self.apply_external_edit(entry, &text),
        }
    }

    /// The working text.
    pub fn declaration(&self) -> &Declaration {
        self.document.declaration()
    }

    /// Whether the working text differs from the saved one.
    pub fn is_modified(&self) -> bool {
        self.document.is_modified()
    }

    /// Whether there is work that a save would keep: changes to the draft, or text typed
    /// in an editor or the form and not yet kept.
    pub fn has_unsaved_work(&self) -> bool {
        self.is_modified() || self.work_in_progress() != *self.declaration()
    }

    /// Counts the changes to the work in progress (the draft, and text being typed), so that
    /// the shell knows when to write the recovery file.
    pub fn changes(&self) -> u64 {
        self.document.version() + self.typed
    }

    /// The rows of the draft outline, in reading order.
    pub fn entries(&self) -> Vec<Entry> {
        Entry::all(self.declaration())
    }

    /// The selected draft entry.
    pub fn selected_entry(&self) -> Entry {
        self.outline.selected_entry(self.document.declaration())
    }

    fn select_entry(&mut self, entry: Entry) {
        self.outline.select(self.document.declaration(), entry);
    }

    /// How a part draws: with the app's colours and keys, focused when `part` has the focus.
    pub fn look(&self, part: Focus) -> Look<'_> {
        Look {
            theme: &self.theme,
            keymap: &self.keymap,
            focused: self.focus == part,
        }
    }

    /// The key that does `action` in `context`, named as the screen shows keys: every key
    /// the screen names comes from the keymap, so a rebound key is named as rebound.
    pub fn key(&self, context: Context, action: Action) -> String {
        self.keymap.key(context, action)
    }

    /// The keymap contexts that apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.mode {
            Mode::Normal => match self.focus {
                Focus::Library => vec![Context::Library, Context::Global],
                Focus::Draft => vec![Context::Draft, Context::Global],
            },
            Mode::Search => vec![Context::Search],
            Mode::Editor(_) => vec![Context::Editor],
            Mode::HeaderForm(_) => vec![Context::Form],
            Mode::Help(_) => vec![Context::Help],
            Mode::Prompt(_) => vec![Context::Prompt],
            Mode::Typing(_) => vec![Context::Name],
            Mode::Redline(_) => vec![Context::Redline],
            Mode::Findings(_) => vec![Context::Findings],
        }
    }

    /// The commands the screen offers now, each with the context of its key, in the order
    /// the hint bar shows them: what has the keyboard first, then the keys that work
    /// everywhere, the help first of all so that it stays in sight on a narrow screen. A
    /// read-only draft offers nothing that would change it.
    pub fn commands(&self) -> Vec<(Context, Action)> {
        fn of(component: &dyn Component) -> Vec<(Context, Action)> {
            let context = component.context();
            component
                .commands()
                .into_iter()
                .map(|a| (context, a))
                .collect()
        }
        let mut commands = match &self.mode {
            Mode::Normal => {
                let mut commands = match self.focus {
                    Focus::Library => of(&self.library),
                    Focus::Draft => of(&self.outline),
                };
                commands.extend(
                    [
                        Action::FocusNext,
                        Action::Search,
                        Action::Find,
                        Action::Check,
                        Action::Undo,
                        Action::Save,
                        Action::Help,
                        Action::Quit,
                    ]
                    .map(|action| (Context::Global, action)),
                );
                commands
            }
            Mode::Search => [
                Action::SearchAccept,
                Action::SearchClear,
                Action::RecallSearch,
                Action::Up,
                Action::Down,
            ]
            .map(|action| (Context::Search, action))
            .to_vec(),
            Mode::Editor(editor) => of(editor.as_ref()),
            Mode::HeaderForm(form) => of(form.as_ref()),
            Mode::Help(help) => of(help),
            Mode::Prompt(prompt) => of(prompt),
            Mode::Typing(_) => vec![
                (Context::Name, Action::Yes),
                (Context::Name, Action::Cancel),
            ],
            Mode::Redline(view) => of(view.as_ref()),
            Mode::Findings(findings) => of(findings.as_ref()),
        };
        if self.read_only {
            commands.retain(|(_, action)| !action.changes_the_draft());
        }
        if let Some(help) = commands.iter().position(|(_, a)| *a == Action::Help) {
            let help = commands.remove(help);
            commands.insert(0, help);
        }
        commands
    }

    /// Handles a key: through the keymap, or as typing in an editor, form or filter.
    pub fn handle_key(&mut self, event: KeyEvent) {
        self.handle_key_now(event);
        self.keep_selections_in_view();
    }

    fn handle_key_now(&mut self, event: KeyEvent) {
        let key = Key::from_event(event);
        if let Some(action) = self.keymap.action(&self.contexts(), key) {
            // In a typed answer, letters are typing even if a key names them.
            let typing_name =
                matches!(self.mode, Mode::Typing(_)) && matches!(key.code, KeyCode::Char(_));
            if !typing_name {
                self.update(action);
                return;
            }
        }
        match &mut self.mode {
            Mode::Editor(editor) => {
                let typed = editor.textarea.input(event);
                self.typed += u64::from(typed);
            }
            Mode::HeaderForm(form) => {
                let typed = form.input().input(event);
                self.typed += u64::from(typed);
            }
            Mode::Typing(typing) => {
                typing.input.input(event);
            }
            Mode::Search => match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
                {
                    self.library.type_char(c);
                }
                KeyCode::Backspace => {
                    self.library.backspace();
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// Handles pasted text: it goes into the editor, the form, the file name or the search
    /// being typed; anywhere else it is refused, never read as keys (a paste of "dddd" must
    /// not delete four paragraphs).
    pub fn handle_paste(&mut self, text: &str) {
        let one_line = || {
            text.split(['\n', '\r'])
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
        };
        match &mut self.mode {
            Mode::Editor(editor) => {
                let typed = editor.textarea.insert_str(text);
                self.typed += u64::from(typed);
            }
            Mode::HeaderForm(form) => {
                let typed = form.input().insert_str(text);
                self.typed += u64::from(typed);
            }
            Mode::Typing(typing) => {
                typing.input.insert_str(one_line());
            }
            Mode::Search => self.library.type_text(one_line()),
            _ => {
                self.message = Some(format!(
                    "a paste goes into the text being edited: press {} to edit the selected part, or {} to search the library, then paste",
                    self.key(Context::Draft, Action::Edit),
                    self.key(Context::Draft, Action::Search)
                ));
            }
        }
        self.keep_selections_in_view();
    }

    /// Handles the mouse: a click selects, the wheel scrolls the pane under the pointer.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        self.handle_mouse_now(event);
        self.keep_selections_in_view();
    }

    fn handle_mouse_now(&mut self, event: MouseEvent) {
        if !matches!(self.mode, Mode::Normal | Mode::Search) {
            return;
        }
        let Some(layout) = ScreenLayout::of(self.viewport, false) else {
            return;
        };
        let at = Position::new(event.column, event.row);
        let over_library = layout.library_list.contains(at);
        let over_draft = layout.outline_inner.contains(at);
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) if over_library => {
                self.focus = Focus::Library;
                let row = usize::from(event.row - layout.library_list.y) + self.library.top();
                self.library.select(row);
            }
            MouseEventKind::Down(MouseButton::Left) if over_draft => {
                self.focus = Focus::Draft;
                let rows = self.outline.rows(
                    self.document.declaration(),
                    &self.look(Focus::Draft),
                    layout.outline_inner,
                );
                if let Some(&(_, _, entry)) = rows
                    .iter()
                    .find(|(top, bottom, _)| (*top..=*bottom).contains(&event.row))
                {
                    self.outline.selected = entry;
                }
            }
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown if over_library || over_draft => {
                let saved_focus = self.focus;
                self.focus = if over_library {
                    Focus::Library
                } else {
                    Focus::Draft
                };
                let step = if event.kind == MouseEventKind::ScrollUp {
                    Action::Up
                } else {
                    Action::Down
                };
                for _ in 0..3 {
                    self.update(step);
                }
                self.focus = saved_focus;
            }
            _ => {}
        }
    }

    /// Carries out `action` in the current mode.
    pub fn update(&mut self, action: Action) {
        self.carry_out(action);
        self.keep_selections_in_view();
    }

    /// Takes the size of the screen, which decides how far a page goes and what is in view.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.viewport = Rect::new(0, 0, width, height);
        self.keep_selections_in_view();
    }

    /// How many rows a page moves: the library list's height, or five draft entries.
    fn page(&self) -> usize {
        match (self.focus, ScreenLayout::of(self.viewport, false)) {
            (Focus::Library, Some(layout)) => usize::from(layout.library_list.height)
                .saturating_sub(1)
                .max(1),
            (Focus::Library, None) => 1,
            (Focus::Draft, _) => 5,
        }
    }

    /// Scrolls the library list and the outline so that their selections are in view.
    fn keep_selections_in_view(&mut self) {
        let editing = matches!(self.mode, Mode::Editor(_));
        let Some(layout) = ScreenLayout::of(self.viewport, editing) else {
            return;
        };
        self.library
            .keep_in_view(usize::from(layout.library_list.height));
        let look = Look {
            theme: &self.theme,
            keymap: &self.keymap,
            focused: false,
        };
        self.outline
            .keep_in_view(self.document.declaration(), &look, layout.outline_inner);
    }

    fn carry_out(&mut self, action: Action) {
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.update_normal(action),
            Mode::Search => self.update_search(action),
            Mode::Editor(editor) => self.update_editor(editor, action),
            Mode::HeaderForm(form) => self.update_form(form, action),
            Mode::Help(mut help) => {
                if help.update(action) {
                    self.mode = Mode::Help(help);
                }
            }
            Mode::Prompt(prompt) => self.answer(prompt, action),
            Mode::Typing(typing) => match typing.asked {
                Asked::FileName => self.update_save_as(typing, action),
                Asked::CirculationDate => self.update_circulation_date(typing, action),
                Asked::Find => self.update_find(typing, action),
            },
            Mode::Findings(mut findings) => match action {
                Action::Jump => {
                    if let Some(entry) = findings.selected_entry() {
                        self.focus = Focus::Draft;
                        self.select_entry(entry);
                        self.message = findings.found.get(findings.selected).map(|(_, m)| {
                            format!(
                                "{m} ({} for the findings again)",
                                self.key(Context::Global, Action::Check)
                            )
                        });
                    }
                }
                Action::CloseFindings => {}
                _ => {
                    findings.move_selection(action);
                    self.mode = Mode::Findings(findings);
                }
            },
            Mode::Redline(mut view) => {
                let revisions = self.declaration().revisions.len();
                match view.update(action, revisions) {
                    Step::Stay => self.mode = Mode::Redline(view),
                    Step::Close => {}
                    Step::Compare {
                        from,
                        to,
                        side_by_side,
                    } => self.compare(from, to, side_by_side),
                }
            }
        }
    }

    fn update_normal(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::FocusNext | Action::FocusPrevious => {
                self.focus = match self.focus {
                    Focus::Library => Focus::Draft,
                    Focus::Draft => Focus::Library,
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => self.move_selection(action),
            Action::Search => {
                self.focus = Focus::Library;
                self.library.start_search();
                self.mode = Mode::Search;
            }
            Action::AddClause => self.add_clause(),
            Action::Edit => self.start_edit(self.selected_entry(), false),
            Action::EditExternal => self.start_external_edit(),
            Action::NewParagraph => self.new_paragraph(),
            Action::Delete => self.delete_paragraph(),
            Action::MoveUp => self.move_paragraph(-1),
            Action::MoveDown => self.move_paragraph(1),
            Action::EditHeader => self.start_header_form(),
            Action::Numbering => self.switch_numbering(),
            Action::Find => {
                self.mode = Mode::Typing(Typing::new(Asked::Find, "words to find in the draft"))
            }
            Action::NextHit => self.go_to_hit(true),
            Action::PreviousHit => self.go_to_hit(false),
            Action::Check => {
                let findings = Findings::of(self.declaration());
                self.mode = Mode::Findings(Box::new(findings));
            }
            Action::Redline => self.open_redline(),
            Action::Circulate => self.ask_to_circulate(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save(),
            Action::SaveAs => self.ask_for_a_name(),
            Action::Quit => {
                if self.is_modified() && !self.read_only {
                    self.mode = Mode::Prompt(Prompt::QuitUnsaved);
                } else {
                    self.quit();
                }
            }
            Action::Help => self.mode = Mode::Help(Help::default()),
            _ => {}
        }
    }

    fn move_selection(&mut self, action: Action) {
        let page = self.page();
        match self.focus {
            Focus::Library => self.library.move_selection(action, page),
            Focus::Draft => self
                .outline
                .move_selection(self.document.declaration(), action, page),
        }
    }

    fn update_search(&mut self, action: Action) {
        match action {
            Action::SearchAccept => {}
            Action::SearchClear => self.library.start_search(),
            Action::RecallSearch => {
                self.library.recall_last_search();
                self.mode = Mode::Search;
            }
            Action::Up | Action::Down => {
                self.move_selection(action);
                self.mode = Mode::Search;
            }
            _ => self.mode = Mode::Search,
        }
    }

    fn refuse_if_read_only(&mut self) -> bool {
        if self.read_only {
            self.message = Some("read-only: another chapeau has this draft open".into());
        }
        self.read_only
    }

    fn add_clause(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        let Some(clause) = self.library.selected_clause().cloned() else {
            self.message = Some("no clause selected".into());
            return;
        };
        let declaration = self.declaration();
        let already = declaration
            .preamble
            .iter()
            .enumerate()
            .map(|(i, p)| (Section::Preamble, i, p))
            .chain(
                (declaration.operative.iter().enumerate()).map(|(i, p)| (Section::Operative, i, p)),
            )
            .find(|(_, _, p)| {
                p.clause.as_deref() == Some(clause.id.as_str())
                    || (crate::document::join_lines(&p.text)
                        == crate::document::join_lines(&clause.text)
                        && p.items == clause.items)
            });
        if let Some((section, i, _)) = already {
            let at = crate::check::describe(
                crate::model::TextRef::Paragraph(section, i),
                declaration.numbering,
            );
            self.mode = Mode::Prompt(Prompt::AddAgain {
                clause: clause.id.clone(),
                at,
            });
            return;
        }
        self.add_clause_anyway(&clause);
    }

    fn add_clause_anyway(&mut self, clause: &crate::library::Clause) {
        let entry = self.document.add_clause(clause, self.selected_entry());
        self.select_entry(entry);
        self.message = Some(format!(
            "added {} to the {}",
            clause.id,
            clause.section.name()
        ));
    }

    /// The text of `entry` as the editor shows it: items one per line after the text.
    pub fn editable_text(&self, entry: Entry) -> String {
        self.document.editable_text(entry)
    }

    fn start_edit(&mut self, entry: Entry, new_paragraph: bool) {
        if entry == Entry::Header {
            return self.start_header_form();
        }
        if self.refuse_if_read_only() {
            return;
        }
        let text = self.editable_text(entry);
        self.mode = Mode::Editor(Box::new(Editor::new(entry, &text, new_paragraph)));
    }

    fn start_external_edit(&mut self) {
        let entry = self.selected_entry();
        if self.refuse_if_read_only() {
            return;
        }
        if entry == Entry::Header {
            self.message = Some(format!(
                "the cover note is filled in field by field: press {} for its form",
                self.key(Context::Draft, Action::EditHeader)
            ));
            return;
        }
        self.effects.push(Effect::ExternalEdit {
            entry,
            text: self.editable_text(entry),
        });
    }

    /// Applies text edited outside (by `$EDITOR`) to `entry`.
    pub fn apply_external_edit(&mut self, entry: Entry, text: &str) {
        let _ = self.apply_edit(entry, text, false);
    }

    fn update_editor(&mut self, editor: Box<Editor>, action: Action) {
        match action {
            Action::KeepEdit => {
                let text = editor.textarea.lines().join("\n");
                if !self.apply_edit(editor.target, &text, editor.new_paragraph) {
                    self.mode = Mode::Editor(editor);
                }
            }
            Action::DiscardEdit => {
                if editor.new_paragraph {
                    self.drop_new_paragraph();
                }
                self.message = Some("edit discarded".into());
            }
            _ => self.mode = Mode::Editor(editor),
        }
    }

    /// Removes a paragraph made for an edit that was left empty, as if it never existed.
    fn drop_new_paragraph(&mut self) {
        if let Some(selected) = self.document.forget_last_change() {
            self.select_entry(selected);
        }
    }

    /// Applies editor text to `entry`; false (with a message) when a paragraph would be left
    /// with items but without its text, in which case nothing changes.
    fn apply_edit(&mut self, entry: Entry, text: &str, new_paragraph: bool) -> bool {
        match self.document.write(entry, text, new_paragraph) {
            Ok(_) => true,
            Err(Refusal::ItemsWithoutText) => {
                self.message = Some("a paragraph needs its text on the first line; items follow, each starting \"- \"".into());
                false
            }
            Err(_) if new_paragraph => {
                self.drop_new_paragraph();
                self.message = Some("empty paragraph not added".into());
                true
            }
            Err(_) => {
                self.message = Some(format!(
                    "a paragraph needs a text: press {} to delete it instead",
                    self.key(Context::Draft, Action::Delete)
                ));
                true
            }
        }
    }

    /// The draft with what is being typed in the editor or the form applied: what the
    /// recovery file keeps, so that not even a half-finished edit is lost.
    pub fn work_in_progress(&self) -> Declaration {
        let mut work = self.declaration().clone();
        match &self.mode {
            Mode::Editor(editor) => set_entry_text(
                &mut work,
                editor.target,
                &editor.textarea.lines().join("\n"),
            ),
            Mode::HeaderForm(form) => {
                if let Ok(header) = form.header() {
                    work.header = header;
                }
            }
            _ => {}
        }
        work
    }

    fn new_paragraph(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        let entry = self.document.insert_paragraph(self.selected_entry());
        self.select_entry(entry);
        self.focus = Focus::Draft;
        self.start_edit(entry, true);
    }

    fn delete_paragraph(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        let undo = self.key(Context::Global, Action::Undo);
        self.message = Some(match self.document.delete(self.selected_entry()) {
            Ok(Deleted::Paragraph(id)) => format!("deleted paragraph {id} ({undo} to undo)"),
            Ok(Deleted::Unplaced) => format!("deleted the unplaced passage ({undo} to undo)"),
            Err(_) => format!(
                "only paragraphs can be deleted; press {} to edit this part",
                self.key(Context::Draft, Action::Edit)
            ),
        });
        self.outline.clamp(self.document.declaration());
    }

    fn move_paragraph(&mut self, step: isize) {
        if self.refuse_if_read_only() {
            return;
        }
        let from = self.selected_entry();
        match self.document.move_paragraph(from, step) {
            Ok(entry) => {
                self.select_entry(entry);
                self.message = self.where_it_went(from, entry);
            }
            Err(Refusal::AtTheEdge { section, first }) => {
                self.message = Some(format!(
                    "already the {} paragraph of the {}",
                    if first { "first" } else { "last" },
                    section.name()
                ))
            }
            Err(Refusal::LastPassage) => {
                self.message = Some(format!(
                    "unplaced text moves up only: {} makes it the last operative paragraph",
                    self.key(Context::Draft, Action::MoveUp)
                ))
            }
            Err(_) => {
                self.message = Some(format!(
                    "only paragraphs and unplaced passages move; press {} to edit this part",
                    self.key(Context::Draft, Action::Edit)
                ))
            }
        }
    }

    /// What a move that changed the paragraph's part says: where it is now.
    fn where_it_went(&self, from: Entry, to: Entry) -> Option<String> {
        let Entry::Paragraph(section, i) = to else {
            return None;
        };
        if matches!(from, Entry::Paragraph(was, _) if was == section) {
            return None;
        }
        let what = match section {
            Section::Preamble => "now the last preambular paragraph".to_string(),
            Section::Operative => match crate::numbering::label(self.declaration().numbering, i) {
                label if label.is_empty() => format!("now operative paragraph {}", i + 1),
                label => format!("now operative paragraph {label}"),
            },
        };
        Some(format!(
            "{what}; {} and {} move it further",
            self.key(Context::Draft, Action::MoveUp),
            self.key(Context::Draft, Action::MoveDown)
        ))
    }

    fn start_header_form(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        let form = HeaderForm::new(
            &self.declaration().header,
            !self.declaration().revisions.is_empty(),
        );
        self.focus = Focus::Draft;
        self.mode = Mode::HeaderForm(Box::new(form));
    }

    fn update_form(&mut self, mut form: Box<HeaderForm>, action: Action) {
        match action {
            Action::NextField => form.next(),
            Action::PreviousField => form.previous(),
            Action::DiscardEdit => {
                self.message = Some("cover note unchanged".into());
                return;
            }
            Action::KeepEdit => match form.header() {
                Ok(header) => {
                    self.document.set_header(header);
                    self.message = None;
                    return;
                }
                Err((field, message)) => {
                    form.current = field;
                    self.message = Some(message);
                }
            },
            _ => {}
        }
        self.mode = Mode::HeaderForm(form);
    }

    fn open_redline(&mut self) {
        match self.declaration().revisions.len().checked_sub(1) {
            Some(last) => self.compare(last, None, false),
            None => {
                self.message = Some(format!(
                    "nothing circulated yet: press {} to circulate the original",
                    self.key(Context::Draft, Action::Circulate)
                ))
            }
        }
    }

    /// Shows the tracked changes from revision `from` to `to` (`None`: the working text).
    fn compare(&mut self, from: usize, to: Option<usize>, side_by_side: bool) {
        let (view, summary) = RedlineView::compare(self.declaration(), from, to, side_by_side);
        self.message = Some(summary);
        self.mode = Mode::Redline(Box::new(view));
    }

    fn ask_to_circulate(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        if !self.declaration().changed_since_last_revision() {
            self.message =
                Some("nothing changed since the last revision: nothing to circulate".into());
            return;
        }
        match self.declaration().circulation_date(None) {
            Ok(date) => self.ask_to_circulate_on(date),
            Err(refusal) => {
                // No usable date in the cover note: the drafter types one.
                self.message = Some(format!("{refusal}: type the date to circulate with"));
                self.mode = Mode::Typing(Typing::new(Asked::CirculationDate, "YYYY-MM-DD"));
            }
        }
    }

    /// The question whether to circulate the working text as the next revision on `date`.
    fn ask_to_circulate_on(&mut self, date: Date) {
        let mut next = self.declaration().header.clone();
        next.revision = self.declaration().revisions.len() as u32;
        let number = next.printed_number();
        let number = if number.is_empty() {
            format!("REV {}", next.revision)
        } else {
            number
        };
        let brackets = crate::check::bracketed_note(self.declaration());
        self.mode = Mode::Prompt(Prompt::Circulate {
            number,
            date,
            brackets,
        });
    }

    fn undo(&mut self) {
        self.step_through_history(false);
    }

    fn redo(&mut self) {
        self.step_through_history(true);
    }

    /// Undo (or redo), selecting where the change was made.
    fn step_through_history(&mut self, forward: bool) {
        let stepped = if forward {
            self.document.redo()
        } else {
            self.document.undo()
        };
        self.message = Some(
            match (stepped, forward) {
                (Ok(entry), _) => {
                    self.select_entry(entry);
                    self.outline.clamp(self.document.declaration());
                    if forward { "redone" } else { "undone" }
                }
                (Err(_), true) => "nothing to redo",
                (Err(_), false) => "nothing to undo",
            }
            .into(),
        );
    }

    fn save(&mut self) {
        self.save_over(false);
    }

    /// Asks for the draft to be saved; `overwrite` when the drafter said to replace a draft
    /// changed on disk.
    fn save_over(&mut self, overwrite: bool) {
        if self.refuse_if_read_only() {
            return;
        }
        let Some(path) = self.path.clone() else {
            self.ask_for_a_name();
            return;
        };
        self.effects.push(Effect::Save {
            path,
            declaration: Box::new(self.declaration().clone()),
            new_file: false,
            overwrite,
            version: self.document.version(),
        });
    }

    /// Opens the file-name prompt: the first save of an untitled draft, or Save As.
    fn ask_for_a_name(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        self.mode = Mode::Typing(Typing::new(Asked::FileName, "declaration.toml"));
    }

    fn update_save_as(&mut self, typing: Box<Typing>, action: Action) {
        match action {
            Action::Yes => {
                let typed = typing.answer();
                if typed.is_empty() {
                    self.message = Some("type a file name, e.g. declaration.toml".into());
                    self.mode = Mode::Typing(typing);
                    return;
                }
                // The prompt stays open until the save is done: a name that cannot be used
                // is typed again.
                self.effects.push(Effect::Save {
                    path: PathBuf::from(typed),
                    declaration: Box::new(self.declaration().clone()),
                    new_file: true,
                    overwrite: false,
                    version: self.document.version(),
                });
                self.mode = Mode::Typing(typing);
            }
            Action::Cancel => {
                self.after_save = AfterSave::Nothing;
                self.message = Some("not saved".into());
            }
            _ => self.mode = Mode::Typing(typing),
        }
    }

    /// A date typed for the next revision: read, checked against the previous revision's,
    /// then the question whether to circulate.
    fn update_circulation_date(&mut self, typing: Box<Typing>, action: Action) {
        match action {
            Action::Yes => {
                let date = crate::cover_note::read_date(&typing.answer())
                    .map_err(|why| why.to_string())
                    .and_then(|date| {
                        self.declaration()
                            .circulation_date(Some(date))
                            .map_err(|refusal| refusal.to_string())
                    });
                match date {
                    Ok(date) => self.ask_to_circulate_on(date),
                    Err(why) => {
                        self.message = Some(format!("{why}: type another date"));
                        self.mode = Mode::Typing(typing);
                    }
                }
            }
            Action::Cancel => self.message = Some("not circulated".into()),
            _ => self.mode = Mode::Typing(typing),
        }
    }

    fn answer(&mut self, prompt: Prompt, action: Action) {
        match (prompt, action) {
            (Prompt::QuitUnsaved, Action::Yes) => {
                self.after_save = AfterSave::Quit;
                self.save();
            }
            (Prompt::QuitUnsaved, Action::No) => {
                self.effects.push(Effect::DiscardRecovery);
                self.quit();
            }
            (Prompt::QuitUnsaved, Action::Cancel) => {}
            (Prompt::Circulate { number, date, .. }, Action::Yes) => {
                self.document.circulate(date);
                self.after_save =
                    AfterSave::Say(format!("circulated {number} on {date}, and saved"));
                self.save();
            }
            (Prompt::Circulate { .. }, Action::No | Action::Cancel) => {
                self.message = Some("not circulated".into())
            }
            (Prompt::ChangedOnDisk, Action::Yes) => self.save_over(true),
            (Prompt::ChangedOnDisk, Action::No | Action::Cancel) => {
                self.after_save = AfterSave::Nothing;
                self.message = Some("not saved: the file on disk is left as it is".into());
            }
            (Prompt::Recover { recovered, .. }, Action::Yes) => {
                self.document.replace(*recovered);
                self.message = Some(format!(
                    "recovered the unsaved changes: {} to save them",
                    self.key(Context::Global, Action::Save)
                ));
            }
            (Prompt::Recover { .. }, Action::No) => {
                self.effects.push(Effect::DiscardRecovery);
                self.message = Some("recovery file discarded".into());
            }
            (Prompt::Recover { .. }, Action::Cancel) => {
                // Neither recovered nor discarded: set aside, and said where.
                self.effects.push(Effect::SetRecoveryAside);
            }
            (Prompt::Locked { .. }, Action::ReadOnly) => {
                self.read_only = true;
                self.message = Some("read-only".into());
            }
            (Prompt::Locked { .. }, Action::OpenAnyway) => {}
            (Prompt::AddAgain { clause, .. }, Action::Yes) => {
                if let Some(clause) = self.library.clause(&clause).cloned() {
                    self.add_clause_anyway(&clause);
                }
            }
            (Prompt::AddAgain { clause, at }, Action::No | Action::Cancel) => {
                self.message = Some(format!("not added: {clause} stays once, as {at}"));
            }
            (Prompt::Locked { .. }, Action::Cancel) => self.should_quit = true,
            (prompt, _) => self.mode = Mode::Prompt(prompt),
        }
    }

    fn quit(&mut self) {
        self.should_quit = true;
    }

    /// Lettered, then numbered, then unnumbered operative paragraphs, and round again.
    fn switch_numbering(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        use crate::model::Numbering;
        let next = match self.declaration().numbering {
            Numbering::Letters => Numbering::Numbers,
            Numbering::Numbers => Numbering::None,
            Numbering::None => Numbering::Letters,
        };
        self.document.set_numbering(next);
        let how = match next {
            Numbering::Letters => "lettered (a), (b), (c)",
            Numbering::Numbers => "numbered 1., 2., 3.",
            Numbering::None => "unnumbered",
        };
        self.message = Some(format!(
            "operative paragraphs {how} ({} to switch again, {} to undo)",
            self.key(Context::Draft, Action::Numbering),
            self.key(Context::Global, Action::Undo)
        ));
    }

    /// Words typed to find: highlighted in the draft, and the first place found after the
    /// selection selected.
    fn update_find(&mut self, typing: Box<Typing>, action: Action) {
        match action {
            Action::Yes => {
                self.outline.found = typing.answer();
                self.focus = Focus::Draft;
                if self.outline.found.is_empty() {
                    self.message = Some("nothing to find".into());
                } else {
                    // From the selection itself, so that a hit already selected stays.
                    self.go_to_hit_from(self.outline.selected, true, true);
                }
            }
            Action::Cancel => {}
            _ => self.mode = Mode::Typing(typing),
        }
    }

    /// Selects the next (or previous) part that holds the words found, round the draft.
    fn go_to_hit(&mut self, forward: bool) {
        self.go_to_hit_from(self.outline.selected, forward, false);
    }

    /// Selects the first part after (or before) `here` that holds the words found, or `here`
    /// itself when it is `included`.
    fn go_to_hit_from(&mut self, here: usize, forward: bool, included: bool) {
        let words = self.outline.found.clone();
        if words.is_empty() {
            self.message = Some(format!(
                "nothing looked for yet: {} to find words in the draft",
                self.key(Context::Global, Action::Find)
            ));
            return;
        }
        let entries = self.entries();
        let hits: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| crate::find::holds(&self.searchable_text(**entry), &words))
            .map(|(at, _)| at)
            .collect();
        let next = if forward {
            hits.iter()
                .find(|&&at| at > here || (included && at == here))
                .or(hits.first())
        } else {
            hits.iter().rev().find(|&&at| at < here).or(hits.last())
        };
        self.message = Some(match next {
            None => format!("no “{words}” in the draft"),
            Some(&at) => {
                self.outline.selected = at;
                let place = hits.iter().position(|&h| h == at).unwrap_or(0) + 1;
                format!(
                    "“{words}”: {place} of {} part{} ({} next, {} previous)",
                    hits.len(),
                    if hits.len() == 1 { "" } else { "s" },
                    self.key(Context::Draft, Action::NextHit),
                    self.key(Context::Draft, Action::PreviousHit)
                )
            }
        });
    }

    /// All the words of `entry` a find looks in: the cover note's printed fields, or the
    /// text as edited.
    fn searchable_text(&self, entry: Entry) -> String {
        match entry {
            Entry::Header => crate::export::layout::cover_note_by_field(self.declaration())
                .into_iter()
                .map(|(block, _)| block.text)
                .collect::<Vec<_>>()
                .join("\n"),
            _ => self.editable_text(entry),
        }
    }

    /// Counts of paragraphs for the status line.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.declaration().preamble.len(),
            self.declaration().operative.len(),
        )
    }
}
