//! # Validator manager
//!
//! The validator set under governance: [`Config::AdminOrigin`] (the `validator_admin` OpenGov
//! track, or Root) adds and removes validators, the changes are handed to `pallet-session` at
//! its next session planning, and validators that author no block for
//! [`Config::MaxOfflineSessions`] consecutive sessions are removed automatically. The pallet is
//! the runtime's [`pallet_session::SessionManager`] and its [`pallet_authorship::EventHandler`].
//!
//! ## Concepts
//!
//! * **Three sets.** All are sorted, duplicate-free and at most [`Config::MaxValidators`] long:
//!   - [`Validators`]: the validators of the **current** session (what `pallet-session` made
//!     active at the last rotation);
//!   - [`QueuedValidators`]: the set **planned for the next** session (the accounts of
//!     `pallet-session`'s `QueuedKeys`);
//!   - [`NextValidators`]: **pending** changes: the set the next planning will hand to
//!     `pallet-session`, or `None` when nothing changed. Governance calls and offline removals
//!     edit it; it is never equal to [`QueuedValidators`] (an edit that restores the queued
//!     set, e.g. removing a validator whose addition is pending, clears it).
//! * **Governance.** [`Pallet::add_validator`], [`Pallet::remove_validator`] and
//!   [`Pallet::set_validators`] edit the pending set. A validator to add must have set its
//!   session keys ([`Config::ValidatorRegistration`], `pallet_session::NextKeys` in the
//!   runtime). Removals never take the pending set below [`Config::MinValidators`]. Adding an
//!   account whose removal is pending cancels the removal, and removing one whose addition is
//!   pending cancels the addition.
//! * **Liveness.** Every block, `pallet-authorship` reports the block's author
//!   ([`pallet_authorship::EventHandler::note_author`]), counted in [`AuthoredInSession`]. When
//!   a session ends, each validator of that session that authored no block gets one more
//!   consecutive offline session in [`OfflineSessions`] ([`Event::ValidatorOffline`]); one that
//!   authored a block starts again from zero. At [`Config::MaxOfflineSessions`] consecutive
//!   offline sessions the validator is removed from the pending set
//!   ([`Event::ValidatorRemovedOffline`]), unless that would leave fewer than
//!   [`Config::MinValidators`] ([`Event::OfflineRemovalDeferred`]; it is retried at the end of
//!   every later session it is still offline). A validator whose removal is already pending is
//!   not judged.
//!
//! ## Session timing: what "the next session" means
//!
//! `pallet-session` queues validator sets one session ahead. At the rotation from session `s`
//! to `s + 1` (the block in which its `ShouldEndSession`, BABE in the runtime, ends session
//! `s`) it calls, in this order:
//!
//! 1. `end_session(s)`: this pallet judges the liveness of session `s`'s validators;
//! 2. `start_session(s + 1)`: the set planned at the previous rotation becomes active
//!    (`pallet_session::Validators`, BABE and GRANDPA authorities); this pallet moves
//!    [`QueuedValidators`] into [`Validators`];
//! 3. `new_session(s + 2)`: this pallet hands the pending set over (if any): it becomes
//!    [`QueuedValidators`] and `pallet-session`'s `QueuedKeys` ([`Event::NewValidatorSet`] with
//!    `session: s + 2`).
//!
//! So a change made **during session `s`** (by a call, or by the offline rule at the end of
//! `s`) is planned at the end of `s` and the validator joins or leaves the active set at the
//! **start of session `s + 2`**, i.e. after two session rotations; during session `s + 1` it
//! is only queued. A validator offline in sessions `s - N + 1 ..= s` (`N` =
//! [`Config::MaxOfflineSessions`]) is active for the last time in session `s + 1`.
//!
//! `pallet-session` skips a planned validator whose session keys are gone (purged after it was
//! added): it stays in this pallet's sets, authors nothing, and the offline rule removes it.
//!
//! ## Weights
//!
//! Calls are weighed by [`weights`]. `pallet-authorship` returns no weight for its
//! `on_initialize`, so [`Pallet::note_author`](pallet_authorship::EventHandler::note_author)
//! registers `WeightInfo::note_author` itself (mandatory class). A rotation (`end_session` +
//! `start_session` + `new_session`, benchmarked together as `WeightInfo::new_session(n)`) is
//! registered from `end_session` with `n` the larger of the current and the pending set;
//! `pallet-session` already charges the whole block for a rotation block, so this is the
//! accounting of record rather than a limit.
//!
//! ## Choosing `MaxOfflineSessions`
//!
//! BABE spreads a session's `L` blocks over the `V` validators, about `L / V` each; an honest
//! validator authors no block in a session with a probability of about `e^(-L/V)`, and is
//! removed wrongly with about `e^(-N·L/V)`. With Heliox's sessions of `L = 200` blocks (10
//! minutes of 3 s blocks), `N = 3` is ample up to about 20 validators (`e^(-30)`), but with
//! 100 validators it is `e^(-6)`, 0.25 % per validator and window: there, raise `N` (about 15)
//! or lengthen the sessions.
//!
//! ## Runtime wiring
//!
//! * `pallet_session::Config`: `SessionManager = ValidatorManager` (with `ValidatorId =
//!   AccountId`, `ValidatorIdOf = ConvertInto`).
//! * `pallet_authorship::Config`: `EventHandler = ValidatorManager`. Declare `Authorship` before
//!   `Session` in the runtime (as now) so that a rotation block's author is noted before the
//!   session ends; that block is counted for the ending session.
//! * `ValidatorRegistration = Session`, `AdminOrigin = RootOr<ValidatorAdmin>`.
//! * Genesis: `validator_manager.validators` = the accounts of the session genesis `keys`.
//!   Declare `ValidatorManager` before `Session` so that `pallet-session`'s genesis takes the
//!   set from this pallet; declared after, `pallet-session` falls back to its `keys` (the same
//!   accounts) and this pallet's genesis then records them.
//! * Adding the pallet to a live chain: seed the sets with
//!   [`Pallet::initialize_validators`] from `pallet_session::Validators` in a migration, or
//!   call [`Pallet::set_validators`] (effective two rotations later). Until then
//!   [`Pallet::add_validator`] and [`Pallet::remove_validator`] fail with
//!   [`Error::NotInitialized`] and the pallet leaves `pallet-session`'s set alone.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod features;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::validator-manager";

