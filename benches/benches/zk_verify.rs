//! Groth16 (BN254) verification side by side, one criterion group per question:
//!
//! - `single`: plain `ark_groth16::Groth16::verify` with an unprepared key (what most chains
//!   do), ark-groth16 with a prepared key, and heliox-zk with its stored prepared key (strict
//!   decoding of proof and inputs included);
//! - `batch_per_proof`: heliox-zk `verify_batch` of 1, 8, 32 and 128 proofs (criterion
//!   throughput = proofs, so the report shows time per proof);
//! - `runtime`: one verification through a Wasm blob (`heliox-wasm-test`) executed by
//!   `sc-executor` (wasmtime) as a node does: arithmetic compiled to Wasm vs the native host
//!   function called from Wasm, next to native.
//!
//! Keys and proofs come from `heliox_zk::synthetic` (valid Groth16 proofs, same cost as real
//! ones) with 7 public inputs, the size of the snarkjs dense-layer fixture.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use heliox_wasm_test::harness::call;
use heliox_zk::{
	synthetic::SyntheticKey, Groth16Backend, InRuntime, PreparedVk, Proof, ProofBytes,
	PublicInputBytes,
};

const INPUTS: u32 = 7;

struct Setup {
	key: SyntheticKey,
	prepared: PreparedVk,
	stored: Vec<u8>,
	items: Vec<(ProofBytes, Vec<PublicInputBytes>)>,
}

fn setup(proofs: u64) -> Setup {
	let key = SyntheticKey::new(INPUTS, 42);
	let prepared = PreparedVk::new(key.verifying_key(), 64).expect("valid key");
	let stored = prepared.to_storage_bytes();
	let items = (0..proofs)
		.map(|index| {
			let inputs = key.inputs(index);
			(key.prove(&inputs, index).expect("valid inputs"), inputs)
		})
		.collect();
	Setup { key, prepared, stored, items }
}

fn single(c: &mut Criterion) {
	let setup = setup(1);
	let (proof, inputs) = &setup.items[0];
	let ark_vk = setup.key.verifying_key().to_ark();
	let ark_proof = Proof::from_bytes(proof).expect("valid").to_ark();
	let ark_inputs: Vec<ark_bn254::Fr> =
		heliox_zk::decode_public_inputs(inputs).expect("valid inputs");
	let ark_prepared = ark_groth16::prepare_verifying_key(&ark_vk);

	let mut group = c.benchmark_group("single");
	group.bench_function("ark_groth16_unprepared_key", |b| {
		b.iter(|| {
			assert!(ark_groth16::Groth16::<ark_bn254::Bn254>::verify_proof(
				&ark_groth16::prepare_verifying_key(black_box(&ark_vk)),
				black_box(&ark_proof),
				black_box(&ark_inputs),
			)
			.expect("no synthesis error"))
		})
	});
	group.bench_function("ark_groth16_prepared_key", |b| {
		b.iter(|| {
			assert!(ark_groth16::Groth16::<ark_bn254::Bn254>::verify_proof(
				black_box(&ark_prepared),
				black_box(&ark_proof),
				black_box(&ark_inputs),
			)
			.expect("no synthesis error"))
		})
	});
	group.bench_function("heliox_zk_prepared_key", |b| {
		b.iter(|| {
			heliox_zk::verify(black_box(&setup.prepared), black_box(proof), black_box(inputs))
		})
	});
	group.bench_function("heliox_zk_stored_prepared_key", |b| {
		b.iter(|| InRuntime::verify(black_box(&setup.stored), black_box(proof), black_box(inputs)))
	});
	group.finish();
}

fn batch(c: &mut Criterion) {
	let setup = setup(128);
	let mut group = c.benchmark_group("batch_per_proof");
	group.sample_size(10);
	for size in [1usize, 8, 32, 128] {
		let items = &setup.items[..size];
		group.throughput(Throughput::Elements(size as u64));
		group.bench_function(format!("verify_batch_{size}"), |b| {
			b.iter(|| heliox_zk::verify_batch(black_box(&setup.prepared), black_box(items), 128))
		});
	}
	group.throughput(Throughput::Elements(32));
	group.bench_function("verify_32_singly", |b| {
		b.iter(|| {
			for (proof, inputs) in &setup.items[..32] {
				heliox_zk::verify(black_box(&setup.prepared), proof, inputs).expect("valid");
			}
		})
	});
	group.finish();
}

fn runtime(c: &mut Criterion) {
	let setup = setup(1);
	let (proof, inputs) = setup.items[0].clone();
	let args = (setup.stored.clone(), proof, inputs.clone());
	// Warm the executor's instance cache (compiling the blob is not part of a verification).
	let _: Result<(), heliox_zk::ZkError> = call("verify_host", args.clone());
	let mut group = c.benchmark_group("runtime");
	group.sample_size(10);
	group.bench_function("native", |b| {
		b.iter(|| InRuntime::verify(black_box(&setup.stored), &proof, &inputs).expect("valid"))
	});
	group.bench_function("wasm_host_function", |b| {
		b.iter_batched(
			|| args.clone(),
			|args| {
				let result: Result<(), heliox_zk::ZkError> = call("verify_host", args);
				result.expect("valid")
			},
			BatchSize::SmallInput,
		)
	});
	group.bench_function("wasm_in_runtime_arithmetic", |b| {
		b.iter_batched(
			|| args.clone(),
			|args| {
				let result: Result<(), heliox_zk::ZkError> = call("verify_in_wasm", args);
				result.expect("valid")
			},
			BatchSize::SmallInput,
		)
	});
	group.finish();
}

criterion_group!(benches, single, batch, runtime);
criterion_main!(benches);
