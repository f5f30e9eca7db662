//! The agent's HTTP endpoint (HTTP/1.1, hyper).
//!
//! - `GET /liveness?gpu=<id>&period=<n>&nonce=<64 hex>`: `200` with `0x` + the hex signature of
//!   [`probe_message`](heliox_gpu_liveness::probe_message)`(gpu, period, nonce)`; `400` for a
//!   malformed query, `404` when the agent serves a different GPU.
//! - `GET /health`: `200` with JSON `{"agent_key": "0x..", "gpu": id|null, "answered": n}`.
//!
//! Signing what a validator asks is safe: the nonce binds the answer to one validator, one GPU
//! and one period, and the chain recomputes it, so an answer is useless for anything else.

use crate::key::{hex, AgentKey};
use heliox_gpu_liveness::{encode_signature_hex, probe::decode_nonce_hex, probe_message};
use http_body_util::Full;
use hyper::{body::Bytes, service::service_fn, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::{
	net::SocketAddr,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc,
	},
};
use tokio::net::TcpListener;

/// What the server needs to answer probes.
pub struct AgentState {
	/// The agent key.
	pub key: AgentKey,
	/// The GPU this agent serves (probes for other GPUs get `404`); `None` answers any id.
	pub gpu: Option<u64>,
	/// Probes answered so far.
	pub answered: AtomicU64,
}

/// Answers one request (pure: no I/O, so it is unit-tested directly).
pub fn handle(
	state: &AgentState,
	method: &Method,
	path: &str,
	query: Option<&str>,
) -> (StatusCode, String) {
	if method != Method::GET {
		return (StatusCode::METHOD_NOT_ALLOWED, "only GET\n".into());
	}
	match path {
		"/liveness" => {
			let Some((gpu, period, nonce)) = query.and_then(parse_probe) else {
				return (
					StatusCode::BAD_REQUEST,
					"expected gpu, period and a 64-hex nonce\n".into(),
				);
			};
			if state.gpu.is_some_and(|mine| mine != gpu) {
				return (StatusCode::NOT_FOUND, format!("this agent does not serve GPU {gpu}\n"));
			}
			let signature = state.key.sign(&probe_message(gpu, period, &nonce));
			state.answered.fetch_add(1, Ordering::Relaxed);
			(StatusCode::OK, encode_signature_hex(&signature))
		},
		"/health" => (
			StatusCode::OK,
			serde_json::json!({
				"agent_key": hex(&state.key.public()),
				"gpu": state.gpu,
				"answered": state.answered.load(Ordering::Relaxed),
			})
			.to_string(),
		),
		_ => (StatusCode::NOT_FOUND, "not found\n".into()),
	}
}

/// `gpu=..&period=..&nonce=..` in any order, each exactly once.
fn parse_probe(query: &str) -> Option<(u64, u32, [u8; 32])> {
	let (mut gpu, mut period, mut nonce) = (None, None, None);
	for pair in query.split('&') {
		let (name, value) = pair.split_once('=')?;
		let slot_was_empty = match name {
			"gpu" => gpu.replace(value.parse::<u64>().ok()?).is_none(),
			"period" => period.replace(value.parse::<u32>().ok()?).is_none(),
			"nonce" => nonce.replace(decode_nonce_hex(value.as_bytes())?).is_none(),
			_ => return None,
		};
		if !slot_was_empty {
			return None;
		}
	}
	Some((gpu?, period?, nonce?))
}

/// Serves until the process is stopped. Prints `listening on <addr>` once bound.
pub async fn serve(listener: TcpListener, state: Arc<AgentState>) -> std::io::Result<()> {
	loop {
		let (stream, _) = listener.accept().await?;
		let state = state.clone();
		tokio::spawn(async move {
			let service = service_fn(move |req: Request<hyper::body::Incoming>| {
				let (status, body) =
					handle(&state, req.method(), req.uri().path(), req.uri().query());
				async move {
					Response::builder()
						.status(status)
						.header("content-type", "text/plain; charset=utf-8")
						.body(Full::new(Bytes::from(body)))
				}
			});
			// A broken connection only affects that probe.
			let _ = hyper::server::conn::http1::Builder::new()
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
}

/// Binds `addr` (port 0 picks a free port) and returns the listener and its address.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(TcpListener, SocketAddr)> {
	let listener = TcpListener::bind(addr).await?;
	let local = listener.local_addr()?;
	Ok((listener, local))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn state(gpu: Option<u64>) -> AgentState {
		AgentState { key: AgentKey::from_seed([7; 32]).unwrap(), gpu, answered: AtomicU64::new(0) }
	}

	#[test]
	fn answers_a_probe_with_a_verifiable_signature() {
		let s = state(Some(3));
		let nonce = [0x5a; 32];
		let query = heliox_gpu_liveness::probe_path(3, 9, &nonce);
		let (path, query) = query.split_once('?').unwrap();
		let (status, body) = handle(&s, &Method::GET, path, Some(query));
		assert_eq!(status, StatusCode::OK);
		let sig = heliox_gpu_liveness::decode_signature_hex(body.as_bytes()).unwrap();
		let public = schnorrkel::PublicKey::from_bytes(&s.key.public()).unwrap();
		let sig = schnorrkel::Signature::from_bytes(&sig).unwrap();
		assert!(public.verify_simple(b"substrate", &probe_message(3, 9, &nonce), &sig).is_ok());
		// Not valid for another period: the chain would refuse a stale answer.
		assert!(public.verify_simple(b"substrate", &probe_message(3, 10, &nonce), &sig).is_err());
		assert_eq!(s.answered.load(Ordering::Relaxed), 1);
	}

	#[test]
	fn refuses_bad_requests() {
		let s = state(Some(3));
		let n = "ab".repeat(32);
		for q in [
			"gpu=3&period=1".to_string(),
			"gpu=3&period=1&nonce=abc".to_string(),
			format!("gpu=x&period=1&nonce={n}"),
			format!("gpu=3&period=-1&nonce={n}"),
			format!("gpu=3&gpu=3&period=1&nonce={n}"),
			format!("gpu=3&period=1&nonce={n}&extra=1"),
		] {
			assert_eq!(
				handle(&s, &Method::GET, "/liveness", Some(&q)).0,
				StatusCode::BAD_REQUEST,
				"{q}"
			);
		}
		assert_eq!(handle(&s, &Method::GET, "/liveness", None).0, StatusCode::BAD_REQUEST);
		let q = format!("nonce={n}&period=1&gpu=4");
		assert_eq!(handle(&s, &Method::GET, "/liveness", Some(&q)).0, StatusCode::NOT_FOUND);
		assert_eq!(
			handle(&s, &Method::POST, "/liveness", Some(&q)).0,
			StatusCode::METHOD_NOT_ALLOWED
		);
		assert_eq!(handle(&s, &Method::GET, "/other", None).0, StatusCode::NOT_FOUND);
		assert_eq!(s.answered.load(Ordering::Relaxed), 0);
		// Parameters in any order.
		let q = format!("nonce={n}&period=1&gpu=3");
		assert_eq!(handle(&s, &Method::GET, "/liveness", Some(&q)).0, StatusCode::OK);
	}
}
