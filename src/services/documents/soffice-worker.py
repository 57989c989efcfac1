"""
Warm LibreOffice worker for src/services/documents/pdf.ts: starts one headless soffice listening on a private UNO
pipe, connects to it, then converts .docx files to PDF on request, one request at a time.

Protocol (one JSON object per line): it prints {"ready": true, "pid": <soffice pid>} once connected, then reads
requests {"id": n, "jobs": [{"in": path, "out": path}, ...]} on stdin and answers {"id": n, "ok": true} or
{"id": n, "error": "...", "fatal": bool}. It exits when stdin closes, and soffice goes with it (terminated, and
killed by the kernel through PR_SET_PDEATHSIG should this worker die first).

Usage: python3 soffice-worker.py SOFFICE_BIN PROFILE_URL PIPE_NAME
"""
import ctypes
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_TIMEOUT_S = 60
RESTART_CODE = 81


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def die_with_parent():
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    soffice, profile, pipe = sys.argv[1], sys.argv[2], sys.argv[3]
    def launch():
        return subprocess.Popen(
            [soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible", "--norestore", "--nologo",
             "--nodefault", "--nolockcheck", "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)

    office = launch()

    def stop(*_):
        if office.poll() is None:
            office.terminate()
            try:
                office.wait(5)
            except subprocess.TimeoutExpired:
                office.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if office.poll() == RESTART_CODE:
            # A new profile is initialised on first start, then soffice.bin asks to be started again (oosplash's job).
            office = launch()
        elif office.poll() is not None:
            send({"ready": False, "error": "soffice exited with code %d" % office.returncode})
            return
        try:
            remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                send({"ready": False, "error": "soffice did not accept connections in %d s" % START_TIMEOUT_S})
                stop()
            time.sleep(0.1)
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
    send({"ready": True, "pid": office.pid})

    load = (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0))  # NO_UPDATE
    export = (prop("FilterName", "writer_pdf_Export"), prop("Overwrite", True))
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            for job in request["jobs"]:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["in"]), "_blank", 0, load)
                if doc is None:
                    raise RuntimeError("cannot open " + os.path.basename(job["in"]))
                try:
                    doc.storeToURL(uno.systemPathToFileUrl(job["out"]), export)
                finally:
                    doc.close(True)
            send({"id": request["id"], "ok": True})
        except Exception as error:  # noqa: BLE001 - every failure is reported to the caller
            fatal = office.poll() is not None or type(error).__name__ in ("DisposedException", "RuntimeException")
            send({"id": request["id"], "error": "%s: %s" % (type(error).__name__, error), "fatal": fatal})
            if fatal:
                stop()
    stop()


if __name__ == "__main__":
    main()
