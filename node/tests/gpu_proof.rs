//! Issue #8's acceptance flow on a real `heliox-node --dev` (its off-chain worker verifies) with
//! four real `gpu-agent` processes following the chain (`gpu-agent run --rpc`):
//!
//! * an honest agent passes several epochs: its GPU stays Active and the registry records its
//!   verified throughput class;
//! * an agent that skips 10% of the work is caught by an opening: the validator's OCW submits the
//!   agent-signed opening as a fraud proof, the runtime re-checks it and slashes;
//! * an agent serving openings that do not match its commitment, and one too slow to have its
//!   commit ready when the validator fetches it at the deadline block, miss two epochs in a row
//!   and are suspended;
//! * no agent sends a transaction (their accounts hold nothing): commits are collected off
//!   chain by the validator's OCW;
//! * a replayed verdict (the validator's own, again) and a forged one (from a non-verifier) are
//!   rejected, and so is a "fraud proof" made of an honest opening.
//!
//! The dev chain runs 20-block epochs (beacon 10 blocks in) and opens every GPU every epoch.

mod common;

use common::{call, dev_chain, free_port, node_binary, DevNode};
use serde_json::Value as Json;
use std::{
	path::{Path, PathBuf},
	process::{Child, Command},
	time::{Duration, Instant},
};
use subxt::{dynamic::Value, rpcs::rpc_params};
use subxt_signer::sr25519::{dev, Keypair};

const HLX: u128 = 1_000_000_000_000;
/// The CPU-sized test model of the genesis catalogue (stake 100 HLX).
const DEV_MODEL: u32 = 99;
const STAKE: u128 = 100 * HLX;

fn agent_binary() -> PathBuf {
	let path = node_binary().with_file_name("gpu-agent");
	assert!(path.exists(), "{} is missing: `cargo test --workspace` builds it", path.display());
	path
}

async fn gpu(node: &DevNode, id: u64) -> Json {
	node.rpc().await.request("gpu_get", rpc_params![id]).await.expect("gpu_get")
}

async fn challenge(node: &DevNode, id: u64) -> Json {
	node.rpc().await.request("gpu_challenge", rpc_params![id]).await.expect("gpu_challenge")
}

fn tail(s: &str, lines: usize) -> String {
	let all: Vec<&str> = s.lines().collect();
	all[all.len().saturating_sub(lines)..].join("\n")
}

/// A running `gpu-agent run --rpc` with its output in a file.
struct Agent {
	name: &'static str,
	child: Child,
	log: PathBuf,
}

impl Agent {
	fn start(
		dir: &Path,
		name: &'static str,
		node: &DevNode,
		gpu: u64,
		port: u16,
		fault: &str,
	) -> Agent {
		let log = dir.join(format!("agent-{name}.log"));
		let out = std::fs::File::create(&log).expect("agent log");
		let child = Command::new(agent_binary())
			.args(["run", "--listen", &format!("127.0.0.1:{port}"), "--gpu", &gpu.to_string()])
			.arg("--key-file")
			.arg(dir.join(format!("{name}.json")))
			.args(["--rpc", &node.ws_url(), "--simulate-fault", fault])
			.stdout(out.try_clone().expect("log handle"))
			.stderr(out)
			.spawn()
			.expect("gpu-agent starts");
		let agent = Agent { name, child, log };
		let start = Instant::now();
		while !agent.log().contains("listening on") {
			assert!(start.elapsed() < Duration::from_secs(20), "agent {name}: {}", agent.log());
			std::thread::sleep(Duration::from_millis(50));
		}
		agent
	}

	fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}
}

