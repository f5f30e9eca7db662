//! The queries behind the runtime API.

use frame_support::assert_ok;

use super::*;

#[test]
fn check_proof_is_a_dry_run_of_submit() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id =
			register(ALICE, &key, ZkmlLayout { output_commitment: Some(1), ..Default::default() });
		let (proof, values) = proven(&key, 0);
		let statement = heliox_zk::statement_id(&vk_id, &values).unwrap();
		assert_eq!(ZkVerifier::check_proof(&vk_id, &proof, &values), Ok(statement));
		assert_eq!(AttestationCount::<Test>::get(), 0, "a check records nothing");
		assert_eq!(
			ZkVerifier::check_proof(&[1; 32], &proof, &values),
			Err(CheckError::UnknownVerifyingKey)
		);
		let mut wrong = values.clone();
		wrong[0][0] ^= 1;
		assert_eq!(
			ZkVerifier::check_proof(&vk_id, &proof, &wrong),
			Err(CheckError::Zk(heliox_zk::ZkError::VerificationFailed))
		);
		assert_eq!(
			ZkVerifier::check_proof(&vk_id, &proof, &values[..1]),
			Err(CheckError::Zk(heliox_zk::ZkError::PublicInputCountMismatch))
		);
		assert_ok!(ZkVerifier::submit_attestation(
			RuntimeOrigin::signed(BOB),
			vk_id,
			Box::new(proof),
			inputs(values.clone()),
			meta(b"card")
		));
		assert_eq!(
			ZkVerifier::check_proof(&vk_id, &proof, &values),
			Err(CheckError::DuplicateStatement)
		);
		assert_eq!(ZkVerifier::statement_id(&vk_id, &values), Some(statement));
		let view = ZkVerifier::attestation_view(&statement).unwrap();
		assert_eq!(view.statement, statement);
		assert_eq!(view.output_commitment, Some(values[1]));
		assert_eq!(view.meta, b"card".to_vec());
		assert_eq!(ZkVerifier::attestation_count(), 1);
		assert_eq!(ZkVerifier::verifying_key(&vk_id).unwrap().attestations, 1);
		assert_eq!(ZkVerifier::verifying_key_bytes(&vk_id), Some(key.verifying_key_bytes()));
		assert!(ZkVerifier::attestation_view(&[0; 32]).is_none());
	});
}
