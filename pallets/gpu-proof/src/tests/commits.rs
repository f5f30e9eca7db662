//! Commits.

use super::*;
use frame_support::{assert_noop, BoundedVec};

fn submit(gpu: GpuId, epoch: u64, root: Hash, signature: [u8; 64]) -> sp_runtime::DispatchResult {
	GpuProof::submit_commit(
		RuntimeOrigin::signed(agent_pair(9).public()),
		gpu,
		epoch,
		root,
		signature,
	)
}

#[test]
fn an_agent_signed_commit_is_accepted_until_the_deadline() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		let record = GpuProof::commit_of(1, 1).unwrap();
		assert_eq!(record.root, commitment.root());
		assert_eq!(record.params, PARAMS);
		assert_eq!(record.agent_key, agent_pair(1).public().0);
		assert!(events().contains(&Event::Committed { gpu: 1, epoch: 1, root: commitment.root() }));
		assert_eq!(COMMITTED.with(|c| c.borrow().clone()), vec![(1, 1)]);
		// The deadline block itself still counts.
		run_to_block(20 + u64::from(DEADLINE));
		commit(2);
	});
}

#[test]
fn a_late_commit_is_refused() {
	run(|| {
		start_epoch();
		let root = compute(1, CpuBackend).root();
		run_to_block(20 + u64::from(DEADLINE) + 1);
		assert_noop!(submit(1, 1, root, sign_commit(1, 1, &root)), Error::<Test>::CommitTooLate);
	});
}

#[test]
fn deadlines_are_capped_before_the_beacon() {
	run(|| {
		start_epoch();
		with_gpu(1, |gpu| gpu.deadline = 1_000);
		assert_eq!(GpuProof::deadline_block(20, 1_000), 20 + WINDOW - 1);
		let root = compute(1, CpuBackend).root();
		run_to_block(20 + WINDOW);
		assert_noop!(submit(1, 1, root, sign_commit(1, 1, &root)), Error::<Test>::CommitTooLate);
	});
}

#[test]
fn commits_need_an_open_epoch_and_the_current_one() {
	run(|| {
		assert_noop!(submit(1, 0, [0; 32], sign_commit(1, 0, &[0; 32])), Error::<Test>::NoEpoch);
		start_epoch();
		let root = compute(1, CpuBackend).root();
		// A commit for the next epoch (or a replay of an old one) is refused.
		assert_noop!(submit(1, 2, root, sign_commit(1, 2, &root)), Error::<Test>::WrongEpoch);
		assert_noop!(submit(1, 0, root, sign_commit(1, 0, &root)), Error::<Test>::WrongEpoch);
	});
}

#[test]
fn commits_need_an_active_gpu_with_parameters_and_key() {
	run(|| {
		start_epoch();
		let sig = sign_commit(1, 1, &[1; 32]);
		assert_noop!(submit(77, 1, [1; 32], sig), Error::<Test>::GpuNotActive);
		with_gpu(1, |gpu| gpu.active = false);
		assert_noop!(submit(1, 1, [1; 32], sig), Error::<Test>::GpuNotActive);
		with_gpu(1, |gpu| gpu.active = true);
		with_gpu(1, |gpu| gpu.params = None);
		assert_noop!(submit(1, 1, [1; 32], sig), Error::<Test>::NoChallengeParams);
		with_gpu(1, |gpu| gpu.params = Some(ChallengeParams { n: 1, ..PARAMS }));
		assert_noop!(submit(1, 1, [1; 32], sig), Error::<Test>::InvalidChallengeParams);
		with_gpu(1, |gpu| gpu.params = Some(PARAMS));
		with_gpu(1, |gpu| gpu.key = None);
		assert_noop!(submit(1, 1, [1; 32], sig), Error::<Test>::NoAgentKey);
	});
}

