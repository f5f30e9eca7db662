//! The runtime API wallets, dashboards and the node's JSON-RPC use to read the registry.

use crate::types::{GpuFilter, GpuId, GpuInfo, ModelId, ModelSpec};
use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// Read access to the GPU registry. Amounts are base units (`u128`).
	pub trait GpuRegistryApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Everything about GPU `id`: operator, holder (NFT owner), model, specs, region,
		/// endpoint, status, stake, uptime, price, open rental and revenue to date.
		fn gpu(id: GpuId) -> Option<GpuInfo<AccountId, BlockNumber>>;
		/// Up to `limit` (at most 256) GPUs matching `filter`, starting after GPU
		/// `start_after` (the last id of the previous page), in storage order.
		fn gpus(
			filter: GpuFilter<AccountId>,
			start_after: Option<GpuId>,
			limit: u32,
		) -> Vec<GpuInfo<AccountId, BlockNumber>>;
		/// The model catalogue.
		fn models() -> Vec<(ModelId, ModelSpec<Vec<u8>>)>;
	}
}
