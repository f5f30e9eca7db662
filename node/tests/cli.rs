//! The node's command line: help, errors, and the committed chain specs.

mod common;

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
	let out = Command::new(common::node_binary()).args(args).output().expect("node runs");
	(
		out.status.success(),
		String::from_utf8_lossy(&out.stdout).into_owned(),
		String::from_utf8_lossy(&out.stderr).into_owned(),
	)
}

#[test]
fn help_describes_the_node() {
	let (ok, stdout, _) = run(&["--help"]);
	assert!(ok);
	assert!(stdout.contains("Heliox node"), "{stdout}");
	assert!(stdout.contains("build-spec"));
	assert!(stdout.contains("--dev"));
}

#[test]
fn wrong_flag_is_a_short_error_not_a_panic() {
	let (ok, _, stderr) = run(&["--no-such-flag"]);
	assert!(!ok);
	assert!(stderr.contains("unexpected argument '--no-such-flag'"), "{stderr}");
	assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn missing_chain_spec_is_a_one_line_error() {
	let dir = tempfile::tempdir().expect("temp dir");
	let missing = dir.path().join("nope.json");
	let (ok, _, stderr) = run(&["build-spec", "--chain", missing.to_str().expect("utf8 path")]);
	assert!(!ok);
	let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
	assert_eq!(lines.len(), 1, "expected one line, got:\n{stderr}");
	assert!(lines[0].contains("not found"), "{stderr}");
	assert!(!stderr.contains("panicked"));
}

/// Removes the runtime Wasm from a chain spec (plain: `genesis.runtimeGenesis.code`, raw: the
/// `:code` storage key). The Wasm blob is not bit-reproducible across build locations (symbol
/// hashes depend on the package path), so it cannot be compared between checkouts; everything
/// else in the spec (name, id, properties, genesis state) must match exactly.
fn without_code(mut spec: serde_json::Value) -> serde_json::Value {
	if let Some(genesis) = spec.get_mut("genesis") {
		if let Some(rg) = genesis.get_mut("runtimeGenesis").and_then(|v| v.as_object_mut()) {
			assert!(rg.remove("code").is_some(), "plain spec has a runtime");
		}
		if let Some(top) = genesis.pointer_mut("/raw/top").and_then(|v| v.as_object_mut()) {
			// hex of the well-known key `:code`
			assert!(top.remove("0x3a636f6465").is_some(), "raw spec has a runtime");
		}
	}
	spec
}

/// `chain-specs/` holds the output of `build-spec` for the built-in chains; it must match the
/// runtime of this checkout (except the Wasm bytes, see [`without_code`]). Regenerate with
/// `make chain-specs`.
#[test]
fn committed_chain_specs_are_up_to_date() {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-specs");
	for (chain, raw, file) in [
		("dev", false, "dev.json"),
		("dev", true, "dev-raw.json"),
		("local", false, "local.json"),
		("local", true, "local-raw.json"),
		("staging", false, "staging.json"),
		("staging", true, "staging-raw.json"),
	] {
		let mut args = vec!["build-spec", "--chain", chain, "--disable-default-bootnode"];
		if raw {
			args.push("--raw");
		}
		let (ok, stdout, stderr) = run(&args);
		assert!(ok, "build-spec --chain {chain} failed: {stderr}");
		let committed = std::fs::read_to_string(dir.join(file))
			.unwrap_or_else(|e| panic!("chain-specs/{file} missing ({e}); run `make chain-specs`"));
		let committed: serde_json::Value =
			serde_json::from_str(&committed).expect("committed spec is JSON");
		let built: serde_json::Value = serde_json::from_str(&stdout).expect("build-spec is JSON");
		assert!(
			without_code(committed) == without_code(built),
			"chain-specs/{file} is out of date with the runtime: run `make chain-specs`"
		);
	}
}

/// The staging spec is a public-network template: no sudo key anywhere in its genesis, four
/// validators with operator keys (not the well-known dev keys) and production periods.
#[test]
fn staging_spec_has_no_sudo_and_operator_keys() {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-specs");
	let spec: serde_json::Value = serde_json::from_str(
		&std::fs::read_to_string(dir.join("staging.json")).expect("chain-specs/staging.json"),
	)
	.expect("JSON");
	assert_eq!(spec["chainType"], "Live");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert!(patch["sudo"]["key"].is_null(), "staging has a sudo key: {}", patch["sudo"]);
	let keys = patch["session"]["keys"].as_array().expect("session keys");
	assert_eq!(keys.len(), 4);
	// //Alice's account: a dev key must never validate a public network.
	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	assert!(keys.iter().all(|k| k[0] != alice), "{keys:?}");
	assert_eq!(patch["origins"]["trackTimeDivisor"], 1);
	// The raw spec of the same genesis has no sudo key in storage either
	// (`twox128("Sudo") ++ twox128("Key")`).
	let raw: serde_json::Value = serde_json::from_str(
		&std::fs::read_to_string(dir.join("staging-raw.json")).expect("staging-raw.json"),
	)
	.expect("JSON");
	let top = raw["genesis"]["raw"]["top"].as_object().expect("raw storage");
	let sudo_key = "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b";
	assert!(!top.contains_key(sudo_key), "sudo key in staging raw storage");
	assert!(top.len() > 10);
}
