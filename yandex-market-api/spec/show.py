#!/usr/bin/env python3
"""Prints an operation of the trimmed Yandex Market snapshot as a compact schema tree, with its
`$ref`s resolved and its rate limit from limits.trimmed.json (a model-writing aid).

The snapshot is a trimmed copy of yandex-market/yandex-market-partner-api (BSD 3-Clause,
Copyright (c) 2023, Yandex Market LLC; see LICENSE).

Usage:
  python3 show.py getBusinessOrders [--examples]
  python3 show.py "PUT /v2/campaigns/{campaignId}/offers/stocks" [--examples]
  python3 show.py --list
  python3 show.py --schema OrderStatusType

Legend: `name*` is required; `?` is nullable; `DEPRECATED` marks deprecated fields.
"""
import json
import os
import signal
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` is fine

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = json.load(open(os.path.join(HERE, "openapi.trimmed.json"), encoding="utf-8"))
LIMITS = json.load(open(os.path.join(HERE, "limits.trimmed.json"), encoding="utf-8"))
COMPONENTS = DOC["components"]
EXAMPLES = "--examples" in sys.argv


def resolve(s):
    names = []
    while isinstance(s, dict) and "$ref" in s:
        _, _, kind, name = s["$ref"].split("/", 3)
        names.append(name)
        s = COMPONENTS.get(kind, {}).get(name, {})
    return s, names


def operations():
    for path, item in sorted(DOC["paths"].items()):
        for method, op in sorted(item.items()):
            yield method, path, op


def find(name):
    if " " in name:
        method, path = name.split(" ", 1)
        op = DOC["paths"].get(path, {}).get(method.lower())
        if op:
            return method.lower(), path, op
    for method, path, op in operations():
        if op.get("operationId") == name:
            return method, path, op
    sys.exit(f"{name}: no such operation in the snapshot (try --list)")


def facts(s):
    out = []
    if "format" in s:
        out.append(s["format"])
    if s.get("nullable"):
        out.append("?")
    if "enum" in s:
        out.append("enum " + "|".join(map(str, s["enum"])))
    if "default" in s:
        out.append(f"default={json.dumps(s['default'], ensure_ascii=False)}")
    for key in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength",
                "maxLength", "minItems", "maxItems", "pattern"):
        if key in s:
            out.append(f"{key}={s[key]}")
    if s.get("uniqueItems"):
        out.append("unique")
    if s.get("deprecated"):
        out.append("DEPRECATED")
    if EXAMPLES and "example" in s:
        out.append("e.g. " + json.dumps(s["example"], ensure_ascii=False)[:200])
    return out


def kind(s):
    if "allOf" in s or "oneOf" in s or "anyOf" in s:
        return "|".join(k for k in ("allOf", "oneOf", "anyOf") if k in s)
    return s.get("type", "object" if "properties" in s else ("array" if "items" in s else "any"))


def merged(s, stack):
    """An allOf flattened into one object view: properties, required, facts."""
    props, required, extra = {}, set(), {}
    for sub in s.get("allOf", []):
        r, names = resolve(sub)
        if "allOf" in r:
            p2, r2, e2 = merged(r, stack + names)
            props.update(p2)
            required |= r2
            extra.update(e2)
        else:
            props.update(r.get("properties", {}))
            required |= set(r.get("required", []))
            extra.update({k: v for k, v in r.items() if k not in ("properties", "required")})
    props.update(s.get("properties", {}))
    required |= set(s.get("required", []))
    extra.update({k: v for k, v in s.items() if k not in ("allOf", "properties", "required")})
    return props, required, extra


def show(schema, indent, stack, label=""):
    s, names = resolve(schema)
    if isinstance(schema, dict) and "$ref" in schema and len(schema) > 1:
        # Siblings of a $ref (`deprecated`, `nullable`): the vendor means them.
        s = dict(s, **{k: v for k, v in schema.items() if k != "$ref"})
    pad = "  " * indent
    tag = f" <{names[-1]}>" if names else ""
    if names and names[-1] in stack:
        print(f"{pad}{label}(recursive{tag})")
        return
    stack = stack + names
    if "oneOf" in s or "anyOf" in s:
        key = "oneOf" if "oneOf" in s else "anyOf"
        print(f"{pad}{label}{key}{tag} {' '.join(facts(s))}".rstrip())
        for sub in s[key]:
            show(sub, indent + 1, stack, "- ")
        return
    if "allOf" in s:
        if len(s["allOf"]) == 1 and "properties" not in s:
            inner, inner_names = resolve(s["allOf"][0])
            if "properties" not in inner and "allOf" not in inner:
                # A wrapped scalar or enum (allOf used to attach a description).
                label_tag = f"{tag} = <{inner_names[-1]}>" if inner_names else tag
                print(f"{pad}{label}{kind(inner)}{label_tag} {' '.join(facts(s) + facts(inner))}".rstrip())
                return
        props, required, extra = merged(s, stack)
        s = dict(extra, properties=props, required=sorted(required), type="object")
    t = kind(s)
    print(f"{pad}{label}{t}{tag} {' '.join(facts(s))}".rstrip())
    if t == "object":
        req = set(s.get("required", []))
        for name, sub in s.get("properties", {}).items():
            star = "*" if name in req else ""
            show(sub, indent + 1, stack, f"{name}{star}: ")
        ap = s.get("additionalProperties")
        if isinstance(ap, dict):
            show(ap, indent + 1, stack, "{key}: ")
    elif t == "array":
        show(s.get("items", {}), indent + 1, stack, "[]: ")


def show_body(title, content):
    for ctype, media in content.items():
        print(f"{title} {ctype}:")
        if "schema" in media:
            show(media["schema"], 1, [])
        if EXAMPLES:
            if "example" in media:
                print("  example: " + json.dumps(media["example"], ensure_ascii=False, indent=1)[:4000])
            for name, e in media.get("examples", {}).items():
                e, _ = resolve(e)
                print(f"  example {name}: " + json.dumps(e.get("value"), ensure_ascii=False, indent=1)[:4000])


def limits_line(op_id):
    for row in LIMITS["operations"]:
        if row["operationId"] != op_id:
            continue
        rl = row.get("resourceLimit", {})
        tiers = ", ".join(
            f"{t}: {rl[t]['amount']}/{rl[t].get('period-duration', 1)} {rl[t]['period']}"
            for t in ("none", "medium") if t in rl
        )
        line = f"LIMITS: counts {rl.get('path')}; {tiers}"
        if "parallel-limit-value" in rl:
            line += f"; parallel {rl['parallel-limit-value']}"
        if row.get("paging"):
            line += "; paging " + json.dumps(row["paging"], ensure_ascii=False)
        if row.get("bodyArrayLimits"):
            line += "; body arrays " + json.dumps(row["bodyArrayLimits"], ensure_ascii=False)
        return line
    return "LIMITS: (no row)"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--list" in sys.argv:
        for method, path, op in operations():
            dep = "  DEPRECATED" if op.get("deprecated") else ""
            print(f"{op.get('operationId'):32} {method.upper():6} {path}{dep}")
        return
    if "--schema" in sys.argv:
        for name in args:
            show({"$ref": f"#/components/schemas/{name}"}, 0, [])
        return
    if not args:
        sys.exit(__doc__)
    method, path, op = find(args[0])
    dep = ", DEPRECATED" if op.get("deprecated") else ""
    print(f"{method.upper()} {path}  ({op.get('operationId')}{dep}) tags: {', '.join(op.get('tags', []))}")
    print(limits_line(op.get("operationId")))
    for p in op.get("parameters", []):
        r, names = resolve(p)
        s, _ = resolve(r.get("schema", {}))
        star = "*" if r.get("required") else ""
        extra = []
        for k in ("x-aliases", "x-transform"):
            if k in r:
                extra.append(f"{k}={json.dumps(r[k])}")
        items = ""
        if s.get("type") == "array":
            it, _ = resolve(s.get("items", {}))
            items = f" of {kind(it)} {' '.join(facts(it))}"
        print(f"PARAM {r.get('in')} {r.get('name')}{star}: {kind(s)}{items} {' '.join(facts(s) + extra)}".rstrip())
    body, _ = resolve(op.get("requestBody", {}))
    if body:
        req = " (required)" if body.get("required") else ""
        show_body(f"REQUEST{req}", body.get("content", {}))
    for code, resp in sorted(op.get("responses", {}).items()):
        r, names = resolve(resp)
        if code != "200" and not EXAMPLES:
            schema = next(iter(r.get("content", {}).values()), {}).get("schema", {})
            _, sn = resolve(schema)
            print(f"RESPONSE {code}: {'<' + names[-1] + '> ' if names else ''}{sn[-1] if sn else ''}")
            continue
        if not r.get("content"):
            print(f"RESPONSE {code}: (no body)")
            continue
        show_body(f"RESPONSE {code}", r["content"])


if __name__ == "__main__":
    main()
