//! Fraud proofs: runtime-checked, slashing.

use super::*;
use frame_support::{assert_noop, BoundedVec};
use heliox_gpu_proof::{decode_opening, Opening};
use sp_runtime::Perbill;

const REPORTER: u8 = 50;

fn reporter() -> AccountId {
	verifier_pair(REPORTER).public()
}

fn report(
	gpu: GpuId,
	epoch: u64,
	commit: SignedRoot,
	index: u32,
	bytes: Vec<u8>,
	sig: [u8; 64],
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	GpuProof::report_fraud(
		RuntimeOrigin::signed(reporter()),
		gpu,
		epoch,
		commit.root,
		commit.signature,
		index,
		BoundedVec::truncate_from(bytes),
		sig,
	)
}

/// The agent of `gpu` signs `bytes` as its answer to sample `index` of the current epoch.
fn agent_sign(gpu: GpuId, index: u32, bytes: &[u8]) -> [u8; 64] {
	agent_pair(gpu).sign(&opening_message(gpu.into(), current_epoch(), index, bytes)).0
}

/// What a verifier judges GPU 1's answers against.
fn judged(commit: SignedRoot) -> Judged {
	Judged { commit, params: PARAMS, agent_key: agent_pair(1).public().0 }
}

/// A cheater that skipped all the work commits for GPU 1; returns its signed commit and answer.
fn cheater() -> (SignedRoot, OpeningsResponse) {
	start_epoch();
	let backend = SkippingBackend { skip_ppm: 1_000_000 };
	let commitment = commit_with(1, backend);
	let commit = signed_root(1, &commitment);
	to_beacon();
	(commit, response_with(1, &commitment, backend))
}

#[test]
fn a_cheater_is_slashed_by_a_runtime_checked_fraud_proof() {
	run(|| {
		let (commit, answer) = cheater();
		let signed = &answer.openings[0];
		let info = report(1, 1, commit, 0, signed.opening.clone(), signed.signature).unwrap();
		// A proven fraud costs the reporter nothing.
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(slashed(), vec![(1, Perbill::from_percent(10), Some(reporter()))]);
		assert!(events().contains(&Event::FraudProven {
			gpu: 1,
			epoch: 1,
			reporter: reporter(),
			slashed: 100
		}));
		assert_eq!(ProvenFraud::<Test>::get(1), Some(1));
		// Once per GPU and epoch.
		let signed = &answer.openings[1];
		assert_noop!(
			report(1, 1, commit, 1, signed.opening.clone(), signed.signature),
			Error::<Test>::FraudAlreadyProven
		);
	});
}

#[test]
fn a_partial_cheater_is_caught() {
	run(|| {
		start_epoch();
		let backend = SkippingBackend { skip_ppm: 500_000 };
		let commitment = commit_with(1, backend);
		let commit = signed_root(1, &commitment);
		to_beacon();
		let answer = response_with(1, &commitment, backend);
		let (_, info) = GpuProof::current_epoch().unwrap();
		let (verdict, evidence) =
			GpuProof::judge(1, 1, &info, &beacon(), &judged(commit), &answer.encode());
		// 4 samples, half the entries wrong: caught unless all 4 hit good entries (6 %).
		assert_eq!(verdict, Verdict::Fail);
		let evidence = evidence.unwrap();
		assert_eq!(evidence.commit, commit);
		assert_ok!(report(
			1,
			1,
			evidence.commit,
			evidence.index,
			evidence.opening,
			evidence.signature
		));
		assert_eq!(slashed().len(), 1);
	});
}

#[test]
fn an_honest_opening_is_not_fraud() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		let commit = signed_root(1, &commitment);
		to_beacon();
		let answer = response_with(1, &commitment, CpuBackend);
		let signed = &answer.openings[2];
		assert_noop!(
			report(1, 1, commit, 2, signed.opening.clone(), signed.signature),
			Error::<Test>::NotFraud
		);
		let (_, info) = GpuProof::current_epoch().unwrap();
		assert_eq!(
			GpuProof::judge(1, 1, &info, &beacon(), &judged(commit), &answer.encode()),
			(Verdict::Pass, None)
		);
	});
}

#[test]
fn a_tampered_opening_is_invalid_not_fraud() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		let commit = signed_root(1, &commitment);
		to_beacon();
		let answer = response_with(1, &commitment, CpuBackend);
		let mut opening: Opening = decode_opening(&PARAMS, &answer.openings[0].opening).unwrap();
		let i = opening.i as usize;
		opening.col_next_j[i] = if opening.col_next_j[i] == 0 { 1 } else { 0 };
		let bytes = opening.encode();
		// Even signed by the agent: the column no longer matches the commitment.
		assert_noop!(
			report(1, 1, commit, 0, bytes.clone(), agent_sign(1, 0, &bytes)),
			Error::<Test>::InvalidOpening
		);
		// A verifier judges such an answer as no response.
		let mut tampered = answer.clone();
		tampered.openings[0] =
			SignedOpening { index: 0, signature: agent_sign(1, 0, &bytes), opening: bytes };
		let (_, info) = GpuProof::current_epoch().unwrap();
		assert_eq!(
			GpuProof::judge(1, 1, &info, &beacon(), &judged(commit), &tampered.encode()).0,
			Verdict::NoResponse
		);
		// So is an answer for another root than the one collected at the deadline.
		let other = SignedRoot { root: [7; 32], signature: sign_commit(1, 1, &[7; 32]) };
		assert_eq!(
			GpuProof::judge(1, 1, &info, &beacon(), &judged(other), &answer.encode()).0,
			Verdict::NoResponse
		);
	});
}

