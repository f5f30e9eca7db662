//! Test runtime: `frame_system`, `pallet_balances`, `pallet_authorship` with a scripted block
//! author, the validator manager and the real `pallet_session` (periodic sessions of
//! [`SESSION`] blocks, `UintAuthorityId` keys), declared in the order the runtime must use:
//! `Authorship` and `ValidatorManager` before `Session`.

use crate as pallet_validator_manager;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, FindAuthor, OnFinalize, OnInitialize},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	impl_opaque_keys, testing::UintAuthorityId, traits::ConvertInto, BuildStorage,
	ConsensusEngineId,
};
use std::{cell::RefCell, collections::BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts are plain numbers.
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Authorship: pallet_authorship,
		ValidatorManager: pallet_validator_manager,
		Session: pallet_session,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl_opaque_keys! {
	/// The mock's session keys: one dummy key.
	pub struct MockSessionKeys {
		/// The dummy key.
		pub dummy: UintAuthorityId,
	}
}

/// The session keys of `who` (unique per account).
pub fn keys_of(who: AccountId) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(who) }
}

/// `who`'s proof of possession of [`keys_of`]`(who)` for `Session::set_keys`.
pub fn keys_proof(who: AccountId) -> Vec<u8> {
	use codec::Encode;
	use sp_runtime::RuntimeAppPublic;
	(UintAuthorityId(who).sign(&who.encode()).expect("test keys sign"),).encode()
}

/// Blocks per session: sessions end at blocks 10, 20, ...
pub const SESSION: u64 = 10;
/// `MaxOfflineSessions` of the mock.
pub const MAX_OFFLINE: u32 = 3;
/// `MinValidators` of the mock.
pub const MIN_VALIDATORS: u32 = 2;
/// `MaxValidators` of the mock.
pub const MAX_VALIDATORS: u32 = 8;
/// Genesis validators.
pub const GENESIS: [AccountId; 4] = [1, 2, 3, 4];
/// Accounts with session keys at genesis that are not validators.
pub const CANDIDATES: [AccountId; 6] = [5, 6, 7, 8, 9, 10];
/// An endowed account without session keys.
pub const NO_KEYS: AccountId = 99;

type Periodic = pallet_session::PeriodicSessions<ConstU64<SESSION>, ConstU64<0>>;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Periodic;
	type NextSessionRotation = Periodic;
	type SessionManager = ValidatorManager;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

thread_local! {
	/// Accounts that author no block.
	static OFFLINE: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	/// The author of the block being initialized.
	static AUTHOR: RefCell<Option<AccountId>> = const { RefCell::new(None) };
}

/// Makes `who` author no block from now on.
pub fn go_offline(who: AccountId) {
	OFFLINE.with(|o| o.borrow_mut().insert(who));
}

/// Makes `who` author blocks again.
pub fn go_online(who: AccountId) {
	OFFLINE.with(|o| o.borrow_mut().remove(&who));
}

/// The block author: set by [`run_to_block`] before each block.
pub struct ScriptedAuthor;

impl FindAuthor<AccountId> for ScriptedAuthor {
	fn find_author<'a, I>(_digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		AUTHOR.with(|a| *a.borrow())
	}
}

impl pallet_authorship::Config for Test {
	type FindAuthor = ScriptedAuthor;
	type EventHandler = ValidatorManager;
}

parameter_types! {
	pub const MaxValidators: u32 = MAX_VALIDATORS;
}

impl pallet_validator_manager::Config for Test {
	type AdminOrigin = EnsureRoot<AccountId>;
	type ValidatorRegistration = Session;
	type MaxValidators = MaxValidators;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxOfflineSessions = ConstU32<MAX_OFFLINE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::SessionKeysHelper<Test>;
}

/// Genesis storage: balances for every account, session keys for the validators
/// ([`GENESIS`]) and candidates ([`CANDIDATES`]), the manager's genesis set `manager`
/// (empty: uninitialized).
pub fn genesis_storage(manager: Vec<AccountId>) -> sp_runtime::Storage {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: GENESIS
			.iter()
			.chain(CANDIDATES.iter())
			.chain([NO_KEYS, 100, 101].iter())
			.map(|a| (*a, 1_000))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	RuntimeGenesisConfig {
		validator_manager: pallet_validator_manager::GenesisConfig { validators: manager },
		session: pallet_session::GenesisConfig {
			keys: GENESIS.iter().map(|a| (*a, *a, keys_of(*a))).collect(),
			non_authority_keys: CANDIDATES.iter().map(|a| (*a, *a, keys_of(*a))).collect(),
		},
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	storage
}

/// Externalities at block 1 of session 0, from `storage`.
pub fn ext_from(storage: sp_runtime::Storage) -> sp_io::TestExternalities {
	OFFLINE.with(|o| o.borrow_mut().clear());
	AUTHOR.with(|a| *a.borrow_mut() = None);
	let mut ext = sp_io::TestExternalities::new(storage);
	// Block 1 is where tests act first; blocks run from block 2 on ([`run_to_block`]).
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Externalities with validators 1..=4 at genesis (session 0, block 1).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ext_from(genesis_storage(GENESIS.to_vec()))
}

/// Runs `test` in [`new_test_ext`] and checks the pallet's invariants afterwards.
pub fn run(test: impl FnOnce()) {
	run_in(new_test_ext(), test)
}

/// Runs `test` in `ext` and checks the pallet's invariants afterwards.
pub fn run_in(mut ext: sp_io::TestExternalities, test: impl FnOnce()) {
	ext.execute_with(|| {
		test();
		ValidatorManager::do_try_state().expect("invariants hold");
	});
}

/// Picks the author of block `n`: round robin over the online accounts of
/// `pallet_session::Validators` (what BABE's authority index maps to in the runtime).
fn set_author(n: u64) {
	let online: Vec<AccountId> = pallet_session::Validators::<Test>::get()
		.into_iter()
		.filter(|v| !OFFLINE.with(|o| o.borrow().contains(v)))
		.collect();
	let author = (!online.is_empty()).then(|| online[(n as usize) % online.len()]);
	AUTHOR.with(|a| *a.borrow_mut() = author);
}

/// Advances to block `n`, running every pallet's hooks; checks the invariants after each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let now = System::block_number();
		<AllPalletsWithSystem as OnFinalize<u64>>::on_finalize(now);
		let next = now + 1;
		System::set_block_number(next);
		set_author(next);
		// The block weight, as `frame_executive` resets it at the start of a block.
		frame_system::BlockWeight::<Test>::kill();
		<AllPalletsWithSystem as OnInitialize<u64>>::on_initialize(next);
		ValidatorManager::do_try_state().expect("invariants hold");
	}
}

/// Runs until the end of the current session: the rotation block (a multiple of
/// [`SESSION`]) has been initialized.
pub fn rotate() {
	let now = System::block_number();
	run_to_block((now / SESSION + 1) * SESSION);
}

/// Runs `k` session rotations.
pub fn rotate_n(k: u32) {
	for _ in 0..k {
		rotate();
	}
}

/// `pallet_session`'s active validators, sorted.
pub fn session_validators() -> Vec<AccountId> {
	let mut v = pallet_session::Validators::<Test>::get();
	v.sort();
	v
}

/// `pallet_session`'s queued validators (next session), sorted.
pub fn session_queued() -> Vec<AccountId> {
	let mut v: Vec<AccountId> =
		pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(v, _)| v).collect();
	v.sort();
	v
}

/// The pallet's events, in order, since the last reset.
pub fn events() -> Vec<pallet_validator_manager::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorManager(event) => Some(event),
			_ => None,
		})
		.collect()
}
