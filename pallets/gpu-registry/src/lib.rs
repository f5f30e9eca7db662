//! # GPU asset registry
//!
//! Tokenized GPU infrastructure: a provider registers a physical GPU and stakes behind it, the
//! GPU becomes an on-chain asset (an NFT) that can be financed and traded, renters pay for
//! compute, and the revenue flows to the asset's holder.
//!
//! ## Concepts
//!
//! * **Catalogue.** `CatalogueOrigin` keeps a catalogue of GPU **models**
//!   ([`Pallet::set_model`], [`Pallet::remove_model`]): name, memory, sustained int8/fp16
//!   throughput, memory bandwidth, the **minimum stake** a provider must put behind each GPU of
//!   the model, a reward weight and the proof-of-GPU [`ChallengeParams`]. A model cannot be
//!   removed while GPUs of it exist.
//! * **Registration.** A provider (usually the `gpu-agent` binary, through
//!   [`Pallet::register_gpu`]) registers a GPU of a model with its reported [`GpuSpecs`]
//!   (memory at least the model's), region, agent endpoint (checked by
//!   `heliox_gpu_liveness::validate_endpoint`) and the agent's sr25519 key (one registration per
//!   key). The model's minimum stake is **held** from the provider
//!   ([`HoldReason::GpuStake`]). GPU ids come from a counter and are never reused.
//! * **Lifecycle** `Pending -> Active -> (Suspended | Slashed | Retired)`. A new GPU is
//!   `Pending`, and monitored by the liveness pallet (`Config::Liveness`). When the validators
//!   first see it live, the liveness pallet calls [`GpuDirectory::on_live`]: it becomes `Active`
//!   and can be rented. If it stops answering, [`GpuDirectory::on_unresponsive`] suspends it;
//!   its operator fixes it and [`Pallet::resume_gpu`]s it (back to `Pending`, monitored again).
//!   The proof-of-GPU pallet may [`Pallet::suspend`] a GPU or [`Pallet::slash`] part of its
//!   stake (to the treasury, with a reward for the reporter); a slashed GPU can only be retired.
//!   [`Pallet::retire_gpu`] starts the unbonding period; after it,
//!   [`Pallet::withdraw_stake`] releases the stake, burns the NFT and removes the GPU.
//! * **Tokenization.** Every GPU is minted as item `GpuId` of one `pallet-nfts` collection
//!   owned by the pallet account (created at genesis or by the first registration), through
//!   the `nonfungibles_v2` traits. The item goes to the provider and carries the GPU's specs as
//!   pallet-namespace attributes (`model`, `vram_mib`, `region`, `serial_hash`). Whoever owns the
//!   item is the GPU's **holder** and receives the holder share of its revenue; transferring or
//!   selling the item in `pallet-nfts` moves the revenue rights. The **operator** role (endpoint,
//!   price, retirement) stays with the registration's provider. A holder who burns the item
//!   gives its revenue rights back to the operator.
//! * **Rentals.** The operator sets a price per block in HLX or AID ([`Pallet::set_price`]).
//!   Anyone may [`Pallet::rent`] an `Active`, unrented GPU for 1..=`MaxRentalBlocks` blocks at
//!   no more than their maximum price; the payment goes to **escrow**: AID to the pallet's
//!   escrow account ([`Pallet::escrow_account`]), HLX on hold on the renter
//!   ([`HoldReason::RentalEscrow`], which cannot be dusted by the existential deposit the way a
//!   shared escrow account could).
//! * **Settlement.** After the rental's end anyone may [`Pallet::settle_rental`]. The renter is
//!   refunded the downtime part (`paid × (1 − uptime)`, uptime from the liveness pallet, none
//!   observed = fully up); the rest is split by the [`RevenueShares`] (`ParamsOrigin`,
//!   [`Pallet::set_revenue_shares`]): the protocol share to the treasury, the holder share to
//!   the NFT's owner, the operator share plus all rounding dust to the operator, so the escrow of
//!   the rental ends at exactly zero. When the GPU is financed by the sAID vault
//!   (`Config::RevenueSink`) and the rental was paid in AID, the holder share goes to the vault
//!   instead (from the escrow account); if the vault refuses it, it is paid to the holder and
//!   [`Event::RevenueSinkRefused`] says so. A payment a recipient cannot receive (a new account
//!   below the existential deposit) goes to the treasury ([`Event::PaymentRedirected`]).
//!   Revenue to date is recorded per GPU and currency. Suspended or slashed GPUs with an open
//!   rental settle the same way (their downtime is refunded).
//!
//! ## Accounts
//!
//! * the pallet account ([`Pallet::account_id`]): owner and admin of the GPU collection; it
//!   must hold `pallet-nfts`' collection deposit (plus the existential deposit) when the
//!   collection is created;
//! * the escrow account ([`Pallet::escrow_account`]): holds the AID of open rentals.
//!
//! ## Runtime wiring
//!
//! * `Nfts = pallet_nfts::Pallet<Runtime>` with `ItemId = u64`, `NftCollectionConfig =
//!   pallet_nfts::CollectionConfigFor<Runtime>`, `NftItemConfig = pallet_nfts::ItemConfig` and
//!   `GpuCollectionConfig` returning a config with all settings enabled (items transferable),
//!   no max supply and `MintSettings::default()` (only the issuer, the pallet, mints);
//! * `pallet-nfts`' `KeyLimit` must fit the attribute keys (11 bytes) and its `ValueLimit` both
//!   `MaxRegionLen` and 32 bytes (the serial hash);
//! * AID should be a sufficient asset with minimum balance 1 (as `pallet-aid` creates it):
//!   the escrow account then needs no native balance, and no escrow is ever swept as dust;
//! * `Liveness` = the liveness pallet, which in turn takes `Pallet<Runtime>` as its
//!   `heliox_gpu_liveness::GpuDirectory<u64>`;
//! * `RevenueSink = pallet_aid::Pallet<Runtime>`;
//! * [`runtime_api::GpuRegistryApi`] is implemented by calling [`Pallet::gpu`],
//!   [`Pallet::gpus`] and [`Pallet::models`].

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

