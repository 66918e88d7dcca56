"""bench/summarise.py: reads the outputs bench/run-all.sh collected and prints one table.

Each row: the figure, the limit it is measured against in the same run, their ratio, issue 14's
target and whether the figure meets it. A benchmark that did not run (or failed) shows "missing".
Usage: summarise.py OUT_DIR SIZE COMMIT
"""
import os
import re
import sys

out, size, commit = sys.argv[1], sys.argv[2], sys.argv[3]


def text(name):
    path = os.path.join(out, name + ".txt")
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def num(pattern, t, group=1):
    m = re.search(pattern, t, re.M)
    return float(m.group(group)) if m else None


rows = []


def row(path, figure, unit, limit, limit_what, target, met):
    if figure is None:
        rows.append((path, "missing", "", "", target, "not run"))
        return
    ratio = f"{figure / limit:.2f}" if limit else ""
    lim = f"{limit:,.0f} {limit_what}" if limit else limit_what
    shown = f"{figure:,.3f}" if abs(figure) < 10 else f"{figure:,.2f}"
    rows.append((path, shown.rstrip("0").rstrip(".") + f" {unit}".rstrip(), lim, ratio, target,
                 "met" if met else "NOT met"))


def intake(db, target_rate, p99_limit):
    t = text("intake-" + db)
    rate = num(r"registrations \(API key.*?\s([\d.]+) /s", t)
    p99 = num(r"registrations \(API key.*?p99\s+([\d.]+) ms", t)
    raw = num(r"raw single-row inserts.*?\s([\d.]+) /s", t)
    items = num(r"registered (\d+) synthetic items", t)
    goal = f">= {target_rate:,}/s" + (f", p99 <= {p99_limit} ms" if p99_limit else "")
    ok = rate is not None and rate >= target_rate and (not p99_limit or (p99 or 1e9) <= p99_limit)
    label = f"registrations, {db}, {items or 0:,.0f} items + watchlist"
    row(label + (f" (p99 {p99:.1f} ms)" if p99 else ""), rate, "/s", raw,
        "raw inserts/s", goal, ok)
    if db == "sqlite":
        peak = num(r"server memory with \d+ items: RSS \d+ MB at the end, peak (\d+) MB", t)
        row(f"memory of the server with {items or 0:,.0f} items (peak RSS)", peak, "MB", None,
            "", "<= 500 MB at 1M items", peak is not None and peak <= 500)


def market(db, target_rate):
    t = text("market-" + db)
    rate = num(r"orders placed.*?\s([\d.]+) /s", t)
    p99 = num(r"orders placed.*?p99\s+([\d.]+) ms", t)
    raw = num(r"raw single-row inserts.*?\s([\d.]+) /s", t)
    row(f"orders placed, {db}" + (f" (p99 {p99:.1f} ms)" if p99 else ""), rate, "/s", raw,
        "raw inserts/s", f">= {target_rate:,}/s", rate is not None and rate >= target_rate)


def tlog(db):
    t = text("tlog-" + db)
    rate = num(r"sequenced \d+ leaves in [\d.]+ s: ([\d.]+) leaves/s", t)
    ceiling = num(r"SHA-256 ceiling: ([\d.]+) leaf hashes/s", t)
    leaves = num(r"sequenced (\d+) leaves", t)
    p99 = num(r"inclusion proof .*?p99 ([\d.]+) us", t)
    row(f"log sequencing, {db}, {leaves or 0:,.0f} leaves (durable)", rate, "leaves/s", ceiling,
        "SHA-256 hashes/s", ">= 100,000/s" if db == "sqlite" else "(none)",
        rate is not None and (db != "sqlite" or rate >= 100000))
    row(f"inclusion proof p99, {db}", p99, "us", None, "", "< 1,000 us",
        p99 is not None and p99 < 1000)


def http():
    t = text("http")
    bare = num(r"GET /healthz \(bare route\)\s+([\d.]+) req/s", t)
    auth = num(r"GET /api/v1/session .*?\s([\d.]+) req/s", t)
    p99 = num(r"GET /api/v1/session .*?p99\s+([\d.]+) ms", t)
    ok = auth is not None and bare and auth / bare >= 0.6 and (p99 or 1e9) <= 5
    row("authenticated JSON read, 64 connections" + (f" (p99 {p99:.2f} ms)" if p99 else ""),
        auth, "req/s", bare, "req/s bare route", ">= 0.6 of bare, p99 <= 5 ms", ok)


