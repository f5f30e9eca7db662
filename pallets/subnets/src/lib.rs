//! # Subnets pallet
//!
//! Bittensor-style subnets for Heliox: owners open subnets, miners and validators register
//! neurons in them, validators score miners by setting weights, and every *tempo* an *epoch*
//! turns the weights into consensus, incentive, dividends and an emission of HLX. The epoch
//! itself is the sparse, fixed-point Yuma consensus of the FRAME-free crate [`heliox_yuma`]; this
//! pallet keeps the state, checks the inputs and pays the results.
//!
//! ## Concepts
//!
//! * **Subnet** (`netuid`): a competition with its own neurons, weights and hyperparameters.
//!   Anyone can register one by placing a *lock* (a hold on pallet-balances) whose price doubles
//!   with each registration and then decays linearly back to a floor over
//!   `Config::LockReductionInterval` blocks. The lock is returned when the owner dissolves it.
//! * **Coldkey / hotkey**: the coldkey is the account that holds and pays HLX (it signs
//!   registrations and staking); the hotkey is the operational key of a neuron (it signs
//!   `set_weights`, the commit-reveal calls and `serve_axon`). A coldkey claims a hotkey at its
//!   first registration; the hotkey then belongs to that coldkey for good.
//! * **UID**: the position `0..n` of a neuron on a subnet. A coldkey registers a hotkey by
//!   *burning* HLX; the price rises by `Config::BurnIncrease` per registration and halves every
//!   `Config::BurnHalvingInterval` blocks, within `[MinBurn, MaxBurn]`. When all `max_uids` UIDs
//!   are taken, the new hotkey replaces the UID with the lowest emission in the last epoch among
//!   those past their *immunity period* (ties: oldest registration, then lowest UID).
//! * **Stake**: HLX a coldkey places on a hotkey, held (not transferred) on the coldkey. The
//!   total stake of a hotkey is its weight in consensus; the top `max_validators` stakes get a
//!   *validator permit*.
//! * **Weights**: a validator's scores of the subnet's UIDs, a sparse row stored with its
//!   maximum scaled to 65535. `set_weights` checks the version key, the rate limit, the permit,
//!   duplicate and out-of-range UIDs and the minimum number of weights.
//! * **Commit-reveal**: when a subnet enables it, validators first `commit_weights` a hash of
//!   `(hotkey, netuid, uids, values, salt, version_key)` and reveal the weights with
//!   `reveal_weights` exactly `reveal_period` epochs later (the *reveal window* is that epoch),
//!   so no validator can copy another's weights from the chain before they count.
//! * **Tempo and epoch**: each block `Config::BlockEmission` accrues, split evenly among the
//!   subnets (a global index, O(1) per block). A subnet's epoch runs in `on_initialize` every
//!   `tempo` blocks; at most `Config::MaxEpochsPerBlock` epochs run in one block, the most overdue
//!   first, and the rest are deferred to the following blocks. The epoch mints the accrued
//!   emission: the owner's cut to the subnet owner, the miners' incentive and the validators'
//!   dividends to the coldkeys owning the neurons' hotkeys. `on_initialize` charges the
//!   benchmarked weight of the epochs it actually ran, which grows with the number of UIDs and
//!   of weights.
//!
//! ## Money flows
//!
//! * Subnet locks and stake are **holds** (`fungible::MutateHold`) on the paying coldkey, under
//!   [`HoldReason::SubnetLock`] and [`HoldReason::Stake`]; nothing is transferred.
//! * Neuron registrations **burn** their price (`fungible::Mutate::burn_from`).
//! * Emission is **minted** (`fungible::Mutate::mint_into`) at each epoch: the owner cut to the
//!   subnet owner, each UID's share to the coldkey owning its hotkey. A share that cannot be
//!   minted (e.g. below the existential deposit of a reaped coldkey) is reported as
//!   `undistributed` in [`Event::EpochRun`] and not minted. The remainder of
//!   `BlockEmission / subnets` and the pending emission of a dissolved subnet are not minted.
//!
//! ## Weights
//!
//! Every call is benchmarked with the components that cost work: `set_weights(w)` and
//! `reveal_weights(w)` in the number of weights, `burned_register(n)` in the UIDs scanned for a
//! replacement, `dissolve_network(n)` in the UIDs removed, `set_hyperparameters(c)` in the
//! commits dropped; calls charge the worst case up front and refund to the actual work.
//! `on_initialize` returns `on_initialize(e) + Σ epoch(n, w)` for the `e` epochs it ran, `n`
//! the UIDs and `w` the weight and bond entries each epoch read.
//!
//! ## Runtime configuration (recommended, 3 s blocks)
//!
//! | item | value | why |
//! |---|---|---|
//! | `DefaultHyperparameters` | [`SubnetHyperparameters::default`] (tempo 360 ≈ 18 min, κ 32767, 256 UIDs, 64 validators, immunity 4096, rate limit 100, bma 900 000, activity cutoff 5000) | reference chain defaults |
//! | `MaxSubnets` | 64 | |
//! | `MaxUids` | 4096 | the epoch target |
//! | `MaxWeightsPerValidator` | 1024 | 256 validators × 1024 weights target |
//! | `MaxEpochsPerBlock` | 2 (1 if `2 · epoch(4096, 2¹⁹)` exceeds the operational share of a block) | reference |
//! | `MaxPendingCommits` | 10 | reference |
//! | `OwnerCut` | 11 796 (18%) | reference |
//! | `MinLockCost` / `LockReductionInterval` | 100 HLX / 14 days (403 200 blocks) | reference decay period |
//! | `MinBurn` / `MaxBurn` | 0.1 HLX / 100 HLX | |
//! | `BurnIncrease` / `BurnHalvingInterval` | 26% / 360 blocks | reference |
//! | `MinStake` | 0.1 HLX | bounds the stake entries |
//! | `ServingRateLimit` | 50 blocks | |
//! | `AdminOrigin` | `EnsureRoot` | governance |
//! | `BlockEmission` | tokenomics decision | split evenly among subnets |
//!
//! ## Layout
//!
//! Following `pallet-nfts`: this file declares the pallet; the logic of each capability lives in
//! `features/` ([`features::network`], [`features::registration`], [`features::staking`],
//! [`features::weights`], [`features::serving`], [`features::epoch`], [`features::metagraph`],
//! [`features::invariants`]); storage types are in [`types`]; the runtime API is
//! [`runtime_api::SubnetsApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod features;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// The runtime API of the pallet.
pub mod runtime_api {
	use crate::types::{HyperparameterBounds, Metagraph, NetUid, SubnetSummary, Uid};
	use alloc::vec::Vec;
	use codec::Codec;

