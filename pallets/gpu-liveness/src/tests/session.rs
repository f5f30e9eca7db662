//! The verifier set from the session pallet.

use super::*;
use frame_support::traits::OneSessionHandler;

fn accounts(n: u32) -> Vec<AccountId> {
	(0..n).map(verifier_account).collect()
}

#[test]
fn genesis_and_new_sessions_set_the_verifiers() {
	run(0, || {
		assert!(Verifiers::<Test>::get().is_empty());
		let who = accounts(2);
		GpuLiveness::on_genesis_session(who.iter().zip((0..2).map(verifier_key)));
		assert_eq!(Verifiers::<Test>::get().to_vec(), vec![verifier_key(0), verifier_key(1)]);
		run_to_block(start_of(1));
		assert_eq!(info_of(1).verifiers.len(), 2);
		let who = accounts(3);
		GpuLiveness::on_new_session(
			true,
			who.iter().zip((0..3).map(verifier_key)),
			who.iter().zip((0..3).map(verifier_key)),
		);
		assert!(events().contains(&Event::VerifiersChanged { count: 3 }));
		assert_eq!(info_of(1).verifiers.len(), 2, "a running period keeps its snapshot");
		run_to_block(start_of(2));
		assert_eq!(info_of(2).verifiers.len(), 3);
		assert_eq!(info_of(2).probers, 3);
		// The same set again: no event.
		System::reset_events();
		GpuLiveness::on_new_session(
			false,
			who.iter().zip((0..3).map(verifier_key)),
			who.iter().zip((0..3).map(verifier_key)),
		);
		assert!(events().is_empty());
	});
}

#[test]
fn verifiers_are_capped_at_max_verifiers() {
	run(0, || {
		let who = accounts(10);
		GpuLiveness::on_new_session(
			true,
			who.iter().zip((0..10).map(verifier_key)),
			who.iter().zip((0..10).map(verifier_key)),
		);
		assert_eq!(Verifiers::<Test>::get().len(), 8);
	});
}

#[test]
fn no_verifiers_means_nothing_to_report_and_void_periods() {
	run(0, || {
		monitor(1);
		run_to_block(start_of(1));
		assert_eq!(info_of(1).probers, 0);
		run_to_block(close_of(1));
		assert!(events().contains(&Event::PeriodVoid { period: 1, reports: 0, verifiers: 0 }));
		assert_eq!(uptime(1), Some((0, 0)));
	});
}
