//! Following the chain for proof-of-GPU: the agent polls its GPU's challenge (`gpu_challenge`
//! RPC of a Heliox node), runs the epoch's chain as soon as the epoch opens and serves the
//! agent-signed commit at `/pog/commit` from then on (its assigned validators fetch it at the
//! deadline block; nothing is sent on chain), and starts replaying for the openings as soon as
//! the beacon is fixed, so they are ready when validators ask.
//!
//! Polling one small RPC per second is enough at 3-second blocks and survives reconnects and
//! reorgs trivially: the chain's answer is the state to converge to.

use crate::server::AgentState;
use heliox_gpu_proof::{
	ChallengeParams, CpuBackend, EpochIndex, Hash, SignedCommit, SkippingBackend,
};
use serde_json::Value as Json;
use std::{sync::Arc, time::Duration};
use subxt::rpcs::{rpc_params, RpcClient};

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
	/// A GPU too slow for its model: start computing only this many blocks after the
	/// deadline block, so the commit is not there when the validators fetch it.
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
	/// The block at which the assigned validators fetch the commit.
	pub deadline_block: u64,
	/// The beacon, once fixed.
	pub beacon: Option<Hash>,
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
	let mut computed: Option<(EpochIndex, SignedCommit)> = None;
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
		let start_at = match fault {
			Fault::Late { blocks } => challenge.deadline_block + u64::from(blocks),
			_ => 0,
		};
		if computed.as_ref().is_none_or(|(e, _)| *e != epoch) && best >= start_at {
			let started = std::time::Instant::now();
			// From here on `/pog/commit` serves the signed commit.
			let commit = run_challenge(state.clone(), gpu, &challenge, fault).await?;
			say(format!(
				"pog epoch {epoch}: computed root 0x{} in {} ms (n={}, T={}), served for the \
				 deadline block {}",
				crate::key::hex(&commit.root).trim_start_matches("0x"),
				started.elapsed().as_millis(),
				challenge.params.n,
				challenge.params.steps,
				challenge.deadline_block,
			));
			computed = Some((epoch, commit));
		}
		if let (Some(beacon), Some((computed_epoch, _))) = (challenge.beacon, &computed) {
			if *computed_epoch == epoch && prepared != Some((epoch, beacon)) {
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
			"beacon": null, "assignedVerifiers": [0, 2, 1], "sampled": null,
		});
		let challenge = parse_challenge(&answer).unwrap().unwrap();
		assert_eq!(challenge.epoch, 7);
		assert_eq!(challenge.seed, [0x11; 32]);
		assert_eq!(challenge.params, ChallengeParams { n: 64, lag: 4, steps: 16, samples: 48 });
		assert_eq!((challenge.deadline_block, challenge.beacon), (142, None));
		assert_eq!(parse_challenge(&Json::Null), Ok(None));
		assert!(parse_challenge(&serde_json::json!({ "epoch": 1 })).is_err());
	}
}
