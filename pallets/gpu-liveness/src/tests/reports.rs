//! Accepted reports: votes by page, fee-free, the grace window, pages at the 255/256 boundary.

use super::*;
use frame_support::dispatch::Pays;

#[test]
fn an_accepted_report_adds_votes_and_is_free() {
	run(3, || {
		for gpu in 1..=5 {
			monitor(gpu);
		}
		run_to_block(start_of(1) + 1);
		let r = report(1, 0, |gpu| gpu != 3);
		let covered = assignment_of(&info_of(1)).range_of(0).1;
		let live = r.bits.iter().map(|b| b.count_ones()).sum::<u32>();
		assert_eq!(covered, 5, "k = V = 3: everyone covers everything");
		assert_eq!(live, 4);
		assert_eq!(r.evidence.len() as u32, EVIDENCE);
		let info = submit(0, r).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert!(info.actual_weight.is_some());
		assert!(events().contains(&Event::ReportAccepted {
			period: 1,
			verifier: verifier_account(0),
			live: 4,
			covered: 5
		}));
		let votes = PeriodVotes::<Test>::get(1, 0).unwrap();
		for gpu in 1..=5u64 {
			let slot = SlotOf::<Test>::get(gpu).unwrap() as usize;
			assert_eq!(votes[slot], u8::from(gpu != 3));
		}
		assert!(GpuLiveness::reported_bitmap(1, 3).get(0));
	});
}

#[test]
fn reports_on_the_previous_period_are_accepted_during_the_grace() {
	run(1, || {
		monitor(1);
		run_to_block(start_of(2) + GRACE - 1);
		assert_eq!(info_of(1).index, 1);
		reports_from(1, [0], |_| true);
		run_to_block(close_of(1));
		assert_eq!(uptime(1), Some((1, 1)));
	});
}

#[test]
fn an_empty_run_reports_an_empty_bitmap() {
	run(3, || {
		run_to_block(start_of(1));
		let r = report(1, 1, |_| true);
		assert!(r.bits.is_empty() && r.evidence.is_empty());
		assert_ok!(submit(1, r));
	});
}

#[test]
fn fewer_live_bits_than_max_evidence_need_all_of_them() {
	run(1, || {
		monitor(1);
		monitor(2);
		run_to_block(start_of(1));
		let r = report(1, 0, |gpu| gpu == 2);
		assert_eq!(r.evidence.len(), 1);
		assert_ok!(submit(0, r));
		let none = report(1, 0, |_| false);
		assert!(none.evidence.is_empty());
	});
}

#[test]
fn pages_split_at_slot_256() {
	run(1, || {
		for gpu in 0..300u64 {
			monitor(gpu);
		}
		assert_eq!(SlotOf::<Test>::get(255), Some(255));
		assert_eq!(SlotOf::<Test>::get(256), Some(256));
		assert_eq!(SlotPages::<Test>::iter().count(), 2);
		run_to_block(start_of(1));
		// GPU 255 (last of page 0) and 256 (first of page 1) answer, GPU 257 does not.
		reports_from(1, [0], |gpu| gpu != 257);
		assert_eq!(PeriodVotes::<Test>::get(1, 0).unwrap()[255], 1);
		assert_eq!(PeriodVotes::<Test>::get(1, 1).unwrap()[0], 1);
		assert_eq!(PeriodVotes::<Test>::get(1, 1).unwrap()[1], 0);
		run_to_block(close_of(1));
		assert_eq!(uptime(255), Some((1, 1)));
		assert_eq!(uptime(256), Some((1, 1)));
		assert_eq!(uptime(257), Some((0, 1)));
		assert_eq!(PeriodVotes::<Test>::iter().count(), 0);
		// Freeing every slot of page 1 removes the page.
		for gpu in 256..300u64 {
			<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&gpu);
		}
		assert!(SlotPages::<Test>::get(1).is_none());
		assert!(SlotPages::<Test>::get(0).is_some());
	});
}

#[test]
fn each_slot_is_in_exactly_k_reports() {
	run(5, || {
		for gpu in 0..40u64 {
			monitor(gpu);
		}
		run_to_block(start_of(1));
		reports_from(1, 0..5, |_| true);
		let votes = PeriodVotes::<Test>::get(1, 0).unwrap();
		assert!(votes[..40].iter().all(|&v| v == 3));
		assert!(votes[40..].iter().all(|&v| v == 0));
	});
}

#[test]
fn a_gpu_leaving_mid_period_does_not_void_reports() {
	run(1, || {
		monitor(1);
		monitor(2);
		run_to_block(start_of(1) + 1);
		// The OCW probed both GPUs; the report's evidence covers both.
		let r = report(1, 0, |_| true);
		assert_eq!(r.evidence.len(), 2);
		// Before inclusion GPU 1 leaves and GPU 3 takes its slot: the answer of GPU 1 can no
		// longer be checked against the slot, which is not judged for period 1 anyway.
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&1);
		monitor(3);
		assert_eq!(SlotOf::<Test>::get(3), Some(0));
		assert_ok!(submit(0, r));
		run_to_block(close_of(1));
		assert_eq!(uptime(2), Some((1, 1)));
		assert_eq!(uptime(3), Some((0, 0)));
	});
}
