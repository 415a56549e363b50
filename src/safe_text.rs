//! Text from files must never drive the terminal: control characters and bidirectional
//! overrides are shown as visible placeholders instead of being passed through raw.

/// Whether `c` would act on a terminal or reorder text instead of being shown.
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for a hostile character: the Unicode control pictures (U+241B for
/// ESC) for C0 controls and DEL, U+FFFD for the rest.
fn placeholder(c: char) -> char {
    match c as u32 {
        code @ 0x00..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// `text` with every hostile character replaced by its placeholder.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_hostile) {
        text.chars()
            .map(|c| if is_hostile(c) { placeholder(c) } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// `value` as pretty-printed JSON ending in a line break, safe to print: see [`json_escaped`].
pub fn json_lines<T: serde::Serialize + ?Sized>(value: &T) -> String {
    json_escaped(serde_json::to_string_pretty(value).expect("plain data serialises")) + "\n"
}

/// JSON with every hostile character written as a `\uXXXX` escape. JSON writers escape the
/// C0 controls but pass C1 controls and bidirectional overrides through raw; escaped, the
/// document still holds the exact text, and piping it to a terminal is harmless.
fn json_escaped(json: String) -> String {
    // JSON writers escape C0 controls; what is left to find is DEL and characters whose UTF-8
    // starts 0xC2 (C1 controls) or 0xE2 (bidirectional controls): a fast scan for most texts.
    let holds_one = memchr::memchr3_iter(0x7F, 0xC2, 0xE2, json.as_bytes())
        .any(|at| json[at..].chars().next().is_some_and(is_hostile));
    if !holds_one {
        return json;
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hostile(c) {
            escaped.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(
            visible("a\u{1b}]0;title\u{7}b"),
            "a\u{241B}]0;title\u{2407}b"
        );
        assert_eq!(visible("x\u{9b}2J\u{202E}y"), "x\u{FFFD}2J\u{FFFD}y");
    }

    #[test]
    fn json_keeps_the_text_but_escapes_what_would_drive_a_terminal() {
        let text = "x\u{9b}2J\u{202E}y\u{1b}";
        let json = json_escaped(serde_json::to_string(text).unwrap());
        assert_eq!(json, r#""x\u009b2J\u202ey\u001b""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Aware that “brain drain”,\n\tcontinued – é 中";
        assert!(matches!(visible(text), std::borrow::Cow::Borrowed(_)));
    }
}
