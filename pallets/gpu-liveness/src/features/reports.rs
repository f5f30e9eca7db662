//! Reports: checking a verifier's report and adding its votes.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, Pays, PostDispatchInfo},
	ensure, BoundedVec,
};
use heliox_gpu_liveness::{
	add_vote, page_of, probe_message, probe_nonce, required_evidence, Assignment, Bitmap,
	GpuDirectory, PAGE_SLOTS,
};
use sp_core::sr25519;
use sp_runtime::{traits::Convert, RuntimeAppPublic};

impl<T: Config> Pallet<T> {
	/// The open period `period` (current, or previous until it closes).
	pub(crate) fn open_period(period: u32) -> Result<PeriodInfoOf<T>, Error<T>> {
		let current = CurrentPeriod::<T>::get().ok_or(Error::<T>::FuturePeriod)?;
		if period == current.index {
			return Ok(current);
		}
		if period > current.index {
			return Err(Error::<T>::FuturePeriod);
		}
		PreviousPeriod::<T>::get()
			.filter(|previous| previous.index == period)
			.ok_or(Error::<T>::StalePeriod)
	}

	/// Whether `signature` is the agent of `gpu`'s answer to `verifier`'s probe in `info`.
	pub(crate) fn answer_verifies(
		info: &PeriodInfoOf<T>,
		verifier: &[u8],
		gpu: u64,
		signature: &[u8; 64],
	) -> bool {
		let Some(agent) = T::Directory::agent_key(&gpu) else { return false };
		let nonce = probe_nonce(&info.seed, info.index, verifier, gpu);
		let message = probe_message(gpu, info.index, &nonce);
		sp_io::crypto::sr25519_verify(
			&sr25519::Signature::from_raw(*signature),
			&message,
			&sr25519::Public::from_raw(agent),
		)
	}

	/// Checks `report` from `who` and adds its votes (see [`Error`] for each refusal).
	pub(crate) fn do_submit_report(
		who: T::AccountId,
		report: ReportOf<T>,
	) -> DispatchResultWithPostInfo {
		let info = Self::open_period(report.period)?;
		let verifier_index = report.verifier_index;
		let key = info.verifiers.get(verifier_index as usize).ok_or(Error::<T>::NotVerifier)?;
		ensure!(T::VerifierAccount::convert(key.clone()) == who, Error::<T>::NotVerifier);
		let verifiers = info.verifiers.len() as u32;
		let mut reported = Self::reported_bitmap(info.index, verifiers);
		ensure!(!reported.get(verifier_index), Error::<T>::DuplicateReport);

		let assignment = Assignment::new(&info.seed, info.slots, verifiers, info.probers);
		let (_, len) = assignment.range_of(verifier_index);
		let bits = report.bits.into_inner();
		let bitmap = Bitmap::from_bytes(bits, len).ok_or(Error::<T>::BadBitmapLength)?;

		let required = required_evidence(&info.seed, verifier_index, &bitmap, info.evidence);
		ensure!(
			required.len() == report.evidence.len()
				&& required.iter().zip(report.evidence.iter()).all(|(want, (bit, _))| want == bit),
			Error::<T>::WrongEvidence
		);
		let key_bytes = key.to_raw_vec();
		for (bit, signature) in report.evidence.iter() {
			let slot = assignment.slot_at(verifier_index, *bit).ok_or(Error::<T>::WrongEvidence)?;
			// A slot whose GPU left (or changed hands) during the period is not judged for it,
			// so its vote counts for nothing and there is nothing to prove; checking it would
			// let an operator void honest reports by churning its own GPUs.
			let Some(record) = Self::record_of(slot).filter(|r| r.since_period <= info.index)
			else {
				continue;
			};
			ensure!(
				Self::answer_verifies(&info, &key_bytes, record.gpu, signature),
				Error::<T>::BadAnswerSignature
			);
		}

		// Votes, grouped by page so each page is read and written once.
		let mut by_page: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
		for bit in bitmap.ones() {
			if let Some(slot) = assignment.slot_at(verifier_index, bit) {
				let (page, offset) = page_of(slot);
				by_page.entry(page).or_default().push(offset);
			}
		}
		for (page, offsets) in by_page {
			PeriodVotes::<T>::mutate(info.index, page, |votes| {
				let votes = votes.get_or_insert([0; PAGE_SLOTS as usize]);
				for offset in offsets {
					if let Some(counter) = votes.get_mut(offset as usize) {
						add_vote(counter);
					}
				}
			});
		}
		reported.set(verifier_index, true);
		ReportedBy::<T>::insert(info.index, BoundedVec::truncate_from(reported.into_bytes()));
		Self::deposit_event(Event::ReportAccepted {
			period: info.index,
			verifier: who,
			live: bitmap.count_ones(),
			covered: len,
		});
		Ok(PostDispatchInfo {
			actual_weight: Some(T::WeightInfo::submit_report(
				len,
				report.evidence.len() as u32,
				verifiers,
			)),
			pays_fee: Pays::No,
		})
	}
}
