//! `tilbudsfinder serve DIR`: serves a built site on 127.0.0.1 for the demo and the tests.
//!
//! It behaves like the plain static host the site is made for, with the headers a careful one
//! would send (`docs/hosting.md` gives the same for nginx, Apache and a bucket): the strict
//! Content-Security-Policy the widget promises to work under, `immutable` caching for
//! content-hashed files and `no-cache` for everything else (the manifest above all),
//! `application/wasm` for streaming compilation. It binds to loopback only, never serves outside
//! DIR, and can stop by itself (`--exit-after`), so a test that forgets it leaves nothing running.
//!
//! # Revalidation and compression
//! - Every file gets an `ETag` (the hash in its name, or a hash of its bytes) and a
//!   `Last-Modified`; `If-None-Match` (or, without it, `If-Modified-Since`) that still holds is
//!   answered `304 Not Modified`, so a revalidated `no-cache` file costs a head, not a download.
//! - `Accept-Encoding` is read with its weights: `gzip;q=0` means no gzip, `identity` counts.
//!   Brotli is sent when the client accepts it at least as much as gzip and the build's
//!   precompressed `FILE.br` is at least as new as `FILE`; it is never compressed here (brotli
//!   at its best level is too slow per request). Otherwise the gzipped answer is the
//!   precompressed `FILE.gz` (`site_files`), when it is at least as new as `FILE`; otherwise (a
//!   site without them, a file replaced on disk) the file is gzipped here, the same way, and
//!   cached.
//! - `--cors ORIGIN|*` lets pages on other origins read the files (one publisher hosting the
//!   index and the widget for many municipal sites), and answers their preflight `OPTIONS`.
//!
//! # Bounded under load
//! No client can make it hold more than a fixed number of threads or bytes:
//! - One thread accepts connections and collects their request heads without blocking
//!   ([`Pending`]): a client that trickles its request costs a buffer, not a thread, and is
//!   dropped when its head has not arrived after [`HEAD_DEADLINE`]. At most
//!   [`MAX_PENDING`] connections wait for their heads; further ones wait in the kernel's queue.
//! - [`WORKERS`] threads answer complete requests. Files are streamed in chunks, never read
//!   whole, and a client that stops reading is dropped after [`WRITE_TIMEOUT`].
//! - Copies gzipped here of files up to [`MAX_GZIP_SOURCE_BYTES`] are cached, at most
//!   [`MAX_GZIP_CACHE_BYTES`] in all, each under the modification time and size of the file it
//!   was made from: a file replaced on disk is compressed anew, never served stale. The content
//!   hashes behind the entity tags are cached the same way, at most [`MAX_CACHED_TAGS`].

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::Context;
use catalogue::Date;
use xxhash_rust::xxh3::Xxh3;

use crate::site_files;

/// The policy the site and the widget are built to run under.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// Threads answering complete requests.
pub const WORKERS: usize = 32;
/// Connections whose request heads are still arriving, at most.
pub const MAX_PENDING: usize = 1024;
/// Longest a request head may take to arrive.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// Longest one write to a client may block (a client that stops reading is dropped).
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest request head, in bytes (a long query string is the page's business: allow some).
const MAX_HEAD_BYTES: usize = 64 * 1024;
/// Largest file that is gzipped (larger ones are streamed as they are).
pub const MAX_GZIP_SOURCE_BYTES: u64 = 8 << 20;
/// Most bytes of gzipped copies kept.
pub const MAX_GZIP_CACHE_BYTES: usize = 64 << 20;
/// Content hashes (entity tags) kept, at most.
pub const MAX_CACHED_TAGS: usize = 16_384;
/// Complete requests waiting for a worker, at most.
const QUEUE: usize = 256;

/// Flags of `serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The built site (as written by build/site).
    #[arg(default_value = "dist")]
    pub dir: PathBuf,
    /// Port on 127.0.0.1; when it is taken, a free one is chosen. 0 always picks a free one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Do not send the strict Content-Security-Policy header.
    #[arg(long)]
    pub no_csp: bool,
    /// Let pages on other origins read the site's files (index, widget, app): `*` for any, or
    /// origins such as `https://www.aarhus.dk` (repeatable, or comma-separated), each named
    /// back to itself with `Vary: Origin`. Preflight `OPTIONS` requests are answered.
    #[arg(long, value_name = "ORIGIN|*", value_delimiter = ',', value_parser = parse_cors_origin)]
    pub cors: Vec<CorsOrigin>,
    /// Stop after this many seconds (tests use it so that no server outlives them).
    #[arg(long)]
    pub exit_after: Option<u64>,
}

