//! Hash maps and sets with a fast, randomly seeded hash.
//!
//! Validation and the follow-up look up ids, places and groups millions of
//! times; the standard library's SipHash was a fifth of validation's time.
//! `foldhash` is several times faster, and its per-process random seed keeps
//! crafted documents from forcing collisions cheaply. Public types keep the
//! standard `HashMap`, so callers need not know this one.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
