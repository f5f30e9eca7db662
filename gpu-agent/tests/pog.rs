//! The proof-of-GPU worker: signed commit, signed openings that verify, and the HTTP round trip
//! through the real hyper server.

use codec::Decode;
use heliox_gpu_agent::{
	key::AgentKey,
	pog::{compute_commit, handle, PogError, PogWorker, MAX_BEACONS_PER_JOB},
	server::{bind, serve, AgentState},
};
use heliox_gpu_proof::{
	challenge_seed, commit_message, decode_opening, decode_openings_response, opening_message,
	protocol::{commit_path, opening_path, openings_path},
	sample_positions, verify_opening, ChallengeParams, CpuBackend, OpeningsResponse, SignedCommit,
	SignedOpening, Workload,
};
use std::{
	io::{Read, Write},
	net::TcpStream,
	sync::Arc,
};

const PARAMS: ChallengeParams = ChallengeParams { n: 16, lag: 3, steps: 6, samples: 8 };
const GPU: u64 = 5;
const EPOCH: u64 = 42;

fn key() -> AgentKey {
	AgentKey::from_seed([3; 32]).unwrap()
}

fn seed() -> [u8; 32] {
	challenge_seed(&[0x11; 32], GPU, EPOCH)
}

fn verifies(key: &AgentKey, message: &[u8], signature: &[u8; 64]) -> bool {
	let public = schnorrkel::PublicKey::from_bytes(&key.public()).unwrap();
	let signature = schnorrkel::Signature::from_bytes(signature).unwrap();
	public.verify_simple(b"substrate", message, &signature).is_ok()
}

/// Everything a verifier checks (what the pallet's OCW does).
fn check_response(key: &AgentKey, commit: &SignedCommit, beacon: &[u8; 32], bytes: &[u8]) {
	let response: OpeningsResponse = decode_openings_response(&PARAMS, bytes).unwrap();
	assert_eq!((response.gpu, response.epoch, response.root), (GPU, EPOCH, commit.root));
	let positions = sample_positions(beacon, &commit.root, GPU, &PARAMS).unwrap();
	assert_eq!(response.openings.len(), positions.len());
	for (k, (signed, position)) in response.openings.iter().zip(&positions).enumerate() {
		assert_eq!(signed.index, k as u32);
		assert!(verifies(
			key,
			&opening_message(GPU, EPOCH, k as u32, &signed.opening),
			&signed.signature
		));
		let opening = decode_opening(&PARAMS, &signed.opening).unwrap();
		assert_eq!((opening.t, opening.i, opening.j), (position.t, position.i, position.j));
		assert_eq!(verify_opening(&PARAMS, &seed(), &commit.root, &opening), Ok(()));
	}
}

#[test]
fn the_commit_is_signed_by_the_agent_key() {
	let key = key();
	let (commitment, commit) =
		compute_commit(&key, GPU, EPOCH, seed(), PARAMS, CpuBackend).unwrap();
	let expected = Workload::new(PARAMS, seed(), CpuBackend).unwrap().run().unwrap();
	assert_eq!(commitment.root(), expected.root());
	assert_eq!((commit.gpu, commit.epoch, commit.root), (GPU, EPOCH, expected.root()));
	assert!(verifies(&key, &commit_message(GPU, EPOCH, &commit.root), &commit.signature));
	assert!(!verifies(&key, &commit_message(GPU, EPOCH + 1, &commit.root), &commit.signature));
	let bad = ChallengeParams { n: 1, ..PARAMS };
	assert!(compute_commit(&key, GPU, EPOCH, seed(), bad, CpuBackend).is_err());
}

