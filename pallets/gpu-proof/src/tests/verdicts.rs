//! Verifiers' reports and quorum settlement.

use super::*;
use frame_support::{assert_noop, traits::Get, weights::Weight, BoundedVec};
use sp_runtime::Perbill;

fn report_raw(
	who: AccountId,
	epoch: u64,
	verdicts: Vec<(GpuId, Verdict)>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	GpuProof::submit_verdicts(
		RuntimeOrigin::signed(who),
		epoch,
		BoundedVec::truncate_from(verdicts),
	)
}

/// The call's result without its post-dispatch information (checked in
/// `verifiers_report_for_free_and_others_pay`).
fn report(
	who: AccountId,
	epoch: u64,
	verdicts: Vec<(GpuId, Verdict)>,
) -> Result<frame_support::dispatch::PostDispatchInfo, sp_runtime::DispatchError> {
	report_raw(who, epoch, verdicts).map_err(|e| e.error)
}

#[test]
fn two_thirds_of_assigned_verifiers_settle_a_pass() {
	run(|| {
		start_epoch();
		commit(1);
		to_beacon();
		let voters = assigned(1);
		assert_eq!(voters.len(), 3);
		vote(1, Verdict::Pass, &voters[..1]);
		assert!(verified().is_empty());
		vote(1, Verdict::Pass, &voters[1..2]);
		assert_eq!(verified(), vec![(1, 1)]);
		assert!(events().contains(&Event::EpochSettled {
			gpu: 1,
			epoch: 1,
			outcome: Outcome::Passed
		}));
		// A late third vote is counted but settles nothing again.
		vote(1, Verdict::NoResponse, &voters[2..]);
		assert_eq!(verified(), vec![(1, 1)]);
		let tally = GpuProof::verdict_status(1).unwrap().tally.unwrap();
		assert_eq!((tally.pass, tally.no_response, tally.outcome), (2, 1, Some(Outcome::Passed)));
	});
}

#[test]
fn repeated_missed_epochs_suspend() {
	run(|| {
		// Epoch 1: no commit; two verifiers see no response.
		start_epoch();
		to_beacon();
		vote(2, Verdict::NoResponse, &assigned(2)[..2]);
		assert_eq!(Misses::<Test>::get(2), Some(1));
		assert!(suspended().is_empty());
		// Epoch 2: a pass resets the counter.
		start_epoch();
		commit(2);
		to_beacon();
		vote(2, Verdict::Pass, &assigned(2)[..2]);
		assert_eq!(Misses::<Test>::get(2), None);
		// Epochs 3 and 4: missed twice (fail and no-response count together) → suspended.
		for _ in 0..2 {
			start_epoch();
			to_beacon();
			let voters = assigned(2);
			vote(2, Verdict::Fail, &voters[..1]);
			vote(2, Verdict::NoResponse, &voters[1..2]);
		}
		assert_eq!(suspended(), vec![2]);
		assert_eq!(Misses::<Test>::get(2), None);
		assert!(events().contains(&Event::GpuSuspended { gpu: 2, misses: 2 }));
	});
}

#[test]
fn one_report_carries_many_gpus() {
	run(|| {
		start_epoch();
		for gpu in 1..=4 {
			commit(gpu);
		}
		to_beacon();
		let all: Vec<_> = (1..=4).map(|gpu| (gpu, Verdict::Pass)).collect();
		assert_ok!(report(verifier_account(0), 1, all.clone()));
		assert_ok!(report(verifier_account(1), 1, all));
		assert_eq!(verified().len(), 4);
		assert!(events().contains(&Event::VerdictsReported {
			epoch: 1,
			verifier: verifier_account(0),
			count: 4
		}));
	});
}

#[test]
fn reports_are_checked() {
	run(|| {
		let who = verifier_account(0);
		assert_noop!(report(who, 1, vec![(1, Verdict::Pass)]), Error::<Test>::NoEpoch);
		start_epoch();
		commit(1);
		assert_noop!(report(who, 1, vec![]), Error::<Test>::EmptyReport);
		assert_noop!(report(who, 1, vec![(1, Verdict::Pass)]), Error::<Test>::BeaconNotSet);
		to_beacon();
		assert_noop!(report(who, 0, vec![(1, Verdict::Pass)]), Error::<Test>::WrongEpoch);
		assert_noop!(report(who, 2, vec![(1, Verdict::Pass)]), Error::<Test>::WrongEpoch);
		// Not a verifier (a GPU's agent account, or anyone).
		assert_noop!(
			report(agent_pair(1).public(), 1, vec![(1, Verdict::Pass)]),
			Error::<Test>::NotVerifier
		);
		assert_noop!(
			report(who, 1, vec![(1, Verdict::Pass), (1, Verdict::Pass)]),
			Error::<Test>::DuplicateVerdict
		);
		assert_ok!(report(who, 1, vec![(1, Verdict::Pass)]));
		// A replayed chunk (or one overlapping an accepted one) changes nothing.
		assert_noop!(
			report(who, 1, vec![(2, Verdict::Pass), (1, Verdict::Pass)]),
			Error::<Test>::DuplicateVerdict
		);
		// The next chunk is accepted and advances the cursor.
		assert_eq!(Reported::<Test>::get(who), Some((1, 1, 1)));
		assert_ok!(report(who, 1, vec![(2, Verdict::Pass)]));
		assert_eq!(Reported::<Test>::get(who), Some((1, 1, 2)));
	});
}

