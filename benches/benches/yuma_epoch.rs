//! The Yuma epoch: sparse [`run_epoch`] side by side with the dense reference
//! [`run_epoch_dense`] (one criterion group, so the reports sit next to each other), plus the
//! sparse epoch alone on a full `n = 65535` subnet, where the dense one would need `n²` memory.
//!
//! Benchmark ids are `yuma_epoch/{sparse,dense}/<shape>`; the dense run at 4096 UIDs takes
//! seconds per iteration, so it gets 10 flat samples and a short measurement time.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion};
use criterion::{SamplingMode, Throughput};
use heliox_benches::{epoch_inputs, epoch_params, EpochShape, SEED};
use heliox_yuma::dense::run_epoch_dense;
use heliox_yuma::{run_epoch, EpochError, EpochInputs, EpochOutputs, EpochParams};

/// The signature shared by the sparse epoch and the dense reference.
type Epoch = fn(&EpochInputs, &EpochParams) -> Result<EpochOutputs, EpochError>;

/// Registers `epoch` on `shape` as `<name>/<shape label>`, counting weights as elements.
fn bench_epoch(
	group: &mut BenchmarkGroup<'_, WallTime>,
	name: &str,
	epoch: Epoch,
	shape: EpochShape,
) {
	let (inputs, params) = (epoch_inputs(shape, SEED), epoch_params(shape));
	let weights: usize = inputs.weights.iter().map(Vec::len).sum();
	group.throughput(Throughput::Elements(weights as u64));
	group.bench_with_input(BenchmarkId::new(name, shape.label()), &inputs, |b, inputs| {
		b.iter(|| epoch(black_box(inputs), black_box(&params)).expect("generated inputs are valid"))
	});
}

fn yuma_epoch(c: &mut Criterion) {
	let mut group = c.benchmark_group("yuma_epoch");

	// Small subnet: milliseconds at most, criterion's default sampling.
	bench_epoch(&mut group, "sparse", run_epoch, EpochShape::SMALL);
	bench_epoch(&mut group, "dense", run_epoch_dense, EpochShape::SMALL);

	// Issue #4's target size, and the largest subnet (sparse only): few flat samples, so the
	// dense reference (seconds per run) keeps the whole benchmark within minutes on 2 cores.
	group
		.sample_size(10)
		.sampling_mode(SamplingMode::Flat)
		.warm_up_time(Duration::from_secs(1))
		.measurement_time(Duration::from_secs(5));
	bench_epoch(&mut group, "sparse", run_epoch, EpochShape::ISSUE_TARGET);
	bench_epoch(&mut group, "dense", run_epoch_dense, EpochShape::ISSUE_TARGET);
	bench_epoch(&mut group, "sparse", run_epoch, EpochShape::MAX_UIDS);

	group.finish();
}

criterion_group!(benches, yuma_epoch);
criterion_main!(benches);
