#!/usr/bin/env python3
"""A signed-in user of the portal, as a browser behaves: the real sign-in form, cookies, antiforgery
tokens read from the page and posted back. Used by scripts/cluster-test.sh (standard library only).

Every verb prints one JSON object and exits 1 when what it proves does not hold.
  spread URL EMAIL N             N GETs and 3N/4 form POSTs; counts per instance (X-Paritrana-Instance)
  transfer UP DOWN EMAIL NOM REG BYTES   a PNG uploaded through UP downloads through DOWN byte for byte
  load URL EMAIL STOP_FILE READY_FILE WORKERS   GET + POST in a loop until STOP_FILE exists
  signin-limit URL LIMIT         LIMIT+1 failed sign-ins: the last one must be refused (429)
  import URL EMAIL CSV           uploads an employer file, confirms it; prints the batch id
The demo password is read from PARITRANA_DEMO_PASSWORD (default Demo-Paritrana-2026).
"""
import hashlib
import http.client
import json
import os
import re
import struct
import sys
import threading
import time
import urllib.parse
import uuid
import zlib

PASSWORD = os.environ.get("PARITRANA_DEMO_PASSWORD", "Demo-Paritrana-2026")
TOKEN = re.compile(r'<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"')
INSTANCE = "X-Paritrana-Instance"


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def instance(self):
        return self.headers.get(INSTANCE.lower(), "?")

    @property
    def location(self):
        return self.headers.get("location", "")

    def token(self):
        m = TOKEN.search(self.body.decode("utf-8", "replace"))
        if not m:
            raise RuntimeError(f"no antiforgery token in the page (status {self.status})")
        return m.group(1)


