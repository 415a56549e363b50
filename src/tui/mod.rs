//! The drafting screen: a thin shell that reads terminal events, hands them to [`app::App`],
//! draws the views when something changed, and keeps unsaved work in the recovery file.

pub mod action;
pub mod app;
pub mod components;
pub mod config;
pub mod effects;
pub mod keymap;
pub mod scroll;
pub mod theme;
pub mod views;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::model::Declaration;
use crate::recovery::{self, Lock, Locking};
use app::{App, Mode, Prompt};
use effects::{Effect, Files, Outcome};

/// How long the draft must be quiet before unsaved work goes to the recovery file.
const RECOVERY_QUIET: Duration = Duration::from_millis(700);
/// The longest unsaved work waits for the recovery file, even while typing goes on.
const RECOVERY_LATEST: Duration = Duration::from_millis(1500);
/// How often the loop wakes without events, to write the recovery file in time.
const TICK: Duration = Duration::from_millis(200);

/// Set by SIGHUP or SIGTERM (the terminal closed, the session ended): the loop then keeps
/// the unsaved work in the recovery file and ends.
static HANGUP: std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::LazyLock::new(Default::default);

/// Routes SIGHUP and SIGTERM to [`HANGUP`] instead of ending the process at once.
fn catch_hangups() {
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&HANGUP));
    }
}

/// What the terminal has for the screen to read.
#[derive(Debug, PartialEq, Eq)]
enum TerminalInput {
    /// Keys, mouse or other input are waiting.
    Ready,
    /// Nothing came within the time given.
    Idle,
    /// The terminal is gone: its window closed, the remote link dropped.
    Gone,
}

/// Waits up to `timeout` for input on the terminal (standard input, which the screen
/// requires to be one). crossterm spins without end on a terminal that has gone instead of
/// reporting it, so the screen waits here and gives crossterm only input that is there.
fn terminal_input(timeout: Duration) -> TerminalInput {
    #[cfg(unix)]
    {
        let mut watched = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, and its count, for the duration of the call.
        let ready = unsafe { libc::poll(&mut watched, 1, millis) };
        if ready > 0 && watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            TerminalInput::Gone
        } else if ready > 0 {
            TerminalInput::Ready
        } else {
            TerminalInput::Idle
        }
    }
    #[cfg(not(unix))]
    match event::poll(timeout) {
        Ok(true) => TerminalInput::Ready,
        Ok(false) => TerminalInput::Idle,
        Err(_) => TerminalInput::Gone,
    }
}

/// The latest unsaved work, for the panic hook: (recovery file, draft, declaration).
static LAST_WORK: Mutex<Option<(PathBuf, Option<PathBuf>, Declaration)>> = Mutex::new(None);

/// Everything the screen needs before it starts, prepared by the command line.
pub struct Session {
    /// The application, with the draft loaded.
    pub app: App,
    /// The session's files: the recovery file, the draft's time on disk.
    pub files: Files,
    /// The lock on the draft, held while the screen runs.
    pub lock: Option<Lock>,
    /// The draft the lock was asked for (a new draft asks again once it has a name).
    pub lock_path: Option<PathBuf>,
}

/// Prepares a session on `app`: recovery offer and lock question become the first prompts.
pub fn prepare(mut app: App) -> Session {
    let draft = app.path.clone();
    let mut files = Files {
        recovery_file: recovery::recovery_file(draft.as_deref()),
        ..Files::default()
    };
    files.note_disk_state(draft.as_deref());
    let mut lock = None;
    match Lock::acquire(draft.as_deref()) {
        Locking::Acquired(acquired) => lock = Some(acquired),
        Locking::HeldBy(pid) => {
            // Opened anyway or read-only, the lock stays with the first chapeau, and so does
            // the recovery file: this session neither offers it nor writes or removes it.
            app.mode = Mode::Prompt(Prompt::Locked { pid });
            files.recovery_file = None;
        }
        Locking::Unavailable => {}
    }
    if draft.is_none()
        && let Some(orphan) = recovery::orphaned_untitled_recovery()
        && let Some(ours) = &files.recovery_file
    {
        // Adopt the crashed session's file: answered either way, it is handled as ours.
        let _ = std::fs::rename(orphan, ours);
    }
    if matches!(app.mode, Mode::Normal)
        && let Some(file) = &files.recovery_file
        && let Some((written, recovered)) = recovery::pending_recovery(file, draft.as_deref())
        && recovered != *app.declaration()
    {
        app.mode = Mode::Prompt(Prompt::Recover {
            time: clock_time(written),
            recovered: Box::new(recovered),
        });
    }
    Session {
        app,
        files,
        lock,
        lock_path: draft,
    }
}

/// "HH:MM" of a moment, in local time.
fn clock_time(moment: std::time::SystemTime) -> String {
    jiff::Timestamp::try_from(moment)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| "an earlier session".to_string())
}

/// Asks the terminal for mouse events and for pastes as one piece (bracketed paste), so that
/// pasted text is never read as keystrokes.
fn capture_input() {
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
}

/// Gives the terminal back its own mouse and paste handling.
fn release_input() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
}

/// Runs the screen until the drafter quits.
pub fn run(mut session: Session) -> Result<()> {
    install_panic_hook();
    catch_hangups();
    let mut terminal = ratatui::init();
    capture_input();
    let outcome = event_loop(&mut terminal, &mut session);
    release_input();
    ratatui::restore();
    outcome
}

