//! A test runtime: system, balances and the pallet with the native-host backend.

use frame_support::{derive_impl, parameter_types, traits::VariantCountOf};
use sp_runtime::BuildStorage;

use crate as pallet_zk_verifier;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ZkVerifier: pallet_zk_verifier,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

parameter_types! {
	pub const MaxPublicInputs: u32 = 16;
	pub const MaxBatchSize: u32 = 8;
	pub const MaxMetaLen: u32 = 64;
	pub const DepositBase: Balance = 1_000;
	pub const DepositPerByte: Balance = 1;
}

impl pallet_zk_verifier::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Backend = heliox_zk::NativeHost;
	type MaxPublicInputs = MaxPublicInputs;
	type MaxBatchSize = MaxBatchSize;
	type MaxMetaLen = MaxMetaLen;
	type DepositBase = DepositBase;
	type DepositPerByte = DepositPerByte;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Has too little to cover any key's deposit.
pub const POOR: AccountId = 3;
pub const ENDOWMENT: Balance = 10_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (POOR, 2_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and the pallet's invariants after it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ZkVerifier::do_try_state().expect("try_state invariants hold");
	});
}
