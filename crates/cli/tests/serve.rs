//! `tilbudsfinder serve` under load and under change (issue 19, item 9), through the real binary
//! on a loopback port: slow and stalled clients cost it neither threads nor memory beyond its
//! bounds while every ordinary request is answered; a file replaced on disk is served anew, also
//! gzipped; and a method it does not serve gets `405` with `Allow`.
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