pub use features::MAX_GPUS_PER_PAGE;
pub use heliox_gpu_liveness::GpuDirectory;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::gpu-registry";

/// NFT attribute keys of a GPU item.
pub mod attributes {
	/// The model id (SCALE `u32`).
	pub const MODEL: &[u8] = b"model";
	/// The reported memory, MiB (SCALE `u32`).
	pub const VRAM_MIB: &[u8] = b"vram_mib";
	/// The region (raw bytes).
	pub const REGION: &[u8] = b"region";
	/// The serial-number hash (32 raw bytes).
	pub const SERIAL_HASH: &[u8] = b"serial_hash";
	/// All keys.
	pub const ALL: [&[u8]; 4] = [MODEL, VRAM_MIB, REGION, SERIAL_HASH];
}

/// Told when a GPU is gone for good (its stake withdrawn), so other pallets forget it (the
/// proof-of-GPU pallet's tallies, miss counters and proven frauds).
pub trait OnGpuWithdrawn {
	/// `gpu` was withdrawn; its id is never reused.
	fn on_gpu_withdrawn(gpu: GpuId);
}

impl OnGpuWithdrawn for () {
	fn on_gpu_withdrawn(_gpu: GpuId) {}
}

/// Sets up what the benchmarks need in a runtime beyond the native currency.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes sure the AID asset exists and mints `amount` of it to `who`.
	fn fund_aid(who: &AccountId, amount: u128);
	/// Makes the revenue sink finance `gpu`, so its AID revenue takes the sink path.
	fn finance_gpu(gpu: GpuId);
	/// Makes the liveness pallet report some downtime of `gpu` (so settlement refunds part of
	/// the payment); may do nothing where that cannot be arranged.
	fn set_downtime(gpu: GpuId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible, fungibles,
			tokens::nonfungibles_v2::{Create, Inspect, InspectEnumerable, Mutate, Transfer},
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use heliox_gpu_liveness::LivenessMonitor;
	use heliox_vault::{RevenueError, RevenueSink};
	use sp_runtime::{traits::AccountIdConversion, Perbill, Permill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// A model as stored and passed to `set_model`.
	pub type ModelSpecOf<T> = ModelSpec<BoundedVec<u8, <T as Config>::MaxNameLen>>;
	/// A region as stored and passed to `register_gpu`.
	pub type RegionOf<T> = BoundedVec<u8, <T as Config>::MaxRegionLen>;
	/// An agent endpoint as stored and passed to `register_gpu`.
	pub type EndpointOf<T> = BoundedVec<u8, <T as Config>::MaxEndpointLen>;
	/// A GPU as stored.
	pub type GpuOf<T> = GpuRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		RegionOf<T>,
		EndpointOf<T>,
	>;
	/// A rental as stored.
	pub type RentalOf<T> = Rental<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A GPU as the runtime API returns it.
	pub type GpuInfoOf<T> = GpuInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The stake behind a provider's GPUs.
		GpuStake,
		/// A renter's payment for an open rental, until settlement.
		RentalEscrow,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native currency (HLX): stakes and native rentals. Balances are `u128`.
		type Currency: fungible::Inspect<Self::AccountId, Balance = u128>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Identifier of a fungible asset in `Assets`.
		type AssetId: Parameter + Member + Copy + MaxEncodedLen;

		/// The fungible assets, among them AID.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = u128>
			+ fungibles::Mutate<Self::AccountId>;

		/// The asset id of AID.
		#[pallet::constant]
		type AidAssetId: Get<Self::AssetId>;

		/// Identifier of an NFT collection (`pallet_nfts::Config::CollectionId`).
		type CollectionId: Parameter + Member + Copy + MaxEncodedLen;

		/// The configuration type of a new NFT collection
		/// (`pallet_nfts::CollectionConfigFor<Runtime>`).
		type NftCollectionConfig;

		/// The configuration type of a new NFT item (`pallet_nfts::ItemConfig`); items are
		/// minted with its default.
		type NftItemConfig: Default;

		/// The NFTs (`pallet_nfts::Pallet<Runtime>` with `ItemId = u64`).
		type Nfts: Inspect<Self::AccountId, CollectionId = Self::CollectionId, ItemId = GpuId>
			+ InspectEnumerable<Self::AccountId>
			+ Mutate<Self::AccountId, Self::NftItemConfig>
			+ Create<Self::AccountId, Self::NftCollectionConfig>
			+ Transfer<Self::AccountId>;

		/// The configuration of the GPU collection (items must be transferable).
		type GpuCollectionConfig: Get<Self::NftCollectionConfig>;

		/// The liveness pallet: monitors GPUs and reports their uptime.
		type Liveness: LivenessMonitor<GpuId>;

		/// Told when a GPU's stake is withdrawn (the GPU is gone for good).
		type OnWithdrawn: OnGpuWithdrawn;

		/// Takes the holder share of AID revenue of GPUs it finances (the sAID vault).
		type RevenueSink: RevenueSink<Self::AccountId, GpuId, u128>;

		/// Governance of the model catalogue.
		type CatalogueOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Governance of the revenue shares.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The pallet's id: its account owns the GPU collection, its sub-account is the escrow.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Receives the protocol share and slashed stake.
		type TreasuryAccount: Get<Self::AccountId>;

		/// Part of a slash paid to the reporter, if any.
		#[pallet::constant]
		type ReporterReward: Get<Permill>;

		/// Blocks between `retire_gpu` and `withdraw_stake`.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Longest rental, in blocks.
		#[pallet::constant]
		type MaxRentalBlocks: Get<u32>;

		/// Longest model name.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Longest region.
		#[pallet::constant]
		type MaxRegionLen: Get<u32>;

		/// Longest agent endpoint.
		#[pallet::constant]
		type MaxEndpointLen: Get<u32>;

		/// Revenue shares until `set_revenue_shares` is called (must sum to 100%).
		#[pallet::constant]
		type DefaultRevenueShares: Get<RevenueShares>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Benchmark helper.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Revenue shares until `set_revenue_shares` is called.
	#[pallet::type_value]
	pub fn DefaultShares<T: Config>() -> RevenueShares {
		T::DefaultRevenueShares::get()
	}

	/// The model catalogue.
	#[pallet::storage]
	pub type Models<T: Config> = StorageMap<_, Twox64Concat, ModelId, ModelSpecOf<T>, OptionQuery>;

	/// Number of registered GPUs of each model (entries only for models with GPUs).
	#[pallet::storage]
	pub type ModelGpus<T: Config> = StorageMap<_, Twox64Concat, ModelId, u32, OptionQuery>;

	/// Registered GPUs.
	#[pallet::storage]
	pub type Gpus<T: Config> = StorageMap<_, Twox64Concat, GpuId, GpuOf<T>, OptionQuery>;

	/// The id of the next GPU.
	#[pallet::storage]
	pub type NextGpuId<T> = StorageValue<_, GpuId, ValueQuery>;

	/// The GPU registered with each agent key.
	#[pallet::storage]
	pub type AgentKeys<T: Config> = StorageMap<_, Blake2_128Concat, [u8; 32], GpuId, OptionQuery>;

	/// Open rentals.
	#[pallet::storage]
	pub type Rentals<T: Config> = StorageMap<_, Twox64Concat, GpuId, RentalOf<T>, OptionQuery>;

	/// Revenue paid out by each GPU to date.
	#[pallet::storage]
	pub type Revenue<T: Config> = StorageMap<_, Twox64Concat, GpuId, RevenueToDate, ValueQuery>;

	/// How settled revenue is split.
	#[pallet::storage]
	pub type Shares<T: Config> = StorageValue<_, RevenueShares, ValueQuery, DefaultShares<T>>;

	/// What proof-of-GPU verified about each GPU (its throughput class, last epoch, passes).
	#[pallet::storage]
	pub type Verified<T: Config> =
		StorageMap<_, Blake2_128Concat, GpuId, Verification, OptionQuery>;

	/// The `pallet-nfts` collection of the GPUs, once created.
	#[pallet::storage]
	pub type GpuCollection<T: Config> = StorageValue<_, T::CollectionId, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Models of the catalogue: (id, spec).
		pub models: Vec<(ModelId, ModelSpec<Vec<u8>>)>,
		/// Revenue shares (the configured default if `None`).
		pub revenue_shares: Option<RevenueShares>,
		/// Create the GPU collection now (the pallet account must be endowed with the
		/// collection deposit); otherwise the first registration creates it.
		pub create_collection: bool,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		#[allow(clippy::expect_used)]
		fn build(&self) {
			for (id, spec) in &self.models {
				let spec = spec.clone().map_name(|name| {
					BoundedVec::try_from(name).expect("genesis model name fits MaxNameLen")
				});
				Pallet::<T>::do_set_model(*id, spec).expect("genesis model is valid");
			}
			if let Some(shares) = self.revenue_shares {
				assert!(shares.is_valid(), "genesis revenue shares must sum to 100%");
				Shares::<T>::put(shares);
			}
			if self.create_collection {
				Pallet::<T>::ensure_collection().expect("the GPU collection can be created");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// A model was added to the catalogue or changed.
		ModelSet { model: ModelId, spec: ModelSpecOf<T> },
		/// A model was removed from the catalogue.
		ModelRemoved { model: ModelId },
		/// The GPU collection was created in `pallet-nfts`.
		CollectionCreated { collection: T::CollectionId },
		/// A GPU was registered (status `Pending`).
		GpuRegistered { gpu: GpuId, provider: T::AccountId, model: ModelId, agent_key: [u8; 32] },
		/// The stake of a GPU was held from its provider.
		StakeHeld { gpu: GpuId, provider: T::AccountId, amount: u128 },
		/// The NFT of a GPU was minted to its provider.
		GpuMinted { gpu: GpuId, collection: T::CollectionId, owner: T::AccountId },
		/// The agent endpoint of a GPU changed.
		EndpointUpdated { gpu: GpuId, endpoint: EndpointOf<T> },
		/// A GPU was seen live: `Pending -> Active`.
		GpuActivated { gpu: GpuId },
		/// A GPU was suspended (unresponsive, or by the proof-of-GPU pallet).
		GpuSuspended { gpu: GpuId },
		/// A suspended GPU was resumed by its operator: `Suspended -> Pending`.
		GpuResumed { gpu: GpuId },
		/// A GPU was retired; its stake can be withdrawn from `unbonds_at` on.
		GpuRetired { gpu: GpuId, unbonds_at: BlockNumberFor<T> },
		/// A quorum of validators verified the GPU's proof-of-GPU openings for `epoch`: it
		/// delivers the throughput of `model`.
		GpuVerified { gpu: GpuId, model: ModelId, epoch: u64, passes: u32 },
		/// Part of a GPU's stake was slashed.
		GpuSlashed {
			gpu: GpuId,
			provider: T::AccountId,
			amount: u128,
			to_treasury: u128,
			reporter: Option<T::AccountId>,
			to_reporter: u128,
			remaining_stake: u128,
		},
		/// A retired GPU's stake was released, its NFT burned and the GPU removed.
		StakeWithdrawn { gpu: GpuId, provider: T::AccountId, amount: u128 },
		/// The operator set a GPU's price.
		PriceSet { gpu: GpuId, price: Price },
		/// A GPU was rented; `paid` is in escrow.
		Rented {
			gpu: GpuId,
			renter: T::AccountId,
			currency: PaymentCurrency,
			price_per_block: u128,
			blocks: u32,
			paid: u128,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		},
		/// A rental was settled: `refunded + to_operator + to_holder + to_protocol = paid`.
		/// `holder` is the GPU's holder; `via_sink` says the holder share went to the revenue
		/// sink financing the GPU rather than to the holder.
		RentalSettled {
			gpu: GpuId,
			renter: T::AccountId,
			currency: PaymentCurrency,
			paid: u128,
			uptime_ppm: u32,
			refunded: u128,
			to_operator: u128,
			to_holder: u128,
			to_protocol: u128,
			holder: T::AccountId,
			via_sink: bool,
		},
		/// The revenue sink financing the GPU refused its holder share; it was paid to the
		/// holder instead.
		RevenueSinkRefused { gpu: GpuId, amount: u128, error: RevenueError },
		/// A settlement payment could not be received by `intended` (e.g. a new account below
		/// the existential deposit) and went to the treasury.
		PaymentRedirected {
			gpu: GpuId,
			intended: T::AccountId,
			currency: PaymentCurrency,
			amount: u128,
		},
		/// The revenue shares changed.
		RevenueSharesSet { shares: RevenueShares },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such model in the catalogue.
		UnknownModel,
		/// Challenge parameters must have `n > 0`, `lag >= 1`, `steps > lag`, `samples > 0`.
		InvalidChallengeParams,
		/// GPUs of the model are registered.
		ModelInUse,
		/// The reported GPU has less memory than its model.
		SpecsBelowModel,
		/// The agent endpoint is longer than allowed.
		EndpointTooLong,
		/// The agent endpoint is not an accepted `http(s)://host[:port][/path]` URL.
		InvalidEndpoint,
		/// The agent key is already registered.
		DuplicateAgentKey,
		/// The provider cannot cover the model's stake.
		InsufficientStake,
		/// The liveness pallet has no free monitoring slot.
		NoFreeLivenessSlot,
		/// No such GPU.
		UnknownGpu,
		/// The caller is not the GPU's operator.
		NotOperator,
		/// The GPU is not suspended.
		NotSuspended,
		/// The GPU can only be suspended while pending or active.
		CannotSuspend,
		/// The GPU is already retired.
		AlreadyRetired,
		/// The GPU is not retired.
		NotRetired,
		/// The unbonding period has not passed.
		StillUnbonding,
		/// The GPU has an open rental.
		GpuRented,
		/// The GPU is not active.
		GpuNotActive,
		/// The operator has not set a price.
		NoPrice,
		/// A price of zero.
		ZeroPrice,
		/// The GPU's price is above the renter's maximum.
		PriceAboveMax,
		/// The GPU is priced in another currency than the renter agreed to pay in (an operator
		/// cannot switch a renter from HLX to AID, or back, by changing the price).
		CurrencyMismatch,
		/// A rental of zero blocks.
		ZeroBlocks,
		/// A rental longer than `MaxRentalBlocks`.
		TooManyBlocks,
		/// The renter cannot pay the rental.
		InsufficientBalance,
		/// An arithmetic result would not fit.
		Overflow,
		/// The GPU has no open rental.
		NoRental,
		/// The rental has not ended.
		RentalNotEnded,
		/// Revenue shares must sum to exactly 100%.
		InvalidShares,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::DefaultRevenueShares::get().is_valid(), "DefaultRevenueShares != 100%");
			assert!(T::MaxRentalBlocks::get() > 0, "MaxRentalBlocks must not be zero");
			assert!(T::MaxEndpointLen::get() > 0, "MaxEndpointLen must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds model `model_id` to the catalogue, or changes it (GPUs already registered keep
		/// the stake they were registered with).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_model(spec.name.len() as u32))]
		pub fn set_model(
			origin: OriginFor<T>,
			model_id: ModelId,
			spec: ModelSpecOf<T>,
		) -> DispatchResult {
			T::CatalogueOrigin::ensure_origin(origin)?;
			Self::do_set_model(model_id, spec)
		}

		/// Removes model `model_id` from the catalogue (refused while GPUs of it exist).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_model())]
		pub fn remove_model(origin: OriginFor<T>, model_id: ModelId) -> DispatchResult {
			T::CatalogueOrigin::ensure_origin(origin)?;
			Self::do_remove_model(model_id)
		}

		/// Registers a GPU of `model` operated by the caller: holds the model's stake, mints the
		/// GPU's NFT to the caller and starts liveness monitoring. The GPU is `Pending`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_gpu(
			region.len() as u32,
			agent_endpoint.len() as u32,
		))]
		pub fn register_gpu(
			origin: OriginFor<T>,
			model: ModelId,
			specs: GpuSpecs,
			region: RegionOf<T>,
			agent_endpoint: EndpointOf<T>,
			agent_key: [u8; 32],
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_register_gpu(provider, model, specs, region, agent_endpoint, agent_key)
				.map(|_| ())
		}

		/// Changes the agent endpoint of the caller's GPU.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::update_endpoint(endpoint.len() as u32))]
		pub fn update_endpoint(
			origin: OriginFor<T>,
			gpu: GpuId,
			endpoint: EndpointOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_endpoint(who, gpu, endpoint)
		}

		/// Resumes the caller's suspended GPU: back to `Pending`, monitored again.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resume_gpu())]
		pub fn resume_gpu(origin: OriginFor<T>, gpu: GpuId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_resume_gpu(who, gpu)
		}

		/// Retires the caller's GPU (not while rented): monitoring stops and the unbonding
		/// period starts.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::retire_gpu())]
		pub fn retire_gpu(origin: OriginFor<T>, gpu: GpuId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire_gpu(who, gpu)
		}

		/// After the unbonding period of the caller's retired GPU: releases its stake, burns
		/// its NFT and removes it.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_stake())]
		pub fn withdraw_stake(origin: OriginFor<T>, gpu: GpuId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_stake(who, gpu)
		}

		/// Sets the rental price of the caller's GPU (for rentals from now on).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_price())]
		pub fn set_price(
			origin: OriginFor<T>,
			gpu: GpuId,
			currency: PaymentCurrency,
			price_per_block: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_price(who, gpu, currency, price_per_block)
		}

		/// Rents an active GPU for `blocks` blocks at its price, if not above
		/// `max_price_per_block`; the payment goes to escrow.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::rent())]
		pub fn rent(
			origin: OriginFor<T>,
			gpu: GpuId,
			blocks: u32,
			max_price_per_block: u128,
			currency: PaymentCurrency,
		) -> DispatchResult {
			let renter = ensure_signed(origin)?;
			Self::do_rent(renter, gpu, blocks, max_price_per_block, currency)
		}

		/// Settles an ended rental: refunds the renter's downtime and splits the rest between
		/// operator, holder (or the vault financing the GPU) and protocol. Anyone may call.
		#[pallet::call_index(9)]
		#[pallet::weight(
			T::WeightInfo::settle_rental_holder().max(T::WeightInfo::settle_rental_sink())
		)]
		pub fn settle_rental(origin: OriginFor<T>, gpu: GpuId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle_rental(gpu)
		}

		/// Sets how settled revenue is split (the shares must sum to exactly 100%).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_revenue_shares())]
		pub fn set_revenue_shares(origin: OriginFor<T>, shares: RevenueShares) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			ensure!(shares.is_valid(), Error::<T>::InvalidShares);
			Shares::<T>::put(shares);
			Self::deposit_event(Event::RevenueSharesSet { shares });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pallet account: owner of the GPU collection.
		pub fn account_id() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The escrow account of AID rental payments.
		pub fn escrow_account() -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating(b"escrow")
		}

		/// Slashes `fraction` of `gpu`'s stake (for the proof-of-GPU pallet): the reporter gets
		/// `ReporterReward` of it (the treasury if it cannot receive it), the treasury the
		/// rest. The GPU becomes `Slashed` and is no longer monitored. Returns the amount
		/// slashed. Nothing changes on error.
		pub fn slash(
			gpu: GpuId,
			fraction: Perbill,
			reporter: Option<T::AccountId>,
		) -> Result<u128, DispatchError> {
			frame_support::storage::with_storage_layer(|| Self::do_slash(gpu, fraction, reporter))
		}

		/// Records that a quorum of validators verified `gpu`'s proof-of-GPU openings for
		/// `epoch` (for the proof-of-GPU pallet): its throughput class is its model. Unknown GPUs
		/// and epochs not after the last recorded one are ignored.
		pub fn record_verified(gpu: GpuId, epoch: u64) {
			let Some(record) = Gpus::<T>::get(gpu) else { return };
			let previous = Verified::<T>::get(gpu);
			if previous.is_some_and(|v| v.epoch >= epoch) {
				return;
			}
			let passes = previous.map_or(0, |v| v.passes).saturating_add(1);
			Verified::<T>::insert(gpu, Verification { model: record.model, epoch, passes });
			Self::deposit_event(Event::GpuVerified { gpu, model: record.model, epoch, passes });
		}

		/// Suspends a pending or active GPU (for the proof-of-GPU pallet) and stops
		/// monitoring it; its operator may resume it.
		pub fn suspend(gpu: GpuId) -> DispatchResult {
			Self::do_suspend(gpu, true)
		}
	}
}
