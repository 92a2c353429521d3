//! The customer-data importer on arbitrary bytes; the checks are in `tests/fuzz_checks/mod.rs`.

#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::import(data));