def search():
    t = text("search")
    n = num(r"corpus: (\d+) listings", t)
    pg = num(r"postgres simple FTS top 20\s+([\d.]+) queries/s", t)
    q = num(r"xapian top 20\s+([\d.]+) queries/s", t)
    p99 = num(r"xapian top 20\s+[\d.]+ queries/s\s+p50\s+[\d.]+ ms\s+p99\s+([\d.]+) ms", t)
    fp99 = num(r"xapian top 20 \+ 5 facets\s+[\d.]+ queries/s\s+p50\s+[\d.]+ ms\s+p99\s+([\d.]+) ms",
               t)
    recall = num(r"xapian recall ([\d.]+)", t)
    index_s = num(r"xapian index: [\d.]+ listings/s \(([\d.]+) s\)", t)
    label = f"search, {n or 0:,.0f} listings, top 20" + (f" (p99 {p99:.1f} ms)" if p99 else "")
    row(label, q, "queries/s", pg, "queries/s PostgreSQL FTS", ">= 500/s, p99 <= 10 ms",
        q is not None and q >= 500 and (p99 or 1e9) <= 10)
    gq = num(r"groonga top 20\s+([\d.]+) queries/s", t)
    gp99 = num(r"groonga top 20\s+[\d.]+ queries/s\s+p50\s+[\d.]+ ms\s+p99\s+([\d.]+) ms", t)
    if gq is not None:
        rows.append(("search peer: Groonga top 20, same corpus and queries", f"{gq:,.0f} queries/s",
                     f"p99 {gp99} ms", f"{q / gq:.2f}x (Xapian/Groonga)" if q else "",
                     "(a peer, no target)", ""))
    row("search with facets, p99", fp99, "ms", None, "", "<= 30 ms", fp99 is not None and fp99 <= 30)
    row("search recall", recall, "", None, "exact answer", ">= 0.99", recall is not None and
        recall >= 0.99)
    row(f"search full reindex of {n or 0:,.0f} listings", index_s, "s", None, "", "<= 60 s at 1M",
        index_s is not None and index_s <= 60)


def idle():
    t = text("idle")
    cpu = num(r"CPU time of the idle server over \d+ s\s+([\d.]+) s", t)
    rss = num(r"resident memory \(RSS\) of the idle server\s+(\d+) MB", t)
    row("idle server CPU over 60 s", cpu, "s", None, "", "<= 1 s", cpu is not None and cpu <= 1)
    row("idle shop node memory (RSS)", rss, "MB", None, "", "<= 100 MB",
        rss is not None and rss <= 100)


def stats():
    t = text("stats-sqlite")
    m = re.search(r"^\| city dashboard from rollups, \w+, (\d+) transactions.*?p99 ([\d.]+) ms \| "
                  r"naive GROUP BY over the raw rows p50 ([\d.]+) ms", t, re.M)
    if not m:
        row("statistics dashboard, sqlite", None, "", None, "", "< 50 ms", False)
        return
    n, p99, naive = int(m.group(1)), float(m.group(2)), float(m.group(3))
    rows.append((f"statistics dashboard p99, sqlite, {n:,} transactions", f"{p99} ms",
                 f"{naive:,.0f} ms naive GROUP BY p50", f"{p99 / naive:.5f}", "< 50 ms (issue 16)",
                 "met" if p99 < 50 else "NOT met"))


idle()
http()
intake("sqlite", 10000, 20)
market("sqlite", 5000)
tlog("sqlite")
search()
stats()
if text("intake-postgres"):
    intake("postgres", 3000, None)
    market("postgres", 1500)
    tlog("postgres")

loads = []
for name in sorted(os.listdir(out)):
    if name.endswith(".txt"):
        t = text(name[:-4])
        before = re.search(r"load average before: (.*)", t)
        loads.append(f"{name[:-4]} {before.group(1) if before else '?'}")
print(f"bench/run-all.sh, size {size}, commit {commit}, {os.cpu_count()} cores")
print("load average (1/5/15 min) before each: " + "; ".join(loads))
print()
print("| path | figure | limit (same run) | ratio | target | |")
print("|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
