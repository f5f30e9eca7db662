//! Storage, call and runtime-API types of the GPU registry. Every stored type is bounded
//! (`MaxEncodedLen`); amounts are `u128` base units of the payment currency.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Permill;

pub use heliox_gpu_liveness::Uptime;

/// Identifier of a registered GPU; also the item id of its NFT.
pub type GpuId = u64;
/// Identifier of a GPU model in the catalogue.
pub type ModelId = u32;

/// Parameters of the proof-of-GPU challenges for a model (used by the proof-of-GPU pallet;
/// stored and validated here).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ChallengeParams {
	/// Problem size.
	pub n: u32,
	/// Lag between dependent steps; at least 1.
	pub lag: u32,
	/// Number of steps; more than `lag`.
	pub steps: u32,
	/// Number of sampled steps checked; not zero.
	pub samples: u32,
	/// Slack added to the expected compute time before the deadline.
	pub deadline_slack: Permill,
}

impl ChallengeParams {
	/// `n > 0`, `lag >= 1`, `steps > lag`, `samples > 0`.
	pub fn is_valid(&self) -> bool {
		self.n > 0 && self.lag >= 1 && self.steps > self.lag && self.samples > 0
	}
}

/// A GPU model of the catalogue. `Name` is a bounded byte vector in storage and calls and a
/// plain `Vec<u8>` in the runtime API.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ModelSpec<Name> {
	/// Human-readable name (for example `H100-SXM5-80GB`).
	pub name: Name,
	/// Memory of the model, MiB; a registered GPU must report at least this much.
	pub vram_mib: u32,
	/// Sustained dense int8 throughput, TOPS.
	pub int8_tops: u32,
	/// Sustained dense fp16 throughput, TFLOPS.
	pub fp16_tflops: u32,
	/// Memory bandwidth, GB/s.
	pub memory_bandwidth_gbps: u32,
	/// Stake held from the provider of each GPU of this model (native currency).
	pub min_stake: u128,
	/// Weight of the model in rewards.
	pub reward_weight: Permill,
	/// Proof-of-GPU challenge parameters.
	pub challenge: ChallengeParams,
}

impl<Name> ModelSpec<Name> {
	/// The same model with its name converted (bounded in storage, a `Vec` in the API).
	pub fn map_name<Other>(self, f: impl FnOnce(Name) -> Other) -> ModelSpec<Other> {
		ModelSpec {
			name: f(self.name),
			vram_mib: self.vram_mib,
			int8_tops: self.int8_tops,
			fp16_tflops: self.fp16_tflops,
			memory_bandwidth_gbps: self.memory_bandwidth_gbps,
			min_stake: self.min_stake,
			reward_weight: self.reward_weight,
			challenge: self.challenge,
		}
	}
}

/// What the GPU agent reports about its hardware at registration.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct GpuSpecs {
	/// Memory of the GPU, MiB.
	pub vram_mib: u32,
	/// Hash of the GPU's serial number.
	pub serial_hash: [u8; 32],
}

/// Lifecycle of a GPU: `Pending -> Active -> (Suspended | Slashed | Retired)`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum GpuStatus<BlockNumber> {
	/// Registered (or resumed), waiting for the validators to see it live.
	Pending,
	/// Seen live; can be rented.
	Active,
	/// Found unresponsive (or suspended by the proof-of-GPU pallet); the operator may resume.
	Suspended,
	/// Part of its stake was slashed; the operator may only retire it.
	Slashed,
	/// Retired by its operator; the stake can be withdrawn from `unbonds_at` on.
	Retired {
		/// First block at which `withdraw_stake` is accepted.
		unbonds_at: BlockNumber,
	},
}

impl<BlockNumber> GpuStatus<BlockNumber> {
	/// The status without its data (for filters).
	pub fn kind(&self) -> GpuStatusKind {
		match self {
			Self::Pending => GpuStatusKind::Pending,
			Self::Active => GpuStatusKind::Active,
			Self::Suspended => GpuStatusKind::Suspended,
			Self::Slashed => GpuStatusKind::Slashed,
			Self::Retired { .. } => GpuStatusKind::Retired,
		}
	}
}

/// [`GpuStatus`] without its data.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum GpuStatusKind {
	/// See [`GpuStatus::Pending`].
	Pending,
	/// See [`GpuStatus::Active`].
	Active,
	/// See [`GpuStatus::Suspended`].
	Suspended,
	/// See [`GpuStatus::Slashed`].
	Slashed,
	/// See [`GpuStatus::Retired`].
	Retired,
}

/// The currency a rental is paid in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PaymentCurrency {
	/// The native token (HLX), `Config::Currency`.
	Native,
	/// The AID dollar, `Config::Assets` asset `Config::AidAssetId`.
	Aid,
}

/// The rental price of a GPU set by its operator.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Price {
	/// The currency of the price.
	pub currency: PaymentCurrency,
	/// Base units per block; not zero.
	pub per_block: u128,
}

