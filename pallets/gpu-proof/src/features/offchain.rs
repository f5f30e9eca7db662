//! The verifier's off-chain worker.
//!
//! Every epoch, a node holding a `gpuv` key of the current verifier set:
//!
//! 1. at the epoch's first run, lists the Active GPUs ([`ProofRegistry::active_gpus`]) it is
//!    assigned to by the epoch randomness, with each one's deadline block;
//! 2. **collects commits**: from each GPU's deadline block on, fetches its agent-signed commit,
//!    `GET {endpoint}/pog/commit?gpu=&epoch=` (concurrently, [`HTTP_BATCH`] at a time, each
//!    with `HttpTimeoutMs`). A commit signed by the GPU's agent key is kept; a GPU that has none
//!    to show at its deadline block (after [`COMMIT_GRACE`] more blocks for transport errors and
//!    agents finishing in that very block), or shows an invalid one, **missed** the epoch;
//! 3. after the beacon, fetches the openings of its **sampled** GPUs with a kept commit,
//!    `GET {endpoint}/pog/openings?gpu=&epoch=&beacon=`. An agent learns the beacon from the
//!    first request and replays its chain (as long as the original computation), answering
//!    `503` meanwhile: GPUs without a final answer (`503`, timeout, transport error) are asked
//!    again every [`FETCH_RETRY_AFTER`] blocks until the middle of the verification phase, then
//!    count as no response. A `200` answer is judged at once against the kept root: every
//!    opening must be signed by the agent key, be for its sampled position and verify
//!    ([`Verdict::Pass`]); an opening whose paths verify but whose entry mismatches is **fraud**
//!    ([`Verdict::Fail`]; the signed commit and the signed opening are kept as evidence);
//!    anything else is [`Verdict::NoResponse`]. Every missed GPU, sampled or not, gets
//!    [`Verdict::NoResponse`];
//! 4. keeps everything in the node's persistent off-chain storage and sends **one transaction
//!    at a time**: first each fraud proof ([`Pallet::report_fraud`]), then the verdicts in
//!    chunks of `MaxVerdicts` ([`Pallet::submit_verdicts`]) from the on-chain cursor
//!    [`Reported`]. The next transaction goes out as soon as the last one landed (the signer
//!    reads the on-chain nonce, so one at a time keeps it right); one that has not landed is
//!    sent again after [`RESEND_AFTER`] blocks, a fraud proof at most [`MAX_ATTEMPTS`] times,
//!    a chunk at most [`MAX_CHUNK_ATTEMPTS`] times (a full block budget refuses it).
//!
//! A [`StorageLock`] serializes runs (OCWs of consecutive blocks may overlap) and everything is
//! keyed by `(epoch, verifier set)`, so re-orgs and restarts neither judge twice nor report twice.

