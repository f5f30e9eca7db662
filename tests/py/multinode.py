"""Multi-node test with real processes on loopback: the `local` chain's four validators (Alice,
Bob, Charlie, Dave) and a non-validator full node, driven over WebSocket RPC by
py-substrate-interface.

Scenarios (run in this order on one network; see SCENARIOS at the bottom):

1. `finality`: the four validators produce blocks (BABE) and finalize them (GRANDPA); every node
   reports the same hash at a finalized height.
2. `three_of_four`: Dave is stopped with SIGTERM; the other three (> 2/3 of the voters) keep
   finalizing.
3. `restart`: Dave restarts on his base path; the finalized block he had before the stop is
   still there with the same hash (no data loss), he catches up to the others' finalized head,
   and finality continues with all four.
4. `full_node_sync`: a full node (no `--validator`) started late on an empty base path syncs from
   genesis to the finalized head; a transfer submitted through it is finalized and its event is
   seen on a validator.
5. `validator_referendum`: Eve starts a fifth validator node and registers its session keys; a
   referendum on the `validator_admin` track, submitted and voted by real extrinsics, enacts
   `ValidatorManager.add_validator(Eve)`; two session rotations later she is in the active set,
   authors blocks, and all five finalize.
6. `runtime_upgrade`: a referendum on the `root` track enacts `System.authorize_upgrade` for a
   second Wasm built from this source with `spec_version` + 1 (`runtime/upgrade-test`); Ferdie
   submits it with `System.apply_authorized_upgrade` through the full node; all six nodes run
   the new runtime from the next block, finality continues and extrinsics are accepted.

Usage:
    python3 tests/py/multinode.py PATH/TO/heliox-node [--keep] [--only SCENARIO ...]
        [--upgrade-wasm PATH]   (default: the blob `cargo build` left beside the node binary,
        wbuild/heliox-runtime-upgrade-test/heliox_runtime_upgrade_test.compact.compressed.wasm)

Prints timings (seconds to the first finalized block, finality with 3 of 4, catch-up, sync). The
whole run is bounded (`--budget`, default BUDGET_S); every node runs in its own process group and
is killed on exit. Node logs are in the temporary directory; on failure their tails are printed
and the directory is kept (`--keep` keeps it on success too).

Writing another scenario: a function `scenario_x(net)` that uses the `Network` helpers
(`start`, `stop`, `rpc`/`call`, `wait_finalized`, `submit`, `wait_event`, `query`,
`insert_key`, `rotate_keys`, `set_session_keys`, `wait_pool_settled`) and records numbers with
`net.record`; append it to SCENARIOS.
"""

import argparse
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from substrateinterface import Keypair, SubstrateInterface
from substrateinterface.base import ExtrinsicReceipt
from websocket import WebSocketException

VALIDATORS = ("alice", "bob", "charlie", "dave")  # the `local` chain's genesis authorities
# Names with a `--<name>` flag: a validator so named gets that dev seed's session keys.
DEV_SEEDS = ("alice", "bob", "charlie", "dave", "eve", "ferdie")


def node_key(name):
    """A fixed libp2p secret per node name (test only): a validator on a non-dev chain must have
    one, and Alice's (0x..01, as in docker-compose.yml) gives the bootnode a known peer id."""
    if name in VALIDATORS:
        return f"{VALIDATORS.index(name) + 1:064x}"
    return hashlib.sha256(name.encode()).hexdigest()


# The runtime's SessionKeys, in order (32-byte public keys each).
SESSION_KEYS = ("babe", "grandpa", "gpuv")
BUDGET_S = 1080  # default bound of the whole run, nodes' start-up included (18 minutes)
BLOCK_TIME_S = 3


class TestTimeout(BaseException):  # not swallowed by the polling loops
    pass


class NodeFailure(AssertionError):
    pass


class Dropped(RuntimeError):
    """The node's transaction pool reported a submitted extrinsic Dropped."""


class Node:
    def __init__(self, name, validator, base, log, ports):
        self.name = name
        self.validator = validator
        self.base = base
        self.log = log
        self.p2p, self.rpc_port, self.prometheus = ports
        self.proc = None
        self.client = None
        self.starts = 0
        self.stopped = False  # by `Network.stop`, so its exit is expected

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    @property
    def ws(self):
        return f"ws://127.0.0.1:{self.rpc_port}"


