//! End-to-end scenarios over several epochs.

use super::*;

#[test]
fn an_honest_agent_passes_epoch_after_epoch() {
	run(|| {
		for epoch in 1..=4u64 {
			start_epoch();
			let commitment = commit(1);
			let collected = signed_root(1, &commitment);
			to_beacon();
			// Every assigned verifier checks the signed openings and votes pass.
			let answer = response_with(1, &commitment, CpuBackend).encode();
			let (_, info) = GpuProof::current_epoch().unwrap();
			let judged =
				Judged { commit: collected, params: PARAMS, agent_key: agent_pair(1).public().0 };
			assert_eq!(
				GpuProof::judge(1, epoch, &info, &beacon(), &judged, &answer).0,
				Verdict::Pass
			);
			vote(1, Verdict::Pass, &assigned(1));
			GpuProof::do_try_state().unwrap();
		}
		assert_eq!(verified(), vec![(1, 1), (1, 2), (1, 3), (1, 4)]);
		assert!(slashed().is_empty() && suspended().is_empty());
	});
}

#[test]
fn a_gpu_that_stops_answering_is_suspended() {
	run(|| {
		for _ in 0..2 {
			start_epoch();
			commit(3);
			to_beacon();
			// The agent committed but serves nothing: no response.
			vote(3, Verdict::NoResponse, &assigned(3)[..2]);
		}
		assert_eq!(suspended(), vec![3]);
	});
}

#[test]
fn a_minority_of_lying_verifiers_cannot_fail_an_honest_gpu() {
	run(|| {
		start_epoch();
		commit(1);
		to_beacon();
		let voters = assigned(1);
		vote(1, Verdict::NoResponse, &voters[..1]);
		vote(1, Verdict::Pass, &voters[1..]);
		assert_eq!(verified(), vec![(1, 1)]);
		assert_eq!(Misses::<Test>::get(1), None);
	});
}
