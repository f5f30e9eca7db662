//! The functions behind the runtime API.

use super::*;
use crate::{
	GpuFilter, GpuInfo, GpuRevenue, GpuStatus, GpuStatusKind, Price, Rental, RevenueToDate, Uptime,
};

#[test]
fn gpu_returns_everything_about_a_gpu() {
	run(|| {
		assert_eq!(GpuRegistry::gpu(0), None);
		let gpu = active_gpu(1, PaymentCurrency::Native, 100);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, gpu, CHARLIE));
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		set_uptime(gpu, 9, 10);
		let rental = Rental {
			renter: BOB,
			start: 1,
			end: 11,
			currency: PaymentCurrency::Native,
			price_per_block: 100,
			paid: 1_000,
		};
		assert_eq!(
			GpuRegistry::gpu(gpu),
			Some(GpuInfo {
				id: gpu,
				provider: ALICE,
				holder: CHARLIE,
				model: H100,
				specs: specs(1),
				region: b"eu-west".to_vec(),
				endpoint: ENDPOINT.to_vec(),
				agent_key: key(1),
				status: GpuStatus::Active,
				stake: STAKE,
				uptime: Some(Uptime { live: 9, observed: 10 }),
				price: Some(Price { currency: PaymentCurrency::Native, per_block: 100 }),
				rental: Some(rental),
				revenue: RevenueToDate::default(),
				verified: None,
			})
		);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		let info = GpuRegistry::gpu(gpu).unwrap();
		assert_eq!(info.rental, None);
		// 900 earned: 45 protocol, 675 holder, 180 operator.
		assert_eq!(
			info.revenue.native,
			GpuRevenue { to_holder: 675, to_operator: 180, to_protocol: 45 }
		);
		assert!(Nfts::owner(collection, gpu).is_some());
	});
}

fn ids(infos: Vec<GpuInfo<AccountId, u64>>) -> Vec<GpuId> {
	let mut ids: Vec<GpuId> = infos.into_iter().map(|info| info.id).collect();
	ids.sort();
	ids
}

#[test]
fn gpus_filters_by_status_model_and_owner() {
	run(|| {
		let a = register(ALICE, 1);
		let b = register(ALICE, 2);
		let c = register(BOB, 3);
		assert_ok!(GpuRegistry::register_gpu(
			RuntimeOrigin::signed(BOB),
			L4,
			GpuSpecs { vram_mib: 24_576, serial_hash: [4; 32] },
			region(b"us"),
			endpoint(ENDPOINT),
			key(4),
		));
		let d = 3;
		GpuRegistry::on_live(&a);
		GpuRegistry::on_live(&c);
		let collection = crate::GpuCollection::<Test>::get().unwrap();
		assert_ok!(Nfts::transfer(RuntimeOrigin::signed(ALICE), collection, b, CHARLIE));

		let all = GpuFilter::default();
		assert_eq!(ids(GpuRegistry::gpus(all.clone(), None, 100)), vec![a, b, c, d]);
		let active = GpuFilter { status: Some(GpuStatusKind::Active), ..Default::default() };
		assert_eq!(ids(GpuRegistry::gpus(active, None, 100)), vec![a, c]);
		let l4 = GpuFilter { model: Some(L4), ..Default::default() };
		assert_eq!(ids(GpuRegistry::gpus(l4, None, 100)), vec![d]);
		let alice = GpuFilter { owner: Some(ALICE), ..Default::default() };
		assert_eq!(ids(GpuRegistry::gpus(alice, None, 100)), vec![a, b]);
		let charlie = GpuFilter { owner: Some(CHARLIE), ..Default::default() };
		assert_eq!(ids(GpuRegistry::gpus(charlie, None, 100)), vec![b]);
		let pending_h100_of_bob =
			GpuFilter { status: Some(GpuStatusKind::Pending), model: Some(H100), owner: Some(BOB) };
		assert!(GpuRegistry::gpus(pending_h100_of_bob, None, 100).is_empty());
		assert!(GpuRegistry::gpus(all, None, 0).is_empty());
	});
}

#[test]
fn gpus_pages_through_all_gpus() {
	run(|| {
		for n in 0..7 {
			register(ALICE, n);
		}
		let mut seen = Vec::new();
		let mut start_after = None;
		loop {
			let page = GpuRegistry::gpus(GpuFilter::default(), start_after, 3);
			assert!(page.len() <= 3);
			let Some(last) = page.last() else { break };
			start_after = Some(last.id);
			seen.extend(page.into_iter().map(|info| info.id));
		}
		seen.sort();
		assert_eq!(seen, (0..7).collect::<Vec<_>>());
	});
}

#[test]
fn gpus_returns_at_most_one_page() {
	run(|| {
		for n in 0..=255u8 {
			assert_ok!(GpuRegistry::register_gpu(
				RuntimeOrigin::signed(ALICE),
				L4,
				GpuSpecs { vram_mib: 24_576, serial_hash: [n; 32] },
				region(b""),
				endpoint(ENDPOINT),
				[n; 32],
			));
		}
		assert_ok!(GpuRegistry::register_gpu(
			RuntimeOrigin::signed(ALICE),
			L4,
			GpuSpecs { vram_mib: 24_576, serial_hash: [0; 32] },
			region(b""),
			endpoint(ENDPOINT),
			[1; 31].into_iter().chain([0]).collect::<Vec<_>>().try_into().unwrap(),
		));
		assert_eq!(GpuRegistry::gpus(GpuFilter::default(), None, u32::MAX).len(), 256);
	});
}

#[test]
fn models_lists_the_catalogue() {
	run(|| {
		let mut models = GpuRegistry::models();
		models.sort_by_key(|(id, _)| *id);
		assert_eq!(models.len(), 3);
		assert_eq!(models[0].0, H100);
		assert_eq!(models[0].1, model_spec(b"H100-SXM5-80GB", 81_920, STAKE));
		assert_eq!(models[1].1.name, b"L4".to_vec());
		assert_eq!(models[2].0, UNUSED);
	});
}
