//! Quorum decisions, first-live announcements and suspension after missed periods.

use super::*;

/// Verifier indices that probe `gpu` in period `p`.
fn probers(p: u32, gpu: u64) -> Vec<u32> {
	let info = info_of(p);
	assignment_of(&info).probers_of(SlotOf::<Test>::get(gpu).unwrap())
}

#[test]
fn three_verifiers_need_two_votes() {
	run(3, || {
		for gpu in 1..=3 {
			monitor(gpu);
		}
		run_to_block(start_of(1));
		assert_eq!(info_of(1).probers, 3);
		// GPU 1: all three see it; GPU 2: two of three; GPU 3: one of three.
		for vi in 0..3 {
			let live = move |gpu: u64| match gpu {
				1 => true,
				2 => vi != 0,
				_ => vi == 0,
			};
			assert_ok!(submit(vi, report(1, vi, live)));
		}
		run_to_block(close_of(1));
		assert_eq!(uptime(1), Some((1, 1)));
		assert_eq!(uptime(2), Some((1, 1)));
		assert_eq!(uptime(3), Some((0, 1)));
	});
}

#[test]
fn four_verifiers_three_probers_need_two_votes() {
	run(4, || {
		for gpu in 1..=8 {
			monitor(gpu);
		}
		run_to_block(start_of(1));
		let info = info_of(1);
		assert_eq!((info.probers, assignment_of(&info).quorum()), (3, 2));
		let p1 = probers(1, 1);
		let p2 = probers(1, 2);
		assert_eq!((p1.len(), p2.len()), (3, 3));
		// GPU 1 answers only its first prober, GPU 2 its first two.
		for vi in 0..4 {
			let (p1, p2) = (p1.clone(), p2.clone());
			let live = move |gpu: u64| match gpu {
				1 => p1[0] == vi,
				2 => p2[..2].contains(&vi),
				_ => true,
			};
			assert_ok!(submit(vi, report(1, vi, live)));
		}
		run_to_block(close_of(1));
		assert_eq!(uptime(1), Some((0, 1)));
		assert_eq!(uptime(2), Some((1, 1)));
		for gpu in 3..=8 {
			assert_eq!(uptime(gpu), Some((1, 1)));
		}
	});
}

#[test]
fn the_first_live_decision_is_announced_once() {
	run(3, || {
		monitor(1);
		run_to_block(start_of(1));
		reports_from(1, 0..3, |_| false);
		run_to_block(start_of(2));
		reports_from(2, 0..3, |_| true);
		run_to_block(start_of(3));
		reports_from(3, 0..3, |_| true);
		run_to_block(close_of(3));
		assert_eq!(TestDirectory::calls(), vec![DirectoryCall::Live(1)]);
		assert_eq!(events().iter().filter(|e| matches!(e, Event::GpuLive { gpu: 1 })).count(), 1);
		assert_eq!(uptime(1), Some((2, 3)));
	});
}

#[test]
fn missing_max_missed_periods_suspends() {
	run(3, || {
		monitor(1);
		monitor(2);
		run_to_block(start_of(1));
		for p in 1..=3 {
			run_to_block(start_of(p));
			reports_from(p, 0..3, |gpu| gpu == 2);
			if p < 3 {
				run_to_block(close_of(p));
				assert_eq!(SlotOf::<Test>::get(1), Some(0), "still monitored after {p} misses");
			}
		}
		run_to_block(close_of(3));
		assert_eq!(SlotOf::<Test>::get(1), None);
		assert_eq!(uptime(1), Some((0, 3)), "last uptime readable for settlement");
		assert_eq!(LastUptime::<Test>::get(1).map(|u| u.observed), Some(3));
		assert!(TestDirectory::calls().contains(&DirectoryCall::Unresponsive(1)));
		assert!(events().contains(&Event::GpuUnresponsive { gpu: 1, slot: 0 }));
		assert_eq!(FreeCount::<Test>::get(), 1);
		assert_eq!(Monitored::<Test>::get(), 1);
		// The freed slot is reused.
		monitor(3);
		assert_eq!(SlotOf::<Test>::get(3), Some(0));
	});
}

#[test]
fn a_live_period_resets_the_misses() {
	run(3, || {
		monitor(1);
		for p in 1..=6 {
			run_to_block(start_of(p));
			// Live every third period: never three misses in a row.
			reports_from(p, 0..3, move |_| p % 3 == 0);
		}
		run_to_block(close_of(6));
		assert_eq!(SlotOf::<Test>::get(1), Some(0));
		assert_eq!(uptime(1), Some((2, 6)));
		assert!(!TestDirectory::calls().contains(&DirectoryCall::Unresponsive(1)));
	});
}
