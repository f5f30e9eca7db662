//! # Proof-of-GPU
//!
//! Every registered GPU proves, every challenge epoch, that it did a fixed amount of exact int8
//! matrix work on a card with enough memory, before a deadline derived from the model's measured
//! throughput. The math (workload, Merkle commitments, sampling, the O(n) opening check, the
//! soundness bound, the wire format) is the FRAME-free crate [`heliox_gpu_proof`]; this pallet
//! runs the protocol on chain.
//!
//! ## Concepts
//!
//! * **Epochs.** Every [`Config::ChallengePeriod`] blocks a new epoch `e` starts and the pallet
//!   snapshots randomness `R_e` ([`Config::Randomness`]: BABE's per-block VRF output, never
//!   collective flip). Each Active GPU `g` has the seed `challenge_seed(R_e, g, e)`: implicit,
//!   nothing is written per GPU at epoch start, so the hook is O(1) at any number of GPUs.
//! * **Verifiers** are the validators' `gpuv` session keys ([`crypto`], key type `gpuv`): the
//!   pallet is a `OneSessionHandler` and keeps the current set. From `R_e`, every GPU has
//!   `k =` [`Config::VerifiersPerGpu`] **assigned verifiers** (`assign_verifiers(R_e, g, V, k)`),
//!   known from the epoch's first block.
//! * **Commits stay off chain.** The agent runs the chain `X_0 → … → X_T` (parameters of its
//!   model from the registry, [`ProofRegistry::challenge_params`]) and its agent key signs
//!   `commit_message(g, e, root)`. It serves the signed commit at `/pog/commit`; each assigned
//!   verifier's off-chain worker fetches it at the GPU's **deadline block** = epoch start + the
//!   model's deadline from the catalogue (`⌈(1+ε)·T_claim / block_time⌉ + 1`, capped just
//!   before the beacon block) and keeps it. A GPU that is slower than its model, or one card
//!   behind several registrations, has no valid commit to show then. Nothing is written on
//!   chain per GPU per epoch: the signed commit is the evidence, held by the verifiers, and a
//!   fraud proof carries it.
//! * **Beacon.** At `start + CommitWindow`, after every deadline, the pallet snapshots a second
//!   randomness, the **beacon**. It fixes, for everyone at once and unknown while the work was
//!   done: which GPUs are opened this epoch (a fraction [`Config::SampleFraction`],
//!   `is_sampled(beacon, g, q)`) and which positions (`sample_positions(beacon, root, g,
//!   params)`).
//! * **Verdicts.** Each assigned verifier fetches the openings of its sampled GPUs over HTTP
//!   (the wire format of [`heliox_gpu_proof::protocol`]), checks them in O(K·n) against the
//!   root it collected and reports with [`Pallet::submit_verdicts`] a [`Verdict`] per GPU: pass
//!   / fail / no response for a sampled GPU, and no response for **any** assigned GPU whose
//!   commit it did not get by the deadline. Reports are signed by the `gpuv` key's account and
//!   sent in chunks of at most [`Config::MaxVerdicts`]; the pallet checks that the account is a
//!   verifier assigned to every GPU it votes on.
//! * **Per-block budget.** Verdicts admitted in one block may use at most
//!   [`Config::VerdictBlockShare`] of the block's maximum weight; a chunk that does not fit is
//!   refused (fee-free for verifiers, nothing changes) and its verifier retries in a later
//!   block. So the verification load of any number of GPUs is spread over the epoch and never
//!   takes more than that share of a block.
//! * **Quorum.** `⌈2k/3⌉` agreeing assigned verifiers settle a GPU's epoch: **passed**
//!   ([`ProofRegistry::record_verified`]) or **missed** (fail and no-response votes together).
//!   [`Config::MaxNoResponse`] missed epochs without a pass in between suspend the GPU
//!   ([`ProofRegistry::suspend`]).
//! * **Fraud proofs.** Every commit and every opening an agent serves is signed by its agent
//!   key, so a wrong opening is attributable. [`Pallet::report_fraud`] takes the signed commit
//!   and the signed opening; the runtime re-checks everything itself — both agent signatures,
//!   the position recomputed from the beacon and the signed root, every Merkle path, and
//!   finally the entry, which must mismatch — and slashes [`Config::SlashFraction`] of the
//!   GPU's stake through the registry, which rewards the reporter. No trust in any off-chain
//!   worker is needed to slash: a single honest assigned verifier suffices to catch a cheater,
//!   whatever the others vote.
//!
//! ## Timeline of epoch `e` (`P = ChallengePeriod`, `W = CommitWindow`)
//!
//! ```text
//!  e·P                 start + deadline(g) ≤ e·P + W − 1     e·P + W                  (e+1)·P
//!   │ R_e snapshotted   │ assigned verifiers fetch g's commit │ beacon snapshotted       │ next epoch
//!   ├──── agents compute ───────────────────────────────────┤├── OCWs open + verify, ─┤
//!   │                                                         │   verdicts accepted     │
//! ```
//!
//! Fraud proofs for `e` are accepted as long as the epoch's randomness and beacon are kept:
//! until epoch `e + 3` starts ([`types::EPOCH_HISTORY`]); one proven fraud per GPU and epoch.
//!
//! ## Scale
//!
//! Per epoch the chain carries about `q·N·k` verdicts (plus the rare missed commits) in
//! chunks, and two O(1) hooks; no transaction per GPU. At 100k GPUs (`q = 10 %`, `k = 3`)
//! that is 30 000 verdicts an epoch, under the per-block budget in a few dozen blocks of a
//! 550-block verification phase. The cost model is [`heliox_gpu_proof::cost`].
//!
//! ## Runtime wiring
//!
//! * Implement [`ProofRegistry`] for the GPU registry (`is_active`, `agent_key`,
//!   `agent_endpoint`, `challenge_params` → `(ChallengeParams { n, lag, steps, samples },
//!   deadline_blocks)`, `active_gpus` (off-chain only), `slash`, `suspend`, `record_verified`).
//! * `Randomness = pallet_babe::ParentBlockRandomness<Runtime>`.
//! * Add the pallet to the session keys (`gpuv`, [`crypto::Public`]) and as a session handler;
//!   `AuthorityId = pallet_gpu_proof::crypto::Public`, `OcwCrypto =
//!   pallet_gpu_proof::crypto::VerifierAuthId`.
//! * Implement [`runtime_api::GpuProofApi`] with [`Pallet::epoch_view`],
//!   [`Pallet::challenge_of`], [`Pallet::seed_of`], [`Pallet::verdict_status`].

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod features;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use features::{
	FraudEvidence, Judged, OcwResults, OcwState, Sent, COMMIT_GRACE, MAX_ATTEMPTS,
	MAX_CHUNK_ATTEMPTS, RESEND_AFTER,
};
pub use heliox_gpu_proof::{ChallengeParams, EpochIndex, Outcome, ProofRegistry, Verdict};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::gpu-proof";

