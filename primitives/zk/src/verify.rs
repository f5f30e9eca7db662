//! Single and batch verification against a [`PreparedVk`].

use alloc::{vec, vec::Vec};

use ark_bn254::{Bn254, Fr, G1Affine, G1Projective};
use ark_ec::pairing::{Pairing, PairingOutput};
use ark_ec::{AffineRepr, CurveGroup, PrimeGroup, VariableBaseMSM};
use ark_ff::{PrimeField, Zero};

use crate::encoding::{decode_public_inputs, PublicInputBytes};
use crate::miller::multi_miller_loop;
use crate::prepared::{prepare_g2, G2Lines, PreparedVk};
use crate::proof::{Proof, ProofBytes, PROOF_LEN};
use crate::vk::VkId;
use crate::ZkError;

/// Domain separator of the batch coefficients' transcript.
const BATCH_DOMAIN: &[u8] = b"heliox-zk/groth16-bn254/batch/v1";

fn check_input_count(prepared: &PreparedVk, given: usize) -> Result<(), ZkError> {
	if given == prepared.num_inputs() {
		Ok(())
	} else {
		Err(ZkError::PublicInputCountMismatch)
	}
}

/// Decodes the proof and the inputs strictly and verifies.
///
/// The input count is checked first, then the proof points, then the inputs (each `< r`).
pub fn verify(
	prepared: &PreparedVk,
	proof: &ProofBytes,
	inputs: &[PublicInputBytes],
) -> Result<(), ZkError> {
	check_input_count(prepared, inputs.len())?;
	let proof = Proof::from_bytes(proof)?;
	let inputs = decode_public_inputs(inputs)?;
	verify_proof(prepared, &proof, &inputs)
}

/// Verifies a decoded proof: `L = IC[0] + Σ xᵢ·IC[i]` by one multi-scalar multiplication, then
/// one multi-Miller loop over `(A, B)`, `(L, −γ)`, `(C, −δ)` and one final exponentiation,
/// compared with the cached `e(α, β)`.
pub fn verify_proof(prepared: &PreparedVk, proof: &Proof, inputs: &[Fr]) -> Result<(), ZkError> {
	check_input_count(prepared, inputs.len())?;
	let (ic_base, ic_per_input) = prepared.ic.split_first().ok_or(ZkError::InvalidPreparedKey)?;
	let combined_inputs = G1Projective::msm(ic_per_input, inputs)
		.map_err(|_| ZkError::PublicInputCountMismatch)?
		+ ic_base;
	let b_lines = prepare_g2(proof.b());
	let miller = multi_miller_loop(&[
		(*proof.a(), &b_lines),
		(combined_inputs.into_affine(), &prepared.gamma_g2_neg),
		(*proof.c(), &prepared.delta_g2_neg),
	])?;
	let result = Bn254::final_exponentiation(miller).ok_or(ZkError::VerificationFailed)?;
	if result.0 == prepared.alpha_g1_beta_g2 {
		Ok(())
	} else {
		Err(ZkError::VerificationFailed)
	}
}

/// Verifies many proofs under one key at once (random linear combination).
///
/// With coefficients `r_k` ([`batch_coefficients`]) the `n` equations
/// `e(A_k, B_k) = e(α, β)·e(L_k, γ)·e(C_k, δ)` are combined into
///
/// ```text
/// Π e(r_k·A_k, B_k) · e(Σ r_k·L_k, −γ) · e(Σ r_k·C_k, −δ)  =  e(α, β)^(Σ r_k)
/// ```
///
/// one multi-Miller loop of `n + 2` pairs and one final exponentiation (a batch of one proof
/// takes the plain single check instead). `Σ r_k·L_k` is a single multi-scalar multiplication
/// over `IC` with scalars `Σ r_k` and `Σ r_k·x_{k,i}`.
/// If any proof is invalid the combination still holds for at most one value of a coefficient,
/// so it fails except with probability about `2⁻¹²⁸` per attempt: the coefficients are 128-bit
/// hash outputs fixed only after every proof and input is, and changing anything in the batch
/// draws them all anew.
///
/// Errors: [`ZkError::EmptyBatch`], [`ZkError::BatchTooLarge`] (more than `max_batch_size`),
/// the first decoding or input-count error in item order, or
/// [`ZkError::BatchVerificationFailed`]. The batch says *that* something is wrong, not
/// *which*: call [`verify_each`] to attribute a failure.
pub fn verify_batch<Inputs: AsRef<[PublicInputBytes]>>(
	prepared: &PreparedVk,
	items: &[(ProofBytes, Inputs)],
	max_batch_size: usize,
) -> Result<(), ZkError> {
	if items.is_empty() {
		return Err(ZkError::EmptyBatch);
	}
	if items.len() > max_batch_size {
		return Err(ZkError::BatchTooLarge);
	}
	let mut proofs = Vec::with_capacity(items.len());
	let mut inputs = Vec::with_capacity(items.len());
	for (proof, item_inputs) in items {
		check_input_count(prepared, item_inputs.as_ref().len())?;
		proofs.push(Proof::from_bytes(proof)?);
		inputs.push(decode_public_inputs(item_inputs.as_ref())?);
	}
	if let ([proof], [item_inputs]) = (proofs.as_slice(), inputs.as_slice()) {
		// One proof: the plain check is exact and cheaper than the combination.
		return verify_proof(prepared, proof, item_inputs)
			.map_err(|_| ZkError::BatchVerificationFailed);
	}
	let coefficients = batch_coefficients(&prepared.vk_id, items);
	verify_decoded_batch(prepared, &proofs, &inputs, &coefficients)
}

