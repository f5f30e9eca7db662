//! Slots: `LivenessMonitor` for the registry (start/stop monitoring, uptime) and the free list.

use crate::{pallet::*, types::*};
use frame_support::traits::Get;
use heliox_gpu_liveness::{page_of, LivenessMonitor, MonitorError, SlotRecord, Uptime};

impl<T: Config> Pallet<T> {
	/// Index of the current period, 0 before the first one.
	pub(crate) fn current_index() -> u32 {
		CurrentPeriod::<T>::get().map(|info| info.index).unwrap_or(0)
	}

	/// Pushes `slot` on the free list.
	pub(crate) fn push_free(slot: u32) {
		let count = FreeCount::<T>::get();
		FreeSlots::<T>::insert(count, slot);
		FreeCount::<T>::put(count.saturating_add(1));
	}

	/// Pops a free slot, or allocates a new one below `MaxSlots`.
	pub(crate) fn allocate_slot() -> Option<u32> {
		let count = FreeCount::<T>::get();
		if let Some(top) = count.checked_sub(1) {
			if let Some(slot) = FreeSlots::<T>::take(top) {
				FreeCount::<T>::put(top);
				return Some(slot);
			}
		}
		let next = SlotCount::<T>::get();
		if next >= T::MaxSlots::get() {
			return None;
		}
		SlotCount::<T>::put(next.saturating_add(1));
		Some(next)
	}

	/// The record of `slot`, if monitored.
	pub(crate) fn record_of(slot: u32) -> Option<SlotRecord> {
		let (page, offset) = page_of(slot);
		SlotPages::<T>::get(page)?.get(offset as usize).copied().flatten()
	}

	/// Writes (or clears) the record of `slot`.
	pub(crate) fn set_record(slot: u32, record: Option<SlotRecord>) {
		let (page, offset) = page_of(slot);
		let mut records: SlotPage = SlotPages::<T>::get(page).unwrap_or([None; 256]);
		if let Some(entry) = records.get_mut(offset as usize) {
			*entry = record;
		}
		Self::put_page(page, records);
	}

	/// Starts monitoring `gpu` (judged from the next period on); idempotent.
	pub fn do_start_monitoring(gpu: u64) -> Result<u32, MonitorError> {
		if let Some(slot) = SlotOf::<T>::get(gpu) {
			return Ok(slot);
		}
		let slot = Self::allocate_slot().ok_or(MonitorError::NoFreeSlot)?;
		let since = Self::current_index().saturating_add(1);
		Self::set_record(slot, Some(SlotRecord::new(gpu, since)));
		SlotOf::<T>::insert(gpu, slot);
		LastUptime::<T>::remove(gpu);
		Monitored::<T>::mutate(|m| *m = m.saturating_add(1));
		Self::deposit_event(Event::MonitoringStarted { gpu, slot });
		Ok(slot)
	}

	/// Stops monitoring `gpu`, keeping its uptime readable; a no-op if not monitored.
	pub fn do_stop_monitoring(gpu: u64) {
		let Some(slot) = SlotOf::<T>::take(gpu) else { return };
		if let Some(record) = Self::record_of(slot) {
			LastUptime::<T>::insert(gpu, record.uptime());
		}
		Self::set_record(slot, None);
		Self::push_free(slot);
		Monitored::<T>::mutate(|m| *m = m.saturating_sub(1));
		Self::deposit_event(Event::MonitoringStopped { gpu, slot });
	}

	/// Uptime of `gpu`: its window while monitored, its last window after.
	pub fn gpu_uptime(gpu: u64) -> Option<Uptime> {
		match SlotOf::<T>::get(gpu) {
			Some(slot) => Self::record_of(slot).map(|record| record.uptime()),
			None => LastUptime::<T>::get(gpu),
		}
	}
}

impl<T: Config> LivenessMonitor<u64> for Pallet<T> {
	fn start_monitoring(gpu: &u64) -> Result<(), MonitorError> {
		Self::do_start_monitoring(*gpu).map(|_| ())
	}

	fn stop_monitoring(gpu: &u64) {
		Self::do_stop_monitoring(*gpu)
	}

	fn uptime(gpu: &u64) -> Option<Uptime> {
		Self::gpu_uptime(*gpu)
	}
}
