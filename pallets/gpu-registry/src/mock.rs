//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets`, `pallet_nfts` and the GPU
//! registry, with a thread-local fake liveness pallet and a fake sAID vault (revenue sink).

use crate::{self as pallet_gpu_registry, ChallengeParams, GpuId, ModelSpec, RevenueShares};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungibles, tokens::Preservation, AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use heliox_gpu_liveness::{LivenessMonitor, MonitorError, Uptime};
use heliox_vault::{RevenueError, RevenueSink};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AccountIdConversion, IdentifyAccount, Lazy, Verify},
	BuildStorage, Permill,
};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
/// 16 bytes, so the pallet's account and its escrow sub-account stay distinct.
pub type AccountId = u128;
pub type AssetId = u32;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Nfts: pallet_nfts,
		GpuRegistry: pallet_gpu_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
}

/// Existential deposit of the native currency.
pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Off-chain signatures are not used by the registry: none verifies.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct NoSignature;
/// The signer of [`NoSignature`].
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct NoPublic(pub AccountId);
impl IdentifyAccount for NoPublic {
	type AccountId = AccountId;
	fn into_account(self) -> AccountId {
		self.0
	}
}
impl Verify for NoSignature {
	type Signer = NoPublic;
	fn verify<L: Lazy<[u8]>>(&self, _msg: L, _signer: &AccountId) -> bool {
		false
	}
}

parameter_types! {
	pub storage NftFeatures: pallet_nfts::PalletFeatures =
		pallet_nfts::PalletFeatures::all_enabled();
}

impl pallet_nfts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = u64;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	type CollectionDeposit = ConstU128<2>;
	type ItemDeposit = ConstU128<1>;
	type MetadataDepositBase = ConstU128<1>;
	type AttributeDepositBase = ConstU128<1>;
	type DepositPerByte = ConstU128<1>;
	type StringLimit = ConstU32<50>;
	type KeyLimit = ConstU32<32>;
	type ValueLimit = ConstU32<64>;
	type ApprovalsLimit = ConstU32<10>;
	type ItemAttributesApprovalsLimit = ConstU32<2>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = ConstU64<10000>;
	type MaxAttributesPerCall = ConstU32<2>;
	type Features = NftFeatures;
	type OffchainSignature = NoSignature;
	type OffchainPublic = NoPublic;
	type WeightInfo = ();
	type BlockNumberProvider = frame_system::Pallet<Test>;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Holds too little to stake.
pub const DAVE: AccountId = 4;
pub const REPORTER: AccountId = 5;
/// An account that does not exist (no balance).
pub const NOBODY: AccountId = 6;
pub const TREASURY: AccountId = 99;
/// The fake vault's account.
pub const VAULT: AccountId = 77;
pub const ASSET_ADMIN: AccountId = 100;

/// AID's asset id.
pub const AID: AssetId = 1;
/// The model of the tests: 80 GiB, stake 10_000.
pub const H100: u32 = 1;
/// A second model, no stake.
pub const L4: u32 = 2;
/// A model with no GPUs.
pub const UNUSED: u32 = 3;
/// Stake of an H100.
pub const STAKE: u128 = 10_000;
/// Unbonding period of the mock, in blocks.
pub const UNBONDING: u64 = 20;
/// Native balance of ALICE, BOB and CHARLIE.
pub const RICH: u128 = 1_000_000;
/// AID balance of BOB and CHARLIE.
pub const AID_BALANCE: u128 = 1_000_000;

parameter_types! {
	pub const GpuPalletId: PalletId = PalletId(*b"hlx/gpu0");
	pub const Treasury: AccountId = TREASURY;
	pub const ReporterReward: Permill = Permill::from_percent(10);
	pub const DefaultShares: RevenueShares = RevenueShares {
		operator: Permill::from_percent(20),
		holder: Permill::from_percent(75),
		protocol: Permill::from_percent(5),
	};
	pub GpuCollectionConfig: pallet_nfts::CollectionConfigFor<Test> =
		pallet_nfts::CollectionConfig {
			settings: pallet_nfts::CollectionSettings::all_enabled(),
			max_supply: None,
			mint_settings: pallet_nfts::MintSettings::default(),
		};
}

/// A call the registry made to the fake liveness pallet.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MonitorCall {
	Start(GpuId),
	Stop(GpuId),
}

