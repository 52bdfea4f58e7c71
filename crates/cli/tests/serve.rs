//! `tilbudsfinder serve` under load and under change (issue 19, item 9), through the real binary
//! on a loopback port: slow and stalled clients cost it neither threads nor memory beyond its
//! bounds while every ordinary request is answered; a file replaced on disk is served anew, also
//! gzipped; and a method it does not serve gets `405` with `Allow`. And as a host (issue 17,
//! items 3 and 4): entity tags and modification times that revalidate to `304`, `Accept-Encoding`
//! read with its weights, precompressed `FILE.gz` served as it is, and CORS for other origins.
//!
//! Loopback only; every server stops by itself (`--exit-after`) and is killed when its test ends.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `tilbudsfinder serve` over a directory of its own.
struct Server {
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

impl Server {
    /// Serves a fresh directory holding `files` (name, bytes).
    fn start(name: &str, files: &[(&str, Vec<u8>)]) -> Server {
        Server::start_with(name, files, &[])
    }

    /// Serves a fresh directory holding `files` (name, bytes), with more flags.
    fn start_with(name: &str, files: &[(&str, Vec<u8>)], flags: &[&str]) -> Server {
        let dir = std::env::temp_dir().join(format!("tf-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (file, bytes) in files {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_tilbudsfinder"))
            .arg("serve")
            .arg(&dir)
            .args(["--port", "0", "--exit-after", "120"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve");
        let mut line = Vec::new();
        let mut stdout = child.stdout.take().expect("stdout");
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).expect("read stdout") == 1 && byte[0] != b'\n' {
            line.push(byte[0]);
        }
        let line = String::from_utf8(line).expect("UTF-8");
        let url = line
            .split("at http://")
            .nth(1)
            .expect("the Serving line")
            .trim_end_matches('/');
        Server {
            child,
            addr: url.parse().expect("an address"),
            dir,
        }
    }

    /// A field of the server's `/proc/PID/status` (`Threads`, `VmHWM`), as a number.
    fn status(&self, field: &str) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("status");
        status
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{field}:")))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{field} in {status}"))
    }

    /// One request; the whole answer (head and body) as bytes.
    fn request(&self, request: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("read the answer");
        answer
    }

    /// A GET with these header lines (each ending in `\r\n`).
    fn get_with(&self, path: &str, headers: &str) -> (String, Vec<u8>) {
        split(&self.request(&format!("GET {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n")))
    }

    fn get(&self, path: &str, gzip: bool) -> (String, Vec<u8>) {
        let encoding = if gzip {
            "Accept-Encoding: gzip\r\n"
        } else {
            ""
        };
        split(&self.request(&format!("GET {path} HTTP/1.1\r\nHost: x\r\n{encoding}\r\n")))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An answer's head (as text) and body.
fn split(answer: &[u8]) -> (String, Vec<u8>) {
    let at = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(answer)));
    (
        String::from_utf8_lossy(&answer[..at]).into_owned(),
        answer[at + 4..].to_vec(),
    )
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

fn page(n: usize) -> Vec<u8> {
    format!(
        "<!doctype html><title>side {n}</title>{}",
        "tilbud ".repeat(200)
    )
    .into_bytes()
}

#[test]
fn item_9_every_fast_client_is_answered_while_300_slow_ones_trickle_and_threads_stay_bounded() {
    let server = Server::start("load", &[("index.html", page(1))]);
    let expected = page(1);
    // Once it has answered, every thread it ever starts is running.
    assert_eq!(server.get("/index.html", false).1, expected);
    let threads_idle = server.status("Threads");

    // 300 clients that send their request a byte at a time and never finish it.
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(server.addr).expect("connect a slow client"))
        .collect();
    let trickle = b"GET /index.html HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for byte in &trickle[..8] {
        for stream in &mut slow {
            // The server may already have dropped it: that is its right.
            let _ = stream.write_all(&[*byte]);
        }
    }

    // 200 ordinary clients at the same time, each on its own thread.
    let fast: Vec<_> = (0..200)
        .map(|_| {
            let addr = server.addr;
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(addr).expect("connect");
                stream
                    .set_read_timeout(Some(Duration::from_secs(60)))
                    .expect("timeout");
                stream
                    .write_all(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
                    .expect("send");
                let mut answer = Vec::new();
                stream.read_to_end(&mut answer).expect("an answer");
                answer
            })
        })
        .collect();
    let threads_busy = server.status("Threads");
    for client in fast {
        let (head, body) = split(&client.join().expect("a fast client"));
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        assert_eq!(body, expected);
    }
    // The slow clients are still connected, and hold no thread each.
    let threads_after = server.status("Threads");
    for threads in [threads_busy, threads_after] {
        assert!(
            threads <= threads_idle,
            "{threads} threads under load, {threads_idle} idle"
        );
    }
    for byte in &trickle[8..] {
        for stream in &mut slow {
            let _ = stream.write_all(&[*byte]);
        }
    }
    drop(slow);
    // And the server still answers.
    let (head, body) = server.get("/", false);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert_eq!(body, expected);
}

