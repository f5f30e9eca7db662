//! Bounded, `MaxEncodedLen` storage types of the subnets pallet and the types returned by its
//! runtime API.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{pallet_prelude::*, traits::fungible};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

extern crate alloc;
use alloc::vec::Vec;

/// Identifier of a subnet.
pub type NetUid = u16;
/// Position of a neuron on a subnet (`0..n`).
pub type Uid = heliox_yuma::Uid;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A neuron of the runtime.
pub type NeuronOf<T> =
	Neuron<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A subnet of the runtime.
pub type SubnetInfoOf<T> =
	SubnetInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A sparse row `(uid, value)` strictly increasing by uid, at most `S` entries.
pub type SparseRowOf<S> = BoundedVec<(Uid, u16), S>;
/// A stored weight row (row max scaled to 65535).
pub type WeightRowOf<T> = SparseRowOf<<T as Config>::MaxWeightsPerValidator>;
/// A stored bond row (Yuma3 fractions in `u16` scale). Bonds of columns a validator dropped
/// decay instead of vanishing, so a row can name every UID of the subnet.
pub type BondRowOf<T> = SparseRowOf<<T as Config>::MaxUids>;
/// Pending commits of one hotkey on one subnet.
pub type CommitsOf<T> = BoundedVec<
	WeightCommit<<T as frame_system::Config>::Hash, BlockNumberFor<T>>,
	<T as Config>::MaxPendingCommits,
>;

/// Subnet hyperparameters, set by the subnet owner within [`HyperparameterBounds`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct SubnetHyperparameters {
	/// Blocks between two epochs of the subnet.
	pub tempo: u32,
	/// Consensus quantile κ as a proportion of 65535.
	pub kappa: u16,
	/// Maximum number of UIDs (at most `Config::MaxUids`).
	pub max_uids: u16,
	/// Number of validator permits handed out each epoch.
	pub max_validators: u16,
	/// Blocks after registration during which a UID cannot be replaced.
	pub immunity_period: u32,
	/// Minimum blocks between two weight updates of one UID.
	pub weights_rate_limit: u32,
	/// Minimum number of weights in a `set_weights` (capped by the number of UIDs).
	pub min_allowed_weights: u16,
	/// Bonds moving average in parts per million (`α = 1 − bma / 10⁶`).
	pub bonds_moving_average: u32,
	/// Blocks without a weight update after which a UID counts as inactive.
	pub activity_cutoff: u32,
	/// Weights must carry a version key at least this large.
	pub weights_version_key: u64,
	/// Weights must be committed as a hash and revealed later.
	pub commit_reveal_enabled: bool,
	/// Number of epochs between a commit and the epoch in which it must be revealed.
	pub reveal_period: u32,
	/// Per-entry ("liquid") bond alpha instead of the fixed one.
	pub liquid_alpha_enabled: bool,
}

impl Default for SubnetHyperparameters {
	/// The reference chain's defaults.
	fn default() -> Self {
		SubnetHyperparameters {
			tempo: 360,
			kappa: 32_767,
			max_uids: 256,
			max_validators: 64,
			immunity_period: 4_096,
			weights_rate_limit: 100,
			min_allowed_weights: 1,
			bonds_moving_average: 900_000,
			activity_cutoff: 5_000,
			weights_version_key: 0,
			commit_reveal_enabled: false,
			reveal_period: 1,
			liquid_alpha_enabled: false,
		}
	}
}

/// An inclusive range `[min, max]` a hyperparameter must stay in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct Range<N> {
	/// Smallest allowed value.
	pub min: N,
	/// Largest allowed value.
	pub max: N,
}

impl<N: PartialOrd + Copy> Range<N> {
	/// A range.
	pub const fn new(min: N, max: N) -> Self {
		Range { min, max }
	}
	/// Whether `value` lies in the range.
	pub fn contains(&self, value: N) -> bool {
		self.min <= value && value <= self.max
	}
	/// Whether the range is not empty.
	pub fn is_valid(&self) -> bool {
		self.min <= self.max
	}
}

