//! Benchmarks of the admin calls, of `note_author` and of a session rotation
//! (frame-benchmarking v2).
//!
//! Worst cases: the calls with a pending set (both the pending and the queued set read) of
//! `MaxValidators - 1` (add) or `MaxValidators` (remove) accounts; `set_validators(n)` with `n`
//! accounts in reverse order (all sorted and checked for keys). `new_session(n)` runs a whole
//! rotation (`end_session`, `start_session`, `new_session`) in which each of the `n` current
//! validators has an author count to drain, authored nothing and reaches
//! `MaxOfflineSessions` (removed down to `MinValidators`, the rest deferred), all of them
//! leave the current set (a disjoint queued set of `n` becomes current) and the pending set
//! is handed over.

// Benchmark setup may panic: it runs only in benchmarks and their tests.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic
)]

use super::*;
use crate::pallet::{
	AuthoredInSession, NextValidators, OfflineSessions, QueuedValidators, Validators,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use pallet_session::SessionManager;

const SEED: u32 = 0;

/// `n` accounts with session keys, starting at index `from`, sorted.
fn validators<T: Config>(from: u32, n: u32) -> ValidatorSetOf<T> {
	let mut accounts: Vec<T::AccountId> = (from..from + n)
		.map(|i| {
			let who: T::AccountId = account("validator", i, SEED);
			T::BenchmarkHelper::register_keys(&who);
			who
		})
		.collect();
	accounts.sort();
	ValidatorSetOf::<T>::try_from(accounts).expect("n <= MaxValidators")
}

/// Current and queued set `queued`, pending set `pending`.
fn install<T: Config>(queued: &ValidatorSetOf<T>, pending: ValidatorSetOf<T>) {
	Validators::<T>::put(queued);
	QueuedValidators::<T>::put(queued);
	NextValidators::<T>::put(pending);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Adds to a pending set of `MaxValidators - 1`.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let max = T::MaxValidators::get();
		let queued = validators::<T>(0, max - 1);
		let pending = validators::<T>(1_000, max - 1);
		install::<T>(&queued, pending);
		let who = validators::<T>(10_000, 1).into_inner().remove(0);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		let next = NextValidators::<T>::get().expect("pending set");
		assert!(next.binary_search(&who).is_ok());
		assert_eq!(next.len() as u32, max);
		Ok(())
	}

	/// Removes from a pending set of `MaxValidators`.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let max = T::MaxValidators::get();
		let queued = validators::<T>(0, max);
		let pending = validators::<T>(1_000, max);
		let who = pending[0].clone();
		install::<T>(&queued, pending);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		let next = NextValidators::<T>::get().expect("pending set");
		assert!(next.binary_search(&who).is_err());
		Ok(())
	}

	/// Replaces the pending set with `n` accounts given in reverse order.
	#[benchmark]
	fn set_validators(
		n: Linear<{ T::MinValidators::get() }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let max = T::MaxValidators::get();
		install::<T>(&validators::<T>(0, max), validators::<T>(1_000, max));
		let mut new = validators::<T>(10_000, n);
		new.sort_by(|a, b| b.cmp(a));
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new);

		assert_eq!(NextValidators::<T>::get().map(|s| s.len() as u32), Some(n));
		Ok(())
	}

	/// Counts a block of an author that already has one.
	#[benchmark]
	fn note_author() {
		let author: T::AccountId = account("validator", 0, SEED);
		AuthoredInSession::<T>::insert(&author, 1);

		#[block]
		{
			<Pallet<T> as pallet_authorship::EventHandler<_, _>>::note_author(author.clone());
		}

		assert_eq!(AuthoredInSession::<T>::get(&author), 2);
	}

	/// A whole rotation with `n` current validators, all judged offline for the last time.
	#[benchmark]
	fn new_session(n: Linear<{ T::MinValidators::get() }, { T::MaxValidators::get() }>) {
		let min = T::MinValidators::get();
		let current = validators::<T>(0, n);
		let queued = validators::<T>(1_000, n);
		Validators::<T>::put(&current);
		QueuedValidators::<T>::put(&queued);
		// Every current validator is in the pending set, so all are judged.
		NextValidators::<T>::put(&current);
		for who in current.iter() {
			// An author count to drain that records no block.
			AuthoredInSession::<T>::insert(who, 0);
			OfflineSessions::<T>::insert(who, T::MaxOfflineSessions::get() - 1);
		}

		#[block]
		{
			<Pallet<T> as SessionManager<T::AccountId>>::end_session(1);
			<Pallet<T> as SessionManager<T::AccountId>>::start_session(2);
			let _ = <Pallet<T> as SessionManager<T::AccountId>>::new_session(3);
		}

		assert_eq!(Validators::<T>::get(), queued);
		assert_eq!(QueuedValidators::<T>::get().len() as u32, min);
		assert_eq!(NextValidators::<T>::get(), None);
		assert_eq!(AuthoredInSession::<T>::iter().count(), 0);
		assert_eq!(OfflineSessions::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
