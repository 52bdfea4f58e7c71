//! Where every command that reads a catalogue (`check`, `build`, `report`, `migrate`,
//! `relevance`) gets it from: a file, or standard input for `-` (`generate | build - --out
//! index/`), with one progress bar for all of them.
//!
//! The bar shows bytes read against the catalogue's size with the time left, when the size is
//! known (a file, or standard input redirected from one); bytes read and the rate otherwise.
//! Once the catalogue is read, [`Progress::writing`] turns it into a spinner that keeps ticking
//! with the elapsed time while the command computes and writes its files, so it never looks
//! frozen. It is drawn on standard error only when that is a terminal: logs and pipes get none
//! of it.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

/// Read buffer: large enough that reading is not the bottleneck.
const READ_BUFFER_BYTES: usize = 256 * 1024;
/// How often the spinner ticks while files are written.
const TICK: Duration = Duration::from_millis(120);

/// The path that means standard input.
pub const STDIN: &str = "-";

/// The progress bar of a command reading a catalogue; hidden when stderr is not a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// From reading to writing: a spinner with `message` and the elapsed time, ticking on its own.
    pub fn writing(&self, message: &'static str) {
        if let Some(bar) = &self.0 {
            bar.set_style(
                ProgressStyle::with_template("{spinner} {prefix}: {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message(message);
            bar.enable_steady_tick(TICK);
        }
    }

    /// Runs `write` with the bar off the terminal, for a line of one's own on standard error.
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// How a catalogue is named in messages: its path, or "standard input".
pub fn shown_name(path: &Path) -> String {
    if path.as_os_str() == STDIN {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Opens the catalogue at `path` (`-`: standard input) as a buffered reader, with a progress bar
/// labelled `verb` ("checking", "building") counting the bytes read.
pub fn open_catalogue(
    path: &Path,
    verb: &'static str,
) -> anyhow::Result<(Box<dyn BufRead>, Progress)> {
    let (source, size): (Box<dyn Read>, Option<u64>) = if path.as_os_str() == STDIN {
        // Standard input redirected from a file has a size; a pipe has none.
        let size = std::fs::metadata("/dev/stdin")
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        (Box::new(io::stdin()), size)
    } else {
        let file = File::open(path)
            .with_context(|| format!("{}: cannot open the catalogue", path.display()))?;
        let size = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        (Box::new(file), size)
    };
    let Some(bar) = progress_bar(size, verb) else {
        return Ok((
            Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, source)),
            Progress(None),
        ));
    };
    let reader = bar.wrap_read(source);
    Ok((
        Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, reader)),
        Progress(Some(bar)),
    ))
}

/// A bar over `size` bytes, or a byte counter when the size is unknown; `None` when standard
/// error is not a terminal.
fn progress_bar(size: Option<u64>, verb: &'static str) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let (bar, template) = match size {
        Some(size) => (
            ProgressBar::new(size),
            "{prefix} {bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {prefix}: {bytes} read ({bytes_per_sec})",
        ),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_prefix(verb);
    Some(bar)
}