thread_local! {
	static MONITORED: RefCell<BTreeSet<GpuId>> = const { RefCell::new(BTreeSet::new()) };
	static MONITOR_CALLS: RefCell<Vec<MonitorCall>> = const { RefCell::new(Vec::new()) };
	static UPTIMES: RefCell<BTreeMap<GpuId, Uptime>> = const { RefCell::new(BTreeMap::new()) };
	static SLOTS: RefCell<usize> = const { RefCell::new(usize::MAX) };
	static FINANCED: RefCell<BTreeSet<GpuId>> = const { RefCell::new(BTreeSet::new()) };
	static SINK_REFUSES: RefCell<bool> = const { RefCell::new(false) };
	static WITHDRAWN: RefCell<Vec<GpuId>> = const { RefCell::new(Vec::new()) };
}

/// Records the GPUs whose stake was withdrawn.
pub struct MockOnWithdrawn;
impl crate::OnGpuWithdrawn for MockOnWithdrawn {
	fn on_gpu_withdrawn(gpu: GpuId) {
		WITHDRAWN.with_borrow_mut(|w| w.push(gpu));
	}
}

/// The GPUs [`MockOnWithdrawn`] was told about.
pub fn withdrawn() -> Vec<GpuId> {
	WITHDRAWN.with_borrow(|w| w.clone())
}

/// The fake liveness pallet: monitors up to [`set_liveness_slots`] GPUs and reports the uptime
/// set by [`set_uptime`].
pub struct MockLiveness;
impl LivenessMonitor<GpuId> for MockLiveness {
	fn start_monitoring(gpu: &GpuId) -> Result<(), MonitorError> {
		MONITORED.with_borrow_mut(|monitored| {
			if !monitored.contains(gpu) && monitored.len() >= SLOTS.with_borrow(|s| *s) {
				return Err(MonitorError::NoFreeSlot);
			}
			monitored.insert(*gpu);
			MONITOR_CALLS.with_borrow_mut(|calls| calls.push(MonitorCall::Start(*gpu)));
			Ok(())
		})
	}
	fn stop_monitoring(gpu: &GpuId) {
		MONITORED.with_borrow_mut(|monitored| monitored.remove(gpu));
		MONITOR_CALLS.with_borrow_mut(|calls| calls.push(MonitorCall::Stop(*gpu)));
	}
	fn uptime(gpu: &GpuId) -> Option<Uptime> {
		UPTIMES.with_borrow(|uptimes| uptimes.get(gpu).copied())
	}
}

/// Whether the fake liveness pallet monitors `gpu`.
pub fn monitored(gpu: GpuId) -> bool {
	MONITORED.with_borrow(|monitored| monitored.contains(&gpu))
}
/// The calls made to the fake liveness pallet so far.
pub fn monitor_calls() -> Vec<MonitorCall> {
	MONITOR_CALLS.with_borrow(|calls| calls.clone())
}
/// Sets the uptime the fake liveness pallet reports for `gpu`.
pub fn set_uptime(gpu: GpuId, live: u32, observed: u32) {
	UPTIMES.with_borrow_mut(|uptimes| uptimes.insert(gpu, Uptime { live, observed }));
}
/// Sets how many GPUs the fake liveness pallet can monitor.
pub fn set_liveness_slots(slots: usize) {
	SLOTS.with_borrow_mut(|s| *s = slots);
}

/// The fake sAID vault: finances the GPUs given to [`finance`] and moves their revenue to
/// [`VAULT`], unless told to refuse.
pub struct MockSink;
impl RevenueSink<AccountId, GpuId, u128> for MockSink {
	fn finances(gpu: &GpuId) -> bool {
		FINANCED.with_borrow(|financed| financed.contains(gpu))
	}
	fn accept_revenue(payer: &AccountId, gpu: &GpuId, amount: u128) -> Result<(), RevenueError> {
		if !Self::finances(gpu) {
			return Err(RevenueError::NotFinanced);
		}
		if SINK_REFUSES.with_borrow(|refuses| *refuses) {
			return Err(RevenueError::Unavailable);
		}
		<Assets as fungibles::Mutate<AccountId>>::transfer(
			AID,
			payer,
			&VAULT,
			amount,
			Preservation::Expendable,
		)
		.map(|_| ())
		.map_err(|_| RevenueError::PaymentFailed)
	}
}

/// Makes the fake vault finance `gpu`.
pub fn finance(gpu: GpuId) {
	FINANCED.with_borrow_mut(|financed| financed.insert(gpu));
}
/// Makes the fake vault refuse revenue.
pub fn set_sink_refuses(refuses: bool) {
	SINK_REFUSES.with_borrow_mut(|r| *r = refuses);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn fund_aid(who: &AccountId, amount: u128) {
		use frame_support::traits::fungibles::{Create, Inspect, Mutate};
		if !Assets::asset_exists(AID) {
			<Assets as Create<AccountId>>::create(AID, ASSET_ADMIN, true, 1).unwrap();
		}
		<Assets as Mutate<AccountId>>::mint_into(AID, who, amount).unwrap();
	}
	fn finance_gpu(gpu: GpuId) {
		finance(gpu);
	}
	fn set_downtime(gpu: GpuId) {
		set_uptime(gpu, 3, 4);
	}
}

