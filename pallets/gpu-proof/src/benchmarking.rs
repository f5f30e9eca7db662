//! Benchmarks of every call and of the epoch hooks (frame-benchmarking v2).
//!
//! Worst cases: every verdict of a report settles its GPU (the other assigned verifiers already
//! voted one short of the quorum) and clears a miss counter, in a block that already admitted
//! verdicts; a fraud proof is at step 0 (its `X_0` columns are also recomputed from the PRF) and
//! its cost grows with the matrix dimension `n` of the opening; the epoch-start hook rotates a
//! full epoch history.

#![allow(
	clippy::arithmetic_side_effects,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic
)]

use super::*;
use crate::pallet::{Epochs, Misses, ProvenFraud, Tallies, VerdictLoad, VerifierSetId};
use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use heliox_gpu_proof::{
	challenge_seed, column_leaves, commit_message, next_entry, opening_message, quorum, r_entry,
	sample_position, Commitment, Hash, Matrix, MatrixPrf, MerkleTree, Opening, Tally,
};
use sp_core::crypto::KeyTypeId;
use sp_runtime::{
	traits::{One, Zero},
	RuntimeAppPublic,
};

/// Keystore key type of the benchmarks' agent keys.
const AGENT: KeyTypeId = KeyTypeId(*b"gpab");
/// The epoch the benchmarks run in.
const EPOCH: EpochIndex = 3;

fn agent_key() -> [u8; 32] {
	sp_io::crypto::sr25519_generate(AGENT, None).0
}

fn agent_sign(key: &[u8; 32], message: &[u8]) -> [u8; 64] {
	sp_io::crypto::sr25519_sign(AGENT, &sp_core::sr25519::Public::from_raw(*key), message)
		.expect("the key is in the keystore")
		.0
}

fn params() -> ChallengeParams {
	ChallengeParams { n: 16, lag: 2, steps: 8, samples: 8 }
}

/// Puts epoch `EPOCH` (with `beacon`) as the current epoch, the full history before it, and
/// sets the block to `offset` blocks after its start.
fn open_epoch<T: Config>(beacon: Option<Hash>, offset: BlockNumberFor<T>) -> BlockNumberFor<T> {
	let period = Pallet::<T>::challenge_period();
	let epochs = (EPOCH - 2..=EPOCH)
		.map(|e| {
			let start = period * BlockNumberFor::<T>::from(e as u32);
			(e, EpochInfo { start, randomness: [e as u8; 32], beacon })
		})
		.collect::<Vec<_>>();
	let start = epochs.last().unwrap().1.start;
	Epochs::<T>::put(BoundedVec::truncate_from(epochs));
	frame_system::Pallet::<T>::set_block_number(start + offset);
	start
}

/// An Active GPU with a fresh agent key in the keystore.
fn gpu<T: Config>(i: u32, params: ChallengeParams) -> (T::GpuId, [u8; 32]) {
	let gpu = T::BenchmarkHelper::gpu_id(i);
	let key = agent_key();
	T::BenchmarkHelper::activate_gpu(&gpu, key, params, 1);
	(gpu, key)
}

/// `count` verifiers; returns the first one's account.
fn verifiers<T: Config>(count: u32) -> T::AccountId {
	let keys: Vec<T::AuthorityId> =
		(0..count).map(|_| T::AuthorityId::generate_pair(None)).collect();
	Pallet::<T>::set_verifiers(keys.clone().into_iter());
	Pallet::<T>::verifier_account(&keys[0])
}

