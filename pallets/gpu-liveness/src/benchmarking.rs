//! Benchmarks of `submit_report` and of the two `on_initialize` paths, period start and
//! period close (frame-benchmarking v2).
//!
//! Worst cases: `submit_report` with every bit of a `b`-bit run live (every vote page of the
//! run written), `e` signed answers checked against agent keys, and `v` verifiers in the
//! period (the permutation is shuffled over all of them); the period is written with
//! `probers = v` so that every verifier's run covers all `b` slots. `close_period` with `p`
//! full pages of judged slots and `u` GPUs that reach `MaxMissedPeriods` and are handed to the
//! directory as unresponsive.

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
	CurrentPeriod, Monitored, PeriodVotes, PreviousPeriod, ReportedBy, SlotCount, SlotOf,
	SlotPages, Verifiers,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use heliox_gpu_liveness::{
	pages_for, probe_message, probe_nonce, quorum, required_evidence, Assignment, Bitmap,
	SlotRecord, PAGE_SLOTS,
};
use sp_core::crypto::KeyTypeId;
use sp_runtime::{
	traits::{Convert, One},
	RuntimeAppPublic, Saturating,
};

/// Key type of the benchmark's agent key (in the benchmark keystore).
const AGENT_KEY_TYPE: KeyTypeId = KeyTypeId(*b"bagt");

/// `n` verifier keys from the benchmark keystore.
fn verifiers<T: Config>(n: u32) -> BoundedVec<T::AuthorityId, T::MaxVerifiers> {
	let keys: Vec<_> = (0..n).map(|_| T::AuthorityId::generate_pair(None)).collect();
	BoundedVec::try_from(keys).expect("n <= MaxVerifiers")
}

/// Monitors GPUs `0..n` in slots `0..n` (written page by page), all registered with the agent
/// key `agent`; `record(i)` is the history of slot `i`.
fn fill_slots<T: Config>(n: u32, agent: [u8; 32], record: impl Fn(u32) -> SlotRecord) {
	for page in 0..pages_for(n) {
		let mut records: SlotPage = [None; PAGE_SLOTS as usize];
		for (offset, entry) in records.iter_mut().enumerate() {
			let slot = page * PAGE_SLOTS + offset as u32;
			if slot >= n {
				break;
			}
			let r = record(slot);
			T::BenchmarkHelper::register_gpu(r.gpu, agent);
			SlotOf::<T>::insert(r.gpu, slot);
			*entry = Some(r);
		}
		SlotPages::<T>::insert(page, records);
	}
	SlotCount::<T>::put(n);
	Monitored::<T>::put(n);
}

