//! The Yuma epoch in the Wasm runtime's executor: heliox-yuma's sparse `run_epoch` and the dense
//! `n × n` reference, both compiled into the `heliox-wasm-test` blob and run by `sc-executor`
//! (wasmtime) as a node runs the runtime, side by side in one criterion group. Run with
//! `cargo bench -p heliox-benches --bench yuma_epoch_wasm --profile dev` (the Wasm is the
//! optimized release blob in every profile; only the host-side glue is a debug build).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use heliox_benches::{epoch_inputs, epoch_params, EpochShape, SEED};
use heliox_wasm_test::harness::call;
use heliox_yuma::{EpochError, EpochOutputs};

fn yuma_epoch_wasm(c: &mut Criterion) {
	let mut group = c.benchmark_group("yuma_epoch_wasm");
	group.sample_size(10);
	group.sampling_mode(SamplingMode::Flat);
	group.measurement_time(Duration::from_secs(5));
	for shape in [EpochShape::SMALL, EpochShape::ISSUE_TARGET] {
		let args = (epoch_inputs(shape, SEED), epoch_params(shape));
		for (name, export) in [("sparse", "yuma_epoch_sparse"), ("dense", "yuma_epoch_dense")] {
			group.bench_function(format!("{name}/{}", shape.label()), |b| {
				b.iter_batched(
					|| args.clone(),
					|args| {
						let outputs: Result<EpochOutputs, EpochError> = call(export, args);
						outputs.expect("valid inputs")
					},
					criterion::BatchSize::LargeInput,
				)
			});
		}
	}
	group.finish();
}

criterion_group!(benches, yuma_epoch_wasm);
criterion_main!(benches);
