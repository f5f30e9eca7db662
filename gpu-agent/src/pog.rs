//! The proof-of-GPU worker: runs the epoch's chain on a [`ComputeBackend`], produces the signed
//! commit, and serves signed openings over HTTP (the wire format of
//! [`heliox_gpu_proof::protocol`]).
//!
//! Life of a challenge (`g`, epoch `e`):
//!
//! 1. The caller (the integrator's chain client) reads the seed `challenge_seed(R_e, g, e)` (the
//!    runtime API `GpuProofApi::seed_of`) and the model's [`ChallengeParams`], and calls
//!    [`PogWorker::run_challenge`]: the chain `X_0 → … → X_T` runs on the backend (the
//!    reference [`CpuBackend`] here; a CUDA backend implements the same trait) and the function
//!    returns the [`SignedCommit`], served at `/pog/commit` for the validators to collect at the
//!    deadline block.
//!    [`compute_commit`] is the same without keeping the job.
//! 2. After the beacon, verifiers ask `GET /pog/openings?gpu=&epoch=&beacon=`. The agent cannot
//!    keep every step, so it **replays** the chain from the seed ([`open_positions`]) — as long
//!    as the original run — in a background thread, answering `503` until the openings are ready;
//!    then every verifier gets the same signed answer from the cache. The caller may start the
//!    replay itself as soon as it sees the beacon ([`PogWorker::prepare`]), so the answer is ready
//!    when the first verifier asks.
//! 3. Each opening is signed over `opening_message(g, e, k, bytes)`: a wrong opening is a fraud
//!    proof against this agent, so the agent only ever signs openings of its own committed chain.
//!
//! A beacon is whatever the requester sends (the agent does not follow the chain); an honest
//! agent's openings verify at any positions, so a fake beacon cannot hurt it, only cost it a
//! replay: at most [`MAX_BEACONS_PER_JOB`] distinct beacons are replayed per job (`429` after).

use crate::key::AgentKey;
use codec::Encode;
use heliox_gpu_proof::{
	commit_message, open_positions, opening_message,
	protocol::{parse_query, PogQuery},
	sample_positions, ChallengeParams, Commitment, ComputeBackend, CpuBackend, EpochIndex, Hash,
	Opening, OpeningsResponse, SignedCommit, SignedOpening, Workload,
};
use std::{
	collections::BTreeMap,
	sync::{Arc, Mutex},
};

/// Distinct beacons replayed per job.
pub const MAX_BEACONS_PER_JOB: usize = 2;
/// Jobs (GPU, epoch) kept; older ones are dropped (their fraud window has passed).
pub const MAX_JOBS: usize = 8;

/// Runs the chain for `(gpu, epoch)` and returns the commitment and the agent-signed commit.
pub fn compute_commit<B: ComputeBackend>(
	key: &AgentKey,
	gpu: u64,
	epoch: EpochIndex,
	seed: Hash,
	params: ChallengeParams,
	backend: B,
) -> Result<(Commitment, SignedCommit), String>
where
	B::Error: core::fmt::Debug,
{
	let commitment = Workload::new(params, seed, backend)
		.map_err(|e| format!("workload: {e:?}"))?
		.run()
		.map_err(|e| format!("workload: {e:?}"))?;
	let root = commitment.root();
	let signature = key.sign(&commit_message(gpu, epoch, &root));
	Ok((commitment, SignedCommit { gpu, epoch, root, signature }))
}

/// Signs openings (in sample order) into the `/pog/openings` answer.
pub fn sign_openings(
	key: &AgentKey,
	gpu: u64,
	epoch: EpochIndex,
	root: Hash,
	openings: &[Opening],
) -> OpeningsResponse {
	let openings = openings
		.iter()
		.enumerate()
		.map(|(k, opening)| {
			let index = k as u32;
			let bytes = opening.encode();
			let signature = key.sign(&opening_message(gpu, epoch, index, &bytes));
			SignedOpening { index, opening: bytes, signature }
		})
		.collect();
	OpeningsResponse { gpu, epoch, root, openings }
}

/// Replays the chain and opens the given positions.
type Replay = dyn Fn(&Hash) -> Result<Vec<Opening>, String> + Send + Sync;

enum Answer {
	/// The replay is running.
	Computing,
	/// The openings, unsigned, and the encoded signed answer once built.
	Ready { openings: Vec<Opening>, encoded: Option<Arc<Vec<u8>>> },
	/// The replay failed.
	Failed(String),
}

