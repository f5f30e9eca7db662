//! Verdicts of verifiers and their tally.
//!
//! A verifier assigned to a sampled GPU fetches its openings and reports one [`Verdict`]:
//!
//! * [`Verdict::Pass`]: every opening verified against the commitment on chain;
//! * [`Verdict::Fail`]: an opening was **fraud** (`EntryMismatch` after valid paths): the
//!   verifier also submits the signed opening as a fraud proof, which alone leads to a slash;
//! * [`Verdict::NoResponse`]: no commitment on chain, no answer, or an answer that is not a valid
//!   response (bad signature, wrong count, wrong positions, a path that does not verify).
//!
//! [`Tally`] counts the votes of the `k` assigned verifiers (one vote per assignment slot) and
//! settles the GPU's epoch as soon as [`quorum`]`(k)` of them agree that it
//! [`Passed`](Outcome::Passed), or that it did not (Fail and NoResponse votes together:
//! [`Outcome::Missed`]). A verdict needs no trust in one verifier: `Pass` needs a 2/3 quorum,
//! `Missed` only counts toward suspension after repeated epochs, and slashing needs a fraud proof
//! the runtime re-checks.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{quorum, MAX_ASSIGNED};

/// One verifier's verdict on one sampled GPU (SCALE: one byte, `0`, `1`, `2`).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Verdict {
	/// All sampled openings verified.
	Pass,
	/// A signed opening was fraudulent (the verifier submits it as a fraud proof too).
	Fail,
	/// No commitment, no answer, or an invalid answer.
	NoResponse,
}

/// How a GPU's epoch was settled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Outcome {
	/// A quorum of assigned verifiers verified the openings.
	Passed,
	/// A quorum of assigned verifiers got no valid answer (or a fraudulent one).
	Missed,
}

/// Why a vote was not counted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TallyError {
	/// The slot is not below the number of assigned verifiers (or above [`MAX_ASSIGNED`]).
	SlotOutOfRange,
	/// This slot already voted.
	AlreadyVoted,
}

/// The votes on one GPU in one epoch.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally {
	/// `Pass` votes.
	pub pass: u8,
	/// `Fail` votes.
	pub fail: u8,
	/// `NoResponse` votes.
	pub no_response: u8,
	/// Bit `s` set: assignment slot `s` voted.
	pub voted: u64,
	/// The settled outcome, once a quorum agreed.
	pub outcome: Option<Outcome>,
}

impl Tally {
	/// Votes so far.
	pub fn votes(&self) -> u32 {
		u32::from(self.pass) + u32::from(self.fail) + u32::from(self.no_response)
	}

	/// Counts the vote of assignment slot `slot` among `assigned` verifiers. Returns the outcome
	/// if this vote settled the epoch (only the first time a quorum is reached).
	pub fn record(
		&mut self,
		slot: u32,
		verdict: Verdict,
		assigned: u32,
	) -> Result<Option<Outcome>, TallyError> {
		if slot >= assigned.min(MAX_ASSIGNED) {
			return Err(TallyError::SlotOutOfRange);
		}
		let bit = 1u64 << slot;
		if self.voted & bit != 0 {
			return Err(TallyError::AlreadyVoted);
		}
		self.voted |= bit;
		// At most 64 slots, so the counters cannot overflow a u8.
		match verdict {
			Verdict::Pass => self.pass = self.pass.saturating_add(1),
			Verdict::Fail => self.fail = self.fail.saturating_add(1),
			Verdict::NoResponse => self.no_response = self.no_response.saturating_add(1),
		}
		if self.outcome.is_some() {
			return Ok(None);
		}
		let needed = quorum(assigned);
		let missed = u32::from(self.fail) + u32::from(self.no_response);
		self.outcome = if u32::from(self.pass) >= needed {
			Some(Outcome::Passed)
		} else if missed >= needed {
			Some(Outcome::Missed)
		} else {
			None
		};
		Ok(self.outcome)
	}

	/// Internal consistency: one counted vote per set bit, and an outcome only with a quorum.
	pub fn is_consistent(&self, assigned: u32) -> bool {
		let needed = quorum(assigned);
		let missed = u32::from(self.fail) + u32::from(self.no_response);
		let outcome_ok = match self.outcome {
			None => u32::from(self.pass) < needed && missed < needed,
			Some(Outcome::Passed) => u32::from(self.pass) >= needed,
			Some(Outcome::Missed) => missed >= needed,
		};
		self.voted.count_ones() == self.votes()
			&& (assigned >= 64 || self.voted >> assigned.min(63) == 0)
			&& outcome_ok
	}
}
