//! Following the chain for proof-of-GPU: the agent polls its GPU's challenge (`gpu_challenge`
//! RPC of a Heliox node), runs the epoch's chain as soon as the epoch opens, submits the
//! agent-signed commit (`GpuProof.submit_commit`, signed and paid by the agent key's account)
//! before the deadline block, and starts replaying for the openings as soon as the beacon is
//! fixed, so they are ready when validators ask.
//!
//! Polling one small RPC per second is enough at 3-second blocks and survives reconnects and
//! reorgs trivially: the chain's answer is the state to converge to.

use crate::server::AgentState;
use heliox_gpu_proof::{
	ChallengeParams, CpuBackend, EpochIndex, Hash, SignedCommit, SkippingBackend,
};
use serde_json::Value as Json;
use std::{sync::Arc, time::Duration};
use subxt::{
	dynamic::Value,
	ext::scale_value::Composite,
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

/// Deliberate faults, to test on a real network that validators catch cheaters (hidden CLI
/// flag `--simulate-fault`). Each one only ever harms the agent's own GPU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
	/// Honest.
	None,
	/// Skip a fraction (parts per million) of the work: wrong entries in the committed chain.
	Skip {
		/// Parts per million of the entries of each step that are wrong.
		ppm: u32,
	},
	/// Compute honestly but serve openings that do not match the commitment.
	WrongOpenings,
	/// Compute honestly but submit the commit this many blocks after the deadline.
	Late {
		/// Blocks after the deadline block.
		blocks: u32,
	},
}

impl std::str::FromStr for Fault {
	type Err = String;

	/// `none`, `skip=<fraction>` (e.g. `skip=0.1`), `wrong-openings`, `late=<blocks>`.
	fn from_str(s: &str) -> Result<Self, String> {
		match s.split_once('=') {
			None if s == "none" => Ok(Fault::None),
			None if s == "wrong-openings" => Ok(Fault::WrongOpenings),
			Some(("skip", fraction)) => {
				let fraction: f64 = fraction.parse().map_err(|e| format!("skip fraction: {e}"))?;
				if !(0.0..=1.0).contains(&fraction) {
					return Err("skip fraction must be in [0, 1]".into());
				}
				Ok(Fault::Skip { ppm: (fraction * 1e6).round() as u32 })
			},
			Some(("late", blocks)) => {
				Ok(Fault::Late { blocks: blocks.parse().map_err(|e| format!("late blocks: {e}"))? })
			},
			_ => Err(format!(
				"unknown fault {s:?}: none, skip=<fraction>, wrong-openings, late=<blocks>"
			)),
		}
	}
}

/// Logs a line to stdout, ignoring a closed stdout (an agent keeps serving when its log pipe is
/// gone).
fn say(line: String) {
	use std::io::Write;
	let _ = writeln!(std::io::stdout(), "{line}");
}

/// A GPU's challenge in the current epoch, as the `gpu_challenge` RPC returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
	/// The epoch.
	pub epoch: EpochIndex,
	/// The GPU's seed.
	pub seed: Hash,
	/// The model's challenge.
	pub params: ChallengeParams,
	/// The last block the commit counts in.
	pub deadline_block: u64,
	/// The beacon, once fixed.
	pub beacon: Option<Hash>,
	/// The committed root, once on chain.
	pub committed: Option<Hash>,
}

fn hash(v: &Json) -> Option<Hash> {
	crate::key::unhex32(v.as_str()?)
}