#[test]
fn only_sampled_gpus_and_assigned_verifiers_count() {
	new_test_ext_with(8, 40).execute_with(|| {
		SampleFraction::set(Perbill::from_percent(50));
		start_epoch();
		to_beacon();
		let beacon = beacon();
		let unsampled = (1..=40).find(|&g| !GpuProof::is_sampled(&beacon, g)).unwrap();
		let sampled = (1..=40).find(|&g| GpuProof::is_sampled(&beacon, g)).unwrap();
		// An unsampled GPU can only be reported as having missed its commit.
		let unsampled_voter = assigned(unsampled)[0].1;
		for verdict in [Verdict::Pass, Verdict::Fail] {
			assert_noop!(
				report(unsampled_voter, 1, vec![(unsampled, verdict)]),
				Error::<Test>::NotSampled
			);
		}
		assert_ok!(report(unsampled_voter, 1, vec![(unsampled, Verdict::NoResponse)]));
		let voters = assigned(sampled);
		let outsider = (0..8).find(|i| voters.iter().all(|(v, _)| *v != *i as u32)).unwrap();
		assert_noop!(
			report(verifier_account(outsider), 1, vec![(sampled, Verdict::NoResponse)]),
			Error::<Test>::NotAssigned
		);
		assert_ok!(report(voters[0].1, 1, vec![(sampled, Verdict::NoResponse)]));
		GpuProof::do_try_state().unwrap();
	});
}

#[test]
fn a_new_verifier_set_restarts_the_tally() {
	run(|| {
		start_epoch();
		commit(1);
		to_beacon();
		let voters = assigned(1);
		vote(1, Verdict::Pass, &voters[..1]);
		// The session rotates: the same keys plus a fourth verifier.
		GpuProof::set_verifiers((0..4).map(verifier_key));
		assert_eq!(GpuProof::verdict_status(1).unwrap().tally, None);
		// The first voter may report again under the new set.
		let voters = assigned(1);
		vote(1, Verdict::Pass, &voters[..2]);
		assert_eq!(verified(), vec![(1, 1)]);
	});
}

#[test]
fn verifiers_report_for_free_and_others_pay() {
	run(|| {
		start_epoch();
		to_beacon();
		let voter = assigned(1)[0].1;
		let info = report_raw(voter, 1, vec![(1, Verdict::Pass)]).unwrap();
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		// A refused verifier chunk is free too, and charged only the base weight.
		let refused = report_raw(voter, 1, vec![(1, Verdict::Pass)]).unwrap_err();
		assert_eq!(refused.post_info.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(refused.post_info.actual_weight, Some(<() as WeightInfo>::submit_verdicts(0)));
		// A non-verifier pays for its refused call.
		let outsider = report_raw(agent_pair(1).public(), 1, vec![(1, Verdict::Pass)]).unwrap_err();
		assert_eq!(outsider.post_info.pays_fee, frame_support::dispatch::Pays::Yes);
	});
}

#[test]
fn the_per_block_budget_spreads_verdicts_over_blocks() {
	new_test_ext_with(3, 40).execute_with(|| {
		start_epoch();
		to_beacon();
		// A budget of exactly two single-verdict chunks per block.
		let one = GpuProof::chunk_weight(1);
		let max = <<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get()
		.max_block;
		let share = sp_runtime::Perbill::from_rational(
			2 * one.ref_time() + one.ref_time() / 2,
			max.ref_time(),
		);
		VerdictBlockShare::set(share);
		assert!(GpuProof::verdict_budget().ref_time() >= 2 * one.ref_time());
		let voter = verifier_account(0);
		let mine: Vec<GpuId> =
			(1..=40).filter(|g| assigned(*g).iter().any(|(_, a)| *a == voter)).collect();
		assert!(mine.len() >= 4);
		assert_ok!(report(voter, 1, vec![(mine[0], Verdict::Pass)]));
		assert_ok!(report(voter, 1, vec![(mine[1], Verdict::Pass)]));
		assert_eq!(GpuProof::verdict_load(), one.saturating_mul(2));
		// The third chunk does not fit this block: refused, nothing changes.
		assert_noop!(
			report(voter, 1, vec![(mine[2], Verdict::Pass)]),
			Error::<Test>::VerdictBudgetExhausted
		);
		// Nor does a chunk of two in an empty block, if it is over the budget on its own...
		run_to_block(System::block_number() + 1);
		assert_eq!(GpuProof::verdict_load(), Weight::zero());
		// (a budget halfway between a chunk of one and a chunk of two)
		let two = GpuProof::chunk_weight(2);
		VerdictBlockShare::set(sp_runtime::Perbill::from_rational(
			one.ref_time() + (two.ref_time() - one.ref_time()) / 2,
			max.ref_time(),
		));
		assert_noop!(
			report(voter, 1, vec![(mine[2], Verdict::Pass), (mine[3], Verdict::Pass)]),
			Error::<Test>::VerdictBudgetExhausted
		);
		// ...but the chunk of one goes through in the next block.
		assert_ok!(report(voter, 1, vec![(mine[2], Verdict::Pass)]));
		GpuProof::do_try_state().unwrap();
	});
}
