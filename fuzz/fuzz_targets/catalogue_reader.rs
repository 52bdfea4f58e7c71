//! The catalogue reader and checker on arbitrary bytes: no panic, one outcome per non-blank
//! line, `records = accepted + rejected`, and the reader's two parse paths agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tilbudsfinder_fuzz::read_and_check(data);
});