/// Parses a `gpu_challenge` answer (`null` is `Ok(None)`).
pub fn parse_challenge(v: &Json) -> Result<Option<Challenge>, String> {
	if v.is_null() {
		return Ok(None);
	}
	let bad = || format!("unexpected gpu_challenge answer: {v}");
	let u = |field: &Json| field.as_u64().ok_or_else(bad);
	let p = &v["params"];
	let params = ChallengeParams {
		n: u(&p["n"])? as u32,
		lag: u(&p["lag"])? as u32,
		steps: u(&p["steps"])? as u32,
		samples: u(&p["samples"])? as u32,
	};
	Ok(Some(Challenge {
		epoch: u(&v["epoch"])?,
		seed: hash(&v["seed"]).ok_or_else(bad)?,
		params,
		deadline_block: u(&v["deadlineBlock"])?,
		beacon: hash(&v["beacon"]),
		committed: hash(&v["committed"]),
	}))
}

/// Follows the chain at `url` for `gpu` until the connection fails for good.
pub async fn follow(
	url: &str,
	state: Arc<AgentState>,
	gpu: u64,
	fault: Fault,
) -> Result<(), String> {
	let rpc = RpcClient::from_insecure_url(url).await.map_err(|e| format!("rpc {url}: {e}"))?;
	let api = OnlineClient::<PolkadotConfig>::from_insecure_url(url)
		.await
		.map_err(|e| format!("subxt {url}: {e}"))?;
	let mut computed: Option<(EpochIndex, SignedCommit)> = None;
	let mut submitted_at: Option<(EpochIndex, u64)> = None;
	let mut prepared: Option<(EpochIndex, Hash)> = None;
	let mut failures = 0u32;
	loop {
		tokio::time::sleep(Duration::from_millis(700)).await;
		let (best, answer) = match poll(&rpc, gpu).await {
			Ok(polled) => {
				failures = 0;
				polled
			},
			Err(error) => {
				failures += 1;
				say(format!("gpu-agent: chain poll failed ({failures}): {error}"));
				if failures >= 30 {
					return Err(error);
				}
				continue;
			},
		};
		let Some(challenge) = answer else { continue };
		let epoch = challenge.epoch;
		if computed.as_ref().is_none_or(|(e, _)| *e != epoch) {
			let started = std::time::Instant::now();
			let commit = run_challenge(state.clone(), gpu, &challenge, fault).await?;
			say(format!(
				"pog epoch {epoch}: computed root 0x{} in {} ms (n={}, T={})",
				crate::key::hex(&commit.root).trim_start_matches("0x"),
				started.elapsed().as_millis(),
				challenge.params.n,
				challenge.params.steps,
			));
			computed = Some((epoch, commit));
		}
		if let (Some((_, commit)), None) = (&computed, challenge.committed) {
			let wait_until = match fault {
				Fault::Late { blocks } => challenge.deadline_block + u64::from(blocks),
				_ => 0,
			};
			// Resubmit only if an earlier submission did not land within 3 blocks.
			let in_flight = submitted_at.is_some_and(|(e, at)| {
				e == epoch && (best < at + 3 || matches!(fault, Fault::Late { .. }))
			});
			if best >= wait_until
				&& !in_flight
				&& (best <= challenge.deadline_block || wait_until > 0)
			{
				submitted_at = Some((epoch, best));
				submit_commit(&api, &state, commit.clone()).await;
			}
		}
		if let Some(beacon) = challenge.beacon {
			if prepared != Some((epoch, beacon)) && challenge.committed.is_some() {
				prepared = Some((epoch, beacon));
				if let Err(error) = state.pog.prepare(gpu, epoch, beacon) {
					say(format!("gpu-agent: cannot prepare openings of epoch {epoch}: {error:?}"));
				}
			}
		}
	}
}

async fn poll(rpc: &RpcClient, gpu: u64) -> Result<(u64, Option<Challenge>), String> {
	let header: Json = rpc
		.request("chain_getHeader", rpc_params![])
		.await
		.map_err(|e| format!("chain_getHeader: {e}"))?;
	let best = header["number"]
		.as_str()
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| format!("bad header {header}"))?;
	let answer: Json = rpc
		.request("gpu_challenge", rpc_params![gpu])
		.await
		.map_err(|e| format!("gpu_challenge: {e}"))?;
	Ok((best, parse_challenge(&answer)?))
}

