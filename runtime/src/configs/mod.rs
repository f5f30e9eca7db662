//! Pallet configurations of the Heliox runtime.

mod gpu_proof;
pub mod offchain;

pub use gpu_proof::*;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, ConstU8, Everything, VariantCountOf,
	},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot, EnsureSigned,
};
use pallet_nfts::PalletFeatures;
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{
	traits::{ConvertInto, Verify},
	FixedPointNumber, Perbill, Perquintill,
};
use sp_version::RuntimeVersion;

use super::{
	currency::*, time::*, AccountId, Babe, Balance, Balances, Block, BlockNumber, Hash, Nonce,
	PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, Session, SessionKeys, Signature, System, ValidatorManager, VERSION,
};

/// 75% of a block is available to normal (user) transactions; the rest is reserved for
/// operational transactions and `on_initialize`/`on_finalize` work.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// A block may use up to 2 seconds of compute (a 3 s slot leaves 1 s for import and gossip).
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
	/// 5 MiB blocks; normal transactions may fill 75% of that.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// Generic Substrate SS58 prefix until Heliox registers its own.
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = Everything;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores state in ParityDB only.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

parameter_types! {
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
	/// Upper bound on the validator set; storage of authorities is bounded by it.
	pub const MaxAuthorities: u32 = 100;
}

impl crate::epoch_length::Config for Runtime {}

impl pallet_babe::Config for Runtime {
	// 10 minutes, unless the chain's genesis shortened it (test networks).
	type EpochDuration = crate::epoch_length::EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Epoch changes are driven by pallet-session, so a session == a BABE epoch.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// Equivocation reports need key-ownership proofs from the historical session pallet and an
	// offences handler; they arrive with the validator-manager (governance) work.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	// Counts each session's authored blocks, for the offline rule of the validator manager.
	type EventHandler = ValidatorManager;
}

parameter_types! {
	/// Governance and offline removals never leave fewer validators than this: with 4, GRANDPA
	/// still finalizes with one of them down.
	pub const MinValidators: u32 = 4;
	/// A validator that authors no block in 3 consecutive sessions (200 blocks each, ~10 min)
	/// is removed; for an honest one among 20 validators that is e^-30 per window (see the
	/// pallet docs for larger sets).
	pub const MaxOfflineSessions: u32 = 3;
}

impl pallet_validator_manager::Config for Runtime {
	type AdminOrigin = crate::governance::RootOr<crate::governance::ValidatorAdmin>;
	type ValidatorRegistration = Session;
	// No more validators than BABE and GRANDPA take as authorities.
	type MaxValidators = MaxAuthorities;
	type MinValidators = MinValidators;
	type MaxOfflineSessions = MaxOfflineSessions;
	type WeightInfo = pallet_validator_manager::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_validator_manager::SessionKeysHelper<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	// The validator set under governance (`validator_admin` track), with offline removal.
	type SessionManager = ValidatorManager;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees rise when blocks are more than 25% full and fall when less.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100);
	/// Length fee: 1 micro-HLX per byte, so large transactions pay for bandwidth and storage.
	pub const TransactionByteFee: Balance = MICRO_UNIT;
}

/// The fee multiplier follows block fullness (the Polkadot "slow adjusting" rule).
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are burned until the treasury pallet exists (governance issue).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	// 1 planck per picosecond of reference hardware time: a transfer costs ~0.0002 HLX.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Self>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = super::OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// Asset ids below this are reserved for protocol assets (AID, sAID, IP tokens) created by
/// pallets or governance with `force_create`; user-created assets get ids from here upwards.
pub const FIRST_USER_ASSET_ID: u32 = 1_000_000;

parameter_types! {
	pub const AssetDeposit: Balance = 10 * UNIT;
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	pub const AssetsStringLimit: u32 = 50;
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = u32;
	type AssetIdParameter = codec::Compact<u32>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = AssetsStringLimit;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	// `create` must use the next id from `NextAssetId` (set at genesis to FIRST_USER_ASSET_ID),
	// so users cannot squat the ids of protocol assets.
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub NftsPalletFeatures: PalletFeatures = PalletFeatures::all_enabled();
	pub const NftsCollectionDeposit: Balance = 10 * UNIT;
	pub const NftsItemDeposit: Balance = UNIT / 100;
	pub const NftsMetadataDepositBase: Balance = deposit(1, 129);
	pub const NftsAttributeDepositBase: Balance = deposit(1, 0);
	pub const NftsDepositPerByte: Balance = deposit(0, 1);
	pub const NftsMaxDeadlineDuration: BlockNumber = 12 * 30 * DAYS;
}

