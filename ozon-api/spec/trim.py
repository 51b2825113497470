#!/usr/bin/env python3
"""Trims Ozon's Seller API OpenAPI document to the operations this crate implements.

Keeps, for each listed operation, its path, method, request/response schemas and examples,
and every schema they reference (transitively). Removes vendor prose: `description`,
`summary`, `title`, `x-*` extensions, tags. Normalises the document's two quirks so strict
tools can read it: `info.version` becomes a string, and `required: true` on a property (not
a list) is moved into the parent's `required` list.

Usage: python3 trim.py SOURCE.json > ozon-seller-api.trimmed.json
"""
import json
import sys

OPERATIONS = [
    # Categories and attributes
    "/v1/description-category/tree",
    "/v1/description-category/attribute",
    "/v1/description-category/attribute/values",
    "/v1/description-category/attribute/values/search",
    # Products
    "/v3/product/list",
    "/v3/product/info/list",
    "/v3/product/import",
    "/v1/product/import/info",
    "/v1/product/attributes/update",
    "/v1/product/pictures/import",
    "/v1/product/archive",
    "/v1/product/unarchive",
    "/v2/products/delete",
    "/v4/product/info/limit",
    # Prices
    "/v1/product/import/prices",
    "/v5/product/info/prices",
    # Stocks
    "/v2/products/stocks",
    "/v4/product/info/stocks",
    "/v1/product/info/stocks-by-warehouse/fbs",
    "/v2/analytics/stock_on_warehouses",
    # Warehouses
    "/v1/warehouse/list",
    "/v1/delivery-method/list",
    # FBS postings
    "/v3/posting/fbs/list",
    "/v3/posting/fbs/unfulfilled/list",
    "/v3/posting/fbs/get",
    "/v4/posting/fbs/ship",
    "/v4/posting/fbs/ship/package",
    "/v2/posting/fbs/cancel",
    "/v2/posting/fbs/cancel-reason/list",
    "/v1/posting/fbs/cancel-reason",
    "/v2/posting/fbs/awaiting-delivery",
    "/v2/fbs/posting/delivering",
    "/v2/fbs/posting/last-mile",
    "/v2/fbs/posting/delivered",
    "/v2/fbs/posting/sent-by-seller",
    "/v2/fbs/posting/tracking-number/set",
    # FBO postings
    "/v2/posting/fbo/list",
    "/v2/posting/fbo/get",
    # Labels
    "/v2/posting/fbs/package-label",
    "/v2/posting/fbs/package-label/create",
    "/v1/posting/fbs/package-label/get",
    # Returns
    "/v1/returns/list",
]

PROSE = {"description", "summary", "title", "tags", "externalDocs"}


def strip(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in PROSE and not isinstance(v, dict) or k.startswith("x-"):
                continue
            if k == "properties" and isinstance(v, dict):
                props = {}
                required = list(node.get("required", [])) if isinstance(node.get("required"), list) else []
                for name, schema in v.items():
                    if isinstance(schema, dict) and schema.get("required") is True:
                        required.append(name)
                        schema = {kk: vv for kk, vv in schema.items() if kk != "required"}
                    props[name] = strip(schema)
                out["properties"] = props
                if required:
                    out["required"] = sorted(set(required))
                continue
            if k == "required" and not isinstance(v, list):
                continue
            if k == "required" and "properties" in node:
                continue  # merged above
            out[k] = strip(v)
        return out
    if isinstance(node, list):
        return [strip(x) for x in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        r = node.get("$ref")
        if isinstance(r, str):
            found.add(r)
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def main():
    src = json.load(open(sys.argv[1], encoding="utf-8"))
    paths = {}
    for p in OPERATIONS:
        if p not in src["paths"]:
            sys.exit(f"operation {p} not in the source document")
        item = {}
        for method, op in src["paths"][p].items():
            op = dict(op)
            op.pop("parameters", None)  # Client-Id / Api-Key headers, kept in `security` below
            item[method] = strip(op)
            item[method]["operationId"] = op.get("operationId")
            item[method]["deprecated"] = bool(op.get("deprecated", False))
        paths[p] = item
    components = {"schemas": {}, "parameters": strip(src["components"].get("parameters", {}))}
    pending = set()
    refs(paths, pending)
    seen = set()
    while pending:
        r = pending.pop()
        if r in seen:
            continue
        seen.add(r)
        parts = r.split("/")
        if parts[:3] != ["#", "components", "schemas"]:
            continue
        name = parts[3]
        schema = src["components"]["schemas"][name]
        components["schemas"][name] = strip(schema)
        refs(schema, pending)
    out = {
        "openapi": src.get("openapi"),
        "info": {"version": str(src["info"]["version"])},
        "servers": src.get("servers"),
        "x-source": {
            "repository": "salacoste/ozon-daytona-seller-api",
            "file": "ozon-swagger-docs/swagger.json",
            "commit": "e09ec01d0735494dc303d729d72799bfb4b61ae7",
            "date": "2025-09-03",
            "publisher": "Ozon (docs.ozon.ru/api/seller)",
        },
        "x-auth-headers": ["Client-Id", "Api-Key"],
        "paths": paths,
        "components": components,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
