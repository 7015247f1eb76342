"""An SMTP sink for the resilience checks: a real SMTP server (aiosmtpd) that accepts every mail and
appends one JSON line per accepted message (recipients, subject, Message-ID) to ``--out``.

    .venv/bin/python resilience/smtp_sink.py --port 8851 --out messages.jsonl [--hold-at N --control DIR]

On request the next mail waits after its DATA (see ``Recorder.handle_DATA``). With ``--hold-at N``
the server stops in the middle of the N-th mail (after RCPT TO, before DATA): it creates
``DIR/held`` and waits until ``DIR/release`` exists (at most 60 s). It writes ``DIR/ready`` once
it listens, and stops on SIGTERM.
"""

import argparse
import asyncio
import email
import json
import os
import signal
import threading
import time
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, out, hold_at, control):
        self.out = open(out, "a")  # noqa: SIM115  (open for the server's lifetime)
        self.hold_at, self.control = hold_at, control
        self.accepted = 0
        self.held = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold_at and not self.held and self.accepted + 1 == self.hold_at:
            self.held = True
            (self.control / "held").touch()
            deadline = time.monotonic() + 60
            while not (self.control / "release").exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # On request (``DIR/hold-data``) the next mail waits here, received but not yet accepted,
        # until ``DIR/release-data`` exists: the moment to restart the sender's database.
        request = self.control / "hold-data"
        if request.exists():
            request.unlink()
            (self.control / "held-data").touch()
            deadline = time.monotonic() + 60
            while not (self.control / "release-data").exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            (self.control / "release-data").unlink(missing_ok=True)
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        record = {
            "to": sorted(envelope.rcpt_tos),
            "subject": str(message["Subject"] or ""),
            "message_id": str(message["Message-ID"] or ""),
            "at": round(time.time(), 3),
        }
        # Written and flushed before the server answers 250: what the sender saw accepted is recorded.
        self.out.write(json.dumps(record) + "\n")
        self.out.flush()
        os.fsync(self.out.fileno())
        self.accepted += 1
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--hold-at", type=int, default=0)
    parser.add_argument("--control", type=Path, required=True)
    args = parser.parse_args()
    controller = Controller(
        Recorder(args.out, args.hold_at, args.control), hostname="127.0.0.1", port=args.port
    )
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    (args.control / "ready").touch()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