struct Job {
	params: ChallengeParams,
	commit: SignedCommit,
	replay: Arc<Replay>,
	answers: Mutex<BTreeMap<Hash, Answer>>,
}

/// Why an openings request was not answered with openings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PogError {
	/// No chain for this GPU and epoch (`404`).
	UnknownJob,
	/// The replay is running (`503`).
	Computing,
	/// Too many distinct beacons for this job (`429`).
	TooManyBeacons,
	/// The sample index is out of range (`400`).
	BadIndex,
	/// The replay failed (`500`).
	Failed(String),
}

/// The agent's proof-of-GPU jobs, shared by the HTTP server.
#[derive(Default)]
pub struct PogWorker {
	jobs: Mutex<BTreeMap<(u64, EpochIndex), Arc<Job>>>,
	/// Fault injection: serve openings whose columns do not match the commitment.
	wrong_openings: bool,
}

impl PogWorker {
	/// A worker that serves **wrong** openings (one entry of every opened column changed after
	/// the replay), for testing that validators catch it on a real network. Never for
	/// production: the agent signs what it serves, so this only ever harms its own GPU.
	pub fn with_wrong_openings() -> Self {
		Self { wrong_openings: true, ..Self::default() }
	}

	/// Runs the chain for `(gpu, epoch)` on `backend`, keeps the job (so it can be replayed for
	/// openings) and returns the signed commit to submit on chain.
	pub fn run_challenge<B>(
		&self,
		key: &AgentKey,
		gpu: u64,
		epoch: EpochIndex,
		seed: Hash,
		params: ChallengeParams,
		backend: B,
	) -> Result<SignedCommit, String>
	where
		B: ComputeBackend + Clone + Send + Sync + 'static,
		B::Error: core::fmt::Debug,
	{
		let (commitment, commit) = compute_commit(key, gpu, epoch, seed, params, backend.clone())?;
		let replay = move |beacon: &Hash| {
			let positions = sample_positions(beacon, &commitment.root(), gpu, &params)
				.map_err(|e| format!("sampling: {e:?}"))?;
			open_positions(params, seed, backend.clone(), &commitment, &positions)
				.map_err(|e| format!("replay: {e:?}"))
		};
		let job = Job {
			params,
			commit: commit.clone(),
			replay: Arc::new(replay),
			answers: Mutex::new(BTreeMap::new()),
		};
		let mut jobs = self.jobs.lock().map_err(|_| "poisoned".to_string())?;
		jobs.insert((gpu, epoch), Arc::new(job));
		while jobs.len() > MAX_JOBS {
			let oldest = *jobs.keys().min_by_key(|(_, e)| *e).expect("not empty");
			jobs.remove(&oldest);
		}
		Ok(commit)
	}

	/// The signed commit of a job.
	pub fn commit(&self, gpu: u64, epoch: EpochIndex) -> Option<SignedCommit> {
		self.job(gpu, epoch).map(|job| job.commit.clone())
	}

	fn job(&self, gpu: u64, epoch: EpochIndex) -> Option<Arc<Job>> {
		self.jobs.lock().ok()?.get(&(gpu, epoch)).cloned()
	}

	/// Starts the replay for `beacon` in a background thread (a no-op if it is running or done).
	pub fn prepare(&self, gpu: u64, epoch: EpochIndex, beacon: Hash) -> Result<(), PogError> {
		let job = self.job(gpu, epoch).ok_or(PogError::UnknownJob)?;
		let mut answers = job.answers.lock().map_err(|_| PogError::Failed("poisoned".into()))?;
		if answers.contains_key(&beacon) {
			return Ok(());
		}
		if answers.len() >= MAX_BEACONS_PER_JOB {
			return Err(PogError::TooManyBeacons);
		}
		answers.insert(beacon, Answer::Computing);
		drop(answers);
		let job = job.clone();
		let wrong_openings = self.wrong_openings;
		std::thread::spawn(move || {
			let mut result = (job.replay)(&beacon);
			if wrong_openings {
				if let Ok(openings) = result.as_mut() {
					for opening in openings.iter_mut() {
						if let Some(entry) = opening.col_next_j.first_mut() {
							*entry = if *entry == 125 { -125 } else { *entry + 1 };
						}
					}
				}
			}
			if let Ok(mut answers) = job.answers.lock() {
				let answer = match result {
					Ok(openings) => Answer::Ready { openings, encoded: None },
					Err(error) => Answer::Failed(error),
				};
				answers.insert(beacon, answer);
			}
		});
		Ok(())
	}