use crate::*;
use alloc::{string::String, vec, vec::Vec};
use codec::{Decode, DecodeAll, Encode};
use frame_support::traits::Get;
use frame_system::{
	offchain::{SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use heliox_gpu_proof::{
	challenge_seed, commit_message, decode_opening, decode_openings_response, opening_message,
	protocol::{commit_path, openings_path, openings_response_len_bound},
	sample_positions, verify_opening, AgentSignature, ChallengeParams, Hash, ProofError,
	SignedCommit, SIGNED_COMMIT_LEN,
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
/// again for their openings: an agent starts replaying when it sees the beacon, so the first
/// request of an epoch often comes too early.
pub const FETCH_RETRY_AFTER: u64 = 1;
/// Blocks after a GPU's deadline block in which a failed commit fetch (not ready yet, timeout,
/// transport error) is tried again before the GPU counts as missed.
pub const COMMIT_GRACE: u64 = 1;
/// Most sends of one fraud proof.
pub const MAX_ATTEMPTS: u8 = 3;
/// Most sends of one verdict chunk (a chunk refused by a full block budget is sent again).
pub const MAX_CHUNK_ATTEMPTS: u8 = 10;

/// A fraud proof found by the OCW, to submit with `report_fraud`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct FraudEvidence<GpuId> {
	/// The GPU.
	pub gpu: GpuId,
	/// The agent-signed commitment collected at the deadline.
	pub commit: SignedRoot,
	/// The sample index.
	pub index: u32,
	/// The agent-signed opening bytes.
	pub opening: Vec<u8>,
	/// The agent's signature over the opening.
	pub signature: AgentSignature,
}

/// What the OCW concluded for one epoch, after the beacon.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct OcwResults<GpuId> {
	/// One verdict per judged GPU (missed GPUs first, then the sampled ones in assignment
	/// order).
	pub verdicts: Vec<(GpuId, Verdict)>,
	/// Fraud proofs to submit.
	pub frauds: Vec<FraudEvidence<GpuId>>,
	/// Sampled GPUs with a kept commit still without a final answer.
	pub pending: Vec<GpuId>,
	/// Block of the last fetch.
	pub last_fetch: u64,
}

/// The last transaction the OCW sent.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode)]
pub enum Sent {
	/// The fraud proof at this position of `results.frauds`.
	Fraud(u32),
	/// The verdict chunk starting at this cursor.
	Chunk(u32),
}

/// The answer of one fetch.
enum Fetched<V> {
	/// A final answer.
	Final(V),
	/// Ask again later (`503`, `404`, timeout, transport error).
	Retry,
}

/// The OCW's persistent state for one `(epoch, verifier set)`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct OcwState<GpuId> {
	/// Assigned GPUs whose commit is still to collect, with their deadline blocks (`None`
	/// until the epoch's first run lists them).
	pub awaiting: Option<Vec<(GpuId, u64)>>,
	/// Commits collected in time.
	pub collected: Vec<(GpuId, SignedRoot)>,
	/// Assigned GPUs without a valid commit in time.
	pub missed: Vec<GpuId>,
	/// The results, once judged.
	pub results: Option<OcwResults<GpuId>>,
	/// The last transaction sent and its block.
	pub last_sent: Option<(Sent, u64)>,
	/// Sends of each fraud proof (same order as `results.frauds`).
	pub fraud_attempts: Vec<u8>,
	/// Sends of the chunk at the current cursor.
	pub chunk_attempts: u8,
}