#[test]
fn item_9_stalled_downloads_of_a_big_file_hold_no_memory_and_block_no_one() {
    const BIG: usize = 20 << 20;
    let big: Vec<u8> = (0..BIG).map(|i| (i * 7 % 251) as u8).collect();
    let server = Server::start("stalled", &[("app/big.wasm", big), ("index.html", page(2))]);
    // Twenty clients ask for 20 MB, gzipped or not, and never read a byte of it.
    let stalled: Vec<TcpStream> = (0..20)
        .map(|i| {
            let mut stream = TcpStream::connect(server.addr).expect("connect");
            let encoding = if i % 2 == 0 {
                "Accept-Encoding: gzip\r\n"
            } else {
                ""
            };
            stream
                .write_all(
                    format!("GET /app/big.wasm HTTP/1.1\r\nHost: x\r\n{encoding}\r\n").as_bytes(),
                )
                .expect("send");
            stream
        })
        .collect();
    // Each answer has begun (so the server is sending it), and then nobody reads on.
    for mut stream in &stalled {
        let mut status = [0u8; 12];
        stream.read_exact(&mut status).expect("an answer begins");
        assert_eq!(&status, b"HTTP/1.1 200");
    }
    // Meanwhile an ordinary request is answered.
    let (head, body) = server.get("/index.html", true);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert_eq!(gunzip(&body), page(2));
    // Files are streamed, not held: far less than the 400 MB the stalled answers add up to.
    let peak_kb = server.status("VmHWM");
    assert!(peak_kb < 100 * 1024, "peak resident memory {peak_kb} kB");
    drop(stalled);
    let (head, _) = server.get("/index.html", false);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
}

#[test]
fn item_9_a_file_replaced_on_disk_is_served_anew_also_gzipped() {
    let hashed = "index/core.0123456789abcdef.bin";
    let server = Server::start(
        "replaced",
        &[
            ("index/manifest.json", b"{\"build\": 1}".to_vec()),
            (hashed, b"first build's bytes".to_vec()),
        ],
    );
    for (path, next) in [
        (
            "/index/manifest.json",
            &b"{\"build\": 2, \"more\": true}"[..],
        ),
        (
            &format!("/{hashed}")[..],
            &b"second build's bytes, longer"[..],
        ),
    ] {
        let (_, before) = server.get(path, true);
        let file: &Path = &server.dir.join(path.trim_start_matches('/'));
        assert_eq!(gunzip(&before), std::fs::read(file).expect("read"));
        std::fs::write(file, next).expect("replace");
        let (head, after) = server.get(path, true);
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert_eq!(gunzip(&after), next, "{path} after it was replaced");
        let (_, plain) = server.get(path, false);
        assert_eq!(plain, next);
    }
}

#[test]
fn item_9_a_method_not_served_gets_405_with_allow() {
    let server = Server::start("methods", &[("index.html", page(3))]);
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let (head, _) = split(&server.request(&format!(
            "{method} /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        )));
        assert!(head.starts_with("HTTP/1.1 405 "), "{method}: {head}");
        assert!(
            head.contains("\r\nAllow: GET, HEAD\r\n"),
            "{method}: {head}"
        );
    }
    let (head, body) = split(&server.request("HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.contains(&format!("Content-Length: {}", page(3).len())),
        "{head}"
    );
    assert!(body.is_empty());
}

/// The value of a header in an answer's head (names compared without case), if present.
fn header(head: &str, name: &str) -> Option<String> {
    head.split("\r\n").skip(1).find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_owned())
    })
}

/// Asserts that the response `head` has each (name, value) header.
#[track_caller]
fn assert_headers(head: &str, expected: &[(&str, &str)]) {
    for &(name, value) in expected {
        assert_eq!(header(head, name).as_deref(), Some(value), "{name}");
    }
}

fn status(head: &str) -> &str {
    head.split("\r\n").next().unwrap_or("")
}

