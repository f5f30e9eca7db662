//! Signed messages, the wire format, the sampled set, verifier assignment, tallies.

use codec::{Decode, Encode};
use proptest::prelude::*;

use super::*;
use crate::protocol::*;

#[test]
fn signed_messages_are_fixed_length_and_domain_separated() {
	let root = [3u8; 32];
	let commit = commit_message(7, 9, &root);
	assert_eq!(commit.len(), COMMIT_MESSAGE_LEN);
	assert!(commit.starts_with(b"heliox/pogpu/v1/commit"));
	assert_eq!(&commit[22..30], &7u64.to_le_bytes());
	assert_eq!(&commit[30..38], &9u64.to_le_bytes());
	assert_eq!(&commit[38..], &root);
	let opening = opening_message(7, 9, 4, b"bytes");
	assert_eq!(opening.len(), OPENING_MESSAGE_LEN);
	assert!(opening.starts_with(b"heliox/pogpu/v1/opening"));
	assert_eq!(&opening[OPENING_MESSAGE_LEN - 32..], &blake2_256(b"bytes"));
	// Never a liveness answer (different context, different length).
	assert!(!commit.starts_with(b"heliox/liveness"));
	assert_ne!(COMMIT_MESSAGE_LEN, OPENING_MESSAGE_LEN);
	// Every field is bound.
	assert_ne!(commit_message(8, 9, &root), commit);
	assert_ne!(commit_message(7, 10, &root), commit);
	assert_ne!(commit_message(7, 9, &[4; 32]), commit);
	assert_ne!(opening_message(8, 9, 4, b"bytes"), opening);
	assert_ne!(opening_message(7, 10, 4, b"bytes"), opening);
	assert_ne!(opening_message(7, 9, 5, b"bytes"), opening);
	assert_ne!(opening_message(7, 9, 4, b"bytez"), opening);
}

#[test]
fn paths_and_queries_round_trip() {
	let beacon = [0xab; 32];
	let path = openings_path(12, 345, &beacon);
	assert_eq!(path, format!("/pog/openings?gpu=12&epoch=345&beacon={}", "ab".repeat(32)));
	let (route, query) = path.split_once('?').unwrap();
	assert_eq!(route, "/pog/openings");
	let parsed = parse_query(query).unwrap();
	assert_eq!(parsed, PogQuery { gpu: Some(12), epoch: Some(345), beacon: Some(beacon), k: None });
	let path = opening_path(u64::MAX, 0, &beacon, 47);
	let (route, query) = path.split_once('?').unwrap();
	assert_eq!(route, "/pog/opening");
	assert_eq!(parse_query(query).unwrap().k, Some(47));
	assert_eq!(parse_query(query).unwrap().gpu, Some(u64::MAX));
	assert_eq!(commit_path(1, 2), "/pog/commit?gpu=1&epoch=2");
	let upper = format!("gpu=1&beacon={}", "AB".repeat(32));
	assert_eq!(parse_query(&upper).unwrap().beacon, Some(beacon));
	for bad in [
		"gpu=1&gpu=1",
		"gpu=-1",
		"gpu=+1",
		"gpu=",
		"gpu=18446744073709551616",
		"k=4294967296",
		"beacon=abc",
		"beacon=0xabab",
		"other=1",
		"gpu",
		"",
	] {
		assert_eq!(parse_query(bad), None, "{bad}");
	}
}

