//! Inputs, parameters, outputs and errors of the epoch.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::fixed::Fixed;

/// A UID on a subnet.
pub type Uid = u16;

/// One sparse row of `u16` values, `(column uid, value)`, strictly increasing by uid. This is the
/// storage form of both a validator's weights (row max scaled to 65535 or any other scale: rows are
/// normalized) and its bonds (see [`BondsMode`] for their scale). An omitted uid means value 0.
pub type SparseRow = Vec<(Uid, u16)>;

/// The on-chain state the epoch reads. Every vector has exactly `n` entries, indexed by UID.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct EpochInputs {
	/// Number of UIDs on the subnet (UIDs are `0..n`).
	pub n: u16,
	/// The block the epoch runs in.
	pub current_block: u64,
	/// The block the previous epoch ran in. Bond columns of UIDs with
	/// `registered_at >= last_epoch_block` are cleared: those UIDs changed hands since the bonds
	/// were computed (an epoch running in `on_initialize` precedes its block's registrations).
	pub last_epoch_block: u64,
	/// Emission to distribute this epoch, in the smallest unit, before the owner cut.
	pub emission: u64,
	/// Stake per UID.
	pub stake: Vec<u64>,
	/// Block of each UID's last weight update.
	pub last_update: Vec<u64>,
	/// Block at which each UID was (most recently) registered.
	pub registered_at: Vec<u64>,
	/// Validator permits stored by the previous epoch.
	pub validator_permit: Vec<bool>,
	/// Weight row of each UID (empty for UIDs that set none).
	pub weights: Vec<SparseRow>,
	/// Bond row of each UID, as stored by the previous epoch.
	pub bonds: Vec<SparseRow>,
}

/// How bonds are kept and turned into dividends.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum BondsMode {
	/// Original Yuma: bonds are column-normalized stake-weighted shares of each server; the EMA
	/// mixes the new column-normalized `ΔB = W̃ ∘ S` into the column-normalized previous bonds with
	/// the fixed `α`. Stored column-max-upscaled (`max_i b_ij = 65535`).
	Classic,
	/// "Yuma3": bonds are per-entry fractions in `[0, 1]`, `B = (1 − α) B_prev + α W̃`, stored as
	/// `⌊b · 65535⌋`. With `liquid_alpha`, `α` is computed per entry (when any consensus is
	/// non-zero); otherwise the fixed `α` is used.
	Yuma3 {
		/// Per-entry sigmoid alpha, or `None` for the fixed alpha.
		liquid_alpha: Option<LiquidAlpha>,
	},
}

/// Liquid alpha: `α = α_lo + σ(k · (d − ½)) · (α_hi − α_lo)` with `k = steepness / 100`,
/// `d = clamp(w − c)` when `w ≥ b` (buying into consensus) and `clamp(b − w)` otherwise
/// (selling), where `w` is the (penalized) weight, `b` the previous bond and `c` the consensus of
/// the entry's column, all in `[0, 1]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct LiquidAlpha {
	/// `α_lo` as a proportion of 65535 (reference default 45875 ≈ 0.7).
	pub alpha_low: u16,
	/// `α_hi` as a proportion of 65535 (reference default 58982 ≈ 0.9). Must be `≥ alpha_low`.
	pub alpha_high: u16,
	/// `100 · k`, the sigmoid steepness (reference default 1000). Negative values mirror the curve.
	pub steepness: i16,
}

impl Default for LiquidAlpha {
	fn default() -> Self {
		LiquidAlpha { alpha_low: 45_875, alpha_high: 58_982, steepness: 1_000 }
	}
}

/// Subnet hyperparameters of the epoch. [`Default`] gives the reference chain's defaults.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct EpochParams {
	/// Consensus quantile κ as a proportion of 65535 (default 32767 ≈ ½).
	pub kappa: u16,
	/// A UID is inactive once `last_update + activity_cutoff < current_block` (default 5000).
	pub activity_cutoff: u64,
	/// Stake below this counts as zero (default 0).
	pub stake_threshold: u64,
	/// Number of validator permits handed out for the next epoch (default 64).
	pub max_allowed_validators: u16,
	/// Bonds penalty β as a proportion of 65535 (default 65535: bonds follow clipped weights).
	pub bonds_penalty: u16,
	/// Bonds moving average in parts per million, `α = 1 − bonds_moving_average / 10⁶`
	/// (default 900 000, α = 0.1). At most 1 000 000.
	pub bonds_moving_average: u32,
	/// Classic or Yuma3 bonds (default Yuma3 with fixed alpha, as for new reference subnets).
	pub bonds_mode: BondsMode,
	/// The subnet owner's share of the emission as a proportion of 65535 (default 11796 ≈ 18%).
	pub owner_cut: u16,
}

