//! What an agent needs to know (its challenge and deadline) and what its verifiers accept as
//! its commit.

use super::*;

#[test]
fn challenge_of_tells_the_agent_its_seed_deadline_and_verifiers() {
	run(|| {
		assert_eq!(GpuProof::challenge_of(1), None, "no epoch yet");
		start_epoch();
		let view = GpuProof::challenge_of(1).unwrap();
		assert_eq!((view.epoch, view.start, view.params), (1, 20, PARAMS));
		assert_eq!(view.seed, GpuProof::seed_of(1).unwrap().1);
		assert_eq!(view.deadline_block, 20 + u64::from(DEADLINE));
		assert_eq!((view.beacon_block, view.next_start), (20 + WINDOW, 40));
		assert_eq!((view.beacon, view.sampled), (None, None));
		assert_eq!(view.assigned, assigned(1).iter().map(|(i, _)| *i).collect::<Vec<_>>());
		assert_eq!(view.assigned.len(), 3);
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

#[test]
fn deadlines_are_capped_before_the_beacon() {
	run(|| {
		start_epoch();
		with_gpu(1, |g| g.deadline = 1_000);
		assert_eq!(GpuProof::challenge_of(1).unwrap().deadline_block, 20 + WINDOW - 1);
		assert_eq!(GpuProof::deadline_block(20, 3), 23);
	});
}

#[test]
fn only_a_commit_signed_by_the_agent_key_for_this_gpu_and_epoch_is_kept() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		let answer = commit_answer(1, &commitment);
		let kept = GpuProof::check_commit(1, 1, &answer).unwrap();
		assert_eq!(kept.root, commitment.root());
		assert_eq!(
			kept.encode(),
			answer[16..].to_vec(),
			"root and signature as the agent sent them"
		);
		// For another GPU or epoch, signed by another key, truncated, or with trailing bytes.
		assert_eq!(GpuProof::check_commit(2, 1, &answer), None);
		assert_eq!(GpuProof::check_commit(1, 2, &answer), None);
		let mut forged = heliox_gpu_proof::SignedCommit::decode(&mut &answer[..]).unwrap();
		forged.signature = sign_commit(2, 1, &forged.root);
		assert_eq!(GpuProof::check_commit(1, 1, &forged.encode()), None);
		assert_eq!(GpuProof::check_commit(1, 1, &answer[..answer.len() - 1]), None);
		let mut long = answer.clone();
		long.push(0);
		assert_eq!(GpuProof::check_commit(1, 1, &long), None);
		// A GPU without an agent key has no valid commit.
		with_gpu(1, |g| g.key = None);
		assert_eq!(GpuProof::check_commit(1, 1, &answer), None);
	});
}

#[test]
fn nothing_is_written_on_chain_per_gpu_before_the_verdicts() {
	run(|| {
		start_epoch();
		to_beacon();
		assert_eq!(Tallies::<Test>::iter().count(), 0);
		assert_eq!(Misses::<Test>::iter().count(), 0);
		assert_eq!(ProvenFraud::<Test>::iter().count(), 0);
	});
}