impl pallet_gpu_registry::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type AssetId = AssetId;
	type Assets = Assets;
	type AidAssetId = ConstU32<AID>;
	type CollectionId = u32;
	type NftCollectionConfig = pallet_nfts::CollectionConfigFor<Test>;
	type NftItemConfig = pallet_nfts::ItemConfig;
	type Nfts = Nfts;
	type GpuCollectionConfig = GpuCollectionConfig;
	type Liveness = MockLiveness;
	type OnWithdrawn = MockOnWithdrawn;
	type RevenueSink = MockSink;
	type CatalogueOrigin = EnsureRoot<AccountId>;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type PalletId = GpuPalletId;
	type TreasuryAccount = Treasury;
	type ReporterReward = ReporterReward;
	type UnbondingPeriod = ConstU64<UNBONDING>;
	type MaxRentalBlocks = ConstU32<1_000>;
	type MaxNameLen = ConstU32<32>;
	type MaxRegionLen = ConstU32<32>;
	type MaxEndpointLen = ConstU32<64>;
	type DefaultRevenueShares = DefaultShares;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// A model spec with valid challenge parameters.
pub fn model_spec(name: &[u8], vram_mib: u32, min_stake: u128) -> ModelSpec<Vec<u8>> {
	ModelSpec {
		name: name.to_vec(),
		vram_mib,
		int8_tops: 1_979,
		fp16_tflops: 989,
		memory_bandwidth_gbps: 3_350,
		min_stake,
		reward_weight: Permill::from_percent(100),
		challenge: ChallengeParams {
			n: 4096,
			lag: 4,
			steps: 64,
			samples: 8,
			deadline_slack: Permill::from_percent(20),
		},
	}
}

/// Test externalities: models H100 (stake [`STAKE`]), L4 (no stake) and UNUSED; the GPU
/// collection exists; ALICE, BOB, CHARLIE hold [`RICH`] native, BOB and CHARLIE hold AID.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MONITORED.with_borrow_mut(|m| m.clear());
	MONITOR_CALLS.with_borrow_mut(|c| c.clear());
	UPTIMES.with_borrow_mut(|u| u.clear());
	SLOTS.with_borrow_mut(|s| *s = usize::MAX);
	FINANCED.with_borrow_mut(|f| f.clear());
	SINK_REFUSES.with_borrow_mut(|r| *r = false);
	WITHDRAWN.with_borrow_mut(|w| w.clear());

	let pallet_account: AccountId = GpuPalletId::get().into_account_truncating();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, RICH),
			(BOB, RICH),
			(CHARLIE, RICH),
			(DAVE, 100),
			(REPORTER, 100),
			(TREASURY, 1_000),
			(ASSET_ADMIN, 1_000),
			(pallet_account, 1_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(AID, ASSET_ADMIN, true, 1)],
		accounts: vec![(BOB, AID, AID_BALANCE), (CHARLIE, AID, AID_BALANCE)]
			.into_iter()
			.map(|(who, asset, amount)| (asset, who, amount))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_gpu_registry::GenesisConfig::<Test> {
		models: vec![
			(H100, model_spec(b"H100-SXM5-80GB", 81_920, STAKE)),
			(L4, model_spec(b"L4", 24_576, 0)),
			(UNUSED, model_spec(b"A100", 40_960, 5_000)),
		],
		revenue_shares: None,
		create_collection: true,
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in fresh externalities and checks the pallet's invariants afterwards.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		GpuRegistry::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n` (the registry has no block hooks).
pub fn run_to_block(n: u64) {
	if System::block_number() < n {
		System::set_block_number(n);
	}
}

/// The events of the registry emitted so far.
pub fn registry_events() -> Vec<pallet_gpu_registry::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::GpuRegistry(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The AID balance of `who`.
pub fn aid_balance(who: AccountId) -> u128 {
	Assets::balance(AID, who)
}

/// Rents `gpu` in the currency it is priced in now (what a wallet reading the price sends).
pub fn rent_now(
	origin: RuntimeOrigin,
	gpu: GpuId,
	blocks: u32,
	max_price_per_block: u128,
) -> frame_support::dispatch::DispatchResult {
	let currency = crate::Gpus::<Test>::get(gpu)
		.and_then(|g| g.price)
		.map_or(crate::types::PaymentCurrency::Native, |p| p.currency);
	GpuRegistry::rent(origin, gpu, blocks, max_price_per_block, currency)
}