impl<GpuId> Default for OcwState<GpuId> {
	fn default() -> Self {
		Self {
			awaiting: None,
			collected: Vec::new(),
			missed: Vec::new(),
			results: None,
			last_sent: None,
			fraud_attempts: Vec::new(),
			chunk_attempts: 0,
		}
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
		let verifiers = Verifiers::<T>::get();
		let local = T::AuthorityId::all();
		let Some((index, key)) = verifiers.iter().enumerate().find(|(_, key)| local.contains(key))
		else {
			return;
		};
		let index = index as u32;
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

		// 1–2. The assignment, then the commits that are due.
		let mut awaiting = match state.awaiting.take() {
			Some(awaiting) => awaiting,
			None => Self::assigned_gpus(&info, index),
		};
		let beacon_fixed = info.beacon.is_some();
		if awaiting.iter().any(|(_, deadline)| *deadline <= now || beacon_fixed) {
			Self::collect_commits(epoch, now, beacon_fixed, &mut awaiting, &mut state);
		}
		state.awaiting = Some(awaiting);
		store.set(&state);
		let Some(beacon) = info.beacon else { return };

		// 3. The openings of the sampled GPUs.
		let mut results = state.results.clone().unwrap_or_else(|| OcwResults {
			verdicts: state.missed.iter().map(|gpu| (*gpu, Verdict::NoResponse)).collect(),
			frauds: Vec::new(),
			pending: state
				.collected
				.iter()
				.filter(|(gpu, _)| Self::is_sampled(&beacon, *gpu))
				.map(|(gpu, _)| *gpu)
				.collect(),
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
			Self::fetch_pending(epoch, &info, &beacon, &state.collected, &mut results, last_try);
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

		// 4. One transaction at a time: wait until the last one landed, or resend it.
		let account = Self::verifier_account(key);
		let cursor = Reported::<T>::get(&account)
			.filter(|(e, s, _)| (*e, *s) == (epoch, set_id))
			.map_or(0, |(_, _, accepted)| accepted);
		let proven = |gpu: &T::GpuId| ProvenFraud::<T>::get(gpu).is_some_and(|e| e >= epoch);
		if let Some((sent, at)) = state.last_sent {
			let landed = match sent {
				Sent::Fraud(item) => {
					results.frauds.get(item as usize).is_none_or(|fraud| proven(&fraud.gpu))
				},
				Sent::Chunk(from) => cursor > from,
			};
			if !landed && now < at.saturating_add(RESEND_AFTER) {
				return;
			}
		}
		let signer =
			Signer::<T, T::OcwCrypto>::any_account().with_filter(vec![Self::verifier_public(key)]);

		// Fraud proofs first.
		for (item, fraud) in results.frauds.iter().enumerate() {
			let attempts = state.fraud_attempts.get(item).copied().unwrap_or(0);
			if proven(&fraud.gpu) || attempts >= MAX_ATTEMPTS {
				continue;
			}
			let Ok(opening) = BoundedVec::<u8, T::MaxOpeningLen>::try_from(fraud.opening.clone())
			else {
				continue;
			};
			let sent = signer.send_signed_transaction(|_| Call::report_fraud {
				gpu: fraud.gpu,
				epoch,
				root: fraud.commit.root,
				commit_signature: fraud.commit.signature,
				index: fraud.index,
				opening: opening.clone(),
				agent_signature: fraud.signature,
			});
			log::info!(target: LOG_TARGET, "epoch {epoch}: fraud proof sent: {:?}", sent.map(|s| s.1));
			state.last_sent = Some((Sent::Fraud(item as u32), now));
			if state.fraud_attempts.len() <= item {
				state.fraud_attempts.resize(item + 1, 0);
			}
			if let Some(count) = state.fraud_attempts.get_mut(item) {
				*count = attempts.saturating_add(1);
			}
			store.set(&state);
			return;
		}

		// Then the verdicts, chunk by chunk from the on-chain cursor.
		let from = cursor as usize;
		if from >= results.verdicts.len() {
			return;
		}
		if state.last_sent.is_none_or(|(sent, _)| sent != Sent::Chunk(cursor)) {
			state.chunk_attempts = 0;
		}
		if state.chunk_attempts >= MAX_CHUNK_ATTEMPTS {
			return;
		}
		let chunk: Vec<_> = results
			.verdicts
			.iter()
			.skip(from)
			.take(T::MaxVerdicts::get() as usize)
			.copied()
			.collect();
		let verdicts = BoundedVec::<(T::GpuId, Verdict), T::MaxVerdicts>::truncate_from(chunk);
		let sent = signer.send_signed_transaction(|_| Call::submit_verdicts {
			epoch,
			verdicts: verdicts.clone(),
		});
		log::info!(
			target: LOG_TARGET,
			"epoch {epoch}: verdicts {from}..{} of {} sent: {:?}",
			from + verdicts.len(),
			results.verdicts.len(),
			sent.map(|s| s.1)
		);
		state.last_sent = Some((Sent::Chunk(cursor), now));
		state.chunk_attempts = state.chunk_attempts.saturating_add(1);
		store.set(&state);
	}

	/// The GPUs assigned to verifier `index` in the epoch `info`, with their deadline blocks:
	/// Active, with a valid challenge, in the registry's order.
	pub fn assigned_gpus(info: &EpochInfo<BlockNumberFor<T>>, index: u32) -> Vec<(T::GpuId, u64)> {
		T::Registry::active_gpus()
			.into_iter()
			.filter(|gpu| Self::slot_of(&info.randomness, *gpu, index).is_some())
			.filter_map(|gpu| {
				let (params, deadline) = T::Registry::challenge_params(&gpu)?;
				params.validate().ok()?;
				let block = Self::deadline_block(info.start, deadline);
				Some((gpu, block.unique_saturated_into()))
			})
			.collect()
	}

	/// Fetches the commits of the GPUs whose deadline block has come: valid ones are kept,
	/// invalid ones and those still unavailable after [`COMMIT_GRACE`] (or once the beacon is
	/// fixed) are missed, the others stay awaited.
	fn collect_commits(
		epoch: EpochIndex,
		now: u64,
		beacon_fixed: bool,
		awaiting: &mut Vec<(T::GpuId, u64)>,
		state: &mut OcwState<T::GpuId>,
	) {
		let (due, later): (Vec<_>, Vec<_>) = core::mem::take(awaiting)
			.into_iter()
			.partition(|(_, deadline)| *deadline <= now || beacon_fixed);
		*awaiting = later;
		for batch in due.chunks(HTTP_BATCH) {
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::HttpTimeoutMs::get()));
			let mut requests = Vec::new();
			for (gpu, gpu_deadline) in batch {
				let request = T::Registry::agent_endpoint(gpu).and_then(|endpoint| {
					let mut url = String::from_utf8(endpoint).ok()?;
					url.push_str(&commit_path((*gpu).into(), epoch));
					http::Request::get(&url).deadline(deadline).send().ok()
				});
				match request {
					Some(request) => requests.push(((*gpu, *gpu_deadline), request)),
					// No endpoint: nothing to fetch, ever.
					None => state.missed.push(*gpu),
				}
			}
			let (meta, requests): (Vec<_>, Vec<_>) = requests.into_iter().unzip();
			let responses = http::PendingRequest::try_wait_all(requests, deadline);
			for ((gpu, gpu_deadline), response) in meta.into_iter().zip(responses) {
				let fetched = match response {
					Ok(Ok(response)) if response.code == 200 => {
						let body: Vec<u8> = response.body().take(SIGNED_COMMIT_LEN + 1).collect();
						Fetched::Final(Self::check_commit(gpu, epoch, &body))
					},
					_ => Fetched::Retry,
				};
				let last_try = beacon_fixed || now >= gpu_deadline.saturating_add(COMMIT_GRACE);
				match fetched {
					Fetched::Final(Some(commit)) => state.collected.push((gpu, commit)),
					Fetched::Final(None) => state.missed.push(gpu),
					Fetched::Retry if last_try => state.missed.push(gpu),
					Fetched::Retry => awaiting.push((gpu, gpu_deadline)),
				}
			}
		}
	}

