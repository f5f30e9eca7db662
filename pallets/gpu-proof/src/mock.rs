//! Test runtime: `frame_system` and the proof-of-GPU pallet, with a mock GPU registry, mock
//! randomness and sr25519 accounts (so `gpuv` keys sign transactions in OCW tests).

use crate as pallet_gpu_proof;
use crate::{ChallengeParams, ProofRegistry};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_core::{sr25519, Pair, H256};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{
	generic::UncheckedExtrinsic,
	traits::{IdentityLookup, Verify},
	BuildStorage, Perbill,
};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = sr25519::Public;
pub type Signature = sr25519::Signature;
pub type GpuId = u32;
pub type Balance = u64;
/// The extrinsic the OCW builds: signed by the verifier's account, no extensions.
pub type Extrinsic = UncheckedExtrinsic<AccountId, RuntimeCall, Signature, ()>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		GpuProof: pallet_gpu_proof,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
}

impl frame_system::offchain::SigningTypes for Test {
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
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
		public: Self::Public,
		account: AccountId,
		nonce: u32,
	) -> Option<Extrinsic> {
		let payload = codec::Encode::encode(&(&call, nonce));
		let signature = C::sign(&payload, public)?;
		Some(UncheckedExtrinsic::new_signed(call, account, signature, ()))
	}
}

/// The challenge parameters of every mock GPU.
pub const PARAMS: ChallengeParams = ChallengeParams { n: 8, lag: 2, steps: 4, samples: 4 };
/// Blocks per epoch.
pub const PERIOD: u64 = 20;
/// Beacon offset.
pub const WINDOW: u64 = 10;
/// Commit deadline of the mock model, in blocks after the epoch start.
pub const DEADLINE: u32 = 5;

#[derive(Clone, Debug)]
pub struct MockGpu {
	pub active: bool,
	pub key: Option<[u8; 32]>,
	pub endpoint: Vec<u8>,
	pub params: Option<ChallengeParams>,
	pub deadline: u32,
}

thread_local! {
	pub static GPUS: RefCell<BTreeMap<GpuId, MockGpu>> = const { RefCell::new(BTreeMap::new()) };
	pub static SLASHED: RefCell<Vec<(GpuId, Perbill, Option<AccountId>)>> = const { RefCell::new(Vec::new()) };
	pub static SUSPENDED: RefCell<Vec<GpuId>> = const { RefCell::new(Vec::new()) };
	pub static VERIFIED: RefCell<Vec<(GpuId, u64)>> = const { RefCell::new(Vec::new()) };
	pub static SLASH_FAILS: RefCell<bool> = const { RefCell::new(false) };
	pub static NO_RANDOMNESS: RefCell<bool> = const { RefCell::new(false) };
}

/// The agent key pair of a mock GPU.
pub fn agent_pair(gpu: GpuId) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[gpu as u8 + 1; 32])
}

/// Registers (or replaces) a mock GPU: Active, with its agent key and `http://gpu{g}.test`.
pub fn add_gpu(gpu: GpuId) {
	GPUS.with(|g| {
		g.borrow_mut().insert(
			gpu,
			MockGpu {
				active: true,
				key: Some(agent_pair(gpu).public().0),
				endpoint: format!("http://gpu{gpu}.test").into_bytes(),
				params: Some(PARAMS),
				deadline: DEADLINE,
			},
		)
	});
}

/// Changes a mock GPU.
pub fn with_gpu(gpu: GpuId, f: impl FnOnce(&mut MockGpu)) {
	GPUS.with(|g| f(g.borrow_mut().get_mut(&gpu).expect("mock GPU exists")));
}

pub struct MockRegistry;
impl ProofRegistry<GpuId, AccountId, Balance> for MockRegistry {
	type Error = &'static str;
	fn is_active(gpu: &GpuId) -> bool {
		GPUS.with(|g| g.borrow().get(gpu).is_some_and(|gpu| gpu.active))
	}
	fn agent_key(gpu: &GpuId) -> Option<[u8; 32]> {
		GPUS.with(|g| g.borrow().get(gpu).and_then(|gpu| gpu.key))
	}
	fn agent_endpoint(gpu: &GpuId) -> Option<Vec<u8>> {
		GPUS.with(|g| g.borrow().get(gpu).map(|gpu| gpu.endpoint.clone()))
	}
	fn challenge_params(gpu: &GpuId) -> Option<(ChallengeParams, u32)> {
		GPUS.with(|g| g.borrow().get(gpu).and_then(|gpu| Some((gpu.params?, gpu.deadline))))
	}
	fn active_gpus() -> Vec<GpuId> {
		GPUS.with(|g| g.borrow().iter().filter(|(_, gpu)| gpu.active).map(|(id, _)| *id).collect())
	}
	fn slash(
		gpu: &GpuId,
		fraction: Perbill,
		reporter: Option<AccountId>,
	) -> Result<Balance, &'static str> {
		if SLASH_FAILS.with(|f| *f.borrow()) {
			return Err("no stake");
		}
		SLASHED.with(|s| s.borrow_mut().push((*gpu, fraction, reporter)));
		with_gpu(*gpu, |gpu| gpu.active = false);
		Ok(fraction * 1_000u64)
	}
	fn suspend(gpu: &GpuId) {
		SUSPENDED.with(|s| s.borrow_mut().push(*gpu));
		with_gpu(*gpu, |gpu| gpu.active = false);
	}
	fn record_verified(gpu: &GpuId, epoch: u64) {
		VERIFIED.with(|v| v.borrow_mut().push((*gpu, epoch)));
	}
}