fn event_loop(terminal: &mut DefaultTerminal, session: &mut Session) -> Result<()> {
    let Session {
        app, files, lock, ..
    } = session;
    let mut needs_draw = true;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let mut seen_changes = app.changes();
    let mut written_changes = app.changes();
    let mut first_unwritten: Option<Instant> = None;
    let mut last_change = Instant::now();
    while !app.should_quit {
        if HANGUP.load(std::sync::atomic::Ordering::SeqCst) {
            write_recovery(app, files);
            return Ok(());
        }
        if app.read_only {
            // A read-only session has no work of its own to keep, and the recovery file is
            // the first session's.
            files.recovery_file = None;
        }
        if app.path.is_some() && app.path != session.lock_path && !app.read_only {
            session.lock_path = app.path.clone();
            // A new draft saved under a name: its recovery file and lock follow the name.
            let draft = app.path.clone().expect("checked");
            let named = recovery::recovery_file(Some(&draft));
            if let Some(untitled) = std::mem::replace(&mut files.recovery_file, named.clone())
                && Some(&untitled) != named.as_ref()
            {
                let _ = std::fs::remove_file(untitled);
            }
            *lock = match Lock::acquire(Some(&draft)) {
                Locking::Acquired(lock) => Some(lock),
                _ => None,
            };
        }
        for effect in files.run(app) {
            if let Effect::ExternalEdit { entry, text } = effect {
                match edit_externally(terminal, &text) {
                    Ok(text) => app.take_in(Outcome::Edited { entry, text }),
                    Err(error) => app.message = Some(format!("external editor: {error:#}")),
                }
                needs_draw = true;
            }
        }
        if app.should_quit {
            break;
        }
        if needs_draw {
            terminal.draw(|frame| views::draw(frame, app))?;
            needs_draw = false;
        }
        if app.changes() != seen_changes {
            seen_changes = app.changes();
            last_change = Instant::now();
            first_unwritten.get_or_insert(last_change);
            remember_for_panic(files.recovery_file.as_deref(), app);
        }
        if let Some(first) = first_unwritten
            && (last_change.elapsed() >= RECOVERY_QUIET || first.elapsed() >= RECOVERY_LATEST)
        {
            first_unwritten = None;
            if written_changes != app.changes() {
                written_changes = app.changes();
                write_recovery(app, files);
            }
        }
        // Input crossterm has already read comes first; else wait for the terminal.
        let has_event = event::poll(Duration::ZERO)?
            || match terminal_input(TICK) {
                TerminalInput::Gone => {
                    write_recovery(app, files);
                    return Ok(());
                }
                TerminalInput::Ready => event::poll(Duration::ZERO)?,
                TerminalInput::Idle => false,
            };
        if has_event {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
                Event::Mouse(mouse) => app.handle_mouse(mouse),
                Event::Paste(text) => app.handle_paste(&text),
                Event::Resize(width, height) => app.resize(width, height),
                _ => continue,
            }
            needs_draw = true;
        }
    }
    // The last answer's effects (the recovery file let go with "don't save") come before
    // the end.
    files.run(app);
    if !app.has_unsaved_work()
        && let Some(file) = &files.recovery_file
    {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// Keeps the work in progress in the recovery file, or removes the file when there is no
/// unsaved work.
fn write_recovery(app: &mut App, files: &Files) {
    let Some(file) = files.recovery_file.clone() else {
        return;
    };
    if !app.has_unsaved_work() {
        let _ = std::fs::remove_file(&file);
        return;
    }
    let work = app.work_in_progress();
    if let Err(error) = recovery::write_recovery(&file, app.path.as_deref(), &work) {
        app.message = Some(format!(
            "cannot write the recovery file {}: {error:#}",
            file.display()
        ));
    }
}

/// Keeps a copy of the unsaved work where the panic hook can reach it.
pub fn remember_for_panic(recovery_file: Option<&std::path::Path>, app: &App) {
    if let (Some(file), Ok(mut last)) = (recovery_file, LAST_WORK.lock()) {
        *last = Some((file.to_path_buf(), app.path.clone(), app.work_in_progress()));
    }
}

/// After the terminal is restored (ratatui's own hook runs first), keep the unsaved work
/// and say where it is.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_input();
        ratatui::restore();
        previous(info);
        let saved = LAST_WORK.lock().ok().and_then(|mut last| last.take());
        let mut stderr = std::io::stderr();
        match saved {
            Some((file, draft, declaration)) => {
                match recovery::write_recovery(&file, draft.as_deref(), &declaration) {
                    Ok(()) => {
                        let _ = writeln!(
                            stderr,
                            "chapeau stopped unexpectedly. Your unsaved work is in {}; open the draft again to recover it.",
                            file.display()
                        );
                    }
                    Err(error) => {
                        let _ = writeln!(
                            stderr,
                            "chapeau stopped unexpectedly and could not write {}: {error:#}",
                            file.display()
                        );
                    }
                }
            }
            None => {
                let _ = writeln!(
                    stderr,
                    "chapeau stopped unexpectedly; there were no unsaved changes."
                );
            }
        }
    }));
}

/// Leaves the screen, edits `text` in `$VISUAL` or `$EDITOR` (else `vi`), and comes back.
fn edit_externally(terminal: &mut DefaultTerminal, text: &str) -> Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix("chapeau-")
        .suffix(".txt")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    release_input();
    ratatui::restore();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("chapeau")
        .arg(file.path())
        .status();
    *terminal = ratatui::init();
    capture_input();
    terminal.clear()?;
    let status = status.with_context(|| format!("cannot start {editor}"))?;
    anyhow::ensure!(
        status.success(),
        "{editor} ended with {status}; the text is unchanged"
    );
    let edited =
        std::fs::read_to_string(file.path()).context("cannot read the edited text back")?;
    Ok(edited)
}
