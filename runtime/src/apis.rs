//! Runtime APIs: what the node and RPC clients can ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aid, Babe, Balance, Block, BlockNumber, Executive, GpuLiveness, GpuProof,
	GpuRegistry, Grandpa, InherentDataExt, IpNft, Nonce, Runtime, RuntimeCall,
	RuntimeGenesisConfig, SessionKeys, Subnets, System, TransactionPayment, ZkVerifier,
	BABE_GENESIS_EPOCH_CONFIG, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_babe::BabeApi<Block> for Runtime {
		fn configuration() -> sp_consensus_babe::BabeConfiguration {
			let epoch_config = Babe::epoch_config().unwrap_or(BABE_GENESIS_EPOCH_CONFIG);
			sp_consensus_babe::BabeConfiguration {
				slot_duration: Babe::slot_duration(),
				epoch_length: <crate::epoch_length::EpochDuration as frame_support::traits::Get<u64>>::get(),
				c: epoch_config.c,
				authorities: Babe::authorities().to_vec(),
				randomness: Babe::randomness(),
				allowed_slots: epoch_config.allowed_slots,
			}
		}

		fn current_epoch_start() -> sp_consensus_babe::Slot {
			Babe::current_epoch_start()
		}

		fn current_epoch() -> sp_consensus_babe::Epoch {
			Babe::current_epoch()
		}

		fn next_epoch() -> sp_consensus_babe::Epoch {
			Babe::next_epoch()
		}

		fn generate_key_ownership_proof(
			_slot: sp_consensus_babe::Slot,
			_authority_id: sp_consensus_babe::AuthorityId,
		) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
			// Equivocation reporting is not enabled yet (see `configs::pallet_babe::Config`).
			None
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
			_key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			pallet_grandpa::CurrentSetId::<Runtime>::get()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_aid::runtime_api::AidApi<Block, AccountId, Balance> for Runtime {
		fn vault_state() -> pallet_aid::VaultSummary<Balance> {
			Aid::vault_state()
		}
		fn share_price() -> Balance {
			Aid::share_price()
		}
		fn preview_deposit(assets: Balance) -> Result<Balance, heliox_vault::VaultError> {
			Aid::preview_deposit(assets)
		}
		fn preview_mint(shares: Balance) -> Result<Balance, heliox_vault::VaultError> {
			Aid::preview_mint(shares)
		}
		fn preview_withdraw(assets: Balance) -> Result<Balance, heliox_vault::VaultError> {
			Aid::preview_withdraw(assets)
		}
		fn preview_redeem(shares: Balance) -> Result<Balance, heliox_vault::VaultError> {
			Aid::preview_redeem(shares)
		}
		fn max_deposit(who: AccountId) -> Balance {
			Aid::max_deposit(&who)
		}
		fn max_mint(who: AccountId) -> Balance {
			Aid::max_mint(&who)
		}
		fn max_withdraw(who: AccountId) -> Balance {
			Aid::max_withdraw(&who)
		}
		fn max_redeem(who: AccountId) -> Balance {
			Aid::max_redeem(&who)
		}
		fn withdrawal_requests(who: AccountId) -> Vec<pallet_aid::RequestInfo<Balance>> {
			Aid::withdrawal_requests(&who)
		}
	}

	impl pallet_subnets::runtime_api::SubnetsApi<Block, AccountId, Balance> for Runtime {
		fn metagraph(
			netuid: pallet_subnets::NetUid,
		) -> Option<pallet_subnets::Metagraph<AccountId, Balance>> {
			Subnets::metagraph(netuid)
		}
		fn subnets() -> Vec<pallet_subnets::SubnetSummary<AccountId, Balance>> {
			Subnets::subnets()
		}
		fn subnet(
			netuid: pallet_subnets::NetUid,
		) -> Option<pallet_subnets::SubnetSummary<AccountId, Balance>> {
			Subnets::subnet(netuid)
		}
		fn hyperparameter_bounds() -> pallet_subnets::HyperparameterBounds {
			pallet_subnets::HyperparamBounds::<Runtime>::get()
		}
		fn network_lock_cost() -> Balance {
			Subnets::network_lock_cost()
		}
		fn neuron_burn(netuid: pallet_subnets::NetUid) -> Option<Balance> {
			Subnets::neuron_burn(netuid)
		}
		fn uid_of(netuid: pallet_subnets::NetUid, hotkey: AccountId) -> Option<pallet_subnets::Uid> {
			Subnets::uid_of(netuid, &hotkey)
		}
		fn total_stake(hotkey: AccountId) -> Balance {
			Subnets::total_stake(&hotkey)
		}
		fn weights(netuid: pallet_subnets::NetUid, uid: pallet_subnets::Uid) -> Vec<(pallet_subnets::Uid, u16)> {
			Subnets::weights_of(netuid, uid)
		}
		fn bonds(netuid: pallet_subnets::NetUid, uid: pallet_subnets::Uid) -> Vec<(pallet_subnets::Uid, u16)> {
			Subnets::bonds_of(netuid, uid)
		}
	}

	impl pallet_zk_verifier::runtime_api::ZkVerifierApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn verifying_key(
			vk_id: pallet_zk_verifier::VkId,
		) -> Option<pallet_zk_verifier::runtime_api::VerifyingKeyView<AccountId, Balance, BlockNumber>> {
			ZkVerifier::verifying_key(&vk_id)
		}
		fn verifying_key_bytes(vk_id: pallet_zk_verifier::VkId) -> Option<Vec<u8>> {
			ZkVerifier::verifying_key_bytes(&vk_id)
		}
		fn attestation(
			statement: pallet_zk_verifier::StatementId,
		) -> Option<pallet_zk_verifier::runtime_api::AttestationView<AccountId, BlockNumber>> {
			ZkVerifier::attestation_view(&statement)
		}
		fn statement_id(
			vk_id: pallet_zk_verifier::VkId,
			public_inputs: Vec<heliox_zk::PublicInputBytes>,
		) -> Option<pallet_zk_verifier::StatementId> {
			ZkVerifier::statement_id(&vk_id, &public_inputs)
		}
		fn check_proof(
			vk_id: pallet_zk_verifier::VkId,
			proof: heliox_zk::ProofBytes,
			public_inputs: Vec<heliox_zk::PublicInputBytes>,
		) -> Result<pallet_zk_verifier::StatementId, pallet_zk_verifier::CheckError> {
			ZkVerifier::check_proof(&vk_id, &proof, &public_inputs)
		}
		fn attestation_count() -> u64 {
			ZkVerifier::attestation_count()
		}
	}

	impl pallet_gpu_registry::runtime_api::GpuRegistryApi<Block, AccountId, BlockNumber> for Runtime {
		fn gpu(id: u64) -> Option<pallet_gpu_registry::types::GpuInfo<AccountId, BlockNumber>> {
			GpuRegistry::gpu(id)
		}
		fn gpus(
			filter: pallet_gpu_registry::types::GpuFilter<AccountId>,
			start_after: Option<u64>,
			limit: u32,
		) -> Vec<pallet_gpu_registry::types::GpuInfo<AccountId, BlockNumber>> {
			GpuRegistry::gpus(filter, start_after, limit)
		}
		fn models() -> Vec<(u32, pallet_gpu_registry::types::ModelSpec<Vec<u8>>)> {
			GpuRegistry::models()
		}
	}

	impl pallet_ip_nft::runtime_api::IpNftApi<Block, AccountId, u64, u32, BlockNumber> for Runtime {
		fn ip_nft(ip_nft: u64) -> Option<pallet_ip_nft::IpNftView<AccountId, u32, BlockNumber>> {
			IpNft::ip_nft(ip_nft)
		}
		fn ipt(ip_nft: u64) -> Option<pallet_ip_nft::IptView<AccountId, u32>> {
			IpNft::ipt(ip_nft)
		}
		fn sale(sale: pallet_ip_nft::SaleId) -> Option<pallet_ip_nft::Sale<AccountId, u32, u64, BlockNumber>> {
			IpNft::sale(sale)
		}
		fn bid_preview(
			sale: pallet_ip_nft::SaleId,
			who: AccountId,
		) -> Option<pallet_ip_nft::BidPreview<BlockNumber>> {
			IpNft::bid_preview(sale, who)
		}
		fn has_read_access(ip_nft: u64, who: AccountId) -> bool {
			IpNft::has_read_access(&ip_nft, &who)
		}
		fn is_issuer(who: AccountId) -> bool {
			IpNft::is_issuer(&who)
		}
	}

	impl pallet_gpu_liveness::runtime_api::GpuLivenessApi<Block, BlockNumber> for Runtime {
		fn uptime(gpu: u64) -> Option<heliox_gpu_liveness::Uptime> {
			GpuLiveness::api_uptime(gpu)
		}
		fn period_info() -> pallet_gpu_liveness::types::PeriodSummary<BlockNumber> {
			GpuLiveness::api_period_info()
		}
		fn slot_of(gpu: u64) -> Option<u32> {
			GpuLiveness::api_slot_of(gpu)
		}
		fn cost_model(n_gpus: u32, n_validators: u32) -> heliox_gpu_liveness::PeriodCost {
			GpuLiveness::api_cost_model(n_gpus, n_validators)
		}
	}

	impl pallet_gpu_proof::runtime_api::GpuProofApi<Block, u64, BlockNumber> for Runtime {
		fn epoch_info() -> Option<pallet_gpu_proof::types::EpochView<BlockNumber>> {
			GpuProof::epoch_view()
		}
		fn seed_of(gpu: u64) -> Option<(u64, [u8; 32])> {
			GpuProof::seed_of(gpu)
		}
		fn challenge_of(gpu: u64) -> Option<pallet_gpu_proof::types::ChallengeView<BlockNumber>> {
			GpuProof::challenge_of(gpu)
		}
		fn verdict_status(gpu: u64) -> Option<pallet_gpu_proof::types::VerdictStatus> {
			GpuProof::verdict_status(gpu)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain testing tool: a failed check must abort loudly.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
