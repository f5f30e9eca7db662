//! The agent side: running the chain, committing to it, and replaying it to open positions.

use alloc::vec::Vec;

use crate::{
	lag_step, step_leaf_hash, ChallengeParams, ComputeBackend, Hash, MatrixPrf, MerklePath,
	MerkleTree, Opening, OpeningPosition,
};

/// Why the agent-side workload or replay stopped.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum WorkloadError<E> {
	/// The parameters are invalid ([`ChallengeParams::validate`]).
	InvalidParams,
	/// [`Workload::advance`] was called after step `T`.
	Finished,
	/// A position to open is outside the chain, or not at the step just computed.
	PositionOutOfRange,
	/// The commitment does not have the `T + 1` step roots of these parameters.
	CommitmentMismatch,
	/// The replay produced a different step root than the commitment: the backend is not
	/// deterministic, or the commitment is for another seed.
	ReplayDiverged {
		/// The first step whose root differs.
		step: u32,
	},
	/// A matrix that should be in the lag window is not (an internal invariant was broken).
	MatrixUnavailable {
		/// The missing step.
		step: u32,
	},
	/// The backend failed.
	Backend(E),
}

/// What the agent signs: the step roots `ρ_0..ρ_T` and the Merkle root over them.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Commitment {
	step_roots: Vec<Hash>,
	step_tree: MerkleTree,
}

impl Commitment {
	/// The commitment over the step roots `ρ_0, ρ_1, …` (leaf `t` is
	/// [`step_leaf_hash`]`(t, ρ_t)`).
	pub fn from_step_roots(step_roots: Vec<Hash>) -> Self {
		let leaves = step_roots
			.iter()
			.enumerate()
			.map(|(step, root)| step_leaf_hash(step as u32, root))
			.collect();
		Self { step_roots, step_tree: MerkleTree::from_leaves(leaves) }
	}

	/// The commitment root: what goes into `commit(g, e, root)`.
	pub fn root(&self) -> Hash {
		self.step_tree.root()
	}

	/// The step roots `ρ_0..ρ_T`.
	pub fn step_roots(&self) -> &[Hash] {
		&self.step_roots
	}

	/// The inclusion path of `ρ_step` in the commitment.
	pub fn step_path(&self, step: u32) -> Option<MerklePath> {
		self.step_tree.path(step)
	}
}

/// A running chain `X_0 → X_1 → …` on a backend, keeping only the lag window.
///
/// Memory: a ring of `min(L, T) + 1` matrices (`X_t` and the `L` possible lags `X_{t−1}..X_{t−L}`),
/// the minimum any honest agent needs, plus one output buffer. The output cannot be written in
/// place over the oldest matrix `X_{t−L}`: when `δ_t = L` that is the step's own lag input. So
/// after each step the new matrix takes the oldest one's slot, and the evicted matrix becomes the
/// next output buffer — still readable until then, which openings of the step just computed use
/// (its lag may be exactly that matrix).
pub struct Workload<B: ComputeBackend> {
	params: ChallengeParams,
	seed: Hash,
	backend: B,
	/// Slot `s` holds `X_step` for the most recent step with `step mod len = s`.
	window: Vec<Option<B::Matrix>>,
	/// The output buffer of the next step: the matrix evicted by the last step (or nothing yet).
	spare: Option<B::Matrix>,
	/// Which step `spare` still holds: the last step's lag may be the matrix it evicted, and an
	/// opening of that step needs it.
	spare_step: Option<u32>,
	/// `ρ_0..ρ_current`.
	step_roots: Vec<Hash>,
}

impl<B: ComputeBackend> Workload<B> {
	/// Generates `X_0` from the seed and computes `ρ_0`.
	pub fn new(
		params: ChallengeParams,
		seed: Hash,
		mut backend: B,
	) -> Result<Self, WorkloadError<B::Error>> {
		params.validate().map_err(|_| WorkloadError::InvalidParams)?;
		let mut initial = backend.allocate(params.n).map_err(WorkloadError::Backend)?;
		backend
			.generate(&MatrixPrf::initial(&seed, params.n), &mut initial)
			.map_err(WorkloadError::Backend)?;
		let initial_root = backend.column_root(0, &initial).map_err(WorkloadError::Backend)?;
		let window_len = params.lag.min(params.steps) as usize + 1;
		let mut window = Vec::with_capacity(window_len);
		window.push(Some(initial));
		window.resize_with(window_len, || None);
		Ok(Self {
			params,
			seed,
			backend,
			window,
			spare: None,
			spare_step: None,
			step_roots: alloc::vec![initial_root],
		})
	}

	/// The parameters.
	pub fn params(&self) -> &ChallengeParams {
		&self.params
	}