/// Runs `serve` until stopped.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let root = args.dir.canonicalize().with_context(|| {
        format!(
            "{}: no such site directory (run ./build/site first)",
            args.dir.display()
        )
    })?;
    anyhow::ensure!(root.is_dir(), "{}: not a directory", root.display());
    let listener = bind(args.port)?;
    let addr = listener.local_addr()?;
    // The harness and build/demo read this line: keep its shape.
    println!("Serving {} at http://{addr}/", root.display());
    std::io::stdout().flush()?;

    if let Some(secs) = args.exit_after {
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(secs));
            std::process::exit(0);
        });
    }
    let site = Arc::new(Site {
        root,
        csp: !args.no_csp,
        cors: Cors::of(args.cors),
        gzip_cache: Mutex::new(GzipCache::default()),
        tag_cache: Mutex::new(TagCache::default()),
    });
    let (requests, queue) = sync_channel::<(TcpStream, Vec<u8>)>(QUEUE);
    let queue = Arc::new(Mutex::new(queue));
    for _ in 0..WORKERS {
        let site = Arc::clone(&site);
        let queue = Arc::clone(&queue);
        std::thread::spawn(move || work(&site, &queue));
    }
    collect_heads(&listener, |stream, head| {
        // Blocks while every worker is busy and the queue is full: back-pressure.
        let _ = requests.send((stream, head));
    })
}

/// A worker: answers complete requests from the queue, one at a time.
fn work(site: &Site, queue: &Mutex<Receiver<(TcpStream, Vec<u8>)>>) {
    loop {
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((stream, head)) = next else { return };
        // A client that hangs up or stops reading is its own business.
        let _ = site.handle(stream, &head);
    }
}

/// A connection whose request head is still arriving.
struct Pending {
    stream: TcpStream,
    head: Vec<u8>,
    since: Instant,
}

/// What reading a pending connection gave.
enum Progress {
    /// The head is complete.
    Complete,
    /// Not complete yet (bytes may have arrived).
    Waiting,
    /// Closed, failed, too long or too slow: drop it.
    Gone,
}

