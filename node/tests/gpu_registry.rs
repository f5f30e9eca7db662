//! Issue #7's acceptance flow (and the GPU-revenue part of #9's) on a real `heliox-node --dev`
//! with a real `gpu-agent` process:
//!
//! 1. the provider (Bob) creates an agent key and registers a GPU with `gpu-agent register`;
//! 2. the agent serves liveness probes; the validator's off-chain worker probes it, reports, and
//!    the GPU turns Active;
//! 3. Bob transfers the GPU's NFT to Dave; Charlie rents the GPU in HLX; settlement pays the
//!    operator, the NFT holder (Dave) and the treasury, refunding any downtime;
//! 4. the sAID vault finances the GPU; a rental paid in AID sends the holder share into the
//!    vault, where it vests: the vault's assets grow by exactly the revenue minus the fee;
//! 5. the agent is stopped and the GPU is suspended (missed liveness periods or missed
//!    proof-of-GPU epochs, whichever its verifiers decide first).

mod common;

use common::{call, dev_chain, free_port, node_binary, submit, DevNode};
use serde_json::Value as Json;
use std::{
	io::{BufRead, BufReader},
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	dynamic::Value,
	ext::scale_value::{At, Composite},
	rpcs::rpc_params,
	transactions::DynamicPayload,
};
use subxt_signer::sr25519::dev;

const HLX: u128 = 1_000_000_000_000;
const AID_UNIT: u128 = 1_000_000;
const USDC: u128 = 100;
/// The CPU-sized test model of the genesis catalogue.
const DEV_MODEL: u32 = 99;
/// The GPU collection is the first pallet-nfts collection (created at genesis).
const GPU_COLLECTION: u32 = 0;

fn agent_binary() -> PathBuf {
	let path = node_binary().with_file_name("gpu-agent");
	assert!(path.exists(), "{} is missing: `cargo test --workspace` builds it", path.display());
	path
}

fn sudo(inner: DynamicPayload<Composite<()>>) -> DynamicPayload<Composite<()>> {
	call("Sudo", "sudo", vec![("call", inner.into_value())])
}

async fn gpu(node: &DevNode, id: u64) -> Json {
	node.rpc().await.request("gpu_get", rpc_params![id]).await.expect("gpu_get")
}

async fn vault(node: &DevNode) -> Json {
	node.rpc().await.request("aid_vaultState", rpc_params![]).await.expect("aid_vaultState")
}

fn amount(v: &Json) -> u128 {
	v.as_str().expect("decimal string").parse().expect("u128")
}

