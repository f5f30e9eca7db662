//! The sAID vault math: one deposit, one redemption, a redemption preview, a revenue injection,
//! and the withdrawal queue served with 1, 64 and 1024 matured requests.
//!
//! State transitions run on a fresh copy of [`vault_state`] each iteration; the copy is made
//! outside the timed section (`iter_batched`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use heliox_benches::{
	vault_state, withdrawal_queue, OFFSET, UNIT, VAULT_NOW, VESTING_PERIOD, WITHDRAWAL_COOLDOWN,
};

/// Assets moved by the benchmarked deposit, and the value of the benchmarked redemption.
const AMOUNT: u128 = 1_000 * UNIT;

fn vault_ops(c: &mut Criterion) {
	let vault = vault_state();
	let shares = vault.convert_to_shares(OFFSET, VAULT_NOW, AMOUNT).expect("a small conversion");

	let mut group = c.benchmark_group("vault_ops");
	group.bench_function("deposit", |b| {
		b.iter_batched(
			|| vault.clone(),
			|mut v| v.deposit(OFFSET, black_box(VAULT_NOW), black_box(AMOUNT)).expect("deposit"),
			BatchSize::SmallInput,
		)
	});
	group.bench_function("redeem", |b| {
		b.iter_batched(
			|| vault.clone(),
			|mut v| {
				v.redeem(OFFSET, black_box(VAULT_NOW), black_box(shares), shares).expect("redeem")
			},
			BatchSize::SmallInput,
		)
	});
	group.bench_function("preview_redeem", |b| {
		b.iter(|| {
			black_box(&vault)
				.preview_redeem(OFFSET, black_box(VAULT_NOW), black_box(shares))
				.expect("preview")
		})
	});
	group.bench_function("inject_revenue", |b| {
		b.iter_batched(
			|| vault.clone(),
			|mut v| {
				v.inject_revenue(black_box(VAULT_NOW), black_box(AMOUNT), VESTING_PERIOD)
					.expect("inject");
				v
			},
			BatchSize::SmallInput,
		)
	});
	group.finish();

	let mut group = c.benchmark_group("vault_ops/process_withdrawal_queue");
	for len in [1usize, 64, 1024] {
		let queue = withdrawal_queue(&vault, len);
		let fills = vault
			.clone()
			.process_withdrawal_queue(OFFSET, VAULT_NOW, WITHDRAWAL_COOLDOWN, u128::MAX, &queue)
			.expect("queue within the vault's shares");
		assert!(fills.iter().all(|fill| fill.remaining_shares == 0), "every request is filled");
		assert_eq!(fills.len(), len, "every request is served");
		group.throughput(Throughput::Elements(len as u64));
		group.bench_with_input(BenchmarkId::from_parameter(len), &queue, |b, queue| {
			b.iter_batched(
				|| vault.clone(),
				|mut v| {
					v.process_withdrawal_queue(
						OFFSET,
						black_box(VAULT_NOW),
						WITHDRAWAL_COOLDOWN,
						u128::MAX,
						black_box(queue),
					)
					.expect("queue within the vault's shares")
				},
				BatchSize::SmallInput,
			)
		});
	}
	group.finish();
}

criterion_group!(benches, vault_ops);
criterion_main!(benches);