	sp_api::decl_runtime_apis! {
		/// Read access to subnets and their metagraphs.
		pub trait SubnetsApi<AccountId, Balance>
		where
			AccountId: Codec,
			Balance: Codec,
		{
			/// The metagraph of a subnet, `None` if it does not exist.
			fn metagraph(netuid: NetUid) -> Option<Metagraph<AccountId, Balance>>;
			/// All subnets, by netuid.
			fn subnets() -> Vec<SubnetSummary<AccountId, Balance>>;
			/// One subnet.
			fn subnet(netuid: NetUid) -> Option<SubnetSummary<AccountId, Balance>>;
			/// The governance bounds of the hyperparameters.
			fn hyperparameter_bounds() -> HyperparameterBounds;
			/// The lock a subnet registration costs now.
			fn network_lock_cost() -> Balance;
			/// The burn a neuron registration on `netuid` costs now.
			fn neuron_burn(netuid: NetUid) -> Option<Balance>;
			/// The UID of a hotkey on a subnet.
			fn uid_of(netuid: NetUid, hotkey: AccountId) -> Option<Uid>;
			/// Total stake on a hotkey.
			fn total_stake(hotkey: AccountId) -> Balance;
			/// The stored weight row of a UID.
			fn weights(netuid: NetUid, uid: Uid) -> Vec<(Uid, u16)>;
			/// The stored bond row of a UID.
			fn bonds(netuid: NetUid, uid: Uid) -> Vec<(Uid, u16)>;
		}
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::DispatchResultWithPostInfo,
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			EnsureOrigin,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds HLX.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The lock of a subnet owner, returned on dissolve.
		#[codec(index = 0)]
		SubnetLock,
		/// Stake of a coldkey on a hotkey.
		#[codec(index = 1)]
		Stake,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// HLX: held for locks and stake, burnt for registrations, minted for emission.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// May set the governance bounds of the hyperparameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of the calls and of the epoch.
		type WeightInfo: WeightInfo;

		/// Hyperparameters of a new subnet (`max_uids` is capped at `MaxUids`).
		#[pallet::constant]
		type DefaultHyperparameters: Get<SubnetHyperparameters>;

		/// Maximum number of subnets (netuids are `0..MaxSubnets`).
		#[pallet::constant]
		type MaxSubnets: Get<u32>;

		/// Maximum number of UIDs on any subnet (at most 65535).
		#[pallet::constant]
		type MaxUids: Get<u32>;

		/// Maximum number of weights one validator sets.
		#[pallet::constant]
		type MaxWeightsPerValidator: Get<u32>;

		/// Maximum number of epochs run in one block; the rest wait for the next blocks.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;

		/// Maximum number of unrevealed commits per hotkey and subnet.
		#[pallet::constant]
		type MaxPendingCommits: Get<u32>;

		/// HLX emitted per block, split evenly among the subnets.
		#[pallet::constant]
		type BlockEmission: Get<BalanceOf<Self>>;

		/// The subnet owner's share of each epoch's emission, as a proportion of 65535.
		#[pallet::constant]
		type OwnerCut: Get<u16>;

		/// The smallest subnet lock.
		#[pallet::constant]
		type MinLockCost: Get<BalanceOf<Self>>;

		/// Blocks over which a doubled lock cost decays linearly back to the floor.
		#[pallet::constant]
		type LockReductionInterval: Get<BlockNumberFor<Self>>;

		/// Smallest neuron registration burn.
		#[pallet::constant]
		type MinBurn: Get<BalanceOf<Self>>;

		/// Largest neuron registration burn.
		#[pallet::constant]
		type MaxBurn: Get<BalanceOf<Self>>;

		/// Increase of the burn per registration (26% on the reference chain).
		#[pallet::constant]
		type BurnIncrease: Get<Perbill>;

		/// The burn halves every this many blocks.
		#[pallet::constant]
		type BurnHalvingInterval: Get<BlockNumberFor<Self>>;

		/// Smallest stake a coldkey may keep on a hotkey (bounds the number of `Stake` entries).
		#[pallet::constant]
		type MinStake: Get<BalanceOf<Self>>;

		/// Minimum blocks between two `serve_axon` of one UID.
		#[pallet::constant]
		type ServingRateLimit: Get<BlockNumberFor<Self>>;
	}

