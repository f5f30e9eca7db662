//! The interfaces between the GPU registry pallet and the liveness pallet.
//!
//! The registry owns GPUs (agent key, endpoint, lifecycle); the liveness pallet owns periods,
//! slots, reports and uptime. Neither knows the other's storage:
//! - the registry calls [`LivenessMonitor`] to start/stop probing a GPU and to read its uptime;
//! - the liveness pallet calls [`GpuDirectory`] to find what to probe and to report outcomes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Uptime over the sliding window: `live` decided-live periods out of `observed` periods the
/// GPU was monitored (at most the window length).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Uptime {
	/// Periods decided live.
	pub live: u32,
	/// Periods decided (live or not) while the GPU was monitored.
	pub observed: u32,
}

impl Uptime {
	/// Uptime in parts per million; a GPU with nothing observed yet counts as fully up (it has
	/// not had a chance to fail, and rentals are refused before it is Active anyway).
	pub fn parts_per_million(&self) -> u32 {
		if self.observed == 0 {
			return 1_000_000;
		}
		((self.live.min(self.observed) as u64 * 1_000_000) / self.observed as u64) as u32
	}
}

/// Why monitoring could not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitorError {
	/// Every liveness slot is taken.
	NoFreeSlot,
}

/// Implemented by the liveness pallet, called by the registry.
pub trait LivenessMonitor<GpuId> {
	/// Start probing `gpu` (from the next period on). Idempotent for a monitored GPU.
	fn start_monitoring(gpu: &GpuId) -> Result<(), MonitorError>;
	/// Stop probing `gpu` and free its slot. A no-op for an unmonitored GPU.
	fn stop_monitoring(gpu: &GpuId);
	/// Uptime of `gpu` over the window, `None` if it was never monitored.
	fn uptime(gpu: &GpuId) -> Option<Uptime>;
}

/// Implemented by the GPU registry, called by the liveness pallet (on chain and in the OCW).
pub trait GpuDirectory<GpuId> {
	/// The sr25519 public key that signs the GPU's probe answers.
	fn agent_key(gpu: &GpuId) -> Option<[u8; 32]>;
	/// The agent endpoint, as accepted by [`crate::validate_endpoint`].
	fn agent_endpoint(gpu: &GpuId) -> Option<alloc::vec::Vec<u8>>;
	/// A quorum decided `gpu` live for a period (a Pending GPU becomes Active). Idempotent.
	fn on_live(gpu: &GpuId);
	/// `gpu` missed the allowed number of consecutive periods; monitoring has already been
	/// stopped. The registry suspends it.
	fn on_unresponsive(gpu: &GpuId);
}

/// No monitoring: every GPU is taken as fully up (for runtimes and mocks without liveness).
impl<GpuId> LivenessMonitor<GpuId> for () {
	fn start_monitoring(_gpu: &GpuId) -> Result<(), MonitorError> {
		Ok(())
	}
	fn stop_monitoring(_gpu: &GpuId) {}
	fn uptime(_gpu: &GpuId) -> Option<Uptime> {
		None
	}
}

/// An empty directory: nothing to probe.
impl<GpuId> GpuDirectory<GpuId> for () {
	fn agent_key(_gpu: &GpuId) -> Option<[u8; 32]> {
		None
	}
	fn agent_endpoint(_gpu: &GpuId) -> Option<alloc::vec::Vec<u8>> {
		None
	}
	fn on_live(_gpu: &GpuId) {}
	fn on_unresponsive(_gpu: &GpuId) {}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn uptime_ratio() {
		assert_eq!(Uptime { live: 0, observed: 0 }.parts_per_million(), 1_000_000);
		assert_eq!(Uptime { live: 3, observed: 4 }.parts_per_million(), 750_000);
		assert_eq!(Uptime { live: 9, observed: 4 }.parts_per_million(), 1_000_000);
		assert_eq!(Uptime { live: 0, observed: 64 }.parts_per_million(), 0);
	}
}