impl Drop for Agent {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Creates `name`'s agent key and registers a model-99 GPU for Bob with endpoint `port`.
async fn register(dir: &Path, node: &DevNode, name: &str, port: u16) -> (u64, [u8; 32]) {
	let key_file = dir.join(format!("{name}.json"));
	let keygen = Command::new(agent_binary())
		.arg("keygen")
		.arg("--key-file")
		.arg(&key_file)
		.output()
		.unwrap();
	assert!(keygen.status.success(), "{}", String::from_utf8_lossy(&keygen.stderr));
	let public: Json = serde_json::from_slice(&keygen.stdout).expect("keygen prints JSON");
	let public = public["public_key"].as_str().expect("public key").trim_start_matches("0x");
	let mut key = [0u8; 32];
	for (i, byte) in key.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&public[2 * i..2 * i + 2], 16).expect("hex");
	}
	let out = tokio::process::Command::new(agent_binary())
		.args(["register", "--rpc", &node.ws_url(), "--suri", "//Bob", "--key-file"])
		.arg(&key_file)
		.args(["--model", &DEV_MODEL.to_string(), "--vram-mib", "1024"])
		.args(["--serial", &format!("SN-{name}"), "--region", "test-lab"])
		.args(["--endpoint", &format!("http://127.0.0.1:{port}")])
		.output()
		.await
		.expect("register runs");
	assert!(out.status.success(), "register {name}: {}", String::from_utf8_lossy(&out.stderr));
	let registered: Json = serde_json::from_slice(&out.stdout).expect("register prints JSON");
	(registered["gpu"].as_u64().expect("gpu id"), key)
}

