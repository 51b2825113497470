#!/usr/bin/env python3
"""Trims WB's OpenAPI files (one per API section) to the operations this crate implements.

For each source file, keeps the listed operations (method, path, servers, parameters, request
and response schemas and examples) and every component they reference, transitively. Removes
vendor prose (`description`, `summary`, `title`, tags, `x-*` but `x-source`). Writes one trimmed
JSON file per source file.

Usage: python3 trim.py SPEC_DIR OUT_DIR
"""
import json
import os
import sys

import yaml

OPERATIONS = {
    "02-products.yaml": [
        "GET /content/v2/object/parent/all",
        "GET /content/v2/object/all",
        "GET /content/v2/object/charcs/{subjectId}",
        "GET /content/v2/directory/colors",
        "GET /content/v2/directory/kinds",
        "GET /content/v2/directory/countries",
        "GET /content/v2/directory/seasons",
        "GET /content/v2/directory/vat",
        "GET /content/v2/directory/tnved",
        "POST /content/v2/get/cards/list",
        "POST /content/v2/cards/error/list",
        "POST /content/v2/cards/update",
        "POST /content/v2/cards/upload",
        "POST /content/v2/cards/upload/add",
        "POST /content/v2/barcodes",
        "POST /content/v3/media/save",
        "POST /content/v2/cards/delete/trash",
        "POST /content/v2/cards/recover",
        "GET /content/v2/cards/limits",
        "POST /api/v2/upload/task",
        "POST /api/v2/upload/task/size",
        "GET /api/v2/history/tasks",
        "GET /api/v2/history/goods/task",
        "GET /api/v2/buffer/tasks",
        "GET /api/v2/buffer/goods/task",
        "GET /api/v2/list/goods/filter",
        "POST /api/v2/list/goods/filter",
        "GET /api/v2/list/goods/size/nm",
        "GET /api/v2/quarantine/goods",
        "PUT /api/v3/stocks/{warehouseId}",
        "DELETE /api/v3/stocks/{warehouseId}",
        "POST /api/v3/stocks/{warehouseId}",
        "GET /api/v3/offices",
        "GET /api/v3/warehouses",
        "POST /api/v3/warehouses",
        "PUT /api/v3/warehouses/{warehouseId}",
        "DELETE /api/v3/warehouses/{warehouseId}",
    ],
    "03-orders-fbs.yaml": [
        "GET /api/v3/orders/new",
        "GET /api/v3/orders",
        "POST /api/v3/orders/status",
        "GET /api/v3/supplies/orders/reshipment",
        "PATCH /api/v3/orders/{orderId}/cancel",
        "POST /api/v3/orders/stickers",
        "POST /api/marketplace/v3/orders/meta",
        "DELETE /api/v3/orders/{orderId}/meta",
        "PUT /api/v3/orders/{orderId}/meta/sgtin",
        "PUT /api/v3/orders/{orderId}/meta/uin",
        "PUT /api/v3/orders/{orderId}/meta/imei",
        "PUT /api/v3/orders/{orderId}/meta/gtin",
        "PUT /api/v3/orders/{orderId}/meta/expiration",
        "POST /api/v3/supplies",
        "GET /api/v3/supplies",
        "PATCH /api/marketplace/v3/supplies/{supplyId}/orders",
        "GET /api/v3/supplies/{supplyId}",
        "DELETE /api/v3/supplies/{supplyId}",
        "GET /api/marketplace/v3/supplies/{supplyId}/order-ids",
        "PATCH /api/v3/supplies/{supplyId}/deliver",
        "GET /api/v3/supplies/{supplyId}/barcode",
    ],
    "09-communications.yaml": [
        "GET /api/v1/claims",
        "PATCH /api/v1/claim",
    ],
    "12-reports.yaml": [
        "GET /api/v1/supplier/stocks",
        "GET /api/v1/supplier/orders",
        "GET /api/v1/supplier/sales",
    ],
}

PROSE = {"description", "summary", "title", "tags", "externalDocs"}


def strip(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if (k in PROSE and not isinstance(v, dict)) or (isinstance(k, str) and k.startswith("x-")):
                continue
            if k == "properties" and isinstance(v, dict):
                out[k] = {name: strip(s) for name, s in v.items()}
                continue
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
    src_dir, out_dir = sys.argv[1], sys.argv[2]
    for fname, ops in OPERATIONS.items():
        src = yaml.safe_load(open(os.path.join(src_dir, fname), encoding="utf-8"))
        paths = {}
        for op in ops:
            method, path = op.split(" ", 1)
            item = src["paths"].get(path)
            if not item or method.lower() not in item:
                sys.exit(f"{fname}: {op} not in the source")
            o = dict(item[method.lower()])
            if "servers" not in o and "servers" in item:
                o["servers"] = item["servers"]
            params = list(item.get("parameters", [])) + list(o.get("parameters", []))
            o["parameters"] = params
            kept = strip(o)
            kept["operationId"] = o.get("operationId")
            kept["deprecated"] = bool(o.get("deprecated", False))
            paths.setdefault(path, {})[method.lower()] = kept
        components = {}
        pending = set()
        refs(paths, pending)
        seen = set()
        while pending:
            r = pending.pop()
            if r in seen or not r.startswith("#/components/"):
                continue
            seen.add(r)
            _, _, kind, name = r.split("/", 3)
            node = src["components"][kind][name]
            components.setdefault(kind, {})[name] = strip(node)
            refs(node, pending)
        out = {
            "openapi": src.get("openapi"),
            "info": {"version": str(src["info"].get("version"))},
            "x-source": {
                "repository": "eslazarev/wildberries-sdk",
                "file": f"specs/{fname}",
                "commit": "aa340396efa5bdb5ca8f5e8b4944dd15625c8cb4",
                "date": "2025-12-27",
                "publisher": "Wildberries (dev.wildberries.ru/openapi)",
            },
            "paths": paths,
            "components": components,
        }
        name = fname.replace(".yaml", ".trimmed.json")
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True, default=str)
            f.write("\n")


if __name__ == "__main__":
    main()
