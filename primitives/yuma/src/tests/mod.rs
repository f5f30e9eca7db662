//! Test suite: fixed-point accuracy, the anchor vectors, targeted behaviours, and property tests
//! (sparse == dense, normalization, exact emission, permutation invariance, collusion resistance).

mod behaviour;
mod fixed_point;
mod properties;
mod support;
mod timing;
mod vectors;