#[test]
fn forged_and_replayed_commits_are_refused() {
	run(|| {
		start_epoch();
		let root = compute(1, CpuBackend).root();
		// Signed by another GPU's agent key.
		let forged = agent_pair(2).sign(&commit_message(1, 1, &root)).0;
		assert_noop!(submit(1, 1, root, forged), Error::<Test>::BadSignature);
		// GPU 2's signature replayed for GPU 1.
		assert_noop!(submit(1, 1, root, sign_commit(2, 1, &root)), Error::<Test>::BadSignature);
		// Another root than the one signed.
		assert_noop!(submit(1, 1, [9; 32], sign_commit(1, 1, &root)), Error::<Test>::BadSignature);
		// Garbage.
		assert_noop!(submit(1, 1, root, [0; 64]), Error::<Test>::BadSignature);
		assert_ok!(submit(1, 1, root, sign_commit(1, 1, &root)));
		assert_noop!(submit(1, 1, root, sign_commit(1, 1, &root)), Error::<Test>::AlreadyCommitted);
	});
}

#[test]
fn the_previous_commit_is_kept_for_fraud_proofs() {
	run(|| {
		start_epoch();
		let first = commit(1);
		start_epoch();
		let second = commit(1);
		assert_eq!(GpuProof::commit_of(1, 1).unwrap().root, first.root());
		assert_eq!(GpuProof::commit_of(1, 2).unwrap().root, second.root());
		start_epoch();
		commit(1);
		assert_eq!(GpuProof::commit_of(1, 1), None);
	});
}

#[test]
fn batched_commits_are_all_or_nothing() {
	run(|| {
		start_epoch();
		let submissions: Vec<_> = (1..=3)
			.map(|gpu| {
				let root = compute(gpu, CpuBackend).root();
				CommitSubmission { gpu, epoch: 1, root, signature: sign_commit(gpu, 1, &root) }
			})
			.collect();
		let mut bad = submissions.clone();
		bad[2].signature = [0; 64];
		assert_noop!(
			GpuProof::submit_commits(
				RuntimeOrigin::signed(agent_pair(1).public()),
				BoundedVec::truncate_from(bad)
			),
			Error::<Test>::BadSignature
		);
		assert_ok!(GpuProof::submit_commits(
			RuntimeOrigin::signed(agent_pair(1).public()),
			BoundedVec::truncate_from(submissions)
		));
		assert!((1..=3).all(|gpu| GpuProof::commit_of(gpu, 1).is_some()));
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run(|| {
		start_epoch();
		assert_noop!(
			GpuProof::submit_commit(RuntimeOrigin::none(), 1, 1, [0; 32], [0; 64]),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn challenge_of_tells_the_agent_its_seed_deadline_and_commitment() {
	run(|| {
		assert_eq!(GpuProof::challenge_of(1), None, "no epoch yet");
		start_epoch();
		let view = GpuProof::challenge_of(1).unwrap();
		assert_eq!((view.epoch, view.start, view.params), (1, 20, PARAMS));
		assert_eq!(view.seed, GpuProof::seed_of(1).unwrap().1);
		assert_eq!(view.deadline_block, 20 + u64::from(DEADLINE));
		assert_eq!((view.beacon_block, view.next_start), (20 + WINDOW, 40));
		assert_eq!((view.beacon, view.committed, view.sampled), (None, None, None));
		let commitment = commit(1);
		assert_eq!(GpuProof::challenge_of(1).unwrap().committed, Some(commitment.root()));
		to_beacon();
		let view = GpuProof::challenge_of(1).unwrap();
		assert!(view.beacon.is_some());
		assert_eq!(view.sampled, Some(true), "the mock opens every GPU");
		// Inactive GPUs and GPUs without a challenge have none.
		with_gpu(2, |g| g.active = false);
		assert_eq!(GpuProof::challenge_of(2), None);
		with_gpu(3, |g| g.params = None);
		assert_eq!(GpuProof::challenge_of(3), None);
		assert_eq!(GpuProof::challenge_of(99), None);
	});
}