impl pallet_nfts::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	/// u64: GPU ids and IP-NFT ids are item ids.
	type ItemId = u64;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	type CollectionDeposit = NftsCollectionDeposit;
	type ItemDeposit = NftsItemDeposit;
	type MetadataDepositBase = NftsMetadataDepositBase;
	type AttributeDepositBase = NftsAttributeDepositBase;
	type DepositPerByte = NftsDepositPerByte;
	type StringLimit = ConstU32<256>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<256>;
	type ApprovalsLimit = ConstU32<20>;
	type ItemAttributesApprovalsLimit = ConstU32<30>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = NftsMaxDeadlineDuration;
	type MaxAttributesPerCall = ConstU32<10>;
	type Features = NftsPalletFeatures;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Public inputs a registered Groth16 key may have (ZKML circuits expose commitments, not
	/// tensors, so 64 is generous).
	pub const ZkMaxPublicInputs: u32 = 64;
	/// Proofs per `submit_attestations`.
	pub const ZkMaxBatchSize: u32 = 64;
	/// Bytes of an attestation's free-form metadata (e.g. a model-card URI).
	pub const ZkMaxMetaLen: u32 = 256;
	pub const ZkDepositBase: Balance = deposit(1, 0);
	pub const ZkDepositPerByte: Balance = deposit(0, 1);
}

impl pallet_zk_verifier::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Groth16 arithmetic runs natively in the node through `ext_heliox_zk_*` host functions.
	type Backend = heliox_zk::NativeHost;
	type MaxPublicInputs = ZkMaxPublicInputs;
	type MaxBatchSize = ZkMaxBatchSize;
	type MaxMetaLen = ZkMaxMetaLen;
	type DepositBase = ZkDepositBase;
	type DepositPerByte = ZkDepositPerByte;
	type WeightInfo = pallet_zk_verifier::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// HLX minted per block for all subnets together (split evenly among them, paid at each
	/// subnet's epoch). A tokenomics parameter: governance sets the final value (issue #6).
	pub const SubnetBlockEmission: Balance = UNIT;
	pub SubnetDefaultHyperparameters: pallet_subnets::SubnetHyperparameters = Default::default();
	pub const SubnetMaxSubnets: u32 = 64;
	/// 1024, not 4096: the benchmarked epoch costs ~0.53 ms per UID in the worst case (every UID
	/// a validator with full weight and bond rows), so a 4096-UID epoch (~2.2 s) would not fit a
	/// block; 1024 UIDs is ~0.6 s plus storage. Larger subnets need an epoch split over blocks.
	pub const SubnetMaxUids: u32 = 1024;
	pub const SubnetMaxWeightsPerValidator: u32 = 1024;
	/// One epoch per block at most; the rest are deferred to the next blocks.
	pub const SubnetMaxEpochsPerBlock: u32 = 1;
	pub const SubnetMaxPendingCommits: u32 = 10;
	/// 18% of a subnet's emission to its owner (u16 fraction of 65535).
	pub const SubnetOwnerCut: u16 = 11_796;
	pub const SubnetMinLockCost: Balance = 100 * UNIT;
	pub const SubnetLockReductionInterval: BlockNumber = 14 * DAYS;
	pub const SubnetMinBurn: Balance = 100 * MILLI_UNIT;
	pub const SubnetMaxBurn: Balance = 100 * UNIT;
	pub const SubnetBurnIncrease: Perbill = Perbill::from_percent(26);
	pub const SubnetBurnHalvingInterval: BlockNumber = 360;
	pub const SubnetMinStake: Balance = 100 * MILLI_UNIT;
	pub const SubnetServingRateLimit: BlockNumber = 50;
}

