//! Storage and runtime-API types of the AID pallet. Every stored type is bounded
//! (`MaxEncodedLen`).
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

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// Identifier of a withdrawal request, unique and increasing in queue order.
pub type RequestId = u64;
/// Identifier of a GPU financing deal.
pub type DealId = u64;

/// An accepted collateral asset.
///
/// `decimals` fixes the exchange rate with AID: one whole unit of collateral is one whole AID,
/// so `amount` base units of collateral are `amount · 10^(aid_decimals - decimals)` AID base
/// units (or divided by `10^(decimals - aid_decimals)`); amounts that do not convert exactly
/// are refused. `cap` bounds `held`, both in the collateral's base units.
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
pub struct CollateralInfo {
	/// Decimals of the collateral asset.
	pub decimals: u8,
	/// The most collateral of this asset the pallet account may hold for AID.
	pub cap: u128,
	/// Collateral of this asset held as backing of minted AID.
	pub held: u128,
}

/// Parameters set by `AdminOrigin` through `set_parameters`.
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
pub struct Parameters<BlockNumber> {
	/// Fee on `mint_aid`, taken in AID (rounded up) and minted to the treasury.
	pub mint_fee: Permill,
	/// Fee on `redeem_aid`, taken in AID (rounded up) and transferred to the treasury.
	pub redeem_fee: Permill,
	/// Share of vault revenue paid to the treasury (rounded down).
	pub performance_fee: Permill,
	/// Blocks a withdrawal request waits before it can be served. While it is not zero, the
	/// queue is the only exit: the instant `withdraw` / `redeem` calls are disabled. A change
	/// applies to pending requests too (maturity is `requested_at + cooldown`).
	pub cooldown: BlockNumber,
	/// Blocks over which revenue paid from now on vests (never zero). Revenue already vesting
	/// keeps its end block until the next payment re-spreads it.
	pub vesting_period: BlockNumber,
}

/// A GPU financing deal: AID deployed from the vault to `beneficiary` against `gpu`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Deal<AccountId, GpuId, BlockNumber> {
	/// The financed GPU; its revenue is vault revenue while the deal is open.
	pub gpu: GpuId,
	/// Who received the AID and repays it when the deal is closed.
	pub beneficiary: AccountId,
	/// AID deployed and not yet returned or written down.
	pub principal: u128,
	/// Block at which the deal was funded.
	pub opened_at: BlockNumber,
	/// Revenue received for the GPU over the deal (gross, before the performance fee).
	pub revenue: u128,
}

/// The vault's balance sheet and parameters as the runtime API reports them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, Default)]
pub struct VaultSummary<Balance> {
	/// Idle + deployed + vested revenue (ERC-4626 `totalAssets`).
	pub total_assets: Balance,
	/// AID held by the vault and recognised (idle, including revenue vested so far).
	pub idle_assets: Balance,
	/// AID deployed to GPU deals (book value).
	pub deployed_assets: Balance,
	/// Injected revenue not yet vested (held, not counted in `total_assets`).
	pub unvested_revenue: Balance,
	/// Block at which the current revenue schedule has fully vested.
	pub vesting_end: u64,
	/// sAID in existence, queued shares included.
	pub total_shares: Balance,
	/// AID base units one whole sAID (`10^(aid_decimals + offset)` base units) is worth.
	pub share_price: Balance,
	/// sAID locked in the withdrawal queue.
	pub queued_shares: Balance,
	/// Number of pending withdrawal requests.
	pub queue_len: u32,
	/// Current cooldown, in blocks.
	pub cooldown: u64,
	/// Whether the pallet is paused.
	pub paused: bool,
}

/// One of an account's withdrawal requests as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct RequestInfo<Balance> {
	/// The request's id.
	pub id: RequestId,
	/// Shares still queued.
	pub shares: Balance,
	/// Block at which the request was made.
	pub requested_at: u64,
	/// First block at which it can be served (with the current cooldown).
	pub matures_at: u64,
	/// Number of pending requests ahead of it in the queue.
	pub position: u32,
	/// AID the queued shares are worth now (what a full fill would pay at the current price).
	pub claimable: Balance,
}
