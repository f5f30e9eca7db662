//! The pallet's capabilities, one module each.

pub mod attestations;
pub mod keys;
pub mod queries;
#[cfg(any(feature = "try-runtime", test))]
pub mod invariants;
