//! The Yuma epoch compiled to Wasm (the `heliox-wasm-test` blob run by sc-executor) gives
//! exactly the native result, sparse and dense.

use heliox_benches::{epoch_inputs, epoch_params, EpochShape, SEED};
use heliox_wasm_test::harness::call;
use heliox_yuma::{dense::run_epoch_dense, run_epoch, EpochError, EpochOutputs};

#[test]
fn wasm_epochs_equal_native() {
	let shapes = [
		EpochShape { n: 64, validators: 8, weights_per_validator: 16, bonds_per_validator: 8 },
		EpochShape::SMALL,
	];
	for shape in shapes {
		for seed in [SEED, SEED + 1] {
			let inputs = epoch_inputs(shape, seed);
			let params = epoch_params(shape);
			let native = run_epoch(&inputs, &params);
			assert!(native.is_ok(), "{}", shape.label());
			assert_eq!(run_epoch_dense(&inputs, &params), native);
			let sparse: Result<EpochOutputs, EpochError> =
				call("yuma_epoch_sparse", (inputs.clone(), params));
			let dense: Result<EpochOutputs, EpochError> =
				call("yuma_epoch_dense", (inputs.clone(), params));
			assert_eq!(sparse, native, "Wasm sparse differs from native at {}", shape.label());
			assert_eq!(dense, native, "Wasm dense differs from native at {}", shape.label());
		}
	}
}