#[test]
fn openings_response_round_trips_and_is_bounded() {
	let params = ChallengeParams { n: 8, lag: 2, steps: 3, samples: 4 };
	let seed = test_seed(5);
	let commitment = Workload::new(params, seed, CpuBackend).unwrap().run().unwrap();
	let positions = sample_positions(&[1; 32], &commitment.root(), 5, &params).unwrap();
	let openings = open_positions(params, seed, CpuBackend, &commitment, &positions).unwrap();
	let response = OpeningsResponse {
		gpu: 5,
		epoch: 6,
		root: commitment.root(),
		openings: openings
			.iter()
			.enumerate()
			.map(|(k, o)| SignedOpening {
				index: k as u32,
				opening: o.encode(),
				signature: [9; 64],
			})
			.collect(),
	};
	let bytes = response.encode();
	assert!(bytes.len() <= openings_response_len_bound(&params));
	assert_eq!(decode_openings_response(&params, &bytes), Ok(response.clone()));
	let mut trailing = bytes.clone();
	trailing.push(0);
	assert_eq!(decode_openings_response(&params, &trailing), Err(WireError::Malformed));
	let huge = vec![0u8; openings_response_len_bound(&params) + 1];
	assert_eq!(decode_openings_response(&params, &huge), Err(WireError::TooLarge));
	let bad = ChallengeParams { n: 1, ..params };
	assert_eq!(decode_openings_response(&bad, &bytes), Err(WireError::InvalidParams));
	// The signed bytes decode back to the opening.
	for (signed, opening) in response.openings.iter().zip(&openings) {
		assert_eq!(&decode_opening(&params, &signed.opening).unwrap(), opening);
		assert_eq!(Opening::decode(&mut &signed.opening[..]).unwrap(), *opening);
	}
}

/// A wrong opening is attributable: the cheater's signed bytes plus its commitment reproduce
/// `EntryMismatch`, and any tampering with the bytes changes the signed message.
#[test]
fn a_signed_wrong_opening_is_a_self_contained_fraud_proof() {
	let params = ChallengeParams { n: 8, lag: 2, steps: 4, samples: 48 };
	let seed = test_seed(11);
	let cheater = || CheatingBackend { skip_ppm: 300_000 };
	let commitment = Workload::new(params, seed, cheater()).unwrap().run().unwrap();
	let positions = sample_positions(&[2; 32], &commitment.root(), 11, &params).unwrap();
	let openings = open_positions(params, seed, cheater(), &commitment, &positions).unwrap();
	let (index, fraud) = openings
		.iter()
		.enumerate()
		.find(|(_, o)| verify_opening(&params, &seed, &commitment.root(), o).is_err())
		.expect("48 samples catch a 30 % cheater");
	let bytes = fraud.encode();
	let message = opening_message(11, 3, index as u32, &bytes);
	// The re-check needs only the bytes, the committed root and the seed.
	let decoded = decode_opening(&params, &bytes).unwrap();
	assert_eq!(
		verify_opening(&params, &seed, &commitment.root(), &decoded),
		Err(ProofError::EntryMismatch)
	);
	assert_eq!(positions[index], OpeningPosition { t: decoded.t, i: decoded.i, j: decoded.j });
	let mut tampered = bytes.clone();
	*tampered.last_mut().unwrap() ^= 1;
	assert_ne!(opening_message(11, 3, index as u32, &tampered), message);
}

#[test]
fn sampled_fraction_matches_q() {
	let beacon = [7u8; 32];
	assert!((0..1000).all(|g| is_sampled(&beacon, g, PPB)));
	assert!((0..1000).all(|g| !is_sampled(&beacon, g, 0)));
	let count = (0..20_000u64).filter(|&g| is_sampled(&beacon, g, 100_000_000)).count();
	// Binomial(20000, 0.1): σ ≈ 42.
	assert!((count as i64 - 2_000).abs() < 200, "{count}");
	// A different beacon gives a different (independent) set.
	let other =
		(0..20_000u64).filter(|&g| is_sampled(&[8; 32], g, 100_000_000)).collect::<Vec<_>>();
	let both = other.iter().filter(|&&g| is_sampled(&beacon, g, 100_000_000)).count();
	assert!(both < 300, "{both}");
}

#[test]
fn assignment_is_uniform_over_verifiers() {
	let mut hits = [0u32; 20];
	for gpu in 0..4_000u64 {
		for index in assign_verifiers(&[3; 32], gpu, 20, 5) {
			hits[index as usize] += 1;
		}
	}
	// 20 000 picks over 20 verifiers: 1 000 each, σ ≈ 30.
	assert!(hits.iter().all(|&h| (h as i64 - 1_000).abs() < 150), "{hits:?}");
}

