//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants at the end
//! ([`crate::mock::run`]); every `Error` variant has an `assert_noop!` test (storage unchanged).

mod collect;
mod cost;
mod epochs;
mod fraud;
mod offchain;
mod scenarios;
mod session;
mod verdicts;

use crate::{mock::*, *};
use codec::{Decode, Encode};
use frame_support::assert_ok;
use heliox_gpu_proof::{
	commit_message, open_positions, opening_message, sample_positions, Commitment, ComputeBackend,
	CpuBackend, Hash, OpeningsResponse, SignedOpening, Workload,
};
use sp_core::Pair;

pub use heliox_gpu_proof::SkippingBackend;

/// Runs `gpu`'s chain for the current epoch on `backend` and returns the commitment.
pub fn compute<B: ComputeBackend>(gpu: GpuId, backend: B) -> Commitment
where
	B::Error: core::fmt::Debug,
{
	let (_, seed) = GpuProof::seed_of(gpu).expect("an epoch is open");
	Workload::new(PARAMS, seed, backend).unwrap().run().unwrap()
}

/// The agent's signature over its commit.
pub fn sign_commit(gpu: GpuId, epoch: u64, root: &Hash) -> [u8; 64] {
	agent_pair(gpu).sign(&commit_message(gpu.into(), epoch, root)).0
}

/// Computes `gpu`'s chain for the current epoch with `backend` (what its agent commits to).
pub fn commit_with<B: ComputeBackend>(gpu: GpuId, backend: B) -> Commitment
where
	B::Error: core::fmt::Debug,
{
	compute(gpu, backend)
}

/// Honest commitment.
pub fn commit(gpu: GpuId) -> Commitment {
	commit_with(gpu, CpuBackend)
}

/// The agent-signed root of `commitment` for the current epoch (what verifiers collect).
pub fn signed_root(gpu: GpuId, commitment: &Commitment) -> SignedRoot {
	let root = commitment.root();
	SignedRoot { root, signature: sign_commit(gpu, current_epoch(), &root) }
}

/// The agent's `/pog/commit` answer for `commitment` in the current epoch.
pub fn commit_answer(gpu: GpuId, commitment: &Commitment) -> Vec<u8> {
	let signed = signed_root(gpu, commitment);
	heliox_gpu_proof::SignedCommit {
		gpu: gpu.into(),
		epoch: current_epoch(),
		root: signed.root,
		signature: signed.signature,
	}
	.encode()
}

/// The current epoch number.
pub fn current_epoch() -> u64 {
	GpuProof::current_epoch().expect("an epoch is open").0
}

/// The current epoch's beacon.
pub fn beacon() -> Hash {
	GpuProof::current_epoch().and_then(|(_, info)| info.beacon).expect("beacon fixed")
}

/// The agent's answer to `/pog/openings` for the current epoch, computed with `backend`.
pub fn response_with<B: ComputeBackend>(
	gpu: GpuId,
	commitment: &Commitment,
	backend: B,
) -> OpeningsResponse
where
	B::Error: core::fmt::Debug,
{
	let (epoch, seed) = GpuProof::seed_of(gpu).unwrap();
	let positions = sample_positions(&beacon(), &commitment.root(), gpu.into(), &PARAMS).unwrap();
	let openings = open_positions(PARAMS, seed, backend, commitment, &positions).unwrap();
	OpeningsResponse {
		gpu: gpu.into(),
		epoch,
		root: commitment.root(),
		openings: openings
			.iter()
			.enumerate()
			.map(|(k, opening)| {
				let bytes = opening.encode();
				let signature =
					agent_pair(gpu).sign(&opening_message(gpu.into(), epoch, k as u32, &bytes)).0;
				SignedOpening { index: k as u32, opening: bytes, signature }
			})
			.collect(),
	}
}

/// Opens the first epoch (block 20) .
pub fn start_epoch() {
	let next = (System::block_number() / PERIOD + 1) * PERIOD;
	run_to_block(next);
}

/// Advances to the current epoch's beacon block.
pub fn to_beacon() {
	let (_, info) = GpuProof::current_epoch().unwrap();
	run_to_block(info.start + WINDOW);
}

/// The verifier accounts assigned to `gpu` this epoch (from the epoch randomness), with their
/// indices.
pub fn assigned(gpu: GpuId) -> Vec<(u32, AccountId)> {
	let verifiers = Verifiers::<Test>::get();
	let (_, info) = GpuProof::current_epoch().expect("an epoch is open");
	GpuProof::assigned_verifiers(&info.randomness, gpu)
		.into_iter()
		.map(|index| (index, GpuProof::verifier_account(&verifiers[index as usize])))
		.collect()
}

/// Submits `verdict` on `gpu` from each of the given verifier accounts.
pub fn vote(gpu: GpuId, verdict: Verdict, voters: &[(u32, AccountId)]) {
	let epoch = current_epoch();
	for (_, who) in voters {
		assert_ok!(GpuProof::submit_verdicts(
			RuntimeOrigin::signed(*who),
			epoch,
			vec![(gpu, verdict)].try_into().unwrap(),
		));
	}
}

/// The verifier account with index `index` in the current set.
pub fn verifier_account(index: usize) -> AccountId {
	GpuProof::verifier_account(&Verifiers::<Test>::get()[index])
}

pub fn slashed() -> Vec<(GpuId, sp_runtime::Perbill, Option<AccountId>)> {
	SLASHED.with(|s| s.borrow().clone())
}
pub fn suspended() -> Vec<GpuId> {
	SUSPENDED.with(|s| s.borrow().clone())
}
pub fn verified() -> Vec<(GpuId, u64)> {
	VERIFIED.with(|s| s.borrow().clone())
}
