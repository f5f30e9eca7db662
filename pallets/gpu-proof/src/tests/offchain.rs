//! The verifier's off-chain worker, with mocked HTTP, transaction pool and keystore.

use super::*;
use codec::Decode;
use frame_support::traits::Hooks;
use heliox_gpu_proof::protocol::openings_path;
use sp_core::offchain::{
	testing::{OffchainState, PendingRequest, PoolState, TestOffchainExt, TestTransactionPoolExt},
	OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::generic::Preamble;
use std::sync::Arc;

struct Ocw {
	ext: sp_io::TestExternalities,
	http: Arc<parking_lot::RwLock<OffchainState>>,
	pool: Arc<parking_lot::RwLock<PoolState>>,
	local: AccountId,
}

/// Three verifiers, the first one's key in this node's keystore; four GPUs.
fn ocw() -> Ocw {
	let mut ext = new_test_ext_with(0, 4);
	let keystore = MemoryKeystore::new();
	let local = keystore.sr25519_generate_new(crate::KEY_TYPE, Some("//verifier")).unwrap();
	let (offchain, http) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
	ext.register_extension(OffchainDbExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.register_extension(KeystoreExt::new(keystore));
	ext.execute_with(|| {
		let keys = [local.into(), verifier_key(1), verifier_key(2)];
		GpuProof::set_verifiers(keys.into_iter());
	});
	Ocw { ext, http, pool: pool_state, local }
}

fn expect(http: &Arc<parking_lot::RwLock<OffchainState>>, gpu: GpuId, body: Vec<u8>) {
	let uri =
		format!("http://gpu{gpu}.test{}", openings_path(gpu.into(), current_epoch(), &beacon()));
	http.write().expect_request(PendingRequest {
		method: "GET".into(),
		uri,
		response: Some(body),
		sent: true,
		..Default::default()
	});
}

/// The transactions in the pool, decoded: (signer, call).
fn sent(pool: &Arc<parking_lot::RwLock<PoolState>>) -> Vec<(AccountId, RuntimeCall)> {
	pool.read()
		.transactions
		.iter()
		.map(|tx| {
			let xt = Extrinsic::decode(&mut &tx[..]).unwrap();
			let Preamble::Signed(who, _, _) = xt.preamble else { panic!("not signed") };
			(who, xt.function)
		})
		.collect()
}

#[test]
fn the_ocw_reports_pass_fail_and_no_response_and_proves_fraud() {
	let Ocw { mut ext, http, pool, local } = ocw();
	ext.execute_with(|| {
		start_epoch();
		let honest = commit(1);
		let skipper = SkippingBackend { skip_ppm: 1_000_000 };
		let cheat = commit_with(2, skipper);
		// GPU 3 does not commit; GPU 4 commits but answers garbage.
		commit(4);
		to_beacon();
		// Before the beacon nothing happens; now the OCW fetches, in registry order.
		expect(&http, 1, response_with(1, &honest, CpuBackend).encode());
		expect(&http, 2, response_with(2, &cheat, skipper).encode());
		expect(&http, 4, b"502 bad gateway".to_vec());
		let now = System::block_number();
		GpuProof::offchain_worker(now);

		// First run: the fraud proof, signed by the local verifier's account.
		let txs = sent(&pool);
		assert_eq!(txs.len(), 1);
		let (who, call) = txs[0].clone();
		assert_eq!(who, local);
		let RuntimeCall::GpuProof(crate::Call::report_fraud {
			gpu,
			epoch,
			index,
			opening,
			agent_signature,
		}) = call
		else {
			panic!("expected report_fraud, got {call:?}")
		};
		assert_eq!((gpu, epoch), (2, 1));
		assert_ok!(GpuProof::report_fraud(
			RuntimeOrigin::signed(who),
			gpu,
			epoch,
			index,
			opening,
			agent_signature
		));
		assert_eq!(slashed().len(), 1);

		// The fraud proof is on chain: the next run sends the report, once, from the stored
		// results (no new HTTP requests), without waiting RESEND_AFTER blocks.
		run_to_block(now + 1);
		GpuProof::offchain_worker(System::block_number());
		let txs = sent(&pool);
		assert_eq!(txs.len(), 2);
		let (who, call) = txs[1].clone();
		let RuntimeCall::GpuProof(crate::Call::submit_verdicts { epoch, verdicts }) = call else {
			panic!("expected submit_verdicts, got {call:?}")
		};
		assert_eq!(
			verdicts.to_vec(),
			vec![
				(1, Verdict::Pass),
				(2, Verdict::Fail),
				(3, Verdict::NoResponse),
				(4, Verdict::NoResponse)
			]
		);
		assert_ok!(GpuProof::submit_verdicts(RuntimeOrigin::signed(who), epoch, verdicts));
		// Reported: nothing more is sent.
		run_to_block(System::block_number() + 10);
		GpuProof::offchain_worker(System::block_number());
		assert_eq!(sent(&pool).len(), 2);
		GpuProof::do_try_state().unwrap();
	});
}

#[test]
fn a_node_without_a_verifier_key_does_nothing() {
	let mut ext = new_test_ext_with(3, 4);
	let (offchain, _http) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
	ext.register_extension(OffchainDbExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.execute_with(|| {
		start_epoch();
		to_beacon();
		GpuProof::offchain_worker(System::block_number());
	});
	assert!(pool_state.read().transactions.is_empty());
}

#[test]
fn an_unconfirmed_report_is_resent_a_bounded_number_of_times() {
	let Ocw { mut ext, http, pool, .. } = ocw();
	ext.execute_with(|| {
		start_epoch();
		let honest = commit(1);
		for gpu in 2..=4 {
			with_gpu(gpu, |gpu| gpu.active = false);
		}
		to_beacon();
		expect(&http, 1, response_with(1, &honest, CpuBackend).encode());
		// The report is never included: re-sent every RESEND_AFTER blocks (not earlier), at most
		// MAX_ATTEMPTS times. (Blocks advance without hooks: a long verification phase.)
		GpuProof::offchain_worker(System::block_number());
		GpuProof::offchain_worker(System::block_number() + 1);
		assert_eq!(sent(&pool).len(), 1);
		for _ in 0..6 {
			System::set_block_number(System::block_number() + crate::RESEND_AFTER);
			GpuProof::offchain_worker(System::block_number());
		}
		let txs = sent(&pool);
		assert_eq!(txs.len(), crate::MAX_ATTEMPTS as usize);
		for (_, call) in txs {
			let RuntimeCall::GpuProof(crate::Call::submit_verdicts { verdicts, .. }) = call else {
				panic!("expected submit_verdicts")
			};
			assert_eq!(verdicts.to_vec(), vec![(1, Verdict::Pass)]);
		}
	});
}

#[test]
fn an_unconfirmed_fraud_proof_holds_the_report_until_it_is_resent() {
	let Ocw { mut ext, http, pool, .. } = ocw();
	ext.execute_with(|| {
		start_epoch();
		let skipper = SkippingBackend { skip_ppm: 1_000_000 };
		let cheat = commit_with(2, skipper);
		for gpu in [1, 3, 4] {
			with_gpu(gpu, |gpu| gpu.active = false);
		}
		to_beacon();
		expect(&http, 2, response_with(2, &cheat, skipper).encode());
		let now = System::block_number();
		GpuProof::offchain_worker(now);
		assert_eq!(sent(&pool).len(), 1, "the fraud proof");
		// Not included yet: the next blocks send nothing (the report would share its nonce).
		for block in now + 1..now + crate::RESEND_AFTER {
			System::set_block_number(block);
			GpuProof::offchain_worker(block);
		}
		assert_eq!(sent(&pool).len(), 1);
		// After RESEND_AFTER blocks the fraud proof is sent again, still before the report.
		System::set_block_number(now + crate::RESEND_AFTER);
		GpuProof::offchain_worker(now + crate::RESEND_AFTER);
		let txs = sent(&pool);
		assert_eq!(txs.len(), 2);
		assert!(matches!(txs[1].1, RuntimeCall::GpuProof(crate::Call::report_fraud { .. })));
	});
}
