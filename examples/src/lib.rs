//! Runnable examples of `sundhedsaftale`: the `report` program, and the
//! repository README's Rust example as a doctest.

#![forbid(unsafe_code)]

/// The repository README's Rust example, compiled and run as a doctest so it stays true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
