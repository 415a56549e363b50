//! Every integration test in one binary, so that the test suite links once (the layout of
//! ripgrep's `tests/tests.rs`). Each module is named for what it proves; `panic.rs` has a
//! binary of its own because the panic hook it installs is process-wide.

mod common;

mod app;
mod bad_input;
mod cli;
mod diff;
mod e2e;
mod export;
mod fuzz_regressions;
mod git;
mod hostile_text;
mod import;
mod import_roundtrip;
mod keys;
mod kill;
mod library;
mod offline;
mod readme;
mod redline;
mod revisions;
mod roundtrip;
mod tui;
