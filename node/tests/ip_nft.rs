//! Issue #5's acceptance flow on a real `heliox-node --dev`: an issuer-signed IP-NFT mint, read
//! grants cleared by a transfer, tokenization into a capped IPT, a crowdsale that succeeds
//! (pro-rata tokens and surplus refunds exact) and one that fails (full refunds), read back over
//! the `ipnft_*` JSON-RPC.
//!
//! Calls are built as typed `heliox_runtime::RuntimeCall`s (so the issuer signs exactly the
//! SCALE bytes the runtime hashes) and submitted with subxt.

mod common;

use codec::Encode;
use common::{dev_chain, DevNode};
use frame_support::traits::GetCallMetadata;
use heliox_runtime::{AccountId, Runtime, RuntimeCall};
use pallet_ip_nft::{
	Agreement, AgreementKind, IpNftMetadata, ProjectDetails, Royalty, SaleCurrency, SaleParams,
};
use serde_json::Value as Json;
use sp_core::{sr25519, H256};
use sp_runtime::{BoundedVec, MultiSignature, Permill};
use std::time::Duration;
use subxt::{
	dynamic::Value,
	ext::{
		scale_encode::{self, EncodeAsFields, FieldIter, TypeResolver},
		scale_value::At,
	},
	rpcs::rpc_params,
	transactions::Payload,
};
use subxt_signer::sr25519::{dev, Keypair};

const HLX: u128 = 1_000_000_000_000;

/// Call arguments already SCALE-encoded by the runtime's own types.
struct RawFields(Vec<u8>);

impl EncodeAsFields for RawFields {
	fn encode_as_fields_to<R: TypeResolver>(
		&self,
		_fields: &mut dyn FieldIter<'_, R::TypeId>,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

/// A typed runtime call as a subxt payload.
struct Typed {
	pallet: &'static str,
	call: &'static str,
	fields: RawFields,
}

impl Payload for Typed {
	type CallData = RawFields;
	fn pallet_name(&self) -> &str {
		self.pallet
	}
	fn call_name(&self) -> &str {
		self.call
	}
	fn call_data(&self) -> &RawFields {
		&self.fields
	}
}

fn typed(call: RuntimeCall) -> Typed {
	let meta = call.get_call_metadata();
	let encoded = call.encode();
	// Skip the pallet and call indices: subxt writes them from the names.
	Typed {
		pallet: meta.pallet_name,
		call: meta.function_name,
		fields: RawFields(encoded[2..].to_vec()),
	}
}

fn ip(call: pallet_ip_nft::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::IpNft(call)
}

fn account(k: &Keypair) -> AccountId {
	AccountId::new(k.public_key().0)
}

fn ss58(k: &Keypair) -> String {
	k.public_key().to_account_id().to_string()
}

async fn submit(
	api: &subxt::OnlineClient<subxt::PolkadotConfig>,
	signer: &Keypair,
	call: RuntimeCall,
) -> subxt::extrinsics::ExtrinsicEvents<subxt::PolkadotConfig> {
	let payload = typed(call);
	let name = format!("{}.{}", payload.pallet, payload.call);
	let at = api.at_current_block().await.expect("at current block");
	at.transactions()
		.sign_and_submit_then_watch_default(&payload, signer)
		.await
		.unwrap_or_else(|e| panic!("{name} not submitted: {e}"))
		.wait_for_finalized_success()
		.await
		.unwrap_or_else(|e| panic!("{name} failed: {e}"))
}

fn event_u128(
	events: &subxt::extrinsics::ExtrinsicEvents<subxt::PolkadotConfig>,
	event: &str,
	field: &str,
) -> u128 {
	for ev in events.iter() {
		let ev = ev.expect("event decodes");
		if ev.pallet_name() == "IpNft" && ev.event_name() == event {
			let outer = ev.decode_as::<Value>().expect("event decodes");
			let v = outer.at(0).cloned().expect("pallet event inside the runtime event");
			return v.at(field).and_then(|f| f.as_u128()).unwrap_or_else(|| panic!("{v}"));
		}
	}
	panic!("no IpNft.{event} event");
}

async fn rpc(node: &DevNode, method: &str, params: subxt::rpcs::client::RpcParams) -> Json {
	node.rpc().await.request(method, params).await.unwrap_or_else(|e| panic!("{method}: {e}"))
}

fn amount(v: &Json) -> u128 {
	v.as_str().expect("decimal string").parse().expect("u128")
}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn mint_grant_transfer_tokenize_and_two_crowdsales() {
	let dir = tempfile::tempdir().expect("temp dir");
	let (node, api) = dev_chain(dir.path()).await;
	let (alice, bob, charlie, dave, eve, ferdie) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve(), dev::ferdie());
	assert_eq!(rpc(&node, "ipnft_isIssuer", rpc_params![ss58(&alice)]).await, true);

	// 1. Bob mints an IP-NFT authorized by the issuer Alice's signature over the exact payload.
	let metadata: pallet_ip_nft::MetadataOf<Runtime> = IpNftMetadata {
		symbol: bounded(b"VITA-1"),
		details: ProjectDetails {
			industry: bounded(b"biotech"),
			organization: bounded(b"Heliox Longevity Lab"),
			topic: bounded(b"senolytic screening"),
			funding_amount: 1_000 * HLX,
		},
		agreements: BoundedVec::truncate_from(vec![Agreement {
			kind: AgreementKind::Research,
			content_hash: H256::repeat_byte(0xab),
			uri: bounded(b"ipfs://bafy-research-agreement"),
			mime: bounded(b"application/pdf"),
			encrypted: true,
		}]),
		royalty: Royalty { recipient: account(&ferdie), rate: Permill::from_percent(5) },
	};
	let genesis: String =
		node.rpc().await.request("chain_getBlockHash", rpc_params![0]).await.expect("genesis");
	let genesis = H256::from_slice(&hex_bytes(&genesis));
	let (now, _) = node.best_block().await;
	let deadline = now as u32 + 100;
	let nonce = 1u64;
	let message = heliox_ip_nft::mint_payload(
		&genesis,
		&account(&bob),
		&account(&bob),
		nonce,
		&deadline,
		&<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&metadata.encode()).0,
	);
	let signature = MultiSignature::Sr25519(sr25519::Signature::from_raw(alice.sign(&message).0));
	let minted = submit(
		&api,
		&bob,
		ip(pallet_ip_nft::Call::mint_ip_nft {
			recipient: account(&bob),
			metadata: metadata.clone(),
			nonce,
			deadline,
			issuer: account(&alice),
			signature: signature.clone(),
		}),
	)
	.await;
	let id = event_u128(&minted, "IpNftMinted", "ip_nft") as u64;
	let view = rpc(&node, "ipnft_get", rpc_params![id]).await;
	assert_eq!(view["owner"], ss58(&bob));
	assert_eq!(view["issuer"], ss58(&alice));
	assert_eq!(view["agreements"][0]["uri"], "ipfs://bafy-research-agreement");
	assert_eq!(view["royalty"]["ratePpm"], 50_000);

