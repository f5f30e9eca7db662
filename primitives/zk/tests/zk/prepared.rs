//! The prepared key's storage encoding.

use ark_bn254::G2Affine;
use ark_ec::{bn::G2Prepared, AffineRepr};
use heliox_zk::{
	prepared_vk_len, verify, verify_batch, PreparedVk, ZkError, G2_LINE_COEFFICIENTS,
	PREPARED_VK_FORMAT_VERSION,
};

use crate::support;

#[test]
fn line_coefficient_count_matches_arkworks() {
	let prepared = G2Prepared::<ark_bn254::Config>::from(G2Affine::generator());
	assert_eq!(prepared.ell_coeffs.len(), G2_LINE_COEFFICIENTS);
	assert_eq!(G2_LINE_COEFFICIENTS, 87);
	assert_eq!(prepared_vk_len(0), 33_897);
	assert_eq!(prepared_vk_len(1), 33_961);
	assert_eq!(prepared_vk_len(16), 34_921);
	assert_eq!(prepared_vk_len(64), 37_993);
}

#[test]
fn storage_encoding_round_trips_and_verifies() {
	for fixture in [support::mul(), support::neuron()] {
		let bytes = fixture.prepared.to_storage_bytes();
		assert_eq!(bytes.len(), prepared_vk_len(fixture.vk.num_inputs() as u32));
		assert_eq!(bytes[0], PREPARED_VK_FORMAT_VERSION);
		let decoded = PreparedVk::from_storage_bytes(&bytes).expect("own encoding");
		assert_eq!(decoded, fixture.prepared);
		assert_eq!(decoded.to_storage_bytes(), bytes);
		let statement = &fixture.statements[0];
		assert_eq!(verify(&decoded, &statement.proof_bytes(), &statement.input_bytes()), Ok(()));
		assert_eq!(verify_batch(&decoded, &fixture.items(), 8), Ok(()));
	}
}

#[test]
fn malformed_storage_encodings_are_refused() {
	let bytes = support::mul().prepared.to_storage_bytes();
	let mut wrong_version = bytes.clone();
	wrong_version[0] = 2;
	assert_eq!(
		PreparedVk::from_storage_bytes(&wrong_version),
		Err(ZkError::UnsupportedFormatVersion)
	);
	assert_eq!(
		PreparedVk::from_storage_bytes(&bytes[..bytes.len() - 1]),
		Err(ZkError::InvalidLength)
	);
	assert_eq!(PreparedVk::from_storage_bytes(&bytes[..1000]), Err(ZkError::InvalidLength));
	assert_eq!(PreparedVk::from_storage_bytes(&[]), Err(ZkError::InvalidLength));
	let mut longer = bytes.clone();
	longer.push(0);
	assert_eq!(PreparedVk::from_storage_bytes(&longer), Err(ZkError::TrailingBytes));
	// A line coefficient not below q.
	let mut out_of_range = bytes.clone();
	out_of_range[1 + 32 + 384..1 + 32 + 384 + 32].copy_from_slice(&[0xff; 32]);
	assert_eq!(PreparedVk::from_storage_bytes(&out_of_range), Err(ZkError::CoordinateOutOfRange));
	// No IC point at all.
	let ic_prefix = prepared_vk_len(0) - 64 - 8;
	let mut without_ic = bytes[..ic_prefix + 8].to_vec();
	without_ic[ic_prefix..].copy_from_slice(&0u64.to_le_bytes());
	assert_eq!(PreparedVk::from_storage_bytes(&without_ic), Err(ZkError::InvalidPreparedKey));
}
