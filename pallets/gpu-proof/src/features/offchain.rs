//! The verifier's off-chain worker.
//!
//! Once per epoch, after the beacon, a node holding a `gpuv` key of the current verifier set:
//!
//! 1. lists the Active GPUs ([`ProofRegistry::active_gpus`]), keeps those sampled this epoch and
//!    assigned to its verifier index (at most `MaxVerdicts`);
//! 2. fetches each one's openings from its agent, `GET {endpoint}/pog/openings?gpu=&epoch=&beacon=`
//!    (concurrently, [`HTTP_BATCH`] at a time, each with `HttpTimeoutMs`). An agent learns the
//!    beacon from the first request and replays its chain (as long as the original computation),
//!    answering `503` meanwhile: GPUs without a final answer (`503`, timeout, transport error) are
//!    asked again every [`RESEND_AFTER`] blocks until the middle of the verification phase, then
//!    count as no response. A `200` answer is judged at once: every
//!    opening must be signed by the agent key of the commit, be for its sampled position and
//!    verify ([`Verdict::Pass`]); an opening whose paths verify but whose entry mismatches is
//!    **fraud** ([`Verdict::Fail`], the signed opening is kept as evidence); anything else —
//!    no commit, no endpoint, no answer, a malformed or unsigned answer — is
//!    [`Verdict::NoResponse`];
//! 3. stores the results in the node's persistent off-chain storage and sends **one
//!    transaction per run**: first each fraud proof ([`Pallet::report_fraud`]), then the report
//!    ([`Pallet::submit_verdicts`]). Sending one at a time keeps the account nonce right (the
//!    signer reads the on-chain nonce); a transaction is re-sent after [`RESEND_AFTER`] blocks
//!    if it has not landed, at most [`MAX_ATTEMPTS`] times.
//!
//! A [`StorageLock`] serializes runs (OCWs of consecutive blocks may overlap) and everything is
//! keyed by `(epoch, verifier set)`, so re-orgs and restarts neither judge twice nor report twice.

use crate::*;
use alloc::{string::String, vec, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::{
	offchain::{SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use heliox_gpu_proof::{
	challenge_seed, decode_opening, decode_openings_response, opening_message,
	protocol::{openings_path, openings_response_len_bound},
	sample_positions, verifier_slot, verify_opening, AgentSignature, Hash, ProofError,
};
use sp_runtime::{
	offchain::{
		http,
		storage::StorageValueRef,
		storage_lock::{BlockAndTime, StorageLock},
		Duration,
	},
	traits::{Saturating, UniqueSaturatedInto},
	BoundedVec, RuntimeAppPublic,
};

/// Requests in flight at once.
pub const HTTP_BATCH: usize = 16;
/// Blocks after which an unconfirmed transaction is sent again.
pub const RESEND_AFTER: u64 = 5;
/// Blocks after which agents that answered "replaying, retry" (503) or timed out are asked
/// again: an agent starts replaying when it sees the beacon, so the first request of an epoch
/// often comes too early.
pub const FETCH_RETRY_AFTER: u64 = 1;
/// Most sends of one transaction.
pub const MAX_ATTEMPTS: u8 = 3;

/// A fraud proof found by the OCW, to submit with `report_fraud`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct FraudEvidence<GpuId> {
	/// The GPU.
	pub gpu: GpuId,
	/// The sample index.
	pub index: u32,
	/// The agent-signed opening bytes.
	pub opening: Vec<u8>,
	/// The agent's signature.
	pub signature: AgentSignature,
}

/// What the OCW concluded for one epoch.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct OcwResults<GpuId> {
	/// One verdict per judged GPU.
	pub verdicts: Vec<(GpuId, Verdict)>,
	/// Fraud proofs to submit.
	pub frauds: Vec<FraudEvidence<GpuId>>,
	/// Assigned GPUs still without a final answer.
	pub pending: Vec<GpuId>,
	/// Block of the last fetch.
	pub last_fetch: u64,
}

/// The answer of one fetch.
enum Fetched<GpuId> {
	/// A final verdict (and maybe a fraud proof).
	Final(Verdict, Option<FraudEvidence<GpuId>>),
	/// Ask again later (`503`, timeout, transport error).
	Retry,
}

/// The OCW's persistent state for one `(epoch, verifier set)`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct OcwState<GpuId> {
	/// The results, once judged.
	pub results: Option<OcwResults<GpuId>>,
	/// Block of the last transaction sent (0: none yet).
	pub last_sent: u64,
	/// Sends of each fraud proof (same order as `results.frauds`).
	pub fraud_attempts: Vec<u8>,
	/// Sends of the report.
	pub report_attempts: u8,
}

