//! `try_state` catches broken storage (so the checks run after every test can fail).

use super::*;

fn broken(corrupt: impl FnOnce()) {
	new_test_ext(1).execute_with(|| {
		monitor(1);
		monitor(2);
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&1);
		assert_ok!(GpuLiveness::do_try_state());
		corrupt();
		assert!(GpuLiveness::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_corruption() {
	// Wrong monitored count.
	broken(|| Monitored::<Test>::put(5));
	// A slot leaked (neither monitored nor free).
	broken(|| SlotCount::<Test>::put(3));
	// The free slot holds a record.
	broken(|| GpuLiveness::set_record(0, Some(heliox_gpu_liveness::SlotRecord::new(9, 1))));
	// SlotOf points to a slot holding another GPU.
	broken(|| SlotOf::<Test>::insert(2, 0));
	// A monitored GPU that should have been suspended.
	broken(|| {
		let mut record = GpuLiveness::record_of(1).unwrap();
		for _ in 0..3 {
			record.push(false, 3);
		}
		GpuLiveness::set_record(1, Some(record));
	});
	// Votes of a period that is not open.
	broken(|| PeriodVotes::<Test>::insert(7, 0, [0u8; 256]));
	// Report marks of a period that is not open.
	broken(|| ReportedBy::<Test>::insert(7, BoundedVec::truncate_from(vec![1u8])));
	// A monitored GPU with a stale last uptime.
	broken(|| LastUptime::<Test>::insert(2, heliox_gpu_liveness::Uptime::default()));
}
