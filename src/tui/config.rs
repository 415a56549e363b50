//! `config.toml` in the chapeau config dir: key bindings for now.
//!
//! ```toml
//! [keys.draft]
//! delete = "x"
//! move_up = ["ctrl-k", "alt-up"]
//! ```

use serde::Deserialize;

use super::keymap::{KeyConfig, Keymap};
use crate::diagnostic::{Diagnostic, read_text_file};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    keys: KeyConfig,
}

/// The keymap: the defaults, with the bindings of `config.toml` when there is one.
pub fn load_keymap() -> Result<Keymap, Box<Diagnostic>> {
    let Some(path) = crate::config_dir().map(|dir| dir.join("config.toml")) else {
        return Ok(Keymap::default());
    };
    if !path.exists() {
        return Ok(Keymap::default());
    }
    let source = read_text_file(&path)?;
    let config: Config = toml::from_str(&source).map_err(|error| {
        Box::new(Diagnostic::at_offset(
            &path,
            &source,
            error.span().map_or(0, |s| s.start),
            error.message().trim_end(),
            "the file holds [keys.CONTEXT] tables (global, library, draft, search, editor, form, help, prompt, name, redline) of action = \"key\"; see the README",
        ))
    })?;
    Keymap::with_config(&config.keys).map_err(|problem| Box::new(problem.in_file(&path, &source)))
}