/// Governance bounds on the owner-set hyperparameters, set by `Config::AdminOrigin`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct HyperparameterBounds {
	/// Bounds of [`SubnetHyperparameters::tempo`].
	pub tempo: Range<u32>,
	/// Bounds of [`SubnetHyperparameters::kappa`].
	pub kappa: Range<u16>,
	/// Bounds of [`SubnetHyperparameters::max_uids`].
	pub max_uids: Range<u16>,
	/// Bounds of [`SubnetHyperparameters::max_validators`].
	pub max_validators: Range<u16>,
	/// Bounds of [`SubnetHyperparameters::immunity_period`].
	pub immunity_period: Range<u32>,
	/// Bounds of [`SubnetHyperparameters::weights_rate_limit`].
	pub weights_rate_limit: Range<u32>,
	/// Bounds of [`SubnetHyperparameters::min_allowed_weights`].
	pub min_allowed_weights: Range<u16>,
	/// Bounds of [`SubnetHyperparameters::bonds_moving_average`].
	pub bonds_moving_average: Range<u32>,
	/// Bounds of [`SubnetHyperparameters::activity_cutoff`].
	pub activity_cutoff: Range<u32>,
	/// Bounds of [`SubnetHyperparameters::reveal_period`].
	pub reveal_period: Range<u32>,
}

impl Default for HyperparameterBounds {
	fn default() -> Self {
		HyperparameterBounds {
			tempo: Range::new(10, 7_200),
			kappa: Range::new(16_384, 49_151),
			max_uids: Range::new(1, u16::MAX),
			max_validators: Range::new(1, u16::MAX),
			immunity_period: Range::new(0, 50_000),
			weights_rate_limit: Range::new(0, 10_000),
			min_allowed_weights: Range::new(0, 1_024),
			bonds_moving_average: Range::new(0, 1_000_000),
			activity_cutoff: Range::new(100, 100_000),
			reveal_period: Range::new(1, 10),
		}
	}
}

impl HyperparameterBounds {
	/// Whether every range is non-empty and `bonds_moving_average` stays within 10⁶.
	pub fn is_valid(&self) -> bool {
		self.tempo.is_valid()
			&& self.tempo.min > 0
			&& self.kappa.is_valid()
			&& self.max_uids.is_valid()
			&& self.max_validators.is_valid()
			&& self.immunity_period.is_valid()
			&& self.weights_rate_limit.is_valid()
			&& self.min_allowed_weights.is_valid()
			&& self.bonds_moving_average.is_valid()
			&& self.bonds_moving_average.max <= 1_000_000
			&& self.activity_cutoff.is_valid()
			&& self.reveal_period.is_valid()
			&& self.reveal_period.min > 0
	}

	/// Whether `p` lies within the bounds.
	pub fn allows(&self, p: &SubnetHyperparameters) -> bool {
		self.tempo.contains(p.tempo)
			&& self.kappa.contains(p.kappa)
			&& self.max_uids.contains(p.max_uids)
			&& self.max_validators.contains(p.max_validators)
			&& self.immunity_period.contains(p.immunity_period)
			&& self.weights_rate_limit.contains(p.weights_rate_limit)
			&& self.min_allowed_weights.contains(p.min_allowed_weights)
			&& self.bonds_moving_average.contains(p.bonds_moving_average)
			&& self.activity_cutoff.contains(p.activity_cutoff)
			&& self.reveal_period.contains(p.reveal_period)
	}
}

/// A subnet.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct SubnetInfo<AccountId, Balance, BlockNumber> {
	/// The coldkey that registered the subnet and sets its hyperparameters.
	pub owner: AccountId,
	/// HLX held from the owner while the subnet exists.
	pub locked: Balance,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Number of UIDs in use (UIDs are `0..n`).
	pub n: u16,
	/// The hyperparameters.
	pub params: SubnetHyperparameters,
	/// Current neuron registration price before its time decay (see [`SubnetInfo::burn_at`]).
	pub burn: Balance,
	/// Start of the current burn decay interval.
	pub burn_at: BlockNumber,
	/// Block of the last epoch (registration block before the first).
	pub last_epoch_block: BlockNumber,
	/// Number of epochs run so far.
	pub epoch_index: u32,
	/// Value of `EmissionIndex` up to which emission has been paid to this subnet.
	pub emission_index: Balance,
}

