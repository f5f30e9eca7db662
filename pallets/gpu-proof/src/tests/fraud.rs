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
	index: u32,
	bytes: Vec<u8>,
	sig: [u8; 64],
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	GpuProof::report_fraud(
		RuntimeOrigin::signed(reporter()),
		gpu,
		epoch,
		index,
		BoundedVec::truncate_from(bytes),
		sig,
	)
}

/// The agent of `gpu` signs `bytes` as its answer to sample `index` of the current epoch.
fn agent_sign(gpu: GpuId, index: u32, bytes: &[u8]) -> [u8; 64] {
	agent_pair(gpu).sign(&opening_message(gpu.into(), current_epoch(), index, bytes)).0
}

/// A cheater that skipped all the work commits for GPU 1; returns its signed answer.
fn cheater() -> OpeningsResponse {
	start_epoch();
	let backend = SkippingBackend { skip_ppm: 1_000_000 };
	let commitment = commit_with(1, backend);
	to_beacon();
	response_with(1, &commitment, backend)
}

#[test]
fn a_cheater_is_slashed_by_a_runtime_checked_fraud_proof() {
	run(|| {
		let answer = cheater();
		let signed = &answer.openings[0];
		let info = report(1, 1, 0, signed.opening.clone(), signed.signature).unwrap();
		// A proven fraud costs the reporter nothing.
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(slashed(), vec![(1, Perbill::from_percent(10), Some(reporter()))]);
		assert!(events().contains(&Event::FraudProven {
			gpu: 1,
			epoch: 1,
			reporter: reporter(),
			slashed: 100
		}));
		assert!(GpuProof::commit_of(1, 1).unwrap().fraud_proven);
		// Once per commitment.
		let signed = &answer.openings[1];
		assert_noop!(
			report(1, 1, 1, signed.opening.clone(), signed.signature),
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
		to_beacon();
		let answer = response_with(1, &commitment, backend);
		let (_, info) = GpuProof::current_epoch().unwrap();
		let record = GpuProof::commit_of(1, 1).unwrap();
		let (verdict, evidence) =
			GpuProof::judge(1, 1, &info, &beacon(), &record, &answer.encode());
		// 4 samples, half the entries wrong: caught unless all 4 hit good entries (6 %).
		assert_eq!(verdict, Verdict::Fail);
		let evidence = evidence.unwrap();
		assert_ok!(report(1, 1, evidence.index, evidence.opening, evidence.signature));
		assert_eq!(slashed().len(), 1);
	});
}

#[test]
fn an_honest_opening_is_not_fraud() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		to_beacon();
		let answer = response_with(1, &commitment, CpuBackend);
		let signed = &answer.openings[2];
		assert_noop!(
			report(1, 1, 2, signed.opening.clone(), signed.signature),
			Error::<Test>::NotFraud
		);
	});
}

#[test]
fn a_tampered_opening_is_invalid_not_fraud() {
	run(|| {
		start_epoch();
		let commitment = commit(1);
		to_beacon();
		let answer = response_with(1, &commitment, CpuBackend);
		let mut opening: Opening = decode_opening(&PARAMS, &answer.openings[0].opening).unwrap();
		let i = opening.i as usize;
		opening.col_next_j[i] = if opening.col_next_j[i] == 0 { 1 } else { 0 };
		let bytes = opening.encode();
		// Even signed by the agent: the column no longer matches the commitment.
		assert_noop!(
			report(1, 1, 0, bytes.clone(), agent_sign(1, 0, &bytes)),
			Error::<Test>::InvalidOpening
		);
		// A verifier judges such an answer as no response.
		let mut tampered = answer.clone();
		tampered.openings[0] =
			SignedOpening { index: 0, signature: agent_sign(1, 0, &bytes), opening: bytes };
		let (_, info) = GpuProof::current_epoch().unwrap();
		let record = GpuProof::commit_of(1, 1).unwrap();
		assert_eq!(
			GpuProof::judge(1, 1, &info, &beacon(), &record, &tampered.encode()).0,
			Verdict::NoResponse
		);
		assert_eq!(
			GpuProof::judge(1, 1, &info, &beacon(), &record, &answer.encode()).0,
			Verdict::Pass
		);
	});
}

#[test]
fn fraud_proofs_are_checked() {
	run(|| {
		let answer = cheater();
		let signed = answer.openings[0].clone();
		let bytes = signed.opening.clone();
		assert_noop!(report(2, 1, 0, bytes.clone(), signed.signature), Error::<Test>::NoCommit);
		assert_noop!(report(1, 2, 0, bytes.clone(), signed.signature), Error::<Test>::NoCommit);
		assert_noop!(
			report(1, 1, 0, vec![0; 5_000], signed.signature),
			Error::<Test>::OpeningTooLarge
		);
		assert_noop!(
			report(1, 1, 4, bytes.clone(), agent_sign(1, 4, &bytes)),
			Error::<Test>::BadSampleIndex
		);
		// Forged: signed by another key, or the signature of another index.
		let forged = agent_pair(2).sign(&opening_message(1, 1, 0, &bytes)).0;
		assert_noop!(report(1, 1, 0, bytes.clone(), forged), Error::<Test>::BadSignature);
		assert_noop!(
			report(1, 1, 0, bytes.clone(), answer.openings[1].signature),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			report(1, 1, 0, vec![1, 2, 3], agent_sign(1, 0, &[1, 2, 3])),
			Error::<Test>::MalformedOpening
		);
		// Opening 1 presented as the answer to sample 0.
		let other = answer.openings[1].opening.clone();
		assert_ne!(
			decode_opening(&PARAMS, &other).unwrap().j,
			decode_opening(&PARAMS, &bytes).unwrap().j
		);
		assert_noop!(
			report(1, 1, 0, other.clone(), agent_sign(1, 0, &other)),
			Error::<Test>::PositionMismatch
		);
		SLASH_FAILS.with(|f| *f.borrow_mut() = true);
		assert_noop!(report(1, 1, 0, bytes.clone(), signed.signature), Error::<Test>::SlashFailed);
		SLASH_FAILS.with(|f| *f.borrow_mut() = false);
		assert_ok!(report(1, 1, 0, bytes, signed.signature));
	});
}

#[test]
fn fraud_proofs_need_the_beacon_and_a_kept_epoch() {
	run(|| {
		start_epoch();
		let backend = SkippingBackend { skip_ppm: 1_000_000 };
		let commitment = commit_with(1, backend);
		// Before the beacon no position is fixed.
		let fake = OpeningsResponse { gpu: 1, epoch: 1, root: commitment.root(), openings: vec![] };
		let bytes = fake.encode();
		assert_noop!(
			report(1, 1, 0, bytes.clone(), agent_sign(1, 0, &bytes)),
			Error::<Test>::BeaconNotSet
		);
		to_beacon();
		let answer = response_with(1, &commitment, backend);
		// Three epochs later the epoch's randomness is gone (the GPU never committed again).
		run_to_block(80);
		let signed = &answer.openings[0];
		assert_noop!(
			report(1, 1, 0, signed.opening.clone(), signed.signature),
			Error::<Test>::EpochExpired
		);
	});
}

#[test]
fn a_fraud_proof_survives_a_key_rotation_and_the_next_commit() {
	run(|| {
		let answer = cheater();
		// The agent rotates its key and commits again in the next epoch.
		start_epoch();
		with_gpu(1, |gpu| gpu.key = Some(agent_pair(99).public().0));
		let signed = &answer.openings[3];
		assert_ok!(report(1, 1, 3, signed.opening.clone(), signed.signature));
	});
}
