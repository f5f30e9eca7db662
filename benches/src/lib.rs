//! # heliox-benches: inputs of the Heliox benchmarks
//!
//! Criterion benchmarks of the FRAME-free cores live in this crate's `benches/` folder:
//!
//! * `yuma_epoch`: the sparse [`heliox_yuma::run_epoch`] side by side with the dense reference
//!   [`heliox_yuma::dense::run_epoch_dense`], on the subnets built by [`epoch_inputs`];
//! * `vault_ops`: the [`VaultState`] operations on the vault built by [`vault_state`] and the
//!   queues built by [`withdrawal_queue`].
//!
//! This library only builds those inputs, deterministically: the same [`EpochShape`] and seed
//! give the same inputs on every machine and every run, so numbers can be compared across runs.
//! Randomness comes from [`SplitMix64`], a tiny inline generator (no `rand` dependency).
//!
//! Run the benchmarks with `cargo bench -p heliox-benches`; `README.md` beside this crate's
//! manifest has the measured numbers.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

use heliox_vault::{DecimalsOffset, VaultState, WithdrawalRequest};
use heliox_yuma::{EpochInputs, EpochParams, SparseRow, Uid};

/// The seed every benchmark input is generated from.
pub const SEED: u64 = 0x4845_4C49_4F58_0004;

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit generator with a single `u64` of state,
/// good enough for benchmark inputs and identical on every platform.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
	state: u64,
}

impl SplitMix64 {
	/// A generator starting from `seed`.
	pub const fn new(seed: u64) -> Self {
		SplitMix64 { state: seed }
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.state;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A value in `0..bound` (`0` when `bound` is `0`) by Lemire's multiply-shift; its bias,
	/// below `bound / 2^64`, is irrelevant here.
	pub fn below(&mut self, bound: u64) -> u64 {
		let wide = (u128::from(self.next_u64()) * u128::from(bound)) >> 64;
		// `wide < bound`, so it fits.
		wide as u64
	}

	/// A value in `1..=65535`: a non-zero weight or bond.
	pub fn nonzero_u16(&mut self) -> u16 {
		// `1 + below(65535)` is at most 65535.
		(1 + self.below(u64::from(u16::MAX))) as u16
	}
}

/// Draws `count` distinct entries of `pool` by a partial Fisher–Yates shuffle of its first
/// `count` positions and returns them in draw order. `pool` stays a permutation of what it held,
/// so it can serve the next draw without being reset.
fn draw_distinct(rng: &mut SplitMix64, pool: &mut [Uid], count: usize) -> Vec<Uid> {
	assert!(count <= pool.len(), "cannot draw {count} distinct UIDs out of {}", pool.len());
	for k in 0..count {
		let pick = k + rng.below((pool.len() - k) as u64) as usize;
		pool.swap(k, pick);
	}
	pool[..count].to_vec()
}

/// A sparse row on the sorted `uids`, with random non-zero values.
fn random_row(rng: &mut SplitMix64, mut uids: Vec<Uid>) -> SparseRow {
	uids.sort_unstable();
	uids.into_iter().map(|uid| (uid, rng.nonzero_u16())).collect()
}

/// The size of a generated subnet.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct EpochShape {
	/// UIDs on the subnet (`0..n`).
	pub n: u16,
	/// UIDs with stake and a validator permit; only they set weights and hold bonds.
	pub validators: u16,
	/// Weights each validator sets, on distinct UIDs other than its own. Below `n`.
	pub weights_per_validator: u16,
	/// Bonds each validator holds from the previous epoch, on distinct UIDs. At most `n`.
	pub bonds_per_validator: u16,
}

impl EpochShape {
	/// The target size of issue #4: 4096 UIDs, 256 validators setting 1024 weights each.
	pub const ISSUE_TARGET: Self = EpochShape {
		n: 4096,
		validators: 256,
		weights_per_validator: 1024,
		bonds_per_validator: 512,
	};
	/// A small subnet: 256 UIDs, 64 validators setting 128 weights each.
	pub const SMALL: Self =
		EpochShape { n: 256, validators: 64, weights_per_validator: 128, bonds_per_validator: 64 };
	/// The largest possible subnet (`n = u16::MAX`) with the issue's validator load; too large
	/// for the dense reference (`n²` matrices of 32 GiB each).
	pub const MAX_UIDS: Self = EpochShape {
		n: u16::MAX,
		validators: 256,
		weights_per_validator: 1024,
		bonds_per_validator: 512,
	};

	/// A short name for benchmark ids, e.g. `n4096_v256_w1024`.
	pub fn label(&self) -> String {
		format!("n{}_v{}_w{}", self.n, self.validators, self.weights_per_validator)
	}
}

