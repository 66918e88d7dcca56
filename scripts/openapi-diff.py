#!/usr/bin/env python3
"""Compares two OpenAPI documents (an older and a newer one, e.g. the document served before and
after a change) and lists: operations present in one only, x-permission and security
differences, parameters (path, query, header) lost or changed, request/response schema
differences per operation, answers (every status, $refs to shared responses resolved) lost or
changed, and per component schema the fields present in one only, the fields whose schema
differs and the required lists that differ.

  scripts/openapi-diff.py OLD.json NEW.json
  (git show main:src/api/openapi.json > old.json;
   RECIRC_OPENAPI_OUT=new.json build/debug/tests/recirc_integration_tests \
     --gtest_filter=OpenApiGeneratedTest.*)
"""
import json
import sys

METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def operations(doc):
    ops = {}
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in METHODS:
                ops[f"{method.upper()} {path}"] = op
    return ops


def body_schema(op):
    return op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")


def answer_schemas(op):
    out = {}
    for status, r in op.get("responses", {}).items():
        if status.startswith("2"):
            out[status] = r.get("content", {}).get("application/json", {}).get("schema")
    return out


def parameters(doc, op):
    out = {}
    for p in op.get("parameters", []):
        if "$ref" in p:
            p = doc.get("components", {}).get("parameters", {}).get(p["$ref"].split("/")[-1], p)
        out[f"{p.get('in')} {p.get('name')}"] = p
    return out


def answers(doc, op):
    out = {}
    for status, r in op.get("responses", {}).items():
        if "$ref" in r:
            r = doc.get("components", {}).get("responses", {}).get(r["$ref"].split("/")[-1], r)
        out[status] = r
    return out


def lost(old, new, path=""):
    """What the old schema says that the new one does not (additions in new are not losses).
    A type that became nullable (["string", "null"]) keeps the old type."""
    out = []
    if isinstance(old, dict) and isinstance(new, dict):
        for k, v in old.items():
            if k not in new:
                out.append(f"{path}/{k} missing")
            else:
                out += lost(v, new[k], f"{path}/{k}")
    elif isinstance(old, list) and isinstance(new, list) and path.endswith("required"):
        missing = [x for x in old if x not in new]
        if missing:
            out.append(f"{path} no longer requires {missing}")
    elif path.endswith("/type") and isinstance(new, list) and old in new:
        pass
    elif old != new:
        out.append(f"{path}: {json.dumps(old)[:80]} -> {json.dumps(new)[:80]}")
    return out


def main(old_path, new_path):
    old, new = json.load(open(old_path)), json.load(open(new_path))
    old_ops, new_ops = operations(old), operations(new)
    lines = []
    only_old = sorted(set(old_ops) - set(new_ops))
    only_new = sorted(set(new_ops) - set(old_ops))
    lines.append(f"operations: old {len(old_ops)}, new {len(new_ops)}; "
                 f"only in old {len(only_old)}, only in new {len(only_new)}")
    lines += [f"  only in old: {k}" for k in only_old] + [f"  only in new: {k}" for k in only_new]
    perm, sec, body, answer, summary, params, others = [], [], [], [], [], [], []
    for key in sorted(set(old_ops) & set(new_ops)):
        o, n = old_ops[key], new_ops[key]
        if o.get("x-permission") != n.get("x-permission"):
            perm.append(f"  {key}: {o.get('x-permission')} -> {n.get('x-permission')}")
        if o.get("security") != n.get("security"):
            sec.append(f"  {key}: {o.get('security')} -> {n.get('security')}")
        if body_schema(o) != body_schema(n):
            body.append(f"  {key}: " + ("; ".join(lost(body_schema(o), body_schema(n))) or
                                        "only additions (type, required, nullable)"))
        if answer_schemas(o) != answer_schemas(n):
            answer.append(f"  {key}: " + ("; ".join(lost(answer_schemas(o), answer_schemas(n)))
                                          or "only additions (type, required, nullable)"))
        if o.get("summary") != n.get("summary"):
            summary.append(f"  {key}")
        op_, np_ = parameters(old, o), parameters(new, n)
        for name in sorted(op_):
            if name not in np_:
                params.append(f"  {key}: {name} missing")
            elif lost(op_[name], np_[name]):
                params.append(f"  {key}: {name}: " + "; ".join(lost(op_[name], np_[name])))
        oa, na = answers(old, o), answers(new, n)
        for status in sorted(oa):
            if status not in na:
                others.append(f"  {key}: {status} missing")
            elif lost(oa[status], na[status]):
                others.append(f"  {key}: {status}: " + "; ".join(lost(oa[status], na[status])))
        if "requestBody" in o and lost(o["requestBody"], n.get("requestBody", {})):
            body.append(f"  {key}: body: " + "; ".join(lost(o["requestBody"],
                                                           n.get("requestBody", {}))))
        if "description" in o and o["description"] != n.get("description"):
            summary.append(f"  {key}: description lost")
    for title, items in (("x-permission differences", perm), ("security differences", sec),
                         ("request body schema differences", body),
                         ("success answer schema differences", answer),
                         ("summary differences", summary),
                         ("parameters lost or changed", params),
                         ("answers lost or changed (any status; description, content)", others)):
        lines.append(f"{title}: {len(items)}")
        lines += items
    old_s = old.get("components", {}).get("schemas", {})
    new_s = new.get("components", {}).get("schemas", {})
    lines.append(f"component schemas: old {len(old_s)}, new {len(new_s)}; "
                 f"only in old {sorted(set(old_s) - set(new_s))}, "
                 f"only in new {sorted(set(new_s) - set(old_s))}")
    changed = 0
    for name in sorted(set(old_s) & set(new_s)):
        o, n = old_s[name], new_s[name]
        if o == n:
            continue
        changed += 1
        op_, np_ = o.get("properties", {}), n.get("properties", {})
        diff = []
        if set(op_) - set(np_):
            diff.append(f"fields only in old {sorted(set(op_) - set(np_))}")
        if set(np_) - set(op_):
            diff.append(f"fields only in new {sorted(set(np_) - set(op_))}")
        differing = [f for f in sorted(set(op_) & set(np_)) if op_[f] != np_[f]]
        if differing:
            diff.append(f"field schemas differ {differing}")
        if sorted(o.get("required", [])) != sorted(n.get("required", [])):
            diff.append(f"required {o.get('required', [])} -> {n.get('required', [])}")
        rest = sorted(k for k in set(o) | set(n)
                      if k not in ("properties", "required") and o.get(k) != n.get(k))
        if rest:
            diff.append(f"other keys differ {rest}")
        losses = lost(o, n)
        lines.append(f"  schema {name}: " + "; ".join(diff) +
                     (f" | LOST: {'; '.join(losses)}" if losses else " | only additions"))
    lines.append(f"component schemas that differ: {changed}")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