/// A fraudulent opening of dimension `n` at step 0 for `gpu` in epoch `EPOCH` (the GPU's model
/// gets the matching challenge), the agent-signed commitment, and the agent's signature over
/// the opening.
fn fraud<T: Config>(n: u32, gpu: T::GpuId, key: [u8; 32]) -> (SignedRoot, Vec<u8>, [u8; 64]) {
	let params = ChallengeParams { n, lag: 1, steps: 1, samples: 1 };
	T::BenchmarkHelper::activate_gpu(&gpu, key, params, 1);
	let (_, info) = Pallet::<T>::current_epoch().unwrap();
	let seed = challenge_seed(&info.randomness, gpu.into(), EPOCH);
	let mut x0 = Matrix::zeroed(n);
	MatrixPrf::initial(&seed, n).fill_from(0, x0.as_column_major_mut());
	// The cheater skips the product: X_1 = X_0 (wrong at almost every entry).
	let x1 = x0.clone();
	let tree0 = MerkleTree::from_leaves(column_leaves(0, &x0));
	let tree1 = MerkleTree::from_leaves(column_leaves(1, &x1));
	let commitment = Commitment::from_step_roots(vec![tree0.root(), tree1.root()]);
	let root = commitment.root();
	// Pick a beacon whose sampled entry is wrong (250 in 251 are).
	let mut salt = 0u8;
	let (beacon, i, j) = loop {
		let beacon = [salt; 32];
		let position = sample_position(&beacon, &root, gpu.into(), &params, 0).unwrap();
		let (i, j) = (position.i, position.j);
		let dot: i64 = x0
			.column(i)
			.unwrap()
			.iter()
			.zip(x0.column(j).unwrap())
			.map(|(&a, &b)| i64::from(a) * i64::from(b))
			.sum();
		if next_entry(dot, r_entry(&seed, n, 0, i, j)) != x1.get(i, j).unwrap() {
			break (beacon, i, j);
		}
		salt += 1;
	};
	Epochs::<T>::mutate(|epochs| epochs.last_mut().unwrap().1.beacon = Some(beacon));
	// A fraud proven in an older epoch: the check reads it, the proof overwrites it.
	ProvenFraud::<T>::insert(gpu, EPOCH - 1);
	let commit =
		SignedRoot { root, signature: agent_sign(&key, &commit_message(gpu.into(), EPOCH, &root)) };
	let opening = Opening {
		t: 0,
		i,
		j,
		col_xt_i: x0.column(i).unwrap().to_vec(),
		col_lag_j: x0.column(j).unwrap().to_vec(),
		col_next_j: x1.column(j).unwrap().to_vec(),
		path_xt_i: tree0.path(i).unwrap(),
		path_lag_j: tree0.path(j).unwrap(),
		path_next_j: tree1.path(j).unwrap(),
		root_t: tree0.root(),
		root_lag: tree0.root(),
		root_next: tree1.root(),
		step_path_t: commitment.step_path(0).unwrap(),
		step_path_lag: commitment.step_path(0).unwrap(),
		step_path_next: commitment.step_path(1).unwrap(),
	}
	.encode();
	let signature = agent_sign(&key, &opening_message(gpu.into(), EPOCH, 0, &opening));
	(commit, opening, signature)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit_verdicts(v: Linear<1, { T::MaxVerdicts::get() }>) {
		let beacon = [42u8; 32];
		open_epoch::<T>(Some(beacon), Pallet::<T>::commit_window());
		let count = T::VerifiersPerGpu::get().min(T::MaxVerifiers::get());
		let reporter = verifiers::<T>(count);
		let assigned = Pallet::<T>::assigned_count();
		let set_id = VerifierSetId::<T>::get();
		let (_, info) = Pallet::<T>::current_epoch().unwrap();
		let mut verdicts = Vec::new();
		let mut i = 0;
		while (verdicts.len() as u32) < v {
			let gpu = T::BenchmarkHelper::gpu_id(i);
			i += 1;
			if !Pallet::<T>::is_sampled(&beacon, gpu) {
				continue;
			}
			let Some(slot) = Pallet::<T>::slot_of(&info.randomness, gpu, 0) else {
				continue;
			};
			let key = agent_key();
			T::BenchmarkHelper::activate_gpu(&gpu, key, params(), 1);
			// The others voted one short of the quorum: this verdict settles.
			let mut tally = Tally::default();
			for other in (0..assigned).filter(|s| *s != slot).take(quorum(assigned) as usize - 1) {
				tally.record(other, Verdict::Pass, assigned).unwrap();
			}
			Tallies::<T>::insert(gpu, GpuTally { epoch: EPOCH, set_id, tally });
			Misses::<T>::insert(gpu, 1);
			verdicts.push((gpu, Verdict::Pass));
		}
		let first = verdicts[0].0;
		// Verdicts were already admitted in this block (the load is read and added to).
		let now = frame_system::Pallet::<T>::block_number();
		VerdictLoad::<T>::put((now, Pallet::<T>::chunk_weight(1)));

		#[extrinsic_call]
		_(RawOrigin::Signed(reporter), EPOCH, BoundedVec::truncate_from(verdicts));

		assert_eq!(Tallies::<T>::get(first).unwrap().tally.outcome, Some(Outcome::Passed));
	}

	#[benchmark]
	fn report_fraud(n: Linear<2, 1_024>) {
		open_epoch::<T>(Some([0; 32]), Pallet::<T>::commit_window());
		let (gpu, key) = gpu::<T>(0, params());
		let (commit, opening, signature) = fraud::<T>(n, gpu, key);
		let opening = BoundedVec::try_from(opening).expect("MaxOpeningLen fits n = 1024");
		let reporter: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(reporter),
			gpu,
			EPOCH,
			commit.root,
			commit.signature,
			0,
			opening,
			signature,
		);

		assert_eq!(ProvenFraud::<T>::get(gpu), Some(EPOCH));
	}

	#[benchmark]
	fn on_initialize_epoch_start() {
		let start = open_epoch::<T>(Some([1; 32]), Zero::zero());
		let next = start + Pallet::<T>::challenge_period();
		frame_system::Pallet::<T>::set_block_number(next);

		#[block]
		{
			Pallet::<T>::on_epoch_boundaries(next);
		}
	}

	#[benchmark]
	fn on_initialize_beacon() {
		let start = open_epoch::<T>(None, Zero::zero());
		let block = start + Pallet::<T>::commit_window();
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::on_epoch_boundaries(block);
		}
	}

	#[benchmark]
	fn on_initialize_idle() {
		let start = open_epoch::<T>(None, Zero::zero());
		let block = start + One::one();

		#[block]
		{
			Pallet::<T>::on_epoch_boundaries(block);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
