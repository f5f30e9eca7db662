//! Property-style test: random verifier counts, GPUs that are up, down or flaky, verifiers
//! that skip reports, GPUs that start and stop monitoring mid-period; after every close the
//! pallet's uptimes, monitored set and suspensions must match a direct model of the rules
//! (exactly-k probers, strict-majority quorum, void periods, judged from the next period,
//! suspension after `MaxMissedPeriods`). `try_state` runs after every block.

use super::*;
use heliox_gpu_liveness::quorum;
use std::collections::{BTreeMap, BTreeSet};

/// A small deterministic generator (xorshift64*), so failures replay exactly.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

#[derive(Clone, Default)]
struct ModelGpu {
	since: u32,
	decisions: Vec<bool>,
	misses: u32,
	announced: bool,
}

impl ModelGpu {
	fn uptime(&self) -> (u32, u32) {
		let window: Vec<bool> = self.decisions.iter().rev().take(64).copied().collect();
		(window.iter().filter(|d| **d).count() as u32, window.len() as u32)
	}
}

#[derive(Default)]
struct Model {
	monitored: BTreeMap<u64, ModelGpu>,
	last: BTreeMap<u64, (u32, u32)>,
	calls: Vec<DirectoryCall>,
}

impl Model {
	fn start(&mut self, gpu: u64, current: u32) {
		if self.monitored.contains_key(&gpu) {
			return;
		}
		self.last.remove(&gpu);
		self.monitored.insert(gpu, ModelGpu { since: current + 1, ..Default::default() });
	}

	fn stop(&mut self, gpu: u64) {
		if let Some(m) = self.monitored.remove(&gpu) {
			self.last.insert(gpu, m.uptime());
		}
	}

	fn uptime(&self, gpu: u64) -> Option<(u32, u32)> {
		self.monitored.get(&gpu).map(ModelGpu::uptime).or_else(|| self.last.get(&gpu).copied())
	}

	/// Applies the close of a period whose live decisions are `decided` as
	/// `(slot, gpu, live)` (`None`: void); the pallet walks slots in order.
	fn close(&mut self, decided: Option<Vec<(u32, u64, bool)>>) {
		let Some(mut decided) = decided else { return };
		decided.sort();
		let mut live_calls = Vec::new();
		let mut gone = Vec::new();
		for (_, gpu, live) in decided {
			let m = self.monitored.get_mut(&gpu).unwrap();
			m.decisions.push(live);
			if live {
				m.misses = 0;
				if !m.announced {
					m.announced = true;
					live_calls.push(DirectoryCall::Live(gpu));
				}
			} else {
				m.misses += 1;
				if m.misses >= 3 {
					gone.push(gpu);
				}
			}
		}
		for gpu in gone {
			self.stop(gpu);
			self.calls.push(DirectoryCall::Unresponsive(gpu));
		}
		self.calls.extend(live_calls);
	}
}

#[test]
fn random_periods_match_the_model() {
	for seed in 1..=12u64 {
		let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
		let verifiers = 1 + rng.below(6) as u32;
		run(verifiers, || {
			let mut model = Model::default();
			let universe: Vec<u64> = (0..24).collect();
			for &gpu in &universe {
				TestDirectory::register(gpu);
			}
			for &gpu in &universe[..12] {
				monitor(gpu);
				model.start(gpu, 0);
			}
			let mut pending: Option<Option<Vec<(u32, u64, bool)>>> = None;
			for p in 1..=7u32 {
				run_to_block(start_of(p) + GRACE);
				if let Some(decided) = pending.take() {
					model.close(decided);
				}
				check(&model, &universe, seed);
				// Monitoring changes during period p.
				for _ in 0..rng.below(4) {
					let gpu = universe[rng.below(universe.len() as u64) as usize];
					if rng.below(2) == 0 {
						monitor(gpu);
						model.start(gpu, p);
					} else {
						<GpuLiveness as LivenessMonitor<u64>>::stop_monitoring(&gpu);
						model.stop(gpu);
					}
				}
				// Who sees whom: GPUs 0, 3, 6.. always up, 1, 4, 7.. down, the rest flaky.
				let mut view: BTreeSet<(u32, u64)> = BTreeSet::new();
				for v in 0..verifiers {
					for &gpu in &universe {
						let up = match gpu % 3 {
							0 => true,
							1 => false,
							_ => rng.below(2) == 0,
						};
						if up {
							view.insert((v, gpu));
						}
					}
				}
				let reporting: Vec<u32> = (0..verifiers).filter(|_| rng.below(5) != 0).collect();
				for &v in &reporting {
					let view = view.clone();
					assert_ok!(submit(v, report(p, v, move |gpu| view.contains(&(v, gpu)))));
				}
				// The model's decision for period p.
				let info = info_of(p);
				let assignment = assignment_of(&info);
				let enough = reporting.len() * 2 > verifiers as usize;
				pending = Some(enough.then(|| {
					model
						.monitored
						.iter()
						.filter(|(_, m)| m.since <= p)
						.map(|(&gpu, _)| {
							let slot = SlotOf::<Test>::get(gpu).unwrap();
							let probers = assignment.probers_of(slot);
							assert_eq!(probers.len() as u32, info.probers);
							let votes = probers
								.iter()
								.filter(|v| reporting.contains(v) && view.contains(&(**v, gpu)))
								.count() as u32;
							(slot, gpu, votes >= quorum(info.probers))
						})
						.collect()
				}));
			}
			run_to_block(close_of(7));
			if let Some(decided) = pending.take() {
				model.close(decided);
			}
			check(&model, &universe, seed);
			assert_eq!(TestDirectory::calls(), model.calls, "seed {seed}");
		});
	}
}

fn check(model: &Model, universe: &[u64], seed: u64) {
	for &gpu in universe {
		assert_eq!(uptime(gpu), model.uptime(gpu), "seed {seed} gpu {gpu}");
		assert_eq!(
			SlotOf::<Test>::get(gpu).is_some(),
			model.monitored.contains_key(&gpu),
			"seed {seed} gpu {gpu}"
		);
	}
}
