//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets`, `pallet_nfts` and the
//! IP-NFT pallet, with the runtime's account and signature types (`AccountId32`,
//! `MultiSignature`) so that issuer signatures are real sr25519 signatures.

use crate as pallet_ip_nft;
use crate::{AssetHolders, AttestationExists, SaleCurrency};
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_nfts::PalletFeatures;
use sp_core::{sr25519, Pair, H256};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup, Verify},
	AccountId32, BuildStorage, MultiSignature, MultiSigner, Permill,
};
use std::{cell::RefCell, collections::BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = AccountId32;
pub type Signature = MultiSignature;
pub type AssetId = u32;
pub type ItemId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Nfts: pallet_nfts,
		IpNft: pallet_ip_nft,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
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
	type AssetDeposit = ConstU128<1>;
	type AssetAccountDeposit = ConstU128<1>;
	type MetadataDepositBase = ConstU128<1>;
	type MetadataDepositPerByte = ConstU128<1>;
	type ApprovalDeposit = ConstU128<1>;
	type Freezer = ();
	type Holder = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub storage Features: PalletFeatures = PalletFeatures::all_enabled();
}

impl pallet_nfts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = ItemId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	type CollectionDeposit = ConstU128<COLLECTION_DEPOSIT>;
	type ItemDeposit = ConstU128<ITEM_DEPOSIT>;
	type MetadataDepositBase = ConstU128<1>;
	type AttributeDepositBase = ConstU128<1>;
	type DepositPerByte = ConstU128<1>;
	type StringLimit = ConstU32<50>;
	type KeyLimit = ConstU32<50>;
	type ValueLimit = ConstU32<50>;
	type ApprovalsLimit = ConstU32<10>;
	type ItemAttributesApprovalsLimit = ConstU32<2>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = ConstU64<10000>;
	type MaxAttributesPerCall = ConstU32<2>;
	type Features = Features;
	type OffchainSignature = Signature;
	type OffchainPublic = MultiSigner;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type BlockNumberProvider = System;
}

/// Existential deposit of HLX in the mock.
pub const ED: u128 = 10;
pub const COLLECTION_DEPOSIT: u128 = 100;
pub const ITEM_DEPOSIT: u128 = 5;
/// AID's asset id.
pub const AID: AssetId = 1000;
/// First IPT asset id.
pub const IPT_BASE: AssetId = 2_000_000;
/// Longest sale in the mock.
pub const MAX_SALE: u64 = 100;
/// Longest lock in the mock.
pub const MAX_LOCK: u64 = 50;
/// Most agreements in the mock.
pub const MAX_AGREEMENTS: u32 = 4;
/// Most grants, attestations, allow-list entries in the mock.
pub const MAX_GRANTS: u32 = 3;
pub const MAX_ATTESTATIONS: u32 = 3;
pub const MAX_ALLOW_LIST: u32 = 16;
/// Initial HLX / AID of every test account.
pub const FUNDS: u128 = 1_000_000_000;

thread_local! {
	static ATTESTATIONS: RefCell<BTreeSet<H256>> = const { RefCell::new(BTreeSet::new()) };
}

/// The zk-verifier's attestations, as the mock sees them.
pub struct MockAttestations;
impl MockAttestations {
	/// Records attestation `id`.
	pub fn insert(id: H256) {
		ATTESTATIONS.with(|set| set.borrow_mut().insert(id));
	}
}
impl AttestationExists<H256> for MockAttestations {
	fn attestation_exists(id: &H256) -> bool {
		ATTESTATIONS.with(|set| set.borrow().contains(id))
	}
}

/// Holders of an asset from `pallet-assets` (as the runtime implements it).
pub struct AssetsHolders;
impl AssetHolders<AssetId> for AssetsHolders {
	fn holders(asset: &AssetId) -> u32 {
		pallet_assets::Asset::<Test>::get(asset).map_or(0, |details| details.accounts)
	}
}