/// The block the generated epochs run in.
pub const CURRENT_BLOCK: u64 = 1_000_000;
/// Blocks between two epochs of the generated subnets.
pub const TEMPO: u64 = 360;

/// Deterministic epoch inputs of the given shape, drawn from `seed`:
///
/// * `shape.validators` distinct UIDs, chosen at random, hold stake (1 to 10⁶ HLX, in planck)
///   and the validator permit of the previous epoch; every other UID has neither;
/// * each validator sets `weights_per_validator` weights on random distinct UIDs other than its
///   own, with random values in `1..=65535`, and holds `bonds_per_validator` bonds from the
///   previous epoch on other random distinct UIDs, with random values in `1..=65535`;
/// * every UID updated within the last [`TEMPO`] blocks, so all are active;
/// * one in 64 non-validator UIDs was re-registered since the previous epoch, so its bond column
///   is cleared and weights set before its registration are dropped, as on a live subnet.
///
/// # Panics
///
/// If `weights_per_validator >= n`, `bonds_per_validator > n` or `validators > n`.
pub fn epoch_inputs(shape: EpochShape, seed: u64) -> EpochInputs {
	let n = usize::from(shape.n);
	let last_epoch_block = CURRENT_BLOCK - TEMPO;
	let mut rng = SplitMix64::new(seed);
	let mut pool: Vec<Uid> = (0..shape.n).collect();

	let validators = draw_distinct(&mut rng, &mut pool, usize::from(shape.validators));
	let mut is_validator = vec![false; n];
	for &uid in &validators {
		is_validator[usize::from(uid)] = true;
	}

	let last_update = (0..n).map(|_| CURRENT_BLOCK - 1 - rng.below(TEMPO)).collect();
	let registered_at =
		is_validator
			.iter()
			.map(|&validator| {
				if !validator && rng.below(64) == 0 {
					last_epoch_block + rng.below(TEMPO)
				} else {
					0
				}
			})
			.collect();

	let mut stake = vec![0u64; n];
	let mut weights = vec![SparseRow::new(); n];
	let mut bonds = vec![SparseRow::new(); n];
	for &uid in &validators {
		let i = usize::from(uid);
		stake[i] = (1 + rng.below(1_000_000)) * 1_000_000_000_000;
		// One UID more than needed, so that the validator's own UID can be left out.
		let count = usize::from(shape.weights_per_validator);
		let mut targets = draw_distinct(&mut rng, &mut pool, count + 1);
		match targets.iter().position(|&target| target == uid) {
			Some(own) => {
				targets.swap_remove(own);
			},
			None => {
				targets.pop();
			},
		}
		weights[i] = random_row(&mut rng, targets);
		let bonded = draw_distinct(&mut rng, &mut pool, usize::from(shape.bonds_per_validator));
		bonds[i] = random_row(&mut rng, bonded);
	}

	EpochInputs {
		n: shape.n,
		current_block: CURRENT_BLOCK,
		last_epoch_block,
		emission: 1_000 * 1_000_000_000_000,
		stake,
		last_update,
		registered_at,
		validator_permit: is_validator,
		weights,
		bonds,
	}
}

/// The reference defaults ([`EpochParams::default`]: Yuma3 bonds with a fixed α, κ = ½), with
/// one permit per validator of `shape` so that every validator keeps its permit and bonds.
pub fn epoch_params(shape: EpochShape) -> EpochParams {
	EpochParams { max_allowed_validators: shape.validators, ..EpochParams::default() }
}

/// One unit of the vault's asset, in its smallest unit (12 decimals, like HLX).
pub const UNIT: u128 = 1_000_000_000_000;
/// The virtual-share offset of the benchmarked vault.
pub const OFFSET: DecimalsOffset = DecimalsOffset::DEFAULT;
/// The block the vault operations run at.
pub const VAULT_NOW: u64 = 100_000;
/// Vesting period of injected revenue, in blocks.
pub const VESTING_PERIOD: u64 = 7_200;
/// Cooldown of a withdrawal request, in blocks.
pub const WITHDRAWAL_COOLDOWN: u64 = 7_200;

/// A vault in a realistic state at [`VAULT_NOW`]: 50 million units deposited, 20 million of them
/// deployed, and 100 000 units of revenue injected half a vesting period ago, so that every
/// operation has vested revenue to accrue first.
pub fn vault_state() -> VaultState {
	let mut vault = VaultState::default();
	vault.deposit(OFFSET, 1, 50_000_000 * UNIT).expect("first deposit into an empty vault");
	vault.deploy(100, 20_000_000 * UNIT).expect("deploying less than the idle assets");
	vault
		.inject_revenue(VAULT_NOW - VESTING_PERIOD / 2, 100_000 * UNIT, VESTING_PERIOD)
		.expect("a revenue injection far below the limits");
	vault
}

