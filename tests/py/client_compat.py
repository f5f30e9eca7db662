"""py-substrate-interface against a real `heliox-node --dev`: no custom types, just metadata.

Starts the node binary on free loopback ports with a temporary base path, transfers HLX from
Alice to a fresh account with `Balances.transfer_keep_alive`, waits for finalization, and checks
the fee event, the new balance, and the chain's token properties.

Usage: python3 tests/py/client_compat.py PATH/TO/heliox-node
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from substrateinterface import Keypair, SubstrateInterface


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(node_bin):
    base = tempfile.mkdtemp(prefix="heliox-py-")
    rpc_port = free_port()
    p2p_port = free_port()
    log = open(os.path.join(base, "node.log"), "w")
    node = subprocess.Popen(
        [node_bin, "--dev", "--base-path", base, "--rpc-port", str(rpc_port),
         "--listen-addr", f"/ip4/127.0.0.1/tcp/{p2p_port}",
         "--prometheus-port", str(free_port()), "--no-telemetry", "--no-mdns"],
        stdout=subprocess.DEVNULL, stderr=log)
    try:
        url = f"ws://127.0.0.1:{rpc_port}"
        deadline = time.time() + 180
        while True:
            try:
                substrate = SubstrateInterface(url=url)
                break
            except Exception:
                if time.time() > deadline or node.poll() is not None:
                    raise SystemExit("node did not come up:\n" + open(log.name).read())
                time.sleep(1)

        assert substrate.token_symbol == "HLX", substrate.token_symbol
        assert substrate.token_decimals == 12, substrate.token_decimals

        alice = Keypair.create_from_uri("//Alice")
        fresh = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
        amount = 3 * 10**12
        call = substrate.compose_call(
            call_module="Balances", call_function="transfer_keep_alive",
            call_params={"dest": fresh.ss58_address, "value": amount})
        xt = substrate.create_signed_extrinsic(call=call, keypair=alice)
        receipt = substrate.submit_extrinsic(xt, wait_for_finalization=True)
        assert receipt.is_success, receipt.error_message
        names = [(e.value["module_id"], e.value["event_id"]) for e in receipt.triggered_events]
        assert ("TransactionPayment", "TransactionFeePaid") in names, names
        assert receipt.total_fee_amount > 0, receipt.total_fee_amount

        info = substrate.query("System", "Account", [fresh.ss58_address])
        assert info.value["data"]["free"] == amount, info.value
        print("1 passed, 0 failed")
    finally:
        node.terminate()
        try:
            node.wait(timeout=30)
        except subprocess.TimeoutExpired:
            node.kill()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
