"""bench/market setup: N phones registered, inspected, sanitized and offered through the API.

Prints one published offer id and its disclosure version per line ("<offer_id> <version>").
Usage: setup.py BASE_URL N [WORKERS]
WORKERS processes (default 4) each set up every WORKERS-th offer over their own sessions, so the
server's writer groups their commits (the setup is not part of the figure).
"""
import http.client
import json
import multiprocessing
import sys
import urllib.parse

base, n = sys.argv[1], int(sys.argv[2])
workers = int(sys.argv[3]) if len(sys.argv) > 3 else 4
url = urllib.parse.urlparse(base)


class Client:
    def __init__(self, username):
        self.conn = http.client.HTTPConnection(url.hostname, url.port)
        body = self.call("POST", "/api/v1/session",
                         {"username": username, "password": "recirc-demo"}, 200)
        self.csrf = body["csrf_token"]
        self.organisation = body["organisation"]["id"]

    def call(self, method, path, body, expected):
        headers = {"Content-Type": "application/json"}
        if hasattr(self, "cookie"):
            headers["Cookie"] = self.cookie
            headers["X-CSRF-Token"] = self.csrf
        self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        r = self.conn.getresponse()
        data = r.read()
        if r.status != expected:
            sys.exit(f"{method} {path}: {r.status} {data[:300]!r}")
        cookie = r.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        return json.loads(data) if data else None


def imei(i):
    first = "35%012d" % (900000000 + i)
    s = 0
    for k, ch in enumerate(first):
        d = int(ch)
        if k % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    return first + str((10 - s % 10) % 10)


photo = "sha256:" + "a" * 64
results = {"powers_on": "pass", "display": "pass", "touch": "pass", "cameras": "pass",
           "audio": "pass", "buttons": "pass", "charging": "pass", "connectivity": "pass",
           "battery_health": 88, "liquid_indicator": "not_triggered", "activation_lock": "off",
           "screen_glass": "flawless", "housing": "light_wear", "photo_front": photo,
           "photo_back": photo}
sign = {"title": "tech", "date": "2026-12-01", "place": "Beijing"}
wipe = {"manufacturer": "Xiaomi", "model": "14", "serial": "SN", "media_type": "flash",
        "media_source": "internal", "level": "purge", "method": "block_erase", "tool": "wipe",
        "tool_version": "1", "verification_method": "read-back", "verification_result": "passed",
        "sanitizer": dict(sign, name="A"), "verifier": dict(sign, name="B"),
        "consent": {"given": True, "scope": "all", "method_explained": True, "date": "2026-12-01"},
        "destination": "resale"}


def set_up(first):
    lines = []
    clerk = Client("shop.clerk")
    inspector = Client("inspector")
    outlet = clerk.call("GET", f"/api/v1/organisations/{clerk.organisation}/outlets", None,
                        200)["items"][0]["id"]
    for i in range(first, n, workers):
        item = clerk.call("POST", "/api/v1/acquisitions", {
            "outlet_id": outlet, "kind": "purchase", "channel": "store", "price_fen": 80000,
            "payment_method": "cash", "person_matches_id": True, "origin_statement": "self-used",
            "seller": {"kind": "individual", "name": "Bench", "id_type": "passport",
                       "id_number": "E%d" % i},
            "item": {"category": "phone", "brand": "Xiaomi", "model": "14",
                     "identifiers": {"imei": imei(i)}, "condition": "good"}}, 201)["item_id"]
        inspector.call("POST", f"/api/v1/items/{item}/inspections", {"results": results}, 201)
        clerk.call("POST", f"/api/v1/items/{item}/sanitizations", wipe, 201)
        offer = clerk.call("POST", "/api/v1/offers", {
            "item_id": item, "channel": "online", "title": "Xiaomi 14", "price_fen": 150000,
            "warranty_months": 3, "return_days": 7}, 201)["id"]
        published = clerk.call("POST", f"/api/v1/offers/{offer}/publish",
                               {"disclosure_version": 2}, 200)
        lines.append(f"{offer} {published['offer']['disclosure_version']}")
    return lines


if __name__ == "__main__":
    with multiprocessing.Pool(workers) as pool:
        for part in pool.map(set_up, range(workers)):
            if part:
                print("\n".join(part))
