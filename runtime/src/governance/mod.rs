//! OpenGov: referenda with conviction voting on per-domain tracks, a technical committee that
//! can whitelist (fast-track) calls, a scheduler and preimages, and a treasury that spends HLX
//! and assets such as AID.
//!
//! Every privileged call of a Heliox pallet takes the origin of its track (see [`tracks`]), so
//! token holders decide what a sudo key decides on a dev chain. Sudo is configured only in the
//! `dev` and `local` genesis presets.

pub mod origins;
pub use origins::pallet_custom_origins;
pub mod tracks;

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration,
		tokens::{
			fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
			pay::PayAssetFromAccount,
			ConversionFromAssetBalance,
		},
		ConstU32, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned};
use sp_runtime::traits::IdentityLookup;

use crate::configs::RuntimeBlockWeights;

use crate::{
	currency::*, time::*, AccountId, AssetRate, Assets, Balance, Balances, BlockNumber,
	OriginCaller, Preimage, Referenda, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, Scheduler, System, Treasury,
};
pub use origins::{
	GpuAdmin, SubnetsAdmin, Treasurer, ValidatorAdmin, VaultAdmin, WhitelistedCaller,
};

impl origins::pallet_custom_origins::Config for Runtime {}

/// Root, or the origin of the given track.
pub type RootOr<O> = EitherOf<EnsureRoot<AccountId>, O>;

parameter_types! {
	pub MaximumSchedulerWeight: frame_support::weights::Weight =
		RuntimeBlockWeights::get().max_block.saturating_mul(4) / 5;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeEvent = RuntimeEvent;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Referenda schedule through the pallet directly; only Root may schedule by call.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Locks of conviction 1x last one of these; conviction n doubles it n-1 times.
	pub const VoteLockingPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	type MaxTurnout =
		frame_support::traits::tokens::currency::ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

parameter_types! {
	pub const AlarmInterval: BlockNumber = 1;
	pub const SubmissionDeposit: Balance = 10 * UNIT;
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
}

impl pallet_referenda::Config for Runtime {
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = RootOr<WhitelistedCaller>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Slash = Treasury;
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = tracks::TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const TechnicalMotionDuration: BlockNumber = 3 * DAYS;
	pub const TechnicalMaxProposals: u32 = 100;
	pub const TechnicalMaxMembers: u32 = 30;
	pub MaxCollectiveProposalWeight: frame_support::weights::Weight =
		RuntimeBlockWeights::get().max_block / 2;
}

/// The technical committee (pallet-collective instance 1).
pub type TechnicalCollective = pallet_collective::Instance1;

impl pallet_collective::Config<TechnicalCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = TechnicalMotionDuration;
	type MaxProposals = TechnicalMaxProposals;
	type MaxMembers = TechnicalMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCollectiveProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

/// Two thirds of the technical committee.
pub type TechnicalTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, TechnicalCollective, 2, 3>;

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = RootOr<TechnicalTwoThirds>;
	type DispatchWhitelistedOrigin = RootOr<WhitelistedCaller>;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = ConstU32<{ 7 * DAYS }>;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The treasury account is the one GPU protocol fees and the vault's performance fee go to.
	pub const TreasuryPalletId: PalletId = PalletId(*b"hlx/trsy");
	pub const SpendPeriod: BlockNumber = DAYS;
	pub const PayoutPeriod: BlockNumber = 30 * DAYS;
	/// The largest single spend (in HLX value) the Treasurer track may approve.
	pub const MaxTreasurerSpend: Balance = 1_000_000 * UNIT;
	pub const MaxRootSpend: Balance = Balance::MAX;
	pub TreasuryAccountId: AccountId =
		sp_runtime::traits::AccountIdConversion::into_account_truncating(&TreasuryPalletId::get());
}

/// HLX (`Native`) and pallet-assets assets (`WithId(id)`, e.g. AID) as one `fungibles`.
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

/// Values a spend in HLX: native 1:1, assets at the governance-set rate of pallet-asset-rate.
pub struct SpendValuation;

impl ConversionFromAssetBalance<Balance, NativeOrWithId<u32>, Balance> for SpendValuation {
	type Error = pallet_asset_rate::Error<Runtime>;

	fn from_asset_balance(
		balance: Balance,
		asset_kind: NativeOrWithId<u32>,
	) -> Result<Balance, Self::Error> {
		match asset_kind {
			NativeOrWithId::Native => Ok(balance),
			kind => AssetRate::from_asset_balance(balance, kind),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(asset_kind: NativeOrWithId<u32>) {
		if asset_kind != NativeOrWithId::Native {
			<AssetRate as ConversionFromAssetBalance<_, _, _>>::ensure_successful(asset_kind);
		}
	}
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = RootOr<Treasurer>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxRootSpend>,
		origins::TreasurerSpender<MaxTreasurerSpend>,
	>;
	type AssetKind = NativeOrWithId<u32>;
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayAssetFromAccount<NativeAndAssets, TreasuryAccountId>;
	type BalanceConverter = SpendValuation;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::TreasuryArguments;
	type BlockNumberProvider = System;
}

impl pallet_asset_rate::Config for Runtime {
	type WeightInfo = pallet_asset_rate::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type CreateOrigin = RootOr<Treasurer>;
	type RemoveOrigin = RootOr<Treasurer>;
	type UpdateOrigin = RootOr<Treasurer>;
	type Currency = Balances;
	type AssetKind = NativeOrWithId<u32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::AssetKinds;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;

	/// Asset kinds and beneficiaries for the treasury and asset-rate benchmarks.
	pub struct TreasuryArguments;
	impl pallet_treasury::ArgumentsFactory<NativeOrWithId<u32>, AccountId> for TreasuryArguments {
		fn create_asset_kind(seed: u32) -> NativeOrWithId<u32> {
			NativeOrWithId::WithId(seed)
		}
		fn create_beneficiary(seed: [u8; 32]) -> AccountId {
			AccountId::from(seed)
		}
	}

	pub struct AssetKinds;
	impl pallet_asset_rate::AssetKindFactory<NativeOrWithId<u32>> for AssetKinds {
		fn create_asset_kind(seed: u32) -> NativeOrWithId<u32> {
			NativeOrWithId::WithId(seed)
		}
	}
}

#[cfg(test)]
mod tests;