impl pallet_subnets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Subnet bounds and emission: the `subnets_admin` referendum track (or Root).
	type AdminOrigin = crate::governance::RootOr<crate::governance::SubnetsAdmin>;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
	type DefaultHyperparameters = SubnetDefaultHyperparameters;
	type MaxSubnets = SubnetMaxSubnets;
	type MaxUids = SubnetMaxUids;
	type MaxWeightsPerValidator = SubnetMaxWeightsPerValidator;
	type MaxEpochsPerBlock = SubnetMaxEpochsPerBlock;
	type MaxPendingCommits = SubnetMaxPendingCommits;
	type BlockEmission = SubnetBlockEmission;
	type OwnerCut = SubnetOwnerCut;
	type MinLockCost = SubnetMinLockCost;
	type LockReductionInterval = SubnetLockReductionInterval;
	type MinBurn = SubnetMinBurn;
	type MaxBurn = SubnetMaxBurn;
	type BurnIncrease = SubnetBurnIncrease;
	type BurnHalvingInterval = SubnetBurnHalvingInterval;
	type MinStake = SubnetMinStake;
	type ServingRateLimit = SubnetServingRateLimit;
}

/// Protocol asset ids (below [`FIRST_USER_ASSET_ID`], created at genesis or by `ForceOrigin`).
pub mod protocol_assets {
	/// AID, the synthetic dollar (6 decimals).
	pub const AID: u32 = 1_000;
	/// sAID, shares of the AID yield vault (12 decimals: AID's 6 + a 6-decimal offset).
	pub const SAID: u32 = 1_001;
	/// A test stablecoin (6 decimals) that the dev/local presets whitelist as AID collateral.
	pub const DEV_USDC: u32 = 100;
}

parameter_types! {
	pub const AidPalletId: frame_support::PalletId = frame_support::PalletId(*b"hlx/aid_");
	/// The treasury pallet's account: receives AID fees, the vault's performance fee and GPU
	/// protocol fees; governance spends from it.
	pub TreasuryAccount: AccountId = crate::governance::TreasuryAccountId::get();
	pub const AidAssetId: u32 = protocol_assets::AID;
	pub const SaidAssetId: u32 = protocol_assets::SAID;
	pub const AidDecimals: u8 = 6;
	pub const AidSharesDecimalsOffset: u8 = 6;
	/// Injected GPU revenue vests linearly over 8 hours.
	pub const AidVestingPeriod: BlockNumber = 8 * HOURS;
	/// Queued withdrawals are served after 7 days.
	pub const AidCooldownPeriod: BlockNumber = 7 * DAYS;
	pub const AidPerformanceFee: sp_runtime::Permill = sp_runtime::Permill::from_percent(15);
	/// 1 AID.
	pub const AidMinWithdrawal: u128 = 1_000_000;
	pub const AidMaxQueueLen: u32 = 1024;
	pub const AidMaxRequestsPerAccount: u32 = 16;
	pub const AidMaxQueueProcessPerBlock: u32 = 16;
	pub const AidMaxDeals: u32 = 256;
	pub const AidMaxCollaterals: u32 = 8;
}

/// Benchmark inputs: collateral assets are created with `fungibles::Create`, which must follow
/// `NextAssetId` (`FIRST_USER_ASSET_ID` at genesis), so the `i`-th one is `FIRST_USER_ASSET_ID + i`.
#[cfg(feature = "runtime-benchmarks")]
pub struct AidBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_aid::BenchmarkHelper<u32, u64> for AidBenchmarkHelper {
	fn collateral_asset(i: u32) -> u32 {
		FIRST_USER_ASSET_ID.saturating_add(i)
	}
	fn gpu(i: u32) -> u64 {
		u64::from(i)
	}
}

impl pallet_aid::Config for Runtime {
	type AssetId = u32;
	type Assets = crate::Assets;
	/// The GPU registry's id type (issue #7).
	type GpuId = u64;
	// AID and vault parameters, allow-list and GPU deals: the `vault_admin` track (or Root).
	type AdminOrigin = crate::governance::RootOr<crate::governance::VaultAdmin>;
	type PalletId = AidPalletId;
	type AidAssetId = AidAssetId;
	type SaidAssetId = SaidAssetId;
	type AidDecimals = AidDecimals;
	type SharesDecimalsOffset = AidSharesDecimalsOffset;
	type VestingPeriod = AidVestingPeriod;
	type CooldownPeriod = AidCooldownPeriod;
	type DefaultPerformanceFee = AidPerformanceFee;
	type TreasuryAccount = TreasuryAccount;
	type MinWithdrawal = AidMinWithdrawal;
	type MaxQueueLen = AidMaxQueueLen;
	type MaxRequestsPerAccount = AidMaxRequestsPerAccount;
	type MaxQueueProcessPerBlock = AidMaxQueueProcessPerBlock;
	type MaxDeals = AidMaxDeals;
	type MaxCollaterals = AidMaxCollaterals;
	type WeightInfo = pallet_aid::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AidBenchmarkHelper;
}