impl Pending {
    fn read(&mut self) -> Progress {
        let mut buffer = [0u8; 4096];
        loop {
            match self.stream.read(&mut buffer) {
                Ok(0) => return Progress::Gone,
                Ok(n) => {
                    self.head.extend_from_slice(&buffer[..n]);
                    if self.head.windows(4).any(|w| w == b"\r\n\r\n") {
                        return Progress::Complete;
                    }
                    if self.head.len() > MAX_HEAD_BYTES {
                        // The socket's send buffer is empty: this short answer fits at once.
                        let _ = self.stream.write_all(
                            b"HTTP/1.1 431 Request Header Fields Too Large\r\n\
                              Content-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                        return Progress::Gone;
                    }
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => break,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return Progress::Gone,
            }
        }
        if self.since.elapsed() > HEAD_DEADLINE {
            Progress::Gone
        } else {
            Progress::Waiting
        }
    }
}

/// Accepts connections and reads their request heads without blocking on any one client; hands
/// each complete head to `ready`. Returns only on an error of the listener itself.
fn collect_heads(
    listener: &TcpListener,
    mut ready: impl FnMut(TcpStream, Vec<u8>),
) -> anyhow::Result<ExitCode> {
    let mut pending: Vec<Pending> = Vec::new();
    let mut idle_rounds: u32 = 0;
    loop {
        // With nothing pending, wait for a connection without spinning.
        listener.set_nonblocking(!pending.is_empty())?;
        let mut activity = false;
        while pending.len() < MAX_PENDING {
            match listener.accept() {
                Ok((stream, _)) => {
                    activity = true;
                    if stream.set_nonblocking(true).is_ok() {
                        pending.push(Pending {
                            stream,
                            head: Vec::new(),
                            since: Instant::now(),
                        });
                    }
                    listener.set_nonblocking(true)?;
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => break,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                // Out of descriptors and the like: try again after a pause.
                Err(_) => {
                    std::thread::sleep(Duration::from_millis(10));
                    break;
                }
            }
        }
        let mut i = 0;
        while i < pending.len() {
            match pending[i].read() {
                Progress::Waiting => i += 1,
                Progress::Gone => {
                    pending.swap_remove(i);
                }
                Progress::Complete => {
                    activity = true;
                    let Pending { stream, head, .. } = pending.swap_remove(i);
                    if stream.set_nonblocking(false).is_ok() {
                        ready(stream, head);
                    }
                }
            }
        }
        // Poll again at once while connections arrive and complete; otherwise back off to
        // 10 ms, so that clients that only trickle cost little.
        idle_rounds = if activity {
            0
        } else {
            (idle_rounds + 1).min(10)
        };
        if idle_rounds > 0 && !pending.is_empty() {
            std::thread::sleep(Duration::from_millis(u64::from(idle_rounds)));
        }
    }
}

fn bind(port: u16) -> anyhow::Result<TcpListener> {
    match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => Ok(listener),
        Err(_) if port != 0 => {
            eprintln!("tilbudsfinder: port {port} is taken; choosing a free one");
            TcpListener::bind(("127.0.0.1", 0)).context("could not bind to 127.0.0.1")
        }
        Err(err) => Err(err).context("could not bind to 127.0.0.1"),
    }
}

struct Site {
    root: PathBuf,
    csp: bool,
    cors: Cors,
    gzip_cache: Mutex<GzipCache>,
    tag_cache: Mutex<TagCache>,
}

/// Which origins may read the site's files from their own pages (`--cors`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cors {
    /// No `Access-Control-*` headers: only the site's own pages read its files.
    Off,
    /// `Access-Control-Allow-Origin: *`: any page may (the index is public data).
    AnyOrigin,
    /// Only these origins (`https://www.aarhus.dk`); the answer names the asking origin when it
    /// is one of them, and says `Vary: Origin` so that caches keep the answers apart.
    Origins(Vec<String>),
}

impl Cors {
    /// From the values of `--cors`: `*` anywhere means any origin.
    fn of(values: Vec<CorsOrigin>) -> Cors {
        if values.is_empty() {
            Cors::Off
        } else if values.contains(&CorsOrigin::Any) {
            Cors::AnyOrigin
        } else {
            Cors::Origins(
                values
                    .into_iter()
                    .filter_map(|v| match v {
                        CorsOrigin::Origin(origin) => Some(origin),
                        CorsOrigin::Any => None,
                    })
                    .collect(),
            )
        }
    }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, if any.
    fn allow_origin(&self, origin: Option<&str>) -> Option<String> {
        match self {
            Cors::Off => None,
            Cors::AnyOrigin => Some("*".to_owned()),
            Cors::Origins(allowed) => origin
                .filter(|o| allowed.iter().any(|a| a == o))
                .map(str::to_owned),
        }
    }
}

/// One value of `--cors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorsOrigin {
    /// `*`.
    Any,
    /// `scheme://host[:port]`, lower-case.
    Origin(String),
}

/// Parses a value of `--cors`: `*` or an origin, `http(s)://host[:port]` without a path.
fn parse_cors_origin(text: &str) -> Result<CorsOrigin, String> {
    let text = text.trim();
    if text == "*" {
        return Ok(CorsOrigin::Any);
    }
    let origin = text.strip_suffix('/').unwrap_or(text).to_ascii_lowercase();
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("{text:?}: expected * or an origin such as https://www.aarhus.dk")
        })?;
    let well_formed = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    if !well_formed {
        return Err(format!(
            "{text:?}: an origin is a scheme and a host (and port), without a path: \
             such as https://www.aarhus.dk"
        ));
    }
    Ok(CorsOrigin::Origin(origin))
}

/// What tells one version of a file from the next: its modification time and size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl FileStamp {
    fn of(metadata: &std::fs::Metadata) -> FileStamp {
        FileStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
        }
    }
}

/// Gzipped copies of files without a precompressed one, each under the stamp of its source.
#[derive(Default)]
struct GzipCache {
    entries: HashMap<PathBuf, (FileStamp, Arc<Vec<u8>>)>,
    bytes: usize,
}

