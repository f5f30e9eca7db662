//! Periods: the snapshot at each period start and the decision at each period close.

use crate::{pallet::*, types::*, weights::WeightInfo, LOG_TARGET};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	traits::{Get, Randomness},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_gpu_liveness::{decide, pages_for, quorum, Bitmap, GpuDirectory, Outcome, PAGE_SLOTS};
use sp_runtime::{
	traits::{CheckedDiv, Saturating, Zero},
	SaturatedConversion,
};

/// Domain of the period seed subject.
const SEED_SUBJECT: &[u8] = b"heliox/liveness/period-seed";

/// What closing a period did (for its weight).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CloseOutcome {
	/// Pages visited.
	pub pages: u32,
	/// GPUs announced live or unresponsive to the directory.
	pub events: u32,
}

impl<T: Config> Pallet<T> {
	/// `on_initialize`: starts a period at `n % LivenessPeriod == 0`, closes the previous one
	/// at `n % LivenessPeriod == ReportGrace`. Other blocks read nothing.
	pub(crate) fn on_period_boundary(n: BlockNumberFor<T>) -> Weight {
		let length = T::LivenessPeriod::get();
		if length.is_zero() {
			return Weight::zero();
		}
		// n mod length, without `%` (length is not zero).
		let phase = n.saturating_sub(
			n.checked_div(&length).unwrap_or_else(Zero::zero).saturating_mul(length),
		);
		let mut weight = Weight::zero();
		if phase.is_zero() {
			weight.saturating_accrue(Self::start_period(n));
		}
		if phase == T::ReportGrace::get() {
			weight.saturating_accrue(Self::close_due(n));
		}
		weight
	}

	/// The seed of period `index`: the runtime's randomness under a domain-separated subject
	/// that includes the index, hashed to 32 bytes.
	pub(crate) fn period_seed(index: u32) -> [u8; 32] {
		let subject = (SEED_SUBJECT, index).encode();
		let (random, _) = T::Randomness::random(&subject);
		sp_io::hashing::blake2_256(&(SEED_SUBJECT, index, random).encode())
	}

	/// Starts the period beginning at block `n`; the current period becomes the previous one
	/// (a previous period still open is closed first, which only happens if `ReportGrace` was
	/// misconfigured).
	pub(crate) fn start_period(n: BlockNumberFor<T>) -> Weight {
		let mut weight = Weight::zero();
		if let Some(stale) = PreviousPeriod::<T>::take() {
			let done = Self::close_period(&stale);
			weight.saturating_accrue(T::WeightInfo::close_period(done.pages, done.events));
		}
		if let Some(current) = CurrentPeriod::<T>::take() {
			PreviousPeriod::<T>::put(current);
		}
		let index: u32 =
			n.checked_div(&T::LivenessPeriod::get()).unwrap_or_else(Zero::zero).saturated_into();
		let verifiers = Verifiers::<T>::get();
		let count = verifiers.len() as u32;
		let info = PeriodInfo {
			index,
			start: n,
			seed: Self::period_seed(index),
			slots: SlotCount::<T>::get(),
			probers: T::ProbersPerGpu::get().min(count),
			evidence: T::MaxEvidence::get(),
			verifiers,
		};
		Self::deposit_event(Event::PeriodStarted {
			period: index,
			slots: info.slots,
			verifiers: count,
		});
		CurrentPeriod::<T>::put(info);
		weight.saturating_add(T::WeightInfo::start_period(count))
	}

	/// Closes the previous period if its grace is over at block `n`.
	pub(crate) fn close_due(n: BlockNumberFor<T>) -> Weight {
		let read = T::DbWeight::get().reads(1);
		let Some(previous) = PreviousPeriod::<T>::get() else { return read };
		let due = previous
			.start
			.saturating_add(T::LivenessPeriod::get())
			.saturating_add(T::ReportGrace::get());
		if n < due {
			return read;
		}
		PreviousPeriod::<T>::kill();
		let done = Self::close_period(&previous);
		read.saturating_add(T::WeightInfo::close_period(done.pages, done.events))
	}

	/// Whether `reports` of `verifiers` is a strict majority (else the period is void).
	pub(crate) fn enough_reports(reports: u32, verifiers: u32) -> bool {
		u64::from(reports).saturating_mul(2) > u64::from(verifiers)
	}

