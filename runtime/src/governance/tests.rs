//! OpenGov wiring: tracks, origins and a referendum that enacts a vault-admin call.

use super::{origins::Origin, tracks};
use crate::{tests::preset_ext, *};
use frame_support::traits::{
	schedule::DispatchTime, Bounded, OnInitialize, OriginTrait, StorePreimage,
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_referenda::TracksInfo as _;
use sp_keyring::Sr25519Keyring;

fn pallets_origin(o: Origin) -> OriginCaller {
	OriginCaller::Origins(o)
}

#[test]
fn tracks_are_consistent_and_map_every_origin() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		tracks::TracksInfo::check_integrity().expect("tracks are sorted and unique");
		let expect = [
			(Origin::WhitelistedCaller, tracks::ids::WHITELISTED_CALLER),
			(Origin::ValidatorAdmin, tracks::ids::VALIDATOR_ADMIN),
			(Origin::GpuAdmin, tracks::ids::GPU_ADMIN),
			(Origin::VaultAdmin, tracks::ids::VAULT_ADMIN),
			(Origin::SubnetsAdmin, tracks::ids::SUBNETS_ADMIN),
			(Origin::Treasurer, tracks::ids::TREASURER),
		];
		for (origin, id) in expect {
			assert_eq!(tracks::TracksInfo::track_for(&pallets_origin(origin)), Ok(id));
		}
		let root: OriginCaller = frame_system::RawOrigin::Root.into();
		assert_eq!(tracks::TracksInfo::track_for(&root), Ok(tracks::ids::ROOT));
		let signed: OriginCaller =
			frame_system::RawOrigin::Signed(Sr25519Keyring::Alice.to_account_id()).into();
		assert_eq!(tracks::TracksInfo::track_for(&signed), Err(()));
		assert_eq!(tracks::TracksInfo::tracks().count(), 7);
	});
}

#[test]
fn test_presets_shorten_periods_and_production_keeps_them() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let divisor = genesis_config_presets::TEST_TRACK_TIME_DIVISOR;
		assert_eq!(super::origins::TrackTimeDivisor::<Runtime>::get(), divisor);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.decision_period, 14 * DAYS / divisor);
		// Nothing is scaled below one block.
		super::origins::TrackTimeDivisor::<Runtime>::put(u32::MAX);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.prepare_period, 1);
		super::origins::TrackTimeDivisor::<Runtime>::put(1);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.decision_period, 14 * DAYS);
		assert_eq!(root.name, sp_runtime::str_array::<25>("root"));
	});
}

#[test]
fn treasury_account_is_the_protocol_fee_account() {
	assert_eq!(Treasury::account_id(), configs::TreasuryAccount::get());
}

#[test]
fn custom_origins_gate_heliox_pallets() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// The vault track may pause AID; the GPU track and a signed account may not.
		let vault: RuntimeOrigin = Origin::VaultAdmin.into();
		let gpu: RuntimeOrigin = Origin::GpuAdmin.into();
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		assert!(Aid::set_paused(gpu, true).is_err());
		assert!(Aid::set_paused(alice, true).is_err());
		assert!(Aid::set_paused(vault, true).is_ok());
		assert!(pallet_aid::Paused::<Runtime>::get());
		assert!(RuntimeOrigin::root().caller().clone() == frame_system::RawOrigin::Root.into());
	});
}

/// A referendum on the `vault_admin` track, voted by the dev accounts, enacts `Aid::set_paused`
/// with the VaultAdmin origin.
#[test]
fn referendum_on_vault_track_enacts_its_call() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let call = RuntimeCall::Aid(pallet_aid::Call::set_paused { paused: true });
		let proposal: Bounded<RuntimeCall, sp_runtime::traits::BlakeTwo256> =
			Preimage::bound(call).expect("small call is inlined");
		assert!(Referenda::submit(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(pallets_origin(Origin::VaultAdmin)),
			proposal,
			DispatchTime::After(0),
		)
		.is_ok());
		let index = pallet_referenda::ReferendumCount::<Runtime>::get() - 1;
		assert!(
			Referenda::place_decision_deposit(RuntimeOrigin::signed(alice.clone()), index).is_ok()
		);
		// Every dev account votes aye with most of its HLX.
		for key in Sr25519Keyring::iter()
			.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		{
			let vote = AccountVote::Standard {
				vote: Vote { aye: true, conviction: Conviction::Locked1x },
				balance: genesis_config_presets::ENDOWMENT / 10 * 8,
			};
			assert!(ConvictionVoting::vote(
				RuntimeOrigin::signed(key.to_account_id()),
				index,
				vote
			)
			.is_ok());
		}
		assert!(!pallet_aid::Paused::<Runtime>::get());
		// prepare (4) + confirm (48) + enactment (2) blocks on the test divisor, with margin.
		for n in 2..=80 {
			System::set_block_number(n);
			Scheduler::on_initialize(n);
			if pallet_aid::Paused::<Runtime>::get() {
				break;
			}
		}
		assert!(
			pallet_aid::Paused::<Runtime>::get(),
			"the referendum enacted set_paused: {:?}",
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index)
		);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
			Some(pallet_referenda::ReferendumInfo::Approved(..))
		));
	});
}
