//! Test runtime: `frame_system` and the liveness pallet, with a fake GPU registry that
//! records the pallet's callbacks, real sr25519 agent and verifier keys, and deterministic
//! randomness.

use crate as pallet_gpu_liveness;
use crate::crypto;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks, Randomness},
};
use heliox_gpu_liveness::GpuDirectory;
use sp_core::{sr25519, Pair, H256};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{
	generic::UncheckedExtrinsic,
	traits::{IdentityLookup, Verify},
	BuildStorage,
};
use std::{cell::RefCell, collections::BTreeMap, sync::Arc};

type Block = frame_system::mocking::MockBlock<Test>;
/// The account of an sr25519 key is the key itself (as `MultiSigner` does in the runtime).
pub type AccountId = sr25519::Public;
/// Transactions the OCW submits.
pub type Extrinsic = UncheckedExtrinsic<u64, RuntimeCall, (), ()>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		GpuLiveness: pallet_gpu_liveness,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
}

impl frame_system::offchain::SigningTypes for Test {
	type Public = <sr25519::Signature as Verify>::Signer;
	type Signature = sr25519::Signature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}

impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<
		C: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		_public: sr25519::Public,
		_account: AccountId,
		nonce: u32,
	) -> Option<Extrinsic> {
		Some(Extrinsic::new_signed(call, u64::from(nonce), (), ()))
	}
}

/// Period length of the mock, in blocks.
pub const PERIOD: u64 = 10;
/// Report grace of the mock, in blocks.
pub const GRACE: u64 = 2;
/// Signed answers per report.
pub const EVIDENCE: u32 = 4;

parameter_types! {
	pub static MaxSlots: u32 = 1024;
	pub static MaxProbesPerRun: u32 = 512;
	pub static Entropy: u8 = 0;
}

/// Registered GPUs of the fake registry: agent key and endpoint.
type Registry = BTreeMap<u64, ([u8; 32], Vec<u8>)>;

thread_local! {
	/// Registered GPUs.
	static GPUS: RefCell<Registry> = const { RefCell::new(BTreeMap::new()) };
	/// Calls of `on_live` / `on_unresponsive`, in order.
	static CALLS: RefCell<Vec<DirectoryCall>> = const { RefCell::new(Vec::new()) };
}

/// A callback the pallet made on the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectoryCall {
	/// `on_live(gpu)`.
	Live(u64),
	/// `on_unresponsive(gpu)`.
	Unresponsive(u64),
}

/// The agent key pair of `gpu`.
pub fn agent(gpu: u64) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//Agent{gpu}"), None).expect("valid derivation")
}

/// The fake registry.
pub struct TestDirectory;

impl TestDirectory {
	/// Registers `gpu` with its agent key and endpoint `http://gpu-{gpu}.example`.
	pub fn register(gpu: u64) {
		Self::register_with(gpu, agent(gpu).public().0, format!("http://gpu-{gpu}.example"));
	}

	/// Registers `gpu` with the given agent key and endpoint.
	pub fn register_with(gpu: u64, key: [u8; 32], endpoint: String) {
		GPUS.with(|g| g.borrow_mut().insert(gpu, (key, endpoint.into_bytes())));
	}

	/// The callbacks so far.
	pub fn calls() -> Vec<DirectoryCall> {
		CALLS.with(|c| c.borrow().clone())
	}
}

impl GpuDirectory<u64> for TestDirectory {
	fn agent_key(gpu: &u64) -> Option<[u8; 32]> {
		GPUS.with(|g| g.borrow().get(gpu).map(|(k, _)| *k))
	}
	fn agent_endpoint(gpu: &u64) -> Option<Vec<u8>> {
		GPUS.with(|g| g.borrow().get(gpu).map(|(_, e)| e.clone()))
	}
	fn on_live(gpu: &u64) {
		CALLS.with(|c| c.borrow_mut().push(DirectoryCall::Live(*gpu)));
	}
	fn on_unresponsive(gpu: &u64) {
		CALLS.with(|c| c.borrow_mut().push(DirectoryCall::Unresponsive(*gpu)));
		// The registry stops monitoring (a no-op: the slot is already freed).
		<GpuLiveness as heliox_gpu_liveness::LivenessMonitor<u64>>::stop_monitoring(gpu);
	}
}

/// Deterministic "randomness": a hash of the subject, the block number and [`Entropy`].
pub struct TestRandomness;

impl Randomness<H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let block = System::block_number();
		let input = (subject, block, Entropy::get());
		(H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&input))), block)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for TestDirectory {
	fn register_gpu(gpu: u64, agent_key: [u8; 32]) {
		Self::register_with(gpu, agent_key, format!("http://gpu-{gpu}.example"));
	}
}

impl pallet_gpu_liveness::Config for Test {
	type Directory = TestDirectory;
	type AuthorityId = crypto::Public;
	type OcwCrypto = crypto::GpuvAuthId;
	type VerifierAccount = crypto::AccountOfKey;
	type Randomness = TestRandomness;
	type LivenessPeriod = ConstU64<PERIOD>;
	type ProbersPerGpu = ConstU32<3>;
	type MaxMissedPeriods = ConstU32<3>;
	type ReportGrace = ConstU64<GRACE>;
	type MaxVerifiers = ConstU32<8>;
	type MaxSlots = MaxSlots;
	type MaxEvidence = ConstU32<EVIDENCE>;
	type MaxReportBits = ConstU32<1024>;
	type ProbeTimeoutMs = ConstU64<1_000>;
	type MaxProbesPerRun = MaxProbesPerRun;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestDirectory;
}

/// The `i`-th verifier's `gpuv` key pair.
pub fn verifier_pair(i: u32) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//Verifier{i}"), None).expect("valid derivation")
}

/// The `i`-th verifier's `gpuv` key.
pub fn verifier_key(i: u32) -> crypto::Public {
	crypto::Public::from(verifier_pair(i).public())
}

/// The `i`-th verifier's account.
pub fn verifier_account(i: u32) -> AccountId {
	verifier_pair(i).public()
}

/// Test externalities at block 1 with `verifiers` genesis verifiers and a keystore.
pub fn new_test_ext(verifiers: u32) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_gpu_liveness::GenesisConfig::<Test> {
		verifiers: (0..verifiers).map(verifier_key).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(KeystoreExt(Arc::new(MemoryKeystore::new())));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` with `verifiers` verifiers and checks the pallet's invariants afterwards.
pub fn run(verifiers: u32, test: impl FnOnce()) {
	GPUS.with(|g| g.borrow_mut().clear());
	CALLS.with(|c| c.borrow_mut().clear());
	new_test_ext(verifiers).execute_with(|| {
		test();
		GpuLiveness::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n`, running the pallet's `on_initialize` on each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		GpuLiveness::on_initialize(next);
		GpuLiveness::do_try_state().expect("invariants hold");
	}
}

/// The events of the pallet emitted so far.
pub fn events() -> Vec<pallet_gpu_liveness::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::GpuLiveness(event) => Some(event),
			_ => None,
		})
		.collect()
}
