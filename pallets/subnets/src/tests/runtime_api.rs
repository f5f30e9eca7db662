use super::subnet_with_validator;
use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn metagraph_reports_every_uid() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(Subnets::metagraph(0).is_none());
		let netuid = subnet_with_validator(1_000);
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(102),
			netuid,
			2,
			0x0a00_0001,
			8091,
			4,
			0
		));
		run_to_block(12);
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(101),
			netuid,
			uids(&[1, 2]),
			vals(&[3, 1]),
			0
		));
		run_to_block(21);
		let m = Subnets::metagraph(netuid).unwrap();
		assert_eq!((m.netuid, m.n, m.block), (netuid, 3, 21));
		assert_eq!(m.hotkeys, vec![101, 102, 103]);
		assert_eq!(m.coldkeys, vec![2, 3, 4]);
		assert_eq!(m.stake, vec![1_000, 0, 0]);
		assert_eq!(m.validator_permit, vec![true, false, false]);
		assert_eq!(m.incentive, vec![0, 49_151, 16_383]);
		assert_eq!(m.dividends, vec![65_535, 0, 0]);
		assert_eq!(m.consensus, vec![0, 49_151, 16_383]);
		assert_eq!(m.trust[1], 65_535);
		assert_eq!(m.validator_trust[0], 65_535);
		assert_eq!(m.last_update, vec![12, 1, 1]);
		assert_eq!(m.registered_at, vec![1, 1, 1]);
		assert_eq!(m.active, vec![true, true, true]);
		assert!(m.emission.iter().all(|e| *e > 0));
		assert_eq!(m.axons[0], None);
		assert_eq!(m.axons[1].unwrap().ip, 0x0a00_0001);
		assert_eq!(m.bonds[0].count, 2);
		assert!(m.bonds[0].max.is_some());
		assert_eq!(m.bonds[1], BondsSummary::default());
		for v in [&m.trust, &m.consensus, &m.incentive, &m.dividends, &m.validator_trust] {
			assert_eq!(v.len(), 3);
		}
		assert_eq!(Subnets::weights_of(netuid, 0), vec![(1, 65_535), (2, 21_845)]);
		assert_eq!(Subnets::bonds_of(netuid, 0).len(), 2);
		assert_eq!(Subnets::uid_of(netuid, &103), Some(2));
		assert_eq!(Subnets::uid_of(netuid, &999), None);
	});
}

#[test]
fn subnets_list_summaries() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(Subnets::subnets().is_empty());
		new_subnet(1);
		new_subnet(2);
		register(1, 3, 103);
		run_to_block(4);
		let all = Subnets::subnets();
		assert_eq!(all.len(), 2);
		assert_eq!(all[1].netuid, 1);
		assert_eq!(all[1].owner, 2);
		assert_eq!(all[1].locked, 2 * MIN_LOCK);
		assert_eq!(all[1].n, 1);
		assert_eq!(all[1].burn, 126);
		assert_eq!(all[1].next_epoch_block, 11);
		assert_eq!(all[1].epoch_index, 0);
		assert_eq!(all[1].pending_emission, 3 * BLOCK_EMISSION / 2);
		assert_eq!(Subnets::subnet(1), Some(all[1].clone()));
		assert_eq!(Subnets::subnet(3), None);
	});
}

#[test]
fn runtime_api_types_round_trip() {
	use codec::{Decode, Encode};
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(10);
		let m = Subnets::metagraph(netuid).unwrap();
		assert_eq!(Metagraph::<AccountId, Balance>::decode(&mut &m.encode()[..]).unwrap(), m);
		let s = Subnets::subnets();
		assert_eq!(
			Vec::<SubnetSummary<AccountId, Balance>>::decode(&mut &s.encode()[..]).unwrap(),
			s
		);
	});
}

#[test]
fn runtime_api_is_declared() {
	use sp_api::RuntimeApiInfo;
	type Api = dyn crate::runtime_api::SubnetsApi<Block, AccountId, Balance>;
	assert_eq!(<Api as RuntimeApiInfo>::VERSION, 1);
	assert_ne!(<Api as RuntimeApiInfo>::ID, [0u8; 8]);
}
