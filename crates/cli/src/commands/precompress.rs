//! `tilbudsfinder precompress DIR`: writes the gzipped copy `FILE.gz` and the brotli copy
//! `FILE.br` beside every compressible file of a built site (`build/site` runs it last), so that
//! a host serves them as they are instead of compressing per request (nginx `gzip_static` and
//! `brotli_static`, Caddy, Apache, `tilbudsfinder serve`; see `docs/hosting.md`).
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
    bytes_files: u64,
    written: u64,
    kept: u64,
    bytes: u64,
    gzipped_bytes: u64,
    brotli_bytes: u64,
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
        "precompressed {} files ({} copies written, {} up to date): {} bytes, {} gzipped, {} with brotli\n",
        tally.bytes_files,
        tally.written,
        tally.kept,
        tally.bytes,
        tally.gzipped_bytes,
        tally.brotli_bytes
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
            tally.bytes_files += 1;
            tally.bytes += metadata.len();
            tally.gzipped_bytes += copy(
                &path,
                &metadata,
                &site_files::gzipped_path(&path),
                site_files::write_gzipped_copy,
                tally,
            )?;
            tally.brotli_bytes += copy(
                &path,
                &metadata,
                &site_files::brotli_path(&path),
                site_files::write_brotli_copy,
                tally,
            )?;
        }
    }
    Ok(())
}

/// Writes the copy of `path` at `copy_path` with `write`, unless one at least as new is there;
/// returns its length.
fn copy(
    path: &Path,
    metadata: &std::fs::Metadata,
    copy_path: &Path,
    write: fn(&Path) -> std::io::Result<u64>,
    tally: &mut Tally,
) -> anyhow::Result<u64> {
    let up_to_date = std::fs::metadata(copy_path)
        .ok()
        .filter(|copy| copy.modified().ok() >= metadata.modified().ok());
    Ok(match up_to_date {
        Some(copy) => {
            tally.kept += 1;
            copy.len()
        }
        None => {
            tally.written += 1;
            write(path).with_context(|| format!("{}: cannot write", copy_path.display()))?
        }
    })
}
