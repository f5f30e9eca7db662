//! Benchmarks. Proofs come from synthetic keys (`heliox_zk::synthetic`): keys whose trapdoor is
//! known, so valid proofs exist for any input count without running a prover in the runtime.
//! Verifying them costs exactly what verifying a real proof costs.

use alloc::vec::Vec;

use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, traits::fungible::Mutate, BoundedVec};
use frame_system::RawOrigin;
use heliox_zk::synthetic::SyntheticKey;
use sp_runtime::traits::Bounded;

use crate::*;

/// A funded account.
fn funded<T: Config>(name: &'static str) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, 0, 0);
	let amount = BalanceOf::<T>::max_value() / 4u32.into();
	let _ = T::Currency::set_balance(&who, amount);
	who
}

/// The most expensive layout for `n` inputs: every commitment declared.
fn layout(n: u32) -> ZkmlLayout {
	if n == 0 {
		ZkmlLayout::default()
	} else {
		ZkmlLayout {
			model_commitment: Some(0),
			input_commitment: Some(n / 2),
			output_commitment: Some(n - 1),
		}
	}
}

fn max_meta<T: Config>() -> BoundedVec<u8, T::MaxMetaLen> {
	let bytes: Vec<u8> = (0..T::MaxMetaLen::get()).map(|i| i as u8).collect();
	bytes.try_into().unwrap_or_default()
}

/// Registers a synthetic key with `n` inputs owned by `owner`.
fn registered<T: Config>(owner: &T::AccountId, n: u32) -> (SyntheticKey, VkId) {
	let key = SyntheticKey::new(n, u64::from(n));
	let bytes: BoundedVec<u8, MaxVkLen<T>> =
		key.verifying_key_bytes().try_into().expect("n <= MaxPublicInputs");
	let vk_id = Pallet::<T>::do_register_vk(owner.clone(), bytes, layout(n))
		.expect("synthetic keys are valid");
	(key, vk_id)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// Decoding with subgroup checks, the `e(α, β)` pairing, preparation of −γ and −δ, and the
	/// storage of the key and its prepared form: grows with the input count.
	#[benchmark]
	fn register_vk(n: Linear<0, { T::MaxPublicInputs::get() }>) {
		let owner = funded::<T>("owner");
		let key = SyntheticKey::new(n, u64::from(n));
		let bytes: BoundedVec<u8, MaxVkLen<T>> =
			key.verifying_key_bytes().try_into().expect("n <= MaxPublicInputs");
		let vk_id = heliox_zk::vk_id_of_bytes(&bytes);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), bytes, layout(n));

		assert!(VerifyingKeys::<T>::contains_key(vk_id));
	}

	#[benchmark]
	fn unregister_vk() {
		let owner = funded::<T>("owner");
		let (_, vk_id) = registered::<T>(&owner, T::MaxPublicInputs::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), vk_id);

		assert!(!VerifyingKeys::<T>::contains_key(vk_id));
	}

	/// One proof: `n`-point MSM, preparation of `B`, a 3-pair Miller loop, a final
	/// exponentiation, the statement hash over `n` inputs.
	#[benchmark]
	fn submit_attestation(n: Linear<0, { T::MaxPublicInputs::get() }>) {
		let owner = funded::<T>("owner");
		let (key, vk_id) = registered::<T>(&owner, n);
		let inputs = key.inputs(0);
		let proof = key.prove(&inputs, 0).expect("inputs match the key");
		let inputs: PublicInputsOf<T> = inputs.try_into().expect("n <= MaxPublicInputs");
		let statement = heliox_zk::statement_id(&vk_id, &inputs).expect("bounded");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), vk_id, alloc::boxed::Box::new(proof), inputs, max_meta::<T>());

		assert!(Attestations::<T>::contains_key(statement));
	}

	/// `k` proofs of `n` inputs each in one combined check.
	#[benchmark]
	fn submit_attestations(
		k: Linear<1, { T::MaxBatchSize::get() }>,
		// From 1: with no inputs all proofs prove one statement, so a batch holds one item.
		n: Linear<1, { T::MaxPublicInputs::get() }>,
	) {
		let owner = funded::<T>("owner");
		let (key, vk_id) = registered::<T>(&owner, n);
		let mut items = Vec::new();
		for index in 0..u64::from(k) {
			let inputs = key.inputs(index);
			let proof = key.prove(&inputs, index).expect("inputs match the key");
			items.push(AttestationItem {
				proof,
				public_inputs: inputs.try_into().expect("n <= MaxPublicInputs"),
				meta: max_meta::<T>(),
			});
		}
		let items: BoundedVec<AttestationItemOf<T>, T::MaxBatchSize> =
			items.try_into().expect("k <= MaxBatchSize");
		let expected = items.len() as u64;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), vk_id, items);

		assert_eq!(AttestationCount::<T>::get(), expected);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
