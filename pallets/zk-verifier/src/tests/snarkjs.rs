//! A real circom/snarkjs proof of a small ML circuit (a dense layer, 4 inputs → 2 outputs with a
//! model commitment) goes through the pallet: the converter output registers and attests.

use frame_support::{assert_noop, assert_ok};
use heliox_zk::snarkjs::{proof_from_json, public_inputs_from_json, verifying_key_from_json};

use super::*;

macro_rules! fixture {
	($file:literal) => {
		include_str!(concat!(
			env!("CARGO_MANIFEST_DIR"),
			"/../../primitives/zk/fixtures/dense_layer/",
			$file
		))
	};
}

#[test]
fn a_snarkjs_dense_layer_proof_is_attested() {
	build_and_execute(|| {
		let vk = verifying_key_from_json(fixture!("verification_key.json")).unwrap();
		// Public signals: y[0], y[1], model_commitment, x[0..4].
		let layout = ZkmlLayout {
			model_commitment: Some(2),
			input_commitment: Some(3),
			output_commitment: Some(0),
		};
		assert_ok!(ZkVerifier::register_vk(
			RuntimeOrigin::signed(ALICE),
			vk_bytes(vk.0.clone()),
			layout
		));
		let vk_id = heliox_zk::vk_id_of_bytes(&vk.0);
		for (proof, public) in [
			(fixture!("proof.json"), fixture!("public.json")),
			(fixture!("proof2.json"), fixture!("public2.json")),
		] {
			let proof = proof_from_json(proof).unwrap();
			let values = public_inputs_from_json(public).unwrap();
			assert_ok!(ZkVerifier::submit_attestation(
				RuntimeOrigin::signed(BOB),
				vk_id,
				Box::new(proof),
				inputs(values.clone()),
				meta(b"dense_layer")
			));
			let statement = heliox_zk::statement_id(&vk_id, &values).unwrap();
			let attestation = Attestations::<Test>::get(statement).unwrap();
			assert_eq!(attestation.model_commitment, Some(values[2]));
		}
		// Swapping the outputs of the first proof is a different, false statement.
		let proof = proof_from_json(fixture!("proof.json")).unwrap();
		let mut values = public_inputs_from_json(fixture!("public.json")).unwrap();
		values.swap(0, 1);
		assert_noop!(
			ZkVerifier::submit_attestation(
				RuntimeOrigin::signed(BOB),
				vk_id,
				Box::new(proof),
				inputs(values),
				meta(b"")
			),
			Error::<Test>::VerificationFailed
		);
	});
}