	/// The subnets.
	#[pallet::storage]
	pub type Networks<T: Config> = StorageMap<
		_,
		Twox64Concat,
		NetUid,
		SubnetInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// The epoch schedule: `(netuid, block the next epoch is due)`, sorted by netuid.
	#[pallet::storage]
	pub type EpochSchedule<T: Config> =
		StorageValue<_, BoundedVec<(NetUid, BlockNumberFor<T>), T::MaxSubnets>, ValueQuery>;

	/// Governance bounds of the owner-set hyperparameters.
	#[pallet::storage]
	pub type HyperparamBounds<T: Config> = StorageValue<_, HyperparameterBounds, ValueQuery>;

	/// The lock paid by the last subnet registration.
	#[pallet::storage]
	pub type LastLockCost<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The block of the last subnet registration.
	#[pallet::storage]
	pub type LastLockBlock<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Cumulative emission per subnet since genesis; a subnet is owed the difference to its
	/// `SubnetInfo::emission_index`.
	#[pallet::storage]
	pub type EmissionIndex<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The neuron holding each UID.
	#[pallet::storage]
	pub type Neurons<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Twox64Concat,
		Uid,
		Neuron<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// The UID of each registered hotkey.
	#[pallet::storage]
	pub type Uids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, Uid>;

	/// The coldkey that owns each hotkey (claimed at its first registration).
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Weight rows of validators.
	#[pallet::storage]
	pub type Weights<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, WeightRowOf<T>>;

	/// Bond rows of validators (only UIDs holding a validator permit have one).
	#[pallet::storage]
	pub type Bonds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, BondRowOf<T>>;

	/// Axon endpoints.
	#[pallet::storage]
	pub type Axons<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, AxonInfo<BlockNumberFor<T>>>;

	/// Unrevealed weight commits.
	#[pallet::storage]
	pub type WeightCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, CommitsOf<T>>;