impl GzipCache {
    fn get(&self, path: &Path, stamp: FileStamp) -> Option<Arc<Vec<u8>>> {
        self.entries
            .get(path)
            .filter(|(cached, _)| *cached == stamp)
            .map(|(_, gz)| Arc::clone(gz))
    }

    fn put(&mut self, path: &Path, stamp: FileStamp, gz: &Arc<Vec<u8>>) {
        if let Some((_, old)) = self.entries.remove(path) {
            self.bytes -= old.len();
        }
        if self.bytes + gz.len() > MAX_GZIP_CACHE_BYTES {
            // Simple and bounded: start over rather than track recency.
            self.entries.clear();
            self.bytes = 0;
        }
        if gz.len() <= MAX_GZIP_CACHE_BYTES {
            self.bytes += gz.len();
            self.entries
                .insert(path.to_path_buf(), (stamp, Arc::clone(gz)));
        }
    }
}

/// Content hashes of files whose names do not carry one, each under the stamp of the file.
#[derive(Default)]
struct TagCache {
    entries: HashMap<PathBuf, (FileStamp, u64)>,
}

impl TagCache {
    fn get(&self, path: &Path, stamp: FileStamp) -> Option<u64> {
        self.entries
            .get(path)
            .filter(|(cached, _)| *cached == stamp)
            .map(|(_, hash)| *hash)
    }

    fn put(&mut self, path: &Path, stamp: FileStamp, hash: u64) {
        if self.entries.len() >= MAX_CACHED_TAGS {
            self.entries.clear();
        }
        self.entries.insert(path.to_path_buf(), (stamp, hash));
    }
}

/// What a response sends after its head.
enum Body {
    /// Nothing, and no `Content-Length` either (`304`, `204`).
    None,
    /// Bytes in memory: a short text, or a file gzipped here.
    Bytes(Arc<Vec<u8>>),
    /// A file, streamed.
    File(File, u64),
}

struct Response {
    status: &'static str,
    /// Header lines besides the ones every answer gets, each ending in `\r\n`.
    headers: String,
    /// Whether another `Accept-Encoding` could get another answer (`Vary`).
    varies_by_encoding: bool,
    body: Body,
}

/// The parts of a request head that `serve` reads.
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    /// `(lower-case name, value)`.
    headers: Vec<(String, &'a str)>,
}

impl<'a> Request<'a> {
    fn parse(head: &'a str) -> Request<'a> {
        let mut lines = head.split("\r\n");
        let mut parts = lines.next().unwrap_or("").split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim()))
            .collect();
        Request {
            method,
            target,
            headers,
        }
    }

    /// A header's value; several fields of one name are joined with commas, as HTTP defines.
    fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| *v)
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// Which representation of a file is sent.
enum Representation {
    /// The file as it is.
    Identity(File, u64),
    /// A precompressed copy beside it (`FILE.gz` or `FILE.br`).
    Precompressed(File, u64, Encoding),
    /// Gzipped here (no fresh `FILE.gz` exists).
    GzippedHere(Arc<Vec<u8>>),
}

impl Site {
    fn handle(&self, stream: TcpStream, head: &[u8]) -> io::Result<()> {
        stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
        let head = String::from_utf8_lossy(head);
        let request = Request::parse(&head);
        let response = match request.method {
            "GET" | "HEAD" => self.respond(&request),
            "OPTIONS" if self.cors != Cors::Off => self.preflight(&request),
            _ => {
                let mut response =
                    text_response("405 Method Not Allowed", "only GET and HEAD are served\n");
                response.headers.push_str("Allow: GET, HEAD\r\n");
                response
            }
        };
        self.write(stream, &request, response)
    }

    /// The answer to a CORS preflight: reading is allowed, with the headers asked for.
    fn preflight(&self, request: &Request) -> Response {
        let mut headers = String::from(
            "Allow: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Methods: GET, HEAD\r\n\
             Access-Control-Max-Age: 86400\r\n",
        );
        if let Some(asked) = request.header("access-control-request-headers") {
            // Header names only: nothing the client sends becomes more than a token list.
            let names: Vec<&str> = asked
                .split(',')
                .map(str::trim)
                .filter(|n| {
                    !n.is_empty()
                        && n.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
                })
                .collect();
            if !names.is_empty() {
                headers.push_str(&format!(
                    "Access-Control-Allow-Headers: {}\r\n",
                    names.join(", ")
                ));
            }
        }
        Response {
            status: "204 No Content",
            headers,
            varies_by_encoding: false,
            body: Body::None,
        }
    }

