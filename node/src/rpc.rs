//! JSON-RPC methods beyond the standard ones `sc-service` installs (system, chain, state,
//! author, chainHead/transaction v2): `system_accountNextIndex` (nonce incl. pool), the
//! transaction-payment fee queries, `babe_epochAuthorship`, the ZK verifier's `zk_*`
//! ([`crate::zk_rpc`]), the subnets' `subnets_*` ([`crate::subnets_rpc`]), AID's `aid_*`
//! ([`crate::aid_rpc`]) the GPU registry's `gpu_*` ([`crate::gpu_rpc`]) and IP-NFTs' `ipnft_*` ([`crate::ipnft_rpc`]). Heliox pallets add theirs here.

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the BABE RPC needs.
pub struct BabeDeps {
	/// Handle to the BABE worker (epoch data).
	pub babe_worker_handle: sc_consensus_babe::BabeWorkerHandle<Block>,
	/// The node's keystore, to tell which slots this node may author.
	pub keystore: sp_keystore::KeystorePtr,
}

/// What the RPC extensions need.
pub struct FullDeps<C, P, SC> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The chain selection rule.
	pub select_chain: SC,
	/// BABE.
	pub babe: BabeDeps,
}

/// Builds the RPC extensions of a full node.
pub fn create_full<C, P, SC>(
	deps: FullDeps<C, P, SC>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: sp_consensus_babe::BabeApi<Block>,
	C::Api: pallet_zk_verifier::runtime_api::ZkVerifierApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_subnets::runtime_api::SubnetsApi<Block, AccountId, Balance>,
	C::Api: pallet_aid::runtime_api::AidApi<Block, AccountId, Balance>,
	C::Api: pallet_gpu_registry::runtime_api::GpuRegistryApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_gpu_liveness::runtime_api::GpuLivenessApi<Block, BlockNumber>,
	C::Api: pallet_gpu_proof::runtime_api::GpuProofApi<Block, u64, BlockNumber>,
	C::Api: pallet_ip_nft::runtime_api::IpNftApi<Block, AccountId, u64, u32, BlockNumber>,
	P: TransactionPool + 'static,
	SC: sp_consensus::SelectChain<Block> + 'static,
{
	use crate::aid_rpc::{Aid, AidApiServer};
	use crate::gpu_rpc::{Gpu, GpuApiServer};
	use crate::ipnft_rpc::{IpNft, IpNftApiServer};
	use crate::subnets_rpc::{Subnets, SubnetsApiServer};
	use crate::zk_rpc::{Zk, ZkApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, select_chain, babe } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Zk::new(client.clone()).into_rpc())?;
	module.merge(Subnets::new(client.clone()).into_rpc())?;
	module.merge(Aid::new(client.clone()).into_rpc())?;
	module.merge(Gpu::new(client.clone()).into_rpc())?;
	module.merge(IpNft::new(client.clone()).into_rpc())?;
	module.merge(
		Babe::new(client, babe.babe_worker_handle, babe.keystore, select_chain).into_rpc(),
	)?;

	Ok(module)
}
