#!/usr/bin/env python3
"""Opens pages in headless Firefox and prints, as one JSON list, each page's DOM after its scripts ran.

    python3 firefox_dom.py URL [URL ...]

Firefox has no --dump-dom, so this speaks its Marionette remote protocol (the standard library
only): it starts `firefox-esr --headless --marionette` on a fresh profile whose user.js names a free
port, opens a session, and for each URL navigates to about:blank and then to the URL (so every URL
is a fresh load, its fragment read by the page's script at load) and returns
document.documentElement.outerHTML. The browser is always quit, or killed, and the profile removed.

Exit status 0 with the JSON on stdout; 3 when no Firefox is installed; 2 on any other failure; the
reason in one line on stderr.
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

BROWSERS = ["firefox-esr", "firefox"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Marionette:
    """A Marionette connection: each message is `length:json`, a command `[0, id, name, params]`,
    its answer `[1, id, error, result]`."""

    def __init__(self, port, deadline):
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Firefox's Marionette port %d did not open" % port)
                time.sleep(0.25)
        self.sock.settimeout(120)
        self.buffer = b""
        self.next_id = 0
        self.receive()  # the greeting: {"applicationType": "gecko", "marionetteProtocol": 3}

    def receive(self):
        while b":" not in self.buffer:
            self.read_more()
        length, _, rest = self.buffer.partition(b":")
        self.buffer = rest
        while len(self.buffer) < int(length):
            self.read_more()
        message, self.buffer = self.buffer[: int(length)], self.buffer[int(length):]
        return json.loads(message)

    def read_more(self):
        data = self.sock.recv(1 << 16)
        if not data:
            raise RuntimeError("Firefox closed the Marionette connection")
        self.buffer += data

    def command(self, name, params):
        self.next_id += 1
        body = json.dumps([0, self.next_id, name, params]).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body)
        while True:
            kind, number, error, result = self.receive()
            if kind == 1 and number == self.next_id:
                break
        if error:
            raise RuntimeError("%s failed: %s" % (name, error.get("message", error)))
        return result


def main(urls):
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("no Firefox is installed (Debian: firefox-esr)", file=sys.stderr)
        return 3
    profile = tempfile.mkdtemp(prefix="nnexplain-firefox-")
    port = free_port()
    with open(os.path.join(profile, "user.js"), "w") as prefs:
        for name, value in [("marionette.port", port), ("browser.shell.checkDefaultBrowser", False),
                            ("datareporting.policy.dataSubmissionEnabled", False),
                            ("toolkit.telemetry.reportingpolicy.firstRun", False),
                            ("browser.startup.homepage_override.mstone", "ignore"), ("app.update.auto", False)]:
            prefs.write("user_pref(%s, %s);\n" % (json.dumps(name), json.dumps(value)))
    process = subprocess.Popen([browser, "--headless", "--marionette", "--no-remote", "--profile", profile],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               env=dict(os.environ, MOZ_HEADLESS="1"))
    client = None
    try:
        client = Marionette(port, deadline=time.monotonic() + 120)
        client.command("WebDriver:NewSession", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        doms = []
        for url in urls:
            client.command("WebDriver:Navigate", {"url": "about:blank"})
            client.command("WebDriver:Navigate", {"url": url})
            doms.append(client.command("WebDriver:ExecuteScript",
                                       {"script": "return document.documentElement.outerHTML;", "args": []})["value"])
        print(json.dumps(doms))
        return 0
    except (OSError, RuntimeError, ValueError) as error:
        print("Firefox could not open the page: %s" % error, file=sys.stderr)
        return 2
    finally:
        try:
            if client is not None:
                client.command("Marionette:Quit", {"flags": ["eForceQuit"]})
        except (OSError, RuntimeError, ValueError):
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the browser this script started, with its children
            process.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: firefox_dom.py URL [URL ...]", file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1:]))