#[test]
fn quorum_is_two_thirds_rounded_up() {
	let expected = [(0, 1), (1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 4), (7, 5), (64, 43)];
	for (k, q) in expected {
		assert_eq!(quorum(k), q, "k = {k}");
	}
}

#[test]
fn tally_settles_once_at_quorum() {
	let mut tally = Tally::default();
	assert_eq!(tally.record(0, Verdict::Pass, 5), Ok(None));
	assert_eq!(tally.record(0, Verdict::Pass, 5), Err(TallyError::AlreadyVoted));
	assert_eq!(tally.record(5, Verdict::Pass, 5), Err(TallyError::SlotOutOfRange));
	assert_eq!(tally.record(1, Verdict::NoResponse, 5), Ok(None));
	assert_eq!(tally.record(2, Verdict::Pass, 5), Ok(None));
	assert_eq!(tally.record(3, Verdict::Pass, 5), Ok(None));
	assert_eq!(tally.record(4, Verdict::Pass, 5), Ok(Some(Outcome::Passed)));
	assert!(tally.is_consistent(5));
	let mut tally = Tally::default();
	assert_eq!(tally.record(0, Verdict::Fail, 3), Ok(None));
	assert_eq!(tally.record(2, Verdict::NoResponse, 3), Ok(Some(Outcome::Missed)));
	assert_eq!(tally.record(1, Verdict::Pass, 3), Ok(None));
	assert_eq!(tally.outcome, Some(Outcome::Missed));
	assert!(tally.is_consistent(3));
	assert_eq!(Verdict::Pass.encode(), vec![0]);
	assert_eq!(Verdict::Fail.encode(), vec![1]);
	assert_eq!(Verdict::NoResponse.encode(), vec![2]);
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn assignment_is_distinct_in_range_and_deterministic(
		beacon in any::<[u8; 32]>(),
		gpu in any::<u64>(),
		verifiers in 0u32..200,
		k in 0u32..80,
	) {
		let assigned = assign_verifiers(&beacon, gpu, verifiers, k);
		prop_assert_eq!(assigned.len() as u32, k.min(verifiers).min(MAX_ASSIGNED));
		let mut sorted = assigned.clone();
		sorted.sort_unstable();
		sorted.dedup();
		prop_assert_eq!(sorted.len(), assigned.len());
		prop_assert!(assigned.iter().all(|&i| i < verifiers));
		prop_assert_eq!(&assign_verifiers(&beacon, gpu, verifiers, k), &assigned);
		for (slot, &index) in assigned.iter().enumerate() {
			prop_assert_eq!(verifier_slot(&beacon, gpu, verifiers, k, index), Some(slot as u32));
		}
		// Assigning more keeps the first picks (slots are stable as k grows).
		let more = assign_verifiers(&beacon, gpu, verifiers, k + 1);
		prop_assert_eq!(&more[..assigned.len()], &assigned[..]);
	}

	#[test]
	fn tallies_stay_consistent(
		votes in proptest::collection::vec((0u32..8, 0u8..3), 0..20),
		assigned in 1u32..8,
	) {
		let mut tally = Tally::default();
		let mut settled = 0;
		for (slot, verdict) in votes {
			let verdict = [Verdict::Pass, Verdict::Fail, Verdict::NoResponse][verdict as usize];
			let before = tally;
			match tally.record(slot, verdict, assigned) {
				Ok(Some(_)) => settled += 1,
				Ok(None) => {},
				Err(_) => prop_assert_eq!(tally, before),
			}
			prop_assert!(tally.is_consistent(assigned));
		}
		prop_assert!(settled <= 1);
		prop_assert_eq!(tally.outcome.is_some(), settled == 1);
	}

	#[test]
	fn query_parser_never_panics(query in ".{0,200}") {
		let _ = parse_query(&query);
	}

	#[test]
	fn response_decoder_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
		let params = ChallengeParams { n: 4, lag: 1, steps: 2, samples: 2 };
		let _ = decode_openings_response(&params, &bytes);
	}
}
