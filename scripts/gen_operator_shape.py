#!/usr/bin/env python3
"""Writes schemas/operator-crd.json: the `spec` of the operator's FlinkDeployment and FlinkSessionJob
CRDs as JSON Schema draft-07, for `flinklint schema` (cli/json_schema_kinds.cpp).

Read from the CRDs of apache/flink-kubernetes-operator (helm/flink-kubernetes-operator/crds/, the
release named in docs/catalogs.md). Kept: every `spec` field with its type and enum. Changed so that
the result is strict JSON Schema an editor can use: the Pod templates (the whole Kubernetes Pod
schema, half a megabyte) become open objects, `format` and `x-kubernetes-*` keywords go, objects
refuse unknown fields (kubectl's strict field validation does the same), and `flinkConfiguration`
becomes `{"$ref": "#/definitions/flinkConfiguration"}`, which the generator fills from the catalog.

Needs PyYAML (Debian: python3-yaml).
Usage: scripts/gen_operator_shape.py [--crds DIR] [--out FILE]
"""
import argparse
import json
import pathlib
import sys

import yaml

KINDS = {
    "FlinkDeployment": "flinkdeployments.flink.apache.org-v1.yml",
    "FlinkSessionJob": "flinksessionjobs.flink.apache.org-v1.yml",
}
KEPT = ("type", "enum", "items", "properties", "additionalProperties", "description", "required")


def convert(node, path):
    if path.endswith("podTemplate"):
        return {"type": "object", "description": "A Kubernetes Pod (the operator merges it into the pods it creates)"}
    if path.endswith("/flinkConfiguration"):
        return {"$ref": "#/definitions/flinkConfiguration"}
    if node.get("x-kubernetes-preserve-unknown-fields") and "properties" not in node:
        return {"type": "object"} if node.get("type") == "object" else {}
    out = {}
    for key in KEPT:
        if key not in node:
            continue
        value = node[key]
        if key == "properties":
            value = {name: convert(child, f"{path}/{name}") for name, child in sorted(value.items())}
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            value = convert(value, f"{path}/{key}")
        out[key] = value
    if out.get("type") == "object" and "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def main():
    repo = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser()
    parser.add_argument("--crds", default=repo.parent / "shared/reference/k8s-operator/crds", type=pathlib.Path)
    parser.add_argument("--out", default=repo / "schemas/operator-crd.json", type=pathlib.Path)
    args = parser.parse_args()
    shapes = {}
    for kind, file in KINDS.items():
        crd = yaml.safe_load((args.crds / file).read_text(encoding="utf-8"))
        version = next(v for v in crd["spec"]["versions"] if v.get("served"))
        spec = version["schema"]["openAPIV3Schema"]["properties"]["spec"]
        shapes[kind] = {"apiVersion": f"{crd['spec']['group']}/{version['name']}", "spec": convert(spec, "spec")}
    args.out.write_text(json.dumps(shapes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
