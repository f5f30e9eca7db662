//! The logic of each capability of the pallet; `lib.rs` only declares and dispatches.

mod accounts;
mod api;
mod collateral;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod queue;
mod revenue;
mod vault;

pub use collateral::{convert_exact, convert_floor, ConvertError};
