//! `tilbudsfinder serve DIR`: serves a built site on 127.0.0.1 for the demo and the tests.
//!
//! It behaves like the plain static host the site is made for, with the headers a careful one
//! would send: the strict Content-Security-Policy the widget promises to work under, `immutable`
//! caching for content-hashed files and `no-cache` for everything else (the manifest above all),
//! `application/wasm` for streaming compilation, gzip when the browser asks for it. It binds to
//! loopback only, never serves outside DIR, and can stop by itself (`--exit-after`), so a test
//! that forgets it leaves nothing running.
//!
//! # Bounded under load
//! No client can make it hold more than a fixed number of threads or bytes:
//! - One thread accepts connections and collects their request heads without blocking
//!   ([`Pending`]): a client that trickles its request costs a buffer, not a thread, and is
//!   dropped when its head has not arrived after [`HEAD_DEADLINE`]. At most
//!   [`MAX_PENDING`] connections wait for their heads; further ones wait in the kernel's queue.
//! - [`WORKERS`] threads answer complete requests. Files are streamed in chunks, never read
//!   whole, and a client that stops reading is dropped after [`WRITE_TIMEOUT`].
//! - Gzipped copies of files up to [`MAX_GZIP_SOURCE_BYTES`] are cached, at most
//!   [`MAX_GZIP_CACHE_BYTES`] in all, each under the modification time and size of the file it
//!   was made from: a file replaced on disk is compressed anew, never served stale.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use flate2::write::GzEncoder;
use flate2::Compression;

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
    /// Send `Access-Control-Allow-Origin: *`, as a CDN hosting the index for other sites would.
    #[arg(long)]
    pub cors: bool,
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
        cors: args.cors,
        gzip_cache: Mutex::new(GzipCache::default()),
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
    cors: bool,
    gzip_cache: Mutex<GzipCache>,
}

/// Gzipped copies of files, each under the modification time and size of its source.
#[derive(Default)]
struct GzipCache {
    entries: HashMap<PathBuf, (FileStamp, Arc<Vec<u8>>)>,
    bytes: usize,
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

/// What a response sends after its head.
enum Body {
    /// Bytes in memory: a short text, or a gzipped file.
    Bytes(Arc<Vec<u8>>),
    /// A file, streamed.
    File(File, u64),
}

impl Body {
    fn len(&self) -> u64 {
        match self {
            Body::Bytes(bytes) => bytes.len() as u64,
            Body::File(_, len) => *len,
        }
    }
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    cache: &'static str,
    body: Body,
    gzipped: bool,
    /// Extra header lines, each ending in `\r\n`.
    extra: &'static str,
}

impl Site {
    fn handle(&self, stream: TcpStream, head: &[u8]) -> io::Result<()> {
        stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
        let head = String::from_utf8_lossy(head);
        let mut lines = head.split("\r\n");
        let request_line = lines.next().unwrap_or("");
        let accepts_gzip = lines.any(|header| {
            let lower = header.to_ascii_lowercase();
            lower.starts_with("accept-encoding:") && lower.contains("gzip")
        });
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let response = match method {
            "GET" | "HEAD" => self.respond(target, accepts_gzip),
            _ => Response {
                extra: "Allow: GET, HEAD\r\n",
                ..text_response("405 Method Not Allowed", "only GET and HEAD are served\n")
            },
        };
        self.write(stream, response, method == "HEAD")
    }

    fn respond(&self, target: &str, accepts_gzip: bool) -> Response {
        let not_found = || text_response("404 Not Found", "not found\n");
        let Some(path) = self.resolve(target) else {
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
        let content_type = content_type(&path);
        let cache = if is_content_hashed(&path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let len = metadata.len();
        let response = |body, gzipped| Response {
            status: "200 OK",
            content_type,
            cache,
            body,
            gzipped,
            extra: "",
        };
        if accepts_gzip && compressible(content_type) && len <= MAX_GZIP_SOURCE_BYTES {
            if let Some(gz) = self.gzipped(&path, file, FileStamp::of(&metadata)) {
                return response(Body::Bytes(gz), true);
            }
            // The file changed or failed while it was read: open it afresh, as it is now.
            return match File::open(&path).and_then(|f| Ok((f.metadata()?.len(), f))) {
                Ok((len, file)) => response(Body::File(file, len), false),
                Err(_) => not_found(),
            };
        }
        response(Body::File(file, len), false)
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
        // Symlinks must not lead out of the site either.
        let canonical = resolved.canonicalize().ok()?;
        canonical.starts_with(&self.root).then_some(canonical)
    }

    /// The gzipped file, from the cache when it was made from this very version of the file.
    /// `None` when the file could not be read whole as it was when opened.
    fn gzipped(&self, path: &Path, mut file: File, stamp: FileStamp) -> Option<Arc<Vec<u8>>> {
        let cached = self
            .gzip_cache
            .lock()
            .ok()
            .and_then(|cache| cache.get(path, stamp));
        if cached.is_some() {
            return cached;
        }
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        let copied = io::copy(&mut (&mut file).take(stamp.len + 1), &mut encoder).ok()?;
        if copied != stamp.len {
            return None;
        }
        let gz = Arc::new(encoder.finish().ok()?);
        if let Ok(mut cache) = self.gzip_cache.lock() {
            cache.put(path, stamp, &gz);
        }
        Some(gz)
    }

    fn write(&self, mut stream: TcpStream, response: Response, head_only: bool) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\n\
             X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\
             Connection: close\r\n{}",
            response.status,
            response.content_type,
            response.body.len(),
            response.cache,
            response.extra
        );
        if response.gzipped {
            head.push_str("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
        }
        if self.csp {
            head.push_str(&format!("Content-Security-Policy: {STRICT_CSP}\r\n"));
        }
        if self.cors {
            head.push_str("Access-Control-Allow-Origin: *\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if !head_only {
            match response.body {
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
        content_type: "text/plain; charset=utf-8",
        cache: "no-cache",
        body: Body::Bytes(Arc::new(text.as_bytes().to_vec())),
        gzipped: false,
        extra: "",
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "jsonl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn compressible(content_type: &str) -> bool {
    !content_type.starts_with("image/png")
}

/// True for names like `core.0123456789abcdef.bin`: the index's files are named by their content.
fn is_content_hashed(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.split('.')
        .any(|part| part.len() >= 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
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
            cors: false,
            gzip_cache: Mutex::new(GzipCache::default()),
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
    fn hashed_names_are_immutable_and_others_are_not() {
        assert!(is_content_hashed(Path::new(
            "index/core.0123456789abcdef.bin"
        )));
        assert!(!is_content_hashed(Path::new("index/manifest.json")));
        assert!(!is_content_hashed(Path::new(
            "app/tilbudsfinder_web_bg.wasm"
        )));
    }
}
