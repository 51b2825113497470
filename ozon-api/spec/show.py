#!/usr/bin/env python3
"""Prints an operation of the trimmed snapshot as a compact schema tree (a model-writing aid).

Usage: python3 show.py /v2/products/stocks [--examples]
"""
import json
import os
import sys

DOC = json.load(open(os.path.join(os.path.dirname(__file__), "ozon-seller-api.trimmed.json"), encoding="utf-8"))
SCHEMAS = DOC["components"]["schemas"]


def resolve(s):
    seen = []
    while isinstance(s, dict) and "$ref" in s:
        name = s["$ref"].split("/")[-1]
        seen.append(name)
        s = SCHEMAS[name]
    return s, seen


def show(s, indent, stack):
    s, names = resolve(s)
    pad = "  " * indent
    tag = f" <{names[-1]}>" if names else ""
    if names and names[-1] in stack:
        print(f"{pad}(recursive {names[-1]})")
        return
    stack = stack + names
    for key in ("allOf", "oneOf", "anyOf"):
        if key in s:
            print(f"{pad}{key}{tag}:")
            for sub in s[key]:
                show(sub, indent + 1, stack)
            return
    t = s.get("type", "object" if "properties" in s else "?")
    if t == "object" or "properties" in s:
        req = set(s.get("required", []))
        print(f"{pad}object{tag}")
        for name, sub in s.get("properties", {}).items():
            r, n2 = resolve(sub)
            rt = r.get("type", "object" if "properties" in r else "?")
            extra = []
            if "format" in r:
                extra.append(r["format"])
            if "enum" in r:
                extra.append("enum " + "|".join(map(str, r["enum"])))
            if "default" in r:
                extra.append(f"default={r['default']}")
            if "maximum" in r or "maxItems" in r or "minimum" in r:
                extra.append(f"min={r.get('minimum')} max={r.get('maximum', r.get('maxItems'))}")
            star = "*" if name in req else ""
            print(f"{pad}  {name}{star}: {rt}{' <'+n2[-1]+'>' if n2 else ''} {' '.join(extra)}")
            if rt == "object" or "properties" in r or "allOf" in r:
                if r.get("properties") or "allOf" in r:
                    show(sub, indent + 2, stack)
                elif "additionalProperties" in r:
                    print(f"{pad}    map of:")
                    show(r["additionalProperties"], indent + 3, stack)
            elif rt == "array":
                it, n3 = resolve(r.get("items", {}))
                if it.get("properties") or "allOf" in it:
                    show(r["items"], indent + 2, stack)
                else:
                    print(f"{pad}    items: {it.get('type')} {it.get('format', '')} {'enum ' + '|'.join(map(str, it['enum'])) if 'enum' in it else ''}")
    elif t == "array":
        print(f"{pad}array{tag} of:")
        show(s.get("items", {}), indent + 1, stack)
    else:
        print(f"{pad}{t}{tag} {s.get('format', '')} {s.get('enum', '')}")


def main():
    path = sys.argv[1]
    for method, op in DOC["paths"][path].items():
        print(f"{method.upper()} {path}  ({op.get('operationId')}{', DEPRECATED' if op.get('deprecated') else ''})")
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        if body:
            print("REQUEST:")
            show(body.get("schema", {}), 1, [])
            if "--examples" in sys.argv and "example" in body:
                print(json.dumps(body["example"], ensure_ascii=False, indent=1)[:3000])
        for code, resp in op.get("responses", {}).items():
            content = resp.get("content", {})
            for ctype, c in content.items():
                if code != "200" and "rpcStatus" in json.dumps(c.get("schema", {})):
                    continue
                print(f"RESPONSE {code} {ctype}:")
                show(c.get("schema", {}), 1, [])
                if "--examples" in sys.argv and "example" in c:
                    print(json.dumps(c["example"], ensure_ascii=False, indent=1)[:3000])


main()
