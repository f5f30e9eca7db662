//! # GPU liveness
//!
//! This pallet keeps the liveness and uptime of up to 100k GPUs on chain with ONE transaction
//! per validator per period instead of one per GPU: validators' off-chain workers (OCWs) probe
//! the GPU agents assigned to them, each validator submits one compact report, and a quorum of
//! the validators covering a GPU decides whether it was live.
//!
//! ## Concepts
//!
//! * **Slots.** The GPU registry starts and stops monitoring a GPU through
//!   [`heliox_gpu_liveness::LivenessMonitor`] (implemented by this pallet). A monitored GPU
//!   holds a **slot** in `0..N`, stable while it is monitored; freed slots are reused (LIFO
//!   free list), and at most [`Config::MaxSlots`] exist. A GPU is first judged in the period
//!   after the one in which its monitoring started.
//! * **Verifiers.** The current validators' `gpuv` session keys ([`Config::AuthorityId`],
//!   sr25519, [`crypto`]) kept up to date by the session pallet through
//!   [`frame_support::traits::OneSessionHandler`]. The key's account
//!   ([`Config::VerifierAccount`]) signs the reports.
//! * **Periods.** Every [`Config::LivenessPeriod`] blocks a period starts and the pallet
//!   snapshots a [`PeriodInfo`]: a fresh random **seed** ([`Config::Randomness`], domain
//!   separated, with the period index), the slot count `N`, the verifier list `V` and
//!   `k = min(ProbersPerGpu, V)`.
//! * **Assignment.** [`heliox_gpu_liveness::Assignment`] maps the seed to a rotation of the
//!   slots and a permutation of the verifiers so that every slot is probed by exactly `k`
//!   verifiers and each verifier covers ONE contiguous run of about `k·N/V` (rotated) slots.
//! * **Probing (OCW).** At least one block into a period, a node holding the `gpuv` key of a
//!   verifier probes each GPU of its run:
//!   `GET {endpoint}/liveness?gpu=..&period=..&nonce=..` with a nonce bound to the seed, the
//!   period, the verifier key and the GPU ([`heliox_gpu_liveness::probe_nonce`]); the agent
//!   answers with its sr25519 signature over [`heliox_gpu_liveness::probe_message`]. The OCW
//!   checks the signature, sets the GPU's bit, and submits [`Pallet::submit_report`] as a
//!   signed transaction of the verifier's account, once per period (guarded by off-chain
//!   storage, so OCW re-runs and re-orgs never send twice).
//! * **Reports.** A [`LivenessReport`] is a bitmap over the verifier's run plus **evidence**:
//!   the agents' signed answers for the live bits [`heliox_gpu_liveness::required_evidence`]
//!   picks from the seed and the bitmap itself (at most [`Config::MaxEvidence`]). A lazy validator that marks
//!   everything live without probing cannot produce them, and an answer given to another
//!   validator, for another period, or by another key does not verify. (A slot whose GPU left
//!   or changed hands during the period is not judged for it, so its answer is not checked.)
//!   Accepted reports are fee-free; each verifier reports at most once a period.
//! * **Decisions.** Period `p` closes at block `start(p+1) + ReportGrace`: a slot is live iff
//!   at least `quorum = k/2 + 1` of its probers marked it. If fewer than a strict majority of
//!   the verifiers reported at all (an OCW outage, not a GPU outage), the period is **void**
//!   and nobody is judged. The decision is pushed into the slot's 64-period window
//!   ([`heliox_gpu_liveness::SlotRecord`]); **uptime** = live periods / observed periods. The
//!   first live decision calls `GpuDirectory::on_live`; [`Config::MaxMissedPeriods`]
//!   consecutive misses free the slot and call `GpuDirectory::on_unresponsive` (the registry
//!   suspends the GPU). The last uptime of a GPU stays readable after its monitoring stops
//!   ([`LastUptime`]) for settlement, until monitoring restarts.
//! * **Pages.** Votes and histories are stored in pages of 256 slots ([`PeriodVotes`],
//!   [`SlotPages`]), so a report touches only the pages of its run and closing a period costs
//!   one read and write per page, not per GPU.
//!
//! ## Cost per period (projection)
//!
//! From [`heliox_gpu_liveness::period_cost`] with `V = 100` validators, `k = 3`, `E = 8`
//! signed answers per report (report tx = 110 B envelope + 14 B fixed + bitmap + evidence):
//!
//! | GPUs `N` | bits / report | bitmap B | evidence B | report tx B | all reports B | vote pages / report | pages closed | naive: txs (N·k) / B |
//! | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
//! | 1 000 | 30 | 4 | 544 | 672 | 67 200 | 2 | 4 | 3 000 / 558 000 |
//! | 100 000 | 3 000 | 375 | 544 | 1 043 | 104 300 | 13 | 391 | 300 000 / 55 800 000 |
//!
//! Weight per period = `V · submit_report(b, E, V) + close_period(pages, events)`, the reports
//! spread over the period's blocks and the close in one block. [`weights`] holds PLACEHOLDER
//! estimates until the integrator regenerates it with the benchmark CLI; with them (and
//! `RocksDbWeight`, `E = 4`) the runtime API's `cost_model` gives, for `V = 100`:
//!
//! | GPUs `N` | one report (ref time) | close (ref time) | all reports + close |
//! | ---: | ---: | ---: | ---: |
//! | 1 000 | 0.91 ms | 1.4 ms | 92.6 ms |
//! | 100 000 | 3.03 ms | 121.4 ms | 424.4 ms |
//!
//! Re-run `cost_model(1_000, 100)` and `cost_model(100_000, 100)` after regenerating the
//! weights for the measured figures ([`heliox_gpu_liveness::WeightModel`] multiplies them out).
//!
//! ## Runtime wiring
//!
//! * `Directory` = the GPU registry pallet; the registry takes `Pallet<Runtime>` as its
//!   `LivenessMonitor<u64>`.
//! * Add the pallet to the session keys (`gpuv: GpuLiveness`, key type [`crypto::KEY_TYPE`]),
//!   `AuthorityId = crypto::Public`, `OcwCrypto = crypto::GpuvAuthId`,
//!   `VerifierAccount = AccountOfKey` (the sr25519 key's account), `Randomness` = BABE:
//!   `FlattenRandomness<pallet_babe::ParentBlockRandomness<Runtime>>` is preferred over
//!   `RandomnessFromOneEpochAgo`, whose output is known an epoch ahead. The probe nonces must be
//!   unknown before the period starts, otherwise an operator could have its agent pre-sign
//!   answers for periods in which the GPU is offline and serve them from elsewhere.
//! * The runtime implements `frame_system::offchain::CreateSignedTransaction<Call<Runtime>>`
//!   (as for any OCW that sends signed transactions) and [`runtime_api::GpuLivenessApi`].
//! * Validators insert their `gpuv` key (`author_insertKey` / `key insert --key-type gpuv`);
//!   the OCW needs HTTP access to the agents. The key's account sends the reports as ordinary
//!   signed transactions: it must exist and hold enough for the fee withdrawn before dispatch
//!   (refunded when the report is accepted, `Pays::No`).

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

