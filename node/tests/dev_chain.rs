//! End-to-end tests against a real `heliox-node --dev` driven by subxt, using only the node's
//! live metadata (dynamic API, no generated code, no custom types).

mod common;

use common::{dev_chain, DevNode};
use std::time::Duration;
use subxt::dynamic::{self, Value};
use subxt_signer::sr25519::{dev, Keypair};

#[derive(Debug, subxt::ext::scale_decode::DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountInfo {
	nonce: u32,
	data: AccountData,
}

#[derive(Debug, subxt::ext::scale_decode::DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountData {
	free: u128,
}

#[tokio::test(flavor = "multi_thread")]
async fn transfer_keep_alive_is_finalized_with_fee_event() {
	let dir = tempfile::tempdir().expect("temp dir");
	// BABE + GRANDPA: blocks are produced and finalized.
	let (_node, api) = dev_chain(dir.path()).await;

	let alice = dev::alice();
	// A fresh account nobody has seen: random secret key.
	let fresh_secret: [u8; 32] = std::array::from_fn(|i| {
		(std::process::id() as u8).wrapping_mul(31).wrapping_add(i as u8).wrapping_mul(7) ^ 0x5a
	});
	let fresh = Keypair::from_secret_key(fresh_secret).expect("keypair");
	let fresh_id: [u8; 32] = fresh.public_key().0;

	let amount: u128 = 5 * 1_000_000_000_000; // 5 HLX
	let tx = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(fresh.public_key().to_address::<()>(), amount),
	);
	let at = api.at_current_block().await.expect("at current block");
	let events = at
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &alice)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await
		.expect("finalized and successful");

	// The fee event names Alice and a non-zero fee; a Transfer event carries the amount.
	let mut fee_paid = None;
	let mut transferred = None;
	for ev in events.iter() {
		let ev = ev.expect("event decodes");
		match (ev.pallet_name(), ev.event_name()) {
			("TransactionPayment", "TransactionFeePaid") => {
				let v = ev.decode_as::<Value>().expect("fee event decodes");
				fee_paid = Some(v.to_string());
			},
			("Balances", "Transfer") => {
				let v = ev.decode_as::<Value>().expect("transfer event decodes");
				transferred = Some(v.to_string());
			},
			_ => {},
		}
	}
	let fee_paid = fee_paid.expect("TransactionFeePaid event emitted");
	let transferred = transferred.expect("Transfer event emitted");
	assert!(transferred.contains(&amount.to_string()), "transfer event: {transferred}");
	assert!(!fee_paid.contains("actual_fee: 0,"), "fee must be non-zero: {fee_paid}");

	// The new balance, read at the latest finalized block.
	let at = api.at_current_block().await.expect("at current block");
	let account = at
		.storage()
		.fetch(dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account"), (fresh_id,))
		.await
		.expect("account exists")
		.decode()
		.expect("account decodes");
	assert_eq!(account.data.free, amount);
	assert_eq!(account.nonce, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_on_same_base_path_keeps_the_chain() {
	let dir = tempfile::tempdir().expect("temp dir");
	let mut node = DevNode::start(dir.path()).await;
	let (best_before, hash_before) = node.wait_for_best(3, Duration::from_secs(120)).await;
	node.wait_for_finalized(2, Duration::from_secs(120)).await;
	node.stop();

	let node = DevNode::start(dir.path()).await;
	// The block we saw before the restart is still there, with the same hash...
	let rpc = node.rpc().await;
	let hash_after: Option<String> = rpc
		.request("chain_getBlockHash", subxt::rpcs::rpc_params![best_before])
		.await
		.expect("block hash");
	assert_eq!(hash_after.as_deref(), Some(hash_before.as_str()), "block {best_before} changed");
	// ...and the chain grows on top of it.
	let (best_after, _) = node.wait_for_best(best_before + 1, Duration::from_secs(120)).await;
	assert!(best_after > best_before);
}