/// Key type of the verifiers' session key.
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"gpuv");

/// The verifiers' `gpuv` sr25519 application crypto and the off-chain signer built on it.
pub mod crypto {
	use super::KEY_TYPE;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// Signs verifiers' transactions with their `gpuv` key (`Signer::<T, VerifierAuthId>`).
	pub struct VerifierAuthId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for VerifierAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}

	/// For runtimes (and tests) whose public key is a plain sr25519 key.
	impl frame_system::offchain::AppCrypto<sp_core::sr25519::Public, sp_core::sr25519::Signature>
		for VerifierAuthId
	{
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

/// Sets up GPUs in the registry for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<GpuId> {
	/// The id of the `i`-th benchmark GPU (distinct for distinct `i`), without creating it.
	fn gpu_id(i: u32) -> GpuId;
	/// Makes `gpu` an Active GPU with agent key `agent_key`, an endpoint, the challenge
	/// parameters `params` with commit deadline `deadline` blocks, and a stake to slash.
	fn activate_gpu(gpu: &GpuId, agent_key: [u8; 32], params: ChallengeParams, deadline: u32);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{BuildGenesisConfig, Randomness},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateSignedTransaction},
		pallet_prelude::*,
	};
	use heliox_gpu_proof::{AgentSignature, Hash};
	use sp_runtime::{traits::Zero, Perbill, RuntimeAppPublic};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>> + CreateSignedTransaction<Call<Self>>
	{
		/// Identifier of a GPU, as the registry names it (converts losslessly to the protocol's
		/// `u64`).
		type GpuId: Parameter + Member + MaxEncodedLen + Copy + Ord + Into<u64>;

		/// The registry's balance type (amounts slashed).
		type Balance: Parameter + Member + MaxEncodedLen + Copy;

		/// The GPU registry.
		type Registry: ProofRegistry<Self::GpuId, Self::AccountId, Self::Balance>;

		/// Fresh per-block randomness (BABE: `pallet_babe::ParentBlockRandomness`): read at each
		/// epoch start (`R_e`) and at each beacon block. `None` skips that epoch (or its
		/// verification).
		type Randomness: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;

		/// The verifiers' session key (`crypto::Public`, key type `gpuv`).
		type AuthorityId: Member
			+ Parameter
			+ RuntimeAppPublic
			+ Ord
			+ MaybeSerializeDeserialize
			+ MaxEncodedLen;

		/// Signs the verifiers' transactions with their `gpuv` key (`crypto::VerifierAuthId`).
		/// The transaction's account is the key's account, which the pallet checks.
		type OcwCrypto: AppCrypto<
			Self::Public,
			Self::Signature,
			RuntimeAppPublic = Self::AuthorityId,
		>;

		/// Blocks per challenge epoch.
		#[pallet::constant]
		type ChallengePeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after an epoch's start at which the beacon is fixed; commits are accepted only
		/// before it (every model's deadline is capped to `CommitWindow − 1`). `0 < CommitWindow
		/// < ChallengePeriod`.
		#[pallet::constant]
		type CommitWindow: Get<BlockNumberFor<Self>>;

		/// Fraction `q` of the GPUs opened each epoch.
		#[pallet::constant]
		type SampleFraction: Get<Perbill>;

		/// Verifiers `k` assigned to each sampled GPU (at most 64 and at most the set size).
		#[pallet::constant]
		type VerifiersPerGpu: Get<u32>;

		/// Consecutive missed sampled epochs that suspend a GPU (at least 1).
		#[pallet::constant]
		type MaxNoResponse: Get<u32>;

		/// Fraction of the stake a proven fraud slashes.
		#[pallet::constant]
		type SlashFraction: Get<Perbill>;

		/// Most verifiers (a larger session set is truncated).
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;

		/// Most verdicts in one report chunk (a verifier sends its epoch's verdicts in chunks of
		/// at most this many). A full chunk must fit [`Config::VerdictBlockShare`] of a block.
		#[pallet::constant]
		type MaxVerdicts: Get<u32>;

		/// The share of a block's maximum weight that verdicts may use in one block (each chunk
		/// counted with its extrinsic's base weight): chunks beyond it are refused and retried
		/// in a later block. Leave room below the per-block target for the transaction
		/// extensions' own weight and the hooks.
		#[pallet::constant]
		type VerdictBlockShare: Get<Perbill>;

		/// Most bytes of an opening in a fraud proof (≥ `encoded_len_bound` of the largest model).
		#[pallet::constant]
		type MaxOpeningLen: Get<u32>;

		/// Milliseconds a verifier's OCW waits for an agent's answer.
		#[pallet::constant]
		type HttpTimeoutMs: Get<u64>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark helper.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::GpuId>;
	}

	/// The last [`EPOCH_HISTORY`] opened epochs, oldest first; the last one is the current
	/// epoch.
	#[pallet::storage]
	pub type Epochs<T: Config> = StorageValue<
		_,
		BoundedVec<(EpochIndex, EpochInfo<BlockNumberFor<T>>), ConstU32<{ EPOCH_HISTORY as u32 }>>,
		ValueQuery,
	>;

	/// The latest epoch in which a fraud of each GPU was proven (one slash per GPU and epoch,
	/// and none for an older epoch once a newer one was proven).
	#[pallet::storage]
	pub type ProvenFraud<T: Config> =
		StorageMap<_, Blake2_128Concat, T::GpuId, EpochIndex, OptionQuery>;

	/// The block and the weight of the verdicts admitted in it so far (the per-block budget;
	/// a value for an older block means nothing was admitted in the current one).
	#[pallet::storage]
	pub type VerdictLoad<T: Config> = StorageValue<_, (BlockNumberFor<T>, Weight), OptionQuery>;

	/// Votes on each sampled GPU for its latest voted epoch.
	#[pallet::storage]
	pub type Tallies<T: Config> = StorageMap<_, Blake2_128Concat, T::GpuId, GpuTally, OptionQuery>;

	/// Consecutive missed sampled epochs of each GPU (absent = 0).
	#[pallet::storage]
	pub type Misses<T: Config> = StorageMap<_, Blake2_128Concat, T::GpuId, u32, OptionQuery>;

	/// The verifiers' `gpuv` keys, in verifier-index order.
	#[pallet::storage]
	pub type Verifiers<T: Config> =
		StorageValue<_, BoundedVec<T::AuthorityId, T::MaxVerifiers>, ValueQuery>;

	/// Verifier index of each verifier account (the `gpuv` key's account).
	#[pallet::storage]
	pub type VerifierIndex<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// Incremented whenever the verifier set changes (tallies restart under a new set).
	#[pallet::storage]
	pub type VerifierSetId<T> = StorageValue<_, u32, ValueQuery>;

	/// The epoch schedule `(challenge period, commit window)` chosen in this chain's genesis,
	/// when it differs from [`Config::ChallengePeriod`] and [`Config::CommitWindow`]. Fixed for
	/// the life of the chain (epoch indices are `⌊block / period⌋`), like BABE's epoch length:
	/// a dev chain runs minute-long epochs on the same runtime whose production chains run
	/// long ones.
	#[pallet::storage]
	pub type Schedule<T: Config> =
		StorageValue<_, (BlockNumberFor<T>, BlockNumberFor<T>), OptionQuery>;

	/// The fraction of GPUs opened each epoch chosen in this chain's genesis, when it differs
	/// from [`Config::SampleFraction`] (a dev chain opens every GPU every epoch).
	#[pallet::storage]
	pub type SampleFractionOverride<T: Config> = StorageValue<_, Perbill, OptionQuery>;

	/// Each verifier's progress `(epoch, set id, verdicts accepted)` in its latest reported
	/// epoch: the cursor its off-chain worker sends the next chunk from.
	#[pallet::storage]
	pub type Reported<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (EpochIndex, u32, u32), OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial verifiers (normally set by the session pallet instead).
		pub verifiers: alloc::vec::Vec<T::AuthorityId>,
		/// This chain's `(challenge period, commit window)` in blocks; `None` keeps the
		/// runtime's defaults. Requires `0 < window < period`.
		pub schedule: Option<(BlockNumberFor<T>, BlockNumberFor<T>)>,
		/// This chain's fraction of GPUs opened per epoch; `None` keeps the runtime's default.
		pub sample_fraction: Option<Perbill>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some((period, window)) = self.schedule {
				assert!(
					!window.is_zero() && window < period,
					"gpu-proof genesis schedule: 0 < commit window < challenge period"
				);
				Schedule::<T>::put((period, window));
			}
			if let Some(fraction) = self.sample_fraction {
				SampleFractionOverride::<T>::put(fraction);
			}
			// The session pallet's genesis (built before this one in a runtime) has already
			// handed over the validators' keys: an empty list here must not erase them.
			if !self.verifiers.is_empty() {
				Pallet::<T>::set_verifiers(self.verifiers.iter().cloned());
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// A challenge epoch started; seeds are `challenge_seed(randomness, g, epoch)`.
		EpochStarted { epoch: EpochIndex, randomness: Hash },
		/// No randomness was available: no epoch was opened at this boundary.
		EpochSkipped { block: BlockNumberFor<T> },
		/// The beacon of an epoch was fixed: the sampled set and positions are known.
		BeaconSet { epoch: EpochIndex, beacon: Hash },
		/// No randomness for the beacon: this epoch is not verified.
		BeaconMissing { epoch: EpochIndex },
		/// A verifier reported a chunk of its verdicts for an epoch.
		VerdictsReported { epoch: EpochIndex, verifier: T::AccountId, count: u32 },
		/// A quorum settled a sampled GPU's epoch.
		EpochSettled { gpu: T::GpuId, epoch: EpochIndex, outcome: Outcome },
		/// A GPU missed too many consecutive sampled epochs and was suspended.
		GpuSuspended { gpu: T::GpuId, misses: u32 },
		/// A fraud proof was verified by the runtime; the GPU was slashed.
		FraudProven {
			gpu: T::GpuId,
			epoch: EpochIndex,
			reporter: T::AccountId,
			slashed: T::Balance,
		},
		/// The verifier set changed.
		VerifiersChanged { set_id: u32, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No epoch is open yet.
		NoEpoch,
		/// The epoch is not the current one.
		WrongEpoch,
		/// The registry has no challenge parameters for the GPU's model.
		NoChallengeParams,
		/// The registry's challenge parameters are invalid.
		InvalidChallengeParams,
		/// The GPU has no agent key.
		NoAgentKey,
		/// The agent signature of the commit does not verify.
		BadCommitSignature,
		/// The agent signature of the opening does not verify.
		BadSignature,
		/// The beacon of the epoch is not fixed (yet, or at all).
		BeaconNotSet,
		/// The sender is not in the verifier set.
		NotVerifier,
		/// A report with no verdicts.
		EmptyReport,
		/// A pass or fail verdict for a GPU that is not sampled this epoch (only a missed
		/// commit, no response, is reported for those).
		NotSampled,
		/// A verdict for a GPU the verifier is not assigned to.
		NotAssigned,
		/// A second verdict of the same verifier on the same GPU this epoch.
		DuplicateVerdict,
		/// This block's verdict budget ([`Config::VerdictBlockShare`]) cannot take the chunk:
		/// send it in a later block.
		VerdictBudgetExhausted,
		/// The epoch's information is no longer kept.
		EpochExpired,
		/// A fraud proof was already accepted for this GPU in this epoch or a later one.
		FraudAlreadyProven,
		/// The opening is longer than the model's bound.
		OpeningTooLarge,
		/// The sample index is not below the model's sample count.
		BadSampleIndex,
		/// The opening bytes do not decode.
		MalformedOpening,
		/// The opening is not for the sampled position of its index.
		PositionMismatch,
		/// The opening is not a valid one (a path does not verify): not a fraud proof.
		InvalidOpening,
		/// The opening is correct: no fraud.
		NotFraud,
		/// The registry refused the slash.
		SlashFailed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_epoch_boundaries(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_verifier(now);
		}

		fn integrity_test() {
			let period = T::ChallengePeriod::get();
			let window = T::CommitWindow::get();
			assert!(!window.is_zero() && window < period, "0 < CommitWindow < ChallengePeriod");
			assert!(T::MaxNoResponse::get() >= 1, "MaxNoResponse ≥ 1");
			assert!(T::VerifiersPerGpu::get() >= 1, "VerifiersPerGpu ≥ 1");
			assert!(
				T::VerifiersPerGpu::get() <= heliox_gpu_proof::MAX_ASSIGNED,
				"VerifiersPerGpu ≤ 64"
			);
			assert!(
				Pallet::<T>::chunk_weight(T::MaxVerdicts::get())
					.all_lte(Pallet::<T>::verdict_budget()),
				"a full chunk of MaxVerdicts fits the per-block verdict budget"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A chunk of a verifier's report for `epoch`: a verdict per assigned GPU (sampled: pass,
		/// fail or no response; not sampled: only no response, for a missed commit). Signed by
		/// the verifier's `gpuv` key account. Free for verifiers (a verifier's duty), also when
		/// the block's verdict budget is full and the chunk must be retried later.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_verdicts(verdicts.len() as u32))]
		pub fn submit_verdicts(
			origin: OriginFor<T>,
			epoch: EpochIndex,
			verdicts: BoundedVec<(T::GpuId, Verdict), T::MaxVerdicts>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_verdicts(who, epoch, verdicts.into_inner())
		}

		/// A fraud proof: `gpu`'s agent-signed commitment `root` for `epoch` and the
		/// agent-signed `opening` (SCALE bytes) of its sample `index`. The runtime re-checks both
		/// and slashes on an entry mismatch, rewarding the sender through the registry. Free
		/// when the fraud is proven.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::report_fraud(Pallet::<T>::opening_weight_n(opening.len())))]
		#[allow(clippy::too_many_arguments)]
		pub fn report_fraud(
			origin: OriginFor<T>,
			gpu: T::GpuId,
			epoch: EpochIndex,
			root: Hash,
			commit_signature: AgentSignature,
			index: u32,
			opening: BoundedVec<u8, T::MaxOpeningLen>,
			agent_signature: AgentSignature,
		) -> DispatchResultWithPostInfo {
			let reporter = ensure_signed(origin)?;
			let commit = SignedRoot { root, signature: commit_signature };
			Self::do_report_fraud(reporter, gpu, epoch, commit, index, &opening, agent_signature)?;
			Ok(Pays::No.into())
		}
	}
}

impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = T::AuthorityId;
}

impl<T: Config> frame_support::traits::OneSessionHandler<T::AccountId> for Pallet<T> {
	type Key = T::AuthorityId;

	fn on_genesis_session<'a, I>(validators: I)
	where
		I: 'a + Iterator<Item = (&'a T::AccountId, T::AuthorityId)>,
	{
		Self::set_verifiers(validators.map(|(_, key)| key));
	}

	fn on_new_session<'a, I>(_changed: bool, validators: I, _queued: I)
	where
		I: 'a + Iterator<Item = (&'a T::AccountId, T::AuthorityId)>,
	{
		// `set_verifiers` is a no-op when the keys did not change.
		Self::set_verifiers(validators.map(|(_, key)| key));
	}

	fn on_disabled(_validator_index: u32) {}
}