	// The same signature cannot be replayed.
	let at = api.at_current_block().await.expect("at");
	let replay = at
		.transactions()
		.sign_and_submit_then_watch_default(
			&typed(ip(pallet_ip_nft::Call::mint_ip_nft {
				recipient: account(&bob),
				metadata,
				nonce,
				deadline,
				issuer: account(&alice),
				signature,
			})),
			&bob,
		)
		.await
		.expect("submitted")
		.wait_for_finalized_success()
		.await;
	assert!(replay.is_err(), "a replayed issuer signature must be refused");

	// 2. Read grants are cleared when the IP-NFT changes hands.
	let until = now as u32 + 10_000;
	submit(
		&api,
		&bob,
		ip(pallet_ip_nft::Call::grant_read { ip_nft: id, who: account(&dave), until }),
	)
	.await;
	assert_eq!(rpc(&node, "ipnft_hasReadAccess", rpc_params![id, ss58(&dave)]).await, true);
	submit(
		&api,
		&bob,
		ip(pallet_ip_nft::Call::transfer_ip_nft { ip_nft: id, dest: account(&charlie) }),
	)
	.await;
	assert_eq!(rpc(&node, "ipnft_hasReadAccess", rpc_params![id, ss58(&dave)]).await, false);
	assert_eq!(rpc(&node, "ipnft_get", rpc_params![id]).await["owner"], ss58(&charlie));

	// 3. Charlie tokenizes it into a capped IPT and mints the tokens for sale.
	let terms = H256::repeat_byte(0x7e);
	submit(
		&api,
		&charlie,
		ip(pallet_ip_nft::Call::tokenize {
			ip_nft: id,
			supply_cap: 1_000_000,
			symbol: bounded(b"VITA"),
			terms_hash: terms,
		}),
	)
	.await;
	// The tokenizer accepted the terms by tokenizing; buyers accept before receiving IPTs.
	for who in [&dave, &eve] {
		submit(&api, who, ip(pallet_ip_nft::Call::accept_terms { ip_nft: id, terms_hash: terms }))
			.await;
	}
	submit(
		&api,
		&charlie,
		ip(pallet_ip_nft::Call::mint_ipt { ip_nft: id, to: account(&charlie), amount: 1_000 }),
	)
	.await;

