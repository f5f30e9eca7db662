//! Test runtime: System, Balances and Subnets.

use crate as pallet_subnets;
use crate::*;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU16, ConstU32, ConstU64, Hooks},
	BoundedVec,
};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Perbill};

pub type AccountId = u64;
pub type Balance = u64;
pub type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Block emission of the mock: 1e9 units per block.
pub const BLOCK_EMISSION: Balance = 1_000_000_000;
pub const MIN_LOCK: Balance = 1_000;
pub const MIN_BURN: Balance = 100;
pub const MAX_BURN: Balance = 1_000_000;
pub const TEMPO: u32 = 10;

parameter_types! {
	pub MockDefaults: SubnetHyperparameters = SubnetHyperparameters {
		tempo: TEMPO,
		max_uids: 8,
		max_validators: 4,
		immunity_period: 5,
		weights_rate_limit: 2,
		min_allowed_weights: 1,
		activity_cutoff: 1_000,
		..SubnetHyperparameters::default()
	};
	pub const BurnIncrease: Perbill = Perbill::from_percent(26);
}

impl Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	type DefaultHyperparameters = MockDefaults;
	type MaxSubnets = ConstU32<4>;
	type MaxUids = ConstU32<16>;
	type MaxWeightsPerValidator = ConstU32<16>;
	type MaxEpochsPerBlock = ConstU32<2>;
	type MaxPendingCommits = ConstU32<3>;
	type BlockEmission = ConstU64<BLOCK_EMISSION>;
	type OwnerCut = ConstU16<11_796>;
	type MinLockCost = ConstU64<MIN_LOCK>;
	type LockReductionInterval = ConstU64<100>;
	type MinBurn = ConstU64<MIN_BURN>;
	type MaxBurn = ConstU64<MAX_BURN>;
	type BurnIncrease = BurnIncrease;
	type BurnHalvingInterval = ConstU64<20>;
	type MinStake = ConstU64<10>;
	type ServingRateLimit = ConstU64<3>;
}

/// Accounts 1..=20 start with this much.
pub const INITIAL: Balance = 1_000_000_000;

pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		ExtBuilder { balances: (1..=20).map(|who| (who, INITIAL)).collect() }
	}
}

impl ExtBuilder {
	pub fn balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, amount));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Subnets::do_try_state().expect("try_state invariants hold");
		})
	}
}

/// Advances to block `n`, running `on_initialize` of each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Subnets::on_initialize(next);
	}
}

pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Subnets(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event")
}

/// Registers a subnet owned by `owner`; returns its netuid.
pub fn new_subnet(owner: AccountId) -> NetUid {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(owner)));
	match last_event() {
		Event::NetworkRegistered { netuid, .. } => netuid,
		e => panic!("unexpected {e:?}"),
	}
}

/// Registers `hotkey` (owned by `coldkey`) on `netuid`; returns its UID.
pub fn register(netuid: NetUid, coldkey: AccountId, hotkey: AccountId) -> Uid {
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, hotkey));
	Uids::<Test>::get(netuid, hotkey).unwrap()
}

/// Sets the hyperparameters of `netuid` (owner `owner`) through `f`.
pub fn set_params(owner: AccountId, netuid: NetUid, f: impl FnOnce(&mut SubnetHyperparameters)) {
	let mut params = Networks::<Test>::get(netuid).unwrap().params;
	f(&mut params);
	assert_ok!(Subnets::set_hyperparameters(RuntimeOrigin::signed(owner), netuid, params));
}

/// Gives `uid` a validator permit directly (as an epoch would).
pub fn grant_permit(netuid: NetUid, uid: Uid) {
	Neurons::<Test>::mutate(netuid, uid, |n| n.as_mut().unwrap().validator_permit = true);
}

pub fn uids(v: &[Uid]) -> BoundedVec<Uid, ConstU32<16>> {
	BoundedVec::truncate_from(v.to_vec())
}

pub fn vals(v: &[u16]) -> BoundedVec<u16, ConstU32<16>> {
	BoundedVec::truncate_from(v.to_vec())
}
