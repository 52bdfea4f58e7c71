//! `tilbudsfinder precompress DIR`: writes the gzipped copy `FILE.gz` beside every compressible
//! file of a built site (`build/site` runs it last), so that a host serves them as they are
//! instead of compressing per request (nginx `gzip_static`, Apache, `tilbudsfinder serve`; see
//! `docs/hosting.md`).
//!
//! The copies are deterministic (`site_files`): the same site gives the same bytes. A copy at
//! least as new as its file is kept as it is (`build` has written those of the index already);
//! one that is older is written anew. Symbolic links are not followed.
//!
//! Exit status: 0 when every copy was written; 2 when the folder cannot be read or a copy
//! cannot be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::write_stdout;
use crate::site_files;

/// Flags of `precompress`.
#[derive(clap::Args)]
pub struct Args {
    /// The built site (as written by build/site).
    pub dir: PathBuf,
}

/// What a run did.
#[derive(Default)]
struct Tally {
    written: u64,
    kept: u64,
    bytes: u64,
    gzipped_bytes: u64,
}

/// Runs `precompress`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.dir.is_dir(),
        "{}: not a directory (run ./build/site first)",
        args.dir.display()
    );
    let mut tally = Tally::default();
    visit(&args.dir, &mut tally)?;
    write_stdout(&format!(
        "precompressed {} files ({} written, {} up to date): {} bytes, {} gzipped\n",
        tally.written + tally.kept,
        tally.written,
        tally.kept,
        tally.bytes,
        tally.gzipped_bytes
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Precompresses the files of `dir` and its subfolders, in name order.
fn visit(dir: &Path, tally: &mut Tally) -> anyhow::Result<()> {
    let mut entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{}: cannot list", dir.display()))?;
    entries.sort();
    for path in entries {
        let metadata = std::fs::symlink_metadata(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        if metadata.is_dir() {
            visit(&path, tally)?;
        } else if metadata.is_file() && site_files::is_compressible(&path) {
            let gz_path = site_files::gzipped_path(&path);
            let up_to_date = std::fs::metadata(&gz_path)
                .ok()
                .filter(|gz| gz.modified().ok() >= metadata.modified().ok());
            let gz_len = match up_to_date {
                Some(gz) => {
                    tally.kept += 1;
                    gz.len()
                }
                None => {
                    tally.written += 1;
                    site_files::write_gzipped_copy(&path)
                        .with_context(|| format!("{}: cannot write", gz_path.display()))?
                }
            };
            tally.bytes += metadata.len();
            tally.gzipped_bytes += gz_len;
        }
    }
    Ok(())
}