#[test]
fn fraud_proofs_are_checked() {
	run(|| {
		let (commit, answer) = cheater();
		let signed = answer.openings[0].clone();
		let bytes = signed.opening.clone();
		let sig = signed.signature;
		// The commit must be the agent's, for this GPU and epoch.
		let foreign = SignedRoot { root: commit.root, signature: sign_commit(2, 1, &commit.root) };
		assert_noop!(
			report(1, 1, foreign, 0, bytes.clone(), sig),
			Error::<Test>::BadCommitSignature
		);
		let other_root = SignedRoot { root: [9; 32], signature: commit.signature };
		assert_noop!(
			report(1, 1, other_root, 0, bytes.clone(), sig),
			Error::<Test>::BadCommitSignature
		);
		assert_noop!(
			report(2, 1, commit, 0, bytes.clone(), sig),
			Error::<Test>::BadCommitSignature
		);
		assert_noop!(report(1, 1, commit, 0, vec![0; 5_000], sig), Error::<Test>::OpeningTooLarge);
		assert_noop!(
			report(1, 1, commit, 4, bytes.clone(), agent_sign(1, 4, &bytes)),
			Error::<Test>::BadSampleIndex
		);
		// Forged: signed by another key, or the signature of another index.
		let forged = agent_pair(2).sign(&opening_message(1, 1, 0, &bytes)).0;
		assert_noop!(report(1, 1, commit, 0, bytes.clone(), forged), Error::<Test>::BadSignature);
		assert_noop!(
			report(1, 1, commit, 0, bytes.clone(), answer.openings[1].signature),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			report(1, 1, commit, 0, vec![1, 2, 3], agent_sign(1, 0, &[1, 2, 3])),
			Error::<Test>::MalformedOpening
		);
		// Opening 1 presented as the answer to sample 0.
		let other = answer.openings[1].opening.clone();
		assert_ne!(
			decode_opening(&PARAMS, &other).unwrap().j,
			decode_opening(&PARAMS, &bytes).unwrap().j
		);
		assert_noop!(
			report(1, 1, commit, 0, other.clone(), agent_sign(1, 0, &other)),
			Error::<Test>::PositionMismatch
		);
		// The GPU's registration must still give its key and a valid challenge.
		with_gpu(1, |g| g.key = None);
		assert_noop!(report(1, 1, commit, 0, bytes.clone(), sig), Error::<Test>::NoAgentKey);
		with_gpu(1, |g| g.key = Some(agent_pair(1).public().0));
		with_gpu(1, |g| g.params = None);
		assert_noop!(report(1, 1, commit, 0, bytes.clone(), sig), Error::<Test>::NoChallengeParams);
		with_gpu(1, |g| g.params = Some(ChallengeParams { n: 0, ..PARAMS }));
		assert_noop!(
			report(1, 1, commit, 0, bytes.clone(), sig),
			Error::<Test>::InvalidChallengeParams
		);
		with_gpu(1, |g| g.params = Some(PARAMS));
		SLASH_FAILS.with(|f| *f.borrow_mut() = true);
		assert_noop!(report(1, 1, commit, 0, bytes.clone(), sig), Error::<Test>::SlashFailed);
		SLASH_FAILS.with(|f| *f.borrow_mut() = false);
		assert_ok!(report(1, 1, commit, 0, bytes, sig));
	});
}

#[test]
fn fraud_proofs_need_the_beacon_and_a_kept_epoch() {
	run(|| {
		start_epoch();
		let backend = SkippingBackend { skip_ppm: 1_000_000 };
		let commitment = commit_with(1, backend);
		let commit = signed_root(1, &commitment);
		// Before the beacon no position is fixed.
		let fake = OpeningsResponse { gpu: 1, epoch: 1, root: commitment.root(), openings: vec![] };
		let bytes = fake.encode();
		assert_noop!(
			report(1, 1, commit, 0, bytes.clone(), agent_sign(1, 0, &bytes)),
			Error::<Test>::BeaconNotSet
		);
		to_beacon();
		let answer = response_with(1, &commitment, backend);
		// Three epochs later the epoch's randomness is gone.
		run_to_block(80);
		let signed = &answer.openings[0];
		assert_noop!(
			report(1, 1, commit, 0, signed.opening.clone(), signed.signature),
			Error::<Test>::EpochExpired
		);
	});
}

#[test]
fn a_fraud_proof_is_accepted_in_a_later_epoch_but_not_for_an_older_one() {
	run(|| {
		let (commit, answer) = cheater();
		// The next epoch starts: the fraud of epoch 1 is still provable.
		start_epoch();
		let signed = &answer.openings[3];
		assert_ok!(report(1, 1, commit, 3, signed.opening.clone(), signed.signature));
		// A proof for epoch 2 would still be accepted, one for epoch 0 not (none is older than a
		// proven one).
		ProvenFraud::<Test>::insert(1, 2);
		assert_noop!(
			report(1, 1, commit, 3, signed.opening.clone(), signed.signature),
			Error::<Test>::FraudAlreadyProven
		);
	});
}
