//! Colours and emphasis. With `NO_COLOR` set, everything stays legible through reverse video,
//! bold and underline alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` convention asks for none.
    pub fn from_environment() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Theme { color: !no_color }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// The selected row of the focused pane.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row of the pane without focus.
    pub fn selected_unfocused(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Indexed(237)),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The border of a pane.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new(),
        }
    }

    /// Secondary text: tags, sources, section markers.
    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    /// Keys in the hint bar and the help.
    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Headings: titles, section names.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The modified mark and warnings in the status line.
    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The places where the words looked for stand in the draft.
    pub fn found(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Yellow).fg(Color::Black),
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        )
    }

    /// Inserted words in the tracked changes.
    pub fn inserted(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        )
    }

    /// Deleted words in the tracked changes.
    pub fn deleted(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            Style::new().add_modifier(Modifier::CROSSED_OUT),
        )
    }

    /// Notes on moved, inserted and deleted paragraphs.
    pub fn note(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// Matched characters and markers of the preamble/operative sections.
    pub fn accent(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
