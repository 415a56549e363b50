//! The one table that maps keys to actions, per context. The key handling, the hint bar and
//! the help screen all read it, and `config.toml` can rebind any action.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
use crate::diagnostic::Problem;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere outside the editor, forms, help and prompts.
    Global,
    /// The clause library pane has the focus.
    Library,
    /// The draft pane has the focus.
    Draft,
    /// Typing a library filter.
    Search,
    /// Editing a text.
    Editor,
    /// Editing the cover note.
    Form,
    /// Reading the help.
    Help,
    /// Answering a question.
    Prompt,
    /// Typing a file name.
    Name,
    /// Reading the tracked changes.
    Redline,
    /// Reading the findings of the check.
    Findings,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Library,
        Context::Draft,
        Context::Search,
        Context::Editor,
        Context::Form,
        Context::Prompt,
        Context::Name,
        Context::Redline,
        Context::Findings,
        Context::Help,
    ];

    /// The heading of the context in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Library => "Clause library",
            Context::Draft => "Draft",
            Context::Search => "Searching the library",
            Context::Editor => "Editor",
            Context::Form => "Cover note form",
            Context::Help => "Help",
            Context::Prompt => "Questions",
            Context::Name => "Typing a file name",
            Context::Redline => "Tracked changes",
            Context::Findings => "Check findings",
        }
    }
}

