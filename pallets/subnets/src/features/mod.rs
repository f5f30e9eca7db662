//! The logic of each capability of the pallet.

pub mod epoch;
pub mod invariants;
pub mod metagraph;
pub mod network;
pub mod registration;
pub mod serving;
pub mod staking;
pub mod weights;
