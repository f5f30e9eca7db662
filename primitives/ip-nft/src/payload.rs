//! The byte layout of the messages an authorized issuer signs.
//!
//! Both messages are the SCALE encodings of a fixed tuple, i.e. the plain concatenation of:
//!
//! | field | bytes | encoding |
//! | --- | --- | --- |
//! | domain | 21 / 22 | ASCII, no length prefix ([`MINT_DOMAIN`] / [`AMEND_DOMAIN`]) |
//! | chain | 32 | the genesis hash of the chain |
//! | mint: minter / amend: IP-NFT id | 32 / 8 | account id (AccountId32) / `u64` little endian |
//! | mint: recipient / amend: owner | 32 | account id |
//! | nonce | 8 | `u64` little endian; single use per issuer |
//! | deadline | 4 | block number (`u32` little endian); last block the signature is valid |
//! | content hash | 32 | `blake2_256` of the SCALE-encoded metadata / agreements |
//!
//! In `pallet-ip-nft` the mint content hash is `blake2_256` of the SCALE encoding of
//! `IpNftMetadata`, fields in this order: `symbol` (compact length + bytes), `details`
//! (`industry`, `organization`, `topic`: compact length + bytes each; `funding_amount`: `u128`
//! LE), `agreements` (compact count, then per agreement: `kind` as one byte — 0 Research,
//! 1 Assignment, 2 License, 3 Other —, `content_hash` 32 bytes, `uri` and `mime` compact
//! length + bytes, `encrypted` one byte), `royalty` (`recipient` 32 bytes, `rate` `u32` LE parts
//! per million). The amendment content hash is `blake2_256` of the SCALE-encoded agreements
//! (compact count + agreements as above).
//!
//! The signature is over these bytes as they are (no `<Bytes>` wrapping, no pre-hashing):
//! for sr25519 `pair.sign(&message)`. Because the domain differs, a mint authorization can
//! never be replayed as an amendment or on another chain, and the nonce is consumed on use.

use alloc::vec::Vec;
use codec::Encode;

/// Domain separator of mint authorizations.
pub const MINT_DOMAIN: [u8; 21] = *b"heliox/ip-nft/mint/v1";
/// Domain separator of agreement amendments.
pub const AMEND_DOMAIN: [u8; 22] = *b"heliox/ip-nft/amend/v1";

/// The message an issuer signs to allow `minter` to mint one IP-NFT to `recipient` whose
/// metadata hashes to `content_hash`.
pub fn mint_payload<Hash: Encode, AccountId: Encode, BlockNumber: Encode>(
	genesis_hash: &Hash,
	minter: &AccountId,
	recipient: &AccountId,
	nonce: u64,
	deadline: &BlockNumber,
	content_hash: &[u8; 32],
) -> Vec<u8> {
	(MINT_DOMAIN, genesis_hash, minter, recipient, nonce, deadline, content_hash).encode()
}

/// The message an issuer signs to allow `owner` to replace the agreements of IP-NFT
/// `ip_nft` with agreements hashing to `content_hash`.
pub fn amend_payload<Hash: Encode, ItemId: Encode, AccountId: Encode, BlockNumber: Encode>(
	genesis_hash: &Hash,
	ip_nft: &ItemId,
	owner: &AccountId,
	nonce: u64,
	deadline: &BlockNumber,
	content_hash: &[u8; 32],
) -> Vec<u8> {
	(AMEND_DOMAIN, genesis_hash, ip_nft, owner, nonce, deadline, content_hash).encode()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mint_payload_is_the_documented_concatenation() {
		let genesis = [7u8; 32];
		let minter = [1u8; 32];
		let recipient = [2u8; 32];
		let content = [9u8; 32];
		let message = mint_payload(&genesis, &minter, &recipient, 0x0102, &5u32, &content);
		let mut expected = b"heliox/ip-nft/mint/v1".to_vec();
		expected.extend_from_slice(&genesis);
		expected.extend_from_slice(&minter);
		expected.extend_from_slice(&recipient);
		expected.extend_from_slice(&[2, 1, 0, 0, 0, 0, 0, 0]);
		expected.extend_from_slice(&[5, 0, 0, 0]);
		expected.extend_from_slice(&content);
		assert_eq!(message, expected);
		assert_eq!(message.len(), 21 + 32 + 32 + 32 + 8 + 4 + 32);
	}

	#[test]
	fn amend_payload_is_the_documented_concatenation() {
		let genesis = [7u8; 32];
		let owner = [3u8; 32];
		let content = [4u8; 32];
		let message = amend_payload(&genesis, &42u64, &owner, 1, &9u32, &content);
		let mut expected = b"heliox/ip-nft/amend/v1".to_vec();
		expected.extend_from_slice(&genesis);
		expected.extend_from_slice(&[42, 0, 0, 0, 0, 0, 0, 0]);
		expected.extend_from_slice(&owner);
		expected.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0]);
		expected.extend_from_slice(&[9, 0, 0, 0]);
		expected.extend_from_slice(&content);
		assert_eq!(message, expected);
	}

	#[test]
	fn domains_differ_so_payloads_cannot_be_confused() {
		let a = mint_payload(&[0u8; 32], &[0u8; 32], &[0u8; 32], 0, &0u32, &[0u8; 32]);
		let b = amend_payload(&[0u8; 32], &[0u8; 32], &[0u8; 32], 0, &0u32, &[0u8; 32]);
		assert_ne!(a, b);
		assert_ne!(a.get(..21), b.get(..21));
	}
}
