//! The pallet's capabilities, one module each.

pub mod attestations;
#[cfg(any(feature = "try-runtime", test))]
pub mod invariants;
pub mod keys;
pub mod queries;
