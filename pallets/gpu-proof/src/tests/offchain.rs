//! The verifier's off-chain worker, with mocked HTTP, transaction pool and keystore.

use super::*;
use codec::Decode;
use frame_support::traits::Hooks;
use heliox_gpu_proof::protocol::{commit_path, openings_path};
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
	ocw_with(4)
}

/// Three verifiers (each assigned to every GPU), the first one's key in this node's keystore;
/// `gpus` GPUs.
fn ocw_with(gpus: GpuId) -> Ocw {
	let mut ext = new_test_ext_with(0, gpus);
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

type Http = Arc<parking_lot::RwLock<OffchainState>>;

/// The agent of `gpu` will answer `/pog/openings` with `body` (once).
fn expect(http: &Http, gpu: GpuId, body: Vec<u8>) {
	let uri =
		format!("http://gpu{gpu}.test{}", openings_path(gpu.into(), current_epoch(), &beacon()));
	expect_uri(http, uri, body);
}

/// The agent of `gpu` will answer `/pog/commit` with `body` (once).
fn expect_commit(http: &Http, gpu: GpuId, body: Vec<u8>) {
	let uri = format!("http://gpu{gpu}.test{}", commit_path(gpu.into(), current_epoch()));
	expect_uri(http, uri, body);
}

fn expect_uri(http: &Http, uri: String, body: Vec<u8>) {
	http.write().expect_request(PendingRequest {
		method: "GET".into(),
		uri,
		response: Some(body),
		sent: true,
		..Default::default()
	});
}

/// Runs the OCW at every block from the current one to `block` (inclusive), importing blocks.
fn ocw_to(block: u64) {
	GpuProof::offchain_worker(System::block_number());
	while System::block_number() < block {
		run_to_block(System::block_number() + 1);
		GpuProof::offchain_worker(System::block_number());
	}
}

/// Starts an epoch and lets the OCW collect the commits at the deadline block: `answers[g]` is
/// GPU `g + 1`'s `/pog/commit` answer.
fn collect(http: &Http, answers: Vec<Vec<u8>>) {
	let deadline = GpuProof::challenge_of(1).unwrap().deadline_block;
	ocw_to(deadline - 1);
	for (i, body) in answers.into_iter().enumerate() {
		expect_commit(http, i as GpuId + 1, body);
	}
	ocw_to(deadline);
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
fn the_ocw_collects_commits_at_the_deadline_then_reports_and_proves_fraud() {
	let Ocw { mut ext, http, pool, local } = ocw();
	ext.execute_with(|| {
		start_epoch();
		let honest = commit(1);
		let skipper = SkippingBackend { skip_ppm: 1_000_000 };
		let cheat = commit_with(2, skipper);
		let fourth = commit(4);
		// Nothing is fetched before the deadline block (the mock refuses unexpected requests);
		// at it, every assigned GPU's commit. GPU 3 has none to show (its answer does not
		// decode); GPU 4 commits but will answer garbage.
		collect(
			&http,
			vec![
				commit_answer(1, &honest),
				commit_answer(2, &cheat),
				b"404 no chain for this GPU and epoch".to_vec(),
				commit_answer(4, &fourth),
			],
		);
		// Collected, not fetched again; nothing sent before the beacon.
		ocw_to(System::block_number() + 2);
		assert!(sent(&pool).is_empty());
		to_beacon();
		expect(&http, 1, response_with(1, &honest, CpuBackend).encode());
		expect(&http, 2, response_with(2, &cheat, skipper).encode());
		expect(&http, 4, b"502 bad gateway".to_vec());
		let now = System::block_number();
		GpuProof::offchain_worker(now);

		// First run: the fraud proof, signed by the local verifier's account, carrying the
		// commit collected at the deadline.
		let txs = sent(&pool);
		assert_eq!(txs.len(), 1);
		let (who, call) = txs[0].clone();
		assert_eq!(who, local);
		let RuntimeCall::GpuProof(crate::Call::report_fraud {
			gpu,
			epoch,
			root,
			commit_signature,
			index,
			opening,
			agent_signature,
		}) = call
		else {
			panic!("expected report_fraud, got {call:?}")
		};
		assert_eq!((gpu, epoch, root), (2, 1, cheat.root()));
		assert_ok!(GpuProof::report_fraud(
			RuntimeOrigin::signed(who),
			gpu,
			epoch,
			root,
			commit_signature,
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
				(3, Verdict::NoResponse),
				(1, Verdict::Pass),
				(2, Verdict::Fail),
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
fn unsampled_gpus_that_committed_cost_the_chain_nothing() {
	let Ocw { mut ext, http, pool, .. } = ocw_with(12);
	ext.execute_with(|| {
		SampleFraction::set(sp_runtime::Perbill::from_percent(50));
		start_epoch();
		let commitments: Vec<_> = (1..=12).map(commit).collect();
		collect(&http, commitments.iter().zip(1..).map(|(c, gpu)| commit_answer(gpu, c)).collect());
		to_beacon();
		let sampled: Vec<GpuId> =
			(1..=12).filter(|g| GpuProof::is_sampled(&beacon(), *g)).collect();
		assert!(!sampled.is_empty() && sampled.len() < 12, "{sampled:?}");
		for gpu in &sampled {
			expect(
				&http,
				*gpu,
				response_with(*gpu, &commitments[*gpu as usize - 1], CpuBackend).encode(),
			);
		}
		GpuProof::offchain_worker(System::block_number());
		let txs = sent(&pool);
		let RuntimeCall::GpuProof(crate::Call::submit_verdicts { verdicts, .. }) = &txs[0].1 else {
			panic!("expected submit_verdicts")
		};
		// Only the sampled GPUs are opened and reported on.
		assert_eq!(
			verdicts.to_vec(),
			sampled.iter().map(|gpu| (*gpu, Verdict::Pass)).collect::<Vec<_>>()
		);
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
		ocw_to(System::block_number() + WINDOW);
	});
	assert!(pool_state.read().transactions.is_empty());
}

#[test]
fn an_unconfirmed_chunk_is_resent_a_bounded_number_of_times() {
	let Ocw { mut ext, http, pool, .. } = ocw();
	ext.execute_with(|| {
		start_epoch();
		let honest = commit(1);
		for gpu in 2..=4 {
			with_gpu(gpu, |gpu| gpu.active = false);
		}
		collect(&http, vec![commit_answer(1, &honest)]);
		to_beacon();
		expect(&http, 1, response_with(1, &honest, CpuBackend).encode());
		// The chunk is never included (e.g. refused by full block budgets): re-sent every
		// RESEND_AFTER blocks (not earlier), at most MAX_CHUNK_ATTEMPTS times. (Blocks advance
		// without hooks: a long verification phase.)
		GpuProof::offchain_worker(System::block_number());
		GpuProof::offchain_worker(System::block_number() + 1);
		assert_eq!(sent(&pool).len(), 1);
		for _ in 0..2 * crate::MAX_CHUNK_ATTEMPTS {
			System::set_block_number(System::block_number() + crate::RESEND_AFTER);
			GpuProof::offchain_worker(System::block_number());
		}
		let txs = sent(&pool);
		assert_eq!(txs.len(), crate::MAX_CHUNK_ATTEMPTS as usize);
		for (_, call) in txs {
			let RuntimeCall::GpuProof(crate::Call::submit_verdicts { verdicts, .. }) = call else {
				panic!("expected submit_verdicts")
			};
			assert_eq!(verdicts.to_vec(), vec![(1, Verdict::Pass)]);
		}
	});
}

#[test]
fn long_reports_go_out_in_chunks_from_the_on_chain_cursor() {
	let Ocw { mut ext, http, pool, .. } = ocw_with(40);
	ext.execute_with(|| {
		start_epoch();
		// No agent answers: 40 missed commits, 40 verdicts, chunks of MaxVerdicts = 32.
		collect(&http, (0..40).map(|_| b"connection refused".to_vec()).collect());
		to_beacon();
		GpuProof::offchain_worker(System::block_number());
		let txs = sent(&pool);
		assert_eq!(txs.len(), 1);
		let RuntimeCall::GpuProof(crate::Call::submit_verdicts { epoch, verdicts }) =
			txs[0].1.clone()
		else {
			panic!("expected submit_verdicts")
		};
		assert_eq!(verdicts.len(), 32);
		assert!(verdicts.iter().all(|(_, v)| *v == Verdict::NoResponse));
		assert_ok!(GpuProof::submit_verdicts(RuntimeOrigin::signed(txs[0].0), epoch, verdicts));
		// The chunk landed: the next block sends the rest right away.
		run_to_block(System::block_number() + 1);
		GpuProof::offchain_worker(System::block_number());
		let txs = sent(&pool);
		assert_eq!(txs.len(), 2);
		let RuntimeCall::GpuProof(crate::Call::submit_verdicts { epoch, verdicts }) =
			txs[1].1.clone()
		else {
			panic!("expected submit_verdicts")
		};
		assert_eq!(
			verdicts.to_vec(),
			(33..=40).map(|g| (g, Verdict::NoResponse)).collect::<Vec<_>>()
		);
		assert_ok!(GpuProof::submit_verdicts(RuntimeOrigin::signed(txs[1].0), epoch, verdicts));
		run_to_block(System::block_number() + 1);
		GpuProof::offchain_worker(System::block_number());
		assert_eq!(sent(&pool).len(), 2);
		GpuProof::do_try_state().unwrap();
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
		let deadline = GpuProof::challenge_of(2).unwrap().deadline_block;
		ocw_to(deadline - 1);
		expect_commit(&http, 2, commit_answer(2, &cheat));
		ocw_to(deadline);
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
