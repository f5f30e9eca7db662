//! The cost of liveness per period as a function of the number of GPUs `N` and validators `V`
//! (for the scaling note and the runtime API).
//!
//! With `k = min(probers, V)` probers per GPU each validator covers about `k·N/V` slots, so
//! its ONE report per period carries a bitmap of `⌈k·N/(8V)⌉` bytes plus `E` signed answers of
//! `4 + 64` bytes; all reports together carry about `k·N/8` bytes of bitmaps, against `N·k`
//! transactions of ~190 bytes for one transaction per GPU and prober. A report touches the
//! vote pages of its run (`⌈k·N/(256V)⌉ + 1` pages of [`PAGE_SLOTS`] slots); closing a period
//! touches each of the `⌈N/256⌉` slot pages once.

use crate::PAGE_SLOTS;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// Bytes of a signed transaction around its call: signature (64 + 1), address (32 + 1),
/// era, nonce, tip and the other extensions, call index.
pub const SIGNED_TX_OVERHEAD: u64 = 110;
/// Bytes of one signed answer in a report: bit position (u32) + sr25519 signature.
pub const EVIDENCE_BYTES: u64 = 4 + 64;
/// Bytes of a report besides its bitmap and evidence: period, verifier index, length prefixes.
pub const REPORT_FIXED_BYTES: u64 = 4 + 4 + 4 + 2;
/// Bytes of a one-GPU-per-transaction heartbeat call: GPU id, period, signature.
pub const NAIVE_CALL_BYTES: u64 = 8 + 4 + 64;

/// Measured weights (ref time, picoseconds) the model multiplies out; all zero means "bytes
/// only". The integrator fills these from the benchmarks (`submit_report(b, e)`,
/// `close_period(p)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeightModel {
	/// `submit_report` base.
	pub report_base: u64,
	/// `submit_report` per bit of the bitmap.
	pub report_per_bit: u64,
	/// `submit_report` per signed answer.
	pub report_per_evidence: u64,
	/// `close_period` base.
	pub close_base: u64,
	/// `close_period` per page.
	pub close_per_page: u64,
}

/// The cost of one period.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo,
)]
pub struct PeriodCost {
	/// Probers per GPU `k`.
	pub probers: u32,
	/// Largest bitmap of one report, in bits (`⌈k·N/V⌉`).
	pub bits_per_report: u64,
	/// Bitmap bytes of that report.
	pub bitmap_bytes_per_report: u64,
	/// Signed answers in that report (`min(E, bits)`, all GPUs live).
	pub evidence_per_report: u64,
	/// Evidence bytes of that report.
	pub evidence_bytes_per_report: u64,
	/// Bytes of that report as a signed transaction.
	pub report_tx_bytes: u64,
	/// Reports per period (`V`).
	pub reports: u64,
	/// Bytes of all reports of a period.
	pub total_bytes: u64,
	/// Vote pages one report touches, at most.
	pub pages_per_report: u64,
	/// Slot pages closing the period touches (`⌈N/256⌉`).
	pub pages: u64,
	/// Transactions with one transaction per GPU and prober (`N·k`), for comparison.
	pub naive_txs: u64,
	/// Their bytes.
	pub naive_bytes: u64,
	/// Weight of the largest report (ref time).
	pub report_weight: u64,
	/// Weight of all reports plus the close (ref time).
	pub total_weight: u64,
}

/// The cost of one period with `gpus` monitored GPUs, `validators` verifiers, `probers` probers
/// per GPU and `max_evidence` signed answers per report.
pub fn period_cost(
	gpus: u32,
	validators: u32,
	probers: u32,
	max_evidence: u32,
	weights: &WeightModel,
) -> PeriodCost {
	let n = u64::from(gpus);
	let v = u64::from(validators);
	let k = u64::from(probers.min(validators));
	if v == 0 {
		return PeriodCost::default();
	}
	let bits = (k * n).div_ceil(v);
	let bitmap_bytes = bits.div_ceil(8);
	let evidence = u64::from(max_evidence).min(bits);
	let evidence_bytes = evidence * EVIDENCE_BYTES;
	let report_tx_bytes = SIGNED_TX_OVERHEAD + REPORT_FIXED_BYTES + bitmap_bytes + evidence_bytes;
	let page = u64::from(PAGE_SLOTS);
	let pages = n.div_ceil(page);
	let pages_per_report = if bits == 0 { 0 } else { (bits.div_ceil(page) + 1).min(pages) };
	let report_weight = weights
		.report_base
		.saturating_add(weights.report_per_bit.saturating_mul(bits))
		.saturating_add(weights.report_per_evidence.saturating_mul(evidence));
	let close_weight =
		weights.close_base.saturating_add(weights.close_per_page.saturating_mul(pages));
	PeriodCost {
		probers: k as u32,
		bits_per_report: bits,
		bitmap_bytes_per_report: bitmap_bytes,
		evidence_per_report: evidence,
		evidence_bytes_per_report: evidence_bytes,
		report_tx_bytes,
		reports: v,
		total_bytes: report_tx_bytes * v,
		pages_per_report,
		pages,
		naive_txs: n * k,
		naive_bytes: n * k * (SIGNED_TX_OVERHEAD + NAIVE_CALL_BYTES),
		report_weight,
		total_weight: report_weight.saturating_mul(v).saturating_add(close_weight),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hundred_thousand_gpus_hundred_validators() {
		let c = period_cost(100_000, 100, 3, 8, &WeightModel::default());
		assert_eq!(c.probers, 3);
		assert_eq!(c.bits_per_report, 3_000);
		assert_eq!(c.bitmap_bytes_per_report, 375);
		assert_eq!(c.evidence_bytes_per_report, 544);
		assert_eq!(c.report_tx_bytes, 110 + 14 + 375 + 544);
		assert_eq!(c.total_bytes, 104_300);
		assert_eq!(c.pages, 391);
		assert_eq!(c.pages_per_report, 13);
		assert_eq!(c.naive_txs, 300_000);
		assert_eq!(c.naive_bytes, 55_800_000);
		assert!(c.naive_bytes > 50 * c.total_bytes);
	}

	#[test]
	fn thousand_gpus_and_edges() {
		let c = period_cost(1_000, 100, 3, 8, &WeightModel::default());
		assert_eq!(c.bits_per_report, 30);
		assert_eq!(c.bitmap_bytes_per_report, 4);
		assert_eq!((c.evidence_bytes_per_report, c.report_tx_bytes), (544, 672));
		assert_eq!((c.total_bytes, c.naive_txs, c.naive_bytes), (67_200, 3_000, 558_000));
		assert_eq!(c.pages, 4);
		assert_eq!(c.pages_per_report, 2);
		assert_eq!(period_cost(10, 0, 3, 8, &WeightModel::default()), PeriodCost::default());
		let c = period_cost(0, 10, 3, 8, &WeightModel::default());
		assert_eq!((c.bits_per_report, c.pages, c.pages_per_report), (0, 0, 0));
		// One validator: k = 1, it covers everything.
		let c = period_cost(1_000, 1, 3, 8, &WeightModel::default());
		assert_eq!((c.probers, c.bits_per_report), (1, 1_000));
	}

	#[test]
	fn weights_multiply_out() {
		let w = WeightModel {
			report_base: 1_000,
			report_per_bit: 2,
			report_per_evidence: 100,
			close_base: 10,
			close_per_page: 5,
		};
		let c = period_cost(1_000, 100, 3, 8, &w);
		assert_eq!(c.report_weight, 1_000 + 60 + 800);
		assert_eq!(c.total_weight, 1_860 * 100 + 10 + 20);
	}
}