class Network:
    """Nodes of one chain on loopback; each keeps its database and log in one temp dir.

    A node is named; validators are the dev authorities (`--alice`...), any other name is a full
    node. `start` on a stopped node restarts it on the same base path and ports.
    """

    def __init__(self, binary, chain="local", workdir=None):
        self.binary = os.path.abspath(binary)
        self.chain = chain
        self.dir = workdir or tempfile.mkdtemp(prefix="heliox-multinode-")
        self.nodes = {}
        self.timings = {}  # what the scenarios measured, printed at the end
        self.state = {}  # what one scenario leaves for the next
        self._ports = set()
        self._keypairs = {}
        self._bootnode = None

    # ---- processes -------------------------------------------------------------------------

    def _free_port(self):
        while True:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            if port not in self._ports:
                self._ports.add(port)
                return port

    def peer_id(self, node_key):
        out = subprocess.run([self.binary, "key", "inspect-node-key"], input=node_key.encode(),
                             capture_output=True, check=True, timeout=60)
        return out.stdout.decode().split()[-1]

    @property
    def bootnode(self):
        if self._bootnode is None:
            alice = self.nodes["alice"]
            self._bootnode = (f"/ip4/127.0.0.1/tcp/{alice.p2p}/p2p/"
                              f"{self.peer_id(node_key('alice'))}")
        return self._bootnode

    def add(self, name, validator=None):
        """Registers node `name` (ports, base path) without starting it; `validator` defaults to
        whether it is one of the genesis authorities."""
        if name not in self.nodes:
            if validator is None:
                validator = name in VALIDATORS
            ports = (self._free_port(), self._free_port(), self._free_port())
            self.nodes[name] = Node(name, validator, os.path.join(self.dir, name),
                                    os.path.join(self.dir, f"{name}.log"), ports)
        return self.nodes[name]

    def start(self, name, validator=None, extra=(), wait_rpc=True):
        """Starts (or restarts, on the same base path and ports) node `name`. A validator gets
        `--validator`, a fixed node key and, if it has a dev seed, `--<name>` (its dev session
        keys); others can have theirs put in with `insert_key` first. `extra`: more flags."""
        node = self.add(name, validator)
        assert not node.running, f"{name} is already running"
        args = [
            self.binary, "--chain", self.chain, "--base-path", node.base, "--name", name,
            "--listen-addr", f"/ip4/127.0.0.1/tcp/{node.p2p}",
            "--rpc-port", str(node.rpc_port), "--prometheus-port", str(node.prometheus),
            "--no-mdns", "--no-telemetry",
        ]
        if node.validator:
            args += ["--validator", "--node-key", node_key(name)]
            if name in DEV_SEEDS:
                args.append(f"--{name}")
        if name != "alice":
            args += ["--bootnodes", self.bootnode]
        args += list(extra)
        node.starts += 1
        node.stopped = False
        with open(node.log, "a") as log:
            log.write(f"==== start #{node.starts} at {time.strftime('%H:%M:%S')}: "
                      f"{' '.join(args)}\n")
            log.flush()
            node.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        if wait_rpc:
            self.wait_rpc(name)
        return node

    def stop(self, name, sig=signal.SIGTERM, timeout=60):
        """Stops node `name` (SIGTERM, then SIGKILL after `timeout`); returns seconds taken."""
        node = self.nodes[name]
        node.stopped = True
        self._close_client(node)
        if not node.running:
            return 0.0
        t = time.time()
        try:
            os.killpg(node.proc.pid, sig)
            node.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(node.proc.pid, signal.SIGKILL)
            node.proc.wait()
        except ProcessLookupError:
            node.proc.wait()
        return time.time() - t

    def kill_all(self):
        for node in self.nodes.values():
            node.stopped = True
            self._close_client(node)
            if node.proc is None:
                continue
            try:
                os.killpg(node.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.time() + 10
        for node in self.nodes.values():
            if node.proc is None:
                continue
            try:
                node.proc.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                pass
            try:  # the whole group, in case the node left children behind
                os.killpg(node.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            node.proc.wait()

    def check_alive(self):
        """Fails if a node exited that was not stopped with `stop`."""
        for node in self.nodes.values():
            if node.proc is not None and not node.stopped and node.proc.poll() is not None:
                self.fail(f"{node.name} exited with status {node.proc.returncode}", [node.name])

    # ---- RPC -------------------------------------------------------------------------------

    def rpc(self, name):
        """A py-substrate-interface client of node `name` (connected over WebSocket, cached)."""
        node = self.nodes[name]
        if node.client is None:
            node.client = SubstrateInterface(url=node.ws, ws_options={"timeout": 60})
        return node.client

    def _close_client(self, node):
        if node.client is not None:
            try:
                node.client.close()
            except Exception:
                pass
            node.client = None

    def call(self, name, method, params=()):
        """A raw JSON-RPC call; returns `result`. A WebSocket the node (or the OS) closed while
        it sat idle through earlier scenarios is reopened once."""
        try:
            answer = self.rpc(name).rpc_request(method, list(params))
        except (OSError, ConnectionError, WebSocketException):
            self._close_client(self.nodes[name])
            answer = self.rpc(name).rpc_request(method, list(params))
        if "error" in answer:
            raise RuntimeError(f"{name} {method}: {answer['error']}")
        return answer["result"]

    def wait_rpc(self, name, timeout=120):
        node = self.nodes[name]

        def up():
            if not node.running:
                self.fail(f"{name} exited with status {node.proc.returncode}", [name])
            try:
                self.call(name, "system_health")
                return True
            except Exception:
                self._close_client(node)
                return False

        return self.wait_until(f"{name}'s RPC", up, timeout, interval=0.5)

    def finalized_number(self, name):
        head = self.call(name, "chain_getFinalizedHead")
        return int(self.call(name, "chain_getHeader", [head])["number"], 16)

    def best_number(self, name):
        return int(self.call(name, "chain_getHeader")["number"], 16)

    def block_hash(self, name, number):
        return self.call(name, "chain_getBlockHash", [number])

    def running(self):
        return [n for n, node in self.nodes.items() if node.running]

    def insert_key(self, name, key_type, suri, scheme="sr25519"):
        """Puts a session key (`babe`, `gran` with scheme ed25519, `gpuv`) into node `name`'s
        keystore with `heliox-node key insert` (the node is added if it is not yet)."""
        node = self.add(name)
        subprocess.run([self.binary, "key", "insert", "--chain", self.chain, "--base-path",
                        node.base, "--key-type", key_type, "--scheme", scheme, "--suri", suri],
                       check=True, capture_output=True, timeout=120)

    def rotate_keys(self, name, owner=None):
        """New session keys in node `name`'s keystore (its RPC is local, so unsafe methods are
        allowed). Returns `(keys, proof)` for `Session.set_keys(keys, proof)` signed by `owner`
        (a dev URI such as `//Alice`): keys = SCALE babe ‖ grandpa ‖ gpuv, proof = their
        signatures over the owner's account id (`author_rotateKeysWithOwner`)."""
        owner = "0x" + self.keypair(owner).public_key.hex() if owner else None
        if owner is None:
            return self.call(name, "author_rotateKeys"), None
        generated = self.call(name, "author_rotateKeysWithOwner", [owner])
        return generated["keys"], generated.get("proof")

    def set_session_keys(self, name, owner, via=None):
        """Rotates node `name`'s session keys for `owner` (a dev URI) and registers them with
        `Session.set_keys` signed by `owner` through node `via` (default `name`); they take
        effect from the session after next. Returns the receipt."""
        keys, proof = self.rotate_keys(name, owner)
        raw = bytes.fromhex(keys[2:])
        assert len(raw) == 32 * len(SESSION_KEYS), keys
        keys = {k: "0x" + raw[32 * i:32 * (i + 1)].hex() for i, k in enumerate(SESSION_KEYS)}
        return self.submit(via or name, ("Session", "set_keys", {"keys": keys, "proof": proof}),
                           signer=owner)

    def metric(self, name, metric, labels=""):
        """A Prometheus sample of node `name`, e.g. metric("alice", "substrate_block_height",
        'status="finalized"')."""
        url = f"http://127.0.0.1:{self.nodes[name].prometheus}/metrics"
        with urllib.request.urlopen(url, timeout=10) as response:
            for line in response.read().decode().splitlines():
                key, _, value = line.rpartition(" ")
                if key.startswith(metric) and labels in key:
                    return float(value)
        raise KeyError(f"{metric}{{{labels}}} not exported by {name}")

    # ---- waiting ---------------------------------------------------------------------------

    def wait_until(self, what, condition, timeout, interval=1.0):
        """Polls `condition()` until it is truthy; returns the seconds waited. Exceptions in
        `condition` count as "not yet" (the last one is reported on timeout)."""
        start = time.time()
        last_error = None
        while True:
            try:
                if condition():
                    return time.time() - start
            except NodeFailure:
                raise
            except Exception as e:  # a node restarting, a transient RPC error
                last_error = e
            if time.time() - start > timeout:
                detail = f" (last error: {last_error!r})" if last_error else ""
                self.fail(f"timed out after {timeout} s waiting for {what}{detail}")
            self.check_alive()
            time.sleep(interval)

    def wait_finalized(self, at_least, names=None, timeout=120):
        """Waits until every node in `names` (default: all running) has finalized block
        `at_least`; returns the seconds waited."""
        names = list(names or self.running())
        return self.wait_until(
            f"{', '.join(names)} to finalize #{at_least}",
            lambda: all(self.finalized_number(n) >= at_least for n in names), timeout)

    def finality_lag(self, name, blocks, timeout=120):
        """Waits until node `name` finalizes `blocks` more blocks, sampling best - finalized each
        second; returns (seconds, max lag, mean lag) (lags in blocks)."""
        start = self.finalized_number(name)
        lags = []

        def progressed():
            best, finalized = self.best_number(name), self.finalized_number(name)
            lags.append(best - finalized)
            return finalized >= start + blocks

        took = self.wait_until(f"{name} to finalize {blocks} more blocks after #{start}",
                               progressed, timeout)
        return took, max(lags), sum(lags) / len(lags)

    def wait_pool_settled(self, name, timeout=90):
        """Waits until a node that has just synced can take transactions; returns the seconds
        waited. Straight after a sync the fork-aware transaction pool (polkadot-sdk stable2609)
        skips maintenance while its last processed block (#1) is more than 20 blocks behind: a
        transaction submitted then lands in that stale view and is reported Dropped when the
        view is pruned. The pool is at the head after a new best block (processed block moves
        up), a finalization (stale view pruned) and another new best block (view at the head)."""
        start = time.time()
        for step, number in (("a new best block", self.best_number),
                             ("a finalization", self.finalized_number),
                             ("another new best block", self.best_number)):
            was = number(name)
            self.wait_until(f"{name}: {step}", lambda: number(name) > was, timeout)
        time.sleep(1)  # the pool handles import notifications just after RPC sees the block
        return time.time() - start

    def agreed_hash(self, number, names=None):
        """The hash of block `number` on every node in `names`; fails unless they agree."""
        names = list(names or self.running())
        hashes = {n: self.block_hash(n, number) for n in names}
        if len(set(hashes.values())) != 1 or None in hashes.values():
            self.fail(f"nodes disagree on block #{number}: {hashes}")
        return next(iter(hashes.values()))

    # ---- extrinsics and events -------------------------------------------------------------

    def keypair(self, uri):
        """A keypair from a secret URI, e.g. `//Alice`, `//Bob//stash`."""
        if uri not in self._keypairs:
            self._keypairs[uri] = Keypair.create_from_uri(uri)
        return self._keypairs[uri]

    def live_rpc(self, name):
        """`rpc(name)`, its WebSocket reopened first if the node (or the OS) closed it while it
        sat idle (see `call`): use it before signing or submitting on a client that may have
        been idle."""
        self.call(name, "system_health")
        return self.rpc(name)

    def compose(self, name, module, function, params=None):
        return self.live_rpc(name).compose_call(call_module=module, call_function=function,
                                                call_params=params or {})

    def submit(self, name, call, signer="//Alice", finalized=False, sudo=False, check=True):
        """Signs `call` (a composed call, or a `(module, function, params)` tuple) with the dev
        key `signer`, submits it through node `name` and waits for its inclusion (or its
        finalization). `sudo` wraps the call in `Sudo.sudo` (the `local` chain's sudo is Alice).
        Returns the `ExtrinsicReceipt`; with `check`, fails unless the extrinsic (and, under
        sudo, the inner call) succeeded. Raises `Dropped` if the pool reports it Dropped."""
        substrate = self.live_rpc(name)
        if isinstance(call, tuple):
            call = self.compose(name, *call)
        if sudo:
            call = self.compose(name, "Sudo", "sudo", {"call": call})
        xt = substrate.create_signed_extrinsic(call=call, keypair=self.keypair(signer))
        xt_hash = "0x" + xt.extrinsic_hash.hex()

        def watch(message, _update, subscription):
            status = message["params"]["result"]
            if isinstance(status, dict):
                kind, value = next(iter(status.items()))
                kind = kind.lower()
                if kind == "finalized" or (kind == "inblock" and not finalized):
                    substrate.rpc_request("author_unwatchExtrinsic", [subscription])
                    return {"block_hash": value, "finalized": kind == "finalized"}
                if kind in ("usurped", "finalitytimeout", "dropped", "invalid"):
                    raise RuntimeError(f"extrinsic {xt_hash}: {status}")
            elif status == "dropped":
                raise Dropped(f"extrinsic {xt_hash} dropped by the pool")
            elif status == "invalid":
                raise RuntimeError(f"extrinsic {xt_hash}: {status}")
            return None

        result = substrate.rpc_request("author_submitAndWatchExtrinsic", [str(xt.data)],
                                       result_handler=watch)
        receipt = ExtrinsicReceipt(substrate=substrate, extrinsic_hash=xt_hash,
                                   block_hash=result["block_hash"], finalized=result["finalized"])
        if check:
            if not receipt.is_success:
                failed = [e["attributes"] for e in self.events_of(receipt)
                          if e["event_id"] == "ExtrinsicFailed"]
                self.fail(f"{call.call_module['name']}.{call.call_function['name']} failed: "
                          f"{receipt.error_message or failed}", [name])
            if sudo:
                for event in self.events_of(receipt):
                    if (event["module_id"], event["event_id"]) == ("Sudo", "Sudid"):
                        outcome = event["attributes"]
                        outcome = outcome.get("sudo_result", outcome) \
                            if isinstance(outcome, dict) else outcome
                        if isinstance(outcome, dict) and "Err" in outcome:
                            self.fail(f"sudo call failed: {outcome['Err']}", [name])
        return receipt

    @staticmethod
    def events_of(receipt):
        """The events of an extrinsic as dicts (`module_id`, `event_id`, `attributes`)."""
        return [e.value for e in receipt.triggered_events]

    def events(self, name, block_hash):
        return [e.value for e in self.rpc(name).get_events(block_hash)]

    def wait_event(self, name, module, event, where=None, since=None, finalized=False,
                   timeout=120):
        """Scans node `name`'s blocks from #`since` (default: the current best) until an event
        `module.event` whose `attributes` satisfy `where` (if given) appears in a block of the
        best (or, with `finalized`, the finalized) chain. Returns
        `(block_number, block_hash, event_dict)`."""
        next_block = [self.best_number(name) if since is None else since]
        found = []

        def scan():
            head = self.finalized_number(name) if finalized else self.best_number(name)
            while next_block[0] <= head:
                block_hash = self.block_hash(name, next_block[0])
                for e in self.events(name, block_hash):
                    if (e["module_id"], e["event_id"]) == (module, event) and \
                            (where is None or where(e["attributes"])):
                        found.append((next_block[0], block_hash, e))
                        return True
                next_block[0] += 1
            return False

        self.wait_until(f"event {module}.{event} on {name}", scan, timeout)
        return found[0]

    def query(self, name, module, storage, params=None, block_hash=None):
        try:
            result = self.rpc(name).query(module, storage, params or [], block_hash=block_hash)
        except (OSError, ConnectionError, WebSocketException):  # see `call`
            self._close_client(self.nodes[name])
            result = self.rpc(name).query(module, storage, params or [], block_hash=block_hash)
        return result.value

    # ---- reporting -------------------------------------------------------------------------

    def log_tail(self, name, lines=25):
        try:
            with open(self.nodes[name].log, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError as e:
            return f"(no log: {e})"

    def print_tails(self, names=None):
        for name in names or list(self.nodes):
            print(f"---- {name} (log {self.nodes[name].log}), last lines:\n"
                  f"{self.log_tail(name)}", file=sys.stderr)

    def fail(self, message, names=None):
        print(f"FAILED: {message}", file=sys.stderr)
        self.print_tails(names)
        raise NodeFailure(message)

    def record(self, key, seconds, note=""):
        self.timings[key] = seconds
        print(f"  {key}: {seconds:.1f} s{'  ' + note if note else ''}", flush=True)


# ---- scenarios -----------------------------------------------------------------------------


def scenario_finality(net):
    t0 = time.time()
    for name in VALIDATORS:  # in parallel: each spends its first seconds building genesis
        net.start(name, wait_rpc=False)
    for name in VALIDATORS:
        net.wait_rpc(name)
    print(f"  4 validators up (RPC answering) in {time.time() - t0:.1f} s", flush=True)
    net.wait_finalized(1, VALIDATORS, timeout=150)
    net.record("first finalized block", time.time() - t0, "(from the spawn, on all 4)")
    net.wait_finalized(5, VALIDATORS, timeout=90)
    height = min(net.finalized_number(n) for n in VALIDATORS)
    block = net.agreed_hash(height, VALIDATORS)
    # Prometheus reports finality too (what an operator's dashboard watches).
    net.wait_until("alice's finalized height on Prometheus",
                   lambda: net.metric("alice", "substrate_block_height",
                                      'status="finalized"') >= height, 30)
    print(f"  all 4 agree on finalized #{height} {block[:18]}…; best #{net.best_number('alice')}")


def scenario_three_of_four(net):
    before = net.finalized_number("dave")
    net.state["dave_before"] = (before, net.block_hash("dave", before))
    took = net.stop("dave")
    print(f"  dave stopped (SIGTERM, exited in {took:.1f} s) at his finalized "
          f"#{before}", flush=True)
    rest = ("alice", "bob", "charlie")
    start = net.finalized_number("alice")
    took, max_lag, mean_lag = net.finality_lag("alice", 5, timeout=90)
    net.wait_finalized(start + 5, rest, timeout=30)
    net.agreed_hash(start + 5, rest)
    net.record("3/4: 5 more blocks finalized", took,
               f"(from #{start}; best - finalized lag max {max_lag} / mean {mean_lag:.1f} "
               f"blocks, block time {BLOCK_TIME_S} s)")
    net.timings["3/4 lag max blocks"] = max_lag
    net.timings["3/4 lag mean blocks"] = mean_lag


def scenario_restart(net):
    t = time.time()
    net.start("dave")
    rpc_up = time.time() - t
    # Straight after the restart, before any sync: the database still has the finalized block
    # Dave had before the stop, unchanged.
    before, before_hash = net.state["dave_before"]
    kept = net.block_hash("dave", before)
    if kept != before_hash:
        net.fail(f"dave's block #{before} changed across the restart: "
                 f"{before_hash} -> {kept}", ["dave"])
    on_disk = net.finalized_number("dave")
    assert on_disk >= before, (on_disk, before)
    target = max(net.finalized_number(n) for n in ("alice", "bob", "charlie"))
    net.wait_finalized(target, ["dave"], timeout=120)
    net.agreed_hash(target, VALIDATORS)
    net.record("dave catch-up", time.time() - t,
               f"(restart -> finalized #{target} from #{on_disk} on disk, RPC up after "
               f"{rpc_up:.1f} s; block #{before} intact)")
    took, max_lag, mean_lag = net.finality_lag("alice", 3, timeout=90)
    net.wait_finalized(net.finalized_number("alice"), VALIDATORS, timeout=30)
    net.record("4/4 again: 3 more blocks finalized", took,
               f"(best - finalized lag max {max_lag} / mean {mean_lag:.1f} blocks)")


def scenario_full_node_sync(net):
    t = time.time()
    into_run = t - net.state["t0"]
    target = net.finalized_number("alice")
    net.start("ferdie", validator=False)
    rpc_up = time.time() - t
    net.wait_finalized(target, ["ferdie"], timeout=150)
    net.record("full node sync", time.time() - t,
               f"(empty base path -> finalized #{target}, RPC up after {rpc_up:.1f} s; "
               f"started {into_run:.0f} s into the run)")
    assert net.block_hash("ferdie", 0) == net.block_hash("alice", 0)
    assert net.block_hash("ferdie", 1) == net.block_hash("alice", 1)
    net.agreed_hash(target)

    # The extrinsic helpers, through the full node: it gossips the transaction to the
    # validators, and a validator sees the finalized event.
    settled = net.wait_pool_settled("ferdie")
    print(f"  full node's transaction pool settled {settled:.1f} s after the sync", flush=True)
    fresh = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    amount = 7 * 10**12
    since = net.best_number("alice")
    receipt = net.submit("ferdie", ("Balances", "transfer_keep_alive",
                                    {"dest": fresh.ss58_address, "value": amount}),
                         signer="//Bob", finalized=True)
    number, _, event = net.wait_event(
        "alice", "Balances", "Transfer", since=since, finalized=True, timeout=60,
        where=lambda a: a["to"] == fresh.ss58_address and a["amount"] == amount)
    assert receipt.block_hash == net.block_hash("alice", number), (receipt.block_hash, number)
    free = net.query("charlie", "System", "Account", [fresh.ss58_address])["data"]["free"]
    assert free == amount, free
    print(f"  transfer via the full node finalized in #{number}, event seen on alice")


# A vote byte: aye (0x80) with conviction Locked1x (1).
AYE_LOCKED1X = 0x80 | 1
# The `local` chain's endowed dev accounts (1 000 000 HLX each): together, voting 80 % of their
# balance, they are more than the 50 % support a `validator_admin` referendum needs at first.
VOTERS = tuple(f"//{n}{s}" for n in ("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie")
               for s in ("", "//stash"))
VOTE_BALANCE = 800_000 * 10**12


TRACK_ROOT = 0
TRACK_VALIDATOR_ADMIN = 2


def submit_and_vote(net, origin, inner, track):
    """Alice submits the composed call `inner` (inline) as a referendum with `origin` (e.g.
    `{"Origins": "ValidatorAdmin"}`, `{"system": "Root"}`), checks it went to `track`, places
    its decision deposit, and every account in VOTERS signs its own aye vote (Locked1x; submitted
    together, included in a block or two). Returns `(index, block number before the votes)`."""
    receipt = net.submit("alice", ("Referenda", "submit", {
        "proposal_origin": origin,
        "proposal": {"Inline": str(inner.data)},
        "enactment_moment": {"After": 0},
    }))
    submitted = [e["attributes"] for e in net.events_of(receipt)
                 if (e["module_id"], e["event_id"]) == ("Referenda", "Submitted")]
    assert submitted and submitted[0]["track"] == track, (submitted, track)
    index = submitted[0]["index"]
    net.submit("alice", ("Referenda", "place_decision_deposit", {"index": index}))
    substrate = net.rpc("alice")
    since = net.best_number("alice")
    for uri in VOTERS:
        call = net.compose("alice", "ConvictionVoting", "vote", {
            "poll_index": index,
            "vote": {"Standard": {"vote": AYE_LOCKED1X, "balance": VOTE_BALANCE}},
        })
        xt = substrate.create_signed_extrinsic(call=call, keypair=net.keypair(uri))
        substrate.submit_extrinsic(xt, wait_for_inclusion=False)
    return index, since


def wait_confirmed(net, index, since, timeout):
    """Waits for `Referenda.Confirmed` of referendum `index`; on failure reports its state."""
    try:
        return net.wait_event("alice", "Referenda", "Confirmed", since=since, timeout=timeout,
                              where=lambda a: a["index"] == index)
    except TestTimeout:
        raise
    except Exception:
        info = net.query("alice", "Referenda", "ReferendumInfoFor", [index])
        net.fail(f"referendum {index} was not confirmed: {info}", ["alice"])


def scenario_validator_referendum(net):
    """Eve runs a fifth validator node and registers session keys made by it; a referendum on the
    `validator_admin` track, voted by the dev accounts with real extrinsics, enacts
    `ValidatorManager.add_validator(Eve)`; two session rotations later (1-minute sessions on
    `local`) Eve is in the active set, authors blocks, and the five keep finalizing."""
    eve = net.keypair("//Eve").ss58_address
    t0 = time.time()
    net.start("eve", validator=True)
    net.set_session_keys("eve", "//Eve", via="alice")
    assert eve not in net.query("alice", "Session", "Validators")

    inner = net.compose("alice", "ValidatorManager", "add_validator", {"who": eve})
    t_submitted = time.time()
    index, since = submit_and_vote(net, {"Origins": "ValidatorAdmin"}, inner, TRACK_VALIDATOR_ADMIN)
    wait_confirmed(net, index, since, timeout=150)
    number, _, _ = net.wait_event("alice", "ValidatorManager", "ValidatorAdditionScheduled",
                                  since=since, timeout=60, where=lambda a: a["who"] == eve)
    t_enacted = time.time()
    net.record("referendum submitted -> add_validator enacted", t_enacted - t_submitted,
               f"(#{number}; {len(VOTERS)} voters)")
    assert eve in (net.query("alice", "ValidatorManager", "NextValidators") or []), \
        net.query("alice", "ValidatorManager", "NextValidators")
    assert eve not in net.query("alice", "Session", "Validators")

    # Planned at the end of the current session, active at the start of the one after.
    planned, _, event = net.wait_event("alice", "ValidatorManager", "NewValidatorSet",
                                       since=number, timeout=90,
                                       where=lambda a: eve in a["validators"])
    session = event["attributes"]["session"]
    net.wait_until("Eve in Session.Validators",
                   lambda: eve in net.query("alice", "Session", "Validators"), timeout=90)
    active = net.best_number("alice")
    assert net.query("alice", "Session", "CurrentIndex") == session
    net.record("enacted -> Eve in the active set", time.time() - t_enacted,
               f"(planned in #{planned} for session {session}, active by #{active})")
    assert len(net.query("alice", "Session", "Validators")) == 5
    net.wait_until("a block authored by Eve",
                   lambda: net.query("alice", "ValidatorManager", "AuthoredInSession", [eve]) > 0,
                   timeout=90)
    net.record("Eve's first block as a validator", time.time() - t0,
               "(from her node's start)")
    # Her GRANDPA key (the one her node made) is in the runtime's authority set, and the five
    # keep finalizing: with 5 voters, 4 must vote for a block to be finalized.
    grandpa = net.query("alice", "Session", "NextKeys", [eve])["grandpa"]
    authorities = [a[0] for a in net.query("alice", "Grandpa", "Authorities")]
    assert grandpa in authorities and len(authorities) == 5, (grandpa, authorities)
    target = net.finalized_number("alice") + 3
    names = list(VALIDATORS) + ["eve"]
    net.wait_finalized(target, names, timeout=90)
    net.agreed_hash(target, names)
    print(f"  Eve's GRANDPA key is one of 5 authorities; all 5 finalized #{target}", flush=True)


def spec_version(net, name):
    return net.call(name, "state_getRuntimeVersion")["specVersion"]


def scenario_runtime_upgrade(net):
    """A forkless runtime upgrade decided by token holders: a referendum on the `root` track
    enacts `System.authorize_upgrade(blake2_256(code))`, where `code` is the second Wasm built
    from this source with `spec_version` + 1 (crate `heliox-runtime-upgrade-test`); then anyone
    submits the code with `System.apply_authorized_upgrade`. Every node (five validators and the
    full node) runs the new runtime from the next block, and finality continues."""
    with open(net.upgrade_wasm, "rb") as f:
        code = f.read()
    code_hash = "0x" + hashlib.blake2b(code, digest_size=32).hexdigest()
    names = net.running()
    before = {n: spec_version(net, n) for n in names}
    assert len(set(before.values())) == 1, before
    old = next(iter(before.values()))
    print(f"  {len(names)} nodes on spec_version {old}; upgrade Wasm {len(code)} bytes, "
          f"blake2_256 {code_hash[:18]}…", flush=True)

    inner = net.compose("alice", "System", "authorize_upgrade", {"code_hash": code_hash})
    t_submitted = time.time()
    index, since = submit_and_vote(net, {"system": "Root"}, inner, TRACK_ROOT)
    # root track on `local`: prepare 4, confirm 48, min. enactment 48 blocks.
    wait_confirmed(net, index, since, timeout=300)
    number, _, _ = net.wait_event("alice", "System", "UpgradeAuthorized", since=since,
                                  timeout=240, where=lambda a: a["code_hash"] == code_hash)
    net.record("root referendum submitted -> upgrade authorized", time.time() - t_submitted,
               f"(#{number})")
    assert spec_version(net, "alice") == old  # authorized, not applied

    # Anyone may bring the authorized code (fee waived when it matches); through the full node.
    via = "ferdie" if "ferdie" in names else "alice"
    t_apply = time.time()
    receipt = net.submit(via, ("System", "apply_authorized_upgrade", {"code": "0x" + code.hex()}),
                         signer="//Ferdie")
    updated = [e for e in net.events_of(receipt)
               if (e["module_id"], e["event_id"]) == ("System", "CodeUpdated")]
    assert updated, net.events_of(receipt)
    applied_in = net.rpc(via).get_block_number(receipt.block_hash)
    for name in names:
        net.wait_until(f"{name} on spec_version {old + 1}",
                       lambda n=name: spec_version(net, n) == old + 1, timeout=180)
    net.record(f"apply_authorized_upgrade -> all {len(names)} nodes on the new runtime",
               time.time() - t_apply, f"(code set in #{applied_in})")
    last = net.query("alice", "System", "LastRuntimeUpgrade")
    assert last["spec_version"] == old + 1, last

    # Finality continues past the upgrade, on every node, and the new runtime takes extrinsics.
    t_final = time.time()
    target = max(net.finalized_number("alice"), applied_in) + 3
    net.wait_finalized(target, names, timeout=180)
    net.agreed_hash(target, names)
    net.record("upgrade block -> finalized 3 blocks past it on all nodes", time.time() - t_final,
               f"(#{target})")
    net.submit("alice", ("Balances", "transfer_keep_alive", {
        "dest": net.keypair("//Ferdie").ss58_address, "value": 10**12}), finalized=True)
    print(f"  all nodes run spec_version {old + 1}; a transfer under it is finalized", flush=True)


SCENARIOS = [scenario_finality, scenario_three_of_four, scenario_restart, scenario_full_node_sync,
             scenario_validator_referendum, scenario_runtime_upgrade]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="path to heliox-node")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir on success")
    parser.add_argument("--only", nargs="*", help="scenario names (default: all, in order)")
    parser.add_argument("--upgrade-wasm", help="the Wasm the runtime_upgrade scenario enacts "
                        "(default: built by `cargo build` beside the node binary)")
    parser.add_argument("--budget", type=int, default=BUDGET_S,
                        help=f"seconds the whole run may take (default {BUDGET_S})")
    args = parser.parse_args()

    scenarios = SCENARIOS
    if args.only:
        by_name = {s.__name__.removeprefix("scenario_"): s for s in SCENARIOS}
        scenarios = [by_name[n] for n in args.only]

    def on_alarm(*_):
        raise TestTimeout()

    def on_term(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(args.budget)

    net = Network(args.binary)
    net.upgrade_wasm = args.upgrade_wasm or os.path.join(
        os.path.dirname(net.binary), "wbuild", "heliox-runtime-upgrade-test",
        "heliox_runtime_upgrade_test.compact.compressed.wasm")
    net.state["t0"] = time.time()
    print(f"multinode: {net.binary} --chain {net.chain}, work dir {net.dir}", flush=True)
    ok = False
    try:
        for scenario in scenarios:
            print(f"[{scenario.__name__.removeprefix('scenario_')}]", flush=True)
            scenario(net)
        ok = True
    except TestTimeout:
        net.fail(f"the run exceeded its {args.budget} s budget")
    except NodeFailure:
        raise
    except Exception as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        net.print_tails()
        raise
    finally:
        signal.alarm(0)
        net.kill_all()
        if ok and not args.keep:
            shutil.rmtree(net.dir, ignore_errors=True)
        else:
            print(f"node logs and databases kept in {net.dir}", file=sys.stderr)
    print("timings (s): " + ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}"
                                      for k, v in net.timings.items()))
    elapsed = time.time() - net.state["t0"]
    print(f"multinode: {len(scenarios)} scenarios passed in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
