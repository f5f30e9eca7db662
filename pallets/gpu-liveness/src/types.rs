//! Bounded, `MaxEncodedLen` storage and call types.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_gpu_liveness::{SlotRecord, PAGE_SLOTS};
use scale_info::TypeInfo;

/// One page of slot histories: slot `page * 256 + i` is entry `i` (`None`: free).
pub type SlotPage = [Option<SlotRecord>; PAGE_SLOTS as usize];

/// One page of vote counters of a period: votes of slot `page * 256 + i` are entry `i`.
pub type VotePage = [u8; PAGE_SLOTS as usize];

/// The snapshot taken when a period starts; everything a report is checked against.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct PeriodInfo<T: Config> {
	/// Period index (`start / LivenessPeriod`).
	pub index: u32,
	/// First block of the period.
	pub start: BlockNumberFor<T>,
	/// Randomness of the period: rotation, permutation, evidence positions and nonces.
	pub seed: [u8; 32],
	/// Slots `0..slots` in use when the period started (`N`).
	pub slots: u32,
	/// Probers per slot `k = min(ProbersPerGpu, V)`.
	pub probers: u32,
	/// Signed answers a report must carry, at most (`MaxEvidence` when the period started).
	pub evidence: u32,
	/// The verifiers' `gpuv` keys; a report names its verifier by index in this list.
	pub verifiers: BoundedVec<T::AuthorityId, T::MaxVerifiers>,
}

/// [`PeriodInfo`] of a runtime.
pub type PeriodInfoOf<T> = PeriodInfo<T>;

/// `ceil(MaxReportBits / 8)`: the largest report bitmap in bytes.
pub struct MaxReportBytes<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxReportBytes<T> {
	fn get() -> u32 {
		T::MaxReportBits::get().div_ceil(8)
	}
}

/// `ceil(MaxVerifiers / 8)`: the bitset of verifiers that reported in a period.
pub struct MaxVerifierBytes<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxVerifierBytes<T> {
	fn get() -> u32 {
		T::MaxVerifiers::get().div_ceil(8)
	}
}

/// One validator's report for one period.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct LivenessReport<T: Config> {
	/// The period reported on.
	pub period: u32,
	/// Index of the reporting verifier in the period's verifier list.
	pub verifier_index: u32,
	/// One bit per slot of the verifier's run (LSB-first, bit `i` = `i`-th slot of the run),
	/// set when the agent answered with a valid signature; padding bits zero.
	pub bits: BoundedVec<u8, MaxReportBytes<T>>,
	/// The signed answers `heliox_gpu_liveness::required_evidence` asks for: (bit, signature),
	/// in that order.
	pub evidence: BoundedVec<(u32, [u8; 64]), T::MaxEvidence>,
}

/// [`LivenessReport`] of a runtime.
pub type ReportOf<T> = LivenessReport<T>;

/// What the runtime API tells about the current period.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PeriodSummary<BlockNumber> {
	/// Index of the current period (0 before the first period).
	pub index: u32,
	/// Its first block.
	pub start: BlockNumber,
	/// Its slots `N`.
	pub slots: u32,
	/// Its verifiers `V`.
	pub verifiers: u32,
	/// GPUs monitored now.
	pub monitored: u32,
}
