//! The GPU collection, the items and the holder's revenue rights.

use super::*;
use crate::{attributes, Error, Gpus};
use codec::Encode;
use frame_support::{assert_noop, traits::tokens::nonfungibles_v2::Inspect};

#[test]
fn the_item_carries_the_gpu_specs_as_attributes() {
	run(|| {
		let gpu = register(ALICE, 1);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_eq!(Nfts::owner(collection, gpu), Some(ALICE));
		assert_eq!(Nfts::collection_owner(collection), Some(GpuRegistry::account_id()));
		assert_eq!(
			Nfts::system_attribute(&collection, Some(&gpu), attributes::MODEL),
			Some(H100.encode())
		);
		assert_eq!(
			Nfts::system_attribute(&collection, Some(&gpu), attributes::VRAM_MIB),
			Some(81_920u32.encode())
		);
		assert_eq!(
			Nfts::system_attribute(&collection, Some(&gpu), attributes::REGION),
			Some(b"eu-west".to_vec())
		);
		assert_eq!(
			Nfts::system_attribute(&collection, Some(&gpu), attributes::SERIAL_HASH),
			Some([1u8; 32].to_vec())
		);
		assert!(Nfts::can_transfer(&collection, &gpu));
	});
}

#[test]
fn transferring_the_item_moves_revenue_rights_but_not_the_operator_role() {
	run(|| {
		let gpu = register(ALICE, 1);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, gpu, CHARLIE));
		let record = Gpus::<Test>::get(gpu).unwrap();
		assert_eq!(GpuRegistry::holder(gpu, &record), CHARLIE);
		assert_eq!(GpuRegistry::gpu(gpu).unwrap().holder, CHARLIE);
		assert_eq!(GpuRegistry::gpu(gpu).unwrap().provider, ALICE);
		assert_noop!(
			GpuRegistry::set_price(RuntimeOrigin::signed(CHARLIE), gpu, PaymentCurrency::Native, 1),
			Error::<Test>::NotOperator
		);
		assert_ok!(GpuRegistry::set_price(
			RuntimeOrigin::signed(ALICE),
			gpu,
			PaymentCurrency::Native,
			1
		));
	});
}

#[test]
fn withdrawing_burns_the_item_from_its_current_holder() {
	run(|| {
		let gpu = register(ALICE, 1);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, gpu, CHARLIE));
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		run_to_block(1 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(Nfts::owner(collection, gpu), None);
		for key in attributes::ALL {
			assert_eq!(Nfts::system_attribute(&collection, Some(&gpu), key), None);
		}
	});
}

#[test]
fn a_burned_item_gives_revenue_rights_back_to_the_operator() {
	run(|| {
		let gpu = active_gpu(1, PaymentCurrency::Native, 100);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, gpu, CHARLIE));
		assert_ok!(Nfts::burn(RuntimeOrigin::signed(CHARLIE), collection, gpu));
		assert_eq!(GpuRegistry::gpu(gpu).unwrap().holder, ALICE);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		let alice = free(ALICE);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert_eq!(free(ALICE), alice + 950);
		// Retiring and withdrawing still work without the item.
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		run_to_block(11 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		for key in attributes::ALL {
			assert_eq!(Nfts::system_attribute(&collection, Some(&gpu), key), None);
		}
	});
}
