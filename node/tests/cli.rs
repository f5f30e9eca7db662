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

/// `chain-specs/` holds the output of `build-spec` for the built-in chains; it must match the
/// runtime of this checkout. Regenerate with `make chain-specs`.
#[test]
fn committed_chain_specs_are_up_to_date() {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-specs");
	for (chain, raw, file) in [
		("dev", false, "dev.json"),
		("dev", true, "dev-raw.json"),
		("local", false, "local.json"),
		("local", true, "local-raw.json"),
	] {
		let mut args = vec!["build-spec", "--chain", chain, "--disable-default-bootnode"];
		if raw {
			args.push("--raw");
		}
		let (ok, stdout, stderr) = run(&args);
		assert!(ok, "build-spec --chain {chain} failed: {stderr}");
		let committed = std::fs::read_to_string(dir.join(file))
			.unwrap_or_else(|e| panic!("chain-specs/{file} missing ({e}); run `make chain-specs`"));
		assert!(
			committed.trim_end() == stdout.trim_end(),
			"chain-specs/{file} is out of date with the runtime: run `make chain-specs`"
		);
	}
}
