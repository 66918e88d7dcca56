import sys, re, collections
# usage: perf script -i X | python3 perfagg.py [filter-substring] [pattern]
filt = sys.argv[1] if len(sys.argv) > 1 else ""
pat = re.compile(sys.argv[2]) if len(sys.argv) > 2 else re.compile(r"recirc::|sqlite3|fdatasync|pwrite|Xapian|sodium|crypto|json")
total = 0; matched = 0
inc = collections.Counter(); selfc = collections.Counter()
stack = []
def flush():
    global total, matched
    if not stack: return
    total += 1
    s = "\n".join(stack)
    if filt and filt not in s: return
    matched += 1
    seen = set()
    for i, fr in enumerate(stack):
        m = re.match(r"\s*[0-9a-f]+ (.+?)(\+0x[0-9a-f]+)? \(", fr)
        if not m: continue
        name = m.group(1)
        name = re.sub(r"\(.*", "", name)[:110]
        if i == 0: selfc[name] += 1
        if pat.search(name) and name not in seen:
            seen.add(name); inc[name] += 1
for line in sys.stdin:
    if line.strip() == "":
        flush(); stack = []
    elif line.startswith((" ", "\t")):
        stack.append(line.rstrip())
flush()
print(f"samples {total}, matching filter {matched}")
for n, c in inc.most_common(45): print(f"{100*c/max(total,1):6.1f}%  {n}")
print("--- self")
for n, c in selfc.most_common(15): print(f"{100*c/max(total,1):6.1f}%  {n}")
