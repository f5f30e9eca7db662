//! Registering a GPU and changing its agent endpoint.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::fungible::{InspectHold, MutateHold},
};
use heliox_gpu_liveness::{validate_endpoint, EndpointError, LivenessMonitor, MonitorError};

impl<T: Config> Pallet<T> {
	/// Checks an agent endpoint with `heliox_gpu_liveness::validate_endpoint`.
	pub(crate) fn check_endpoint(endpoint: &[u8]) -> DispatchResult {
		let max_len = usize::try_from(T::MaxEndpointLen::get()).unwrap_or(usize::MAX);
		validate_endpoint(endpoint, max_len).map_err(|error| match error {
			EndpointError::TooLong => Error::<T>::EndpointTooLong.into(),
			EndpointError::BadScheme
			| EndpointError::BadHost
			| EndpointError::BadPort
			| EndpointError::BadCharacters => Error::<T>::InvalidEndpoint.into(),
		})
	}

	/// Maps the liveness pallet's refusal to start monitoring.
	pub(crate) fn start_monitoring(gpu: GpuId) -> DispatchResult {
		T::Liveness::start_monitoring(&gpu).map_err(|error| match error {
			MonitorError::NoFreeSlot => Error::<T>::NoFreeLivenessSlot.into(),
		})
	}

	/// Registers a GPU: checks, holds the model's stake, mints the NFT to the provider,
	/// starts monitoring and records it as `Pending`.
	pub(crate) fn do_register_gpu(
		provider: T::AccountId,
		model: ModelId,
		specs: GpuSpecs,
		region: RegionOf<T>,
		endpoint: EndpointOf<T>,
		agent_key: [u8; 32],
	) -> Result<GpuId, DispatchError> {
		let spec = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(specs.vram_mib >= spec.vram_mib, Error::<T>::SpecsBelowModel);
		Self::check_endpoint(&endpoint)?;
		ensure!(!AgentKeys::<T>::contains_key(agent_key), Error::<T>::DuplicateAgentKey);
		let stake = spec.min_stake;
		let reason = HoldReason::GpuStake.into();
		if stake > 0 {
			T::Currency::ensure_can_hold(&reason, &provider, stake)
				.map_err(|_| Error::<T>::InsufficientStake)?;
		}
		let gpu = NextGpuId::<T>::get();
		let next = gpu.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let model_gpus =
			ModelGpus::<T>::get(model).unwrap_or(0).checked_add(1).ok_or(Error::<T>::Overflow)?;

		if stake > 0 {
			T::Currency::hold(&reason, &provider, stake)?;
		}
		let collection = Self::mint_gpu_item(gpu, &provider, model, &specs, &region)?;
		// Last: the liveness pallet's state is not ours to roll back.
		Self::start_monitoring(gpu)?;

		NextGpuId::<T>::put(next);
		ModelGpus::<T>::insert(model, model_gpus);
		AgentKeys::<T>::insert(agent_key, gpu);
		Gpus::<T>::insert(
			gpu,
			GpuRecord {
				provider: provider.clone(),
				model,
				specs,
				region,
				endpoint,
				agent_key,
				status: GpuStatus::Pending,
				stake,
				price: None,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::GpuRegistered {
			gpu,
			provider: provider.clone(),
			model,
			agent_key,
		});
		Self::deposit_event(Event::StakeHeld { gpu, provider: provider.clone(), amount: stake });
		Self::deposit_event(Event::GpuMinted { gpu, collection, owner: provider });
		Ok(gpu)
	}

	/// The GPU `gpu` if `who` operates it.
	pub(crate) fn operated_gpu(who: &T::AccountId, gpu: GpuId) -> Result<GpuOf<T>, DispatchError> {
		let record = Gpus::<T>::get(gpu).ok_or(Error::<T>::UnknownGpu)?;
		ensure!(record.provider == *who, Error::<T>::NotOperator);
		Ok(record)
	}

	/// Changes the agent endpoint of a GPU that is not retired.
	pub(crate) fn do_update_endpoint(
		who: T::AccountId,
		gpu: GpuId,
		endpoint: EndpointOf<T>,
	) -> DispatchResult {
		let mut record = Self::operated_gpu(&who, gpu)?;
		ensure!(!matches!(record.status, GpuStatus::Retired { .. }), Error::<T>::AlreadyRetired);
		Self::check_endpoint(&endpoint)?;
		record.endpoint = endpoint.clone();
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::EndpointUpdated { gpu, endpoint });
		Ok(())
	}
}