impl<GpuId> Default for OcwState<GpuId> {
	fn default() -> Self {
		Self { results: None, last_sent: 0, fraud_attempts: Vec::new(), report_attempts: 0 }
	}
}

impl<T: Config> Pallet<T> {
	/// The OCW state key of an epoch and verifier set.
	pub fn ocw_state_key(epoch: EpochIndex, set_id: u32) -> Vec<u8> {
		(b"heliox/pogpu/ocw/state", epoch, set_id).encode()
	}

	/// The off-chain worker (see the module docs).
	pub(crate) fn run_verifier(now: BlockNumberFor<T>) {
		let Some((epoch, info)) = Self::current_epoch() else { return };
		let Some(beacon) = info.beacon else { return };
		let verifiers = Verifiers::<T>::get();
		let local = T::AuthorityId::all();
		let Some((index, key)) = verifiers.iter().enumerate().find(|(_, key)| local.contains(key))
		else {
			return;
		};
		let set_id = VerifierSetId::<T>::get();
		let lock_key = (b"heliox/pogpu/ocw/lock", epoch).encode();
		let timeout = T::HttpTimeoutMs::get();
		let mut lock =
			StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
				&lock_key,
				RESEND_AFTER as u32,
				Duration::from_millis(timeout.saturating_mul(4).saturating_add(10_000)),
			);
		let Ok(_guard) = lock.try_lock() else { return };

		let state_key = Self::ocw_state_key(epoch, set_id);
		let store = StorageValueRef::persistent(&state_key);
		let mut state: OcwState<T::GpuId> = store.get().ok().flatten().unwrap_or_default();
		let now_block = now;
		let now: u64 = now.unique_saturated_into();
		let mut results = state.results.clone().unwrap_or_else(|| OcwResults {
			verdicts: Vec::new(),
			frauds: Vec::new(),
			pending: Self::assigned_gpus(&beacon, index as u32),
			last_fetch: 0,
		});
		if !results.pending.is_empty() {
			if results.last_fetch != 0 && now < results.last_fetch.saturating_add(FETCH_RETRY_AFTER)
			{
				return;
			}
			let retry_until =
				info.start.saturating_add(Pallet::<T>::commit_window()).saturating_add(
					(Pallet::<T>::challenge_period().saturating_sub(Pallet::<T>::commit_window()))
						/ 2u32.into(),
				);
			let last_try = now_block >= retry_until;
			Self::fetch_pending(epoch, &info, &beacon, &mut results, last_try);
			results.last_fetch = now;
			state.results = Some(results.clone());
			store.set(&state);
			if !results.pending.is_empty() {
				return;
			}
		} else if state.results.is_none() {
			state.results = Some(results.clone());
			store.set(&state);
		}
		// Wait for the last transaction to be included before sending another (they share the
		// key's nonce) — unless it was a fraud proof that is already on chain: then the report
		// goes out right away, inside the verification phase.
		let frauds_included = results.frauds.iter().all(|fraud| {
			Commits::<T>::get(fraud.gpu)
				.and_then(|slots| slots.for_epoch(epoch).map(|record| record.fraud_proven))
				.unwrap_or(true)
		});
		let report_pending = state.report_attempts == 0 && frauds_included;
		if state.last_sent != 0
			&& now < state.last_sent.saturating_add(RESEND_AFTER)
			&& !report_pending
		{
			return;
		}
		let account = Self::verifier_account(key);
		let signer =
			Signer::<T, T::OcwCrypto>::any_account().with_filter(vec![Self::verifier_public(key)]);