/// A key with its modifiers, as written in `config.toml` ("ctrl-s", "K", "alt-up").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and Alt; Shift is part of the character or of BackTab.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key of a terminal event, with Shift folded into the character it typed.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers |= event.modifiers & KeyModifiers::SHIFT;
        }
        Key {
            code: event.code,
            modifiers,
        }
    }

    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::ALT,
        }
    }

    /// Reads a key written "ctrl-s", "alt-up", "K", "enter", "pgdn", "f5".
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
            } else if lower.starts_with("alt-") {
                modifiers |= KeyModifiers::ALT;
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                modifiers |= KeyModifiers::SHIFT;
            } else {
                break;
            }
            rest = &rest[rest.find('-').expect("prefix has a hyphen") + 1..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            name if name.len() > 1 && name.starts_with('f') => KeyCode::F(name[1..].parse().ok()?),
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                if modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
        };
        Some(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Up => write!(f, "Up"),
            KeyCode::Down => write!(f, "Down"),
            KeyCode::Left => write!(f, "Left"),
            KeyCode::Right => write!(f, "Right"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Delete => write!(f, "Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

/// The default keys.
fn defaults() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let table: &[(Context, Key, Action)] = &[
        (C::Global, Key::plain(KeyCode::Tab), FocusNext),
        (C::Global, Key::plain(KeyCode::BackTab), FocusPrevious),
        (C::Global, Key::plain(KeyCode::Up), Up),
        (C::Global, Key::char('k'), Up),
        (C::Global, Key::plain(KeyCode::Down), Down),
        (C::Global, Key::char('j'), Down),
        (C::Global, Key::plain(KeyCode::PageUp), PageUp),
        (C::Global, Key::plain(KeyCode::PageDown), PageDown),
        (C::Global, Key::char('g'), First),
        (C::Global, Key::plain(KeyCode::Home), First),
        (C::Global, Key::char('G'), Last),
        (C::Global, Key::plain(KeyCode::End), Last),
        (C::Global, Key::char('/'), Search),
        (C::Global, Key::char('u'), Undo),
        (C::Global, Key::ctrl('r'), Redo),
        (C::Global, Key::ctrl('s'), Save),
        (C::Global, Key::char('S'), SaveAs),
        (C::Global, Key::char('?'), Help),
        (C::Global, Key::char('q'), Quit),
        (C::Global, Key::ctrl('c'), Quit),
        (C::Library, Key::plain(KeyCode::Enter), AddClause),
        (C::Library, Key::char('a'), AddClause),
        (C::Draft, Key::char('e'), Edit),
        (C::Draft, Key::plain(KeyCode::Enter), Edit),
        (C::Draft, Key::char('E'), EditExternal),
        (C::Draft, Key::char('o'), NewParagraph),
        (C::Draft, Key::char('d'), Delete),
        (C::Draft, Key::char('K'), MoveUp),
        (C::Draft, Key::alt(KeyCode::Up), MoveUp),
        (C::Draft, Key::char('J'), MoveDown),
        (C::Draft, Key::alt(KeyCode::Down), MoveDown),
        (C::Draft, Key::char('H'), EditHeader),
        (C::Draft, Key::char('#'), Numbering),
        (C::Global, Key::char('f'), Find),
        (C::Global, Key::ctrl('f'), Find),
        (C::Draft, Key::char('n'), NextHit),
        (C::Draft, Key::char('N'), PreviousHit),
        (C::Global, Key::char('!'), Check),
        (C::Search, Key::plain(KeyCode::Enter), SearchAccept),
        (C::Search, Key::plain(KeyCode::Esc), SearchClear),
        (C::Search, Key::ctrl('p'), RecallSearch),
        (C::Search, Key::plain(KeyCode::Up), Up),
        (C::Search, Key::plain(KeyCode::Down), Down),
        (C::Editor, Key::plain(KeyCode::Esc), KeepEdit),
        (C::Editor, Key::ctrl('c'), DiscardEdit),
        (C::Form, Key::plain(KeyCode::Tab), NextField),
        (C::Form, Key::plain(KeyCode::Down), NextField),
        (C::Form, Key::plain(KeyCode::Enter), NextField),
        (C::Form, Key::plain(KeyCode::BackTab), PreviousField),
        (C::Form, Key::plain(KeyCode::Up), PreviousField),
        (C::Form, Key::plain(KeyCode::Esc), KeepEdit),
        (C::Form, Key::ctrl('c'), DiscardEdit),
        (C::Help, Key::plain(KeyCode::Esc), CloseHelp),
        (C::Help, Key::char('?'), CloseHelp),
        (C::Help, Key::char('q'), CloseHelp),
        (C::Help, Key::plain(KeyCode::Up), Up),
        (C::Help, Key::char('k'), Up),
        (C::Help, Key::plain(KeyCode::Down), Down),
        (C::Help, Key::char('j'), Down),
        (C::Help, Key::plain(KeyCode::PageUp), PageUp),
        (C::Help, Key::plain(KeyCode::PageDown), PageDown),
        (C::Help, Key::char('g'), First),
        (C::Help, Key::plain(KeyCode::Home), First),
        (C::Help, Key::char('G'), Last),
        (C::Help, Key::plain(KeyCode::End), Last),
        (C::Prompt, Key::char('y'), Yes),
        (C::Prompt, Key::char('n'), No),
        (C::Prompt, Key::char('r'), ReadOnly),
        (C::Prompt, Key::char('o'), OpenAnyway),
        (C::Prompt, Key::plain(KeyCode::Esc), Cancel),
        (C::Name, Key::plain(KeyCode::Enter), Yes),
        (C::Name, Key::plain(KeyCode::Esc), Cancel),
        (C::Draft, Key::char('c'), Circulate),
        (C::Draft, Key::char('r'), Redline),
        (C::Redline, Key::char('n'), NextChange),
        (C::Redline, Key::char('N'), PreviousChange),
        (C::Redline, Key::plain(KeyCode::Down), NextChange),
        (C::Redline, Key::plain(KeyCode::Up), PreviousChange),
        (C::Redline, Key::plain(KeyCode::Esc), CloseRedline),
        (C::Redline, Key::char('r'), CloseRedline),
        (C::Redline, Key::char('q'), CloseRedline),
        (C::Redline, Key::char('f'), EarlierFrom),
        (C::Redline, Key::char('F'), LaterFrom),
        (C::Redline, Key::char('t'), EarlierTo),
        (C::Redline, Key::char('T'), LaterTo),
        (C::Redline, Key::char('s'), SideBySide),
        (C::Redline, Key::plain(KeyCode::PageUp), PageUp),
        (C::Redline, Key::plain(KeyCode::PageDown), PageDown),
        (C::Redline, Key::char('g'), First),
        (C::Redline, Key::plain(KeyCode::Home), First),
        (C::Redline, Key::char('G'), Last),
        (C::Redline, Key::plain(KeyCode::End), Last),
        (C::Findings, Key::plain(KeyCode::Enter), Jump),
        (C::Findings, Key::plain(KeyCode::Up), Up),
        (C::Findings, Key::char('k'), Up),
        (C::Findings, Key::plain(KeyCode::Down), Down),
        (C::Findings, Key::char('j'), Down),
        (C::Findings, Key::plain(KeyCode::PageUp), PageUp),
        (C::Findings, Key::plain(KeyCode::PageDown), PageDown),
        (C::Findings, Key::char('g'), First),
        (C::Findings, Key::plain(KeyCode::Home), First),
        (C::Findings, Key::char('G'), Last),
        (C::Findings, Key::plain(KeyCode::End), Last),
        (C::Findings, Key::plain(KeyCode::Esc), CloseFindings),
        (C::Findings, Key::char('q'), CloseFindings),
        (C::Findings, Key::char('!'), CloseFindings),
    ];
    table
        .iter()
        .map(|&(context, key, action)| Binding {
            context,
            key,
            action,
        })
        .collect()
}

/// Keys to actions, per context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: defaults(),
        }
    }
}

/// The `[keys]` table of `config.toml`: per context, an action and its key or keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConfig(BTreeMap<Context, BTreeMap<Action, toml::Spanned<OneOrMany>>>);

/// A key or a list of keys.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One key.
    One(String),
    /// Several keys.
    Many(Vec<String>),
}