	/// Stake of a coldkey (second key) on a hotkey (first key).
	#[pallet::storage]
	pub type Stake<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// Total stake on a hotkey.
	#[pallet::storage]
	pub type TotalHotkeyStake<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was registered.
		NetworkRegistered { netuid: NetUid, owner: T::AccountId, lock: BalanceOf<T> },
		/// A subnet was dissolved and its lock returned.
		NetworkDissolved { netuid: NetUid, owner: T::AccountId, returned: BalanceOf<T> },
		/// The owner set the hyperparameters of a subnet.
		HyperparametersSet { netuid: NetUid, params: SubnetHyperparameters },
		/// Governance set the hyperparameter bounds.
		HyperparameterBoundsSet { bounds: HyperparameterBounds },
		/// A hotkey took a UID, replacing `replaced` if the subnet was full.
		NeuronRegistered {
			netuid: NetUid,
			uid: Uid,
			hotkey: T::AccountId,
			coldkey: T::AccountId,
			burned: BalanceOf<T>,
			replaced: Option<T::AccountId>,
		},
		/// A coldkey staked on a hotkey.
		StakeAdded { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// A coldkey unstaked from a hotkey.
		StakeRemoved { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// A validator set (or revealed) weights.
		WeightsSet { netuid: NetUid, uid: Uid, count: u32 },
		/// A validator committed a weights hash.
		WeightsCommitted { netuid: NetUid, hotkey: T::AccountId, hash: T::Hash, reveal_epoch: u32 },
		/// A validator revealed committed weights.
		WeightsRevealed { netuid: NetUid, hotkey: T::AccountId, hash: T::Hash },
		/// A neuron published its axon.
		AxonServed { netuid: NetUid, uid: Uid, hotkey: T::AccountId },
		/// An epoch ran and paid its emission.
		EpochRun {
			netuid: NetUid,
			epoch_index: u32,
			emission: BalanceOf<T>,
			owner_emission: BalanceOf<T>,
			undistributed: BalanceOf<T>,
		},
		/// An epoch could not run on the stored state (never expected: inputs are checked on
		/// the way in and `try_state` checks the state); its emission stays pending.
		EpochFailed { netuid: NetUid },
		/// More epochs were due than `MaxEpochsPerBlock`; these wait for the next block.
		EpochsDeferred { count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet with this netuid.
		SubnetNotFound,
		/// All `MaxSubnets` netuids are taken.
		TooManySubnets,
		/// Only the subnet owner may do this.
		NotSubnetOwner,
		/// The free balance cannot pay the lock, burn or stake.
		InsufficientBalance,
		/// Bounds with an empty range, a zero tempo or reveal period, or a moving average above 10⁶.
		InvalidBounds,
		/// A hyperparameter lies outside the governance bounds or above `MaxUids`.
		HyperparametersOutOfBounds,
		/// `max_uids` below the number of UIDs already registered.
		MaxUidsBelowCurrent,
		/// The hotkey already has a UID on this subnet.
		HotkeyAlreadyRegistered,
		/// The hotkey belongs to another coldkey.
		NotHotkeyOwner,
		/// The subnet is full and every UID is immune.
		AllUidsImmune,
		/// The hotkey has no UID on this subnet.
		HotkeyNotRegistered,
		/// No coldkey owns this hotkey (it never registered).
		HotkeyUnknown,
		/// The amount is zero.
		ZeroAmount,
		/// Less stake than the amount to remove.
		NotEnoughStake,
		/// The stake left on the hotkey would be positive but below `MinStake`.
		StakeBelowMinimum,
		/// The subnet requires commit-reveal; use `commit_weights`.
		CommitRevealEnabled,
		/// The subnet does not use commit-reveal.
		CommitRevealDisabled,
		/// `uids` and `values` differ in length.
		WeightVecLengthMismatch,
		/// Fewer weights than `min_allowed_weights`.
		TooFewWeights,
		/// A UID appears twice.
		DuplicateUids,
		/// A UID is not on the subnet.
		UidOutOfRange,
		/// The version key is older than the subnet's.
		IncorrectVersionKey,
		/// Weights were set less than `weights_rate_limit` blocks ago.
		SettingWeightsTooFast,
		/// The UID holds no validator permit.
		NoValidatorPermit,
		/// `MaxPendingCommits` commits wait to be revealed.
		TooManyPendingCommits,
		/// The hotkey has no pending commit on this subnet.
		NoWeightsCommitFound,
		/// The revealed weights and salt do not match any pending commit.
		InvalidRevealCommitHash,
		/// The commit's reveal epoch has not come yet.
		RevealTooEarly,
		/// The commit's reveal epoch has passed.
		ExpiredWeightCommit,
		/// `ip_type` is neither 4 nor 6.
		InvalidIpType,
		/// The IP address is zero or does not fit its type.
		InvalidIpAddress,
		/// Port 0.
		InvalidPort,
		/// `serve_axon` called again within `ServingRateLimit` blocks.
		ServingRateLimitExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_initialize_epochs(now)
		}

		fn integrity_test() {
			assert!(T::MaxUids::get() >= 1 && T::MaxUids::get() <= u16::MAX as u32);
			assert!(T::MaxSubnets::get() >= 1 && T::MaxSubnets::get() <= u16::MAX as u32 + 1);
			assert!(T::MaxWeightsPerValidator::get() >= 1);
			assert!(T::MaxEpochsPerBlock::get() >= 1);
			assert!(T::MinBurn::get() <= T::MaxBurn::get());
			assert!(HyperparameterBounds::default().is_valid());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a subnet, holding the current lock cost from the caller (its owner).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_network())]
		pub fn register_network(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_network(who)
		}

		/// Dissolve a subnet: remove its neurons and state and return the owner's lock.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::dissolve_network(T::MaxUids::get()))]
		pub fn dissolve_network(
			origin: OriginFor<T>,
			netuid: NetUid,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let n = Self::do_dissolve_network(who, netuid)?;
			Ok(Some(T::WeightInfo::dissolve_network(n.into())).into())
		}

		/// Set the hyperparameters of a subnet (owner only, within the governance bounds).
		/// Switching commit-reveal off drops the pending commits.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_hyperparameters(T::MaxUids::get()))]
		pub fn set_hyperparameters(
			origin: OriginFor<T>,
			netuid: NetUid,
			params: SubnetHyperparameters,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cleared = Self::do_set_hyperparameters(who, netuid, params)?;
			Ok(Some(T::WeightInfo::set_hyperparameters(cleared)).into())
		}

		/// Set the governance bounds of the hyperparameters.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_hyperparameter_bounds())]
		pub fn set_hyperparameter_bounds(
			origin: OriginFor<T>,
			bounds: HyperparameterBounds,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(bounds.is_valid(), Error::<T>::InvalidBounds);
			HyperparamBounds::<T>::put(bounds);
			Self::deposit_event(Event::HyperparameterBoundsSet { bounds });
			Ok(())
		}

		/// Register `hotkey` on a subnet by burning the current price from the caller (coldkey).
		/// A full subnet replaces its lowest-emission non-immune UID.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::burned_register(T::MaxUids::get()))]
		pub fn burned_register(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let scanned = Self::do_burned_register(coldkey, netuid, hotkey)?;
			Ok(Some(T::WeightInfo::burned_register(scanned)).into())
		}

		/// Stake `amount` of the caller's (coldkey's) HLX on `hotkey` (a hold).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(coldkey, hotkey, amount)
		}