/// A neuron: the hotkey holding a UID and its latest epoch scores (`u16` proportions).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Neuron<AccountId, Balance, BlockNumber> {
	/// The hotkey.
	pub hotkey: AccountId,
	/// Block at which the hotkey took the UID.
	pub registered_at: BlockNumber,
	/// Block of the last weight update (the registration block until the first).
	pub last_update: BlockNumber,
	/// Whether the UID may set weights (computed by the last epoch).
	pub validator_permit: bool,
	/// Whether the UID was active in the last epoch.
	pub active: bool,
	/// Server trust.
	pub trust: u16,
	/// Validator trust.
	pub validator_trust: u16,
	/// Consensus.
	pub consensus: u16,
	/// Incentive.
	pub incentive: u16,
	/// Dividends.
	pub dividends: u16,
	/// HLX paid to the UID by the last epoch.
	pub emission: Balance,
}

/// A hash of weights to reveal later.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct WeightCommit<Hash, BlockNumber> {
	/// `Hashing(hotkey, netuid, uids, values, salt, version_key)`.
	pub hash: Hash,
	/// Block of the commit.
	pub block: BlockNumber,
	/// The subnet epoch index during which the commit must be revealed.
	pub reveal_epoch: u32,
}

/// Where a neuron serves.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AxonInfo<BlockNumber> {
	/// Block of the last `serve_axon`.
	pub block: BlockNumber,
	/// Software version.
	pub version: u32,
	/// IPv4 (in the low 32 bits) or IPv6 address.
	#[cfg_attr(feature = "std", serde(with = "u128_as_string"))]
	pub ip: u128,
	/// Port.
	pub port: u16,
	/// 4 or 6.
	pub ip_type: u8,
	/// Free-form protocol identifier.
	pub protocol: u8,
}

/// One subnet, as returned by the runtime API.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct SubnetSummary<AccountId, Balance> {
	/// The subnet.
	pub netuid: NetUid,
	/// Its owner.
	pub owner: AccountId,
	/// HLX held from the owner.
	pub locked: Balance,
	/// Block of registration.
	pub registered_at: u64,
	/// UIDs in use.
	pub n: u16,
	/// Hyperparameters.
	pub params: SubnetHyperparameters,
	/// Current price of a neuron registration.
	pub burn: Balance,
	/// Block of the last epoch.
	pub last_epoch_block: u64,
	/// Block of the next epoch (it may be deferred when many fall due together).
	pub next_epoch_block: u64,
	/// Epochs run.
	pub epoch_index: u32,
	/// Emission accrued since the last epoch, paid at the next.
	pub pending_emission: Balance,
}

/// Bonds of one validator, summarized.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BondsSummary {
	/// Number of non-zero bonds.
	pub count: u16,
	/// Sum of the bonds (`u16` scale each).
	pub total: u64,
	/// Largest bond `(uid, value)`, if any.
	pub max: Option<(Uid, u16)>,
}

/// The metagraph of a subnet: per-UID vectors indexed by UID.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Metagraph<AccountId, Balance> {
	/// The subnet.
	pub netuid: NetUid,
	/// Number of UIDs.
	pub n: u16,
	/// Block the metagraph was read at.
	pub block: u64,
	/// Hotkeys.
	pub hotkeys: Vec<AccountId>,
	/// Coldkeys owning the hotkeys.
	pub coldkeys: Vec<AccountId>,
	/// Total stake on each hotkey.
	pub stake: Vec<Balance>,
	/// Server trust (`u16` proportion).
	pub trust: Vec<u16>,
	/// Validator trust.
	pub validator_trust: Vec<u16>,
	/// Consensus.
	pub consensus: Vec<u16>,
	/// Incentive.
	pub incentive: Vec<u16>,
	/// Dividends.
	pub dividends: Vec<u16>,
	/// Emission paid by the last epoch.
	pub emission: Vec<Balance>,
	/// Activity in the last epoch.
	pub active: Vec<bool>,
	/// Validator permits.
	pub validator_permit: Vec<bool>,
	/// Block of the last weight update.
	pub last_update: Vec<u64>,
	/// Block of registration.
	pub registered_at: Vec<u64>,
	/// Axon of each UID (`None` if never served).
	pub axons: Vec<Option<AxonInfo<u64>>>,
	/// Bonds of each UID.
	pub bonds: Vec<BondsSummary>,
}

/// JSON for `u128` values (IPv6 addresses): a decimal string, because JSON numbers lose
/// precision above 2^53 in most clients.
#[cfg(feature = "std")]
mod u128_as_string {
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(value: &u128, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&value.to_string())
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u128, D::Error> {
		let text = alloc::string::String::deserialize(deserializer)?;
		text.parse().map_err(serde::de::Error::custom)
	}
}