		// Fraud proofs first, one per run.
		for (item, fraud) in results.frauds.iter().enumerate() {
			let proven = Commits::<T>::get(fraud.gpu)
				.and_then(|slots| slots.for_epoch(epoch).map(|record| record.fraud_proven))
				.unwrap_or(true);
			let attempts = state.fraud_attempts.get(item).copied().unwrap_or(0);
			if proven || attempts >= MAX_ATTEMPTS {
				continue;
			}
			let Ok(opening) = BoundedVec::<u8, T::MaxOpeningLen>::try_from(fraud.opening.clone())
			else {
				continue;
			};
			let sent = signer.send_signed_transaction(|_| Call::report_fraud {
				gpu: fraud.gpu,
				epoch,
				index: fraud.index,
				opening: opening.clone(),
				agent_signature: fraud.signature,
			});
			log::info!(target: LOG_TARGET, "epoch {epoch}: fraud proof sent: {:?}", sent.map(|s| s.1));
			state.last_sent = now;
			if state.fraud_attempts.len() <= item {
				state.fraud_attempts.resize(item + 1, 0);
			}
			if let Some(count) = state.fraud_attempts.get_mut(item) {
				*count = attempts.saturating_add(1);
			}
			store.set(&state);
			return;
		}

		// Then the report, once.
		let reported = LastReport::<T>::get(&account) == Some((epoch, set_id));
		let attempts = state.report_attempts;
		if reported || attempts >= MAX_ATTEMPTS || results.verdicts.is_empty() {
			return;
		}
		let verdicts = BoundedVec::<(T::GpuId, Verdict), T::MaxVerdicts>::truncate_from(
			results.verdicts.clone(),
		);
		let sent = signer.send_signed_transaction(|_| Call::submit_verdicts {
			epoch,
			verdicts: verdicts.clone(),
		});
		log::info!(
			target: LOG_TARGET,
			"epoch {epoch}: {} verdicts sent: {:?}",
			verdicts.len(),
			sent.map(|s| s.1)
		);
		state.last_sent = now;
		state.report_attempts = attempts.saturating_add(1);
		store.set(&state);
	}

	/// The GPUs assigned to verifier `index` this epoch: Active, sampled, assigned; at most
	/// `MaxVerdicts`, in the registry's order.
	pub fn assigned_gpus(beacon: &Hash, index: u32) -> Vec<T::GpuId> {
		let verifiers = Verifiers::<T>::decode_len().unwrap_or(0) as u32;
		let k = T::VerifiersPerGpu::get();
		T::Registry::active_gpus()
			.into_iter()
			.filter(|gpu| {
				Self::is_sampled(beacon, *gpu)
					&& verifier_slot(beacon, (*gpu).into(), verifiers, k, index).is_some()
			})
			.take(T::MaxVerdicts::get() as usize)
			.collect()
	}

	/// Fetches the answers of the pending GPUs; final answers move to the verdicts, the others
	/// stay pending (or become no response on the last try).
	fn fetch_pending(
		epoch: EpochIndex,
		info: &EpochInfo<BlockNumberFor<T>>,
		beacon: &Hash,
		results: &mut OcwResults<T::GpuId>,
		last_try: bool,
	) {
		let order = core::mem::take(&mut results.pending);
		for batch in order.chunks(HTTP_BATCH) {
			// Start every request of the batch, then wait for all of them.
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::HttpTimeoutMs::get()));
			let mut pending = Vec::new();
			for gpu in batch {
				let record = Commits::<T>::get(gpu).and_then(|s| s.for_epoch(epoch).copied());
				let request = record.and_then(|record| {
					let endpoint = T::Registry::agent_endpoint(gpu)?;
					let mut url = String::from_utf8(endpoint).ok()?;
					url.push_str(&openings_path((*gpu).into(), epoch, beacon));
					let request = http::Request::get(&url).deadline(deadline).send().ok()?;
					Some((record, request))
				});
				match request {
					Some((record, request)) => pending.push((*gpu, record, request)),
					// No commitment, no endpoint: final.
					None => results.verdicts.push((*gpu, Verdict::NoResponse)),
				}
			}
			let (meta, requests): (Vec<_>, Vec<_>) =
				pending.into_iter().map(|(gpu, record, request)| ((gpu, record), request)).unzip();
			let responses = http::PendingRequest::try_wait_all(requests, deadline);
			for ((gpu, record), response) in meta.into_iter().zip(responses) {
				let fetched = match response {
					Ok(Ok(response)) if response.code == 200 => {
						let bound = openings_response_len_bound(&record.params);
						let body: Vec<u8> = response.body().take(bound.saturating_add(1)).collect();
						let (verdict, fraud) =
							Self::judge(gpu, epoch, info, beacon, &record, &body);
						Fetched::Final(verdict, fraud)
					},
					Ok(Ok(response)) if response.code != 503 => {
						Fetched::Final(Verdict::NoResponse, None)
					},
					_ => Fetched::Retry,
				};
				match fetched {
					Fetched::Final(verdict, fraud) => {
						results.verdicts.push((gpu, verdict));
						results.frauds.extend(fraud);
					},
					Fetched::Retry if last_try => results.verdicts.push((gpu, Verdict::NoResponse)),
					Fetched::Retry => results.pending.push(gpu),
				}
			}
		}
		// Report in assignment order (GPUs without a request were recorded first).
		let position = |gpu: &T::GpuId| order.iter().position(|g| g == gpu);
		results.verdicts.sort_by_key(|(gpu, _)| position(gpu));
	}

	/// Judges one agent's answer (pure: also used by tests and off-chain tools).
	pub fn judge(
		gpu: T::GpuId,
		epoch: EpochIndex,
		info: &EpochInfo<BlockNumberFor<T>>,
		beacon: &Hash,
		record: &CommitRecord,
		body: &[u8],
	) -> (Verdict, Option<FraudEvidence<T::GpuId>>) {
		let no_response = (Verdict::NoResponse, None);
		let params = record.params;
		let gpu_id: u64 = gpu.into();
		let Ok(response) = decode_openings_response(&params, body) else { return no_response };
		let Ok(positions) = sample_positions(beacon, &record.root, gpu_id, &params) else {
			return no_response;
		};
		if response.gpu != gpu_id
			|| response.epoch != epoch
			|| response.root != record.root
			|| response.openings.len() != positions.len()
		{
			return no_response;
		}
		let seed = challenge_seed(&info.randomness, gpu_id, epoch);
		let mut invalid = false;
		for (k, (signed, position)) in response.openings.iter().zip(&positions).enumerate() {
			let k = k as u32;
			let message = opening_message(gpu_id, epoch, k, &signed.opening);
			if signed.index != k
				|| !features::agent_signed(&record.agent_key, &message, &signed.signature)
			{
				return no_response;
			}
			let Ok(opening) = decode_opening(&params, &signed.opening) else { return no_response };
			if (opening.t, opening.i, opening.j) != (position.t, position.i, position.j) {
				return no_response;
			}
			match verify_opening(&params, &seed, &record.root, &opening) {
				Ok(()) => {},
				Err(ProofError::EntryMismatch) => {
					let evidence = FraudEvidence {
						gpu,
						index: k,
						opening: signed.opening.clone(),
						signature: signed.signature,
					};
					return (Verdict::Fail, Some(evidence));
				},
				Err(_) => invalid = true,
			}
		}
		if invalid {
			no_response
		} else {
			(Verdict::Pass, None)
		}
	}
}