	/// The index of the latest matrix computed (0 right after [`new`](Self::new), `T` at the end).
	pub fn current_step(&self) -> u32 {
		self.step_roots.len().saturating_sub(1) as u32
	}

	/// `ρ_0..ρ_current`: what an agent commits to, step by step.
	pub fn step_roots(&self) -> &[Hash] {
		&self.step_roots
	}

	/// The backend (e.g. to read its statistics).
	pub fn backend(&self) -> &B {
		&self.backend
	}

	/// The ring slot of `step`.
	fn slot(window_len: usize, step: u32) -> usize {
		step as usize % window_len.max(1)
	}

	/// `X_step` if it is still in the lag window (at most the last `L + 1` steps).
	pub fn matrix(&self, step: u32) -> Option<&B::Matrix> {
		let current = self.current_step();
		if step > current || (current - step) as usize >= self.window.len() {
			return None;
		}
		self.window.get(Self::slot(self.window.len(), step))?.as_ref()
	}

	/// Number of matrices held in the lag window (never more than `L + 1`; the output buffer is
	/// not counted).
	pub fn resident_matrices(&self) -> usize {
		self.window.iter().filter(|slot| slot.is_some()).count()
	}

	/// Computes `X_{t+1}` from `X_t`, `X_{t−δ_t}` and `R_t`, and returns `ρ_{t+1}`.
	pub fn advance(&mut self) -> Result<Hash, WorkloadError<B::Error>> {
		let t = self.current_step();
		if t >= self.params.steps {
			return Err(WorkloadError::Finished);
		}
		let root_t = *self.step_roots.last().ok_or(WorkloadError::MatrixUnavailable { step: t })?;
		let lag = lag_step(t, &root_t, self.params.lag);
		let window_len = self.window.len();
		self.spare_step = None;
		let mut out = match self.spare.take() {
			Some(buffer) => buffer,
			None => self.backend.allocate(self.params.n).map_err(WorkloadError::Backend)?,
		};
		let x_t = self
			.window
			.get(Self::slot(window_len, t))
			.and_then(Option::as_ref)
			.ok_or(WorkloadError::MatrixUnavailable { step: t })?;
		let x_lag = self
			.window
			.get(Self::slot(window_len, lag))
			.and_then(Option::as_ref)
			.ok_or(WorkloadError::MatrixUnavailable { step: lag })?;
		let r_t = MatrixPrf::additive(&self.seed, self.params.n, t);
		self.backend.step(x_t, x_lag, &r_t, &mut out).map_err(WorkloadError::Backend)?;
		let root_next = self.backend.column_root(t + 1, &out).map_err(WorkloadError::Backend)?;
		let slot = self
			.window
			.get_mut(Self::slot(window_len, t + 1))
			.ok_or(WorkloadError::MatrixUnavailable { step: t + 1 })?;
		// The evicted X_{t+1−len} is not a possible lag of any later step: its buffer becomes the
		// next output. Until then it is kept readable for openings of step t (whose lag it may be).
		self.spare = slot.replace(out);
		self.spare_step = self.spare.as_ref().map(|_| (t + 1).saturating_sub(window_len as u32));
		self.step_roots.push(root_next);
		Ok(root_next)
	}

	/// Runs to step `T` and returns the commitment.
	pub fn run(&mut self) -> Result<Commitment, WorkloadError<B::Error>> {
		while self.current_step() < self.params.steps {
			self.advance()?;
		}
		Ok(Commitment::from_step_roots(self.step_roots.clone()))
	}

