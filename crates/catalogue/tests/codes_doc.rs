//! `docs/codes.md`, the table of every region and municipality code with its name, is generated
//! from the vocabulary (`vocab::Region`, `vocab::MUNICIPALITIES`): this test renders it and fails
//! when the committed file differs, so the docs can never drift from the codes the index knows.
//! `UPDATE_DOCS=1 cargo test -p tilbudsfinder-catalogue --test codes_doc` rewrites the file.

use std::fmt::Write as _;
use std::path::PathBuf;

use catalogue::vocab::{Region, MUNICIPALITIES};

/// The whole of `docs/codes.md`.
fn render() -> String {
    let mut doc = String::from(
        "# Region and municipality codes\n\n\
         Generated from the catalogue's vocabulary (`crates/catalogue/src/vocab.rs`) by\n\
         `crates/catalogue/tests/codes_doc.rs`; do not edit by hand.\n\n\
         The widget's `region` and `municipality` attributes (and the iframe's query string) take\n\
         a code or a name: `municipality=\"157\"`, `municipality=\"Gentofte\"` and\n\
         `municipality=\"Gentofte Kommune\"` are the same filter, as are `region=\"1084\"`,\n\
         `region=\"Hovedstaden\"` and `region=\"Region Hovedstaden\"`. Case and spacing do not\n\
         matter; the official genitive forms work too (\"Københavns Kommune\").\n\n\
         ## Regions\n\n\
         | code | name |\n|---|---|\n",
    );
    for region in Region::ALL {
        let _ = writeln!(doc, "| `{}` | {} |", region.code(), region.label());
    }
    doc.push_str("\n## Municipalities\n\n| code | name | region |\n|---|---|---|\n");
    for m in MUNICIPALITIES {
        let _ = writeln!(doc, "| `{}` | {} | {} |", m.code, m.name, m.region.label());
    }
    doc
}

#[test]
fn docs_codes_md_lists_every_code_of_the_vocabulary() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/codes.md");
    let want = render();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("write docs/codes.md");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/codes.md differs from the vocabulary: run \
         `UPDATE_DOCS=1 cargo test -p tilbudsfinder-catalogue --test codes_doc` and commit it"
    );
}