parameter_types! {
	pub const GpuRegistryPalletId: frame_support::PalletId = frame_support::PalletId(*b"hlx/gpur");
	/// The GPU collection: transferable items (revenue rights move with them), no supply cap.
	pub GpuCollectionConfig: pallet_nfts::CollectionConfigFor<Runtime> =
		pallet_nfts::CollectionConfig {
			settings: pallet_nfts::CollectionSettings::all_enabled(),
			max_supply: None,
			mint_settings: pallet_nfts::MintSettings::default(),
		};
	/// Share of a slashed stake paid to whoever proved the fraud.
	pub const GpuReporterReward: sp_runtime::Permill = sp_runtime::Permill::from_percent(10);
	/// A retired GPU's stake stays held this long (slashable for late fraud proofs): 1 day.
	pub const GpuUnbondingPeriod: BlockNumber = DAYS;
	/// Longest single rental: 30 days.
	pub const GpuMaxRentalBlocks: u32 = 30 * DAYS;
	/// Operator 70%, asset holder 25%, protocol 5% of rental revenue (governance may change it).
	pub GpuDefaultRevenueShares: pallet_gpu_registry::RevenueShares =
		pallet_gpu_registry::RevenueShares {
			operator: sp_runtime::Permill::from_percent(70),
			holder: sp_runtime::Permill::from_percent(25),
			protocol: sp_runtime::Permill::from_percent(5),
		};
}

impl pallet_gpu_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type AssetId = u32;
	type Assets = crate::Assets;
	type AidAssetId = AidAssetId;
	type CollectionId = u32;
	type NftCollectionConfig = pallet_nfts::CollectionConfigFor<Runtime>;
	type NftItemConfig = pallet_nfts::ItemConfig;
	type Nfts = crate::Nfts;
	type GpuCollectionConfig = GpuCollectionConfig;
	// Validators' liveness probes decide Pending -> Active and suspend unresponsive GPUs;
	// uptime scales rental revenue.
	type Liveness = crate::GpuLiveness;
	type OnWithdrawn = gpu_proof::GpuProofPurge;
	// The holder share of GPUs the sAID vault finances becomes vesting vault revenue.
	type RevenueSink = crate::Aid;
	// The GPU catalogue and revenue shares: the `gpu_admin` referendum track (or Root).
	type CatalogueOrigin = crate::governance::RootOr<crate::governance::GpuAdmin>;
	type ParamsOrigin = crate::governance::RootOr<crate::governance::GpuAdmin>;
	type PalletId = GpuRegistryPalletId;
	type TreasuryAccount = TreasuryAccount;
	type ReporterReward = GpuReporterReward;
	type UnbondingPeriod = GpuUnbondingPeriod;
	type MaxRentalBlocks = GpuMaxRentalBlocks;
	type MaxNameLen = ConstU32<64>;
	type MaxRegionLen = ConstU32<64>;
	type MaxEndpointLen = ConstU32<128>;
	type DefaultRevenueShares = GpuDefaultRevenueShares;
	type WeightInfo = pallet_gpu_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GpuRegistryBenchmarkHelper;
}

/// Sets up AID balances and vault financing for the GPU registry's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct GpuRegistryBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_gpu_registry::BenchmarkHelper<AccountId> for GpuRegistryBenchmarkHelper {
	fn fund_aid(who: &AccountId, amount: u128) {
		use frame_support::traits::fungibles::Mutate;
		let _ = <crate::Assets as Mutate<AccountId>>::mint_into(AidAssetId::get(), who, amount);
	}

	fn finance_gpu(gpu: u64) {
		// A depositor puts AID into the vault; governance deploys part of it to the GPU.
		let financier: AccountId = frame_benchmarking::account("financier", 0, 0);
		let amount = 1_000_000_000_000u128;
		Self::fund_aid(&financier, amount);
		let _ = crate::Aid::deposit(RuntimeOrigin::signed(financier.clone()), amount, 1);
		let _ = crate::Aid::fund_gpu_deal(RuntimeOrigin::root(), gpu, financier, amount / 2);
	}

	fn set_downtime(_gpu: u64) {}
}