#[test]
fn issue_17_entity_tags_and_modification_times_revalidate_to_304() {
    let hashed = "index/core.0123456789abcdef.bin";
    let server = Server::start(
        "revalidate",
        &[
            ("index.html", page(4)),
            ("copy.html", page(4)),
            ("other.html", page(5)),
            (hashed, b"index bytes".to_vec()),
        ],
    );
    let (head, body) = server.get("/index.html", false);
    assert_eq!(status(&head), "HTTP/1.1 200 OK");
    assert_eq!(body, page(4));
    let tag = header(&head, "ETag").expect("an ETag");
    let modified = header(&head, "Last-Modified").expect("a Last-Modified");
    assert!(modified.ends_with(" GMT"), "{modified}");
    // The tag is the content's: the same bytes under another name have it, other bytes do not.
    assert_eq!(
        header(&server.get("/copy.html", false).0, "ETag"),
        Some(tag.clone())
    );
    assert_ne!(
        header(&server.get("/other.html", false).0, "ETag"),
        Some(tag.clone())
    );
    // A content-hashed name's tag is its hash.
    let (head, _) = server.get(&format!("/{hashed}"), false);
    assert_headers(
        &head,
        &[
            ("ETag", "\"0123456789abcdef\""),
            ("Cache-Control", "public, max-age=31536000, immutable"),
        ],
    );

    for (conditions, expected) in [
        (
            format!("If-None-Match: {tag}\r\n"),
            "HTTP/1.1 304 Not Modified",
        ),
        (
            format!("If-None-Match: W/{tag}\r\n"),
            "HTTP/1.1 304 Not Modified",
        ),
        (
            format!("If-None-Match: \"other\", {tag}\r\n"),
            "HTTP/1.1 304 Not Modified",
        ),
        ("If-None-Match: \"other\"\r\n".to_owned(), "HTTP/1.1 200 OK"),
        (
            format!("If-Modified-Since: {modified}\r\n"),
            "HTTP/1.1 304 Not Modified",
        ),
        (
            "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT\r\n".to_owned(),
            "HTTP/1.1 200 OK",
        ),
        // An entity tag that differs wins over a date that holds.
        (
            format!("If-None-Match: \"other\"\r\nIf-Modified-Since: {modified}\r\n"),
            "HTTP/1.1 200 OK",
        ),
        (
            "If-Modified-Since: not a date\r\n".to_owned(),
            "HTTP/1.1 200 OK",
        ),
    ] {
        let (head, body) = server.get_with("/index.html", &conditions);
        assert_eq!(status(&head), expected, "{conditions}");
        if expected.contains("304") {
            assert!(body.is_empty(), "{conditions}: a 304 has no body");
            assert_eq!(header(&head, "ETag"), Some(tag.clone()));
            assert_headers(&head, &[("Cache-Control", "no-cache")]);
        } else {
            assert_eq!(body, page(4), "{conditions}");
        }
    }

    // Replaced on disk: the old tag no longer holds.
    std::fs::write(server.dir.join("index.html"), page(6)).expect("replace");
    let (head, body) = server.get_with("/index.html", &format!("If-None-Match: {tag}\r\n"));
    assert_eq!(status(&head), "HTTP/1.1 200 OK");
    assert_eq!(body, page(6));
    assert_ne!(header(&head, "ETag"), Some(tag));
}

#[test]
fn issue_17_accept_encoding_is_read_with_its_weights() {
    let server = Server::start("weights", &[("app.js", page(7))]);
    for (accept, gzipped) in [
        ("gzip", true),
        ("gzip, deflate, br", true),
        ("gzip;q=0", false),
        ("gzip; q=0.0, deflate", false),
        ("gzip;q=0.5, identity", false),
        ("identity;q=0, gzip;q=0.1", true),
        ("*", true),
        ("br", false),
        ("identity", false),
    ] {
        let (head, body) = server.get_with("/app.js", &format!("Accept-Encoding: {accept}\r\n"));
        assert_eq!(status(&head), "HTTP/1.1 200 OK", "{accept}");
        assert_eq!(
            header(&head, "Vary").as_deref(),
            Some("Accept-Encoding"),
            "{accept}: either answer says it depends on Accept-Encoding"
        );
        if gzipped {
            assert_eq!(
                header(&head, "Content-Encoding").as_deref(),
                Some("gzip"),
                "{accept}"
            );
            assert_eq!(gunzip(&body), page(7), "{accept}");
        } else {
            assert_eq!(header(&head, "Content-Encoding"), None, "{accept}");
            assert_eq!(body, page(7), "{accept}");
        }
    }
}

