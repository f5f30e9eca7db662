//! Read-only functions behind the runtime API ([`crate::runtime_api::GpuRegistryApi`]).

use crate::*;
use alloc::vec::Vec;
use heliox_gpu_liveness::LivenessMonitor;

/// Most GPUs one `gpus` call returns.
pub const MAX_GPUS_PER_PAGE: u32 = 256;

impl<T: Config> Pallet<T> {
	fn info(id: GpuId, record: GpuOf<T>) -> GpuInfoOf<T> {
		GpuInfo {
			id,
			holder: Self::holder(id, &record),
			provider: record.provider,
			model: record.model,
			specs: record.specs,
			region: record.region.into_inner(),
			endpoint: record.endpoint.into_inner(),
			agent_key: record.agent_key,
			status: record.status,
			stake: record.stake,
			uptime: T::Liveness::uptime(&id),
			price: record.price,
			rental: Rentals::<T>::get(id),
			revenue: Revenue::<T>::get(id),
			verified: Verified::<T>::get(id),
		}
	}

	/// Everything about GPU `id`.
	pub fn gpu(id: GpuId) -> Option<GpuInfoOf<T>> {
		Gpus::<T>::get(id).map(|record| Self::info(id, record))
	}

	/// Up to `limit` (at most [`MAX_GPUS_PER_PAGE`]) GPUs matching `filter`, in storage
	/// order, starting after GPU `start_after` (pass the last id of the previous page).
	pub fn gpus(
		filter: GpuFilter<T::AccountId>,
		start_after: Option<GpuId>,
		limit: u32,
	) -> Vec<GpuInfoOf<T>> {
		let limit = usize::try_from(limit.min(MAX_GPUS_PER_PAGE)).unwrap_or(0);
		let iter = match start_after {
			Some(id) => Gpus::<T>::iter_from(Gpus::<T>::hashed_key_for(id)),
			None => Gpus::<T>::iter(),
		};
		iter.filter(|(_, record)| {
			filter.status.is_none_or(|status| record.status.kind() == status)
				&& filter.model.is_none_or(|model| record.model == model)
		})
		.map(|(id, record)| Self::info(id, record))
		.filter(|info| {
			filter.owner.as_ref().is_none_or(|who| info.provider == *who || info.holder == *who)
		})
		.take(limit)
		.collect()
	}

	/// The model catalogue.
	pub fn models() -> Vec<(ModelId, ModelSpec<Vec<u8>>)> {
		Models::<T>::iter()
			.map(|(id, spec)| (id, spec.map_name(|name| name.into_inner())))
			.collect()
	}
}
