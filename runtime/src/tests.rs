//! Runtime-level tests: genesis presets and the offchain-worker transaction plumbing.

use crate::*;
use codec::Decode;
use frame_support::{assert_ok, traits::fungible::Inspect};
use sp_core::offchain::{testing, OffchainDbExt, OffchainWorkerExt, TransactionPoolExt};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::traits::Checkable;
use std::sync::Arc;

/// Externalities with the genesis state of a named runtime preset.
pub(crate) fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&name.into()).expect("preset exists");
	let mut config = RuntimeGenesisConfig::default();
	let mut json = serde_json::to_value(&config).expect("genesis config serializes");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("patch is json");
	json_merge(&mut json, patch);
	config = serde_json::from_value(json).expect("patched genesis config deserializes");
	config.build_storage().expect("genesis builds").into()
}

fn json_merge(a: &mut serde_json::Value, b: serde_json::Value) {
	match (a, b) {
		(serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
			for (k, v) in b {
				json_merge(a.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(a, b) => *a = b,
	}
}

#[test]
fn preset_names_are_dev_local_testnet_and_staging() {
	let names: Vec<String> = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec!["development".to_string(), "local_testnet".to_string(), "staging".to_string()]
	);
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn dev_preset_has_alice_as_sole_validator_and_sudo() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(Babe::authorities().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.clone()));
		assert_eq!(Balances::balance(&alice), genesis_config_presets::ENDOWMENT);
		assert_eq!(
			pallet_assets::NextAssetId::<Runtime>::get(),
			Some(configs::FIRST_USER_ASSET_ID)
		);
	});
}

#[test]
fn local_preset_has_four_validators() {
	preset_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		use sp_keyring::Sr25519Keyring::*;
		let expected: Vec<AccountId> =
			[Alice, Bob, Charlie, Dave].iter().map(|k| k.to_account_id()).collect();
		let mut validators = Session::validators();
		validators.sort();
		let mut expected_sorted = expected.clone();
		expected_sorted.sort();
		assert_eq!(validators, expected_sorted);
		assert_eq!(Babe::authorities().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		assert_eq!(pallet_validator_manager::Validators::<Runtime>::get().len(), 4);
		// 1-minute sessions, so validator-set changes show in minutes.
		use frame_support::traits::Get;
		assert_eq!(<Runtime as pallet_babe::Config>::EpochDuration::get(), 20);
	});
}

#[test]
fn dev_and_staging_keep_ten_minute_sessions() {
	use frame_support::traits::Get;
	for preset in
		[sp_genesis_builder::DEV_RUNTIME_PRESET, genesis_config_presets::STAGING_RUNTIME_PRESET]
	{
		preset_ext(preset).execute_with(|| {
			assert_eq!(epoch_length::EpochSlots::<Runtime>::get(), None);
			assert_eq!(
				<Runtime as pallet_babe::Config>::EpochDuration::get(),
				time::EPOCH_DURATION_IN_SLOTS
			);
			assert_eq!(time::EPOCH_DURATION_IN_SLOTS, 200);
		});
	}
}

/// A key type and app crypto only this test uses: pallets with offchain workers define theirs
/// (e.g. `gpuv` for proof-of-GPU verifiers) the same way.
mod test_ocw_crypto {
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		KeyTypeId, MultiSignature, MultiSigner,
	};
	pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"tocw");
	app_crypto!(sr25519, KEY_TYPE);

	pub struct TestOcwAuthId;
	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for TestOcwAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

#[test]
fn offchain_worker_can_submit_a_valid_signed_transaction() {
	use frame_system::offchain::{SendSignedTransaction, Signer};

	let keystore = MemoryKeystore::new();
	let public = keystore
		.sr25519_generate_new(test_ocw_crypto::KEY_TYPE, Some("//Alice"))
		.expect("key generated");
	let (offchain, _offchain_state) = testing::TestOffchainExt::new();
	let (pool, pool_state) = testing::TestTransactionPoolExt::new();

	let mut ext = preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.register_extension(KeystoreExt(Arc::new(keystore)));

	ext.execute_with(|| {
		System::set_block_number(1);
		let signer = Signer::<Runtime, test_ocw_crypto::TestOcwAuthId>::all_accounts();
		assert!(signer.can_sign(), "the keystore key is usable by the OCW");
		let results = signer.send_signed_transaction(|_account| {
			frame_system::Call::<Runtime>::remark_with_event { remark: b"ocw".to_vec() }
		});
		assert_eq!(results.len(), 1);
		assert!(results[0].1.is_ok(), "submitted to the pool");

		// The pool received exactly one transaction: a signed extrinsic from Alice's account,
		// whose signature and extensions check out against the chain context.
		let txs = std::mem::take(&mut pool_state.write().transactions);
		assert_eq!(txs.len(), 1);
		let xt = UncheckedExtrinsic::decode(&mut &txs[0][..]).expect("decodes");
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(AccountId::from(public), alice);
		let checked = xt
			.check(&frame_system::ChainContext::<Runtime>::default())
			.expect("signature verifies");
		match checked.format {
			sp_runtime::generic::ExtrinsicFormat::Signed(who, _) => assert_eq!(who, alice),
			other => panic!("expected a signed extrinsic, got {other:?}"),
		}
		assert_eq!(
			checked.function,
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"ocw".to_vec() })
		);
		// A tampered call no longer verifies.
		let mut tampered = txs[0].clone();
		let n = tampered.len();
		tampered[n - 1] ^= 0x01;
		let tampered = UncheckedExtrinsic::decode(&mut &tampered[..]).expect("still decodes");
		assert!(tampered.check(&frame_system::ChainContext::<Runtime>::default()).is_err());
	});
}