pub use features::{OcwError, PROBE_BATCH};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::gpu-liveness";

/// The `gpuv` session key of the verifiers: sr25519.
pub mod crypto {
	use sp_core::sr25519::{Public as SrPublic, Signature as SrSignature};
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		traits::{Convert, Verify},
		KeyTypeId, MultiSignature, MultiSigner,
	};

	/// Key type of the verifiers' liveness key.
	pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"gpuv");

	app_crypto!(sr25519, KEY_TYPE);

	/// The [`frame_system::offchain::AppCrypto`] of the `gpuv` key, for `MultiSigner` runtimes
	/// and for test runtimes whose public key is the raw sr25519 key.
	pub struct GpuvAuthId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for GpuvAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = SrSignature;
		type GenericPublic = SrPublic;
	}

	impl frame_system::offchain::AppCrypto<<SrSignature as Verify>::Signer, SrSignature>
		for GpuvAuthId
	{
		type RuntimeAppPublic = Public;
		type GenericSignature = SrSignature;
		type GenericPublic = SrPublic;
	}

	/// The account of a `gpuv` key: the raw sr25519 public key (what `MultiSigner` maps it to).
	pub struct AccountOfKey;

	impl<AccountId: From<SrPublic>> Convert<Public, AccountId> for AccountOfKey {
		fn convert(key: Public) -> AccountId {
			AccountId::from(SrPublic::from(key))
		}
	}
}

/// Adapts a `Randomness<Option<Hash>, _>` source (BABE's `ParentBlockRandomness`, whose VRF
/// output nobody knows before the parent block is authored) to the `Randomness<Hash, _>` that
/// [`Config::Randomness`] takes; `None` (no VRF output yet) becomes the default hash, the seed
/// then depending on the period index alone.
pub struct FlattenRandomness<R>(core::marker::PhantomData<R>);

impl<Hash: Default, BlockNumber, R> frame_support::traits::Randomness<Hash, BlockNumber>
	for FlattenRandomness<R>
where
	R: frame_support::traits::Randomness<Option<Hash>, BlockNumber>,
{
	fn random(subject: &[u8]) -> (Hash, BlockNumber) {
		let (random, block) = R::random(subject);
		(random.unwrap_or_default(), block)
	}
}