#[test]
fn brotli_is_the_builds_fresh_br_copy_sent_to_a_browser_that_takes_it() {
    let server = Server::start("brotli", &[("app.js", page(8))]);
    // The copy `precompress` writes, as it writes it.
    let out = Command::new(env!("CARGO_BIN_EXE_tilbudsfinder"))
        .arg("precompress")
        .arg(&server.dir)
        .output()
        .expect("run precompress");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let br = std::fs::read(server.dir.join("app.js.br")).expect("the .br copy");
    let unbrotli = |bytes: &[u8]| {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096)
            .read_to_end(&mut out)
            .expect("brotli");
        out
    };
    for (accept, encoding) in [
        ("gzip, deflate, br, zstd", Some("br")),
        ("br", Some("br")),
        ("br;q=0.5, gzip, identity;q=0.1", Some("gzip")),
        ("br;q=0, gzip", Some("gzip")),
        ("identity", None),
    ] {
        let (head, body) = server.get_with("/app.js", &format!("Accept-Encoding: {accept}\r\n"));
        assert_eq!(status(&head), "HTTP/1.1 200 OK", "{accept}");
        assert_eq!(
            header(&head, "Content-Encoding").as_deref(),
            encoding,
            "{accept}"
        );
        assert_eq!(
            header(&head, "Vary").as_deref(),
            Some("Accept-Encoding"),
            "{accept}"
        );
        match encoding {
            Some("br") => {
                assert_eq!(body, br, "{accept}: the build's copy, as it is");
                assert_eq!(unbrotli(&body), page(8), "{accept}");
                assert!(header(&head, "ETag").is_some_and(|t| t.ends_with("-br\"")));
            }
            Some(_) => assert_eq!(gunzip(&body), page(8), "{accept}"),
            None => assert_eq!(body, page(8), "{accept}"),
        }
    }
    // A file replaced after its copies were written: its stale .br is never sent.
    std::fs::write(server.dir.join("app.js"), page(9)).expect("replace");
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(server.dir.join("app.js"))
        .and_then(|f| f.set_modified(later))
        .expect("set the modification time");
    let (head, body) = server.get_with("/app.js", "Accept-Encoding: gzip, br\r\n");
    assert_eq!(header(&head, "Content-Encoding").as_deref(), Some("gzip"));
    assert_eq!(gunzip(&body), page(9));
}

