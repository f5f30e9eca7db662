//! The runtime API wallets, the registry UI and the node's RPC use to read liveness.

use crate::types::PeriodSummary;
use heliox_gpu_liveness::{PeriodCost, Uptime};

sp_api::decl_runtime_apis! {
	/// Read access to GPU liveness. Implement with the pallet functions `api_uptime`,
	/// `api_period_info`, `api_slot_of` and `api_cost_model`.
	pub trait GpuLivenessApi<BlockNumber>
	where
		BlockNumber: codec::Codec,
	{
		/// Uptime of `gpu` over the window (the last window after monitoring stopped); `None`
		/// if never monitored.
		fn uptime(gpu: u64) -> Option<Uptime>;
		/// The current period: index, first block, slots `N`, verifiers `V`, monitored GPUs.
		fn period_info() -> PeriodSummary<BlockNumber>;
		/// The slot of a monitored GPU.
		fn slot_of(gpu: u64) -> Option<u32>;
		/// Bytes and weight per period for `n_gpus` GPUs and `n_validators` validators.
		fn cost_model(n_gpus: u32, n_validators: u32) -> PeriodCost;
	}
}
