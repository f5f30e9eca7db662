//! Who is opened, and by whom: the sampled set of an epoch and the verifiers assigned to a GPU.
//!
//! The sampled set depends only on the epoch's **beacon**, randomness fixed by a block after
//! the commit deadline. So when an agent does (or skips) its work it cannot know whether it will
//! be opened at all (probability `q` = [`is_sampled`]'s fraction): a cheater must bet on not
//! being among the `q·N` sampled GPUs.
//!
//! The assigned verifiers are drawn from the epoch's **start** randomness `R_e` (the Heliox
//! runtime passes it as the `beacon` argument of [`assign_verifiers`]), because they are the
//! ones who collect the GPU's signed commit at its deadline, before the beacon. Knowing them
//! early does not help a cheater: a single honest assigned verifier that receives a wrong
//! opening holds a fraud proof that slashes on its own, whatever the others vote; escaping
//! needs all `k` of them to collude.
//!
//! * [`is_sampled`]`(beacon, g, q)`: `H("…/sampled" ‖ beacon ‖ g)` as a 64-bit fraction `< q`.
//! * [`assign_verifiers`]`(r, g, V, k)`: `k` distinct indices into the verifier set of size
//!   `V`, a partial Fisher–Yates shuffle driven by `H("…/assign" ‖ r ‖ g ‖ s)`, so every
//!   `k`-subset is (up to a `< V/2⁶⁴` bias) equally likely.
//! * [`quorum`]`(k) = ⌈2k/3⌉` of the assigned verifiers settle a verdict.

use alloc::{collections::BTreeMap, vec::Vec};

use sp_crypto_hashing::blake2_256;

use crate::{domain, GpuId, Hash};

/// Parts per billion: the unit of the sampled fraction `q` (as `Perbill`).
pub const PPB: u32 = 1_000_000_000;

/// Most verifiers assigned to one GPU (their votes are a `u64` bitmap).
pub const MAX_ASSIGNED: u32 = 64;

fn word(prefix: &[u8], beacon: &Hash, gpu: GpuId, extra: &[u8]) -> u64 {
	let mut input = Vec::with_capacity(prefix.len() + 32 + 8 + extra.len());
	input.extend_from_slice(prefix);
	input.extend_from_slice(beacon);
	input.extend_from_slice(&gpu.to_le_bytes());
	input.extend_from_slice(extra);
	let digest = blake2_256(&input);
	let mut bytes = [0u8; 8];
	bytes.copy_from_slice(&digest[..8]);
	u64::from_le_bytes(bytes)
}

/// Whether GPU `gpu` is opened this epoch: `H(beacon ‖ gpu)·10⁹/2⁶⁴ < fraction_ppb`. A fraction
/// of `10⁹` or more samples every GPU, `0` none.
pub fn is_sampled(beacon: &Hash, gpu: GpuId, fraction_ppb: u32) -> bool {
	if fraction_ppb >= PPB {
		return true;
	}
	let draw = word(domain::SAMPLED, beacon, gpu, &[]);
	// ⌊draw·10⁹ / 2⁶⁴⌋ is uniform over 0..10⁹ up to a 10⁹/2⁶⁴ bias.
	let scaled = ((u128::from(draw) * u128::from(PPB)) >> 64) as u32;
	scaled < fraction_ppb
}

/// The verifiers assigned to `gpu`: `min(k, verifier_count, MAX_ASSIGNED)` distinct indices in
/// `0..verifier_count`, in assignment-slot order (slot `s` is the `s`-th element).
pub fn assign_verifiers(beacon: &Hash, gpu: GpuId, verifier_count: u32, k: u32) -> Vec<u32> {
	let picks = k.min(verifier_count).min(MAX_ASSIGNED);
	// Partial Fisher–Yates over the virtual array 0..V: `swapped` holds the displaced entries.
	let mut swapped: BTreeMap<u32, u32> = BTreeMap::new();
	let mut out = Vec::with_capacity(picks as usize);
	for slot in 0..picks {
		let remaining = u64::from(verifier_count - slot);
		let offset = (word(domain::ASSIGN, beacon, gpu, &slot.to_le_bytes()) % remaining) as u32;
		let target = slot + offset;
		let at_target = swapped.get(&target).copied().unwrap_or(target);
		let at_slot = swapped.get(&slot).copied().unwrap_or(slot);
		swapped.insert(target, at_slot);
		out.push(at_target);
	}
	out
}

/// The assignment slot of verifier `verifier_index` for `gpu`, if it is assigned.
pub fn verifier_slot(
	beacon: &Hash,
	gpu: GpuId,
	verifier_count: u32,
	k: u32,
	verifier_index: u32,
) -> Option<u32> {
	assign_verifiers(beacon, gpu, verifier_count, k)
		.iter()
		.position(|&index| index == verifier_index)
		.map(|slot| slot as u32)
}

/// Votes needed to settle a verdict among `assigned` verifiers: `⌈2·assigned/3⌉` (at least 1).
pub fn quorum(assigned: u32) -> u32 {
	(2 * assigned).div_ceil(3).max(1)
}