/// Randomness `blake2(subject ‖ block ‖ salt)`, or `None` while [`NO_RANDOMNESS`] is set.
pub struct MockRandomness;
impl frame_support::traits::Randomness<Option<H256>, u64> for MockRandomness {
	fn random(subject: &[u8]) -> (Option<H256>, u64) {
		let block = System::block_number();
		if NO_RANDOMNESS.with(|n| *n.borrow()) {
			return (None, block);
		}
		let mut input = subject.to_vec();
		input.extend_from_slice(&block.to_le_bytes());
		input.extend_from_slice(&RANDOM_SALT.with(|s| *s.borrow()).to_le_bytes());
		(Some(H256(sp_io::hashing::blake2_256(&input))), block)
	}
}

thread_local! {
	pub static RANDOM_SALT: RefCell<u64> = const { RefCell::new(0) };
}

parameter_types! {
	pub static SampleFraction: Perbill = Perbill::one();
	pub static VerifiersPerGpu: u32 = 3;
	pub const SlashFraction: Perbill = Perbill::from_percent(10);
	pub static VerdictBlockShare: Perbill = Perbill::from_percent(25);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<GpuId> for MockBenchmarkHelper {
	fn gpu_id(i: u32) -> GpuId {
		1_000 + i
	}
	fn activate_gpu(gpu: &GpuId, agent_key: [u8; 32], params: ChallengeParams, deadline: u32) {
		GPUS.with(|g| {
			g.borrow_mut().insert(
				*gpu,
				MockGpu {
					active: true,
					key: Some(agent_key),
					endpoint: b"http://bench.test".to_vec(),
					params: Some(params),
					deadline,
				},
			)
		});
	}
}

impl pallet_gpu_proof::Config for Test {
	type GpuId = GpuId;
	type Balance = Balance;
	type Registry = MockRegistry;
	type Randomness = MockRandomness;
	type AuthorityId = crate::crypto::Public;
	type OcwCrypto = crate::crypto::VerifierAuthId;
	type ChallengePeriod = ConstU64<PERIOD>;
	type CommitWindow = ConstU64<WINDOW>;
	type SampleFraction = SampleFraction;
	type VerifiersPerGpu = VerifiersPerGpu;
	type MaxNoResponse = ConstU32<2>;
	type SlashFraction = SlashFraction;
	type MaxVerifiers = ConstU32<16>;
	type MaxVerdicts = ConstU32<32>;
	type VerdictBlockShare = VerdictBlockShare;
	type MaxOpeningLen = ConstU32<8_192>;
	type HttpTimeoutMs = ConstU64<2_000>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The `i`-th verifier key pair (not in any keystore).
pub fn verifier_pair(i: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[100 + i; 32])
}

/// The `i`-th verifier's `gpuv` public key.
pub fn verifier_key(i: u8) -> crate::crypto::Public {
	verifier_pair(i).public().into()
}

/// Externalities with `verifiers` verifiers, GPUs `1..=gpus` registered, a memory keystore, at
/// block 1.
pub fn new_test_ext_with(verifiers: u8, gpus: GpuId) -> sp_io::TestExternalities {
	GPUS.with(|g| g.borrow_mut().clear());
	SLASHED.with(|l| l.borrow_mut().clear());
	SUSPENDED.with(|l| l.borrow_mut().clear());
	VERIFIED.with(|l| l.borrow_mut().clear());
	VerdictBlockShare::set(Perbill::from_percent(25));
	SLASH_FAILS.with(|f| *f.borrow_mut() = false);
	NO_RANDOMNESS.with(|f| *f.borrow_mut() = false);
	RANDOM_SALT.with(|f| *f.borrow_mut() = 0);
	SampleFraction::set(Perbill::one());
	VerifiersPerGpu::set(3);
	for gpu in 1..=gpus {
		add_gpu(gpu);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_gpu_proof::GenesisConfig::<Test> {
		verifiers: (0..verifiers).map(verifier_key).collect(),
		schedule: None,
		sample_fraction: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Three verifiers, four GPUs.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(3, 4)
}

/// Runs `test` in fresh externalities and checks the invariants afterwards.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		GpuProof::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n`, running the pallet's `on_initialize` on each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		GpuProof::on_initialize(next);
	}
}

/// The pallet's events so far.
pub fn events() -> Vec<pallet_gpu_proof::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::GpuProof(event) => Some(event),
			_ => None,
		})
		.collect()
}
