//! Groth16 verification over BN254 for Heliox, strict and canonical (FRAME-free, `no_std`).
//!
//! # What a Groth16 proof shows
//!
//! A circuit (an R1CS) is compiled once into a *verifying key*: points α ∈ G1, β, γ, δ ∈ G2
//! and `IC[0..=n]` ∈ G1, one `IC` point per public input plus `IC[0]`. A proof is three points
//! `A, C ∈ G1`, `B ∈ G2`. For public inputs `x₁ … xₙ` (scalars mod `r`) the verifier forms
//! `L = IC[0] + Σ xᵢ·IC[i]` and accepts when
//!
//! ```text
//! e(A, B) = e(α, β) · e(L, γ) · e(C, δ)
//! ```
//!
//! The pairing `e` is what makes this a check on the hidden witness; the public inputs enter
//! only through `L`. This crate computes it as one multi-Miller loop over
//! `(A, B), (L, −γ), (C, −δ)` and one final exponentiation, compared with `e(α, β)` cached in
//! a [`PreparedVk`]; [`verify_batch`] folds many proofs under one key into one such check.
//!
//! # Why decoding is strict
//!
//! Everything a user submits is decoded so that every value has exactly one accepted
//! encoding and every point is a legitimate group element ([`encoding`] has the layouts):
//!
//! - points must be on the curve and in the prime-order subgroup. G1 of BN254 is the whole
//!   curve, but G2 has a huge cofactor: a point outside the subgroup makes the pairing
//!   equation meaningless (and batch verification unsound), so G2 is checked explicitly;
//! - the point at infinity is refused for `A`, `B`, `C`, α, β, γ, δ;
//! - public inputs must be `< r` and are never reduced: otherwise `x` and `x + r` are two
//!   byte strings for one statement, which double-spends anything keyed on the input bytes;
//! - flag bits must match the point, lengths must be exact, trailing bytes are refused, so a
//!   verifying key has one encoding and one id ([`vk_id`]).
//!
//! Keys are checked before registration ([`validate_vk`]): γ = ±δ or δ = the G2 generator
//! (a setup whose phase 2 was skipped) let anyone forge proofs. γ = the generator alone is
//! accepted: snarkjs writes it into every key it produces.
//!
//! # Why a statement must not be identified by its proof
//!
//! Groth16 proofs are malleable: from one valid proof anyone can compute other valid proofs
//! of the same statement. A "used proofs" set or nullifier keyed on the proof bytes is
//! therefore bypassed by re-randomising the proof. Key such things on the statement —
//! [`statement_id`] hashes the key id and the (canonical) public inputs only.
//!
//! # What a verifying key binds
//!
//! A key fixes a circuit, not a model: if model weights are private witness values, any
//! weights satisfy the same key. A proof only attests to a given model when a public input
//! carries a commitment to it (or the weights are constants of the circuit).
//!
//! # Costs
//!
//! Encodings: proof 256 bytes ([`PROOF_LEN`]), verifying key `520 + 64·n` bytes
//! ([`verifying_key_len`]), prepared key `33_897 + 64·n` bytes ([`prepared_vk_len`], mostly
//! the Miller-loop line coefficients of −γ and −δ). A verification is an `n`-point MSM, the
//! preparation of `B`, a 3-pair multi-Miller loop and a final exponentiation; a batch of `k`
//! proofs costs `k + 2` Miller-loop pairs sharing one accumulator (one set of `Fq12`
//! squarings, not one per four pairs as arkworks' loop does) and one final exponentiation.
//!
//! Arithmetic in unoptimised builds is 20–50× slower; workspaces that run these checks in
//! debug builds or tests should set `opt-level = 3` for `ark-ff`, `ark-ec`, `ark-bn254`,
//! `ark-serialize`, `ark-std`, `ark-poly` and `ark-groth16` under `[profile.dev.package]`.
//!
//! # Features
//!
//! `std` (default) adds the [`snarkjs`] JSON converter and conversions from and to
//! `ark-groth16` types. Without it the crate builds for `wasm32v1-none`.
//!
//! `host` adds the native host functions ([`host`], registered by the node) and the
//! [`NativeHost`] backend that calls them from a runtime; [`InRuntime`] runs the same code
//! inside the caller. Both implement [`Groth16Backend`], the byte-level interface a pallet uses.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod backend;
pub mod encoding;
mod error;
#[cfg(feature = "host")]
pub mod host;
mod miller;
mod prepared;
mod proof;
#[cfg(feature = "std")]
pub mod snarkjs;
#[cfg(feature = "synthetic-keys")]
pub mod synthetic;
mod verify;
mod vk;

pub use ark_bn254::{Fq, Fr, G1Affine, G2Affine};
#[cfg(feature = "host")]
pub use backend::NativeHost;
pub use backend::{Groth16Backend, InRuntime};
pub use encoding::{decode_public_inputs, decode_scalar, encode_scalar, PublicInputBytes};
pub use error::ZkError;
pub use prepared::{
	prepared_vk_len, PreparedVk, G2_LINE_COEFFICIENTS, GT_LEN, PREPARED_VK_FORMAT_VERSION,
};
pub use proof::{Proof, ProofBytes, PROOF_LEN};
pub use verify::{batch_coefficients, verify, verify_batch, verify_each, verify_proof};
pub use vk::{
	check_input_count, declared_input_count, statement_id, validate_vk, verifying_key_len, vk_id,
	vk_id_of_bytes, VerifyingKey, VerifyingKeyBytes, VkId, VK_HEADER_LEN,
};
