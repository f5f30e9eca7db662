//! Every `Error` variant, with the storage unchanged (`assert_noop!`).

use super::*;
use crate::Error;
use frame_support::assert_noop;

/// Three verifiers, five monitored GPUs, inside period 1.
fn setup() {
	for gpu in 1..=5 {
		monitor(gpu);
	}
	run_to_block(start_of(1) + 1);
}

#[test]
fn stale_period() {
	run(3, || {
		setup();
		let mut r = report(1, 0, |_| true);
		r.period = 0;
		assert_noop!(submit(0, r), Error::<Test>::StalePeriod);
		// Period 1 after it closed.
		let r = report(1, 0, |_| true);
		run_to_block(close_of(1));
		assert_noop!(submit(0, r), Error::<Test>::StalePeriod);
	});
}

#[test]
fn future_period() {
	run(3, || {
		monitor(1);
		// Before the first period.
		let r = LivenessReport {
			period: 1,
			verifier_index: 0,
			bits: Default::default(),
			evidence: Default::default(),
		};
		assert_noop!(submit(0, r), Error::<Test>::FuturePeriod);
		run_to_block(start_of(1));
		let mut r = report(1, 0, |_| true);
		r.period = 2;
		assert_noop!(submit(0, r), Error::<Test>::FuturePeriod);
	});
}

#[test]
fn not_verifier() {
	run(3, || {
		setup();
		// A non-validator.
		let r = report(1, 0, |_| true);
		assert_noop!(
			GpuLiveness::submit_report(RuntimeOrigin::signed(verifier_account(7)), r.clone()),
			Error::<Test>::NotVerifier
		);
		// A verifier naming another verifier's index.
		assert_noop!(submit(1, r), Error::<Test>::NotVerifier);
		// An index past the verifier list.
		let mut r = report(1, 0, |_| true);
		r.verifier_index = 3;
		assert_noop!(submit(0, r), Error::<Test>::NotVerifier);
	});
}

#[test]
fn duplicate_report() {
	run(3, || {
		setup();
		assert_ok!(submit(0, report(1, 0, |_| true)));
		assert_noop!(submit(0, report(1, 0, |_| false)), Error::<Test>::DuplicateReport);
	});
}

#[test]
fn bad_bitmap_length() {
	run(3, || {
		setup();
		// Five slots = one byte; a second byte claims GPUs the verifier is not assigned.
		let mut r = report(1, 0, |_| true);
		r.bits.try_push(0xff).unwrap();
		assert_noop!(submit(0, r), Error::<Test>::BadBitmapLength);
		// Padding bits of the last byte set (bits 5..8 are not slots of the run).
		let mut r = report(1, 0, |_| true);
		r.bits[0] |= 0b1110_0000;
		assert_noop!(submit(0, r), Error::<Test>::BadBitmapLength);
		// Too short.
		let mut r = report(1, 0, |_| true);
		r.bits.pop();
		assert_noop!(submit(0, r), Error::<Test>::BadBitmapLength);
	});
}

#[test]
fn wrong_evidence() {
	run(3, || {
		setup();
		// One answer missing.
		let mut r = report(1, 0, |_| true);
		r.evidence.pop();
		assert_noop!(submit(0, r), Error::<Test>::WrongEvidence);
		// An answer for a live bit that was not asked for.
		let full = report(1, 0, |_| true);
		let asked: Vec<u32> = full.evidence.iter().map(|(b, _)| *b).collect();
		let other = (0..5).find(|b| !asked.contains(b)).unwrap();
		let mut r = full.clone();
		r.evidence[0].0 = other;
		assert_noop!(submit(0, r), Error::<Test>::WrongEvidence);
		// The right answers in another order.
		let mut r = full.clone();
		let mut swapped = r.evidence.into_inner();
		swapped.swap(0, 1);
		r.evidence = BoundedVec::try_from(swapped).unwrap();
		assert_noop!(submit(0, r), Error::<Test>::WrongEvidence);
		// Evidence for a report with nothing live.
		let mut r = report(1, 0, |_| false);
		r.evidence = full.evidence.clone();
		assert_noop!(submit(0, r), Error::<Test>::WrongEvidence);
	});
}

#[test]
fn bad_answer_signature() {
	run(3, || {
		setup();
		let info = info_of(1);
		let honest = report(1, 0, |_| true);
		let (bit, _) = honest.evidence[0];
		let slot = assignment_of(&info).slot_at(0, bit).unwrap();
		let gpu = gpu_in_slot(slot).unwrap();
		let with = |signature: [u8; 64]| {
			let mut r = honest.clone();
			r.evidence[0].1 = signature;
			r
		};
		// A lazy validator: everything live, no probing, made-up signatures.
		assert_noop!(submit(0, with([0u8; 64])), Error::<Test>::BadAnswerSignature);
		// Signed by a key that is not the GPU's agent key.
		let key = info.verifiers[0].to_raw_vec();
		let message = probe_message(gpu, 1, &probe_nonce(&info.seed, 1, &key, gpu));
		let wrong_key = agent(gpu + 100).sign(&message).0;
		assert_noop!(submit(0, with(wrong_key)), Error::<Test>::BadAnswerSignature);
		// An answer replayed from another validator's probe (its nonce).
		let replayed = answer(&info, 1, gpu);
		assert_noop!(submit(0, with(replayed)), Error::<Test>::BadAnswerSignature);
		// A stale answer: the agent's signature from an older period.
		let stale_nonce = probe_nonce(&[0; 32], 0, &key, gpu);
		let stale = agent(gpu).sign(&probe_message(gpu, 0, &stale_nonce)).0;
		assert_noop!(submit(0, with(stale)), Error::<Test>::BadAnswerSignature);
		// An unregistered GPU (no agent key).
		TestDirectory::register_with(gpu, [0; 32], String::new());
		assert_noop!(submit(0, honest.clone()), Error::<Test>::BadAnswerSignature);
		TestDirectory::register(gpu);
		assert_ok!(submit(0, honest));
	});
}

#[test]
fn monitor_error_no_free_slot() {
	run(1, || {
		MaxSlots::set(2);
		monitor(1);
		monitor(2);
		TestDirectory::register(3);
		assert_eq!(
			<GpuLiveness as LivenessMonitor<u64>>::start_monitoring(&3),
			Err(heliox_gpu_liveness::MonitorError::NoFreeSlot)
		);
		assert_eq!(SlotCount::<Test>::get(), 2);
		<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&1);
		assert_ok!(<GpuLiveness as LivenessMonitor<u64>>::start_monitoring(&3));
		MaxSlots::set(1024);
	});
}
