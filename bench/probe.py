#!/usr/bin/env python3
"""A bounded re-run of the hostile probe of issue 13 against a bot on this machine.

Loopback only: the base URL must be http://127.0.0.1:<port>. Client addresses other than loopback are simulated
with X-Forwarded-For, which the bot believes from loopback (its default trusted proxy). Every loop is bounded.

    Admin__ApiKey=probe-key-1 dotnet run --project Bot --urls http://127.0.0.1:5099 &
    python3 bench/probe.py http://127.0.0.1:5099 probe-key-1 bot.log
"""
import collections
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5099"
KEY = sys.argv[2] if len(sys.argv) > 2 else "probe-key-1"
assert urllib.parse.urlparse(BASE).hostname == "127.0.0.1", "loopback only"

rows = []


def call(method, path, body=None, headers=None, content_type=None):
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(BASE + path, data=data, method=method)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def counts(statuses):
    return ", ".join(f"{n} × {s}" for s, n in sorted(collections.Counter(statuses).items()))


def row(number, sent, came_back):
    rows.append((number, sent, came_back))


def activity(text, conversation=None, user="probe-user", service_url="http://127.0.0.1:9/", channel="emulator"):
    return {
        "type": "message", "id": str(uuid.uuid4()), "channelId": channel, "serviceUrl": service_url,
        "deliveryMode": "expectReplies", "text": text,
        "from": {"id": user, "name": "Probe"}, "recipient": {"id": "bot", "role": "bot"},
        "conversation": {"id": conversation or "probe-" + str(uuid.uuid4())},
    }


def messages(payload, headers=None, raw=None):
    return call("POST", "/api/messages", raw if raw is not None else json.dumps(payload), headers, "application/json")


def reply_texts(body):
    try:
        return [a.get("text") or "" for a in json.loads(body).get("activities", []) if a.get("type") == "message"]
    except ValueError:
        return []


def admin(path, method="GET", address="198.51.100.200"):
    return call(method, path, None, {"X-Admin-Key": KEY, "X-Forwarded-For": address})


def audit():
    return json.loads(admin("/api/admin/audit?count=1000")[2])


# 1. Refused dashboard logins
started = time.monotonic()
statuses = [call("POST", "/admin/login", "key=x", {"X-Forwarded-For": "203.0.113.10"}, "application/x-www-form-urlencoded")[0]
            for _ in range(2000)]
elapsed = time.monotonic() - started
logins = [e for e in audit() if e["action"] == "login" and e["remoteIp"] == "203.0.113.10"]
row(1, "2,000 × `POST /admin/login` `key=x` from one address", f"{counts(statuses)} in {elapsed:.1f} s; {len(logins)} audit records")

# 2. Wrong X-Admin-Key
statuses, retry_after = [], None
for i in range(2000):
    status, headers, _ = call("GET", "/api/admin/overview", None, {"X-Admin-Key": f"guess-{i}", "X-Forwarded-For": "203.0.113.11"})
    statuses.append(status)
    retry_after = retry_after or headers.get("Retry-After")
refusals = [e for e in audit() if e["action"] == "api-key"]
row(2, "2,000 × wrong `X-Admin-Key` on `GET /api/admin/overview` from one address",
    f"{counts(statuses)} (Retry-After: {retry_after} s); {len(refusals)} audit records")

# 3. Surrogates
for label, raw_text in [('`"a"*999 + "😀"`', "a" * 999 + "\\ud83d\\ude00"), ("raw `\\ud800`", "tr\\u1ee3 gi\\u00fap \\ud800")]:
    raw = json.dumps(activity("TEXT")).replace('"TEXT"', '"' + raw_text + '"')
    status, _, body = messages(None, raw=raw)
    texts = reply_texts(body)
    row(3, f"`/api/messages` text {label}", f"{status}; {len(texts)} reply, first line: {texts[0].splitlines()[0][:60] if texts else '-'}")

# 4. Transient connector failures need a connector that fails: see TurnFailureTests.
row(4, "(a connector answering 503 once, a failing turn, a cancelled request)", "not probed here: covered by TurnFailureTests")

