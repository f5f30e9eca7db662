//! The bond EMA coefficient α, fixed or liquid, as a scalar rule shared by the sparse epoch and the
//! dense reference (so both evaluate the identical floor operations per entry).

use crate::fixed::{sigmoid, Fixed};
use crate::types::{BondsMode, EpochParams, LiquidAlpha};
use crate::validate::PARTS_PER_MILLION;

/// How α is chosen for each bond entry this epoch.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AlphaRule {
	/// One α for every entry.
	Fixed(Fixed),
	/// Per-entry sigmoid α (see [`LiquidAlpha`]).
	Liquid {
		/// `α_lo`.
		low: Fixed,
		/// `α_hi − α_lo`.
		span: Fixed,
		/// `100 · k`.
		steepness: i16,
	},
}

impl AlphaRule {
	/// The rule for this epoch. Like the reference chain, liquid alpha only applies (Yuma3 mode)
	/// once some consensus is non-zero; before that the fixed α is used.
	pub(crate) fn for_epoch(params: &EpochParams, any_consensus: bool) -> AlphaRule {
		match params.bonds_mode {
			BondsMode::Yuma3 { liquid_alpha: Some(liquid) } if any_consensus => {
				AlphaRule::liquid(liquid)
			},
			_ => AlphaRule::Fixed(fixed_alpha(params.bonds_moving_average)),
		}
	}

	fn liquid(liquid: LiquidAlpha) -> AlphaRule {
		let low = Fixed::from_u16_proportion(liquid.alpha_low);
		let high = Fixed::from_u16_proportion(liquid.alpha_high);
		AlphaRule::Liquid { low, span: high.saturating_sub(low), steepness: liquid.steepness }
	}

	/// α for an entry with (penalized) weight `weight`, previous bond `bond` and column consensus
	/// `consensus`, all in `[0, 1]`.
	pub(crate) fn alpha(&self, weight: Fixed, bond: Fixed, consensus: Fixed) -> Fixed {
		match *self {
			AlphaRule::Fixed(alpha) => alpha,
			AlphaRule::Liquid { low, span, steepness } => {
				// Buying (w ≥ b): how far above consensus the validator goes; selling: how much of
				// its bond it drops. Large moves get the high α (fast), small ones the low α.
				let difference = if weight >= bond {
					weight.saturating_sub(consensus)
				} else {
					bond.saturating_sub(weight)
				}
				.min(Fixed::ONE);
				let (below_half, distance) = if difference >= Fixed::HALF {
					(false, difference.saturating_sub(Fixed::HALF))
				} else {
					(true, Fixed::HALF.saturating_sub(difference))
				};
				// |k · (d − ½)| in 60-fractional-bit space; up to 327.68, beyond a Fixed's range.
				let magnitude =
					u128::from(steepness.unsigned_abs()) * u128::from(distance.to_bits()) / 100;
				let negative = below_half != (steepness < 0);
				low.saturating_add(sigmoid(negative, magnitude).saturating_mul(span))
			},
		}
	}
}

/// `α = 1 − bonds_moving_average / 10⁶`.
pub(crate) fn fixed_alpha(bonds_moving_average: u32) -> Fixed {
	let ppm = PARTS_PER_MILLION.saturating_sub(bonds_moving_average);
	Fixed::from_ratio(u128::from(ppm), u128::from(PARTS_PER_MILLION))
}

/// `α · new + (1 − α) · old`, each product floored; never exceeds `max(new, old)`.
pub(crate) fn ema(alpha: Fixed, new: Fixed, old: Fixed) -> Fixed {
	alpha.saturating_mul(new).saturating_add(Fixed::ONE.saturating_sub(alpha).saturating_mul(old))
}