		/// Release `amount` of the caller's stake on `hotkey`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(coldkey, hotkey, amount)
		}

		/// Set the caller's (hotkey's) weights on a subnet without commit-reveal.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_weights(uids.len() as u32))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<Uid, T::MaxWeightsPerValidator>,
			values: BoundedVec<u16, T::MaxWeightsPerValidator>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_set_weights(hotkey, netuid, uids, values, version_key)
		}

		/// Commit the hash of weights to reveal `reveal_period` epochs later.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::commit_weights())]
		pub fn commit_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			hash: T::Hash,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_commit_weights(hotkey, netuid, hash)
		}

		/// Reveal committed weights; they are then set as by `set_weights`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reveal_weights(uids.len() as u32))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<Uid, T::MaxWeightsPerValidator>,
			values: BoundedVec<u16, T::MaxWeightsPerValidator>,
			salt: [u8; 32],
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_reveal_weights(hotkey, netuid, uids, values, salt, version_key)
		}

		/// Publish the caller's (hotkey's) axon endpoint on a subnet.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::serve_axon())]
		pub fn serve_axon(
			origin: OriginFor<T>,
			netuid: NetUid,
			version: u32,
			ip: u128,
			port: u16,
			ip_type: u8,
			protocol: u8,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_serve_axon(hotkey, netuid, version, ip, port, ip_type, protocol)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The weight entries (validator rows) the hash of a reveal covers.
		pub fn commit_hash(
			hotkey: &T::AccountId,
			netuid: NetUid,
			uids: &[Uid],
			values: &[u16],
			salt: &[u8; 32],
			version_key: u64,
		) -> T::Hash {
			use sp_runtime::traits::Hash;
			T::Hashing::hash_of(&(hotkey, netuid, uids, values, salt, version_key))
		}
	}
}
