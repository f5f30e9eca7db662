use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

#[test]
fn burned_register_burns_and_assigns_uids() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		let issuance = Balances::total_issuance();
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(2), netuid, 101));
		assert_eq!(Balances::balance(&2), INITIAL - MIN_BURN);
		assert_eq!(Balances::total_issuance(), issuance - MIN_BURN);
		assert_eq!(Uids::<Test>::get(netuid, 101), Some(0));
		assert_eq!(HotkeyOwner::<Test>::get(101), Some(2));
		let neuron = Neurons::<Test>::get(netuid, 0).unwrap();
		assert_eq!((neuron.hotkey, neuron.registered_at, neuron.last_update), (101, 1, 1));
		assert_eq!(
			last_event(),
			Event::NeuronRegistered {
				netuid,
				uid: 0,
				hotkey: 101,
				coldkey: 2,
				burned: MIN_BURN,
				replaced: None
			}
		);
		assert_eq!(register(netuid, 3, 102), 1);
		assert_eq!(Networks::<Test>::get(netuid).unwrap().n, 2);
		// The same hotkey may join another subnet.
		let other = new_subnet(1);
		assert_eq!(register(other, 2, 101), 0);
	});
}

#[test]
fn burn_rises_per_registration_and_halves_per_interval() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		assert_eq!(Subnets::neuron_burn(netuid), Some(MIN_BURN));
		register(netuid, 2, 101);
		assert_eq!(Subnets::neuron_burn(netuid), Some(126));
		register(netuid, 2, 102);
		// 126 + 26% = 158.76, floored.
		assert_eq!(Subnets::neuron_burn(netuid), Some(158));
		for _ in 0..6 {
			let hotkey = 200 + Networks::<Test>::get(netuid).unwrap().n as u64;
			register(netuid, 2, hotkey);
		}
		let high = Subnets::neuron_burn(netuid).unwrap();
		assert!(high > 500, "{high}");
		// BurnHalvingInterval = 20 blocks.
		System::set_block_number(21);
		assert_eq!(Subnets::neuron_burn(netuid), Some(high / 2));
		System::set_block_number(41);
		assert_eq!(Subnets::neuron_burn(netuid), Some(high / 4));
		System::set_block_number(1_000);
		assert_eq!(Subnets::neuron_burn(netuid), Some(MIN_BURN));
		assert_eq!(Subnets::neuron_burn(3), None);
	});
}

#[test]
fn burn_is_capped() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		Networks::<Test>::mutate(netuid, |i| i.as_mut().unwrap().burn = MAX_BURN * 10);
		assert_eq!(Subnets::neuron_burn(netuid), Some(MAX_BURN));
		register(netuid, 2, 101);
		assert_eq!(Balances::balance(&2), INITIAL - MAX_BURN);
		assert_eq!(Subnets::neuron_burn(netuid), Some(MAX_BURN));
	});
}

#[test]
fn full_subnet_replaces_lowest_emission_non_immune_uid() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		set_params(1, netuid, |p| p.max_uids = 3);
		register(netuid, 2, 101); // uid 0, block 1
		register(netuid, 3, 102); // uid 1, block 1
		run_to_block(4);
		register(netuid, 4, 103); // uid 2, block 4
		Neurons::<Test>::mutate(netuid, 0, |n| n.as_mut().unwrap().emission = 50);
		Neurons::<Test>::mutate(netuid, 1, |n| n.as_mut().unwrap().emission = 10);
		Neurons::<Test>::mutate(netuid, 2, |n| n.as_mut().unwrap().emission = 0);
		// UID 1 has an axon and weights that must go with it.
		grant_permit(netuid, 1);
		assert_ok!(Subnets::serve_axon(RuntimeOrigin::signed(102), netuid, 1, 1, 80, 4, 0));
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(102),
			netuid,
			uids(&[0]),
			vals(&[1]),
			0
		));
		// Block 7: UIDs 0 and 1 are past the immunity period (5), UID 2 is not.
		run_to_block(7);
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(5), netuid, 104));
		assert_eq!(Uids::<Test>::get(netuid, 104), Some(1));
		assert_eq!(Uids::<Test>::get(netuid, 102), None);
		assert!(Weights::<Test>::get(netuid, 1).is_none());
		assert!(Axons::<Test>::get(netuid, 1).is_none());
		let neuron = Neurons::<Test>::get(netuid, 1).unwrap();
		assert_eq!((neuron.hotkey, neuron.registered_at, neuron.validator_permit), (104, 7, false));
		assert!(matches!(
			last_event(),
			Event::NeuronRegistered { uid: 1, hotkey: 104, replaced: Some(102), .. }
		));
		assert_eq!(Networks::<Test>::get(netuid).unwrap().n, 3);
	});
}

#[test]
fn replacement_ties_go_to_oldest_then_lowest_uid() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		set_params(1, netuid, |p| p.max_uids = 3);
		run_to_block(2);
		register(netuid, 2, 101); // uid 0, block 2
		run_to_block(3);
		register(netuid, 2, 102); // uid 1, block 3
		register(netuid, 2, 103); // uid 2, block 3
		run_to_block(20);
		// All emissions are 0: the oldest (UID 0) goes first.
		register(netuid, 2, 104);
		assert_eq!(Uids::<Test>::get(netuid, 104), Some(0));
		// Now UID 0 is immune; UIDs 1 and 2 tie: the lower UID goes.
		register(netuid, 2, 105);
		assert_eq!(Uids::<Test>::get(netuid, 105), Some(1));
	});
}

#[test]
fn all_uids_immune() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		set_params(1, netuid, |p| p.max_uids = 2);
		register(netuid, 2, 101);
		register(netuid, 2, 102);
		run_to_block(5); // immune until block 6
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(3), netuid, 103),
			Error::<Test>::AllUidsImmune
		);
	});
}

#[test]
fn burned_register_errors() {
	ExtBuilder::default().balance(30, MIN_BURN).build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(2), 9, 102),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(2), netuid, 101),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		// Hotkey 101 belongs to coldkey 2.
		let other = new_subnet(1);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(3), other, 101),
			Error::<Test>::NotHotkeyOwner
		);
		// Paying the burn would leave nothing for the existential deposit.
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(30), netuid, 130),
			Error::<Test>::InsufficientBalance
		);
	});
}
