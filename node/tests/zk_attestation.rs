//! End to end on a real `heliox-node --dev`: real circom/snarkjs output for a small ML circuit
//! (a dense layer with a model commitment) is converted with `heliox-node zk convert`, the key
//! is registered and the proof attested by signed extrinsics (subxt, dynamic API), verified in
//! the runtime through the native host functions, and read back through the `zk_*` JSON-RPC.

mod common;

use common::{dev_chain, node_binary};
use std::{path::PathBuf, process::Command};
use subxt::{
	dynamic::{self, Value},
	rpcs::rpc_params,
};
use subxt_signer::sr25519::dev;

fn fixture(file: &str) -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR"))
		.join("../primitives/zk/fixtures/dense_layer")
		.join(file)
}

fn unhex(value: &serde_json::Value) -> Vec<u8> {
	let text = value.as_str().expect("hex string");
	hex::decode(text.trim_start_matches("0x")).expect("valid hex")
}

fn some(position: u128) -> Value {
	Value::unnamed_variant("Some", [Value::u128(position)])
}

#[tokio::test(flavor = "multi_thread")]
async fn a_snarkjs_dense_layer_proof_is_attested_on_a_dev_chain() {
	// 1. The converter (no chain needed).
	let output = Command::new(node_binary())
		.args(["zk", "verify", "--vk"])
		.arg(fixture("verification_key.json"))
		.arg("--proof")
		.arg(fixture("proof.json"))
		.arg("--public")
		.arg(fixture("public.json"))
		.output()
		.expect("heliox-node runs");
	assert!(output.status.success(), "zk verify: {}", String::from_utf8_lossy(&output.stderr));
	let converted: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("zk verify prints JSON");
	assert_eq!(converted["verified"], true);
	assert_eq!(converted["numInputs"], 7);
	let vk = unhex(&converted["verifyingKey"]);
	let vk_id = unhex(&converted["vkId"]);
	let proof = unhex(&converted["proof"]);
	let inputs: Vec<Vec<u8>> =
		converted["publicInputs"].as_array().expect("inputs").iter().map(unhex).collect();
	let statement = converted["statementId"].as_str().expect("statement id").to_string();

	// A tampered public signal makes `zk verify` fail with a clear message.
	let dir = tempfile::tempdir().expect("temp dir");
	let bad_public = dir.path().join("public.json");
	std::fs::write(
		&bad_public,
		r#"["35","13","3000080000950006599029575088768178606232533177937061051","1","2","3","4"]"#,
	)
	.expect("write");
	let output = Command::new(node_binary())
		.args(["zk", "verify", "--vk"])
		.arg(fixture("verification_key.json"))
		.arg("--proof")
		.arg(fixture("proof.json"))
		.arg("--public")
		.arg(&bad_public)
		.output()
		.expect("heliox-node runs");
	assert!(!output.status.success());
	assert!(String::from_utf8_lossy(&output.stderr).contains("does not verify"));

	// 2. The chain.
	let (node, api) = dev_chain(&dir.path().join("node")).await;
	let alice = dev::alice();
	let bob = dev::bob();

	// Public signals: y[0], y[1], model_commitment, x[0..4].
	let layout = Value::named_composite([
		("model_commitment", some(2)),
		("input_commitment", some(3)),
		("output_commitment", some(0)),
	]);
	let register =
		dynamic::transaction("ZkVerifier", "register_vk", vec![Value::from_bytes(&vk), layout]);
	let at = api.at_current_block().await.expect("at current block");
	at.transactions()
		.sign_and_submit_then_watch_default(&register, &alice)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await
		.expect("register_vk finalized and successful");

	let submit = || {
		dynamic::transaction(
			"ZkVerifier",
			"submit_attestation",
			vec![
				Value::from_bytes(&vk_id),
				Value::unnamed_composite([Value::from_bytes(&proof)]),
				Value::unnamed_composite(inputs.iter().map(Value::from_bytes)),
				Value::from_bytes(b"dense_layer v1"),
			],
		)
	};
	let at = api.at_current_block().await.expect("at current block");
	let events = at
		.transactions()
		.sign_and_submit_then_watch_default(&submit(), &bob)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await
		.expect("submit_attestation finalized and successful");
	let recorded = events
		.iter()
		.map(|ev| ev.expect("event decodes"))
		.any(|ev| ev.pallet_name() == "ZkVerifier" && ev.event_name() == "AttestationRecorded");
	assert!(recorded, "AttestationRecorded emitted");

	// 3. The RPC.
	let rpc = node.rpc().await;
	let attestation: serde_json::Value =
		rpc.request("zk_attestation", rpc_params![&statement]).await.expect("zk_attestation");
	assert_eq!(attestation["vkId"], converted["vkId"]);
	assert_eq!(attestation["modelCommitment"], converted["publicInputs"][2]);
	assert_eq!(attestation["outputCommitment"], converted["publicInputs"][0]);
	assert_eq!(attestation["meta"], format!("0x{}", hex::encode(b"dense_layer v1")));
	assert!(attestation["submitter"].as_str().expect("ss58").starts_with('5'));
	let key: serde_json::Value =
		rpc.request("zk_verifyingKey", rpc_params![&converted["vkId"]]).await.expect("key");
	assert_eq!(key["numInputs"], 7);
	assert_eq!(key["attestations"], 1);
	let count: u64 = rpc.request("zk_attestationCount", rpc_params![]).await.expect("count");
	assert_eq!(count, 1);
	let statement_id: String = rpc
		.request("zk_statementId", rpc_params![&converted["vkId"], &converted["publicInputs"]])
		.await
		.expect("statement id");
	assert_eq!(statement_id, statement);

	// A dry run now says the statement is taken; a tampered input says it does not verify.
	let duplicate = rpc
		.request::<String>(
			"zk_checkProof",
			rpc_params![&converted["vkId"], &converted["proof"], &converted["publicInputs"]],
		)
		.await
		.expect_err("already attested");
	assert!(duplicate.to_string().contains("already attested"), "{duplicate}");
	let mut tampered = converted["publicInputs"].clone();
	tampered[0] = serde_json::Value::String(format!("0x{}", "00".repeat(32)));
	let refused = rpc
		.request::<String>(
			"zk_checkProof",
			rpc_params![&converted["vkId"], &converted["proof"], &tampered],
		)
		.await
		.expect_err("does not verify");
	assert!(refused.to_string().contains("verification failed"), "{refused}");

	// Re-submitting the same statement fails on chain with the pallet's error.
	let at = api.at_current_block().await.expect("at current block");
	let again = at
		.transactions()
		.sign_and_submit_then_watch_default(&submit(), &alice)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await
		.expect_err("duplicate refused");
	assert!(again.to_string().contains("DuplicateStatement"), "{again}");
}
