//! The model catalogue (`CatalogueOrigin`).

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// Adds or replaces model `id` after checking its challenge parameters.
	pub(crate) fn do_set_model(id: ModelId, spec: ModelSpecOf<T>) -> DispatchResult {
		ensure!(spec.challenge.is_valid(), Error::<T>::InvalidChallengeParams);
		Models::<T>::insert(id, spec.clone());
		Self::deposit_event(Event::ModelSet { model: id, spec });
		Ok(())
	}

	/// Removes model `id` if no GPU of it is registered.
	pub(crate) fn do_remove_model(id: ModelId) -> DispatchResult {
		ensure!(Models::<T>::contains_key(id), Error::<T>::UnknownModel);
		ensure!(!ModelGpus::<T>::contains_key(id), Error::<T>::ModelInUse);
		Models::<T>::remove(id);
		Self::deposit_event(Event::ModelRemoved { model: id });
		Ok(())
	}
}