/// Makes accounts eligible validators in the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` session keys, so that `Config::ValidatorRegistration::is_registered(who)`.
	fn register_keys(who: &AccountId);
}

/// [`BenchmarkHelper`] for a runtime `R` whose `pallet-session` has `ValidatorId = AccountId`:
/// writes `pallet_session::NextKeys` directly, with keys decoded from the account's bytes
/// (zero padded).
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysHelper<R>(core::marker::PhantomData<R>);

#[cfg(feature = "runtime-benchmarks")]
impl<R> BenchmarkHelper<R::AccountId> for SessionKeysHelper<R>
where
	R: pallet_session::Config<ValidatorId = <R as frame_system::Config>::AccountId>,
{
	fn register_keys(who: &R::AccountId) {
		use codec::{Decode, Encode};
		let encoded = who.encode();
		let keys =
			R::Keys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(encoded.as_slice()))
				.expect("keys decode from zero-padded input");
		pallet_session::NextKeys::<R>::insert(who, keys);
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{StorageVersion, ValidatorRegistration},
	};
	use frame_system::pallet_prelude::*;
	use sp_staking::SessionIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The origin that adds and removes validators (the `validator_admin` track or Root).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has session keys (`pallet_session::Pallet` in the runtime:
		/// `NextKeys` holds its keys).
		type ValidatorRegistration: ValidatorRegistration<Self::AccountId>;

		/// Most validators in a set.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Fewest validators a removal (by governance or for being offline) may leave;
		/// 1..=`MaxValidators`. Not enforced on the genesis set.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Consecutive sessions without a block after which a validator is removed; at least 1.
		#[pallet::constant]
		type MaxOfflineSessions: Get<u32>;

		/// Weights of this pallet's calls and session hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark helper ([`SessionKeysHelper`] in the runtime).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The validators of the current session, sorted.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorSetOf<T>, ValueQuery>;

	/// The validators planned for the next session (`pallet-session`'s queued set), sorted.
	#[pallet::storage]
	pub type QueuedValidators<T: Config> = StorageValue<_, ValidatorSetOf<T>, ValueQuery>;

	/// The set the next session planning hands to `pallet-session`, sorted; `None` when no
	/// change is pending. Never equal to [`QueuedValidators`].
	#[pallet::storage]
	pub type NextValidators<T: Config> = StorageValue<_, ValidatorSetOf<T>, OptionQuery>;

	/// Consecutive sessions, up to the last ended one, in which a current validator authored no
	/// block (no entry: it authored one in the last session).
	#[pallet::storage]
	pub type OfflineSessions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Blocks authored in the current session, by author (no entry: none).
	#[pallet::storage]
	pub type AuthoredInSession<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators: the accounts of `pallet-session`'s genesis `keys`. Empty:
		/// the pallet stays uninitialized (see [`Error::NotInitialized`]).
		pub validators: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.validators.is_empty() {
				if let Err(e) = Pallet::<T>::initialize_validators(&self.validators) {
					panic!("invalid validator-manager genesis validators: {e}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account will be added at the next session planning.
		ValidatorAdditionScheduled {
			/// The account.
			who: T::AccountId,
		},
		/// A validator will be removed at the next session planning.
		ValidatorRemovalScheduled {
			/// The validator.
			who: T::AccountId,
		},
		/// The whole set will be replaced at the next session planning.
		ValidatorSetScheduled {
			/// The new set, sorted.
			validators: ValidatorSetOf<T>,
		},
		/// A new set was handed to `pallet-session`; it becomes active at `session`.
		NewValidatorSet {
			/// The set, sorted.
			validators: ValidatorSetOf<T>,
			/// The session in which it is active.
			session: SessionIndex,
		},
		/// A validator authored no block in the session that just ended.
		ValidatorOffline {
			/// The validator.
			who: T::AccountId,
			/// Consecutive sessions without a block.
			sessions: u32,
		},
		/// A validator reached `MaxOfflineSessions` and will be removed at the next session
		/// planning (in the same rotation).
		ValidatorRemovedOffline {
			/// The validator.
			who: T::AccountId,
		},
		/// A validator reached `MaxOfflineSessions` but removing it would leave fewer than
		/// `MinValidators`; it stays.
		OfflineRemovalDeferred {
			/// The validator.
			who: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The pallet has no validator set yet (no genesis set, no migration).
		NotInitialized,
		/// The account is a validator now and in the planned sets.
		AlreadyValidator,
		/// The account's addition or removal is already under way (pending or queued).
		AlreadyPending,
		/// The account is neither a validator nor about to become one.
		NotValidator,
		/// The set would exceed `MaxValidators`.
		TooManyValidators,
		/// The set would have fewer than `MinValidators`.
		TooFewValidators,
		/// The account has not set session keys.
		NoSessionKeys,
		/// The proposed set lists an account twice.
		DuplicateValidator,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "MinValidators is zero");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators exceeds MaxValidators"
			);
			assert!(T::MaxOfflineSessions::get() >= 1, "MaxOfflineSessions is zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedules `who` to join the validator set at the next session planning (active two
		/// rotations later). `who` must have session keys. Origin: `AdminOrigin`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Schedules `who` to leave the validator set at the next session planning (inactive
		/// two rotations later); fails if fewer than `MinValidators` would remain. Origin:
		/// `AdminOrigin`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Replaces the whole pending set with `validators` (any order, no duplicates, each
		/// with session keys, at least `MinValidators`). Origin: `AdminOrigin`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_validators(validators.len() as u32))]
		pub fn set_validators(
			origin: OriginFor<T>,
			validators: ValidatorSetOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_validators(validators)
		}
	}
}
