//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets` and the AID pallet.

use crate as pallet_aid;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, Hooks},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{BuildStorage, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
/// 16 bytes, so the pallet's sub-accounts (`modl` + pallet id + sub id) stay distinct.
pub type AccountId = u128;
pub type AssetId = u32;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Aid: pallet_aid,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
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

/// AID's asset id.
pub const AID: AssetId = 1;
/// sAID's asset id.
pub const SAID: AssetId = 2;
/// A 6-decimals collateral (USDC-like), not sufficient.
pub const USDC: AssetId = 10;
/// An 18-decimals collateral (DAI-like).
pub const DAI: AssetId = 11;
/// An asset that exists but is not whitelisted.
pub const OTHER: AssetId = 12;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Not on the allow-list.
pub const EVE: AccountId = 4;
pub const TREASURY: AccountId = 99;
pub const ASSET_ADMIN: AccountId = 100;

/// One whole AID / USDC (6 decimals).
pub const UNIT: u128 = 1_000_000;
/// One whole DAI (18 decimals).
pub const DAI_UNIT: u128 = 1_000_000_000_000_000_000;
/// Vesting period of the mock, in blocks.
pub const VESTING: u64 = 100;
/// Default cooldown of the mock, in blocks.
pub const COOLDOWN: u64 = 10;

parameter_types! {
	pub const AidPalletId: PalletId = PalletId(*b"hlx/aid0");
	pub const Treasury: AccountId = TREASURY;
	pub const PerformanceFee: Permill = Permill::from_percent(10);
	pub static ProcessPerBlock: u32 = 4;
	pub static MinWithdrawal: u128 = 0;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AssetId, u32> for MockBenchmarkHelper {
	fn collateral_asset(i: u32) -> AssetId {
		1_000 + i
	}
	fn gpu(i: u32) -> u32 {
		i
	}
}

impl pallet_aid::Config for Test {
	type AssetId = AssetId;
	type Assets = Assets;
	type GpuId = u32;
	type AdminOrigin = EnsureRoot<AccountId>;
	type PalletId = AidPalletId;
	type AidAssetId = frame_support::traits::ConstU32<AID>;
	type SaidAssetId = frame_support::traits::ConstU32<SAID>;
	type AidDecimals = frame_support::traits::ConstU8<6>;
	type SharesDecimalsOffset = frame_support::traits::ConstU8<6>;
	type VestingPeriod = ConstU64<VESTING>;
	type CooldownPeriod = ConstU64<COOLDOWN>;
	type DefaultPerformanceFee = PerformanceFee;
	type TreasuryAccount = Treasury;
	type MinWithdrawal = MinWithdrawal;
	type MaxQueueLen = ConstU32<16>;
	type MaxRequestsPerAccount = ConstU32<4>;
	type MaxQueueProcessPerBlock = ProcessPerBlock;
	type MaxDeals = ConstU32<4>;
	type MaxCollaterals = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Test externalities: USDC and DAI exist (not sufficient), accounts 1..=4 hold native
/// balance, USDC and DAI; ALICE and BOB are allow-listed; USDC and DAI are collateral.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 1_000),
			(BOB, 1_000),
			(CHARLIE, 1_000),
			(EVE, 1_000),
			(ASSET_ADMIN, 1_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![
			(USDC, ASSET_ADMIN, false, 1),
			(DAI, ASSET_ADMIN, false, 1),
			(OTHER, ASSET_ADMIN, false, 1),
		],
		accounts: [ALICE, BOB, CHARLIE, EVE]
			.iter()
			.flat_map(|who| {
				[
					(USDC, *who, 1_000_000 * UNIT),
					(DAI, *who, 1_000_000 * DAI_UNIT),
					(OTHER, *who, UNIT),
				]
			})
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_aid::GenesisConfig::<Test> {
		allow_list: vec![ALICE, BOB],
		collaterals: vec![(USDC, 6, 10_000_000 * UNIT), (DAI, 18, 10_000_000 * DAI_UNIT)],
		paused: false,
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
		Aid::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n`, running `on_initialize` of the AID pallet on each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Aid::on_initialize(next);
	}
}

/// The events of the AID pallet emitted so far.
pub fn aid_events() -> Vec<pallet_aid::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Aid(event) => Some(event),
			_ => None,
		})
		.collect()
}
