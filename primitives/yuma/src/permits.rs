//! Validator permits for the next epoch: the top-k non-zero stakes.

use alloc::vec::Vec;

use crate::types::Uid;

/// Marks the `k` largest non-zero stakes; among equal stakes the lower UID wins. Runs in `O(n)`
/// (linear-time selection under a total order, so the chosen set is unique and deterministic).
pub(crate) fn top_k_nonzero(stake: &[u64], k: u16) -> Vec<bool> {
	let k = usize::from(k);
	let mut permits = alloc::vec![false; stake.len()];
	// (stake, uid) of every candidate; `uid` fits since there are at most 65535 UIDs.
	let mut candidates: Vec<(u64, Uid)> =
		(0..=Uid::MAX).zip(stake).filter(|&(_, &s)| s > 0).map(|(uid, &s)| (s, uid)).collect();
	if k == 0 {
		return permits;
	}
	if candidates.len() > k {
		// Larger stake first, then lower UID: the first k after selection are the winners.
		candidates
			.select_nth_unstable_by(k.saturating_sub(1), |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
		candidates.truncate(k);
	}
	for (_, uid) in candidates {
		if let Some(permit) = permits.get_mut(usize::from(uid)) {
			*permit = true;
		}
	}
	permits
}
