#!/usr/bin/env python3
"""Trims the Yandex Market Partner API OpenAPI document to the operations this crate implements.

Source: repository `yandex-market/yandex-market-partner-api`, folder `openapi/` (bundled into one
file, `openapi.bundled.yaml`), commit 1318e9b848591f069059eeebf777f1f5bb439743 (2026-07-17).
The source is Copyright (c) 2023, Yandex Market LLC, under the BSD 3-Clause licence: the notice
applies to the trimmed copy too and is kept beside it as `LICENSE` (this script copies it).

Keeps, for each listed operation (by operationId): its path and method, parameters, request body,
every response (all status codes), tags (the delivery models it serves), the deprecated flag, and
the transitive closure of the components they reference (schemas, parameters, responses,
requestBodies, examples, headers). Keeps everything structural: types, formats, enums, required,
nullable, bounds, patterns, allOf/oneOf/anyOf, examples, defaults, deprecated flags.

Removes vendor prose: `description`, `summary`, `externalDocs`, `info.description`, and the
`x-*` extensions that carry no wire behaviour (`x-resource-id`, `x-allowed`, `x-apphost`,
`x-inline`, `x-auth-scopes`). Keeps the behavioural ones: `x-aliases` (other names the server
accepts for a query parameter), `x-transform` / `x-serialize-transform` (the server truncates a
too-large `limit`, trims ids, treats a value as a page token), `x-deprecation-config` (the
replacement of a deprecated operation). `x-resource-limit-config` (and `x-auth-scopes`) go to
`limits.trimmed.json` instead: the rows of the vendor's `limits.json` for the kept operations,
checked against the document's own extensions.

Output is deterministic: sorted keys, indent 1, UTF-8.

Usage: python3 trim.py [SPEC_DIR [OUT_DIR]]
  SPEC_DIR holds openapi.bundled.yaml, limits.json and LICENSE.openapi (default:
  $YANDEX_MARKET_SPEC_DIR, else ../shared/specs/yandex-market from the repository root,
  which is found from this script's own location); OUT_DIR defaults to the folder of this
  script.
"""
import json
import os
import shutil
import sys

import yaml

REPOSITORY = "yandex-market/yandex-market-partner-api"
COMMIT = "1318e9b848591f069059eeebf777f1f5bb439743"
DATE = "2026-07-17"

OPERATIONS = [
    # Campaigns (shops) and business (cabinet) settings
    "getCampaigns",
    "getCampaign",
    "getCampaignSettings",
    "getBusinessSettings",
    # Categories, offers and cards
    "getCategoriesTree",
    "getCategoryContentParameters",
    "getOfferMappings",
    "updateOfferMappings",
    "getOfferCardsContentStatus",
    "updateOfferContent",
    "addOffersToArchive",
    "deleteOffersFromArchive",
    "deleteOffers",
    # Prices and the price quarantine
    "updateBusinessPrices",
    "getDefaultPrices",
    "updatePrices",
    "getPricesByOfferIds",
    "getBusinessQuarantineOffers",
    "confirmBusinessPrices",
    "getCampaignQuarantineOffers",
    "confirmCampaignPrices",
    # Stocks
    "updateStocks",
    "getStocks",
    # Warehouses
    "getPagedWarehouses",
    "getFulfillmentWarehouses",
    # Orders
    "getBusinessOrders",
    "updateOrderStatus",
    "updateOrderStatuses",
    "setOrderBoxLayout",
    "updateOrderItems",
    "provideOrderItemIdentifiers",
    "acceptOrderCancellation",
    "setOrderDeliveryDate",
    "setOrderDeliveryTrackCode",
    "getOrderBuyerInfo",
    # Labels
    "generateOrderLabels",
    "generateOrderLabel",
    "getOrderLabelsData",
    # Returns
    "getReturns",
    "getReturn",
    "getReturnApplication",
    "submitReturnDecision",
    "getReturnAvailableDecisions",
]

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
PROSE = {"description", "summary", "externalDocs"}
EXTRA_SCHEMAS = ["ApiErrorCodeType"]

KEEP_X = {"x-aliases", "x-transform", "x-serialize-transform", "x-deprecation-config"}
# Values copied verbatim: they are data (a field of an example may well be called `description`).
VERBATIM = {"example", "default", "enum", "const"}
COMPONENT_KINDS = {"schemas", "parameters", "responses", "requestBodies", "examples", "headers"}


