//! Unit tests, split by concern, on a runtime with the real `pallet_session` and
//! `pallet_authorship`. Every test runs the pallet's `try_state` invariants after every block
//! and at the end ([`crate::mock::run`]); every `Error` variant has a test that checks the
//! error and that storage is unchanged (`assert_noop!` compares the storage root).

mod errors;
mod governance;
mod invariants;
mod liveness;
mod session;

use crate::{mock::*, pallet::*, ValidatorSetOf};
use frame_support::{assert_noop, assert_ok, pallet_prelude::DispatchResult};

/// `add_validator(who)` from Root.
pub fn add(who: AccountId) -> DispatchResult {
	ValidatorManager::add_validator(RuntimeOrigin::root(), who)
}

/// `remove_validator(who)` from Root.
pub fn remove(who: AccountId) -> DispatchResult {
	ValidatorManager::remove_validator(RuntimeOrigin::root(), who)
}

/// `set_validators(validators)` from Root.
pub fn set(validators: Vec<AccountId>) -> DispatchResult {
	ValidatorManager::set_validators(RuntimeOrigin::root(), bounded(validators))
}

/// A bounded validator list.
pub fn bounded(validators: Vec<AccountId>) -> ValidatorSetOf<Test> {
	ValidatorSetOf::<Test>::try_from(validators).expect("within MaxValidators")
}

/// The pallet's current set.
pub fn current() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

/// The pallet's queued set.
pub fn queued() -> Vec<AccountId> {
	QueuedValidators::<Test>::get().into_inner()
}

/// The pallet's pending set.
pub fn pending() -> Option<Vec<AccountId>> {
	NextValidators::<Test>::get().map(|s| s.into_inner())
}