class Browser:
    """One user's cookies. A new connection per request, like a browser after its keep-alive ends:
    a request that fails is then the server's failure, never a stale connection of ours."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = {}

    def request(self, method, path, body=None, content_type=None, base=None):
        url = urllib.parse.urlsplit(base or self.base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        headers = {"Host": url.netloc}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            for name, value in r.getheaders():
                if name.lower() == "set-cookie":
                    k, _, v = value.split(";", 1)[0].partition("=")
                    if v and "expires=thu, 01 jan 1970" not in value.lower():
                        self.cookies[k.strip()] = v
                    else:
                        self.cookies.pop(k.strip(), None)
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        finally:
            conn.close()

    def post_form(self, path, fields, base=None):
        return self.request("POST", path, urllib.parse.urlencode(fields), "application/x-www-form-urlencoded", base)

    def post_file(self, path, token, field, name, content, mime, base=None):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="__RequestVerificationToken"\r\n\r\n{token}\r\n'.encode(),
                 f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\nContent-Type: {mime}\r\n\r\n'.encode(),
                 content, f"\r\n--{boundary}--\r\n".encode()]
        return self.request("POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}", base)

    def sign_in(self, email, password=PASSWORD):
        """The login form; True when the portal answered with its redirect and the auth cookie."""
        page = self.request("GET", "/Account/Login")
        r = self.post_form("/Account/Login", {"Input.Email": email, "Input.Password": password,
                                               "__RequestVerificationToken": page.token()})
        self.last = r
        return r.status == 302 and any(k.endswith("Paritrana.Auth") for k in self.cookies)


def signed_in(url, email):
    b = Browser(url)
    if not b.sign_in(email):
        done({"ok": False, "why": f"sign-in of {email} answered {b.last.status}"})
    return b


def done(result):
    print(json.dumps(result, sort_keys=True))
    sys.exit(0 if result.get("ok") else 1)


def page_and_post(b, counts, failures, with_post=True):
    """GET the nominations list (must be the list, not the sign-in page) and POST the language form
    with the token of that page (must redirect back). Counts answers per instance."""
    def record(kind, r, good):
        counts.setdefault(r.instance, {"GET": 0, "POST": 0})[kind] += 1
        if not good:
            failures.append(f"{kind} {r.status} {r.location} on {r.instance}")
    page = b.request("GET", "/Nominations")
    good = page.status == 200 and b'data-testid="nomination-row"' in page.body
    record("GET", page, good)
    if with_post and good:
        r = b.post_form("/Language", {"language": "id", "returnUrl": "/Nominations",
                                      "__RequestVerificationToken": page.token()})
        record("POST", r, r.status == 302 and r.location == "/Nominations")


def spread(url, email, n):
    b = signed_in(url, email)
    counts, failures = {}, []
    for i in range(int(n)):
        # 7 requests every 4 rounds: with round robin over 2, 3 or 5 instances, GETs and POSTs
        # both reach every instance (a fixed pattern of period 3 would send every POST to one).
        page_and_post(b, counts, failures, with_post=i % 4 != 3)
    done({"ok": not failures, "signed_in_by": b.last.instance, "per_instance": counts, "failures": failures})


def png(size):
    """A real PNG of about SIZE bytes: random pixels do not compress, so the file is that large."""
    side = max(16, int((size / 3) ** 0.5))
    raw = b"".join(b"\x00" + os.urandom(side * 3) for _ in range(side))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def transfer(up, down, email, nomination, regulation, size):
    b = signed_in(up, email)
    content = png(int(size))
    name = f"cluster-{uuid.uuid4().hex[:12]}.png"
    path = f"/FieldWork/Files/Upload?nomination={nomination}&regulation={regulation}"
    form = b.request("GET", path)
    r = b.post_file(path, form.token(), "Input.File", name, content, "image/png")
    uploaded_by = r.instance
    if r.status != 302:
        done({"ok": False, "why": f"upload answered {r.status} on {uploaded_by}"})
    # The page the upload sends the user back to, read through the other instance, lists the file.
    back = b.request("GET", r.location, base=down)
    m = re.search(r'href="([^"]*Download[^"]*)"[^>]*>' + re.escape(name) + "<", back.body.decode())
    if not m:
        done({"ok": False, "why": f"{name} not listed on {r.location} ({back.status}, {back.instance})"})
    got = b.request("GET", m.group(1).replace("&amp;", "&"), base=down)
    done({"ok": got.status == 200 and got.body == content and uploaded_by != got.instance,
          "uploaded_through": uploaded_by, "downloaded_through": got.instance, "bytes": len(content),
          "sha256_sent": hashlib.sha256(content).hexdigest(), "sha256_received": hashlib.sha256(got.body).hexdigest(),
          "status": got.status})


def load(url, email, stop_file, ready_file, workers):
    """WORKERS users' loops of GET + POST until STOP_FILE appears. Every answer counts: a status
    other than the expected one, or a connection error, is a failure."""
    users = [signed_in(url, email) for _ in range(int(workers))]
    counts, failures, errors, lock = {}, [], [], threading.Lock()
    def run(b):
        while not os.path.exists(stop_file):
            c, f = {}, []
            try:
                page_and_post(b, c, f)
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    errors.append(f"{type(e).__name__}: {e}")
                continue
            with lock:
                for inst, kinds in c.items():
                    for k, v in kinds.items():
                        counts.setdefault(inst, {"GET": 0, "POST": 0})[k] += v
                failures.extend(f)
    threads = [threading.Thread(target=run, args=(b,)) for b in users]
    started = time.monotonic()
    for t in threads:
        t.start()
    open(ready_file, "w").close()
    for t in threads:
        t.join()
    total = sum(v for kinds in counts.values() for v in kinds.values())
    done({"ok": not failures and not errors and total > 0, "requests": total, "seconds": round(time.monotonic() - started, 1),
          "per_instance": counts, "failed": len(failures), "connection_errors": len(errors),
          "failures": failures[:20], "errors": errors[:20]})


def signin_limit(url, limit):
    """LIMIT+1 failed sign-ins (addresses that do not exist: no account is locked) from this client,
    through the balancer. A shared limit refuses the last one whichever instance it reaches; a limit
    per instance lets it through (round robin spreads the attempts). A fixed window may turn over
    during the burst, so a second burst is tried before concluding."""
    tries = []
    for _ in range(2):
        answers = []
        for i in range(int(limit) + 1):
            b = Browser(url)
            page = b.request("GET", "/Account/Login")
            r = b.post_form("/Account/Login", {"Input.Email": f"nobody-{uuid.uuid4().hex[:8]}@example.invalid",
                                                "Input.Password": "wrong-password-123", "__RequestVerificationToken": page.token()})
            answers.append((r.status, r.instance))
        allowed = sum(1 for s, _ in answers if s == 200)
        refused = sum(1 for s, _ in answers if s == 429)
        tries.append({"allowed": allowed, "refused": refused, "last": answers[-1],
                      "other": [a for a in answers if a[0] not in (200, 429)]})
        if answers[-1][0] == 429 and allowed <= int(limit) and allowed + refused == len(answers):
            done({"ok": True, "limit": int(limit), "tries": tries})
    done({"ok": False, "limit": int(limit), "tries": tries})


def import_file(url, email, csv):
    b = signed_in(url, email)
    form = b.request("GET", "/Imports")
    with open(csv, "rb") as f:
        r = b.post_file("/Imports", form.token(), "Input.File", os.path.basename(csv), f.read(), "text/csv")
    m = re.match(r"/Imports/Preview/(\d+)$", r.location)
    if r.status != 302 or not m:
        done({"ok": False, "why": f"upload answered {r.status} {r.location}"})
    preview = b.request("GET", r.location)
    start = b.post_form(f"{r.location}?handler=ImportAll", {"__RequestVerificationToken": preview.token()})
    done({"ok": start.status == 302 and start.location == f"/Imports/Progress/{m.group(1)}", "batch": int(m.group(1)),
          "previewed_by": r.instance, "started_by": start.instance, "status": start.status})


if __name__ == "__main__":
    verbs = {"spread": spread, "transfer": transfer, "load": load, "signin-limit": signin_limit, "import": import_file}
    if len(sys.argv) < 2 or sys.argv[1] not in verbs:
        sys.exit(__doc__)
    verbs[sys.argv[1]](*sys.argv[2:])
