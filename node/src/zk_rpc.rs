//! JSON-RPC of the ZK verifier (`zk_*`): registered keys, attestations, statement ids and a
//! dry-run proof check, all at a chosen block (the best block by default).
//!
//! Ids, proofs and public inputs are `0x`-hex: a key id and a statement id are 32 bytes, a
//! proof 256 bytes (the canonical encoding `heliox-node zk convert` prints), a public input 32
//! bytes (a field element, little-endian).

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_zk_verifier::runtime_api::ZkVerifierApi as ZkVerifierRuntimeApi;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{Bytes, H256};

/// A registered verifying key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyingKeyJson {
	/// The key id.
	pub vk_id: H256,
	/// The owner (SS58).
	pub owner: String,
	/// Public inputs per proof.
	pub num_inputs: u32,
	/// Positions of the model / input / output commitments among the public inputs.
	pub model_commitment_input: Option<u32>,
	/// See `model_commitment_input`.
	pub input_commitment_input: Option<u32>,
	/// See `model_commitment_input`.
	pub output_commitment_input: Option<u32>,
	/// The deposit held (plancks of HLX, as a decimal string: u128 does not fit JSON numbers).
	pub deposit: String,
	/// Pallets depending on the key.
	pub consumers: u32,
	/// Attestations recorded under the key.
	pub attestations: u64,
	/// Registration block.
	pub registered_at: BlockNumber,
}

/// An attestation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationJson {
	/// The statement id.
	pub statement: H256,
	/// The key the proof verified against.
	pub vk_id: H256,
	/// The submitter (SS58).
	pub submitter: String,
	/// The block that recorded it.
	pub block: BlockNumber,
	/// The model commitment.
	pub model_commitment: Option<H256>,
	/// The input commitment.
	pub input_commitment: Option<H256>,
	/// The output commitment.
	pub output_commitment: Option<H256>,
	/// The submitter's metadata.
	pub meta: Bytes,
}

/// The `zk_*` methods.
#[rpc(client, server)]
pub trait ZkApi<BlockHash> {
	/// A registered verifying key, or null.
	#[method(name = "zk_verifyingKey")]
	fn verifying_key(
		&self,
		vk_id: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Option<VerifyingKeyJson>>;

	/// A registered key's canonical bytes, or null.
	#[method(name = "zk_verifyingKeyBytes")]
	fn verifying_key_bytes(&self, vk_id: H256, at: Option<BlockHash>) -> RpcResult<Option<Bytes>>;

	/// The attestation of a statement, or null.
	#[method(name = "zk_attestation")]
	fn attestation(
		&self,
		statement: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AttestationJson>>;

	/// The statement id of public inputs under a key (attested or not).
	#[method(name = "zk_statementId")]
	fn statement_id(&self, vk_id: H256, public_inputs: Vec<H256>) -> RpcResult<H256>;

	/// Dry run of `submit_attestation`: the statement id it would record, or an error saying why
	/// it would fail (unknown key, duplicate statement, or the verifier's reason).
	#[method(name = "zk_checkProof")]
	fn check_proof(
		&self,
		vk_id: H256,
		proof: Bytes,
		public_inputs: Vec<H256>,
		at: Option<BlockHash>,
	) -> RpcResult<H256>;

	/// Number of attestations recorded.
	#[method(name = "zk_attestationCount")]
	fn attestation_count(&self, at: Option<BlockHash>) -> RpcResult<u64>;
}

/// The implementation over a client.
pub struct Zk<C> {
	client: Arc<C>,
}

impl<C> Zk<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// JSON-RPC error codes of the `zk_*` methods.
mod codes {
	/// The runtime call failed.
	pub const RUNTIME: i32 = 9000;
	/// An argument is malformed.
	pub const BAD_ARGUMENT: i32 = 9001;
	/// `zk_checkProof`: the proof would be refused.
	pub const PROOF_REFUSED: i32 = 9002;
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(codes::RUNTIME, format!("runtime call failed: {error}"), None::<()>)
}

fn ss58(account: &AccountId) -> String {
	use sp_core::crypto::Ss58Codec;
	account.to_ss58check()
}

fn inputs(values: Vec<H256>) -> Vec<heliox_zk::PublicInputBytes> {
	values.into_iter().map(|value| value.0).collect()
}

impl<C> ZkApiServer<<Block as sp_runtime::traits::Block>::Hash> for Zk<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ZkVerifierRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn verifying_key(&self, vk_id: H256, at: Option<H256>) -> RpcResult<Option<VerifyingKeyJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let info = self.client.runtime_api().verifying_key(at, vk_id.0).map_err(runtime_error)?;
		Ok(info.map(|info| VerifyingKeyJson {
			vk_id,
			owner: ss58(&info.owner),
			num_inputs: info.num_inputs,
			model_commitment_input: info.layout.model_commitment,
			input_commitment_input: info.layout.input_commitment,
			output_commitment_input: info.layout.output_commitment,
			deposit: info.deposit.to_string(),
			consumers: info.consumers,
			attestations: info.attestations,
			registered_at: info.registered_at,
		}))
	}

	fn verifying_key_bytes(&self, vk_id: H256, at: Option<H256>) -> RpcResult<Option<Bytes>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let bytes =
			self.client.runtime_api().verifying_key_bytes(at, vk_id.0).map_err(runtime_error)?;
		Ok(bytes.map(Bytes))
	}

	fn attestation(&self, statement: H256, at: Option<H256>) -> RpcResult<Option<AttestationJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().attestation(at, statement.0).map_err(runtime_error)?;
		Ok(view.map(|view| AttestationJson {
			statement,
			vk_id: H256(view.vk_id),
			submitter: ss58(&view.submitter),
			block: view.block,
			model_commitment: view.model_commitment.map(H256),
			input_commitment: view.input_commitment.map(H256),
			output_commitment: view.output_commitment.map(H256),
			meta: Bytes(view.meta),
		}))
	}

	fn statement_id(&self, vk_id: H256, public_inputs: Vec<H256>) -> RpcResult<H256> {
		// Pure hashing: computed here rather than in the runtime.
		heliox_zk::statement_id(&vk_id.0, &inputs(public_inputs))
			.map(H256)
			.map_err(|error| ErrorObject::owned(codes::BAD_ARGUMENT, error.as_str(), None::<()>))
	}

	fn check_proof(
		&self,
		vk_id: H256,
		proof: Bytes,
		public_inputs: Vec<H256>,
		at: Option<H256>,
	) -> RpcResult<H256> {
		let proof = heliox_zk::ProofBytes::from_slice(&proof).map_err(|error| {
			ErrorObject::owned(
				codes::BAD_ARGUMENT,
				format!("proof must be {} bytes: {error}", heliox_zk::PROOF_LEN),
				None::<()>,
			)
		})?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let result = self
			.client
			.runtime_api()
			.check_proof(at, vk_id.0, proof, inputs(public_inputs))
			.map_err(runtime_error)?;
		result.map(H256).map_err(|error| {
			let message = match error {
				pallet_zk_verifier::CheckError::UnknownVerifyingKey => {
					"unknown verifying key".to_string()
				},
				pallet_zk_verifier::CheckError::DuplicateStatement => {
					"statement already attested".to_string()
				},
				pallet_zk_verifier::CheckError::Zk(error) => error.as_str().to_string(),
			};
			ErrorObject::owned(codes::PROOF_REFUSED, message, None::<()>)
		})
	}

	fn attestation_count(&self, at: Option<H256>) -> RpcResult<u64> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().attestation_count(at).map_err(runtime_error)
	}
}