#[test]
fn dev_preset_has_the_gpu_catalogue_collection_verifier_key_and_issuer() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice;
		// The genesis catalogue, including the CPU-sized test model.
		let models = GpuRegistry::models();
		assert_eq!(models.len(), 6);
		assert!(models
			.iter()
			.any(|(id, m)| *id == genesis_config_presets::DEV_GPU_MODEL && m.challenge.n == 64));
		// The GPU collection exists and is owned by the registry's account.
		assert_eq!(pallet_gpu_registry::GpuCollection::<Runtime>::get(), Some(0));
		// Alice's gpuv session key is the (only) liveness verifier, and its account is hers.
		let verifiers = pallet_gpu_liveness::Verifiers::<Runtime>::get();
		assert_eq!(verifiers.len(), 1);
		let key: pallet_gpu_liveness::crypto::Public = alice.public().into();
		assert_eq!(verifiers[0], key);
		// Test presets authorize the sudo account as an IP-NFT issuer.
		assert!(IpNft::is_issuer(&alice.to_account_id()));
		// The registry and IP-NFT accounts can pay their collection deposits.
		let registry: AccountId = sp_runtime::traits::AccountIdConversion::into_account_truncating(
			&configs::GpuRegistryPalletId::get(),
		);
		assert!(Balances::balance(&registry) > 0);
	});
}

#[test]
fn the_gpuv_session_key_makes_validators_proof_of_gpu_verifiers_too() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let key: configs::GpuVerifierKey = sp_keyring::Sr25519Keyring::Alice.public().into();
		assert_eq!(pallet_gpu_proof::Verifiers::<Runtime>::get().into_inner(), vec![key.clone()]);
		assert_eq!(
			pallet_gpu_liveness::Verifiers::<Runtime>::get().into_inner(),
			vec![key.clone()]
		);
		assert_eq!(
			GpuProof::verifier_account(&key),
			sp_keyring::Sr25519Keyring::Alice.to_account_id()
		);
		// Test networks run minute-long epochs that open every GPU.
		assert_eq!((GpuProof::challenge_period(), GpuProof::commit_window()), (20, 10));
		assert_eq!(GpuProof::sample_fraction(), sp_runtime::Perbill::one());
	});
}

#[test]
fn every_catalogue_model_can_be_challenged_within_the_commit_window() {
	use heliox_gpu_proof::{commit_deadline_blocks, encoded_len_bound, ChallengeParams};
	for (id, model) in genesis_config_presets::gpu_catalogue() {
		let c = model.challenge;
		let params = ChallengeParams { n: c.n, lag: c.lag, steps: c.steps, samples: c.samples };
		assert_eq!(params.validate(), Ok(()), "model {id}");
		let deadline = commit_deadline_blocks(
			&params,
			model.int8_tops,
			c.deadline_slack.deconstruct(),
			MILLI_SECS_PER_BLOCK,
		)
		.expect("a deadline");
		// The beacon must come after every deadline, on production and test schedules.
		assert!(deadline < configs::GpuCommitWindow::get(), "model {id}: deadline {deadline}");
		assert!(
			deadline < genesis_config_presets::TEST_GPU_PROOF_SCHEDULE.commit_window
				|| id != genesis_config_presets::DEV_GPU_MODEL,
			"the test model fits the test schedule"
		);
		// A fraud proof can carry any opening of the model.
		assert!(
			encoded_len_bound(&params) <= configs::GpuMaxOpeningLen::get() as usize,
			"model {id}: opening of {} bytes",
			encoded_len_bound(&params)
		);
	}
}

