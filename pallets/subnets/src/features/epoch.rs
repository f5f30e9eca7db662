//! Epochs: emission accrual per block, the tempo schedule (at most `MaxEpochsPerBlock` per
//! block, the most overdue first), and one subnet's epoch — reading its state into
//! [`heliox_yuma::run_epoch`], storing the scores and bonds, and minting the emission.

use crate::*;
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_yuma::{BondsMode, EpochInputs, EpochParams, LiquidAlpha};
/// Log target of the pallet.
pub const LOG_TARGET: &str = "runtime::subnets";

use sp_runtime::traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero};

/// The work one epoch did: the weight components of `WeightInfo::epoch`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct EpochWork {
	/// UIDs of the subnet.
	pub n: u32,
	/// Weight and bond entries read.
	pub w: u32,
}

/// Stakes scaled down by a common power of two so that the largest fits in `u64` (the epoch
/// only uses stake proportions and exact comparisons between stakes).
pub(crate) fn stakes_to_u64(stakes: &[u128]) -> Vec<u64> {
	let max = stakes.iter().copied().max().unwrap_or(0);
	let shift = (128 - max.leading_zeros()).saturating_sub(64);
	stakes
		.iter()
		.map(|s| u64::try_from(s.checked_shr(shift).unwrap_or(0)).unwrap_or(u64::MAX))
		.collect()
}

impl<T: Config> Pallet<T> {
	/// Accrues this block's emission and runs the due epochs; returns the weight used.
	pub(crate) fn on_initialize_epochs(now: BlockNumberFor<T>) -> Weight {
		let mut networks = EpochSchedule::<T>::get();
		if networks.is_empty() {
			return T::WeightInfo::on_initialize(0);
		}
		let count = u32::try_from(networks.len()).unwrap_or(u32::MAX);
		let share = T::BlockEmission::get() / BalanceOf::<T>::from(count.max(1));
		EmissionIndex::<T>::mutate(|index| *index = index.saturating_add(share));

		let mut due: Vec<(BlockNumberFor<T>, NetUid)> =
			networks.iter().filter(|(_, at)| *at <= now).map(|(id, at)| (*at, *id)).collect();
		if due.is_empty() {
			return T::WeightInfo::on_initialize(0);
		}
		due.sort_unstable();
		let max = T::MaxEpochsPerBlock::get() as usize;
		let deferred = due.len().saturating_sub(max);
		due.truncate(max);

		let mut weight = T::WeightInfo::on_initialize(due.len() as u32);
		for (_, netuid) in due {
			let next = match Self::run_subnet_epoch(netuid, now) {
				Some((work, tempo)) => {
					weight = weight.saturating_add(T::WeightInfo::epoch(work.n, work.w));
					Some(now.saturating_add(tempo.max(1).into()))
				},
				None => None,
			};
			match next {
				Some(at) => {
					for entry in networks.iter_mut() {
						if entry.0 == netuid {
							entry.1 = at;
						}
					}
				},
				// A scheduled subnet without info (never expected): drop it from the schedule.
				None => networks.retain(|(id, _)| *id != netuid),
			}
		}
		EpochSchedule::<T>::put(networks);
		if deferred > 0 {
			Self::deposit_event(Event::EpochsDeferred { count: deferred as u32 });
		}
		weight
	}

	/// The emission accrued by a subnet since its last epoch.
	pub fn pending_emission(netuid: NetUid) -> BalanceOf<T> {
		Networks::<T>::get(netuid)
			.map(|info| EmissionIndex::<T>::get().saturating_sub(info.emission_index))
			.unwrap_or_default()
	}

