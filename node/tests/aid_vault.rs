//! Issue #9's acceptance flow on a real `heliox-node --dev` with signed extrinsics (subxt,
//! dynamic API) and the `aid_*` JSON-RPC: mint AID against test USDC, deposit into sAID, GPU
//! revenue paid into the vault vests, the share price rises by exactly the vested revenue minus
//! the performance fee, and a withdrawal request is served after the cooldown.
//!
//! The revenue comes from `Aid.pay_revenue` for a GPU the vault finances (`fund_gpu_deal`): the
//! same `RevenueSink` path the GPU registry's rentals will call (issue #7).

mod common;

use common::{call, dev_chain, submit, DevNode};
use std::time::Duration;
use subxt::{
	dynamic::Value, ext::scale_value::Composite, rpcs::rpc_params, transactions::DynamicPayload,
};
use subxt_signer::sr25519::dev;

const USDC: u128 = 100; // asset id of the dev preset's test USDC
const AID_UNIT: u128 = 1_000_000; // AID has 6 decimals
const GPU: u64 = 7;

fn sudo(inner: DynamicPayload<Composite<()>>) -> DynamicPayload<Composite<()>> {
	call("Sudo", "sudo", vec![("call", inner.into_value())])
}

async fn vault(node: &DevNode) -> serde_json::Value {
	node.rpc().await.request("aid_vaultState", rpc_params![]).await.expect("aid_vaultState")
}

fn amount(value: &serde_json::Value) -> u128 {
	value.as_str().expect("decimal string").parse().expect("u128")
}

#[tokio::test(flavor = "multi_thread")]
async fn mint_deposit_revenue_vests_and_withdrawal_is_served_after_cooldown() {
	let dir = tempfile::tempdir().expect("temp dir");
	let (node, api) = dev_chain(dir.path()).await;
	let alice = dev::alice();
	let charlie = dev::charlie();

	// Short periods for the test: revenue vests over 10 blocks, withdrawals wait 5 blocks.
	let parameters = Value::named_composite([
		("mint_fee", Value::u128(0)),
		("redeem_fee", Value::u128(0)),
		("performance_fee", Value::u128(150_000)), // Permill: 15%
		("cooldown", Value::u128(5)),
		("vesting_period", Value::u128(10)),
	]);
	submit(&api, &alice, &sudo(call("Aid", "set_parameters", vec![("parameters", parameters)])))
		.await;

	// 1. Mint 1,000 AID against 1,000 test USDC (same decimals: 1:1 in base units).
	submit(
		&api,
		&alice,
		&call(
			"Aid",
			"mint_aid",
			vec![("collateral", Value::u128(USDC)), ("amount", Value::u128(1_000 * AID_UNIT))],
		),
	)
	.await;
	// 2. Deposit all of it into the sAID vault.
	submit(
		&api,
		&alice,
		&call(
			"Aid",
			"deposit",
			vec![("assets", Value::u128(1_000 * AID_UNIT)), ("min_shares", Value::u128(1))],
		),
	)
	.await;
	let after_deposit = vault(&node).await;
	assert_eq!(amount(&after_deposit["totalAssets"]), 1_000 * AID_UNIT);
	let shares = amount(&after_deposit["totalShares"]);
	assert!(shares > 0);

	// 3. The vault finances a GPU operated by Charlie with 100 AID, and its revenue comes back.
	submit(
		&api,
		&alice,
		&sudo(call(
			"Aid",
			"fund_gpu_deal",
			vec![
				("gpu", Value::u128(GPU.into())),
				("beneficiary", Value::from_bytes(charlie.public_key().0)),
				("amount", Value::u128(100 * AID_UNIT)),
			],
		)),
	)
	.await;
	let price_before = amount(&vault(&node).await["sharePrice"]);
	submit(
		&api,
		&charlie,
		&call(
			"Aid",
			"pay_revenue",
			vec![("gpu", Value::u128(GPU.into())), ("amount", Value::u128(20 * AID_UNIT))],
		),
	)
	.await;
	let just_paid = vault(&node).await;
	// 15% performance fee to the treasury, 17 AID vesting, nothing counted yet in full.
	assert!(amount(&just_paid["unvestedRevenue"]) > 0);
	assert!(amount(&just_paid["totalAssets"]) < 1_017 * AID_UNIT);

	// 4. After the vesting period the whole 17 AID is in the vault's assets.
	let vesting_end = just_paid["vestingEnd"].as_u64().expect("vesting end");
	node.wait_for_best(vesting_end + 1, Duration::from_secs(120)).await;
	let vested = vault(&node).await;
	assert_eq!(amount(&vested["unvestedRevenue"]), 0);
	assert_eq!(amount(&vested["totalAssets"]), 1_017 * AID_UNIT, "vested exactly 20 − 15%");
	let price_after = amount(&vested["sharePrice"]);
	assert!(price_after > price_before, "share price rose: {price_before} -> {price_after}");
	// The price is the vault's assets per whole share, rounded down in the vault's favour.
	let whole_share = 10u128.pow(12);
	let expected = 1_017 * AID_UNIT * whole_share / shares;
	assert!(price_after.abs_diff(expected) <= 1, "price {price_after}, expected {expected}");

	// 5. Alice queues half of her shares; after the cooldown they are served by on_initialize.
	let half = shares / 2;
	submit(&api, &alice, &call("Aid", "request_withdraw", vec![("shares", Value::u128(half))]))
		.await;
	let (requested_at, _) = node.best_block().await;
	let rpc = node.rpc().await;
	let requests: serde_json::Value = rpc
		.request(
			"aid_withdrawalRequests",
			rpc_params![alice.public_key().to_account_id().to_string()],
		)
		.await
		.expect("requests");
	assert_eq!(requests.as_array().expect("list").len(), 1);
	assert_eq!(requests[0]["position"], 0);
	node.wait_for_best(requested_at + 7, Duration::from_secs(120)).await;
	let requests: serde_json::Value = rpc
		.request(
			"aid_withdrawalRequests",
			rpc_params![alice.public_key().to_account_id().to_string()],
		)
		.await
		.expect("requests");
	assert_eq!(requests.as_array().expect("list").len(), 0, "served: {requests}");
	let served = vault(&node).await;
	assert_eq!(amount(&served["totalShares"]), shares - half);
	assert_eq!(amount(&served["queuedShares"]), 0);
}
