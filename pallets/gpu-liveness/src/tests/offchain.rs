//! The off-chain worker: probes over (mock) HTTP, the signed report in the pool, never twice.

use super::*;
use codec::Decode;
use frame_support::traits::Hooks;
use heliox_gpu_liveness::{encode_signature_hex, probe_path};
use sp_core::offchain::{
	testing::{self, OffchainState, PoolState},
	OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use std::sync::Arc;

/// Externalities with mock HTTP, a mock pool and a keystore holding verifier 0's `gpuv` key
/// (when `with_key`), `verifiers` genesis verifiers.
fn ocw_ext(
	verifiers: u32,
	with_key: bool,
) -> (
	sp_io::TestExternalities,
	Arc<parking_lot::RwLock<OffchainState>>,
	Arc<parking_lot::RwLock<PoolState>>,
) {
	let (offchain, offchain_state) = testing::TestOffchainExt::new();
	let (pool, pool_state) = testing::TestTransactionPoolExt::new();
	let keystore = MemoryKeystore::new();
	if with_key {
		keystore.sr25519_generate_new(crate::crypto::KEY_TYPE, Some("//Verifier0")).unwrap();
	}
	let mut ext = new_test_ext(verifiers);
	ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
	ext.register_extension(OffchainDbExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.register_extension(KeystoreExt::new(keystore));
	(ext, offchain_state, pool_state)
}

/// The probe URL verifier `vi` uses for `gpu` in `info`.
fn url(info: &PeriodInfoOf<Test>, vi: u32, gpu: u64) -> String {
	let key = info.verifiers[vi as usize].to_raw_vec();
	let nonce = probe_nonce(&info.seed, info.index, &key, gpu);
	format!("http://gpu-{gpu}.example{}", probe_path(gpu, info.index, &nonce))
}

fn expect(state: &Arc<parking_lot::RwLock<OffchainState>>, uri: String, body: Vec<u8>) {
	state.write().expect_request(testing::PendingRequest {
		method: "GET".into(),
		uri,
		response: Some(body),
		sent: true,
		..Default::default()
	});
}

/// The reports in the pool.
fn pooled_reports(pool: &Arc<parking_lot::RwLock<PoolState>>) -> Vec<ReportOf<Test>> {
	pool.read()
		.transactions
		.iter()
		.map(|tx| {
			let tx = Extrinsic::decode(&mut &tx[..]).unwrap();
			assert!(matches!(tx.preamble, sp_runtime::generic::Preamble::Signed(..)));
			match tx.function {
				RuntimeCall::GpuLiveness(crate::Call::submit_report { report }) => report,
				other => panic!("unexpected call {other:?}"),
			}
		})
		.collect()
}

#[test]
fn the_ocw_probes_its_run_and_sends_one_signed_report() {
	let (mut ext, http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		for gpu in 1..=3 {
			monitor(gpu);
		}
		run_to_block(start_of(1) + 1);
		let info = info_of(1);
		// Probes go out in bit order. GPU 1 answers correctly, GPU 2 with garbage, GPU 3
		// with a signature by the wrong key.
		let mut gpus: Vec<u64> = (1..=3).collect();
		gpus.sort_by_key(|gpu| bit_of(&info, 0, *gpu).unwrap());
		// sr25519 signatures are randomized: keep the one GPU 1 serves.
		let served = answer(&info, 0, 1);
		for &gpu in &gpus {
			let body = match gpu {
				1 => encode_signature_hex(&served).into_bytes(),
				2 => b"not a signature".to_vec(),
				_ => {
					let key = info.verifiers[0].to_raw_vec();
					let nonce = probe_nonce(&info.seed, 1, &key, 3);
					let wrong = agent(33).sign(&probe_message(3, 1, &nonce)).0;
					encode_signature_hex(&wrong).into_bytes()
				},
			};
			expect(&http, url(&info, 0, gpu), body);
		}
		GpuLiveness::offchain_worker(start_of(1) + 1);
		let reports = pooled_reports(&pool);
		assert_eq!(reports.len(), 1);
		let r = reports[0].clone();
		let bit1 = bit_of(&info, 0, 1).unwrap();
		assert_eq!((r.period, r.verifier_index), (1, 0));
		let mut expected = Bitmap::new(3);
		expected.set(bit1, true);
		assert_eq!(r.bits.to_vec(), expected.into_bytes());
		assert_eq!(r.evidence.to_vec(), vec![(bit1, served)]);
		// The chain accepts it from the verifier's account.
		assert_ok!(submit(0, r));
		// Runs on later blocks send nothing (no further HTTP is expected either).
		GpuLiveness::offchain_worker(start_of(1) + 2);
		assert_eq!(pool.read().transactions.len(), 1);
		run_to_block(close_of(1));
		assert_eq!(uptime(1), Some((1, 1)));
		assert_eq!(uptime(2), Some((0, 1)));
	});
}

#[test]
fn the_sent_flag_stops_a_second_report_even_before_inclusion() {
	let (mut ext, http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		monitor(1);
		run_to_block(start_of(1) + 1);
		let info = info_of(1);
		expect(&http, url(&info, 0, 1), encode_signature_hex(&answer(&info, 0, 1)).into_bytes());
		GpuLiveness::offchain_worker(start_of(1) + 1);
		// Not yet included on chain; the OCW runs again (next block, or a re-org).
		GpuLiveness::offchain_worker(start_of(1) + 1);
		GpuLiveness::offchain_worker(start_of(1) + 3);
		assert_eq!(pool.read().transactions.len(), 1);
		assert_eq!(
			GpuLiveness::report_as(&info, 0, &verifier_key(0)),
			Err(crate::OcwError::AlreadySent)
		);
	});
}

