//! # GPU liveness, FRAME-free
//!
//! Heliox keeps 100k GPUs' liveness on chain without one transaction per GPU per period:
//! validators' off-chain workers probe the GPU agents assigned to them over HTTP with a fresh
//! nonce, the agent answers with a signature by its agent key, and each validator submits ONE
//! compact report per period (a bitmap over its assigned slots plus a few signed answers as
//! evidence). A quorum of the validators covering a slot decides it.
//!
//! This crate holds what both sides of that protocol and both pallets must agree on, with no
//! FRAME dependency so it is unit- and property-tested in seconds:
//!
//! - [`probe`]: the probe nonce, the exact bytes an agent signs, and the HTTP wire format.
//! - [`endpoint`]: which agent endpoints are accepted at registration.
//! - [`traits`]: the interfaces between the GPU registry pallet (which owns GPUs, agent keys and
//!   the lifecycle) and the liveness pallet (which owns periods, slots, reports and uptime).
//! - [`assignment`]: which validators probe which slots in a period (exactly `k` per slot, one
//!   contiguous run of slots per validator).
//! - [`bitmap`]: the compact bitset a report carries.
//! - [`evidence`]: which live bits a report must back with signed answers.
//! - [`history`]: vote tallies, quorum decisions and the per-slot uptime window.
//! - [`cost`]: bytes and weight per period as a function of GPUs and validators.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod assignment;
pub mod bitmap;
pub mod cost;
pub mod endpoint;
pub mod evidence;
pub mod history;
pub mod probe;
pub mod traits;

pub use assignment::{quorum, Assignment};
pub use bitmap::Bitmap;
pub use cost::{period_cost, PeriodCost, WeightModel};
pub use endpoint::{validate_endpoint, EndpointError};
pub use evidence::{evidence_start, required_evidence};
pub use history::{add_vote, decide, Outcome, SlotRecord, WINDOW};
pub use probe::{
	decode_nonce_hex, decode_signature_hex, encode_signature_hex, probe_message, probe_nonce,
	probe_path, PROBE_CONTEXT, PROBE_MESSAGE_LEN,
};
pub use traits::{GpuDirectory, LivenessMonitor, MonitorError, Uptime};

/// Slots per storage page: votes and histories are stored by page, so a report touches only
/// the pages of its run and closing a period costs one read and write per page.
pub const PAGE_SLOTS: u32 = 256;

/// The page of `slot` and its offset in the page.
pub const fn page_of(slot: u32) -> (u32, u32) {
	(slot / PAGE_SLOTS, slot % PAGE_SLOTS)
}

/// Pages needed for `slots` slots.
pub const fn pages_for(slots: u32) -> u32 {
	slots.div_ceil(PAGE_SLOTS)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pages() {
		assert_eq!(page_of(0), (0, 0));
		assert_eq!(page_of(255), (0, 255));
		assert_eq!(page_of(256), (1, 0));
		assert_eq!(pages_for(0), 0);
		assert_eq!(pages_for(256), 1);
		assert_eq!(pages_for(257), 2);
	}
}
