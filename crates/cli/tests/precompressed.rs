//! The precompressed copies a host serves instead of compressing per request (issue 17, item 4):
//! `build` writes `FILE.gz` beside every file it writes, `precompress` beside every compressible
//! file of a site, each the gzip of its file, and `FILE.br`, its brotli, and the same input gives
//! the same bytes.

mod scratch;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use scratch::{cli, Scratch};

fn run(command: &mut Command) -> Output {
    let out = command.output().expect("run tilbudsfinder");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn gunzip(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).expect("open .gz"))
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

fn unbrotli(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(std::fs::File::open(path).expect("open .br"), 4096)
        .read_to_end(&mut out)
        .expect("brotli");
    out
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every gzipped copy has the fixed header: no time, no name, best compression, OS unknown.
fn assert_fixed_header(gz: &Path) {
    let bytes = std::fs::read(gz).expect("read .gz");
    assert_eq!(
        &bytes[..10],
        &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255],
        "{}",
        gz.display()
    );
}

#[test]
fn build_writes_a_deterministic_gzipped_copy_beside_every_file_it_writes() {
    let scratch = Scratch::new("precompressed", "build");
    let catalogue = scratch.path("catalogue.jsonl");
    run(cli()
        .args([
            "generate",
            "--offers",
            "30",
            "--foster-families",
            "20",
            "--seed",
            "17",
        ])
        .args(["--today", "2026-11-22", "--out"])
        .arg(&catalogue));
    let build = |dir: &str| {
        let out = scratch.path(dir);
        run(cli()
            .arg("build")
            .arg(&catalogue)
            .arg("--out")
            .arg(&out)
            .args(["--today", "2026-11-22"]));
        out
    };
    let first = build("first");
    let second = build("second");
    let files: Vec<String> = names(&first)
        .into_iter()
        .filter(|n| !n.ends_with(".gz"))
        .collect();
    assert!(files.iter().any(|n| n == "manifest.json"));
    assert!(files.iter().any(|n| n == "rejected.jsonl"));
    assert!(files.iter().any(|n| n.starts_with("core.")));
    let mut expected: Vec<String> = files
        .iter()
        .flat_map(|n| [n.clone(), format!("{n}.gz")])
        .collect();
    expected.sort();
    assert_eq!(
        names(&first),
        expected,
        "every file and its .gz, nothing else"
    );
    for name in &files {
        let file = first.join(name);
        let gz = first.join(format!("{name}.gz"));
        assert_eq!(gunzip(&gz), std::fs::read(&file).expect("read"), "{name}");
        assert_fixed_header(&gz);
        assert_eq!(
            std::fs::read(&gz).expect("read"),
            std::fs::read(second.join(format!("{name}.gz"))).expect("read the second build's"),
            "{name}.gz differs between two builds of one catalogue"
        );
    }
}

#[test]
fn build_prune_removes_the_gzipped_copies_of_the_files_it_removes() {
    let scratch = Scratch::new("precompressed", "prune");
    let index = scratch.path("index");
    for (seed, prune) in [("1", false), ("2", true)] {
        let catalogue = scratch.path(&format!("catalogue-{seed}.jsonl"));
        run(cli()
            .args([
                "generate",
                "--offers",
                "20",
                "--foster-families",
                "5",
                "--seed",
                seed,
            ])
            .args(["--today", "2026-11-22", "--out"])
            .arg(&catalogue));
        let mut build = cli();
        build
            .arg("build")
            .arg(&catalogue)
            .arg("--out")
            .arg(&index)
            .args(["--today", "2026-11-22"]);
        if prune {
            build.arg("--prune");
        }
        run(&mut build);
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(index.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let listed = manifest.to_string();
    for name in names(&index) {
        let data = name.strip_suffix(".gz").unwrap_or(&name);
        if data.ends_with(".bin") {
            assert!(
                listed.contains(data),
                "{name} is left from the pruned build"
            );
        }
    }
}

#[test]
fn precompress_writes_a_deterministic_copy_beside_every_compressible_file() {
    let scratch = Scratch::new("precompressed", "site");
    let site = |dir: &str| {
        let root = scratch.path(dir);
        for (name, bytes) in [
            ("index.html", b"<!doctype html><title>x</title>".repeat(20)),
            ("app/app_bg.wasm", b"\0asm\x01\0\0\0".repeat(100)),
            ("app/app.js", b"export const x = 1;\n".repeat(30)),
            ("favicon.svg", b"<svg></svg>".to_vec()),
            ("index/manifest.json", b"{\"counts\": {}}".to_vec()),
            ("picture.png", b"\x89PNG not compressed again".to_vec()),
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        root
    };
    let (first, second) = (site("first"), site("second"));
    for root in [&first, &second] {
        let out = run(cli().arg("precompress").arg(root));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("precompressed 5 files (10 copies written, 0 up to date)"),
            "{stdout}"
        );
    }
    for name in [
        "index.html",
        "app/app_bg.wasm",
        "app/app.js",
        "favicon.svg",
        "index/manifest.json",
    ] {
        let gz = first.join(format!("{name}.gz"));
        assert_eq!(
            gunzip(&gz),
            std::fs::read(first.join(name)).expect("read"),
            "{name}"
        );
        assert_fixed_header(&gz);
        assert_eq!(
            std::fs::read(&gz).expect("read"),
            std::fs::read(second.join(format!("{name}.gz"))).expect("read"),
            "{name}.gz differs between two runs"
        );
        let br = first.join(format!("{name}.br"));
        assert_eq!(
            unbrotli(&br),
            std::fs::read(first.join(name)).expect("read"),
            "{name}"
        );
        assert_eq!(
            std::fs::read(&br).expect("read"),
            std::fs::read(second.join(format!("{name}.br"))).expect("read"),
            "{name}.br differs between two runs"
        );
    }
    assert!(!first.join("picture.png.gz").exists());
    assert!(!first.join("picture.png.br").exists());
    // Again: nothing to write; a file changed since: written anew.
    let out = run(cli().arg("precompress").arg(&first));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(0 copies written, 10 up to date)"));
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    let changed = first.join("app/app.js");
    std::fs::write(&changed, b"export const x = 2;\n").expect("write");
    std::fs::File::options()
        .write(true)
        .open(&changed)
        .and_then(|f| f.set_modified(later))
        .expect("set the modification time");
    let out = run(cli().arg("precompress").arg(&first));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(2 copies written, 8 up to date)"));
    assert_eq!(
        gunzip(&first.join("app/app.js.gz")),
        b"export const x = 2;\n"
    );
    assert_eq!(
        unbrotli(&first.join("app/app.js.br")),
        b"export const x = 2;\n"
    );
}

#[test]
fn precompress_of_a_missing_folder_is_a_clear_error() {
    let out = cli()
        .args(["precompress", "/nonexistent/tilbudsfinder-site"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/tilbudsfinder-site: not a directory"),
        "{stderr}"
    );
}