parameter_types! {
	pub const IpNftPalletId: PalletId = PalletId(*b"hlx/ipnf");
	pub Treasury: AccountId = account(99);
	pub static DefaultFee: Permill = Permill::from_percent(2);
	pub const MaxFee: Permill = Permill::from_percent(50);
	pub const MaxRoyalty: Permill = Permill::from_percent(50);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<MultiSigner, AccountId, Signature> for MockBenchmarkHelper {
	fn signer() -> (MultiSigner, AccountId) {
		let public = sp_io::crypto::sr25519_generate(0.into(), None);
		let signer = MultiSigner::Sr25519(public);
		let account = signer.clone().into_account();
		(signer, account)
	}
	fn sign(signer: &MultiSigner, message: &[u8]) -> Signature {
		let MultiSigner::Sr25519(public) = signer else { panic!("sr25519 signer") };
		MultiSignature::Sr25519(
			sp_io::crypto::sr25519_sign(0.into(), public, message).expect("key in keystore"),
		)
	}
	fn create_attestation(id: H256) {
		MockAttestations::insert(id);
	}
}

impl pallet_ip_nft::Config for Test {
	type CollectionId = u32;
	type ItemId = ItemId;
	type Nfts = Nfts;
	type NftCollectionConfig = pallet_nfts::CollectionConfigFor<Test>;
	type NftItemConfig = pallet_nfts::ItemConfig;
	type AssetId = AssetId;
	type Assets = Assets;
	type NativeCurrency = Balances;
	type AssetHolders = AssetsHolders;
	type AidAssetId = ConstU32<AID>;
	type IptAssetIdBase = ConstU32<IPT_BASE>;
	type NextAssetId = ();
	type Signature = Signature;
	type Signer = <Signature as Verify>::Signer;
	type Attestations = MockAttestations;
	type IssuerOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type PalletId = IpNftPalletId;
	type TreasuryAccount = Treasury;
	type DefaultProtocolFee = DefaultFee;
	type MaxProtocolFee = MaxFee;
	type MaxRoyalty = MaxRoyalty;
	type MaxSaleDuration = ConstU64<MAX_SALE>;
	type MaxLockPeriod = ConstU64<MAX_LOCK>;
	type MaxAgreements = ConstU32<MAX_AGREEMENTS>;
	type MaxUriLen = ConstU32<64>;
	type StringLimit = ConstU32<32>;
	type MaxSymbolLen = ConstU32<12>;
	type MaxGrants = ConstU32<MAX_GRANTS>;
	type MaxAttestations = ConstU32<MAX_ATTESTATIONS>;
	type MaxAllowList = ConstU32<MAX_ALLOW_LIST>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The sr25519 key of test account `n`.
pub fn pair(n: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[n; 32])
}

/// Test account `n` (the account of `pair(n)`).
pub fn account(n: u8) -> AccountId {
	MultiSigner::Sr25519(pair(n).public()).into_account()
}

/// `n`'s signature over `message`.
pub fn sign(n: u8, message: &[u8]) -> Signature {
	MultiSignature::Sr25519(pair(n).sign(message))
}

pub fn alice() -> AccountId {
	account(1)
}
pub fn bob() -> AccountId {
	account(2)
}
pub fn charlie() -> AccountId {
	account(3)
}
pub fn dave() -> AccountId {
	account(4)
}
pub fn eve() -> AccountId {
	account(5)
}
/// The authorized issuer (key 10).
pub const ISSUER: u8 = 10;
pub fn issuer() -> AccountId {
	account(ISSUER)
}
/// A key that is not an issuer.
pub const ROGUE: u8 = 11;
pub fn royalty_recipient() -> AccountId {
	account(20)
}
pub fn treasury() -> AccountId {
	account(99)
}

/// Test externalities: accounts 1..=5, the issuer and the royalty recipient hold HLX and AID;
/// the issuer is authorized; AID exists (sufficient, minimum balance 1); the pallet account
/// holds enough HLX for the collection deposit. Block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded: Vec<AccountId> =
		vec![alice(), bob(), charlie(), dave(), eve(), issuer(), royalty_recipient(), treasury()];
	let mut balances: Vec<(AccountId, u128)> =
		funded.iter().map(|who| (who.clone(), FUNDS)).collect();
	balances.push((IpNft::account_id(), COLLECTION_DEPOSIT + ED));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(AID, account(200), true, 1)],
		accounts: funded.iter().map(|who| (AID, who.clone(), FUNDS)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_ip_nft::GenesisConfig::<Test> { issuers: vec![issuer()] }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in fresh externalities and checks the pallet's invariants afterwards.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		IpNft::do_try_state().expect("invariants hold");
	});
}

/// Sets the block number to `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// The events of the IP-NFT pallet emitted so far.
pub fn ip_nft_events() -> Vec<pallet_ip_nft::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::IpNft(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The balance of `who` in `currency`.
pub fn balance(currency: SaleCurrency, who: &AccountId) -> u128 {
	IpNft::currency_balance(currency, who)
}

/// A 32-byte hash made of byte `b`.
pub fn h(b: u8) -> H256 {
	H256([b; 32])
}

/// Encodes `value` (re-exported for tests).
pub fn encode<V: Encode>(value: &V) -> Vec<u8> {
	value.encode()
}
