//! The real `gpu-agent` binary: key files, and the HTTP endpoint answering probes over TCP.

use std::{
	io::{BufRead, BufReader, Read, Write},
	net::TcpStream,
	process::{Command, Stdio},
};

fn agent() -> Command {
	Command::new(env!("CARGO_BIN_EXE_gpu-agent"))
}

#[test]
fn keygen_run_and_answer_a_probe() {
	let dir = std::env::temp_dir().join(format!("gpu-agent-cli-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	let key_file = dir.join("agent.json");

	let out = agent().arg("keygen").arg("--key-file").arg(&key_file).output().unwrap();
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let public: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
	let public = public["public_key"].as_str().unwrap().to_string();
	// A second keygen never overwrites the key.
	let again = agent().arg("keygen").arg("--key-file").arg(&key_file).output().unwrap();
	assert!(!again.status.success());
	let inspect = agent().arg("inspect").arg("--key-file").arg(&key_file).output().unwrap();
	assert!(String::from_utf8_lossy(&inspect.stdout).contains(&public));

	let mut child = agent()
		.args(["run", "--listen", "127.0.0.1:0", "--gpu", "5", "--key-file"])
		.arg(&key_file)
		.stdout(Stdio::piped())
		.spawn()
		.unwrap();
	let mut line = String::new();
	BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
	let addr = line.split_whitespace().nth(2).unwrap().to_string();

	let get = |path: &str| {
		let mut s = TcpStream::connect(&addr).unwrap();
		write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
		let mut response = String::new();
		s.read_to_string(&mut response).unwrap();
		response
	};
	let nonce = [9u8; 32];
	let response = get(&heliox_gpu_liveness::probe_path(5, 2, &nonce));
	assert!(response.starts_with("HTTP/1.1 200"), "{response}");
	let body = response.split("\r\n\r\n").nth(1).unwrap();
	let signature = heliox_gpu_liveness::decode_signature_hex(body.as_bytes()).unwrap();
	let key = schnorrkel::PublicKey::from_bytes(&heliox_gpu_agent::key::unhex32(&public).unwrap())
		.unwrap();
	key.verify_simple(
		b"substrate",
		&heliox_gpu_liveness::probe_message(5, 2, &nonce),
		&schnorrkel::Signature::from_bytes(&signature).unwrap(),
	)
	.expect("the answer verifies with the registered agent key");
	assert!(get(&heliox_gpu_liveness::probe_path(6, 2, &nonce)).starts_with("HTTP/1.1 404"));
	assert!(get("/liveness?gpu=5").starts_with("HTTP/1.1 400"));
	assert!(get("/health").contains("\"answered\":1"));

	child.kill().unwrap();
	child.wait().unwrap();
	let _ = std::fs::remove_dir_all(&dir);
}
