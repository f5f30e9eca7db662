//! The logic of each capability of the pallet; `lib.rs` only declares and dispatches.
//!
//! No code here may panic on chain data: no unchecked arithmetic, indexing or unwrapping
//! (enforced below; the FRAME macros in `lib.rs` are exempt because they expand code of
//! their own).
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

mod governance;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod liveness;
mod session;