impl Default for EpochParams {
	fn default() -> Self {
		EpochParams {
			kappa: 32_767,
			activity_cutoff: 5_000,
			stake_threshold: 0,
			max_allowed_validators: 64,
			bonds_penalty: u16::MAX,
			bonds_moving_average: 900_000,
			bonds_mode: BondsMode::Yuma3 { liquid_alpha: None },
			owner_cut: 11_796,
		}
	}
}

/// Everything the epoch computes. Per-UID vectors have `n` entries; full-precision scores are
/// [`Fixed`] proportions, [`EpochOutputs::u16_scores`] gives the reference chain's `u16` scale.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct EpochOutputs {
	/// Whether each UID was active.
	pub active: Vec<bool>,
	/// Stake-weighted κ-median weight received (servers).
	pub consensus: Vec<Fixed>,
	/// Server trust: share of the received stake-weighted weight that survived clipping.
	pub trust: Vec<Fixed>,
	/// Validator trust: sum of the validator's clipped weights.
	pub validator_trust: Vec<Fixed>,
	/// Normalized incentive (sums to 1 unless all zero).
	pub incentive: Vec<Fixed>,
	/// Normalized dividends (sums to 1 unless all zero).
	pub dividends: Vec<Fixed>,
	/// Emission paid to the subnet owner.
	pub owner_emission: u64,
	/// Emission paid to each UID as a server (from incentive).
	pub server_emission: Vec<u64>,
	/// Emission paid to each UID as a validator (from dividends, or the stake fallback).
	pub validator_emission: Vec<u64>,
	/// `server_emission + validator_emission` per UID.
	pub emission: Vec<u64>,
	/// Emission nobody could receive (only when no UID has stake and `I`, `D` are all zero).
	/// Always `owner_emission + Σ emission + undistributed == inputs.emission`.
	pub undistributed: u64,
	/// New bond rows to store (empty for UIDs without a new validator permit).
	pub bonds: Vec<SparseRow>,
	/// Validator permits for the next epoch.
	pub validator_permit: Vec<bool>,
}

/// The scores of [`EpochOutputs`] in the reference chain's `u16` scale (`⌊x · 65535⌋`).
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct U16Scores {
	/// See [`EpochOutputs::consensus`].
	pub consensus: Vec<u16>,
	/// See [`EpochOutputs::trust`].
	pub trust: Vec<u16>,
	/// See [`EpochOutputs::validator_trust`].
	pub validator_trust: Vec<u16>,
	/// See [`EpochOutputs::incentive`].
	pub incentive: Vec<u16>,
	/// See [`EpochOutputs::dividends`].
	pub dividends: Vec<u16>,
}

impl EpochOutputs {
	/// The scores in `u16` scale, floored like the reference chain's `fixed_proportion_to_u16`.
	pub fn u16_scores(&self) -> U16Scores {
		let convert = |values: &[Fixed]| values.iter().map(|v| v.to_u16_proportion()).collect();
		U16Scores {
			consensus: convert(&self.consensus),
			trust: convert(&self.trust),
			validator_trust: convert(&self.validator_trust),
			incentive: convert(&self.incentive),
			dividends: convert(&self.dividends),
		}
	}
}

/// A per-UID input vector of [`EpochInputs`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum InputField {
	/// [`EpochInputs::stake`].
	Stake,
	/// [`EpochInputs::last_update`].
	LastUpdate,
	/// [`EpochInputs::registered_at`].
	RegisteredAt,
	/// [`EpochInputs::validator_permit`].
	ValidatorPermit,
	/// [`EpochInputs::weights`].
	Weights,
	/// [`EpochInputs::bonds`].
	Bonds,
}

/// Why [`run_epoch`](crate::run_epoch) rejected its inputs. No partial result is produced.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum EpochError {
	/// A per-UID vector does not have `n` entries.
	LengthMismatch {
		/// The offending vector.
		field: InputField,
		/// `n`.
		expected: u16,
		/// Its actual length (saturated to `u64`).
		found: u64,
	},
	/// A sparse row names a UID `≥ n`.
	UidOutOfRange {
		/// [`InputField::Weights`] or [`InputField::Bonds`].
		field: InputField,
		/// The row's UID.
		row: Uid,
		/// The out-of-range column UID.
		uid: Uid,
	},
	/// A sparse row is not strictly increasing by UID (unsorted or duplicated entries).
	UnsortedRow {
		/// [`InputField::Weights`] or [`InputField::Bonds`].
		field: InputField,
		/// The row's UID.
		row: Uid,
	},
	/// `bonds_moving_average` exceeds 1 000 000 parts per million.
	BondsMovingAverageTooLarge(u32),
	/// Liquid alpha with `alpha_low > alpha_high`.
	LiquidAlphaRangeInverted {
		/// `α_lo`.
		alpha_low: u16,
		/// `α_hi`.
		alpha_high: u16,
	},
}
