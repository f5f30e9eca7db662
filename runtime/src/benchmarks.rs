//! The pallets benchmarked in this runtime (run with `heliox-node benchmark pallet`, the node built
//! with `--features runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_assets, Assets]
	[pallet_nfts, Nfts]
	[pallet_sudo, Sudo]
	[pallet_aid, Aid]
	[pallet_subnets, Subnets]
	[pallet_zk_verifier, ZkVerifier]
	[pallet_gpu_registry, GpuRegistry]
	[pallet_gpu_liveness, GpuLiveness]
	[pallet_ip_nft, IpNft]
	[pallet_gpu_proof, GpuProof]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_treasury, Treasury]
	[pallet_collective, TechnicalCommittee]
	[pallet_whitelist, Whitelist]
	[pallet_asset_rate, AssetRate]
);