	/// The verifiers that reported on `period`, as a bitmap over the period's verifiers.
	pub(crate) fn reported_bitmap(period: u32, verifiers: u32) -> Bitmap {
		Bitmap::from_bytes(ReportedBy::<T>::get(period).into_inner(), verifiers)
			.unwrap_or_else(|| Bitmap::new(verifiers))
	}

	/// Decides every judged slot of `info` and clears the period's votes and report marks.
	pub(crate) fn close_period(info: &PeriodInfoOf<T>) -> CloseOutcome {
		let verifiers = info.verifiers.len() as u32;
		let reports = Self::reported_bitmap(info.index, verifiers).count_ones();
		ReportedBy::<T>::remove(info.index);
		let judge = Self::enough_reports(reports, verifiers);
		let quorum = quorum(info.probers);
		let max_missed = T::MaxMissedPeriods::get().min(u32::from(u8::MAX)) as u8;
		let pages = pages_for(info.slots);
		let (mut judged, mut live_count) = (0u32, 0u32);
		let mut first_live: Vec<u64> = Vec::new();
		let mut unresponsive: Vec<(u64, u32)> = Vec::new();
		for page in 0..pages {
			let votes = PeriodVotes::<T>::take(info.index, page);
			if !judge {
				continue;
			}
			let votes = votes.unwrap_or([0; PAGE_SLOTS as usize]);
			let Some(mut records) = SlotPages::<T>::get(page) else { continue };
			let mut changed = false;
			for ((offset, entry), count) in records.iter_mut().enumerate().zip(votes.iter()) {
				let slot = page.saturating_mul(PAGE_SLOTS).saturating_add(offset as u32);
				if slot >= info.slots {
					break;
				}
				let Some(record) = entry else { continue };
				if record.since_period > info.index {
					continue;
				}
				let live = decide(*count, quorum);
				judged.saturating_inc();
				if live {
					live_count.saturating_inc();
				}
				changed = true;
				match record.push(live, max_missed) {
					Outcome::FirstLive => first_live.push(record.gpu),
					Outcome::Unresponsive => {
						unresponsive.push((record.gpu, slot));
						LastUptime::<T>::insert(record.gpu, record.uptime());
						*entry = None;
					},
					Outcome::Unchanged => {},
				}
			}
			if changed {
				Self::put_page(page, records);
			}
		}
		if judge {
			Self::deposit_event(Event::PeriodClosed {
				period: info.index,
				reports,
				judged,
				live: live_count,
			});
		} else {
			log::info!(target: LOG_TARGET, "period {} void: {reports}/{verifiers} reports", info.index);
			Self::deposit_event(Event::PeriodVoid { period: info.index, reports, verifiers });
		}
		let events = (first_live.len() as u32).saturating_add(unresponsive.len() as u32);
		for (gpu, slot) in unresponsive {
			SlotOf::<T>::remove(gpu);
			Self::push_free(slot);
			Monitored::<T>::mutate(|m| *m = m.saturating_sub(1));
			Self::deposit_event(Event::GpuUnresponsive { gpu, slot });
			T::Directory::on_unresponsive(&gpu);
		}
		for gpu in first_live {
			Self::deposit_event(Event::GpuLive { gpu });
			T::Directory::on_live(&gpu);
		}
		CloseOutcome { pages, events }
	}

	/// Writes a slot page, removing it when every slot in it is free.
	pub(crate) fn put_page(page: u32, records: SlotPage) {
		if records.iter().all(Option::is_none) {
			SlotPages::<T>::remove(page);
		} else {
			SlotPages::<T>::insert(page, records);
		}
	}

	/// The verifier set, truncated to `MaxVerifiers`.
	pub(crate) fn bounded_verifiers(
		keys: impl Iterator<Item = T::AuthorityId>,
	) -> BoundedVec<T::AuthorityId, T::MaxVerifiers> {
		let keys: Vec<_> = keys.collect();
		if keys.len() > T::MaxVerifiers::get() as usize {
			log::warn!(
				target: LOG_TARGET,
				"{} validators, only the first {} verify liveness",
				keys.len(),
				T::MaxVerifiers::get()
			);
		}
		BoundedVec::truncate_from(keys)
	}
}