	// 4. A crowdsale that succeeds: 1,000 IPT at 1 HLX, goal 500 HLX; 1,500 HLX is bid.
	let start = |from: u64| from as u32 + 3;
	let (now, _) = node.best_block().await;
	let params = SaleParams {
		currency: SaleCurrency::Native,
		price: HLX,
		tokens_for_sale: 1_000,
		funding_goal: 500 * HLX,
		start: start(now),
		end: start(now) + 8,
		lock_period: 0,
	};
	let started = submit(
		&api,
		&charlie,
		ip(pallet_ip_nft::Call::start_sale {
			ip_nft: id,
			params: params.clone(),
			allow_list: None,
			beneficiary: None,
		}),
	)
	.await;
	let sale = event_u128(&started, "SaleStarted", "sale") as u32;
	node.wait_for_best(params.start as u64, Duration::from_secs(60)).await;
	submit(&api, &dave, ip(pallet_ip_nft::Call::bid { sale, amount: 600 * HLX })).await;
	submit(&api, &eve, ip(pallet_ip_nft::Call::bid { sale, amount: 900 * HLX })).await;
	node.wait_for_best(params.end as u64 + 1, Duration::from_secs(90)).await;
	submit(&api, &alice, ip(pallet_ip_nft::Call::settle_sale { sale })).await;
	let state = rpc(&node, "ipnft_sale", rpc_params![sale]).await;
	assert_eq!(state["raised"], (1_500 * HLX).to_string());
	assert_eq!(state["status"]["succeeded"]["tokensSold"], "1000");
	let proceeds = amount(&state["status"]["succeeded"]["proceeds"]);
	assert_eq!(proceeds, 1_000 * HLX);
	let split = &state["split"];
	assert_eq!(amount(&split["fee"]) + amount(&split["royalty"]) + amount(&split["net"]), proceeds);
	assert_eq!(amount(&split["royalty"]) * 20, proceeds, "5% royalty on proceeds");
	// Pro rata: Dave 600/1500 of the tokens and of the 500 HLX surplus, Eve 900/1500.
	for (who, tokens, refund) in [(&dave, 400u128, 200 * HLX), (&eve, 600, 300 * HLX)] {
		// Each bidder claims for itself (anyone may claim for anyone).
		let claimed =
			submit(&api, who, ip(pallet_ip_nft::Call::claim { sale, who: account(who) })).await;
		assert_eq!(event_u128(&claimed, "Claimed", "tokens"), tokens);
		assert_eq!(event_u128(&claimed, "Claimed", "refund"), refund);
		let preview = rpc(&node, "ipnft_bidPreview", rpc_params![sale, ss58(who)]).await;
		assert_eq!(preview["tokensReceived"], true);
	}
	let ipt = rpc(&node, "ipnft_ipt", rpc_params![id]).await;
	assert_eq!(ipt["cap"], "1000000");
	assert_eq!(ipt["supply"], "1000");
	assert!(ipt["holders"].as_u64().unwrap_or(0) >= 2, "{ipt}");

	// 5. A crowdsale that fails its goal: every bid is refunded in full.
	submit(
		&api,
		&charlie,
		ip(pallet_ip_nft::Call::mint_ipt { ip_nft: id, to: account(&charlie), amount: 500 }),
	)
	.await;
	let (now, _) = node.best_block().await;
	let failing = SaleParams {
		tokens_for_sale: 500,
		funding_goal: 400 * HLX,
		start: start(now),
		end: start(now) + 6,
		..params
	};
	let started = submit(
		&api,
		&charlie,
		ip(pallet_ip_nft::Call::start_sale {
			ip_nft: id,
			params: failing.clone(),
			allow_list: None,
			beneficiary: None,
		}),
	)
	.await;
	let sale = event_u128(&started, "SaleStarted", "sale") as u32;
	node.wait_for_best(failing.start as u64, Duration::from_secs(60)).await;
	submit(&api, &dave, ip(pallet_ip_nft::Call::bid { sale, amount: 150 * HLX })).await;
	submit(&api, &eve, ip(pallet_ip_nft::Call::bid { sale, amount: 50 * HLX })).await;
	node.wait_for_best(failing.end as u64 + 1, Duration::from_secs(90)).await;
	submit(&api, &bob, ip(pallet_ip_nft::Call::settle_sale { sale })).await;
	assert_eq!(rpc(&node, "ipnft_sale", rpc_params![sale]).await["status"], "failed");
	for (who, bid) in [(&dave, 150 * HLX), (&eve, 50 * HLX)] {
		let claimed =
			submit(&api, who, ip(pallet_ip_nft::Call::claim { sale, who: account(who) })).await;
		assert_eq!(event_u128(&claimed, "Claimed", "refund"), bid, "full refund");
		assert_eq!(event_u128(&claimed, "Claimed", "tokens"), 0);
	}
}

fn hex_bytes(s: &str) -> Vec<u8> {
	let s = s.trim_start_matches("0x");
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}
