//! Period start snapshots, closing, void periods and the hook's weight.

use super::*;
use frame_support::traits::Hooks;

#[test]
fn a_period_start_snapshots_slots_verifiers_and_seed() {
	run(3, || {
		monitor(1);
		monitor(2);
		assert!(CurrentPeriod::<Test>::get().is_none());
		run_to_block(start_of(1));
		let info = CurrentPeriod::<Test>::get().unwrap();
		assert_eq!((info.index, info.start, info.slots, info.probers), (1, 10, 2, 3));
		assert_eq!(info.evidence, EVIDENCE);
		assert_eq!(info.verifiers.to_vec(), (0..3).map(verifier_key).collect::<Vec<_>>());
		assert!(events().contains(&Event::PeriodStarted { period: 1, slots: 2, verifiers: 3 }));
		run_to_block(start_of(2));
		let next = CurrentPeriod::<Test>::get().unwrap();
		assert_eq!(PreviousPeriod::<Test>::get(), Some(info.clone()));
		assert_ne!(next.seed, info.seed, "a fresh seed every period");
		// The previous period closes at start(2) + grace.
		run_to_block(close_of(1) - 1);
		assert!(PreviousPeriod::<Test>::get().is_some());
		run_to_block(close_of(1));
		assert!(PreviousPeriod::<Test>::get().is_none());
	});
}

#[test]
fn the_seed_is_domain_separated_by_period() {
	run(1, || {
		assert_ne!(GpuLiveness::period_seed(1), GpuLiveness::period_seed(2));
		let before = GpuLiveness::period_seed(1);
		Entropy::set(9);
		assert_ne!(GpuLiveness::period_seed(1), before, "the seed follows the randomness");
	});
}

#[test]
fn a_gpu_monitored_during_a_period_is_judged_from_the_next() {
	run(3, || {
		monitor(1);
		run_to_block(start_of(1) + 2);
		monitor(2);
		assert_eq!(info_of(1).slots, 1, "GPU 2's slot is not in period 1");
		reports_from(1, 0..3, |_| true);
		run_to_block(close_of(1));
		assert_eq!(uptime(1), Some((1, 1)));
		assert_eq!(uptime(2), Some((0, 0)), "not judged for period 1");
		reports_from(2, 0..3, |_| true);
		run_to_block(close_of(2));
		assert_eq!(uptime(1), Some((2, 2)));
		assert_eq!(uptime(2), Some((1, 1)));
	});
}

#[test]
fn a_reused_slot_is_not_judged_for_the_period_it_changed_hands() {
	run(1, || {
		monitor(1);
		run_to_block(start_of(1) + 1);
		// GPU 1 leaves during period 1 and GPU 2 takes its slot.
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&1);
		monitor(2);
		assert_eq!(SlotOf::<Test>::get(2), Some(0));
		reports_from(1, [0], |_| true);
		run_to_block(close_of(1));
		assert_eq!(uptime(2), Some((0, 0)));
		assert_eq!(uptime(1), Some((0, 0)), "its last uptime stays readable");
	});
}

#[test]
fn a_period_with_too_few_reports_is_void() {
	run(3, || {
		monitor(1);
		run_to_block(start_of(1));
		// One report of three: not a majority of the verifiers.
		reports_from(1, [0], |_| true);
		run_to_block(close_of(1));
		assert!(events().contains(&Event::PeriodVoid { period: 1, reports: 1, verifiers: 3 }));
		assert_eq!(uptime(1), Some((0, 0)), "nobody judged");
		assert_eq!(PeriodVotes::<Test>::iter().count(), 0, "votes cleared");
		// No reports at all for three periods: never suspended.
		run_to_block(close_of(4));
		assert_eq!(SlotOf::<Test>::get(1), Some(0));
		assert!(TestDirectory::calls().is_empty());
	});
}

#[test]
fn a_closed_period_reports_its_counts() {
	run(3, || {
		monitor(1);
		monitor(2);
		run_to_block(start_of(1));
		reports_from(1, 0..3, |gpu| gpu == 1);
		run_to_block(close_of(1));
		assert!(events().contains(&Event::PeriodClosed {
			period: 1,
			reports: 3,
			judged: 2,
			live: 1
		}));
		assert!(ReportedBy::<Test>::iter().all(|(p, _)| p != 1));
	});
}

#[test]
fn on_initialize_weighs_only_boundaries() {
	run(2, || {
		monitor(1);
		assert_eq!(GpuLiveness::on_initialize(3), frame_support::weights::Weight::zero());
		System::set_block_number(start_of(1));
		assert!(GpuLiveness::on_initialize(start_of(1)).ref_time() > 0);
		System::set_block_number(start_of(2) + GRACE);
		GpuLiveness::on_initialize(start_of(2));
		let close = GpuLiveness::on_initialize(start_of(2) + GRACE);
		assert!(close.ref_time() > 0);
		assert!(PreviousPeriod::<Test>::get().is_none());
	});
}

#[test]
fn flatten_randomness_maps_none_to_the_default_hash() {
	struct Maybe;
	impl frame_support::traits::Randomness<Option<sp_core::H256>, u64> for Maybe {
		fn random(subject: &[u8]) -> (Option<sp_core::H256>, u64) {
			((!subject.is_empty()).then(|| sp_core::H256::repeat_byte(7)), 3)
		}
	}
	use frame_support::traits::Randomness;
	type Flat = crate::FlattenRandomness<Maybe>;
	assert_eq!(
		<Flat as Randomness<sp_core::H256, u64>>::random(b"x"),
		(sp_core::H256::repeat_byte(7), 3)
	);
	assert_eq!(<Flat as Randomness<sp_core::H256, u64>>::random(b""), (sp_core::H256::zero(), 3));
}
