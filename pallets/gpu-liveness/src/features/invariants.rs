//! `try_state` invariants.

use crate::pallet::*;
use alloc::collections::BTreeSet;
use frame_support::{ensure, traits::Get};
use heliox_gpu_liveness::{pages_for, PAGE_SLOTS};
use sp_runtime::{Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// * every monitored GPU's slot holds its record, and every record is in `SlotOf`;
	/// * monitored + free = slots allocated ≤ `MaxSlots`; free slots are distinct and empty;
	/// * records are consistent and below `MaxMissedPeriods` misses;
	/// * votes and report marks exist only for open periods; the previous period precedes the
	///   current one; a period's verifiers are within `MaxVerifiers` and `k ≤ V`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let slots = SlotCount::<T>::get();
		ensure!(slots <= T::MaxSlots::get(), "more slots than MaxSlots");
		let mut records = 0u32;
		for (page, entries) in SlotPages::<T>::iter() {
			ensure!(page < pages_for(slots), "slot page beyond SlotCount");
			ensure!(entries.iter().any(Option::is_some), "empty slot page stored");
			for (offset, entry) in entries.iter().enumerate() {
				let Some(record) = entry else { continue };
				let slot = page.saturating_mul(PAGE_SLOTS).saturating_add(offset as u32);
				ensure!(slot < slots, "record beyond SlotCount");
				ensure!(SlotOf::<T>::get(record.gpu) == Some(slot), "record not in SlotOf");
				ensure!(record.is_consistent(), "inconsistent slot record");
				ensure!(
					u32::from(record.consecutive_misses) < T::MaxMissedPeriods::get(),
					"unresponsive GPU still monitored"
				);
				records.saturating_inc();
			}
		}
		let mut monitored = 0u32;
		for (gpu, slot) in SlotOf::<T>::iter() {
			ensure!(
				Self::record_of(slot).map(|r| r.gpu) == Some(gpu),
				"SlotOf points to another record"
			);
			ensure!(!LastUptime::<T>::contains_key(gpu), "monitored GPU has a LastUptime");
			monitored.saturating_inc();
		}
		ensure!(monitored == records, "SlotOf and records differ");
		ensure!(Monitored::<T>::get() == monitored, "Monitored count wrong");
		let free = FreeCount::<T>::get();
		ensure!(FreeSlots::<T>::iter().count() as u32 == free, "free list length wrong");
		let mut seen = BTreeSet::new();
		for i in 0..free {
			let slot = FreeSlots::<T>::get(i).ok_or("hole in the free list")?;
			ensure!(slot < slots, "free slot beyond SlotCount");
			ensure!(Self::record_of(slot).is_none(), "free slot holds a record");
			ensure!(seen.insert(slot), "free slot listed twice");
		}
		ensure!(monitored.saturating_add(free) == slots, "slots leaked");

		let current = CurrentPeriod::<T>::get();
		let previous = PreviousPeriod::<T>::get();
		let open: BTreeSet<u32> = current.iter().chain(previous.iter()).map(|i| i.index).collect();
		if let (Some(c), Some(p)) = (&current, &previous) {
			ensure!(p.index < c.index && p.start < c.start, "previous period after current");
		}
		for info in current.iter().chain(previous.iter()) {
			ensure!(info.probers <= info.verifiers.len() as u32, "more probers than verifiers");
			ensure!(info.slots <= slots, "period has more slots than allocated");
		}
		for (period, page, _) in PeriodVotes::<T>::iter() {
			ensure!(open.contains(&period), "votes of a closed period");
			let info = current.iter().chain(previous.iter()).find(|i| i.index == period);
			ensure!(
				info.is_some_and(|i| page < pages_for(i.slots)),
				"vote page beyond the period's slots"
			);
		}
		for period in ReportedBy::<T>::iter_keys() {
			ensure!(open.contains(&period), "report marks of a closed period");
		}
		Ok(())
	}
}