/// Registers GPUs in the runtime's directory for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes `gpu` known to `Config::Directory` with the agent key `agent_key` and an endpoint.
	fn register_gpu(gpu: u64, agent_key: [u8; 32]);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{Randomness, StorageVersion},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateSignedTransaction},
		pallet_prelude::*,
	};
	use heliox_gpu_liveness::{GpuDirectory, Uptime};
	use sp_runtime::{
		traits::{Convert, MaybeSerializeDeserialize, Member},
		RuntimeAppPublic,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>> + CreateSignedTransaction<Call<Self>>
	{
		/// The GPU registry: agent keys and endpoints, and where outcomes are reported.
		type Directory: GpuDirectory<u64>;

		/// The verifiers' `gpuv` session key ([`crypto::Public`] in the runtime).
		type AuthorityId: Member
			+ Parameter
			+ RuntimeAppPublic
			+ Ord
			+ MaybeSerializeDeserialize
			+ MaxEncodedLen;

		/// Signs the OCW's report transactions with a `gpuv` key ([`crypto::GpuvAuthId`]).
		type OcwCrypto: AppCrypto<
			Self::Public,
			Self::Signature,
			RuntimeAppPublic = Self::AuthorityId,
		>;

		/// The account that signs a verifier's reports ([`crypto::AccountOfKey`]).
		type VerifierAccount: Convert<Self::AuthorityId, Self::AccountId>;

		/// Randomness for the period seeds (BABE in the runtime).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Blocks per period. Not zero.
		#[pallet::constant]
		type LivenessPeriod: Get<BlockNumberFor<Self>>;

		/// Verifiers probing each GPU (`k`, capped at the number of verifiers), 1..=255.
		#[pallet::constant]
		type ProbersPerGpu: Get<u32>;

		/// Consecutive periods decided not live after which a GPU is unresponsive, 1..=255.
		#[pallet::constant]
		type MaxMissedPeriods: Get<u32>;

		/// Blocks after the end of a period during which reports on it are still accepted;
		/// the period closes at `start(p+1) + ReportGrace`. Less than `LivenessPeriod`.
		#[pallet::constant]
		type ReportGrace: Get<BlockNumberFor<Self>>;

		/// Most verifiers (validators) taken from a session.
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;

		/// Most slots, i.e. monitored GPUs (e.g. 131072).
		#[pallet::constant]
		type MaxSlots: Get<u32>;

		/// Signed answers a report must carry (when it has that many live bits). Not zero.
		#[pallet::constant]
		type MaxEvidence: Get<u32>;

		/// Longest report bitmap, in bits; at least `MaxSlots` (one verifier covers all slots).
		#[pallet::constant]
		type MaxReportBits: Get<u32>;

		/// HTTP deadline of one batch of probes in the OCW, in milliseconds.
		#[pallet::constant]
		type ProbeTimeoutMs: Get<u64>;

		/// Most agents one OCW run probes; slots of the run beyond it stay unmarked. Set it
		/// above the expected run length `k·N/V`.
		#[pallet::constant]
		type MaxProbesPerRun: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark helper.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper;
	}

	/// The current validators' `gpuv` keys, from the session pallet.
	#[pallet::storage]
	pub type Verifiers<T: Config> =
		StorageValue<_, BoundedVec<T::AuthorityId, T::MaxVerifiers>, ValueQuery>;

	/// The current period.
	#[pallet::storage]
	pub type CurrentPeriod<T: Config> = StorageValue<_, PeriodInfoOf<T>, OptionQuery>;

	/// The previous period, open for reports until it closes at `start + period + grace`.
	#[pallet::storage]
	pub type PreviousPeriod<T: Config> = StorageValue<_, PeriodInfoOf<T>, OptionQuery>;

	/// Which verifiers (bit = verifier index) reported in an open period.
	#[pallet::storage]
	pub type ReportedBy<T: Config> =
		StorageMap<_, Twox64Concat, u32, BoundedVec<u8, MaxVerifierBytes<T>>, ValueQuery>;

	/// Live votes of an open period, by page of 256 slots: `(period, page) -> counters`.
	#[pallet::storage]
	pub type PeriodVotes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u32, Twox64Concat, u32, VotePage, OptionQuery>;

	/// Slot histories by page of 256 slots (`None` entries are free slots).
	#[pallet::storage]
	pub type SlotPages<T: Config> = StorageMap<_, Twox64Concat, u32, SlotPage, OptionQuery>;

	/// The slot of each monitored GPU.
	#[pallet::storage]
	pub type SlotOf<T: Config> = StorageMap<_, Blake2_128Concat, u64, u32, OptionQuery>;

	/// Slots ever allocated (`N`): slots are `0..SlotCount`, monitored or free.
	#[pallet::storage]
	pub type SlotCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The free list, a stack: entries `0..FreeCount`.
	#[pallet::storage]
	pub type FreeSlots<T: Config> = StorageMap<_, Twox64Concat, u32, u32, OptionQuery>;

	/// Length of the free list.
	#[pallet::storage]
	pub type FreeCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// GPUs monitored now.
	#[pallet::storage]
	pub type Monitored<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Uptime of GPUs whose monitoring stopped, until it restarts.
	#[pallet::storage]
	pub type LastUptime<T: Config> = StorageMap<_, Blake2_128Concat, u64, Uptime, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial verifiers (when no session pallet provides them).
		pub verifiers: alloc::vec::Vec<T::AuthorityId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.verifiers.is_empty() {
				Pallet::<T>::set_verifiers(self.verifiers.iter().cloned());
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A period started.
		PeriodStarted {
			/// Its index.
			period: u32,
			/// Slots `N`.
			slots: u32,
			/// Verifiers `V`.
			verifiers: u32,
		},
		/// A period was decided.
		PeriodClosed {
			/// Its index.
			period: u32,
			/// Verifiers that reported.
			reports: u32,
			/// Slots judged.
			judged: u32,
			/// Slots decided live.
			live: u32,
		},
		/// Too few verifiers reported: the period was not judged.
		PeriodVoid {
			/// Its index.
			period: u32,
			/// Verifiers that reported.
			reports: u32,
			/// Verifiers of the period.
			verifiers: u32,
		},
		/// A report was accepted.
		ReportAccepted {
			/// The period.
			period: u32,
			/// The reporting verifier's account.
			verifier: T::AccountId,
			/// Slots marked live.
			live: u32,
			/// Slots covered (bitmap length).
			covered: u32,
		},
		/// Monitoring of a GPU started.
		MonitoringStarted {
			/// The GPU.
			gpu: u64,
			/// Its slot.
			slot: u32,
		},
		/// Monitoring of a GPU stopped (by the registry).
		MonitoringStopped {
			/// The GPU.
			gpu: u64,
			/// The freed slot.
			slot: u32,
		},
		/// A GPU was decided live for the first time since its monitoring started.
		GpuLive {
			/// The GPU.
			gpu: u64,
		},
		/// A GPU missed `MaxMissedPeriods` consecutive periods; its slot was freed.
		GpuUnresponsive {
			/// The GPU.
			gpu: u64,
			/// The freed slot.
			slot: u32,
		},
		/// The verifier set changed (new session).
		VerifiersChanged {
			/// Verifiers now.
			count: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The period is already closed (or never existed).
		StalePeriod,
		/// The period has not started.
		FuturePeriod,
		/// The origin is not the account of the period's verifier at `verifier_index`.
		NotVerifier,
		/// This verifier already reported on this period.
		DuplicateReport,
		/// The bitmap does not have exactly the verifier's run length (or has padding bits set).
		BadBitmapLength,
		/// The evidence is not exactly the required bit positions, in order.
		WrongEvidence,
		/// A signed answer does not verify against the GPU's agent key and this verifier's nonce.
		BadAnswerSignature,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::on_period_boundary(n)
		}

		fn offchain_worker(n: BlockNumberFor<T>) {
			Self::run_offchain_worker(n);
		}

		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(!T::LivenessPeriod::get().is_zero(), "LivenessPeriod is zero");
			assert!(
				T::ReportGrace::get() < T::LivenessPeriod::get(),
				"ReportGrace must be less than LivenessPeriod"
			);
			assert!((1..=255).contains(&T::ProbersPerGpu::get()), "ProbersPerGpu not in 1..=255");
			assert!(
				(1..=255).contains(&T::MaxMissedPeriods::get()),
				"MaxMissedPeriods not in 1..=255"
			);
			assert!(T::MaxEvidence::get() > 0, "MaxEvidence is zero");
			assert!(T::MaxSlots::get() > 0, "MaxSlots is zero");
			assert!(T::MaxVerifiers::get() > 0, "MaxVerifiers is zero");
			assert!(
				T::MaxReportBits::get() >= T::MaxSlots::get(),
				"MaxReportBits must cover MaxSlots"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits the caller's report on an open period (see [`LivenessReport`]). The caller
		/// must be the account of the period's verifier at `report.verifier_index`. Free when
		/// accepted; the actual weight is refunded to the number of verifiers.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_report(
			(report.bits.len() as u32).saturating_mul(8),
			report.evidence.len() as u32,
			T::MaxVerifiers::get(),
		))]
		pub fn submit_report(
			origin: OriginFor<T>,
			report: ReportOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_report(who, report)
		}
	}
}