#[test]
fn registry_drives_the_proof_of_gpu_challenge_of_a_registered_gpu() {
	use heliox_gpu_proof::ProofRegistry;
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let bob = sp_keyring::Sr25519Keyring::Bob.to_account_id();
		let agent = [7u8; 32];
		assert_ok!(GpuRegistry::register_gpu(
			RuntimeOrigin::signed(bob),
			genesis_config_presets::DEV_GPU_MODEL,
			pallet_gpu_registry::GpuSpecs { vram_mib: 1_024, serial_hash: [1; 32] },
			b"dev".to_vec().try_into().unwrap(),
			b"http://127.0.0.1:9955".to_vec().try_into().unwrap(),
			agent,
		));
		let gpu = 0;
		// Pending GPUs are not challenged; the registry still knows their challenge.
		assert!(!configs::GpuProofRegistry::is_active(&gpu));
		let (params, deadline) = configs::GpuProofRegistry::challenge_params(&gpu).unwrap();
		assert_eq!((params.n, params.steps, deadline), (64, 16, 2));
		assert_eq!(configs::GpuProofRegistry::agent_key(&gpu), Some(agent));
		assert_eq!(
			configs::GpuProofRegistry::agent_endpoint(&gpu),
			Some(b"http://127.0.0.1:9955".to_vec())
		);
		<GpuRegistry as pallet_gpu_registry::GpuDirectory<u64>>::on_live(&gpu);
		assert!(configs::GpuProofRegistry::is_active(&gpu));
		assert_eq!(configs::GpuProofRegistry::active_gpus(), vec![gpu]);
		// A pass is recorded in the registry; a fraud slash moves stake to the treasury.
		configs::GpuProofRegistry::record_verified(&gpu, 3);
		assert_eq!(GpuRegistry::gpu(gpu).unwrap().verified.unwrap().epoch, 3);
		let treasury = configs::TreasuryAccount::get();
		let before = Balances::balance(&treasury);
		let slashed =
			configs::GpuProofRegistry::slash(&gpu, sp_runtime::Perbill::from_percent(20), None)
				.unwrap();
		assert!(slashed > 0);
		assert_eq!(Balances::balance(&treasury), before + slashed);
		assert!(!configs::GpuProofRegistry::is_active(&gpu));
	});
}

#[test]
fn staging_has_four_operator_validators_production_parameters_and_no_sudo() {
	preset_ext(genesis_config_presets::STAGING_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "no sudo on a public network");
		let validators = pallet_session::Validators::<Runtime>::get();
		assert_eq!(validators.len(), 4);
		let dev: Vec<AccountId> =
			sp_keyring::Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
		assert!(validators.iter().all(|v| !dev.contains(v)), "no well-known dev keys");
		assert_eq!(pallet_gpu_proof::Verifiers::<Runtime>::get().len(), 4);
		assert_eq!(GpuProof::challenge_period(), configs::GpuChallengePeriod::get());
		assert_eq!(GpuProof::sample_fraction(), configs::GpuSampleFraction::get());
		assert_eq!(
			governance::origins::pallet_custom_origins::TrackTimeDivisor::<Runtime>::get(),
			1
		);
		// The validators form the technical committee (whitelist track) until governance
		// changes it; nobody can mint test-only IP-NFT issuer rights.
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get().len(),
			4
		);
	});
}

/// What `try-runtime on-runtime-upgrade` checks before an upgrade is proposed, on the genesis
/// state of every preset: the runtime's migrations (`Migrations`; none so far) with their
/// pre/post-upgrade checks, every pallet's on-chain storage version equal to its in-code
/// version (a pallet whose `STORAGE_VERSION` was raised without a migration fails here), every
/// storage item decoding, and every pallet's `try_state` invariants. Run by `make test`:
/// `SKIP_WASM_BUILD=1 cargo test -p heliox-runtime --features try-runtime --lib try_runtime`.
#[cfg(feature = "try-runtime")]
#[test]
fn try_runtime_upgrade_checks_pass_on_every_preset() {
	use frame_try_runtime::UpgradeCheckSelect;
	for preset in genesis_config_presets::preset_names() {
		preset_ext(&preset).execute_with(|| {
			System::set_block_number(1);
			let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
				.unwrap_or_else(|e| panic!("preset {preset}: {e:?}"));
			assert!(weight.all_lte(configs::RuntimeBlockWeights::get().max_block), "{preset}");
		});
	}
	// The checks bite: a pallet whose stored version differs from its code's fails them.
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		frame_support::traits::StorageVersion::new(99).put::<GpuRegistry>();
		assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).is_err());
	});
}