/// Verifies every item on its own: one result per item, in order. The fallback that finds the
/// bad proofs after [`verify_batch`] failed (it costs a full verification per item).
pub fn verify_each<Inputs: AsRef<[PublicInputBytes]>>(
	prepared: &PreparedVk,
	items: &[(ProofBytes, Inputs)],
) -> Vec<Result<(), ZkError>> {
	items.iter().map(|(proof, inputs)| verify(prepared, proof, inputs.as_ref())).collect()
}

/// The batch coefficients `r_1 … r_n` (Fiat–Shamir, deterministic as consensus needs):
///
/// ```text
/// seed = blake2_256("heliox-zk/groth16-bn254/batch/v1" ‖ vk id ‖ n (u64 LE)
///                   ‖ for each item: proof (256 bytes) ‖ m (u64 LE) ‖ input₁ … inputₘ)
/// r_k  = u128 LE of the first 16 bytes of blake2_256(seed ‖ k (u64 LE)), 0 replaced by 1
/// ```
///
/// Hashing the proofs is right *here* (the coefficients must depend on everything the prover
/// chose); it is statement identifiers that must not hash proofs (see
/// [`crate::statement_id`]). The bytes hashed are canonical because the items were decoded
/// strictly first, so equal batches get equal coefficients.
pub fn batch_coefficients<Inputs: AsRef<[PublicInputBytes]>>(
	vk_id: &VkId,
	items: &[(ProofBytes, Inputs)],
) -> Vec<u128> {
	let input_bytes: usize = items.iter().map(|(_, inputs)| 8 + 32 * inputs.as_ref().len()).sum();
	let mut transcript =
		Vec::with_capacity(BATCH_DOMAIN.len() + 32 + 8 + PROOF_LEN * items.len() + input_bytes);
	transcript.extend_from_slice(BATCH_DOMAIN);
	transcript.extend_from_slice(vk_id);
	transcript.extend_from_slice(&(items.len() as u64).to_le_bytes());
	for (proof, inputs) in items {
		transcript.extend_from_slice(&proof.0);
		transcript.extend_from_slice(&(inputs.as_ref().len() as u64).to_le_bytes());
		for input in inputs.as_ref() {
			transcript.extend_from_slice(input);
		}
	}
	let seed = sp_crypto_hashing::blake2_256(&transcript);
	(0..items.len() as u64).map(|index| coefficient(&seed, index)).collect()
}

fn coefficient(seed: &[u8; 32], index: u64) -> u128 {
	let mut preimage = [0u8; 40];
	preimage[..32].copy_from_slice(seed);
	preimage[32..].copy_from_slice(&index.to_le_bytes());
	let digest = sp_crypto_hashing::blake2_256(&preimage);
	u128::from_le_bytes(core::array::from_fn(|byte| digest[byte])).max(1)
}

/// The combined check of [`verify_batch`] on decoded items.
fn verify_decoded_batch(
	prepared: &PreparedVk,
	proofs: &[Proof],
	inputs: &[Vec<Fr>],
	coefficients: &[u128],
) -> Result<(), ZkError> {
	// ic_scalars[0] = Σ r_k, ic_scalars[i] = Σ r_k·x_{k,i}: then Σ r_k·L_k = MSM(IC, ic_scalars).
	let mut ic_scalars = vec![Fr::zero(); prepared.ic.len()];
	let mut coefficient_scalars = Vec::with_capacity(proofs.len());
	let mut g1_points = Vec::with_capacity(proofs.len() + 2);
	for ((proof, item_inputs), &coefficient) in proofs.iter().zip(inputs).zip(coefficients) {
		let scalar = Fr::from(coefficient);
		if let Some((sum, per_input)) = ic_scalars.split_first_mut() {
			*sum += scalar;
			for (aggregate, input) in per_input.iter_mut().zip(item_inputs) {
				*aggregate += scalar * input;
			}
		}
		coefficient_scalars.push(scalar);
		g1_points.push(proof.a().mul_bigint([coefficient as u64, (coefficient >> 64) as u64]));
	}
	let combined_inputs = G1Projective::msm(&prepared.ic, &ic_scalars)
		.map_err(|_| ZkError::PublicInputCountMismatch)?;
	let c_points: Vec<G1Affine> = proofs.iter().map(|proof| *proof.c()).collect();
	let combined_c = G1Projective::msm(&c_points, &coefficient_scalars)
		.map_err(|_| ZkError::BatchVerificationFailed)?;
	g1_points.push(combined_inputs);
	g1_points.push(combined_c);
	let g1_points = G1Projective::normalize_batch(&g1_points);

	let b_lines: Vec<G2Lines> = proofs.iter().map(|proof| prepare_g2(proof.b())).collect();
	let mut pairs: Vec<(G1Affine, &G2Lines)> = g1_points.iter().copied().zip(&b_lines).collect();
	if let [.., inputs_point, c_point] = g1_points.as_slice() {
		pairs.push((*inputs_point, &prepared.gamma_g2_neg));
		pairs.push((*c_point, &prepared.delta_g2_neg));
	}
	let miller = multi_miller_loop(&pairs)?;
	let result = Bn254::final_exponentiation(miller).ok_or(ZkError::BatchVerificationFailed)?;
	let coefficient_sum = ic_scalars.first().copied().unwrap_or_else(Fr::zero);
	let expected =
		PairingOutput::<Bn254>(prepared.alpha_g1_beta_g2).mul_bigint(coefficient_sum.into_bigint());
	if result == expected {
		Ok(())
	} else {
		Err(ZkError::BatchVerificationFailed)
	}
}