    fn respond(&self, request: &Request) -> Response {
        let not_found = || text_response("404 Not Found", "not found\n");
        let Some(path) = self.resolve(request.target) else {
            return not_found();
        };
        let Ok(file) = File::open(&path) else {
            return not_found();
        };
        let Ok(metadata) = file.metadata() else {
            return not_found();
        };
        if !metadata.is_file() {
            return not_found();
        }
        let stamp = FileStamp::of(&metadata);
        let compressible = site_files::is_compressible(&path);
        let wanted = if compressible {
            accepted_encodings(request.header("accept-encoding").as_deref())
        } else {
            Vec::new()
        };
        // The most wanted first: brotli when it is wanted at least as much as gzip.
        let brotli = (wanted.first() == Some(&Encoding::Brotli))
            .then(|| self.precompressed(&path, stamp, Encoding::Brotli))
            .flatten();
        let representation = match brotli {
            Some(brotli) => Some(brotli),
            None if wanted.contains(&Encoding::Gzip) => self.gzipped(&path, file, stamp),
            None => Some(Representation::Identity(file, stamp.len)),
        };
        // The file changed or failed while it was read: answer as it is now.
        let Some(representation) = representation.or_else(|| {
            let file = File::open(&path).ok()?;
            let len = file.metadata().ok()?.len();
            Some(Representation::Identity(file, len))
        }) else {
            return not_found();
        };
        let Some(tag) = self.entity_tag(&path, stamp) else {
            return not_found();
        };
        let (tag, body, encoding) = match representation {
            Representation::Identity(file, len) => (tag, Body::File(file, len), None),
            Representation::Precompressed(file, len, encoding) => (
                format!("{tag}-{}", encoding.token()),
                Body::File(file, len),
                Some(encoding.token()),
            ),
            Representation::GzippedHere(gz) => {
                (format!("{tag}-gzip"), Body::Bytes(gz), Some("gzip"))
            }
        };
        let cache = if site_files::content_hash(&path).is_some() {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let modified = stamp
            .modified
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_secs());
        let mut headers = format!("Cache-Control: {cache}\r\nETag: \"{tag}\"\r\n");
        if let Some(secs) = modified {
            headers.push_str(&format!("Last-Modified: {}\r\n", http_date(secs)));
        }
        let unchanged = match request.header("if-none-match") {
            Some(tags) => etag_matches(&tags, &tag),
            None => request
                .header("if-modified-since")
                .and_then(|since| parse_http_date(&since))
                .zip(modified)
                .is_some_and(|(since, modified)| modified <= since),
        };
        if unchanged {
            return Response {
                status: "304 Not Modified",
                headers,
                varies_by_encoding: compressible,
                body: Body::None,
            };
        }
        headers.push_str(&format!(
            "Content-Type: {}\r\n",
            site_files::content_type(&path)
        ));
        if let Some(encoding) = encoding {
            headers.push_str(&format!("Content-Encoding: {encoding}\r\n"));
        }
        Response {
            status: "200 OK",
            headers,
            varies_by_encoding: compressible,
            body,
        }
    }

    /// Maps a request target to a file inside the root, or `None` for anything outside it.
    fn resolve(&self, target: &str) -> Option<PathBuf> {
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let decoded = percent_decode(path)?;
        let mut resolved = self.root.clone();
        for component in Path::new(decoded.trim_start_matches('/')).components() {
            match component {
                Component::Normal(part) => resolved.push(part),
                Component::CurDir => {}
                _ => return None,
            }
        }
        if resolved.is_dir() {
            resolved.push("index.html");
        }
        self.inside_root(&resolved)
    }

    /// The path itself, resolved, if it exists inside the root (symlinks must not lead out).
    fn inside_root(&self, path: &Path) -> Option<PathBuf> {
        let canonical = path.canonicalize().ok()?;
        canonical.starts_with(&self.root).then_some(canonical)
    }

