//! Subnets on a real `heliox-node --dev` (subxt, dynamic API, and the `subnets_*` JSON-RPC):
//! an owner opens a subnet with a short tempo, a validator and two miners register by burn, the
//! validator stakes, gets a permit at the next epoch, sets weights, and the following epoch's
//! Yuma consensus shows up in the metagraph: the miner with the larger weight earns more
//! incentive, the validator earns dividends, and HLX emission is paid.

mod common;

use common::{dev_chain, submit, DevNode};
use std::time::Duration;
use subxt::{
	dynamic::Value, ext::scale_value::Composite, rpcs::rpc_params, transactions::DynamicPayload,
};
use subxt_signer::sr25519::{dev, Keypair};

const UNIT: u128 = 1_000_000_000_000;
const TEMPO: u64 = 10;

fn call(name: &str, fields: Vec<(&str, Value)>) -> DynamicPayload<Composite<()>> {
	common::call("Subnets", name, fields)
}

fn account(key: &Keypair) -> Value {
	Value::from_bytes(key.public_key().0)
}

fn ss58(key: &Keypair) -> String {
	key.public_key().to_account_id().to_string()
}

async fn metagraph(node: &DevNode) -> serde_json::Value {
	node.rpc().await.request("subnets_metagraph", rpc_params![0u16]).await.expect("metagraph")
}

/// Waits until the subnet's epoch counter passes `index`.
async fn wait_for_epoch(node: &DevNode, index: u64) {
	let deadline = std::time::Instant::now() + Duration::from_secs(180);
	loop {
		let subnet: serde_json::Value =
			node.rpc().await.request("subnets_subnet", rpc_params![0u16]).await.expect("subnet");
		if subnet["epochIndex"].as_u64().expect("epoch index") > index {
			return;
		}
		assert!(std::time::Instant::now() < deadline, "no epoch after {index}: {subnet}");
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn weights_become_incentive_dividends_and_emission() {
	let dir = tempfile::tempdir().expect("temp dir");
	let (node, api) = dev_chain(dir.path()).await;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());

	let lock: String =
		node.rpc().await.request("subnets_networkLockCost", rpc_params![]).await.expect("lock");
	assert_eq!(lock, (100 * UNIT).to_string(), "the floor lock of a first subnet");
	submit(&api, &alice, &call("register_network", vec![])).await;
	let params = Value::named_composite([
		("tempo", Value::u128(TEMPO.into())),
		("kappa", Value::u128(32_767)),
		("max_uids", Value::u128(16)),
		("max_validators", Value::u128(4)),
		("immunity_period", Value::u128(0)),
		("weights_rate_limit", Value::u128(0)),
		("min_allowed_weights", Value::u128(1)),
		("bonds_moving_average", Value::u128(900_000)),
		("activity_cutoff", Value::u128(5_000)),
		("weights_version_key", Value::u128(0)),
		("commit_reveal_enabled", Value::bool(false)),
		("reveal_period", Value::u128(1)),
		("liquid_alpha_enabled", Value::bool(false)),
	]);
	submit(
		&api,
		&alice,
		&call("set_hyperparameters", vec![("netuid", Value::u128(0)), ("params", params)]),
	)
	.await;

	for key in [&bob, &charlie, &dave] {
		submit(
			&api,
			key,
			&call("burned_register", vec![("netuid", Value::u128(0)), ("hotkey", account(key))]),
		)
		.await;
	}
	let uid = |key: Keypair| {
		let node = &node;
		async move {
			let uid: Option<u16> = node
				.rpc()
				.await
				.request("subnets_uidOf", rpc_params![0u16, ss58(&key)])
				.await
				.expect("uid");
			uid.expect("registered")
		}
	};
	let (bob_uid, charlie_uid, dave_uid) =
		(uid(bob.clone()).await, uid(charlie.clone()).await, uid(dave.clone()).await);
	submit(
		&api,
		&bob,
		&call("add_stake", vec![("hotkey", account(&bob)), ("amount", Value::u128(1_000 * UNIT))]),
	)
	.await;
	let stake: String = node
		.rpc()
		.await
		.request("subnets_totalStake", rpc_params![ss58(&bob)])
		.await
		.expect("stake");
	assert_eq!(stake, (1_000 * UNIT).to_string());

	// The next epoch gives Bob (the only staked hotkey) a validator permit.
	let subnet: serde_json::Value =
		node.rpc().await.request("subnets_subnet", rpc_params![0u16]).await.expect("subnet");
	let first = subnet["epochIndex"].as_u64().expect("epoch index");
	wait_for_epoch(&node, first).await;
	let graph = metagraph(&node).await;
	assert_eq!(graph["validatorPermit"][bob_uid as usize], true, "{graph}");

	submit(
		&api,
		&bob,
		&call(
			"set_weights",
			vec![
				("netuid", Value::u128(0)),
				(
					"uids",
					Value::unnamed_composite([
						Value::u128(charlie_uid.into()),
						Value::u128(dave_uid.into()),
					]),
				),
				("values", Value::unnamed_composite([Value::u128(65_535), Value::u128(16_384)])),
				("version_key", Value::u128(0)),
			],
		),
	)
	.await;
	let subnet: serde_json::Value =
		node.rpc().await.request("subnets_subnet", rpc_params![0u16]).await.expect("subnet");
	wait_for_epoch(&node, subnet["epochIndex"].as_u64().expect("epoch index")).await;

	let graph = metagraph(&node).await;
	let at = |field: &str, uid: u16| graph[field][uid as usize].as_u64().unwrap_or(0);
	assert!(at("incentive", charlie_uid) > at("incentive", dave_uid), "{graph}");
	assert!(at("incentive", dave_uid) > 0, "{graph}");
	assert!(at("dividends", bob_uid) > 0, "{graph}");
	assert_eq!(graph["hotkeys"][bob_uid as usize], ss58(&bob));
	let emission = |uid: u16| -> u128 {
		graph["emission"][uid as usize].as_str().expect("string").parse().expect("u128")
	};
	assert!(emission(charlie_uid) > emission(dave_uid), "{graph}");
	assert!(emission(bob_uid) > 0, "{graph}");
}
