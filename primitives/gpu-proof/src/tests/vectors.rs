//! Bit-exactness vectors for re-implementations (a GPU backend must reproduce every value):
//! n = 8, L = 2, T = 4, seed = `challenge_seed([0x42; 32], gpu 7, epoch 4)`.
//!
//! The epoch is chosen so the chain exercises the clamp (`t = 0, 1` lag `X_0`), `δ = 1`
//! (`t = 2` lags `X_1`) and `δ = 2` (`t = 3` lags `X_1`).

use super::*;

const PARAMS: ChallengeParams = ChallengeParams { n: 8, lag: 2, steps: 4, samples: 4 };

fn vector_seed() -> Hash {
	challenge_seed(&[0x42; 32], 7, 4)
}

#[test]
fn seed_and_prf_vectors() {
	let seed = vector_seed();
	assert_eq!(hex(&seed), "73d8f4865ecbe4ec3e0ef3998cfaefc1a8c41e77d74354bfc88833c801bf6820");
	assert_eq!(MatrixPrf::initial(&seed, 8).column(0), [-98, 73, -5, -60, 62, -7, 28, 75]);
	assert_eq!(initial_entry(&seed, 8, 3, 6), 39);
	assert_eq!(MatrixPrf::additive(&seed, 8, 0).column(0), [-98, -115, -89, 13, 92, 122, 106, -7]);
	assert_eq!(r_entry(&seed, 8, 3, 7, 5), 79);
}

#[test]
fn chain_and_commitment_vectors() {
	let seed = vector_seed();
	let mut workload = Workload::new(PARAMS, seed, CpuBackend).unwrap();
	let commitment = workload.run().unwrap();
	let expected_roots = [
		"882954e541f04ed51858c24021f513bda278749bb3ed1cf301c259dbe4ed4eb8",
		"a4a7df9217643fe0a619bc157f71c4d6019a3ad9e8f46b8feb81e7fa00acbba4",
		"03868223972eea9a5ae2105846d3b28e435136d2802138190c77a4b8cc1e4c6e",
		"39204dcb4aef694fbba0498f3ff9f9b32b44e9df8e70420368d7320d0a2ba01b",
		"dd48b3643c776bbc1af70b402536581f5ff0beec07e62bce6ccc775958b32e99",
	];
	let roots: Vec<String> = commitment.step_roots().iter().map(|root| hex(root)).collect();
	assert_eq!(roots, expected_roots);
	let lags: Vec<u32> =
		(0..4).map(|t| lag_step(t, &commitment.step_roots()[t as usize], PARAMS.lag)).collect();
	assert_eq!(lags, [0, 0, 1, 1]);
	assert_eq!(
		hex(&commitment.root()),
		"9d7ccc6f760514efbaf820c18109bc1a8d386a0a06e375f8929772e627041656"
	);
	let x4 = workload.matrix(4).unwrap();
	assert_eq!(x4.column(0).unwrap(), [6, -18, -118, 91, -105, 46, -27, 77]);
	assert_eq!(x4.column(7).unwrap(), [-117, -7, 94, -6, -16, 27, 72, -82]);
	assert_eq!(workload.matrix(2).unwrap().get(5, 1), Some(103));
	// The independent row-major reference agrees on everything.
	let reference = reference_chain(&PARAMS, &seed);
	assert_eq!(reference.commitment_root, commitment.root());
	assert_eq!(reference.lags, lags);
	// And entry (i, j) of X_1 is, spelled out: ((Σ_k X_0[k, i]·X_0[k, j] + R_0[i, j]) mod 251) − 125.
	let x0 = MatrixPrf::initial(&seed, 8);
	let (i, j) = (2u32, 6u32);
	let dot: i32 = (0..8).map(|k| i32::from(x0.entry(k, i)) * i32::from(x0.entry(k, j))).sum();
	let expected = (dot + i32::from(r_entry(&seed, 8, 0, i, j))).rem_euclid(251) - 125;
	assert_eq!(reference.matrices[1][i as usize][j as usize], expected);
}

#[test]
fn sampling_vectors() {
	let root = Commitment::from_step_roots(reference_chain(&PARAMS, &vector_seed()).roots).root();
	let positions = sample_positions(&[0x99; 32], &root, 7, &PARAMS).unwrap();
	let triples: Vec<(u32, u32, u32)> = positions.iter().map(|p| (p.t, p.i, p.j)).collect();
	assert_eq!(triples, [(1, 7, 3), (1, 1, 2), (1, 5, 6), (2, 7, 1)]);
}