    /// The gzipped representation: the precompressed `FILE.gz` when it is at least as new as
    /// the file, else the file gzipped here (cached under its stamp; files up to
    /// [`MAX_GZIP_SOURCE_BYTES`]), else the file as it is. `None` when the file could not be
    /// read whole as it was when opened.
    fn gzipped(&self, path: &Path, file: File, stamp: FileStamp) -> Option<Representation> {
        let precompressed = self.precompressed(path, stamp, Encoding::Gzip);
        if precompressed.is_some() {
            return precompressed;
        }
        if stamp.len > MAX_GZIP_SOURCE_BYTES {
            return Some(Representation::Identity(file, stamp.len));
        }
        let cached = self
            .gzip_cache
            .lock()
            .ok()
            .and_then(|cache| cache.get(path, stamp));
        if let Some(gz) = cached {
            return Some(Representation::GzippedHere(gz));
        }
        let mut bytes = Vec::new();
        file.take(stamp.len + 1).read_to_end(&mut bytes).ok()?;
        if bytes.len() as u64 != stamp.len {
            return None;
        }
        let gz = Arc::new(site_files::gzip(&bytes));
        if let Ok(mut cache) = self.gzip_cache.lock() {
            cache.put(path, stamp, &gz);
        }
        Some(Representation::GzippedHere(gz))
    }

    /// The build's precompressed copy of `path` in `encoding`, if it is there and at least as new
    /// as the file.
    fn precompressed(
        &self,
        path: &Path,
        stamp: FileStamp,
        encoding: Encoding,
    ) -> Option<Representation> {
        let copy_path = match encoding {
            Encoding::Gzip => site_files::gzipped_path(path),
            Encoding::Brotli => site_files::brotli_path(path),
        };
        let copy_path = self.inside_root(&copy_path)?;
        let copy = File::open(copy_path).ok()?;
        let metadata = copy.metadata().ok()?;
        let fresh = metadata.is_file() && metadata.modified().ok() >= stamp.modified;
        fresh.then(|| Representation::Precompressed(copy, metadata.len(), encoding))
    }

    /// The entity tag of a file's content (without quotes): the hash in its name when it has
    /// one, else a hash of its bytes (cached under its stamp). `None` when it cannot be read.
    fn entity_tag(&self, path: &Path, stamp: FileStamp) -> Option<String> {
        if let Some(hash) = site_files::content_hash(path) {
            return Some(hash.to_owned());
        }
        let cached = self
            .tag_cache
            .lock()
            .ok()
            .and_then(|cache| cache.get(path, stamp));
        let hash = match cached {
            Some(hash) => hash,
            None => {
                let mut hasher = Xxh3::new();
                let mut file = File::open(path).ok()?.take(stamp.len);
                let mut buffer = vec![0u8; 64 * 1024];
                loop {
                    let n = file.read(&mut buffer).ok()?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buffer[..n]);
                }
                let hash = hasher.digest();
                if let Ok(mut cache) = self.tag_cache.lock() {
                    cache.put(path, stamp, hash);
                }
                hash
            }
        };
        Some(format!("{hash:016x}"))
    }

    fn write(
        &self,
        mut stream: TcpStream,
        request: &Request,
        response: Response,
    ) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\n{}X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\
             Connection: close\r\n",
            response.status, response.headers,
        );
        match &response.body {
            Body::None => {}
            Body::Bytes(bytes) => head.push_str(&format!("Content-Length: {}\r\n", bytes.len())),
            Body::File(_, len) => head.push_str(&format!("Content-Length: {len}\r\n")),
        }
        if self.csp {
            head.push_str(&format!("Content-Security-Policy: {STRICT_CSP}\r\n"));
        }
        if let Some(origin) = self.cors.allow_origin(request.header("origin").as_deref()) {
            head.push_str(&format!("Access-Control-Allow-Origin: {origin}\r\n"));
        }
        let vary: Vec<&str> = [
            (response.varies_by_encoding, "Accept-Encoding"),
            (matches!(self.cors, Cors::Origins(_)), "Origin"),
        ]
        .into_iter()
        .filter_map(|(applies, name)| applies.then_some(name))
        .collect();
        if !vary.is_empty() {
            head.push_str(&format!("Vary: {}\r\n", vary.join(", ")));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if request.method != "HEAD" {
            match response.body {
                Body::None => {}
                Body::Bytes(bytes) => stream.write_all(&bytes)?,
                Body::File(file, len) => {
                    // Exactly the length announced, even if the file grew meanwhile.
                    io::copy(&mut file.take(len), &mut stream)?;
                }
            }
        }
        stream.flush()
    }
}

