"""The mail server of `make soak`: aiosmtpd on 127.0.0.1:PORT. Every message it accepts is one
JSON line in the file named (its Message-ID, recipients and time), written before the server
answers 250, so a message counted is a message the sender was told arrived. scripts/soak.sh
stops it (SIGTERM) for 60 seconds mid-run and starts it again on the same port.

Usage: mailsink.py PORT FILE
"""

import json
import signal
import sys
import threading
import time
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.path = path

    async def handle_DATA(self, server, session, envelope):
        headers = BytesHeaderParser().parsebytes(envelope.content)
        line = {
            "message_id": headers.get("Message-ID", ""),
            "to": envelope.rcpt_tos,
            "subject": headers.get("Subject", ""),
            "t": time.time(),
        }
        with open(self.path, "a") as out:
            out.write(json.dumps(line) + "\n")
        return "250 Message accepted for delivery"


def main(port, path):
    controller = Controller(Recorder(path), hostname="127.0.0.1", port=int(port))
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main(*sys.argv[1:3])