/// `bytes` gzipped with a file name in the header, so that they differ from any gzip `serve`
/// would make itself: an answer with exactly these bytes came from the file on disk.
fn marked_gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new()
        .filename("precompressed")
        .write(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn set_modified(path: &Path, when: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(when)
        .expect("set the modification time");
}

#[test]
fn issue_17_a_precompressed_file_is_served_as_it_is_unless_it_is_older_than_its_file() {
    let wasm = b"\0asm wasm bytes wasm bytes wasm bytes wasm bytes".to_vec();
    let server = Server::start(
        "precompressed",
        &[
            ("app/app.wasm", wasm.clone()),
            ("app/app.wasm.gz", marked_gzip(&wasm)),
        ],
    );
    let gz_path = server.dir.join("app/app.wasm.gz");
    let (head, body) = server.get("/app/app.wasm", true);
    assert_eq!(
        header(&head, "Content-Encoding").as_deref(),
        Some("gzip"),
        "{head}"
    );
    assert_headers(&head, &[("Content-Type", "application/wasm")]);
    assert_eq!(body, std::fs::read(&gz_path).expect("the .gz"));
    assert_eq!(
        header(&head, "Content-Length"),
        Some(body.len().to_string())
    );
    // The gzipped answer has a tag of its own, and revalidates against it.
    let gz_tag = header(&head, "ETag").expect("ETag");
    let (plain_head, plain) = server.get("/app/app.wasm", false);
    assert_eq!(plain, wasm);
    let plain_tag = header(&plain_head, "ETag").expect("ETag");
    assert_ne!(gz_tag, plain_tag);
    let (head, _) = server.get_with(
        "/app/app.wasm",
        &format!("Accept-Encoding: gzip\r\nIf-None-Match: {gz_tag}\r\n"),
    );
    assert_eq!(status(&head), "HTTP/1.1 304 Not Modified");
    let (head, _) = server.get_with(
        "/app/app.wasm",
        &format!("Accept-Encoding: gzip\r\nIf-None-Match: {plain_tag}\r\n"),
    );
    assert_eq!(status(&head), "HTTP/1.1 200 OK");
    // A HEAD says the same without the body.
    let (head, body) = split(
        &server.request("HEAD /app/app.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"),
    );
    assert_headers(&head, &[("Content-Encoding", "gzip")]);
    assert!(body.is_empty());

    // The file replaced after its .gz was written: the stale copy is not served.
    let newer = b"\0asm the next build's wasm, longer than before".to_vec();
    let file = server.dir.join("app/app.wasm");
    std::fs::write(&file, &newer).expect("replace");
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    set_modified(&file, later);
    let (head, body) = server.get("/app/app.wasm", true);
    assert_headers(&head, &[("Content-Encoding", "gzip")]);
    assert_eq!(gunzip(&body), newer);
    assert_ne!(body, std::fs::read(&gz_path).expect("the .gz"));
    // Once the copy is written anew, it is served again.
    std::fs::write(&gz_path, marked_gzip(&newer)).expect("write .gz");
    set_modified(&gz_path, later);
    let (_, body) = server.get("/app/app.wasm", true);
    assert_eq!(body, std::fs::read(&gz_path).expect("the .gz"));
}

#[test]
fn issue_17_cors_for_any_origin_or_listed_ones_with_preflight() {
    let files = [
        ("index/manifest.json", b"{}".to_vec()),
        ("widget.js", page(8)),
    ];
    let preflight = "OPTIONS /index/manifest.json HTTP/1.1\r\nHost: x\r\nOrigin: https://a.dk\r\n\
                     Access-Control-Request-Method: GET\r\n\
                     Access-Control-Request-Headers: if-none-match, x-evil\r\n\r\n";

    let any = Server::start_with("cors-any", &files, &["--cors", "*"]);
    for path in ["/index/manifest.json", "/widget.js"] {
        let (head, _) = any.get_with(path, "Origin: https://a.dk\r\n");
        assert_headers(&head, &[("Access-Control-Allow-Origin", "*")]);
    }
    let (head, body) = split(&any.request(preflight));
    assert_eq!(status(&head), "HTTP/1.1 204 No Content");
    assert!(body.is_empty());
    assert_headers(
        &head,
        &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Methods", "GET, HEAD"),
            ("Access-Control-Allow-Headers", "if-none-match, x-evil"),
        ],
    );

    let listed = Server::start_with(
        "cors-listed",
        &files,
        &[
            "--cors",
            "https://a.dk,https://b.dk",
            "--cors",
            "http://127.0.0.1:9",
        ],
    );
    for origin in ["https://a.dk", "https://b.dk", "http://127.0.0.1:9"] {
        let (head, _) = listed.get_with("/widget.js", &format!("Origin: {origin}\r\n"));
        assert_eq!(
            header(&head, "Access-Control-Allow-Origin").as_deref(),
            Some(origin)
        );
        assert_headers(&head, &[("Vary", "Accept-Encoding, Origin")]);
    }
    let (head, body) = listed.get_with("/widget.js", "Origin: https://evil.example\r\n");
    assert_eq!(
        body,
        page(8),
        "the file is still served: the browser withholds it"
    );
    assert_eq!(header(&head, "Access-Control-Allow-Origin"), None);
    assert_headers(&head, &[("Vary", "Accept-Encoding, Origin")]);

    // Without --cors: no such header, and OPTIONS is not served.
    let none = Server::start("cors-none", &files);
    let (head, _) = none.get_with("/widget.js", "Origin: https://a.dk\r\n");
    assert_eq!(header(&head, "Access-Control-Allow-Origin"), None);
    let (head, _) = split(&none.request(preflight));
    assert!(head.starts_with("HTTP/1.1 405 "), "{head}");
}

#[test]
fn issue_17_a_bad_cors_value_is_refused_with_a_clear_error() {
    for bad in ["www.aarhus.dk", "https://www.aarhus.dk/tilbud"] {
        let out = Command::new(env!("CARGO_BIN_EXE_tilbudsfinder"))
            .args([
                "serve",
                ".",
                "--port",
                "0",
                "--exit-after",
                "1",
                "--cors",
                bad,
            ])
            .output()
            .expect("run serve");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("--cors"), "{bad}: {stderr}");
        assert!(stderr.contains("https://www.aarhus.dk"), "{bad}: {stderr}");
        assert!(out.stdout.is_empty(), "{bad}: not served");
    }
}