impl Keymap {
    /// The defaults with `config` applied: each configured action's keys replace its default
    /// keys in that context. An unknown key name is a problem at its place in the file.
    pub fn with_config(config: &KeyConfig) -> Result<Keymap, Problem> {
        let mut keymap = Keymap::default();
        for (&context, actions) in &config.0 {
            for (&action, keys) in actions {
                let at = keys.span();
                let help = "write keys like \"ctrl-s\", \"K\", \"alt-up\", \"enter\", \"f5\"";
                let keys: Vec<&String> = match keys.get_ref() {
                    OneOrMany::One(key) => vec![key],
                    OneOrMany::Many(keys) => keys.iter().collect(),
                };
                if keys.is_empty() {
                    return Err(Problem::new(
                        at,
                        format!(
                            "no key given for {}; an action left without keys could not be used",
                            action.name()
                        ),
                        help,
                    ));
                }
                keymap
                    .bindings
                    .retain(|b| !(b.context == context && b.action == action));
                for text in keys {
                    let key = Key::parse(text).ok_or_else(|| {
                        Problem::new(
                            at.clone(),
                            format!("unknown key \"{text}\" for {}", action.name()),
                            help,
                        )
                    })?;
                    keymap
                        .bindings
                        .retain(|b| !(b.context == context && b.key == key));
                    keymap.bindings.push(Binding {
                        context,
                        key,
                        action,
                    });
                }
            }
        }
        Ok(keymap)
    }

    /// The action of `key` in the first of `contexts` that binds it.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .find(|b| b.context == context && b.key == key)
                .map(|b| b.action)
        })
    }

    /// Every binding, in table order, for the help.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys of `action` in `context`, in table order.
    pub fn keys(&self, context: Context, action: Action) -> Vec<Key> {
        let bindings = self.bindings.iter();
        bindings
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.key)
            .collect()
    }

    /// The first key of `action` in `context`, as the screen names it ("Ctrl-s").
    pub fn key(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .map_or_else(|| "(no key)".to_string(), |b| b.key.to_string())
    }

    /// Groups of actions named by their first keys, each with a label: "n/N change · Esc
    /// close", for the legends under a pane.
    pub fn legend(&self, context: Context, groups: &[(&[Action], &str)]) -> String {
        groups
            .iter()
            .map(|(actions, label)| {
                let keys: Vec<String> = actions.iter().map(|&a| self.key(context, a)).collect();
                format!("{} {label}", keys.join("/"))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The keys of `action` in `context`, written for people: "e/Enter".
    pub fn keys_of(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.key.to_string())
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_print_the_same_way() {
        for text in [
            "Ctrl-s",
            "K",
            "Alt-Up",
            "Enter",
            "PgDn",
            "Shift-Tab",
            "F5",
            "/",
            "Space",
        ] {
            let key = Key::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(Key::parse("shift-k"), Key::parse("K"));
        assert_eq!(Key::parse("nonsense"), None);
    }

    #[test]
    fn shift_is_folded_into_characters() {
        let event = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::char('K'));
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::plain(KeyCode::BackTab));
    }

    #[test]
    fn the_focused_context_wins_over_global() {
        let keymap = Keymap::default();
        let enter = Key::plain(KeyCode::Enter);
        assert_eq!(
            keymap.action(&[Context::Library, Context::Global], enter),
            Some(Action::AddClause)
        );
        assert_eq!(
            keymap.action(&[Context::Draft, Context::Global], enter),
            Some(Action::Edit)
        );
        assert_eq!(
            keymap.action(&[Context::Draft, Context::Global], Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(keymap.keys_of(Context::Draft, Action::MoveUp), "K/Alt-Up");
    }

    #[test]
    fn configuration_rebinds_an_action() {
        let config: KeyConfig =
            toml::from_str("[draft]\ndelete = \"x\"\nmove_up = [\"ctrl-k\", \"alt-up\"]\n")
                .unwrap();
        let keymap = Keymap::with_config(&config).unwrap();
        let draft = [Context::Draft, Context::Global];
        assert_eq!(keymap.action(&draft, Key::char('x')), Some(Action::Delete));
        assert_eq!(keymap.action(&draft, Key::char('d')), None);
        assert_eq!(
            keymap.keys_of(Context::Draft, Action::MoveUp),
            "Ctrl-k/Alt-Up"
        );
        let bad: KeyConfig = toml::from_str("[draft]\ndelete = \"hyper-x\"\n").unwrap();
        let error = Keymap::with_config(&bad).unwrap_err();
        assert_eq!(error.message, "unknown key \"hyper-x\" for delete");
        assert_eq!(Action::EditExternal.name(), "edit_external");
        let empty: KeyConfig = toml::from_str("[global]\nquit = []\n").unwrap();
        let error = Keymap::with_config(&empty).unwrap_err();
        assert!(
            error.message.contains("no key given for quit"),
            "{}",
            error.message
        );
    }
}
