//! Drawing one full frame of the drafting screen for a 500-paragraph draft at 200×60, and of
//! its tracked changes: the screen must redraw well within a keystroke (target: under 2 ms).

use chapeau::draft_file;
use chapeau::library::ClauseLibrary;
use chapeau::model::{Declaration, Paragraph, Section};
use chapeau::tui::action::Action;
use chapeau::tui::app::App;
use chapeau::tui::keymap::Keymap;
use chapeau::tui::theme::Theme;
use chapeau::tui::views;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The Prague example grown to 500 paragraphs by repeating its own paragraphs.
fn large_draft() -> Declaration {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/prague-2009.toml");
    let mut declaration = draft_file::load(std::path::Path::new(path))
        .unwrap()
        .declaration;
    let preamble = declaration.preamble.clone();
    let operative = declaration.operative.clone();
    let grow = |source: &[Paragraph], section: Section, count: usize, d: &mut Declaration| {
        for n in 0..count {
            let mut paragraph = source[n % source.len()].clone();
            paragraph.id = format!("{}-{n}", paragraph.id);
            d.paragraphs_mut(section).push(paragraph);
        }
    };
    grow(
        &preamble,
        Section::Preamble,
        200 - preamble.len(),
        &mut declaration,
    );
    grow(
        &operative,
        Section::Operative,
        300 - operative.len(),
        &mut declaration,
    );
    declaration
}

/// The drafting screen on `declaration`, with the bundled library, in colour.
/// An app on `declaration`, on a 200×60 screen.
fn app_on(declaration: Declaration) -> App {
    let mut app = App::new(
        declaration,
        None,
        ClauseLibrary::bundled(),
        Keymap::default(),
        Theme { color: true },
    );
    app.resize(200, 60);
    app
}

fn frame(c: &mut Criterion) {
    let declaration = large_draft();
    assert_eq!(
        declaration.preamble.len() + declaration.operative.len(),
        500
    );
    let mut app = app_on(declaration);
    app.update(Action::FocusNext);
    for _ in 0..350 {
        app.update(Action::Down);
    }
    bench_drawing(c, "full frame, 500 paragraphs, 200x60", &app);
    // Every place of a common word marked, as after `f`.
    app.outline.found = "migration".into();
    bench_drawing(
        c,
        "full frame, 500 paragraphs, 200x60, words found marked",
        &app,
    );
}

/// Times drawing `app` on a 200×60 test terminal.
fn bench_drawing(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    views::draw(f, std::hint::black_box(app));
                })
                .map(|_| ())
                .unwrap()
        })
    });
}

/// The tracked changes of the 500-paragraph draft against its last revision, with words
/// changed in every seventh paragraph and some paragraphs moved, scrolled to the middle.
fn redline_frame(c: &mut Criterion) {
    let mut declaration = large_draft();
    declaration.circulate(chapeau::cover_note::read_date("2009-03-01").unwrap());
    for paragraph in declaration.operative.iter_mut().step_by(7) {
        paragraph.text = paragraph.text.replacen(" the ", " a ", 2);
    }
    for i in (0..declaration.operative.len() - 40).step_by(50) {
        declaration.operative.swap(i, i + 30);
    }
    let mut app = app_on(declaration);
    app.update(Action::FocusNext);
    app.update(Action::Redline);
    for _ in 0..60 {
        app.update(Action::Down);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| views::draw(f, &app)).unwrap();
    assert!(
        terminal.backend().to_string().contains("moved from"),
        "the view shows tracked changes"
    );
    bench_drawing(c, "tracked changes frame, 500 paragraphs, 200x60", &app);
}

fn baseline(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("baseline: a blank 200x60 frame", |b| {
        b.iter(|| terminal.draw(|_| {}).map(|_| ()).unwrap())
    });
}

criterion_group!(benches, frame, redline_frame, baseline);
criterion_main!(benches);