/// Waits until `gpu_get(id).status == status`.
async fn wait_for_status(node: &DevNode, id: u64, status: &str, timeout: Duration) -> Json {
	let start = Instant::now();
	loop {
		let g = gpu(node, id).await;
		if g["status"] == status {
			return g;
		}
		assert!(
			start.elapsed() < timeout,
			"GPU {id} still {} after {timeout:?}: {g}\nnode log tail:\n{}",
			g["status"],
			tail(&node.log(), 60)
		);
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

fn tail(s: &str, lines: usize) -> String {
	let all: Vec<&str> = s.lines().collect();
	all[all.len().saturating_sub(lines)..].join("\n")
}

/// The field `name` of the first `pallet.event` in `events`, as a scale value.
fn event_field(
	events: &subxt::extrinsics::ExtrinsicEvents<subxt::PolkadotConfig>,
	pallet: &str,
	event: &str,
) -> Value {
	for ev in events.iter() {
		let ev = ev.expect("event decodes");
		if ev.pallet_name() == pallet && ev.event_name() == event {
			let outer = ev.decode_as::<Value>().expect("event decodes");
			// `Pallet(Event { fields })`: the pallet's event is the outer variant's only field.
			return outer.at(0).cloned().expect("pallet event inside the runtime event");
		}
	}
	panic!("no {pallet}.{event} event");
}

fn field_u128(v: &Value, name: &str) -> u128 {
	v.at(name).and_then(|f| f.as_u128()).unwrap_or_else(|| panic!("no u128 field {name} in {v}"))
}

struct Agent {
	child: Child,
}

impl Agent {
	/// Runs the agent: it answers liveness probes and, following the node at `rpc`, the GPU's
	/// proof-of-GPU challenges (a GPU that does not would be suspended after two epochs).
	fn start(key_file: &Path, port: u16, gpu: u64, rpc: &str) -> Agent {
		let mut child = Command::new(agent_binary())
			.args(["run", "--listen", &format!("127.0.0.1:{port}"), "--gpu", &gpu.to_string()])
			.arg("--key-file")
			.arg(key_file)
			.args(["--rpc", rpc])
			.stdout(Stdio::piped())
			.spawn()
			.expect("gpu-agent starts");
		let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
		let mut line = String::new();
		stdout.read_line(&mut line).expect("agent prints its address");
		assert!(line.starts_with("listening on"), "agent: {line}");
		// Keep reading what the agent prints for as long as it runs, so the pipe stays open.
		std::thread::spawn(move || {
			let mut sink = String::new();
			while stdout.read_line(&mut sink).map_or(false, |n| n > 0) {
				sink.clear();
			}
		});
		Agent { child }
	}

	fn stop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Drop for Agent {
	fn drop(&mut self) {
		self.stop();
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn provider_registers_validators_probe_renters_pay_holders_earn_and_dead_agents_are_suspended(
) {
	let dir = tempfile::tempdir().expect("temp dir");
	let (node, api) = dev_chain(&dir.path().join("node")).await;
	let (alice, bob, charlie, dave, eve) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve());

	// 1. Bob's agent key and registration (the model's 100 HLX stake is held from Bob).
	let key_file = dir.path().join("agent.json");
	let keygen = Command::new(agent_binary())
		.arg("keygen")
		.arg("--key-file")
		.arg(&key_file)
		.output()
		.expect("keygen runs");
	assert!(keygen.status.success(), "{}", String::from_utf8_lossy(&keygen.stderr));
	let port = free_port();
	let register = tokio::process::Command::new(agent_binary())
		.args(["register", "--rpc", &node.ws_url(), "--suri", "//Bob", "--key-file"])
		.arg(&key_file)
		.args(["--model", &DEV_MODEL.to_string(), "--vram-mib", "1024", "--serial", "SN-0001"])
		.args(["--region", "test-lab", "--endpoint", &format!("http://127.0.0.1:{port}")])
		.output()
		.await
		.expect("register runs");
	assert!(register.status.success(), "register: {}", String::from_utf8_lossy(&register.stderr));
	let registered: Json = serde_json::from_slice(&register.stdout).expect("register prints JSON");
	let id = registered["gpu"].as_u64().expect("gpu id");
	let info = gpu(&node, id).await;
	assert_eq!(info["status"], "pending");
	assert_eq!(info["provider"], bob.public_key().to_account_id().to_string());
	assert_eq!(info["stake"], (100 * HLX).to_string());

	// 2. The agent answers the validator's probes: the GPU becomes Active. (Its proof-of-GPU
	// commits are collected off chain: the agent key's account needs no funds.)
	let mut agent = Agent::start(&key_file, port, id, &node.ws_url());
	let active = wait_for_status(&node, id, "active", Duration::from_secs(240)).await;
	assert!(active["uptime"]["live"].as_u64().unwrap_or(0) >= 1, "{active}");

	// 3. Revenue rights move with the NFT: Dave holds it, Charlie rents in HLX.
	submit(
		&api,
		&bob,
		&call(
			"Nfts",
			"transfer",
			vec![
				("collection", Value::u128(GPU_COLLECTION.into())),
				("item", Value::u128(id.into())),
				("dest", Value::unnamed_variant("Id", [Value::from_bytes(dave.public_key().0)])),
			],
		),
	)
	.await;
	assert_eq!(gpu(&node, id).await["holder"], dave.public_key().to_account_id().to_string());
	let native = || Value::unnamed_variant("Native", []);
	submit(
		&api,
		&bob,
		&call(
			"GpuRegistry",
			"set_price",
			vec![
				("gpu", Value::u128(id.into())),
				("currency", native()),
				("price_per_block", Value::u128(HLX)),
			],
		),
	)
	.await;
	let blocks = 10u128;
	submit(
		&api,
		&charlie,
		&call(
			"GpuRegistry",
			"rent",
			vec![
				("gpu", Value::u128(id.into())),
				("blocks", Value::u128(blocks)),
				("max_price_per_block", Value::u128(HLX)),
				("currency", native()),
			],
		),
	)
	.await;
	let rental_end = gpu(&node, id).await["rental"]["end"].as_u64().expect("open rental");
	node.wait_for_best(rental_end + 1, Duration::from_secs(120)).await;
	let settled = submit(
		&api,
		&eve,
		&call("GpuRegistry", "settle_rental", vec![("gpu", Value::u128(id.into()))]),
	)
	.await;
	let s = event_field(&settled, "GpuRegistry", "RentalSettled");
	let paid = field_u128(&s, "paid");
	assert_eq!(paid, blocks * HLX);
	let (refunded, to_operator, to_holder, to_protocol) = (
		field_u128(&s, "refunded"),
		field_u128(&s, "to_operator"),
		field_u128(&s, "to_holder"),
		field_u128(&s, "to_protocol"),
	);
	assert_eq!(refunded + to_operator + to_holder + to_protocol, paid, "{s}");
	assert!(to_holder > 0 && to_operator > to_holder && to_protocol > 0, "{s}");
	let after = gpu(&node, id).await;
	assert_eq!(amount(&after["revenue"]["HLX"]["toHolder"]), to_holder);
	assert!(after["rental"].is_null());

	// 4. The sAID vault finances the GPU; AID rentals feed the vault.
	let parameters = Value::named_composite([
		("mint_fee", Value::u128(0)),
		("redeem_fee", Value::u128(0)),
		("performance_fee", Value::u128(150_000)), // Permill: 15%
		("cooldown", Value::u128(5)),
		("vesting_period", Value::u128(10)),
	]);
	submit(&api, &alice, &sudo(call("Aid", "set_parameters", vec![("parameters", parameters)])))
		.await;
	for (who, aid) in [(&alice, 1_000 * AID_UNIT), (&charlie, 100 * AID_UNIT)] {
		submit(
			&api,
			who,
			&call(
				"Aid",
				"mint_aid",
				vec![("collateral", Value::u128(USDC)), ("amount", Value::u128(aid))],
			),
		)
		.await;
	}
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
	submit(
		&api,
		&alice,
		&sudo(call(
			"Aid",
			"fund_gpu_deal",
			vec![
				("gpu", Value::u128(id.into())),
				("beneficiary", Value::from_bytes(bob.public_key().0)),
				("amount", Value::u128(100 * AID_UNIT)),
			],
		)),
	)
	.await;
	submit(
		&api,
		&bob,
		&call(
			"GpuRegistry",
			"set_price",
			vec![
				("gpu", Value::u128(id.into())),
				("currency", Value::unnamed_variant("Aid", [])),
				("price_per_block", Value::u128(2 * AID_UNIT)),
			],
		),
	)
	.await;
	submit(
		&api,
		&charlie,
		&call(
			"GpuRegistry",
			"rent",
			vec![
				("gpu", Value::u128(id.into())),
				("blocks", Value::u128(blocks)),
				("max_price_per_block", Value::u128(2 * AID_UNIT)),
				("currency", Value::unnamed_variant("Aid", [])),
			],
		),
	)
	.await;
	let rental_end = gpu(&node, id).await["rental"]["end"].as_u64().expect("open rental");
	node.wait_for_best(rental_end + 1, Duration::from_secs(120)).await;
	let before = vault(&node).await;
	let settled = submit(
		&api,
		&eve,
		&call("GpuRegistry", "settle_rental", vec![("gpu", Value::u128(id.into()))]),
	)
	.await;
	let s = event_field(&settled, "GpuRegistry", "RentalSettled");
	assert_eq!(s.at("via_sink").and_then(|v| v.as_bool()), Some(true), "{s}");
	let holder_share = field_u128(&s, "to_holder");
	let revenue = event_field(&settled, "Aid", "RevenueReceived");
	assert_eq!(field_u128(&revenue, "amount"), holder_share);
	let (to_vault, fee) = (field_u128(&revenue, "to_vault"), field_u128(&revenue, "fee"));
	assert_eq!(to_vault + fee, holder_share);
	assert_eq!(fee, holder_share * 15 / 100, "15% performance fee");
	let just_paid = vault(&node).await;
	let vesting_end = just_paid["vestingEnd"].as_u64().expect("vesting end");
	node.wait_for_best(vesting_end + 1, Duration::from_secs(120)).await;
	let vested = vault(&node).await;
	assert_eq!(amount(&vested["unvestedRevenue"]), 0);
	assert_eq!(
		amount(&vested["totalAssets"]),
		amount(&before["totalAssets"]) + to_vault,
		"the vault grew by exactly the GPU revenue minus the fee"
	);
	assert!(amount(&vested["sharePrice"]) > amount(&before["sharePrice"]));

	// 5. The agent stops answering: the GPU is suspended. Two verifiers notice a dead agent —
	// the liveness probes (two dead periods; the outage shows in the uptime) and proof-of-GPU
	// (two missed challenge epochs) — and whichever decides first suspends it (which also stops
	// the other's monitoring), so the uptime shows the outage only when the probes won the race.
	let before_stop = gpu(&node, id).await;
	agent.stop();
	let suspended = wait_for_status(&node, id, "suspended", Duration::from_secs(240)).await;
	let uptime = &suspended["uptime"];
	let probes_saw_it = uptime["live"].as_u64() < uptime["observed"].as_u64();
	let challenges_saw_it = suspended["verified"] == before_stop["verified"]
		&& uptime["live"].as_u64() == uptime["observed"].as_u64();
	assert!(probes_saw_it || challenges_saw_it, "{suspended}");
	// A suspended GPU cannot be rented.
	let at = api.at_current_block().await.expect("at");
	let refused = at
		.transactions()
		.sign_and_submit_then_watch_default(
			&call(
				"GpuRegistry",
				"rent",
				vec![
					("gpu", Value::u128(id.into())),
					("blocks", Value::u128(1)),
					("max_price_per_block", Value::u128(2 * AID_UNIT)),
					("currency", Value::unnamed_variant("Aid", [])),
				],
			),
			&charlie,
		)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await;
	assert!(refused.is_err(), "renting a suspended GPU must fail");
	drop(node);
}
