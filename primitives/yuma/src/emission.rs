//! Splitting the epoch's emission into whole units that add up exactly.

use alloc::vec::Vec;

use crate::fixed::Fixed;

/// The emission of one epoch, in whole units.
pub(crate) struct EmissionSplit {
	/// The subnet owner's cut.
	pub owner: u64,
	/// Per UID, as a server.
	pub server: Vec<u64>,
	/// Per UID, as a validator.
	pub validator: Vec<u64>,
	/// What nobody could receive (no scores and no stake at all).
	pub undistributed: u64,
}

/// Owner cut first, then the rest in proportion to incentive (server parts) and dividends
/// (validator parts), i.e. `I_j / Σ(I + D)` and `D_i / Σ(I + D)`. With `I` and `D` all zero the
/// rest follows `active_stake` as validator parts, or `stake` when no stake is active.
pub(crate) fn split_emission(
	total: u64,
	owner_cut: u16,
	incentive: &[Fixed],
	dividends: &[Fixed],
	active_stake: &[u64],
	stake: &[u64],
) -> EmissionSplit {
	let owner_units = u128::from(total) * u128::from(owner_cut) / u128::from(u16::MAX);
	let owner = u64::try_from(owner_units).unwrap_or(total).min(total);
	let to_uids = total.saturating_sub(owner);
	let n = incentive.len();

	let incentive_bits: Vec<u64> = incentive.iter().map(|v| v.to_bits()).collect();
	let dividend_bits: Vec<u64> = dividends.iter().map(|v| v.to_bits()).collect();
	let no_servers = alloc::vec![0u64; n];
	let (server_weights, validator_weights): (&[u64], &[u64]) =
		if has_positive(&incentive_bits) || has_positive(&dividend_bits) {
			(&incentive_bits, &dividend_bits)
		} else if has_positive(active_stake) {
			(&no_servers, active_stake)
		} else {
			(&no_servers, stake)
		};
	let (server, validator, undistributed) =
		largest_remainder(to_uids, server_weights, validator_weights);
	EmissionSplit { owner, server, validator, undistributed }
}

fn has_positive(values: &[u64]) -> bool {
	values.iter().any(|&v| v > 0)
}

/// Divides `amount` among the parts in proportion to their weights by the largest-remainder
/// (Hamilton) method: everyone gets `⌊amount · w / Σw⌋`, and the `L < #parts` units left over go,
/// one each, to the parts with the largest remainders (ties: lower UID, server part before validator
/// part). Each share is therefore the floor or the ceiling of its exact value and the shares add up
/// to `amount` exactly. All zero weights: nothing is distributed (third value = `amount`).
///
/// `amount · w < 2¹²⁸` because both are `u64`, so quotients and remainders are exact. `O(n)`.
fn largest_remainder(
	amount: u64,
	server_weights: &[u64],
	validator_weights: &[u64],
) -> (Vec<u64>, Vec<u64>, u64) {
	let total_weight: u128 =
		server_weights.iter().chain(validator_weights).map(|&w| u128::from(w)).sum();
	let mut server = alloc::vec![0u64; server_weights.len()];
	let mut validator = alloc::vec![0u64; validator_weights.len()];
	if total_weight == 0 {
		return (server, validator, amount);
	}
	let amount_wide = u128::from(amount);
	let mut distributed: u128 = 0;
	// (remainder, part id) with part id = 2·uid + (0 server | 1 validator), so ordering by part id
	// is "lower UID first, server part first".
	let mut remainders: Vec<(u128, u32)> = Vec::new();
	let parts = [(&mut server, server_weights, 0u32), (&mut validator, validator_weights, 1u32)];
	for (shares, weights, kind) in parts {
		for ((share, &weight), uid) in shares.iter_mut().zip(weights).zip(0u32..) {
			if weight == 0 {
				continue;
			}
			let product = amount_wide * u128::from(weight);
			let quotient = product / total_weight; // ≤ amount, fits u64
			*share = u64::try_from(quotient).unwrap_or(u64::MAX);
			distributed = distributed.saturating_add(quotient);
			remainders.push((product % total_weight, uid.saturating_mul(2).saturating_add(kind)));
		}
	}
	let leftover = usize::try_from(amount_wide.saturating_sub(distributed)).unwrap_or(usize::MAX);
	if leftover > 0 && leftover <= remainders.len() {
		let by_priority = |a: &(u128, u32), b: &(u128, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
		if leftover < remainders.len() {
			remainders.select_nth_unstable_by(leftover.saturating_sub(1), by_priority);
		}
		for &(_, part) in remainders.iter().take(leftover) {
			let shares = if part % 2 == 0 { &mut server } else { &mut validator };
			if let Some(share) = shares.get_mut(usize::try_from(part / 2).unwrap_or(usize::MAX)) {
				*share = share.saturating_add(1);
			}
		}
	}
	(server, validator, 0)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn largest_remainder_adds_up_and_breaks_ties_by_uid() {
		// 10 units over three equal servers: 3 each, the spare unit to UID 0.
		let (server, validator, rest) = largest_remainder(10, &[1, 1, 1], &[0, 0, 0]);
		assert_eq!((server, validator, rest), (vec![4, 3, 3], vec![0, 0, 0], 0));
		// Largest remainder wins over lower UID: exact shares 1.4, 2.8, 5.6 → 1, 3, 6.
		let (server, _, _) = largest_remainder(10, &[1, 2, 4], &[0, 0, 0]);
		assert_eq!(server, vec![1, 3, 6]);
		// Server part of a UID before its validator part on equal remainders.
		let (server, validator, _) = largest_remainder(1, &[1, 0], &[1, 0]);
		assert_eq!((server, validator), (vec![1, 0], vec![0, 0]));
		// Nothing to weigh by: everything stays undistributed.
		assert_eq!(largest_remainder(7, &[0], &[0]), (vec![0], vec![0], 7));
		// Extreme amounts and weights do not overflow.
		let (server, validator, _) = largest_remainder(u64::MAX, &[u64::MAX, 1], &[u64::MAX, 0]);
		assert_eq!(
			server.iter().chain(&validator).map(|&v| u128::from(v)).sum::<u128>(),
			u128::from(u64::MAX)
		);
	}
}