parameter_types! {
	pub const IpNftPalletId: frame_support::PalletId = frame_support::PalletId(*b"hlx/ipnf");
	/// Only used if pallet-assets stops allocating ids itself (it does: IPTs take its next id).
	pub const IptAssetIdBase: u32 = 2_000_000;
	pub const IpNftDefaultProtocolFee: sp_runtime::Permill = sp_runtime::Permill::from_percent(2);
	pub const IpNftMaxProtocolFee: sp_runtime::Permill = sp_runtime::Permill::from_percent(10);
	pub const IpNftMaxRoyalty: sp_runtime::Permill = sp_runtime::Permill::from_percent(50);
	/// A crowdsale runs at most 90 days; purchased IPTs may be locked up to a year.
	pub const IpNftMaxSaleDuration: BlockNumber = 90 * DAYS;
	pub const IpNftMaxLockPeriod: BlockNumber = 365 * DAYS;
}

/// The id pallet-assets requires for the next created asset.
pub struct AssetsNextId;
impl frame_support::traits::Get<Option<u32>> for AssetsNextId {
	fn get() -> Option<u32> {
		pallet_assets::NextAssetId::<Runtime>::get()
	}
}

/// How many accounts hold an asset (IPT holder counts for the IP-NFT API).
pub struct AssetAccounts;
impl pallet_ip_nft::AssetHolders<u32> for AssetAccounts {
	fn holders(asset: &u32) -> u32 {
		pallet_assets::Asset::<Runtime>::get(asset).map_or(0, |details| details.accounts)
	}
}

/// IP-NFT research results link to ZKML attestations recorded by the zk-verifier pallet.
pub struct ZkAttestations;
impl pallet_ip_nft::AttestationExists<sp_core::H256> for ZkAttestations {
	fn attestation_exists(id: &sp_core::H256) -> bool {
		pallet_zk_verifier::Attestations::<Runtime>::contains_key(id.0)
	}
}

impl pallet_ip_nft::Config for Runtime {
	type CollectionId = u32;
	type ItemId = u64;
	type Nfts = crate::Nfts;
	type NftCollectionConfig = pallet_nfts::CollectionConfigFor<Runtime>;
	type NftItemConfig = pallet_nfts::ItemConfig;
	type AssetId = u32;
	type Assets = crate::Assets;
	type NativeCurrency = Balances;
	type AssetHolders = AssetAccounts;
	type AidAssetId = AidAssetId;
	type IptAssetIdBase = IptAssetIdBase;
	// pallet-assets allocates ids (`AutoIncAssetId`): IPTs take the next one.
	type NextAssetId = AssetsNextId;
	type Signature = Signature;
	type Signer = <Signature as Verify>::Signer;
	type Attestations = ZkAttestations;
	// Which issuers may authorize IP-NFTs, and the protocol fee: governance (Root until a
	// DeSci track exists; the technical committee can fast-track via whitelist).
	type IssuerOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type PalletId = IpNftPalletId;
	type TreasuryAccount = TreasuryAccount;
	type DefaultProtocolFee = IpNftDefaultProtocolFee;
	type MaxProtocolFee = IpNftMaxProtocolFee;
	type MaxRoyalty = IpNftMaxRoyalty;
	type MaxSaleDuration = IpNftMaxSaleDuration;
	type MaxLockPeriod = IpNftMaxLockPeriod;
	type MaxAgreements = ConstU32<16>;
	type MaxUriLen = ConstU32<256>;
	type StringLimit = ConstU32<128>;
	type MaxSymbolLen = ConstU32<16>;
	type MaxGrants = ConstU32<64>;
	type MaxAttestations = ConstU32<64>;
	type MaxAllowList = ConstU32<256>;
	type WeightInfo = pallet_ip_nft::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = IpNftBenchmarkHelper;
}