/// `len` matured withdrawal requests, oldest first, each for 1/8192 of `vault`'s shares: up to
/// 8192 of them are all filled in full from the idle assets of [`vault_state`].
pub fn withdrawal_queue(vault: &VaultState, len: usize) -> Vec<WithdrawalRequest<u64>> {
	let shares = vault.total_shares / 8192;
	(0..len as u64)
		.map(|id| WithdrawalRequest {
			id,
			owner: id,
			shares,
			requested_at: VAULT_NOW - WITHDRAWAL_COOLDOWN - 10_000 + id,
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use heliox_yuma::{dense::run_epoch_dense, run_epoch};

	/// Structural checks of [`epoch_inputs`]: lengths, sorted in-range rows, exact counts.
	fn assert_well_formed(shape: EpochShape, inputs: &EpochInputs) {
		let n = usize::from(shape.n);
		assert_eq!(inputs.n, shape.n);
		for len in [
			inputs.stake.len(),
			inputs.last_update.len(),
			inputs.registered_at.len(),
			inputs.validator_permit.len(),
			inputs.weights.len(),
			inputs.bonds.len(),
		] {
			assert_eq!(len, n);
		}
		let validators: Vec<usize> = (0..n).filter(|&i| inputs.validator_permit[i]).collect();
		assert_eq!(validators.len(), usize::from(shape.validators));
		for i in 0..n {
			let validator = inputs.validator_permit[i];
			assert_eq!(inputs.stake[i] > 0, validator);
			let (weights, bonds) = (&inputs.weights[i], &inputs.bonds[i]);
			let expected = |count: u16| if validator { usize::from(count) } else { 0 };
			assert_eq!(weights.len(), expected(shape.weights_per_validator));
			assert_eq!(bonds.len(), expected(shape.bonds_per_validator));
			for row in [weights, bonds] {
				assert!(row.windows(2).all(|pair| pair[0].0 < pair[1].0), "row {i} not sorted");
				assert!(row.iter().all(|&(uid, value)| uid < shape.n && value > 0));
			}
			assert!(weights.iter().all(|&(uid, _)| usize::from(uid) != i), "self-weight on {i}");
		}
	}

	#[test]
	fn epoch_inputs_are_valid_and_sparse_matches_dense() {
		for shape in [EpochShape::SMALL, EpochShape::ISSUE_TARGET, EpochShape::MAX_UIDS] {
			let inputs = epoch_inputs(shape, SEED);
			assert_well_formed(shape, &inputs);
			assert_eq!(inputs, epoch_inputs(shape, SEED), "not deterministic");
		}

		let shape = EpochShape::SMALL;
		let (inputs, params) = (epoch_inputs(shape, SEED), epoch_params(shape));
		let sparse = run_epoch(&inputs, &params).expect("generated inputs are valid");
		let dense = run_epoch_dense(&inputs, &params).expect("generated inputs are valid");
		assert_eq!(sparse, dense);
		// The epoch does real work: incentive and dividends flow, every validator keeps its
		// permit and gets a bond row, and the emission adds up.
		assert_eq!(sparse.validator_permit, inputs.validator_permit);
		assert!(sparse.incentive.iter().any(|v| !v.is_zero()));
		assert!(sparse.dividends.iter().any(|v| !v.is_zero()));
		assert!((0..usize::from(shape.n))
			.all(|i| sparse.bonds[i].is_empty() != inputs.validator_permit[i]));
		let paid: u64 = sparse.emission.iter().sum();
		assert_eq!(paid + sparse.owner_emission + sparse.undistributed, inputs.emission);
	}

	#[test]
	fn vault_inputs_fill_the_whole_queue() {
		let vault = vault_state();
		assert!(vault.vesting.unvested_at(VAULT_NOW) > 0, "no revenue left to vest");
		let queue = withdrawal_queue(&vault, 1024);
		let mut after = vault.clone();
		let fills = after
			.process_withdrawal_queue(OFFSET, VAULT_NOW, WITHDRAWAL_COOLDOWN, u128::MAX, &queue)
			.expect("queue within the vault's shares");
		assert_eq!(fills.len(), queue.len());
		assert!(fills.iter().all(|fill| fill.remaining_shares == 0 && fill.assets_paid > 0));
		assert_eq!(after.total_shares, vault.total_shares - 1024 * queue[0].shares);
	}
}