# 5. Anonymous /api/messages from elsewhere; join codes guessed across conversations
status, _, body = messages(activity("trợ giúp"), {"X-Forwarded-For": "203.0.113.12"})
row(5, "`/api/messages` (no MicrosoftAppId) from client 203.0.113.12", f"{status} {json.loads(body).get('detail', '')}")
# 6. 500s
for label, payload in [("no `serviceUrl`", {k: v for k, v in activity("hi").items() if k != "serviceUrl"}),
                       ("`serviceUrl: \"not a url\"`", {**activity("hi"), "serviceUrl": "not a url"})]:
    status, _, body = messages(payload)
    row(6, f"`/api/messages` with {label}", f"{status} {json.loads(body).get('detail', '')}")
status, _, _ = messages(activity("hi"), {"Authorization": "Bearer garbage.garbage.garbage"})
row(6, "`/api/messages` with `Authorization: Bearer garbage.garbage.garbage`", str(status))
status, _, _ = call("POST", "/admin/login", "--zz\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nabc", {"X-Forwarded-For": "203.0.113.14"},
                    "multipart/form-data; boundary=zz")
row(6, "`/admin/login` with a malformed multipart body", str(status))
status, _, _ = call("POST", "/admin/login", "key=%00", {"X-Forwarded-For": "203.0.113.15"}, "application/x-www-form-urlencoded")
row(6, "`/admin/login` `key=%00`", str(status))
for path, method in [("/api/admin/announcements?from=0001-01-01&to=0001-01-31", "GET"),
                     ("/api/admin/announcements?from=2026-01-01&to=9999-12-31", "GET"),
                     ("/api/admin/announcements/run?at=0001-01-01T00:00:00Z", "POST"),
                     ("/api/admin/announcements/run?at=9999-12-30T02:00:00Z", "POST")]:
    status, _, body = admin(path, method)
    row(6, f"`{method} {path}`", f"{status} {json.loads(body).get('detail', '')}")

# 7. IPv6 /64
statuses = [call("POST", "/api/web/conversations", "{}", {"X-Forwarded-For": f"2001:db8:77:1::{i:x}"}, "application/json")[0]
            for i in range(1, 31)]
row(7, "30 web conversations from 30 addresses of one IPv6 /64", counts(statuses))

# 8. Long ids
for label, payload in [("conversation id", activity("đăng ký nhận thông báo", conversation="c" * 3000)),
                       ("user id", activity("tạo đơn vị", user="u" * 3000))]:
    status, _, body = messages(payload)
    row(8, f"`/api/messages` with a 3,000-character {label}", f"{status} {json.loads(body).get('detail', '')}")

# 9. A unit name with a link
conversation = "probe-unit-" + str(uuid.uuid4())
name = "[Trang chính thức](https://phishing.example/login)"
for text in ["tạo đơn vị", name, "cơ quan", "30"]:
    status, _, body = messages(activity(text, conversation=conversation, user="probe-leader"))
created = "\n".join(reply_texts(body))
code = next((w.strip("*") for w in created.split() if len(w.strip("*")) == 6 and w.strip("*").isalnum() and w.strip("*").isupper()), "")
status, _, body = messages(activity(f"tham gia {code}", user="probe-colleague"))
joined = "\n".join(reply_texts(body))
escaped = "\\[Trang chính thức\\]" in joined
row(9, f"unit name `{name}`, then `tham gia {code}` from a colleague",
    f"{status}; live link in the reply: {name in joined}; escaped: {escaped}")

# 5 (cont.). Join codes guessed from one address, a new conversation and a new user id for each guess
locked = unknown = 0
for i in range(25):
    status, _, body = messages(activity(f"tham gia ZZZ9{chr(65 + i)}", user=f"guesser-{i}"))
    texts = " ".join(reply_texts(body))
    locked += "sai nhiều lần" in texts
    unknown += "Không tìm thấy" in texts
row(5, "25 × `tham gia <wrong code>` on `/api/messages`, each in a new conversation as a new user, from one address",
    f"{unknown} × code not found, {locked} × joining locked")

# Whatever was sent, nothing may have been an unhandled exception.
if len(sys.argv) > 3:
    with open(sys.argv[3], encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    row("log", "the bot's console log after all of the above",
        f"{sum(l.startswith('fail:') for l in lines)} error entries, {sum('Unhandled exception' in l for l in lines)} unhandled exceptions")

print("| # | sent | came back |")
print("| --- | --- | --- |")
for number, sent, came_back in rows:
    shown = came_back.replace("|", "\\|")
    print(f"| {number} | {sent} | {shown} |")
