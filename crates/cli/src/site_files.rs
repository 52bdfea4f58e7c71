//! What a static host needs to know about the files of a built site, in one place for `serve`,
//! `build` and `precompress`: each file's content type, whether it is worth compressing, whether
//! its name carries its content hash (so it may be cached forever), and the one way this project
//! gzips or brotli-compresses a file.
//!
//! # Precompressed files
//! Next to every compressible file `F` of a built site lies `F.gz`, written by `build` (for the
//! index files) and `precompress` (for the rest, called by `build/site`), and `F.br`, written by
//! `precompress`. A host serves `F.br` with `Content-Encoding: br` to a browser that accepts
//! brotli, else `F.gz` with `Content-Encoding: gzip` to one that accepts gzip (nginx
//! `gzip_static`/`brotli_static`, Caddy's `precompressed`, Apache's rewrite rules,
//! `tilbudsfinder serve`; see `docs/hosting.md`), so nothing is compressed per request. Brotli
//! is about a fifth smaller than gzip on the wasm and the index's core file: the bytes before
//! the search box works on a slow line (BENCHMARKS.md).
//!
//! Both are deterministic, so the same file always gives the same bytes and a site build stays
//! byte-identical: the gzip has a fixed header (no modification time, no file name, the
//! operating system byte "unknown") and the best compression level; the brotli stream has fixed
//! parameters ([`BROTLI_QUALITY`], [`BROTLI_WINDOW_BITS`]) and no header.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::{Compression, GzBuilder};

/// What is appended to a file's name for its gzipped copy.
pub const GZIP_SUFFIX: &str = ".gz";
/// What is appended to a file's name for its brotli copy.
pub const BROTLI_SUFFIX: &str = ".br";
/// Brotli's best (and slowest) level: a site is compressed once, at build time.
pub const BROTLI_QUALITY: u32 = 11;
/// Brotli's window: 4 MiB, which every browser's decoder accepts.
pub const BROTLI_WINDOW_BITS: u32 = 22;

/// The `Content-Type` of a site file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match extension(path) {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "jsonl" => "text/plain; charset=utf-8",
        "gz" => "application/gzip",
        "br" => "application/x-brotli",
        _ => "application/octet-stream",
    }
}

/// True for files that gzip well: text, wasm and the index's binary files (already-compressed
/// formats such as PNG and gzip itself are not).
pub fn is_compressible(path: &Path) -> bool {
    matches!(
        extension(path),
        "html" | "js" | "mjs" | "css" | "json" | "wasm" | "svg" | "csv" | "txt" | "jsonl" | "bin"
    )
}

/// The content hash in a name like `core.0123456789abcdef.bin` (the index's data files are named
/// by their content), or `None` for a name without one.
pub fn content_hash(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    name.split('.')
        .find(|part| part.len() >= 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `bytes` gzipped, deterministically (see the module docs).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = encoder(Vec::with_capacity(bytes.len() / 3 + 64));
    // Writing to a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Where the gzipped copy of `path` lies: `FILE.gz` beside `FILE`.
pub fn gzipped_path(path: &Path) -> PathBuf {
    with_suffix(path, GZIP_SUFFIX)
}

/// Where the brotli copy of `path` lies: `FILE.br` beside `FILE`.
pub fn brotli_path(path: &Path) -> PathBuf {
    with_suffix(path, BROTLI_SUFFIX)
}

/// `path` with `suffix` appended to its name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes the gzipped copy of the file at `path` beside it, streaming. Returns its length.
pub fn write_gzipped_copy(path: &Path) -> io::Result<u64> {
    write_copy(path, &gzipped_path(path), |out, input| {
        let mut encoder = encoder(out);
        io::copy(input, &mut encoder)?;
        encoder.finish()?.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    })
}

/// Writes the brotli copy of the file at `path` beside it, streaming. Returns its length.
pub fn write_brotli_copy(path: &Path) -> io::Result<u64> {
    write_copy(path, &brotli_path(path), |out, input| {
        let mut encoder = brotli_encoder(out);
        io::copy(input, &mut encoder)?;
        // Ends the stream (a flush would write an extra, empty block).
        encoder
            .into_inner()
            .into_inner()
            .map_err(|e| e.into_error())?;
        Ok(())
    })
}

/// Writes `target` from the file at `path` through `compress`, under a temporary name first (a
/// host never serves half of it). Returns the length written.
fn write_copy(
    path: &Path,
    target: &Path,
    compress: impl FnOnce(BufWriter<File>, &mut File) -> io::Result<()>,
) -> io::Result<u64> {
    let tmp = with_suffix(target, ".tmp");
    let written = (|| {
        compress(BufWriter::new(File::create(&tmp)?), &mut File::open(path)?)?;
        std::fs::rename(&tmp, target)?;
        Ok(std::fs::metadata(target)?.len())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The one brotli encoder: fixed quality and window.
fn brotli_encoder<W: Write>(out: W) -> brotli::CompressorWriter<W> {
    brotli::CompressorWriter::new(out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW_BITS)
}

/// The one gzip encoder: fixed header, best compression.
fn encoder<W: Write>(out: W) -> GzEncoder<W> {
    GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(out, Compression::best())
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_have_a_content_hash_and_others_do_not() {
        assert_eq!(
            content_hash(Path::new("index/core.0123456789abcdef.bin")),
            Some("0123456789abcdef")
        );
        assert_eq!(content_hash(Path::new("index/manifest.json")), None);
        assert_eq!(
            content_hash(Path::new("app/tilbudsfinder_web_bg.wasm")),
            None
        );
    }

    #[test]
    fn gzip_has_a_fixed_header_and_round_trips() {
        let text = "tilbud ".repeat(100);
        let gz = gzip(text.as_bytes());
        assert_eq!(gz, gzip(text.as_bytes()));
        // Magic, deflate, no flags, modification time 0, best compression, OS unknown.
        assert_eq!(&gz[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
            .unwrap();
        assert_eq!(out, text);
    }

    #[test]
    fn brotli_copies_are_deterministic_smaller_than_gzip_and_round_trip() {
        let dir = std::env::temp_dir().join(format!("tf-site-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("page.html");
        let text: String = (0..2000)
            .map(|i| format!("<li>tilbud {i} i Aarhus</li>\n"))
            .collect();
        std::fs::write(&file, &text).unwrap();
        let len = write_brotli_copy(&file).unwrap();
        let first = std::fs::read(brotli_path(&file)).unwrap();
        assert_eq!(first.len() as u64, len);
        write_brotli_copy(&file).unwrap();
        assert_eq!(std::fs::read(brotli_path(&file)).unwrap(), first);
        assert!(first.len() < gzip(text.as_bytes()).len());
        let mut out = String::new();
        std::io::Read::read_to_string(&mut brotli::Decompressor::new(&first[..], 4096), &mut out)
            .unwrap();
        assert_eq!(out, text);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
