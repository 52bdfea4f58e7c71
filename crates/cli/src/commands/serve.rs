//! `tilbudsfinder serve DIR`: serves a built site on 127.0.0.1 for the demo and the tests.
//!
//! It behaves like the plain static host the site is made for, with the headers a careful one
//! would send: the strict Content-Security-Policy the widget promises to work under, `immutable`
//! caching for content-hashed files and `no-cache` for everything else (the manifest above all),
//! `application/wasm` for streaming compilation, gzip when the browser asks for it. It binds to
//! loopback only, never serves outside DIR, and can stop by itself (`--exit-after`), so a test
//! that forgets it leaves nothing running.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use flate2::write::GzEncoder;
use flate2::Compression;

/// The policy the site and the widget are built to run under.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

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
        gzip_cache: Mutex::new(HashMap::new()),
    });
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let site = Arc::clone(&site);
        std::thread::spawn(move || {
            // A client that hangs up mid-request is its own business.
            let _ = site.handle(stream);
        });
    }
    Ok(ExitCode::SUCCESS)
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
    gzip_cache: Mutex<HashMap<PathBuf, Arc<Vec<u8>>>>,
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    cache: &'static str,
    body: Arc<Vec<u8>>,
    gzipped: bool,
}

impl Site {
    fn handle(&self, stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.by_ref().take(8192).read_line(&mut request_line)?;
        let mut accepts_gzip = false;
        loop {
            let mut header = String::new();
            if reader.by_ref().take(8192).read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            let lower = header.to_ascii_lowercase();
            if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
                accepts_gzip = true;
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let response = match method {
            "GET" | "HEAD" => self.respond(target, accepts_gzip),
            _ => text_response("405 Method Not Allowed", "only GET and HEAD are served\n"),
        };
        self.write(stream, &response, method == "HEAD")
    }

    fn respond(&self, target: &str, accepts_gzip: bool) -> Response {
        let Some(path) = self.resolve(target) else {
            return text_response("404 Not Found", "not found\n");
        };
        let Ok(body) = std::fs::read(&path) else {
            return text_response("404 Not Found", "not found\n");
        };
        let content_type = content_type(&path);
        let cache = if is_content_hashed(&path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        if accepts_gzip && compressible(content_type) {
            let gz = self.gzipped(&path, &body);
            return Response {
                status: "200 OK",
                content_type,
                cache,
                body: gz,
                gzipped: true,
            };
        }
        Response {
            status: "200 OK",
            content_type,
            cache,
            body: Arc::new(body),
            gzipped: false,
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
        // Symlinks must not lead out of the site either.
        let canonical = resolved.canonicalize().ok()?;
        canonical.starts_with(&self.root).then_some(canonical)
    }

    fn gzipped(&self, path: &Path, body: &[u8]) -> Arc<Vec<u8>> {
        let cached = self
            .gzip_cache
            .lock()
            .ok()
            .and_then(|c| c.get(path).cloned());
        if let Some(gz) = cached {
            return gz;
        }
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        let gz = match encoder.write_all(body).and_then(|()| encoder.finish()) {
            Ok(gz) => Arc::new(gz),
            Err(_) => return Arc::new(body.to_vec()),
        };
        // Only content-hashed files never change; the rest are compressed on every request.
        if is_content_hashed(path) {
            if let Ok(mut cache) = self.gzip_cache.lock() {
                cache.insert(path.to_path_buf(), Arc::clone(&gz));
            }
        }
        gz
    }

    fn write(
        &self,
        mut stream: TcpStream,
        response: &Response,
        head_only: bool,
    ) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\n\
             X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n",
            response.status,
            response.content_type,
            response.body.len(),
            response.cache
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
            stream.write_all(&response.body)?;
        }
        stream.flush()
    }
}

fn text_response(status: &'static str, text: &str) -> Response {
    Response {
        status,
        content_type: "text/plain; charset=utf-8",
        cache: "no-cache",
        body: Arc::new(text.as_bytes().to_vec()),
        gzipped: false,
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
            gzip_cache: Mutex::new(HashMap::new()),
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