fn text_response(status: &'static str, text: &str) -> Response {
    Response {
        status,
        headers: "Content-Type: text/plain; charset=utf-8\r\nCache-Control: no-cache\r\n"
            .to_owned(),
        varies_by_encoding: false,
        body: Body::Bytes(Arc::new(text.as_bytes().to_vec())),
    }
}

/// A content coding this server sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Its name in `Content-Encoding` (and in the entity tag of that representation).
    fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// The codings this `Accept-Encoding` takes, most wanted first (brotli before gzip when they
/// are wanted alike). A coding must be acceptable (`q` above 0, by name or through `*`) and
/// wanted at least as much as no encoding (`identity`). No header, or an empty one, means no
/// encoding.
fn accepted_encodings(accept_encoding: Option<&str>) -> Vec<Encoding> {
    let (mut brotli, mut gzip, mut identity, mut any) = (None, None, None, None);
    for item in accept_encoding.unwrap_or("").split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let mut weight = 1.0_f32;
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    // A weight that does not parse excludes the coding rather than guess.
                    weight = value
                        .trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .unwrap_or(0.0);
                }
            }
        }
        match coding.as_str() {
            "br" => brotli = Some(weight),
            "gzip" | "x-gzip" => gzip = Some(weight),
            "identity" => identity = Some(weight),
            "*" => any = Some(weight),
            _ => {}
        }
    }
    let identity = identity.or(any).unwrap_or(1.0);
    let mut wanted: Vec<(Encoding, f32)> = [(Encoding::Brotli, brotli), (Encoding::Gzip, gzip)]
        .into_iter()
        .map(|(encoding, weight)| (encoding, weight.or(any).unwrap_or(0.0)))
        .filter(|&(_, weight)| weight > 0.0 && weight >= identity)
        .collect();
    // Stable: brotli stays first on a tie.
    wanted.sort_by(|a, b| b.1.total_cmp(&a.1));
    wanted.into_iter().map(|(encoding, _)| encoding).collect()
}

/// Whether an `If-None-Match` list names this entity tag (weak comparison, as for GET).
fn etag_matches(if_none_match: &str, tag: &str) -> bool {
    if_none_match.split(',').map(str::trim).any(|candidate| {
        candidate == "*"
            || candidate
                .strip_prefix("W/")
                .unwrap_or(candidate)
                .trim_matches('"')
                == tag
    })
}

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Seconds since the Unix epoch as an HTTP date: `Sun, 06 Nov 1994 08:49:37 GMT`.
fn http_date(secs: u64) -> String {
    let days = secs / 86_400;
    let (year, month, day) = Date(i32::try_from(days).unwrap_or(i32::MAX)).ymd();
    let in_day = secs % 86_400;
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[(days % 7) as usize],
        MONTHS[(month as usize - 1) % 12],
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}