	/// Records an epoch that could not run: the schedule moves on, the emission stays pending.
	fn epoch_failed(
		netuid: NetUid,
		mut info: SubnetInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
		work: EpochWork,
	) -> (EpochWork, u32) {
		if info.last_epoch_block != now {
			info.last_epoch_block = now;
			info.epoch_index = info.epoch_index.saturating_add(1);
		}
		let tempo = info.params.tempo;
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::EpochFailed { netuid });
		(work, tempo)
	}

	/// Runs the epoch of `netuid` at block `now`: returns the work done and the subnet's tempo,
	/// or `None` if the subnet does not exist.
	pub fn run_subnet_epoch(netuid: NetUid, now: BlockNumberFor<T>) -> Option<(EpochWork, u32)> {
		let mut info = Networks::<T>::get(netuid)?;
		let n = info.n;
		let to_u64 = |b: BlockNumberFor<T>| -> u64 { b.unique_saturated_into() };

		let Some(neurons) =
			(0..n).map(|uid| Neurons::<T>::get(netuid, uid)).collect::<Option<Vec<_>>>()
		else {
			log::error!(target: LOG_TARGET, "subnet {netuid}: a neuron below n is missing");
			return Some(Self::epoch_failed(
				netuid,
				info,
				now,
				EpochWork { n: u32::from(n), w: 0 },
			));
		};
		let stakes: Vec<u128> = neurons
			.iter()
			.map(|neuron| TotalHotkeyStake::<T>::get(&neuron.hotkey).unique_saturated_into())
			.collect();
		let mut entries: u32 = 0;
		let mut weights = Vec::with_capacity(neurons.len());
		let mut bonds = Vec::with_capacity(neurons.len());
		for (uid, neuron) in (0..n).zip(neurons.iter()) {
			if neuron.validator_permit {
				let row = Weights::<T>::get(netuid, uid).unwrap_or_default().into_inner();
				let bond = Bonds::<T>::get(netuid, uid).unwrap_or_default().into_inner();
				entries = entries.saturating_add((row.len() + bond.len()) as u32);
				weights.push(row);
				bonds.push(bond);
			} else {
				weights.push(Vec::new());
				bonds.push(Vec::new());
			}
		}

		let pending = EmissionIndex::<T>::get().saturating_sub(info.emission_index);
		let emission: u64 = pending.unique_saturated_into();
		let inputs = EpochInputs {
			n,
			current_block: to_u64(now),
			last_epoch_block: to_u64(info.last_epoch_block),
			emission,
			stake: stakes_to_u64(&stakes),
			last_update: neurons.iter().map(|x| to_u64(x.last_update)).collect(),
			registered_at: neurons.iter().map(|x| to_u64(x.registered_at)).collect(),
			validator_permit: neurons.iter().map(|x| x.validator_permit).collect(),
			weights,
			bonds,
		};
		let p = info.params;
		let params = EpochParams {
			kappa: p.kappa,
			activity_cutoff: u64::from(p.activity_cutoff),
			stake_threshold: 0,
			max_allowed_validators: p.max_validators,
			bonds_penalty: u16::MAX,
			bonds_moving_average: p.bonds_moving_average,
			bonds_mode: BondsMode::Yuma3 {
				liquid_alpha: p.liquid_alpha_enabled.then(LiquidAlpha::default),
			},
			owner_cut: T::OwnerCut::get(),
		};
		let work = EpochWork { n: u32::from(n), w: entries };

		info.last_epoch_block = now;
		info.epoch_index = info.epoch_index.saturating_add(1);
		let epoch_index = info.epoch_index;
		let out = match heliox_yuma::run_epoch(&inputs, &params) {
			Ok(out) => out,
			Err(error) => {
				log::error!(target: LOG_TARGET, "subnet {netuid}: epoch rejected its inputs: {error:?}");
				return Some(Self::epoch_failed(netuid, info, now, work));
			},
		};
		let scores = out.u16_scores();
		let balance = |x: u64| BalanceOf::<T>::unique_saturated_from(x);

		let mut undistributed = balance(out.undistributed);
		let mut paid = BalanceOf::<T>::zero();
		let owner_emission = balance(out.owner_emission);
		if !owner_emission.is_zero() {
			match T::Currency::mint_into(&info.owner, owner_emission) {
				Ok(minted) => paid = paid.saturating_add(minted),
				Err(_) => undistributed = undistributed.saturating_add(owner_emission),
			}
		}

		for (index, mut neuron) in neurons.into_iter().enumerate() {
			let Ok(uid) = Uid::try_from(index) else { break };
			let get16 = |v: &Vec<u16>| v.get(index).copied().unwrap_or(0);
			let amount = balance(out.emission.get(index).copied().unwrap_or(0));
			let had_permit = neuron.validator_permit;
			neuron.active = out.active.get(index).copied().unwrap_or(false);
			neuron.consensus = get16(&scores.consensus);
			neuron.trust = get16(&scores.trust);
			neuron.validator_trust = get16(&scores.validator_trust);
			neuron.incentive = get16(&scores.incentive);
			neuron.dividends = get16(&scores.dividends);
			neuron.validator_permit = out.validator_permit.get(index).copied().unwrap_or(false);
			neuron.emission = Zero::zero();
			if !amount.is_zero() {
				let minted = HotkeyOwner::<T>::get(&neuron.hotkey)
					.and_then(|coldkey| T::Currency::mint_into(&coldkey, amount).ok());
				match minted {
					Some(minted) => {
						paid = paid.saturating_add(minted);
						neuron.emission = minted;
					},
					None => undistributed = undistributed.saturating_add(amount),
				}
			}
			let bond_row = out.bonds.get(index).filter(|row| !row.is_empty());
			match (neuron.validator_permit, bond_row) {
				(true, Some(row)) => {
					Bonds::<T>::insert(netuid, uid, BoundedVec::truncate_from(row.clone()))
				},
				_ => {
					if had_permit {
						Bonds::<T>::remove(netuid, uid);
					}
				},
			}
			Neurons::<T>::insert(netuid, uid, neuron);
		}

		info.emission_index = info.emission_index.saturating_add(balance(emission));
		let tempo = info.params.tempo;
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::EpochRun {
			netuid,
			epoch_index,
			emission: paid,
			owner_emission,
			undistributed,
		});
		Some((work, tempo))
	}
}
