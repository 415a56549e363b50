//! chapeau works offline and fetches nothing, ever: no networking crate is in the dependency
//! tree, and the binary calls none of the system's network functions.

use crate::common;

/// Crates whose purpose is talking to a network.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "h2",
    "h3",
    "quinn",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio",
    "async-std",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
    "tungstenite",
    "lettre",
];

/// The system calls that open or name a network connection. Without `socket` no connection
/// can be made at all (the terminal's event loop uses a local `socketpair`, which cannot).
const NETWORK_FUNCTIONS: &[&str] = &[
    "socket",
    "connect",
    "bind",
    "listen",
    "accept",
    "accept4",
    "getaddrinfo",
    "gethostbyname",
];

#[test]
fn no_networking_crate_is_in_the_dependency_tree() {
    let lock = std::fs::read_to_string(common::repository().join("Cargo.lock")).unwrap();
    let lock: toml::Table = lock.parse().unwrap();
    let names: Vec<&str> = lock["package"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| package["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"ratatui"), "the lock file lists the tree");
    for name in names {
        assert!(
            !NETWORK_CRATES.contains(&name),
            "{name} is a networking crate"
        );
    }
}

#[test]
fn the_binary_calls_no_network_function() {
    let output = std::process::Command::new("nm")
        .args([
            "--dynamic",
            "--undefined-only",
            env!("CARGO_BIN_EXE_chapeau"),
        ])
        .output()
        .expect("nm (binutils) is installed (.ci/run installs it)");
    assert!(output.status.success());
    let symbols = String::from_utf8(output.stdout).unwrap();
    let imported: Vec<&str> = symbols
        .lines()
        .filter_map(|line| line.split_whitespace().last())
        .map(|symbol| symbol.split('@').next().unwrap())
        .collect();
    assert!(
        imported.contains(&"write"),
        "nm lists what the binary imports"
    );
    for function in NETWORK_FUNCTIONS {
        assert!(
            !imported.contains(function),
            "the binary imports {function}"
        );
    }
}
