//! # heliox-yuma: the Yuma consensus epoch, sparse end to end
//!
//! A FRAME-free, `no_std`, float-free implementation of the subnet epoch ("Yuma consensus") of
//! the reference chain (opentensor/subtensor), as a pure function [`run_epoch`] from storage-shaped
//! inputs ([`EpochInputs`], [`EpochParams`]) to storage-shaped outputs ([`EpochOutputs`]).
//!
//! ## The pipeline
//!
//! With `n` UIDs, `S` stake, `W` the validators' weight rows and `B` their bond rows:
//!
//! 1. **Activity.** UID `i` is active iff `last_update[i] + activity_cutoff ≥ current_block`.
//! 2. **Stake.** Stake below `stake_threshold` counts as zero.
//! 3. **Permits.** The epoch uses the permits stored by the previous epoch
//!    ([`EpochInputs::validator_permit`]) and computes the next ones: the top
//!    `max_allowed_validators` non-zero stakes, ties broken by lower UID. *Active stake* is stake
//!    masked by activity and by the previous permit, normalized to sum 1.
//! 4. **Weights.** Rows of UIDs without a permit are dropped, as are self-weights and every `w_ij`
//!    with `last_update[i] ≤ registered_at[j]` (set for a previous holder of UID `j`). Rows are then
//!    normalized to sum 1.
//! 5. **Consensus.** `C_j` is the stake-weighted κ-median of column `j`: the largest value `v`
//!    such that validators holding at least κ of the active stake set a weight `≥ v` on `j`. A
//!    validator that omits `j` sets weight 0 there and its stake counts at value 0.
//! 6. **Clipping.** `W̄_ij = min(W_ij, C_j)`; validator trust is the row sum of `W̄`, server trust
//!    is `rank / prerank` = `(W̄ᵀ S) / (Wᵀ S)`.
//! 7. **Incentive.** `I = normalize(W̄ᵀ S)`.
//! 8. **Bonds penalty.** `W̃ = W − β (W − W̄)`, `β = bonds_penalty / 65535`.
//! 9. **Bonds and dividends** ([`BondsMode`]). Bond columns of UIDs registered at or after the
//!    previous epoch's block are cleared first (they belonged to the previous holder).
//!    * *Classic*: `ΔB = W̃ ∘ S` column-normalized, `B = α ΔB + (1 − α) B_prev` with `B_prev`
//!      column-normalized, `B` column-normalized, `D = normalize(B I)`. Stored bonds are
//!      column-max-upscaled to `u16`.
//!    * *Yuma3*: `B = (1 − α) B_prev + α W̃` per entry with bonds as fractions in `[0, 1]`, where
//!      `α` is fixed or *liquid* (a per-entry sigmoid, [`LiquidAlpha`]); `D_i ∝ S_i Σ_j B̂_ij I_j`
//!      with `B̂` the column-normalized `B`. Stored bonds are the fractions in `u16` scale.
//!
//!    `α = 1 − bonds_moving_average / 10⁶` unless liquid.
//! 10. **Emission.** The owner takes `owner_cut / 65535` of the epoch's emission; the rest is
//!     split `I_j / Σ(I + D)` to servers and `D_i / Σ(I + D)` to validators. If `I` and `D` are all
//!     zero it follows active stake (or, with no active stake, stake). Amounts are whole units
//!     distributed by the largest-remainder method (ties: lower UID, server part first), so they
//!     always add up exactly.
//!
//! ## Example
//!
//! ```
//! use heliox_yuma::{run_epoch, EpochInputs, EpochParams};
//!
//! // UID 0 validates (it holds a permit from the previous epoch); UIDs 1 and 2 are miners.
//! let inputs = EpochInputs {
//!     n: 3,
//!     current_block: 100,
//!     last_epoch_block: 1,
//!     emission: 1_000,
//!     stake: vec![500, 0, 0],
//!     last_update: vec![99, 0, 0],
//!     registered_at: vec![0, 0, 0],
//!     validator_permit: vec![true, false, false],
//!     weights: vec![vec![(1, 65_535), (2, 21_845)], vec![], vec![]],
//!     bonds: vec![vec![], vec![], vec![]],
//! };
//! let params = EpochParams { owner_cut: 0, ..EpochParams::default() };
//! let out = run_epoch(&inputs, &params).unwrap();
//! assert_eq!(out.u16_scores().incentive, vec![0, 49_151, 16_383]); // ¾ and ¼
//! assert_eq!(out.emission, vec![500, 375, 125]); // dividends half, incentive half
//! assert!(out.validator_permit[0]);
//! assert_eq!(out.bonds[0].len(), 2);
//! ```
//!
//! ## Sparse end to end
//!
//! The whole epoch costs `O(nnz · log V + n)` time and `O(nnz + n)` memory, where `nnz` counts the
//! weight and bond entries and `V` the validators: weights live in compressed sparse rows, the
//! median transposes them by a counting sort in `O(nnz + n)` and sorts each column
//! (`O(nnz log V)`), the bond EMA merges each validator's weight row with its bond row, and the
//! permit selection and remainder distribution use linear-time selection. No dense `n × n` matrix
//! and no dense length-`n` row per validator is ever built.
//!
//! **An omitted entry is exactly a zero entry**, everywhere: in the median (a validator's stake
//! still counts, at value 0, toward the κ quantile), and in the bond EMA, where a previous bond on
//! a column the validator no longer sets decays by `1 − α` instead of vanishing (the reference
//! chain's sparse Yuma3 path drops it). A bond is pruned only when its stored `u16` value is 0,
//! so pruning never changes the matrix.
//!
//! ## Determinism and precision
//!
//! No floating point is used outside tests. Values are [`Fixed`] (60 fractional bits, floor
//! rounding) and sums are exact integer sums, so results do not depend on iteration order: the
//! dense reference implementation (module `dense`, built for tests and with the `dense-reference`
//! feature) agrees bit for bit. The weighted median compares raw integer stakes against κ exactly
//! (`65535 · stake ≥ kappa · total`). The liquid-alpha sigmoid uses a range-reduced, division-free
//! Taylor polynomial ([`fixed::exp_neg`], absolute error below 2⁻⁵⁵) and one division, for an
//! absolute error below 2⁻⁵⁴ ≈ 5.6·10⁻¹⁷.
//!
//! ## Differences from the reference chain
//!
//! * Sparse everywhere, and omitted bonds decay (above).
//! * Emission amounts add up exactly (largest remainder) instead of being floored per UID, so a
//!   UID may receive one unit more than the reference's `⌊share · E⌋`.
//! * The median, the permits and the stake fallback work on raw integer stake, exactly; the
//!   reference uses stake normalized to `I32F32`, whose rounding can tip exact-boundary cases.
//! * `u16` bonds are read back rounding up, so an unchanged bond survives a storage round trip
//!   (the reference loses up to one unit per epoch there).
//! * Bond columns are cleared for `registered_at ≥ last_epoch_block` (reference: `>`): the epoch
//!   runs before its block's extrinsics, so a registration in that block came after it.
//! * The subnet-owner special cases of the reference (owner keeps a permit and its self-weight)
//!   are not modelled. Liquid alpha is defined for Yuma3 bonds only, as on the reference chain:
//!   its formula compares a weight with a bond fraction, which classic bonds are not.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// Input data must never be able to panic the runtime.
#![cfg_attr(
	not(test),
	deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

extern crate alloc;

mod alpha;
#[cfg(any(test, feature = "dense-reference"))]
pub mod dense;
mod emission;
mod epoch;
pub mod fixed;
pub mod median;
mod permits;
mod sparse;
mod types;
mod validate;

#[cfg(test)]
mod tests;

pub use epoch::run_epoch;
pub use fixed::Fixed;
pub use types::*;