/// A registered GPU. `Region` and `Endpoint` are bounded byte vectors in storage and plain
/// `Vec<u8>` in the runtime API.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct GpuRecord<AccountId, BlockNumber, Region, Endpoint> {
	/// The account that registered the GPU and operates it (receives the operator share).
	pub provider: AccountId,
	/// Its catalogue model.
	pub model: ModelId,
	/// What the agent reported.
	pub specs: GpuSpecs,
	/// Where the GPU is (free-form, e.g. `eu-west`).
	pub region: Region,
	/// The agent's HTTP endpoint (see `heliox_gpu_liveness::validate_endpoint`).
	pub endpoint: Endpoint,
	/// The sr25519 public key that signs the agent's probe answers.
	pub agent_key: [u8; 32],
	/// Lifecycle state.
	pub status: GpuStatus<BlockNumber>,
	/// Native stake held for this GPU (the model's minimum at registration, less slashes).
	pub stake: u128,
	/// The rental price, if the operator set one.
	pub price: Option<Price>,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// An open rental. The payment (`paid` = price × blocks) sits in escrow until settlement.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Rental<AccountId, BlockNumber> {
	/// Who rents the GPU and paid.
	pub renter: AccountId,
	/// Block the rental started.
	pub start: BlockNumber,
	/// Block from which it can be settled.
	pub end: BlockNumber,
	/// Currency of the payment.
	pub currency: PaymentCurrency,
	/// Price per block agreed.
	pub price_per_block: u128,
	/// Amount in escrow.
	pub paid: u128,
}

/// How settled rental revenue is split; the three parts sum to exactly 100%.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct RevenueShares {
	/// Share of the operator (the registration's provider). Rounding dust also goes here.
	pub operator: Permill,
	/// Share of the holder (owner of the GPU's NFT, or the sAID vault financing it).
	pub holder: Permill,
	/// Share of the protocol (the treasury).
	pub protocol: Permill,
}

impl RevenueShares {
	/// Whether the three shares add up to exactly 100%.
	pub fn is_valid(&self) -> bool {
		let total = u64::from(self.operator.deconstruct())
			.saturating_add(u64::from(self.holder.deconstruct()))
			.saturating_add(u64::from(self.protocol.deconstruct()));
		total == u64::from(Permill::one().deconstruct())
	}
}

/// Revenue a GPU has paid out in one currency, to date.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct GpuRevenue {
	/// Paid to the holder (or to the vault financing the GPU).
	pub to_holder: u128,
	/// Paid to the operator.
	pub to_operator: u128,
	/// Paid to the treasury.
	pub to_protocol: u128,
}

/// Revenue of a GPU to date in each currency.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RevenueToDate {
	/// In the native currency.
	pub native: GpuRevenue,
	/// In AID.
	pub aid: GpuRevenue,
}

impl RevenueToDate {
	/// The record of `currency`.
	pub fn of_mut(&mut self, currency: PaymentCurrency) -> &mut GpuRevenue {
		match currency {
			PaymentCurrency::Native => &mut self.native,
			PaymentCurrency::Aid => &mut self.aid,
		}
	}
}

/// Which GPUs `gpus` returns; `None` fields match everything.
#[derive(Clone, Default, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct GpuFilter<AccountId> {
	/// Only GPUs in this state.
	pub status: Option<GpuStatusKind>,
	/// Only GPUs of this model.
	pub model: Option<ModelId>,
	/// Only GPUs whose provider (operator) or holder is this account.
	pub owner: Option<AccountId>,
}

/// Everything about one GPU, for wallets and dashboards.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct GpuInfo<AccountId, BlockNumber> {
	/// The GPU (and NFT item) id.
	pub id: GpuId,
	/// The operator.
	pub provider: AccountId,
	/// Who receives the holder share: the NFT's owner (the provider if the NFT was burned).
	pub holder: AccountId,
	/// Catalogue model.
	pub model: ModelId,
	/// Reported hardware.
	pub specs: GpuSpecs,
	/// Region.
	pub region: Vec<u8>,
	/// Agent endpoint.
	pub endpoint: Vec<u8>,
	/// The sr25519 agent key.
	pub agent_key: [u8; 32],
	/// Lifecycle state.
	pub status: GpuStatus<BlockNumber>,
	/// Native stake held.
	pub stake: u128,
	/// Uptime over the liveness window (`None`: never monitored).
	pub uptime: Option<Uptime>,
	/// Rental price.
	pub price: Option<Price>,
	/// The open rental, if any.
	pub rental: Option<Rental<AccountId, BlockNumber>>,
	/// Revenue paid out to date.
	pub revenue: RevenueToDate,
	/// The last proof-of-GPU epoch a quorum of validators verified (`None`: never).
	pub verified: Option<Verification>,
}

/// What proof-of-GPU has established about a GPU: it delivered the workload of `model` (its
/// throughput class) within that model's deadline, last in `epoch`, `passes` times in all.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
	/// The catalogue model whose challenge the GPU passed.
	pub model: ModelId,
	/// The last verified challenge epoch.
	pub epoch: u64,
	/// Verified epochs to date.
	pub passes: u32,
}