/// Runs the chain on the backend (off the async runtime: it is the GPU's real work).
async fn run_challenge(
	state: Arc<AgentState>,
	gpu: u64,
	challenge: &Challenge,
	fault: Fault,
) -> Result<SignedCommit, String> {
	let (epoch, seed, params) = (challenge.epoch, challenge.seed, challenge.params);
	tokio::task::spawn_blocking(move || match fault {
		Fault::Skip { ppm } => state.pog.run_challenge(
			&state.key,
			gpu,
			epoch,
			seed,
			params,
			SkippingBackend { skip_ppm: ppm },
		),
		_ => state.pog.run_challenge(&state.key, gpu, epoch, seed, params, CpuBackend),
	})
	.await
	.map_err(|e| format!("challenge worker: {e}"))?
}

/// Submits the commit signed by the agent key's account; the result is logged when it is in a
/// block (the poll loop sees the commitment on chain either way).
async fn submit_commit(
	api: &OnlineClient<PolkadotConfig>,
	state: &AgentState,
	commit: SignedCommit,
) {
	let tx = subxt::dynamic::transaction(
		"GpuProof",
		"submit_commit",
		Composite::named([
			("gpu".to_string(), Value::u128(commit.gpu.into())),
			("epoch".to_string(), Value::u128(commit.epoch.into())),
			("root".to_string(), Value::from_bytes(commit.root)),
			("agent_signature".to_string(), Value::from_bytes(commit.signature)),
		]),
	);
	let epoch = commit.epoch;
	let submitted = match api.at_current_block().await {
		Ok(at) => {
			at.transactions().sign_and_submit_then_watch_default(&tx, state.key.signer()).await
		},
		Err(error) => {
			say(format!("gpu-agent: commit of epoch {epoch} not submitted: {error}"));
			return;
		},
	};
	match submitted {
		Ok(progress) => {
			tokio::spawn(async move {
				match progress.wait_for_finalized_success().await {
					Ok(_) => say(format!("pog epoch {epoch}: commit finalized")),
					Err(error) => say(format!(
						"gpu-agent: commit of epoch {epoch} failed: {error} ({error:?})"
					)),
				}
			});
		},
		Err(error) => say(format!("gpu-agent: commit of epoch {epoch} not submitted: {error}")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn faults_parse() {
		assert_eq!("none".parse::<Fault>(), Ok(Fault::None));
		assert_eq!("skip=0.1".parse::<Fault>(), Ok(Fault::Skip { ppm: 100_000 }));
		assert_eq!("wrong-openings".parse::<Fault>(), Ok(Fault::WrongOpenings));
		assert_eq!("late=4".parse::<Fault>(), Ok(Fault::Late { blocks: 4 }));
		assert!("skip=2".parse::<Fault>().is_err());
		assert!("fast".parse::<Fault>().is_err());
	}

	#[test]
	fn challenges_parse_from_the_rpc_answer() {
		let seed = format!("0x{}", "11".repeat(32));
		let answer = serde_json::json!({
			"gpu": 3, "epoch": 7, "seed": seed,
			"params": { "n": 64, "lag": 4, "steps": 16, "samples": 48 },
			"start": 140, "deadlineBlock": 142, "beaconBlock": 150, "nextStart": 160,
			"beacon": null, "committed": null, "sampled": null,
		});
		let challenge = parse_challenge(&answer).unwrap().unwrap();
		assert_eq!(challenge.epoch, 7);
		assert_eq!(challenge.seed, [0x11; 32]);
		assert_eq!(challenge.params, ChallengeParams { n: 64, lag: 4, steps: 16, samples: 48 });
		assert_eq!(
			(challenge.deadline_block, challenge.beacon, challenge.committed),
			(142, None, None)
		);
		assert_eq!(parse_challenge(&Json::Null), Ok(None));
		assert!(parse_challenge(&serde_json::json!({ "epoch": 1 })).is_err());
	}
}
