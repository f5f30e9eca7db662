//! `LivenessMonitor`: slots, the free list, uptime after stop, the runtime API reads.

use super::*;

#[test]
fn start_is_idempotent_and_allocates_dense_slots() {
	run(1, || {
		monitor(7);
		monitor(8);
		monitor(7);
		assert_eq!(SlotOf::<Test>::get(7), Some(0));
		assert_eq!(SlotOf::<Test>::get(8), Some(1));
		assert_eq!((SlotCount::<Test>::get(), Monitored::<Test>::get()), (2, 2));
		let record = GpuLiveness::record_of(0).unwrap();
		assert_eq!((record.gpu, record.since_period), (7, 1));
		assert_eq!(
			events().iter().filter(|e| matches!(e, Event::MonitoringStarted { .. })).count(),
			2
		);
	});
}

#[test]
fn stop_frees_the_slot_for_reuse_and_keeps_the_uptime() {
	run(1, || {
		monitor(1);
		monitor(2);
		monitor(3);
		run_to_block(start_of(1));
		reports_from(1, [0], |_| true);
		run_to_block(close_of(1));
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&2);
		assert!(events().contains(&Event::MonitoringStopped { gpu: 2, slot: 1 }));
		assert_eq!(SlotOf::<Test>::get(2), None);
		assert_eq!(uptime(2), Some((1, 1)), "kept for settlement");
		assert_eq!(FreeCount::<Test>::get(), 1);
		// Stopping again, or an unknown GPU, is a no-op.
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&2);
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&99);
		assert_eq!(FreeCount::<Test>::get(), 1);
		// The freed slot is reused before a new one is allocated.
		monitor(4);
		assert_eq!(SlotOf::<Test>::get(4), Some(1));
		assert_eq!(SlotCount::<Test>::get(), 3);
		assert_eq!(uptime(4), Some((0, 0)), "a fresh history");
		// Restarting GPU 2 clears its last uptime and starts a new history.
		monitor(2);
		assert_eq!(SlotOf::<Test>::get(2), Some(3));
		assert!(LastUptime::<Test>::get(2).is_none());
		assert_eq!(uptime(2), Some((0, 0)));
		assert_eq!(uptime(99), None, "never monitored");
	});
}

#[test]
fn runtime_api_reads() {
	run(2, || {
		assert_eq!(GpuLiveness::api_period_info(), PeriodSummary::default());
		monitor(5);
		monitor(6);
		run_to_block(start_of(1) + 3);
		assert_eq!(
			GpuLiveness::api_period_info(),
			PeriodSummary { index: 1, start: 10, slots: 2, verifiers: 2, monitored: 2 }
		);
		assert_eq!(GpuLiveness::api_slot_of(6), Some(1));
		assert_eq!(GpuLiveness::api_slot_of(7), None);
		assert_eq!(GpuLiveness::api_uptime(5), Some(heliox_gpu_liveness::Uptime::default()));
		let cost = GpuLiveness::api_cost_model(100_000, 100);
		assert_eq!((cost.bits_per_report, cost.pages), (3_000, 391));
		assert!(cost.report_weight > 0 && cost.total_weight > cost.report_weight);
	});
}

#[test]
fn cost_model_projection() {
	run(1, || {
		for n in [1_000u32, 100_000] {
			let c = GpuLiveness::api_cost_model(n, 100);
			assert_eq!(
				(c.reports, c.probers, c.evidence_per_report),
				(100, 3, u64::from(EVIDENCE))
			);
			assert_eq!(c.bits_per_report, u64::from(3 * n / 100));
			// All reports plus one close.
			assert!(c.total_weight > 100 * c.report_weight);
		}
	});
}