fn period_block<T: Config>(index: u32) -> BlockNumberFor<T> {
	T::LivenessPeriod::get().saturating_mul(index.into())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A verifier's report of `b` live bits with `e` signed answers, in a period of `v`
	/// verifiers.
	#[benchmark]
	fn submit_report(
		b: Linear<1, { T::MaxReportBits::get().min(T::MaxSlots::get()) }>,
		e: Linear<0, { T::MaxEvidence::get() }>,
		v: Linear<1, { T::MaxVerifiers::get() }>,
	) {
		let agent = sp_io::crypto::sr25519_generate(AGENT_KEY_TYPE, None);
		fill_slots::<T>(b, agent.0, |slot| SlotRecord::new(u64::from(slot), 0));
		let keys = verifiers::<T>(v);
		let verifier = keys[0].clone();
		let start = period_block::<T>(1);
		frame_system::Pallet::<T>::set_block_number(start.saturating_add(One::one()));
		let info = PeriodInfo::<T> {
			index: 1,
			start,
			seed: [7; 32],
			slots: b,
			probers: v,
			evidence: e,
			verifiers: keys,
		};
		let assignment = Assignment::new(&info.seed, b, v, v);
		let (_, len) = assignment.range_of(0);
		assert_eq!(len, b);
		let mut bitmap = Bitmap::new(len);
		for bit in 0..len {
			bitmap.set(bit, true);
		}
		let key_bytes = verifier.to_raw_vec();
		let evidence: Vec<(u32, [u8; 64])> = required_evidence(&info.seed, 0, &bitmap, e)
			.into_iter()
			.map(|bit| {
				let gpu = u64::from(assignment.slot_at(0, bit).unwrap());
				let nonce = probe_nonce(&info.seed, 1, &key_bytes, gpu);
				let message = probe_message(gpu, 1, &nonce);
				let signature =
					sp_io::crypto::sr25519_sign(AGENT_KEY_TYPE, &agent, &message).unwrap();
				(bit, signature.0)
			})
			.collect();
		CurrentPeriod::<T>::put(info);
		let report = LivenessReport::<T> {
			period: 1,
			verifier_index: 0,
			bits: BoundedVec::try_from(bitmap.into_bytes()).unwrap(),
			evidence: BoundedVec::try_from(evidence).unwrap(),
		};
		let caller = T::VerifierAccount::convert(verifier);

		#[extrinsic_call]
		submit_report(RawOrigin::Signed(caller), report);

		assert!(!ReportedBy::<T>::get(1).is_empty());
		assert!(PeriodVotes::<T>::contains_key(1, 0));
	}

	/// `on_initialize` at a period start with `v` verifiers (the current period moves to
	/// previous, the snapshot is taken).
	#[benchmark]
	fn start_period(v: Linear<0, { T::MaxVerifiers::get() }>) {
		Verifiers::<T>::put(verifiers::<T>(v));
		SlotCount::<T>::put(T::MaxSlots::get());
		Monitored::<T>::put(T::MaxSlots::get());
		let previous = PeriodInfo::<T> {
			index: 1,
			start: period_block::<T>(1),
			seed: [1; 32],
			slots: 0,
			probers: 0,
			evidence: 0,
			verifiers: BoundedVec::new(),
		};
		CurrentPeriod::<T>::put(previous);
		let n = period_block::<T>(2);
		frame_system::Pallet::<T>::set_block_number(n);

		#[block]
		{
			Pallet::<T>::start_period(n);
		}

		assert_eq!(CurrentPeriod::<T>::get().map(|i| i.index), Some(2));
		assert_eq!(PreviousPeriod::<T>::get().map(|i| i.index), Some(1));
	}

	/// Closing a period of `p` pages of judged slots, `u` of which become unresponsive.
	#[benchmark]
	fn close_period(p: Linear<0, { pages_for(T::MaxSlots::get()) }>, u: Linear<0, { PAGE_SLOTS }>) {
		let slots = (p * PAGE_SLOTS).max(u).min(T::MaxSlots::get());
		let u = u.min(slots);
		let max_missed = T::MaxMissedPeriods::get().min(255) as u8;
		let agent = sp_io::crypto::sr25519_generate(AGENT_KEY_TYPE, None);
		fill_slots::<T>(slots, agent.0, |slot| {
			let mut record = SlotRecord::new(u64::from(slot), 0);
			if slot < u {
				for _ in 1..max_missed {
					record.push(false, max_missed);
				}
			} else {
				record.push(true, max_missed);
			}
			record
		});
		let keys = verifiers::<T>(1);
		let info = PeriodInfo::<T> {
			index: 1,
			start: period_block::<T>(1),
			seed: [1; 32],
			slots,
			probers: 1,
			evidence: T::MaxEvidence::get(),
			verifiers: keys,
		};
		for page in 0..pages_for(slots) {
			let mut votes = [quorum(1) as u8; PAGE_SLOTS as usize];
			for (offset, count) in votes.iter_mut().enumerate() {
				if page * PAGE_SLOTS + (offset as u32) < u {
					*count = 0;
				}
			}
			PeriodVotes::<T>::insert(1, page, votes);
		}
		ReportedBy::<T>::insert(1, BoundedVec::truncate_from(alloc::vec![1u8]));
		frame_system::Pallet::<T>::set_block_number(period_block::<T>(2));

		#[block]
		{
			Pallet::<T>::close_period(&info);
		}

		assert_eq!(Monitored::<T>::get(), slots - u);
		assert!(!ReportedBy::<T>::contains_key(1));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(1), crate::mock::Test);
}