	/// The signed root in an agent's `/pog/commit` answer, if it is `gpu`'s commit for `epoch`
	/// signed by its agent key (pure apart from the registry read).
	pub fn check_commit(gpu: T::GpuId, epoch: EpochIndex, body: &[u8]) -> Option<SignedRoot> {
		let commit = SignedCommit::decode_all(&mut &body[..]).ok()?;
		let gpu_id: u64 = gpu.into();
		if commit.gpu != gpu_id || commit.epoch != epoch {
			return None;
		}
		let agent_key = T::Registry::agent_key(&gpu)?;
		let message = commit_message(gpu_id, epoch, &commit.root);
		features::agent_signed(&agent_key, &message, &commit.signature)
			.then_some(SignedRoot { root: commit.root, signature: commit.signature })
	}

	/// Fetches the answers of the pending GPUs; final answers move to the verdicts, the others
	/// stay pending (or become no response on the last try).
	fn fetch_pending(
		epoch: EpochIndex,
		info: &EpochInfo<BlockNumberFor<T>>,
		beacon: &Hash,
		collected: &[(T::GpuId, SignedRoot)],
		results: &mut OcwResults<T::GpuId>,
		last_try: bool,
	) {
		let order = core::mem::take(&mut results.pending);
		let first = results.verdicts.len();
		for batch in order.chunks(HTTP_BATCH) {
			// Start every request of the batch, then wait for all of them.
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::HttpTimeoutMs::get()));
			let mut pending = Vec::new();
			for gpu in batch {
				let request = (|| {
					let commit = collected.iter().find(|(g, _)| g == gpu)?.1;
					let (params, _) = T::Registry::challenge_params(gpu)?;
					let agent_key = T::Registry::agent_key(gpu)?;
					let endpoint = T::Registry::agent_endpoint(gpu)?;
					let mut url = String::from_utf8(endpoint).ok()?;
					url.push_str(&openings_path((*gpu).into(), epoch, beacon));
					let request = http::Request::get(&url).deadline(deadline).send().ok()?;
					Some(((commit, params, agent_key), request))
				})();
				match request {
					Some((judged, request)) => pending.push((*gpu, judged, request)),
					// No endpoint, no challenge: final.
					None => results.verdicts.push((*gpu, Verdict::NoResponse)),
				}
			}
			let (meta, requests): (Vec<_>, Vec<_>) =
				pending.into_iter().map(|(gpu, judged, request)| ((gpu, judged), request)).unzip();
			let responses = http::PendingRequest::try_wait_all(requests, deadline);
			for ((gpu, (commit, params, agent_key)), response) in meta.into_iter().zip(responses) {
				let fetched = match response {
					Ok(Ok(response)) if response.code == 200 => {
						let bound = openings_response_len_bound(&params);
						let body: Vec<u8> = response.body().take(bound.saturating_add(1)).collect();
						let judged = Judged { commit, params, agent_key };
						Fetched::Final(Self::judge(gpu, epoch, info, beacon, &judged, &body))
					},
					Ok(Ok(response)) if response.code != 503 => {
						Fetched::Final((Verdict::NoResponse, None))
					},
					_ => Fetched::Retry,
				};
				match fetched {
					Fetched::Final((verdict, fraud)) => {
						results.verdicts.push((gpu, verdict));
						results.frauds.extend(fraud);
					},
					Fetched::Retry if last_try => results.verdicts.push((gpu, Verdict::NoResponse)),
					Fetched::Retry => results.pending.push(gpu),
				}
			}
		}
		// This run's verdicts in assignment order (GPUs without a request were recorded first).
		let position = |gpu: &T::GpuId| order.iter().position(|g| g == gpu);
		if let Some(new) = results.verdicts.get_mut(first..) {
			new.sort_by_key(|(gpu, _)| position(gpu));
		}
	}

	/// Judges one agent's answer against the commit kept for it (pure: also used by tests and
	/// off-chain tools).
	pub fn judge(
		gpu: T::GpuId,
		epoch: EpochIndex,
		info: &EpochInfo<BlockNumberFor<T>>,
		beacon: &Hash,
		judged: &Judged,
		body: &[u8],
	) -> (Verdict, Option<FraudEvidence<T::GpuId>>) {
		let no_response = (Verdict::NoResponse, None);
		let Judged { commit, params, agent_key } = judged;
		let gpu_id: u64 = gpu.into();
		let Ok(response) = decode_openings_response(params, body) else { return no_response };
		let Ok(positions) = sample_positions(beacon, &commit.root, gpu_id, params) else {
			return no_response;
		};
		if response.gpu != gpu_id
			|| response.epoch != epoch
			|| response.root != commit.root
			|| response.openings.len() != positions.len()
		{
			return no_response;
		}
		let seed = challenge_seed(&info.randomness, gpu_id, epoch);
		let mut invalid = false;
		for (k, (signed, position)) in response.openings.iter().zip(&positions).enumerate() {
			let k = k as u32;
			let message = opening_message(gpu_id, epoch, k, &signed.opening);
			if signed.index != k || !features::agent_signed(agent_key, &message, &signed.signature)
			{
				return no_response;
			}
			let Ok(opening) = decode_opening(params, &signed.opening) else { return no_response };
			if (opening.t, opening.i, opening.j) != (position.t, position.i, position.j) {
				return no_response;
			}
			match verify_opening(params, &seed, &commit.root, &opening) {
				Ok(()) => {},
				Err(ProofError::EntryMismatch) => {
					let evidence = FraudEvidence {
						gpu,
						commit: *commit,
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

/// What an answer is judged against: the commit kept at the deadline, and the GPU's challenge
/// and agent key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Judged {
	/// The agent-signed commit collected at the deadline.
	pub commit: SignedRoot,
	/// The GPU's challenge parameters.
	pub params: ChallengeParams,
	/// The GPU's agent key.
	pub agent_key: [u8; 32],
}
