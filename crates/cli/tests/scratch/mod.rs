//! The command under test and a scratch directory per test: shared by the command-line tests
//! that run `tilbudsfinder` on files of their own (hardening, conventions, precompressed copies,
//! check, migrate, and every build through `build_support`).
// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The `tilbudsfinder` binary this test crate was built with.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tilbudsfinder"))
}

/// A scratch directory of its own (named by the test file's `suite` and the test's `label`),
/// removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(suite: &str, label: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "tilbudsfinder-{suite}-{}-{label}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    /// `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `bytes` to `name` inside the directory; returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write a scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
