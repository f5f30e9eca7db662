//! Random sequences of calls (a fixed-seed generator, so failures reproduce): the invariants
//! hold after every step, and every settled rental's escrow is paid out exactly.

use super::*;
use crate::{Event, GpuStatus, Gpus, NextGpuId, Rentals};
use sp_runtime::Perbill;

/// xorshift64*: small, deterministic.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

const ACCOUNTS: [AccountId; 3] = [ALICE, BOB, CHARLIE];

/// A random element of `candidates` (most of the time), else a random GPU id that may not
/// exist.
fn pick(rng: &mut Rng, candidates: &[GpuId]) -> GpuId {
	if candidates.is_empty() || rng.below(10) == 0 {
		rng.below(NextGpuId::<Test>::get() + 1)
	} else {
		candidates[rng.below(candidates.len() as u64) as usize]
	}
}

fn step(rng: &mut Rng, keys: &mut u8) {
	let all: Vec<GpuId> = Gpus::<Test>::iter_keys().collect();
	let with_status = |status: GpuStatus<u64>| -> Vec<GpuId> {
		Gpus::<Test>::iter().filter(|(_, r)| r.status == status).map(|(id, _)| id).collect()
	};
	let rentable: Vec<GpuId> = Gpus::<Test>::iter()
		.filter(|(id, r)| {
			r.status == GpuStatus::Active && r.price.is_some() && !Rentals::<Test>::contains_key(id)
		})
		.map(|(id, _)| id)
		.collect();
	let rented: Vec<GpuId> = Rentals::<Test>::iter_keys().collect();
	let retired: Vec<GpuId> = Gpus::<Test>::iter()
		.filter(|(_, r)| matches!(r.status, GpuStatus::Retired { .. }))
		.map(|(id, _)| id)
		.collect();
	let operator_of = |rng: &mut Rng, gpu: GpuId| -> RuntimeOrigin {
		let provider = Gpus::<Test>::get(gpu).map(|r| r.provider).unwrap_or(ALICE);
		// Sometimes a stranger tries.
		let who = if rng.below(10) == 0 { ACCOUNTS[rng.below(3) as usize] } else { provider };
		RuntimeOrigin::signed(who)
	};
	let anyone = RuntimeOrigin::signed(ACCOUNTS[rng.below(3) as usize]);
	let action = if all.len() < 3 { 0 } else { rng.below(32) };
	// Errors are fine here: the point is that whatever happens keeps the invariants.
	let _ = match action {
		0 | 1 => {
			*keys = keys.wrapping_add(1);
			GpuRegistry::register_gpu(
				anyone,
				H100,
				specs(*keys),
				region(b"eu"),
				endpoint(ENDPOINT),
				key(*keys),
			)
		},
		2..=5 => {
			GpuRegistry::on_live(&pick(rng, &with_status(GpuStatus::Pending)));
			Ok(())
		},
		6 => {
			GpuRegistry::on_unresponsive(&pick(rng, &with_status(GpuStatus::Active)));
			Ok(())
		},
		7 | 8 => {
			let gpu = pick(rng, &with_status(GpuStatus::Suspended));
			GpuRegistry::resume_gpu(operator_of(rng, gpu), gpu)
		},
		9..=12 => {
			let gpu = pick(rng, &all);
			let currency =
				if rng.below(2) == 0 { PaymentCurrency::Native } else { PaymentCurrency::Aid };
			GpuRegistry::set_price(
				operator_of(rng, gpu),
				gpu,
				currency,
				1 + u128::from(rng.below(50)),
			)
		},
		13..=19 => rent_now(anyone, pick(rng, &rentable), 1 + rng.below(10) as u32, 50),
		20..=25 => {
			let gpu = pick(rng, &rented);
			set_uptime(gpu, rng.below(5) as u32, 4);
			GpuRegistry::settle_rental(anyone, gpu)
		},
		26 | 27 => {
			let gpu = pick(rng, &all);
			GpuRegistry::retire_gpu(operator_of(rng, gpu), gpu)
		},
		28 | 29 => {
			let gpu = pick(rng, &retired);
			GpuRegistry::withdraw_stake(operator_of(rng, gpu), gpu)
		},
		30 => {
			// The holder sells the GPU's item.
			let gpu = pick(rng, &all);
			match GpuRegistry::nft_owner(gpu) {
				Some(owner) => Nfts::transfer(
					RuntimeOrigin::signed(owner),
					crate::GpuCollection::<Test>::get().unwrap(),
					gpu,
					ACCOUNTS[rng.below(3) as usize],
				),
				None => Ok(()),
			}
		},
		_ => GpuRegistry::slash(
			pick(rng, &all),
			Perbill::from_percent(rng.below(31) as u32),
			Some(REPORTER),
		)
		.map(|_| ()),
	};
	run_to_block(System::block_number() + rng.below(4));
}

#[test]
fn random_call_sequences_keep_the_invariants() {
	let (mut settled, mut withdrawn_early) = (0, 0);
	for seed in 1..=12u64 {
		run(|| {
			let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
			let mut keys = 0u8;
			for _ in 0..150 {
				step(&mut rng, &mut keys);
				GpuRegistry::do_try_state().expect("invariants hold after every step");
			}
			// Every settlement paid out exactly what was in escrow.
			for event in registry_events() {
				if let Event::RentalSettled {
					paid,
					refunded,
					to_operator,
					to_holder,
					to_protocol,
					..
				} = event
				{
					assert_eq!(refunded + to_operator + to_holder + to_protocol, paid);
					settled += 1;
				}
				if matches!(event, Event::StakeWithdrawn { .. }) {
					withdrawn_early += 1;
				}
			}
			// Whatever is left can be wound down completely.
			run_to_block(System::block_number() + 1_000);
			let gpus: Vec<GpuId> = Gpus::<Test>::iter_keys().collect();
			for gpu in gpus {
				if Rentals::<Test>::contains_key(gpu) {
					assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(DAVE), gpu));
				}
				let provider = Gpus::<Test>::get(gpu).unwrap().provider;
				if !matches!(Gpus::<Test>::get(gpu).unwrap().status, GpuStatus::Retired { .. }) {
					assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(provider), gpu));
				}
			}
			run_to_block(System::block_number() + UNBONDING);
			let gpus: Vec<(GpuId, AccountId)> =
				Gpus::<Test>::iter().map(|(id, record)| (id, record.provider)).collect();
			for (gpu, provider) in gpus {
				assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(provider), gpu));
			}
			for who in ACCOUNTS {
				assert_eq!(stake_held(who), 0);
				assert_eq!(GpuRegistry::rental_escrow_held(&who), 0);
			}
			assert_eq!(aid_balance(GpuRegistry::escrow_account()), 0);
		});
	}
	// The sequences do reach the interesting paths.
	assert!(settled > 20, "only {settled} settlements");
	assert!(withdrawn_early > 0);
}
