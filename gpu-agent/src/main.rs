//! `gpu-agent`: the provider-side agent of a Heliox GPU. See `gpu-agent --help`.

use clap::{Parser, Subcommand};
use heliox_gpu_agent::{
	chain::{follow, Fault},
	key::{hex, AgentKey},
	pog::PogWorker,
	register::{account_from_suri, register, Registration},
	server::{bind, serve, AgentState},
};
use std::{net::SocketAddr, path::PathBuf, sync::Arc};

#[derive(Parser)]
#[command(
	name = "gpu-agent",
	version,
	about = "The Heliox GPU agent: agent key, registration, liveness endpoint"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Create a new agent key file (never overwrites) and print its public key.
	Keygen {
		/// Where to write the key (JSON, mode 0600).
		#[arg(long)]
		key_file: PathBuf,
	},
	/// Print the public key of an agent key file.
	Inspect {
		#[arg(long)]
		key_file: PathBuf,
	},
	/// Register this GPU on chain (signed by the provider account) and print its id as JSON.
	Register {
		/// Node RPC, e.g. ws://127.0.0.1:9944.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		rpc: String,
		/// The provider account's secret URI (e.g. //Bob on a dev chain, or a mnemonic).
		#[arg(long)]
		suri: String,
		#[arg(long)]
		key_file: PathBuf,
		/// Catalogue model id.
		#[arg(long)]
		model: u32,
		/// The card's VRAM in MiB.
		#[arg(long)]
		vram_mib: u32,
		/// The card's serial number (hashed before it goes on chain).
		#[arg(long)]
		serial: String,
		#[arg(long, default_value = "unspecified")]
		region: String,
		/// The endpoint validators will probe (where `gpu-agent run` listens, as reachable).
		#[arg(long)]
		endpoint: String,
	},
	/// Serve liveness probes until stopped.
	Run {
		#[arg(long)]
		key_file: PathBuf,
		/// Address to listen on.
		#[arg(long, default_value = "0.0.0.0:9955")]
		listen: SocketAddr,
		/// The GPU id this agent serves (probes for other ids are refused).
		#[arg(long)]
		gpu: Option<u64>,
		/// A Heliox node's RPC (e.g. ws://127.0.0.1:9944): follow the chain and answer this
		/// GPU's proof-of-GPU challenges (needs --gpu; commits are served over HTTP, nothing is
		/// paid). Without it the agent only answers liveness probes.
		#[arg(long, requires = "gpu")]
		rpc: Option<String>,
		/// Fault injection for testing validators (none, skip=<fraction>, wrong-openings,
		/// late=<blocks>). Only ever harms this GPU.
		#[arg(long, default_value = "none", hide = true)]
		simulate_fault: heliox_gpu_agent::chain::Fault,
	},
}

#[tokio::main]
async fn main() {
	if let Err(error) = run(Cli::parse()).await {
		eprintln!("gpu-agent: {error}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	match cli.command {
		Command::Keygen { key_file } => {
			let key = AgentKey::generate()?;
			key.save(&key_file)?;
			println!("{}", serde_json::json!({ "public_key": hex(&key.public()) }));
		},
		Command::Inspect { key_file } => {
			let key = AgentKey::load(&key_file)?;
			println!("{}", serde_json::json!({ "public_key": hex(&key.public()) }));
		},
		Command::Register { rpc, suri, key_file, model, vram_mib, serial, region, endpoint } => {
			let key = AgentKey::load(&key_file)?;
			heliox_gpu_liveness::validate_endpoint(endpoint.as_bytes(), usize::MAX)
				.map_err(|e| format!("endpoint {endpoint:?} is not accepted: {e:?}"))?;
			let provider = account_from_suri(&suri)?;
			let registration =
				Registration { model, vram_mib, serial, region, endpoint, agent_key: key.public() };
			let done = register(&rpc, &provider, &registration).await?;
			println!("{}", serde_json::json!({ "gpu": done.gpu, "extrinsic": done.extrinsic }));
		},
		Command::Run { key_file, listen, gpu, rpc, simulate_fault } => {
			let key = AgentKey::load(&key_file)?;
			let (listener, addr) =
				bind(listen).await.map_err(|e| format!("cannot listen on {listen}: {e}"))?;
			say(&format!("listening on {addr} agent_key {}", hex(&key.public())));
			let pog = match simulate_fault {
				Fault::WrongOpenings => PogWorker::with_wrong_openings(),
				_ => PogWorker::default(),
			};
			let state = Arc::new(AgentState { key, gpu, answered: Default::default(), pog });
			let follower = async {
				match (rpc, gpu) {
					(Some(url), Some(gpu)) => {
						say(&format!("following {url} for GPU {gpu}'s proof-of-GPU challenges"));
						follow(&url, state.clone(), gpu, simulate_fault).await
					},
					_ => std::future::pending().await,
				}
			};
			tokio::select! {
				result = serve(listener, state.clone()) => result.map_err(|e| format!("server: {e}"))?,
				result = follower => result.map_err(|e| format!("chain: {e}"))?,
				_ = tokio::signal::ctrl_c() => {},
			}
		},
	}
	Ok(())
}

/// Prints a progress line for whoever started the agent. A long-running agent must outlive its
/// stdout: a supervisor that closed the pipe (`println!` would panic on `EPIPE`) must not take
/// the GPU's liveness and proof-of-GPU answers down with it.
fn say(line: &str) {
	use std::io::Write;
	let mut out = std::io::stdout().lock();
	let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}
