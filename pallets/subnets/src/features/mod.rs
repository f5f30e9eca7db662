//! The logic of each capability of the pallet.

// Chain data must never panic the runtime. (Set here rather than on the crate: the FRAME
// macros' generated code uses `expect` on static metadata.)
#![cfg_attr(
	not(test),
	deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod epoch;
pub mod invariants;
pub mod metagraph;
pub mod network;
pub mod registration;
pub mod serving;
pub mod staking;
pub mod weights;