def strip(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if isinstance(k, str) and k.startswith("x-") and k not in KEEP_X:
                continue
            if k in PROSE and not isinstance(v, dict):
                continue
            if k == "externalDocs":
                continue
            if k in VERBATIM:
                out[k] = v
            elif k == "properties" and isinstance(v, dict):
                # Property names are data: `description` may be a field.
                out[k] = {name: strip(s) for name, s in v.items()}
            elif k == "examples" and isinstance(v, dict):
                out[k] = {name: strip_example(e) for name, e in v.items()}
            elif k == "examples":
                out[k] = v
            else:
                out[k] = strip(v)
        return out
    if isinstance(node, list):
        return [strip(x) for x in node]
    return node


def strip_example(e):
    """An Example Object: its prose goes, its `value` stays verbatim."""
    if not isinstance(e, dict):
        return e
    return {k: (v if k == "value" else strip(v)) for k, v in e.items() if k not in PROSE}


def refs(node, found):
    if isinstance(node, dict):
        r = node.get("$ref")
        if isinstance(r, str):
            found.add(r)
        for k, v in node.items():
            if k not in ("example", "value"):
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    # The repository root is two levels up from yandex-market-api/spec/; the shared specs
    # sit beside the repository.
    repo_root = os.path.dirname(os.path.dirname(here))
    default_src = os.path.join(repo_root, "..", "shared", "specs", "yandex-market")
    src_dir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "YANDEX_MARKET_SPEC_DIR", os.path.normpath(default_src)
    )
    out_dir = sys.argv[2] if len(sys.argv) > 2 else here
    with open(os.path.join(src_dir, "openapi.bundled.yaml"), encoding="utf-8") as f:
        src = yaml.safe_load(f)
    with open(os.path.join(src_dir, "limits.json"), encoding="utf-8") as f:
        limits = json.load(f)

    index = {}
    for path, item in src["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                index[op["operationId"]] = (method, path, item, op)

    paths = {}
    for op_id in OPERATIONS:
        if op_id not in index:
            sys.exit(f"operation {op_id} is not in the source document")
        method, path, item, op = index[op_id]
        if op.get("deprecated"):
            repl = op.get("x-deprecation-config", {}).get("replacement-operation-id")
            sys.exit(f"operation {op_id} is deprecated (replacement: {repl}); keep the replacement")
        o = dict(op)
        o["parameters"] = list(item.get("parameters", [])) + list(op.get("parameters", []))
        kept = strip(o)
        kept["operationId"] = op_id
        kept["deprecated"] = bool(op.get("deprecated", False))
        paths.setdefault(path, {})[method] = kept

    components = {}
    pending = set()
    refs(paths, pending)
    # Schemas kept although no kept operation names them: the typed error code list (the
    # client reads `errors[].code` as this tolerant enum).
    for name in EXTRA_SCHEMAS:
        pending.add(f"#/components/schemas/{name}")
    seen = set()
    while pending:
        r = pending.pop()
        if r in seen:
            continue
        seen.add(r)
        parts = r.split("/", 3)
        if len(parts) != 4 or parts[:2] != ["#", "components"] or parts[2] not in COMPONENT_KINDS:
            sys.exit(f"unsupported $ref {r}")
        kind, name = parts[2], parts[3]
        node = src["components"].get(kind, {}).get(name)
        if node is None:
            sys.exit(f"dangling $ref {r}")
        components.setdefault(kind, {})[name] = strip(node)
        refs(node, pending)
    components["securitySchemes"] = strip(src["components"].get("securitySchemes", {}))

    info = {k: v for k, v in src["info"].items() if k not in PROSE and not k.startswith("x-")}
    info["version"] = str(info.get("version"))
    out = {
        "openapi": src.get("openapi"),
        "info": info,
        "servers": strip(src.get("servers", [])),
        "security": src.get("security", []),
        "x-source": {
            "repository": REPOSITORY,
            "path": "openapi/ (bundled: openapi.bundled.yaml)",
            "commit": COMMIT,
            "date": DATE,
            "publisher": "Yandex Market (yandex.ru/dev/market/partner-api)",
            "license": "BSD-3-Clause, Copyright (c) 2023, Yandex Market LLC; see LICENSE",
        },
        "paths": paths,
        "components": components,
    }

    # limits.json rows of the kept operations, in the order above, checked against the document.
    rows = {row["operationId"]: row for row in limits["operations"]}
    kept_rows = []
    for op_id in OPERATIONS:
        method, path, _, op = index[op_id]
        row = rows.get(op_id)
        if row is None:
            sys.exit(f"limits.json has no row for {op_id}")
        if (row["method"], row["path"]) != (method.upper(), path):
            sys.exit(f"limits.json: {op_id} is {row['method']} {row['path']}, the spec says {method.upper()} {path}")
        if row.get("resourceLimit") != op.get("x-resource-limit-config"):
            sys.exit(f"limits.json: {op_id} resourceLimit differs from x-resource-limit-config")
        kept_rows.append(row)
    limits_out = {k: v for k, v in limits.items() if k != "operations"}
    limits_out["operations"] = kept_rows

    def write(name, doc):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")

    write("openapi.trimmed.json", out)
    write("limits.trimmed.json", limits_out)
    shutil.copyfile(os.path.join(src_dir, "LICENSE.openapi"), os.path.join(out_dir, "LICENSE"))
    n_ops = sum(len(v) for v in paths.values())
    counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(components.items()))
    print(f"{n_ops} operations, {len(paths)} paths; components: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