#[test]
fn the_worker_replays_and_serves_signed_openings_that_verify() {
	let key = key();
	let worker = PogWorker::default();
	let commit = worker.run_challenge(&key, GPU, EPOCH, seed(), PARAMS, CpuBackend).unwrap();
	assert_eq!(worker.commit(GPU, EPOCH), Some(commit.clone()));
	let beacon = [0x77; 32];
	let bytes = worker.openings_blocking(&key, GPU, EPOCH, beacon).unwrap();
	check_response(&key, &commit, &beacon, &bytes);
	// Cached: the same bytes again.
	assert_eq!(worker.openings(&key, GPU, EPOCH, beacon).unwrap(), bytes);
	// One opening alone.
	let single =
		SignedOpening::decode(&mut &worker.opening(&key, GPU, EPOCH, beacon, 3).unwrap()[..])
			.unwrap();
	let all = OpeningsResponse::decode(&mut &bytes[..]).unwrap();
	// sr25519 signatures are randomized: same bytes, another valid signature.
	assert_eq!((single.index, &single.opening), (3, &all.openings[3].opening));
	assert!(verifies(&key, &opening_message(GPU, EPOCH, 3, &single.opening), &single.signature));
	assert_eq!(worker.opening(&key, GPU, EPOCH, beacon, PARAMS.samples), Err(PogError::BadIndex));
	// Unknown job; too many beacons.
	assert_eq!(worker.openings(&key, GPU, EPOCH + 1, beacon), Err(PogError::UnknownJob));
	for salt in 1..MAX_BEACONS_PER_JOB as u8 {
		worker.openings_blocking(&key, GPU, EPOCH, [salt; 32]).unwrap();
	}
	assert_eq!(worker.openings(&key, GPU, EPOCH, [0xee; 32]), Err(PogError::TooManyBeacons));
}

#[test]
fn http_handler_statuses() {
	let key = key();
	let worker = PogWorker::default();
	let commit = worker.run_challenge(&key, GPU, EPOCH, seed(), PARAMS, CpuBackend).unwrap();
	let route = |path: String, served: Option<u64>| {
		let (path, query) =
			path.split_once('?').map_or((path.as_str(), None), |(p, q)| (p, Some(q)));
		handle(&worker, &key, served, path, query)
	};
	let (code, body) = route(commit_path(GPU, EPOCH), Some(GPU)).unwrap();
	assert_eq!(code, 200);
	assert_eq!(SignedCommit::decode(&mut &body[..]).unwrap(), commit);
	assert_eq!(route(commit_path(GPU, EPOCH + 1), None).unwrap().0, 404);
	assert_eq!(route(commit_path(GPU + 1, EPOCH), Some(GPU)).unwrap().0, 404);
	assert_eq!(route("/pog/openings?gpu=5".into(), None).unwrap().0, 400);
	assert_eq!(route("/pog/commit?gpu=5&epoch=42&k=1".into(), None).unwrap().0, 400);
	assert_eq!(route("/pog/openings".into(), None).unwrap().0, 400);
	assert!(route("/liveness".into(), None).is_none());
	let beacon = [9; 32];
	// First request: the replay starts, 503 until it is done, then 200.
	let mut first = route(openings_path(GPU, EPOCH, &beacon), None).unwrap().0;
	assert!(first == 503 || first == 200);
	while first == 503 {
		std::thread::sleep(std::time::Duration::from_millis(2));
		first = route(openings_path(GPU, EPOCH, &beacon), None).unwrap().0;
	}
	let (_, body) = route(openings_path(GPU, EPOCH, &beacon), None).unwrap();
	check_response(&key, &commit, &beacon, &body);
	let (code, _) = route(opening_path(GPU, EPOCH, &beacon, 1), None).unwrap();
	assert_eq!(code, 200);
	assert_eq!(route(opening_path(GPU, EPOCH, &beacon, 99), None).unwrap().0, 400);
}

fn get(addr: &str, path: &str) -> (u16, Vec<u8>) {
	let mut stream = TcpStream::connect(addr).unwrap();
	write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
	let mut raw = Vec::new();
	stream.read_to_end(&mut raw).unwrap();
	let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
	let head = String::from_utf8_lossy(&raw[..split]).to_string();
	let code = head.split_whitespace().nth(1).unwrap().parse().unwrap();
	(code, raw[split + 4..].to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openings_round_trip_over_http() {
	let state = Arc::new(AgentState {
		key: key(),
		gpu: Some(GPU),
		answered: Default::default(),
		pog: PogWorker::default(),
	});
	let commit =
		state.pog.run_challenge(&state.key, GPU, EPOCH, seed(), PARAMS, CpuBackend).unwrap();
	let (listener, addr) = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
	tokio::spawn(serve(listener, state.clone()));
	let addr = addr.to_string();
	let beacon = [0x42; 32];
	let key = key();
	let (code, body) = tokio::task::spawn_blocking(move || loop {
		let (code, body) = get(&addr, &openings_path(GPU, EPOCH, &beacon));
		if code != 503 {
			return (code, body);
		}
		std::thread::sleep(std::time::Duration::from_millis(5));
	})
	.await
	.unwrap();
	assert_eq!(code, 200);
	check_response(&key, &commit, &beacon, &body);
}