	/// Openings for positions at the step just computed (`t = current − 1`: `X_t` and `X_{t+1}`
	/// are in the window, the lag is in the window or is the just-evicted matrix still held as the
	/// spare buffer), in the order given. The column trees of the three matrices are built once
	/// for all positions.
	pub fn open_last_step(
		&mut self,
		commitment: &Commitment,
		positions: &[OpeningPosition],
	) -> Result<Vec<Opening>, WorkloadError<B::Error>> {
		let n = self.params.n;
		let next = self.current_step();
		let t = next.checked_sub(1).ok_or(WorkloadError::PositionOutOfRange)?;
		if positions.iter().any(|position| position.t != t || position.i >= n || position.j >= n) {
			return Err(WorkloadError::PositionOutOfRange);
		}
		if commitment.step_roots().len() != self.params.step_leaf_count() as usize {
			return Err(WorkloadError::CommitmentMismatch);
		}
		let root_t = *self.step_roots.get(t as usize).ok_or(WorkloadError::PositionOutOfRange)?;
		let lag = lag_step(t, &root_t, self.params.lag);

		let window_len = self.window.len();
		let current = next;
		let mut trees = Vec::with_capacity(3);
		for step in [t, lag, next] {
			let in_window = current - step < window_len as u32;
			let matrix = if in_window {
				self.window.get(Self::slot(window_len, step)).and_then(Option::as_ref)
			} else if self.spare_step == Some(step) {
				self.spare.as_ref()
			} else {
				None
			}
			.ok_or(WorkloadError::MatrixUnavailable { step })?;
			let leaves =
				self.backend.column_leaves(step, matrix).map_err(WorkloadError::Backend)?;
			let tree = MerkleTree::from_leaves(leaves);
			let replayed = self.step_roots.get(step as usize);
			if replayed != Some(&tree.root())
				|| commitment.step_roots().get(step as usize) != Some(&tree.root())
			{
				return Err(WorkloadError::ReplayDiverged { step });
			}
			trees.push((step, matrix, tree));
		}
		let [(_, x_t, tree_t), (_, x_lag, tree_lag), (_, x_next, tree_next)] = trees.as_slice()
		else {
			return Err(WorkloadError::MatrixUnavailable { step: t });
		};
		let step_path = |step: u32| {
			commitment.step_path(step).ok_or(WorkloadError::<B::Error>::CommitmentMismatch)
		};
		let (step_path_t, step_path_lag, step_path_next) =
			(step_path(t)?, step_path(lag)?, step_path(next)?);

		let mut openings = Vec::with_capacity(positions.len());
		for position in positions {
			let (i, j) = (position.i, position.j);
			let column_path = |tree: &MerkleTree, index: u32| {
				tree.path(index).ok_or(WorkloadError::<B::Error>::PositionOutOfRange)
			};
			openings.push(Opening {
				t,
				i,
				j,
				col_xt_i: self.backend.read_column(x_t, i).map_err(WorkloadError::Backend)?,
				col_lag_j: self.backend.read_column(x_lag, j).map_err(WorkloadError::Backend)?,
				col_next_j: self.backend.read_column(x_next, j).map_err(WorkloadError::Backend)?,
				path_xt_i: column_path(tree_t, i)?,
				path_lag_j: column_path(tree_lag, j)?,
				path_next_j: column_path(tree_next, j)?,
				root_t: tree_t.root(),
				root_lag: tree_lag.root(),
				root_next: tree_next.root(),
				step_path_t: step_path_t.clone(),
				step_path_lag: step_path_lag.clone(),
				step_path_next: step_path_next.clone(),
			});
		}
		Ok(openings)
	}
}

/// Agent side of a challenge response: replays the chain from the seed (the agent cannot store
/// every step) up to the last step needed and builds one opening per position, in the order
/// given. The replay checks every recomputed step root against `commitment`.
pub fn open_positions<B: ComputeBackend>(
	params: ChallengeParams,
	seed: Hash,
	backend: B,
	commitment: &Commitment,
	positions: &[OpeningPosition],
) -> Result<Vec<Opening>, WorkloadError<B::Error>> {
	params.validate().map_err(|_| WorkloadError::InvalidParams)?;
	if commitment.step_roots().len() != params.step_leaf_count() as usize {
		return Err(WorkloadError::CommitmentMismatch);
	}
	if positions.iter().any(|p| p.t >= params.steps || p.i >= params.n || p.j >= params.n) {
		return Err(WorkloadError::PositionOutOfRange);
	}
	// Visit steps in increasing order so one replay serves all positions.
	let mut order: Vec<(u32, usize)> =
		positions.iter().enumerate().map(|(index, position)| (position.t, index)).collect();
	order.sort_unstable();

	let mut workload = Workload::new(params, seed, backend)?;
	if workload.step_roots().first() != commitment.step_roots().first() {
		return Err(WorkloadError::ReplayDiverged { step: 0 });
	}
	let mut openings: Vec<Option<Opening>> = Vec::new();
	openings.resize_with(positions.len(), || None);
	for group in order.chunk_by(|a, b| a.0 == b.0) {
		let Some(&(t, _)) = group.first() else { continue };
		while workload.current_step() <= t {
			let root = workload.advance()?;
			let step = workload.current_step();
			if commitment.step_roots().get(step as usize) != Some(&root) {
				return Err(WorkloadError::ReplayDiverged { step });
			}
		}
		let group_positions: Vec<OpeningPosition> =
			group.iter().filter_map(|&(_, index)| positions.get(index).copied()).collect();
		let group_openings = workload.open_last_step(commitment, &group_positions)?;
		for (&(_, index), opening) in group.iter().zip(group_openings) {
			if let Some(slot) = openings.get_mut(index) {
				*slot = Some(opening);
			}
		}
	}
	openings.into_iter().collect::<Option<Vec<_>>>().ok_or(WorkloadError::PositionOutOfRange)
}
