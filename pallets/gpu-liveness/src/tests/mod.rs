//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants after
//! every block and at the end ([`crate::mock::run`]); every `Error` variant has a test that
//! checks the error and that storage is unchanged (`assert_noop!` compares the storage root).

mod errors;
mod invariants;
mod monitor;
mod offchain;
mod periods;
mod properties;
mod quorum;
mod reports;
mod session;

use crate::{mock::*, pallet::*, types::*};
use frame_support::{assert_ok, dispatch::DispatchResultWithPostInfo, BoundedVec};
use heliox_gpu_liveness::{
	probe_message, probe_nonce, required_evidence, Assignment, Bitmap, LivenessMonitor,
};
use sp_core::Pair;
use sp_runtime::RuntimeAppPublic;

/// Registers `gpu` in the fake registry and starts monitoring it.
pub fn monitor(gpu: u64) {
	TestDirectory::register(gpu);
	assert_ok!(<GpuLiveness as LivenessMonitor<u64>>::start_monitoring(&gpu));
}

/// First block of period `p`.
pub fn start_of(p: u32) -> u64 {
	u64::from(p) * PERIOD
}

/// The block at which period `p` closes.
pub fn close_of(p: u32) -> u64 {
	u64::from(p + 1) * PERIOD + GRACE
}

/// The open period `p`.
pub fn info_of(p: u32) -> PeriodInfoOf<Test> {
	GpuLiveness::open_period(p).expect("period is open")
}

/// The assignment of an open period.
pub fn assignment_of(info: &PeriodInfoOf<Test>) -> Assignment {
	Assignment::new(&info.seed, info.slots, info.verifiers.len() as u32, info.probers)
}

/// The agent of `gpu`'s signed answer to verifier `vi`'s probe in `info`.
pub fn answer(info: &PeriodInfoOf<Test>, vi: u32, gpu: u64) -> [u8; 64] {
	let key = info.verifiers[vi as usize].to_raw_vec();
	let nonce = probe_nonce(&info.seed, info.index, &key, gpu);
	agent(gpu).sign(&probe_message(gpu, info.index, &nonce)).0
}

/// The bit of `gpu` in verifier `vi`'s report on `info`, if `vi` probes it.
pub fn bit_of(info: &PeriodInfoOf<Test>, vi: u32, gpu: u64) -> Option<u32> {
	let slot = SlotOf::<Test>::get(gpu)?;
	assignment_of(info).bit_of(vi, slot)
}

/// The GPU in `slot` now.
pub fn gpu_in_slot(slot: u32) -> Option<u64> {
	GpuLiveness::record_of(slot).map(|r| r.gpu)
}

/// The honest report of verifier `vi` on period `p`, marking live the GPUs `live` accepts.
pub fn report(p: u32, vi: u32, live: impl Fn(u64) -> bool) -> ReportOf<Test> {
	let info = info_of(p);
	let assignment = assignment_of(&info);
	let (_, len) = assignment.range_of(vi);
	let mut bitmap = Bitmap::new(len);
	for bit in 0..len {
		let slot = assignment.slot_at(vi, bit).unwrap();
		if let Some(gpu) = gpu_in_slot(slot) {
			if live(gpu) {
				bitmap.set(bit, true);
			}
		}
	}
	let evidence: Vec<(u32, [u8; 64])> = required_evidence(&info.seed, vi, &bitmap, info.evidence)
		.into_iter()
		.map(|bit| {
			let gpu = gpu_in_slot(assignment.slot_at(vi, bit).unwrap()).unwrap();
			(bit, answer(&info, vi, gpu))
		})
		.collect();
	LivenessReport {
		period: p,
		verifier_index: vi,
		bits: BoundedVec::try_from(bitmap.into_bytes()).unwrap(),
		evidence: BoundedVec::try_from(evidence).unwrap(),
	}
}

/// Submits `report` from verifier `vi`'s account.
pub fn submit(vi: u32, report: ReportOf<Test>) -> DispatchResultWithPostInfo {
	GpuLiveness::submit_report(RuntimeOrigin::signed(verifier_account(vi)), report)
}

/// Every verifier in `verifiers` reports honestly on `p` with `live`.
pub fn reports_from(p: u32, verifiers: impl IntoIterator<Item = u32>, live: impl Fn(u64) -> bool) {
	for vi in verifiers {
		assert_ok!(submit(vi, report(p, vi, &live)));
	}
}

/// Uptime of `gpu` as (live, observed).
pub fn uptime(gpu: u64) -> Option<(u32, u32)> {
	<GpuLiveness as LivenessMonitor<u64>>::uptime(&gpu).map(|u| (u.live, u.observed))
}
