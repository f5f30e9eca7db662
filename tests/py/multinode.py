"""Multi-node test on loopback with real processes: the `local` chain's four validators (Alice,
Bob, Charlie, Dave) and a full node.

1. All four produce and finalize blocks (BABE + GRANDPA) and agree on the finalized chain.
2. Dave is stopped: the other three (> 2/3) keep finalizing.
3. Dave is restarted on his database: he catches up, and the block he had before the stop is
   unchanged (no data loss); finality continues with all four.
4. A full node started late from an empty database syncs from genesis to the finalized head.

Usage: python3 tests/py/multinode.py <path to heliox-node>
Prints timings (seconds to the first finalized block, finality with 3 of 4, catch-up, sync).
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ALICE_NODE_KEY = "0000000000000000000000000000000000000000000000000000000000000001"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Network:
    """Nodes of one chain on loopback; each keeps its database and log in a temp dir."""

    def __init__(self, binary, chain="local"):
        self.binary = binary
        self.chain = chain
        self.dir = tempfile.mkdtemp(prefix="heliox-multinode-")
        self.nodes = {}
        self.bootnode = None

    def start(self, name, validator=True, extra=()):
        node = self.nodes.get(name) or {
            "p2p": free_port(),
            "rpc": free_port(),
            "base": os.path.join(self.dir, name),
            "log": os.path.join(self.dir, f"{name}.log"),
        }
        args = [
            self.binary, "--chain", self.chain, "--base-path", node["base"],
            "--port", str(node["p2p"]), "--rpc-port", str(node["rpc"]),
            "--no-mdns", "--no-prometheus", "--no-telemetry", "--name", name,
            "--listen-addr", f"/ip4/127.0.0.1/tcp/{node['p2p']}",
        ]
        if validator:
            args += [f"--{name}", "--validator"]
        if name == "alice":
            args += ["--node-key", ALICE_NODE_KEY]
        elif self.bootnode:
            args += ["--bootnodes", self.bootnode]
        args += list(extra)
        log = open(node["log"], "a")
        node["proc"] = subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True)
        self.nodes[name] = node
        if name == "alice":
            peer = subprocess.run(
                [self.binary, "key", "inspect-node-key"], input=ALICE_NODE_KEY.encode(),
                capture_output=True, check=True).stdout.decode().strip().splitlines()[-1]
            self.bootnode = f"/ip4/127.0.0.1/tcp/{node['p2p']}/p2p/{peer}"
        self.wait_rpc(name)

    def stop(self, name):
        proc = self.nodes[name]["proc"]
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def stop_all(self):
        for name, node in self.nodes.items():
            if node.get("proc") and node["proc"].poll() is None:
                self.stop(name)

    def rpc(self, name, method, params=()):
        body = json.dumps({"id": 1, "jsonrpc": "2.0", "method": method, "params": list(params)})
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.nodes[name]['rpc']}", data=body.encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RuntimeError(f"{name} {method}: {answer['error']}")
        return answer["result"]

    def wait_rpc(self, name, timeout=120):
        start = time.time()
        while time.time() - start < timeout:
            try:
                self.rpc(name, "system_health")
                return
            except Exception:
                if self.nodes[name]["proc"].poll() is not None:
                    self.fail(f"{name} exited")
                time.sleep(0.5)
        self.fail(f"{name} RPC not up after {timeout} s")

    def finalized(self, name):
        head = self.rpc(name, "chain_getFinalizedHead")
        return int(self.rpc(name, "chain_getHeader", [head])["number"], 16)

    def best(self, name):
        return int(self.rpc(name, "chain_getHeader")["number"], 16)

    def block_hash(self, name, number):
        return self.rpc(name, "chain_getBlockHash", [number])

    def wait(self, what, condition, timeout):
        start = time.time()
        while time.time() - start < timeout:
            try:
                if condition():
                    return time.time() - start
            except Exception:
                pass
            time.sleep(1)
        self.fail(f"timed out after {timeout} s waiting for {what}")

    def fail(self, message):
        for name, node in self.nodes.items():
            try:
                lines = open(node["log"]).read().splitlines()[-15:]
            except OSError:
                lines = []
            print(f"--- {name} log tail:\n" + "\n".join(lines))
        raise AssertionError(message)

    def cleanup(self):
        self.stop_all()
        shutil.rmtree(self.dir, ignore_errors=True)


def main(binary):
    net = Network(binary)
    validators = ["alice", "bob", "charlie", "dave"]
    try:
        t0 = time.time()
        for name in validators:
            net.start(name)
        first = net.wait("the first finalized blocks", lambda: net.finalized("alice") >= 3, 180)
        print(f"first finalized block (#3) {time.time() - t0:.0f} s after start")
        # Everyone agrees on the finalized chain.
        target = net.finalized("alice")
        net.wait("all validators at the same finalized head",
                 lambda: all(net.finalized(n) >= target for n in validators), 60)
        hashes = {n: net.block_hash(n, target) for n in validators}
        assert len(set(hashes.values())) == 1, hashes

        # Dave goes down: three of four are more than 2/3, finality continues.
        before = net.finalized("dave")
        dave_hash = net.block_hash("dave", before)
        net.stop("dave")
        stopped_at = net.finalized("alice")
        lag = net.wait("finality with 3 of 4 validators",
                       lambda: net.finalized("alice") >= stopped_at + 5, 120)
        print(f"3 of 4: 5 more blocks finalized in {lag:.0f} s")

        # Dave comes back on his database and catches up; his old block is unchanged.
        net.start("dave")
        target = net.finalized("alice")
        catch_up = net.wait("dave catching up",
                            lambda: net.finalized("dave") >= target, 120)
        assert net.block_hash("dave", before) == dave_hash, "dave lost or changed a block"
        assert net.block_hash("dave", target) == net.block_hash("alice", target)
        print(f"dave caught up to #{target} in {catch_up:.0f} s, block #{before} intact")
        again = net.finalized("alice")
        net.wait("finality with all four again", lambda: net.finalized("alice") >= again + 3, 90)

        # A full node from an empty database syncs from genesis.
        t1 = time.time()
        net.start("ferdie", validator=False)
        target = net.finalized("alice")
        sync = net.wait("the full node syncing",
                        lambda: net.finalized("ferdie") >= target, 180)
        assert net.block_hash("ferdie", 0) == net.block_hash("alice", 0)
        assert net.block_hash("ferdie", target) == net.block_hash("alice", target)
        print(f"full node synced {target} blocks from genesis in {time.time() - t1:.0f} s "
              f"({sync:.0f} s after its RPC was up)")
        print(f"multinode OK in {time.time() - t0:.0f} s")
    finally:
        net.cleanup()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
