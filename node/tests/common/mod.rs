//! A harness that runs the real `heliox-node` binary (the one `cargo test` just built) on free
//! loopback ports and talks to it over JSON-RPC.
#![allow(dead_code)]

use serde_json::Value;
use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::rpcs::{rpc_params, RpcClient};

/// The node binary built by this `cargo test` run (never a second build).
pub fn node_binary() -> PathBuf {
	PathBuf::from(env!("CARGO_BIN_EXE_heliox-node"))
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("can bind a loopback port")
}

/// A running `heliox-node --dev` process; killed when dropped.
pub struct DevNode {
	child: Option<Child>,
	pub rpc_port: u16,
	pub base_path: PathBuf,
	pub log_path: PathBuf,
}

impl DevNode {
	/// Starts `heliox-node --dev` with its state under `base_path` and waits until its RPC
	/// server answers.
	pub async fn start(base_path: &Path) -> DevNode {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let prometheus_port = free_port();
		let log_path = base_path.join(format!("node-{rpc_port}.log"));
		std::fs::create_dir_all(base_path).expect("base path can be created");
		let log = std::fs::File::create(&log_path).expect("log file");
		let child = Command::new(node_binary())
			.args(["--dev", "--base-path"])
			.arg(base_path)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns"])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			.stdout(Stdio::null())
			.stderr(Stdio::from(log))
			.spawn()
			.expect("heliox-node starts");
		let mut node =
			DevNode { child: Some(child), rpc_port, base_path: base_path.to_path_buf(), log_path };
		node.wait_for_rpc(Duration::from_secs(180)).await;
		node
	}

	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log_path).unwrap_or_default()
	}

	async fn wait_for_rpc(&mut self, timeout: Duration) {
		let start = Instant::now();
		loop {
			if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
				panic!("node exited with {status} before answering RPC; log:\n{}", self.log());
			}
			if let Ok(client) = RpcClient::from_insecure_url(self.ws_url()).await {
				let health: Result<Value, _> = client.request("system_health", rpc_params![]).await;
				if health.is_ok() {
					return;
				}
			}
			assert!(
				start.elapsed() < timeout,
				"node did not answer RPC within {timeout:?}; log:\n{}",
				self.log()
			);
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	pub async fn rpc(&self) -> RpcClient {
		RpcClient::from_insecure_url(self.ws_url()).await.expect("rpc connects")
	}

	/// Best block number and hash.
	pub async fn best_block(&self) -> (u64, String) {
		let rpc = self.rpc().await;
		let header: Value = rpc.request("chain_getHeader", rpc_params![]).await.expect("header");
		let number = parse_hex_u64(&header["number"]);
		let hash: String =
			rpc.request("chain_getBlockHash", rpc_params![number]).await.expect("hash");
		(number, hash)
	}

	/// Number of the last finalized block.
	pub async fn finalized_number(&self) -> u64 {
		let rpc = self.rpc().await;
		let hash: String =
			rpc.request("chain_getFinalizedHead", rpc_params![]).await.expect("finalized head");
		let header: Value =
			rpc.request("chain_getHeader", rpc_params![hash]).await.expect("finalized header");
		parse_hex_u64(&header["number"])
	}

	/// Waits until the best block reaches `n` (or panics after `timeout`).
	pub async fn wait_for_best(&self, n: u64, timeout: Duration) -> (u64, String) {
		let start = Instant::now();
		loop {
			let best = self.best_block().await;
			if best.0 >= n {
				return best;
			}
			assert!(
				start.elapsed() < timeout,
				"best block stuck at {}; log:\n{}",
				best.0,
				self.log()
			);
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until block `n` is finalized (or panics after `timeout`).
	pub async fn wait_for_finalized(&self, n: u64, timeout: Duration) -> u64 {
		let start = Instant::now();
		loop {
			let fin = self.finalized_number().await;
			if fin >= n {
				return fin;
			}
			assert!(start.elapsed() < timeout, "finality stuck at {fin}; log:\n{}", self.log());
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Graceful shutdown (SIGINT, as Ctrl-C), so the database is closed cleanly.
	pub fn stop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
			let deadline = Instant::now() + Duration::from_secs(60);
			loop {
				match child.try_wait() {
					Ok(Some(_)) => break,
					Ok(None) if Instant::now() < deadline => {
						std::thread::sleep(Duration::from_millis(100))
					},
					_ => {
						let _ = child.kill();
						let _ = child.wait();
						break;
					},
				}
			}
		}
	}
}

impl Drop for DevNode {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

pub fn parse_hex_u64(v: &Value) -> u64 {
	let s = v.as_str().expect("hex string");
	u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("hex number")
}

/// A started dev chain: the node (after its first finalized block) and a subxt client.
pub async fn dev_chain(base_path: &Path) -> (DevNode, subxt::OnlineClient<subxt::PolkadotConfig>) {
	let node = DevNode::start(base_path).await;
	// BABE + GRANDPA: blocks are produced and finalized.
	node.wait_for_finalized(1, Duration::from_secs(120)).await;
	let api = subxt::OnlineClient::<subxt::PolkadotConfig>::from_insecure_url(node.ws_url())
		.await
		.expect("subxt connects");
	(node, api)
}

/// A dynamic call with named fields.
pub fn call(
	pallet: &str,
	name: &str,
	fields: Vec<(&str, subxt::dynamic::Value)>,
) -> subxt::transactions::DynamicPayload<subxt::ext::scale_value::Composite<()>> {
	subxt::dynamic::transaction(
		pallet,
		name,
		subxt::ext::scale_value::Composite::named(
			fields.into_iter().map(|(key, value)| (key.to_string(), value)),
		),
	)
}

/// Signs, submits and waits for finalization and success (panics with the call's name and the
/// dispatch error otherwise).
pub async fn submit(
	api: &subxt::OnlineClient<subxt::PolkadotConfig>,
	signer: &subxt_signer::sr25519::Keypair,
	tx: &subxt::transactions::DynamicPayload<subxt::ext::scale_value::Composite<()>>,
) -> subxt::extrinsics::ExtrinsicEvents<subxt::PolkadotConfig> {
	let at = api.at_current_block().await.expect("at current block");
	at.transactions()
		.sign_and_submit_then_watch_default(tx, signer)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await
		.unwrap_or_else(|error| panic!("{}.{} failed: {error}", tx.pallet_name(), tx.call_name()))
}