/// Signing keys and attestations for the IP-NFT benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct IpNftBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_ip_nft::BenchmarkHelper<<Signature as Verify>::Signer, AccountId, Signature>
	for IpNftBenchmarkHelper
{
	fn signer() -> (<Signature as Verify>::Signer, AccountId) {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(0.into(), None);
		let signer = sp_runtime::MultiSigner::Sr25519(public);
		(signer.clone(), signer.into_account())
	}

	fn sign(signer: &<Signature as Verify>::Signer, message: &[u8]) -> Signature {
		match signer {
			sp_runtime::MultiSigner::Sr25519(public) => sp_runtime::MultiSignature::Sr25519(
				sp_io::crypto::sr25519_sign(0.into(), public, message)
					.expect("the benchmark key is in the keystore"),
			),
			_ => unreachable!("signer() makes sr25519 keys"),
		}
	}

	fn create_attestation(id: sp_core::H256) {
		let account: AccountId = frame_benchmarking::account("attester", 0, 0);
		pallet_zk_verifier::Attestations::<Runtime>::insert(
			id.0,
			pallet_zk_verifier::Attestation {
				vk_id: [0u8; 32],
				submitter: account,
				block: 0,
				model_commitment: None,
				input_commitment: None,
				output_commitment: None,
				meta: Default::default(),
			},
		);
	}
}

parameter_types! {
	/// One liveness period: 20 blocks (1 minute). Every monitored GPU is probed by up to
	/// `ProbersPerGpu` validators each period; the uptime window is 64 periods (~1 hour).
	pub const GpuLivenessPeriod: BlockNumber = 20;
	/// Reports for a period are accepted this many blocks into the next one.
	pub const GpuLivenessReportGrace: BlockNumber = 5;
	pub const GpuMaxLivenessSlots: u32 = 131_072;
}

impl pallet_gpu_liveness::Config for Runtime {
	type Directory = crate::GpuRegistry;
	type AuthorityId = pallet_gpu_liveness::crypto::Public;
	type OcwCrypto = pallet_gpu_liveness::crypto::GpuvAuthId;
	type VerifierAccount = pallet_gpu_liveness::crypto::AccountOfKey;
	// The parent block's VRF output: not known before the period starts, so an agent cannot
	// pre-sign answers for a period while its GPU is offline.
	type Randomness =
		pallet_gpu_liveness::FlattenRandomness<pallet_babe::ParentBlockRandomness<Runtime>>;
	type LivenessPeriod = GpuLivenessPeriod;
	type ProbersPerGpu = ConstU32<3>;
	/// Two consecutive periods decided dead suspend a GPU.
	type MaxMissedPeriods = ConstU32<2>;
	type ReportGrace = GpuLivenessReportGrace;
	type MaxVerifiers = MaxAuthorities;
	type MaxSlots = GpuMaxLivenessSlots;
	type MaxEvidence = ConstU32<4>;
	type MaxReportBits = GpuMaxLivenessSlots;
	type ProbeTimeoutMs = ConstU64<2_000>;
	/// Above k·N/V at 100k GPUs and 100 validators (3,000).
	type MaxProbesPerRun = ConstU32<4_096>;
	type WeightInfo = pallet_gpu_liveness::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GpuLivenessBenchmarkHelper;
}

/// Registers GPUs in the real registry for the liveness benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct GpuLivenessBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_gpu_liveness::BenchmarkHelper for GpuLivenessBenchmarkHelper {
	fn register_gpu(gpu: u64, agent_key: [u8; 32]) {
		// A registry record with the key and an endpoint: all the liveness pallet reads.
		use pallet_gpu_registry::types::{GpuRecord, GpuSpecs, GpuStatus};
		pallet_gpu_registry::Gpus::<Runtime>::insert(
			gpu,
			GpuRecord {
				provider: frame_benchmarking::account("gpu-provider", 0, 0),
				model: 0,
				specs: GpuSpecs { vram_mib: 81_920, serial_hash: [0; 32] },
				region: Default::default(),
				endpoint: sp_runtime::BoundedVec::truncate_from(b"http://127.0.0.1:9955".to_vec()),
				agent_key,
				status: GpuStatus::Pending,
				stake: 0,
				price: None,
				registered_at: 0,
			},
		);
		pallet_gpu_registry::AgentKeys::<Runtime>::insert(agent_key, gpu);
	}
}