#[test]
fn the_ocw_waits_one_block_into_the_period() {
	let (mut ext, _http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		monitor(1);
		GpuLiveness::offchain_worker(5);
		run_to_block(start_of(1));
		GpuLiveness::offchain_worker(start_of(1));
		assert!(pool.read().transactions.is_empty());
	});
}

#[test]
fn a_node_without_a_verifier_key_sends_nothing() {
	let (mut ext, _http, pool) = ocw_ext(1, false);
	ext.execute_with(|| {
		monitor(1);
		run_to_block(start_of(1) + 1);
		GpuLiveness::offchain_worker(start_of(1) + 1);
		assert!(pool.read().transactions.is_empty());
	});
}

#[test]
fn a_verifier_that_already_reported_on_chain_is_skipped() {
	let (mut ext, _http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		monitor(1);
		run_to_block(start_of(1) + 1);
		assert_ok!(submit(0, report(1, 0, |_| true)));
		GpuLiveness::offchain_worker(start_of(1) + 2);
		assert!(pool.read().transactions.is_empty());
	});
}

#[test]
fn an_empty_run_is_reported_without_probes() {
	let (mut ext, _http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		run_to_block(start_of(1) + 1);
		GpuLiveness::offchain_worker(start_of(1) + 1);
		let reports = pooled_reports(&pool);
		assert_eq!(reports.len(), 1);
		assert!(reports[0].bits.is_empty());
		assert_ok!(submit(0, reports[0].clone()));
	});
}

#[test]
fn probes_per_run_are_bounded() {
	let (mut ext, http, pool) = ocw_ext(1, true);
	ext.execute_with(|| {
		MaxProbesPerRun::set(2);
		for gpu in 1..=3 {
			monitor(gpu);
		}
		run_to_block(start_of(1) + 1);
		let info = info_of(1);
		// Only the first two GPUs of the run (bit order) are probed; both answer.
		let mut gpus: Vec<u64> = (1..=3).collect();
		gpus.sort_by_key(|gpu| bit_of(&info, 0, *gpu).unwrap());
		for &gpu in &gpus[..2] {
			let body = encode_signature_hex(&answer(&info, 0, gpu)).into_bytes();
			expect(&http, url(&info, 0, gpu), body);
		}
		GpuLiveness::offchain_worker(start_of(1) + 1);
		let reports = pooled_reports(&pool);
		assert_eq!(reports.len(), 1);
		let live: u32 = reports[0].bits.iter().map(|b| b.count_ones()).sum();
		assert_eq!(live, 2);
		assert_ok!(submit(0, reports[0].clone()));
		MaxProbesPerRun::set(512);
	});
}
