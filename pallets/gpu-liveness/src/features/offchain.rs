//! The off-chain worker: probe the agents of this node's verifier run and send one report.
//!
//! Runs on every block at least one block into the current period, for every `gpuv` key in
//! the node's keystore that is a verifier of the period and has not reported yet. A persistent
//! off-chain flag keyed by `(period, verifier)` is set (compare-and-set) before the transaction
//! is sent, so the report is never sent twice, even when the OCW runs again on a re-org or on
//! the next block; a `StorageLock` keeps two concurrent runs from probing at once.

use crate::{pallet::*, types::*, LOG_TARGET};
use alloc::{collections::BTreeMap, string::String, vec, vec::Vec};
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{
	offchain::{AppCrypto, SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use heliox_gpu_liveness::{
	decode_signature_hex, probe_message, probe_nonce, probe_path, required_evidence, Assignment,
	Bitmap, GpuDirectory,
};
use sp_core::sr25519;
use sp_runtime::{
	offchain::{
		http,
		storage::{MutateStorageError, StorageValueRef},
		storage_lock::{StorageLock, Time},
		Duration,
	},
	traits::One,
	RuntimeAppPublic, Saturating,
};

/// Probes sent at once; a batch waits at most `ProbeTimeoutMs`.
pub const PROBE_BATCH: usize = 256;

/// Why the OCW did not send a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcwError {
	/// Another OCW run holds the lock for this period and verifier.
	Locked,
	/// The report of this period and verifier was already sent.
	AlreadySent,
	/// The bitmap or the evidence does not fit the call's bounds.
	TooLarge,
	/// The keystore has no usable key for the verifier, or signing failed.
	NoSigner,
	/// The transaction pool refused the transaction.
	SubmitFailed,
}

/// A GPU to probe: its bit in the report, its id and the probe URL.
struct Target {
	bit: u32,
	gpu: u64,
	agent: [u8; 32],
	url: String,
}

impl<T: Config> Pallet<T> {
	/// Off-chain key marking that `(period, verifier)` was reported.
	pub fn sent_key(period: u32, verifier: u32) -> Vec<u8> {
		(b"heliox/gpu-liveness/sent", period, verifier).encode()
	}

	/// Off-chain key of the lock of `(period, verifier)`.
	fn lock_key(period: u32, verifier: u32) -> Vec<u8> {
		(b"heliox/gpu-liveness/lock", period, verifier).encode()
	}

	/// The OCW entry point.
	pub(crate) fn run_offchain_worker(now: BlockNumberFor<T>) {
		let Some(info) = CurrentPeriod::<T>::get() else { return };
		if now < info.start.saturating_add(One::one()) {
			return;
		}
		let local = T::AuthorityId::all();
		if local.is_empty() {
			return;
		}
		let verifiers = info.verifiers.len() as u32;
		let reported = Self::reported_bitmap(info.index, verifiers);
		for (index, key) in info.verifiers.iter().enumerate() {
			let index = index as u32;
			if !local.contains(key) || reported.get(index) {
				continue;
			}
			match Self::report_as(&info, index, key) {
				Ok(live) => log::info!(
					target: LOG_TARGET,
					"period {}: report of verifier {index} sent ({live} live)",
					info.index
				),
				Err(OcwError::AlreadySent) | Err(OcwError::Locked) => {},
				Err(e) => log::warn!(
					target: LOG_TARGET,
					"period {}: report of verifier {index} not sent: {e:?}",
					info.index
				),
			}
		}
	}

	/// Probes, builds and sends the report of verifier `index` (key `key`) on `info`; returns
	/// the number of live bits.
	pub fn report_as(
		info: &PeriodInfoOf<T>,
		index: u32,
		key: &T::AuthorityId,
	) -> Result<u32, OcwError> {
		let sent_key = Self::sent_key(info.index, index);
		let mut sent = StorageValueRef::persistent(&sent_key);
		if let Ok(Some(true)) = sent.get::<bool>() {
			return Err(OcwError::AlreadySent);
		}
		let lock_key = Self::lock_key(info.index, index);
		let batches = T::MaxProbesPerRun::get().div_ceil(PROBE_BATCH as u32).max(1);
		let hold = T::ProbeTimeoutMs::get().saturating_mul(u64::from(batches).saturating_add(1));
		let mut lock = StorageLock::<Time>::with_deadline(&lock_key, Duration::from_millis(hold));
		let _guard = lock.try_lock().map_err(|_| OcwError::Locked)?;

		let report = Self::build_report(info, index, key)?;
		let live = report.bits.iter().map(|b| b.count_ones()).sum::<u32>();

		// Claim the (period, verifier) pair before sending: never twice.
		let claimed = sent.mutate::<bool, (), _>(|old| match old {
			Ok(Some(true)) => Err(()),
			_ => Ok(true),
		});
		match claimed {
			Ok(_) => {},
			Err(MutateStorageError::ValueFunctionFailed(())) => return Err(OcwError::AlreadySent),
			Err(MutateStorageError::ConcurrentModification(_)) => return Err(OcwError::Locked),
		}
		let public: T::Public =
			<T::OcwCrypto as AppCrypto<T::Public, T::Signature>>::GenericPublic::from(key.clone())
				.into();
		let result = Signer::<T, T::OcwCrypto>::any_account()
			.with_filter(vec![public])
			.send_signed_transaction(|_| Call::submit_report { report: report.clone() });
		match result {
			Some((_, Ok(()))) => Ok(live),
			other => {
				// Nothing reached the pool: allow a later run to retry.
				sent.clear();
				Err(if other.is_none() { OcwError::NoSigner } else { OcwError::SubmitFailed })
			},
		}
	}

	/// The GPUs of verifier `index`'s run that are judged in `info`, with their probe URLs.
	fn targets(
		info: &PeriodInfoOf<T>,
		assignment: &Assignment,
		index: u32,
		key: &[u8],
	) -> Vec<Target> {
		let (_, len) = assignment.range_of(index);
		let max = T::MaxProbesPerRun::get() as usize;
		let mut out = Vec::new();
		for bit in 0..len {
			if out.len() >= max {
				log::warn!(
					target: LOG_TARGET,
					"period {}: run of {len} slots, only {max} probed (MaxProbesPerRun)",
					info.index
				);
				break;
			}
			let Some(slot) = assignment.slot_at(index, bit) else { continue };
			let Some(record) = Self::record_of(slot) else { continue };
			if record.since_period > info.index {
				continue;
			}
			let gpu = record.gpu;
			let (Some(agent), Some(endpoint)) =
				(T::Directory::agent_key(&gpu), T::Directory::agent_endpoint(&gpu))
			else {
				continue;
			};
			let Ok(endpoint) = String::from_utf8(endpoint) else { continue };
			let nonce = probe_nonce(&info.seed, info.index, key, gpu);
			let mut url = endpoint;
			url.push_str(&probe_path(gpu, info.index, &nonce));
			out.push(Target { bit, gpu, agent, url });
		}
		out
	}

	/// Probes the run of verifier `index` and builds its report.
	pub fn build_report(
		info: &PeriodInfoOf<T>,
		index: u32,
		key: &T::AuthorityId,
	) -> Result<ReportOf<T>, OcwError> {
		let verifiers = info.verifiers.len() as u32;
		let assignment = Assignment::new(&info.seed, info.slots, verifiers, info.probers);
		let (_, len) = assignment.range_of(index);
		let key_bytes = key.to_raw_vec();
		let targets = Self::targets(info, &assignment, index, &key_bytes);
		let mut bitmap = Bitmap::new(len);
		let mut answers: BTreeMap<u32, [u8; 64]> = BTreeMap::new();
		for batch in targets.chunks(PROBE_BATCH) {
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::ProbeTimeoutMs::get()));
			let mut sent: Vec<&Target> = Vec::new();
			let mut pending = Vec::new();
			for target in batch {
				match http::Request::get(&target.url).deadline(deadline).send() {
					Ok(request) => {
						sent.push(target);
						pending.push(request);
					},
					Err(e) => {
						log::debug!(target: LOG_TARGET, "probe of gpu {} not sent: {e:?}", target.gpu)
					},
				}
			}
			let results = http::PendingRequest::try_wait_all(pending, deadline);
			for (target, result) in sent.into_iter().zip(results) {
				let Ok(Ok(response)) = result else {
					log::debug!(target: LOG_TARGET, "gpu {}: no answer", target.gpu);
					continue;
				};
				if response.code != 200 {
					log::debug!(target: LOG_TARGET, "gpu {}: HTTP {}", target.gpu, response.code);
					continue;
				}
				let body: Vec<u8> = response.body().collect();
				let Some(signature) = decode_signature_hex(&body) else {
					log::debug!(target: LOG_TARGET, "gpu {}: malformed answer", target.gpu);
					continue;
				};
				let nonce = probe_nonce(&info.seed, info.index, &key_bytes, target.gpu);
				let message = probe_message(target.gpu, info.index, &nonce);
				if !sp_io::crypto::sr25519_verify(
					&sr25519::Signature::from_raw(signature),
					&message,
					&sr25519::Public::from_raw(target.agent),
				) {
					log::debug!(target: LOG_TARGET, "gpu {}: bad answer signature", target.gpu);
					continue;
				}
				bitmap.set(target.bit, true);
				answers.insert(target.bit, signature);
			}
		}
		let evidence: Vec<(u32, [u8; 64])> =
			required_evidence(&info.seed, index, &bitmap, info.evidence)
				.into_iter()
				.filter_map(|bit| answers.get(&bit).map(|sig| (bit, *sig)))
				.collect();
		Ok(LivenessReport {
			period: info.index,
			verifier_index: index,
			bits: BoundedVec::try_from(bitmap.into_bytes()).map_err(|_| OcwError::TooLarge)?,
			evidence: BoundedVec::try_from(evidence).map_err(|_| OcwError::TooLarge)?,
		})
	}
}