/// An HTTP date in the one form senders must use (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds
/// since the Unix epoch; `None` for anything else (a condition that cannot be read is ignored).
fn parse_http_date(text: &str) -> Option<u64> {
    let mut fields = text.split_whitespace();
    let (_weekday, day, month, year, time, zone) = (
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
    );
    if zone != "GMT" || fields.next().is_some() {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let date = Date::from_ymd(year.parse().ok()?, month, day.parse().ok()?)?;
    let mut hms = time.split(':').map(|part| part.parse::<u64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = u64::try_from(date.0).ok()?;
    Some(days * 86_400 + h * 3600 + m * 60 + s)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains('\0')).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(root: &Path) -> Site {
        Site {
            root: root.canonicalize().unwrap(),
            csp: true,
            cors: Cors::Off,
            gzip_cache: Mutex::new(GzipCache::default()),
            tag_cache: Mutex::new(TagCache::default()),
        }
    }

    #[test]
    fn never_resolves_outside_the_root() {
        let dir = std::env::temp_dir().join(format!("tf-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("site/index")).unwrap();
        std::fs::write(dir.join("secret.txt"), "no").unwrap();
        std::fs::write(dir.join("site/index.html"), "<!doctype html>").unwrap();
        let site = site(&dir.join("site"));
        assert!(site.resolve("/../secret.txt").is_none());
        assert!(site.resolve("/%2e%2e/secret.txt").is_none());
        assert!(site.resolve("/index/../../secret.txt").is_none());
        assert!(site.resolve("/%00").is_none());
        assert_eq!(
            site.resolve("/?q=x").unwrap(),
            dir.join("site/index.html").canonicalize().unwrap()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn brotli_comes_first_unless_gzip_is_wanted_more() {
        use Encoding::{Brotli, Gzip};
        for (header, expected) in [
            (Some("gzip, deflate, br, zstd"), vec![Brotli, Gzip]),
            (Some("br"), vec![Brotli]),
            (Some("BR;q=0.9, gzip"), vec![Gzip]),
            (Some("br;q=0.9, gzip, identity;q=0.5"), vec![Gzip, Brotli]),
            (Some("br;q=0, gzip"), vec![Gzip]),
            (Some("br, identity;q=1, gzip;q=0.5"), vec![Brotli]),
            (Some("*"), vec![Brotli, Gzip]),
            (Some("gzip"), vec![Gzip]),
            (Some("identity"), vec![]),
            (None, vec![]),
        ] {
            assert_eq!(accepted_encodings(header), expected, "{header:?}");
        }
    }

    #[test]
    fn gzip_is_chosen_by_its_weight_against_identity() {
        for (header, gzip) in [
            (None, false),
            (Some(""), false),
            (Some("gzip"), true),
            (Some("gzip, deflate, br"), true),
            (Some("GZIP;Q=1.0"), true),
            (Some("x-gzip"), true),
            (Some("gzip;q=0"), false),
            (Some("gzip;q=0.000, identity"), false),
            (Some("gzip;q=0.5, identity;q=1"), false),
            (Some("gzip;q=0.5, identity;q=0"), true),
            (Some("*"), true),
            (Some("*;q=0"), false),
            (Some("br, *;q=0.1"), true),
            (Some("gzip;q=0, *"), false),
            (Some("gzip;q=nonsense"), false),
            (Some("gzip;q=2"), false),
            (Some("deflate"), false),
        ] {
            assert_eq!(
                accepted_encodings(header).contains(&Encoding::Gzip),
                gzip,
                "{header:?}"
            );
        }
    }

    #[test]
    fn entity_tags_match_strongly_or_weakly_or_by_star() {
        assert!(etag_matches("\"abc\"", "abc"));
        assert!(etag_matches("W/\"abc\"", "abc"));
        assert!(etag_matches("\"x\", \"abc\"", "abc"));
        assert!(etag_matches("*", "abc"));
        assert!(!etag_matches("\"abc-gzip\"", "abc"));
        assert!(!etag_matches("\"ab\"", "abc"));
    }

    #[test]
    fn http_dates_round_trip_and_other_forms_are_ignored() {
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        for secs in [0, 784_111_777, 1_795_000_000, 4_102_444_799] {
            assert_eq!(parse_http_date(&http_date(secs)), Some(secs));
        }
        for text in [
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "",
        ] {
            assert_eq!(parse_http_date(text), None, "{text}");
        }
    }

    #[test]
    fn cors_values_are_star_or_origins_without_a_path() {
        assert_eq!(parse_cors_origin("*"), Ok(CorsOrigin::Any));
        assert_eq!(
            parse_cors_origin("https://WWW.Aarhus.dk/"),
            Ok(CorsOrigin::Origin("https://www.aarhus.dk".into()))
        );
        assert_eq!(
            parse_cors_origin("http://127.0.0.1:8080"),
            Ok(CorsOrigin::Origin("http://127.0.0.1:8080".into()))
        );
        for bad in [
            "www.aarhus.dk",
            "https://",
            "https://a.dk/path",
            "ftp://a.dk",
            "https://a.dk\r\nX: y",
        ] {
            assert!(parse_cors_origin(bad).is_err(), "{bad}");
        }
        let listed = Cors::Origins(vec!["https://a.dk".into()]);
        assert_eq!(
            listed.allow_origin(Some("https://a.dk")),
            Some("https://a.dk".into())
        );
        assert_eq!(listed.allow_origin(Some("https://b.dk")), None);
        assert_eq!(listed.allow_origin(None), None);
        assert_eq!(Cors::AnyOrigin.allow_origin(None), Some("*".into()));
        assert_eq!(Cors::Off.allow_origin(Some("https://a.dk")), None);
    }
}