/// Polls `gpu_get(id)` until `done` holds.
async fn wait_gpu(
	node: &DevNode,
	agents: &[&Agent],
	id: u64,
	what: &str,
	timeout: Duration,
	done: impl Fn(&Json) -> bool,
) -> Json {
	let start = Instant::now();
	loop {
		let g = gpu(node, id).await;
		if done(&g) {
			println!("GPU {id} {what} after {:.0} s", start.elapsed().as_secs_f64());
			return g;
		}
		if start.elapsed() > timeout {
			let logs: Vec<String> = agents
				.iter()
				.map(|a| format!("--- agent {}:\n{}", a.name, tail(&a.log(), 30)))
				.collect();
			panic!(
				"GPU {id} not {what} after {timeout:?}: {g}\n{}\n--- node:\n{}",
				logs.join("\n"),
				tail(&node.log(), 80)
			);
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// Submits `tx` signed by `signer` and returns the dispatch error's text (panics on success).
/// A transaction the pool drops (Alice's account is also her verifier key's, whose off-chain
/// worker may take the same nonce) is signed again with a fresh nonce.
async fn expect_failure(
	node: &DevNode,
	api: &subxt::OnlineClient<subxt::PolkadotConfig>,
	signer: &Keypair,
	tx: &subxt::transactions::DynamicPayload<subxt::ext::scale_value::Composite<()>>,
) -> String {
	for _ in 0..10 {
		// The pool-aware next nonce (subxt's default reads the finalized state, which lags the
		// off-chain worker's transactions from the same account).
		let account = signer.public_key().to_account_id().to_string();
		let nonce: u64 = node
			.rpc()
			.await
			.request("system_accountNextIndex", rpc_params![account])
			.await
			.expect("next nonce");
		let params = subxt::config::DefaultExtrinsicParamsBuilder::<subxt::PolkadotConfig>::new()
			.nonce(nonce)
			.build();
		let at = api.at_current_block().await.expect("at current block");
		let outcome = match at.transactions().sign_and_submit_then_watch(tx, signer, params).await {
			Ok(progress) => progress.wait_for_finalized_success().await.map(|_| ()),
			Err(error) => {
				println!("submission refused, retrying: {error}");
				tokio::time::sleep(Duration::from_secs(1)).await;
				continue;
			},
		};
		match outcome {
			Ok(()) => panic!("{}.{} unexpectedly succeeded", tx.pallet_name(), tx.call_name()),
			Err(error) => {
				let text = format!("{error:?} {error}");
				if text.contains("Pallet error") {
					return text;
				}
				println!("transaction dropped, retrying: {text}");
				tokio::time::sleep(Duration::from_secs(1)).await;
			},
		}
	}
	panic!("{}.{} never reached a block", tx.pallet_name(), tx.call_name())
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_gpus_pass_and_skippers_wrong_openers_and_late_agents_are_caught() {
	let dir = tempfile::tempdir().expect("temp dir");
	let (node, api) = dev_chain(&dir.path().join("node")).await;
	let (alice, bob) = (dev::alice(), dev::bob());

	// Four GPUs, one per behaviour. The agent keys' accounts are never funded: commits are
	// collected off chain.
	let names = ["honest", "skipper", "wrong", "late"];
	let mut gpus = Vec::new();
	for name in names {
		let port = free_port();
		let (id, key) = register(dir.path(), &node, name, port).await;
		gpus.push((id, key, port));
	}
	let faults = ["none", "skip=0.1", "wrong-openings", "late=3"];
	let agents: Vec<Agent> = names
		.iter()
		.zip(faults)
		.zip(&gpus)
		.map(|((name, fault), (id, _, port))| {
			Agent::start(dir.path(), name, &node, *id, *port, fault)
		})
		.collect();
	let all: Vec<&Agent> = agents.iter().collect();
	let [honest, skipper, wrong, late] = [gpus[0].0, gpus[1].0, gpus[2].0, gpus[3].0];

	// Liveness probes activate all four; then the challenges start.
	for (id, _, _) in &gpus {
		wait_gpu(&node, &all, *id, "active", Duration::from_secs(240), |g| g["status"] == "active")
			.await;
	}
	let c = challenge(&node, honest).await;
	println!("challenge of the honest GPU: {c}");
	assert_eq!(c["params"]["n"], 64);

	// The skipper is caught by an opening and slashed on the fraud proof: 20% of its stake.
	let slashed = wait_gpu(&node, &all, skipper, "slashed", Duration::from_secs(300), |g| {
		g["status"] == "slashed"
	})
	.await;
	assert_eq!(slashed["stake"], (STAKE * 8 / 10).to_string(), "{slashed}");

	// A "fraud proof" made of the honest GPU's real, signed opening is refused (NotFraud): the
	// runtime re-checks the entry itself. It costs the forger its fee, not the GPU.
	let start = Instant::now();
	let forged = loop {
		assert!(start.elapsed() < Duration::from_secs(180), "no opening of the honest GPU served");
		tokio::time::sleep(Duration::from_secs(1)).await;
		let c = challenge(&node, honest).await;
		let (Some(beacon), Some(epoch)) = (c["beacon"].as_str(), c["epoch"].as_u64()) else {
			continue;
		};
		// The agent's wire format: the beacon in plain hex (no 0x).
		let beacon = beacon.trim_start_matches("0x");
		let url = format!(
			"http://127.0.0.1:{}/pog/opening?gpu={honest}&epoch={epoch}&beacon={beacon}&k=0",
			gpus[0].2
		);
		let Some(bytes) = http_get(&url).await else { continue };
		let (opening, signature) = split_signed_opening(&bytes);
		let url = format!("http://127.0.0.1:{}/pog/commit?gpu={honest}&epoch={epoch}", gpus[0].2);
		let Some(commit) = http_get(&url).await else { continue };
		// SCALE `SignedCommit { gpu: u64, epoch: u64, root: [u8; 32], signature: [u8; 64] }`.
		assert_eq!(commit.len(), 112, "signed commit");
		let (root, commit_signature) = (&commit[16..48], &commit[48..112]);
		let error = expect_failure(
			&node,
			&api,
			&bob,
			&call(
				"GpuProof",
				"report_fraud",
				vec![
					("gpu", Value::u128(honest.into())),
					("epoch", Value::u128(epoch.into())),
					("root", Value::from_bytes(root)),
					("commit_signature", Value::from_bytes(commit_signature)),
					("index", Value::u128(0)),
					("opening", Value::from_bytes(opening)),
					("agent_signature", Value::from_bytes(signature)),
				],
			),
		)
		.await;
		if error.contains("NotFraud") {
			break error;
		}
		println!("fraud-proof attempt hit the epoch boundary, retrying: {error}");
	};
	println!("forged fraud proof rejected: {forged}");

	// Wrong openings and commits not ready at the deadline: two missed epochs suspend.
	for id in [wrong, late] {
		wait_gpu(&node, &all, id, "suspended", Duration::from_secs(300), |g| {
			g["status"] == "suspended"
		})
		.await;
	}
	// The late agent did compute its chains, after the validator had fetched at the deadline:
	// never verified.
	assert!(agents[3].log().contains("computed root"), "late agent log:\n{}", agents[3].log());
	assert!(gpu(&node, late).await["verified"].is_null(), "the late GPU was never verified");
	// No agent ever paid a fee: their accounts are empty.
	for (_, key, _) in &gpus {
		assert_eq!(free_balance(&api, key).await, 0, "agent key account");
	}

	// The honest GPU passed several epochs and stays Active with its class recorded.
	let passed = wait_gpu(&node, &all, honest, "verified twice", Duration::from_secs(180), |g| {
		g["verified"]["passes"].as_u64().unwrap_or(0) >= 2
	})
	.await;
	assert_eq!(passed["status"], "active");
	assert_eq!(passed["verified"]["model"], DEV_MODEL);
	assert_eq!(passed["stake"], STAKE.to_string());

	// Verdicts: once the validator has reported for this epoch, the same verdict again (a replay
	// by the verifier's own account) and a report from a non-verifier are refused.
	let verdicts = |epoch: u64| {
		call(
			"GpuProof",
			"submit_verdicts",
			vec![
				("epoch", Value::u128(epoch.into())),
				(
					"verdicts",
					Value::unnamed_composite([Value::unnamed_composite([
						Value::u128(honest.into()),
						Value::unnamed_variant("Pass", []),
					])]),
				),
			],
		)
	};
	let start = Instant::now();
	let (replayed, forged) = loop {
		let c = challenge(&node, honest).await;
		let epoch = c["epoch"].as_u64().expect("epoch");
		if c["beacon"].is_string() && verdicts_reported(&node, honest).await {
			let replayed = expect_failure(&node, &api, &alice, &verdicts(epoch)).await;
			let forged = expect_failure(&node, &api, &bob, &verdicts(epoch)).await;
			if !replayed.contains("WrongEpoch") && !forged.contains("WrongEpoch") {
				break (replayed, forged);
			}
		}
		assert!(start.elapsed() < Duration::from_secs(180), "no verdict window found");
		tokio::time::sleep(Duration::from_secs(1)).await;
	};
	assert!(replayed.contains("DuplicateVerdict"), "{replayed}");
	assert!(forged.contains("NotVerifier"), "{forged}");
	// The honest GPU is untouched by all of it.
	assert_eq!(gpu(&node, honest).await["status"], "active");
}

/// Whether the verifier has voted on `gpu` this epoch (its tally has a vote).
async fn verdicts_reported(node: &DevNode, gpu: u64) -> bool {
	// The dev chain has one verifier (quorum 1): a settled epoch shows as a recorded pass.
	let g: Json = node.rpc().await.request("gpu_get", rpc_params![gpu]).await.expect("gpu_get");
	let c = challenge(node, gpu).await;
	g["verified"]["epoch"].as_u64().is_some() && g["verified"]["epoch"] == c["epoch"]
}

#[derive(Debug, subxt::ext::scale_decode::DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountInfo {
	data: AccountData,
}

#[derive(Debug, subxt::ext::scale_decode::DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountData {
	free: u128,
}

/// The free balance of the account `key` (0 when the account does not exist).
async fn free_balance(api: &subxt::OnlineClient<subxt::PolkadotConfig>, key: &[u8; 32]) -> u128 {
	let at = api.at_current_block().await.expect("current block");
	let query = subxt::dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	match at.storage().try_fetch(query, (*key,)).await.expect("storage query") {
		Some(account) => account.decode().expect("account decodes").data.free,
		None => 0,
	}
}

/// SCALE `SignedOpening { index: u32, opening: Vec<u8>, signature: [u8; 64] }` → its parts.
fn split_signed_opening(bytes: &[u8]) -> (Vec<u8>, [u8; 64]) {
	use codec::Decode;
	let mut input = &bytes[4..];
	let opening = Vec::<u8>::decode(&mut input).expect("opening bytes");
	let signature = <[u8; 64]>::decode(&mut input).expect("signature");
	(opening, signature)
}

/// A plain HTTP/1.1 GET on loopback (blocking std I/O: one small request); the body if the
/// status is 200.
async fn http_get(url: &str) -> Option<Vec<u8>> {
	use std::io::{Read, Write};
	let rest = url.strip_prefix("http://")?;
	let (host, path) = rest.split_once('/')?;
	let mut stream = std::net::TcpStream::connect(host).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
	let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
	stream.write_all(request.as_bytes()).ok()?;
	let mut response = Vec::new();
	stream.read_to_end(&mut response).ok()?;
	let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
	let head = String::from_utf8_lossy(&response[..split]);
	if !head.starts_with("HTTP/1.1 200") {
		return None;
	}
	Some(response[split + 4..].to_vec())
}
