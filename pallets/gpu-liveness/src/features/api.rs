//! Read functions behind the runtime API.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::traits::Get;
use heliox_gpu_liveness::{period_cost, PeriodCost, Uptime, WeightModel};

impl<T: Config> Pallet<T> {
	/// Uptime of `gpu` (runtime API).
	pub fn api_uptime(gpu: u64) -> Option<Uptime> {
		Self::gpu_uptime(gpu)
	}

	/// The current period (runtime API); all zero before the first period.
	pub fn api_period_info() -> PeriodSummary<frame_system::pallet_prelude::BlockNumberFor<T>> {
		let monitored = Monitored::<T>::get();
		match CurrentPeriod::<T>::get() {
			Some(info) => PeriodSummary {
				index: info.index,
				start: info.start,
				slots: info.slots,
				verifiers: info.verifiers.len() as u32,
				monitored,
			},
			None => PeriodSummary { monitored, ..Default::default() },
		}
	}

	/// The slot of `gpu` (runtime API).
	pub fn api_slot_of(gpu: u64) -> Option<u32> {
		SlotOf::<T>::get(gpu)
	}

	/// Bytes and weight per period for `n_gpus` and `n_validators` with this runtime's
	/// parameters and weights (runtime API).
	pub fn api_cost_model(n_gpus: u32, n_validators: u32) -> PeriodCost {
		let bits = T::ProbersPerGpu::get()
			.min(n_validators)
			.saturating_mul(n_gpus)
			.div_ceil(n_validators.max(1));
		let evidence = T::MaxEvidence::get();
		let report = T::WeightInfo::submit_report(bits, evidence, n_validators).ref_time();
		let report_base = T::WeightInfo::submit_report(0, evidence, n_validators).ref_time();
		let close_base = T::WeightInfo::close_period(0, 0).ref_time();
		let close_one = T::WeightInfo::close_period(1, 0).ref_time();
		let weights = WeightModel {
			report_base,
			report_per_bit: report
				.saturating_sub(report_base)
				.checked_div(u64::from(bits))
				.unwrap_or(0),
			report_per_evidence: 0,
			close_base,
			close_per_page: close_one.saturating_sub(close_base),
		};
		period_cost(n_gpus, n_validators, T::ProbersPerGpu::get(), evidence, &weights)
	}
}
