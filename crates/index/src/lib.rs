//! The search index (see the crate README).