	/// The SCALE-encoded [`OpeningsResponse`] for `beacon`, if the replay is done (it is started
	/// otherwise).
	pub fn openings(
		&self,
		key: &AgentKey,
		gpu: u64,
		epoch: EpochIndex,
		beacon: Hash,
	) -> Result<Arc<Vec<u8>>, PogError> {
		self.prepare(gpu, epoch, beacon)?;
		let job = self.job(gpu, epoch).ok_or(PogError::UnknownJob)?;
		let mut answers = job.answers.lock().map_err(|_| PogError::Failed("poisoned".into()))?;
		match answers.get_mut(&beacon) {
			Some(Answer::Ready { openings, encoded }) => {
				let bytes = encoded.get_or_insert_with(|| {
					Arc::new(sign_openings(key, gpu, epoch, job.commit.root, openings).encode())
				});
				Ok(bytes.clone())
			},
			Some(Answer::Failed(error)) => Err(PogError::Failed(error.clone())),
			_ => Err(PogError::Computing),
		}
	}

	/// Like [`openings`](Self::openings), waiting for the replay (for tools and tests).
	pub fn openings_blocking(
		&self,
		key: &AgentKey,
		gpu: u64,
		epoch: EpochIndex,
		beacon: Hash,
	) -> Result<Arc<Vec<u8>>, PogError> {
		loop {
			match self.openings(key, gpu, epoch, beacon) {
				Err(PogError::Computing) => std::thread::sleep(std::time::Duration::from_millis(2)),
				other => return other,
			}
		}
	}

	/// One signed opening (sample `k`), from the same cache.
	pub fn opening(
		&self,
		key: &AgentKey,
		gpu: u64,
		epoch: EpochIndex,
		beacon: Hash,
		k: u32,
	) -> Result<Vec<u8>, PogError> {
		let job = self.job(gpu, epoch).ok_or(PogError::UnknownJob)?;
		if k >= job.params.samples {
			return Err(PogError::BadIndex);
		}
		self.prepare(gpu, epoch, beacon)?;
		let answers = job.answers.lock().map_err(|_| PogError::Failed("poisoned".into()))?;
		match answers.get(&beacon) {
			Some(Answer::Ready { openings, .. }) => {
				let opening = openings.get(k as usize).ok_or(PogError::BadIndex)?.encode();
				let signature = key.sign(&opening_message(gpu, epoch, k, &opening));
				Ok(SignedOpening { index: k, opening, signature }.encode())
			},
			Some(Answer::Failed(error)) => Err(PogError::Failed(error.clone())),
			_ => Err(PogError::Computing),
		}
	}
}

/// Answers `/pog/openings`, `/pog/opening` and `/pog/commit` (`None` for other paths): status
/// code and binary (SCALE) body, or a text error.
pub fn handle(
	worker: &PogWorker,
	key: &AgentKey,
	served_gpu: Option<u64>,
	path: &str,
	query: Option<&str>,
) -> Option<(u16, Vec<u8>)> {
	let route = match path {
		"/pog/openings" | "/pog/opening" | "/pog/commit" => path,
		_ => return None,
	};
	let text = |code: u16, message: &str| Some((code, format!("{message}\n").into_bytes()));
	let Some(PogQuery { gpu: Some(gpu), epoch: Some(epoch), beacon, k }) =
		query.and_then(parse_query)
	else {
		return text(400, "expected gpu and epoch (and beacon, k)");
	};
	if served_gpu.is_some_and(|mine| mine != gpu) {
		return text(404, "this agent does not serve that GPU");
	}
	let result = match (route, beacon, k) {
		("/pog/commit", None, None) => {
			worker.commit(gpu, epoch).map(|c| c.encode()).ok_or(PogError::UnknownJob)
		},
		("/pog/openings", Some(beacon), None) => {
			worker.openings(key, gpu, epoch, beacon).map(|bytes| bytes.to_vec())
		},
		("/pog/opening", Some(beacon), Some(k)) => worker.opening(key, gpu, epoch, beacon, k),
		_ => return text(400, "wrong parameters for this route"),
	};
	match result {
		Ok(body) => Some((200, body)),
		Err(PogError::UnknownJob) => text(404, "no chain for this GPU and epoch"),
		Err(PogError::Computing) => text(503, "replaying the chain, retry"),
		Err(PogError::TooManyBeacons) => text(429, "too many beacons for this epoch"),
		Err(PogError::BadIndex) => text(400, "sample index out of range"),
		Err(PogError::Failed(error)) => text(500, &error),
	}
}

/// The reference backend, re-exported for callers of [`PogWorker::run_challenge`].
pub type DefaultBackend = CpuBackend;
