#!/usr/bin/env python3
"""Turns the measured tables of the memory-layout spec (section 11 of
cpython-memory-layout.md) into probe-protocol records, so golden_check can
hold the model to them for the versions and ABIs with no interpreter here
(3.14, 32-bit, i386).

Usage: extract-spec-tables.py SPEC.md OUTDIR
writes OUTDIR/spec-3.X-lp64.probe and OUTDIR/spec-3.X-32bit.probe (ilp32 and i386)

Column mapping (the spec's notes above its tables):
  regular obj / regular __dict__ / owned "regular"   -> regular, regular-external, dataclass
  owned "regular after obj.__dict__"                 -> regular-dict
  3.14 "static ; dynamic" cells: static -> regular, regular-dict;
                                  dynamic -> regular-external, dataclass
  slots -> slots, dataclass-slots; slots+wr -> slots-weakref, dataclass-slots-weakref
  namedtuple -> namedtuple, typing-namedtuple; tuple; dict
On i386 every dict object is 4 bytes smaller: only the getsizeof figures are
derived for it (the spec says real bytes are usually, not always, unchanged).
"""
import re
import sys

HEAD = re.compile(r"^#### (3\.\d+), (64|32)-bit")
REGULAR_FAMILY = ("regular", "regular-external", "regular-dict", "dataclass")


def table_rows(lines, start):
    """Rows of the first markdown table at or after `start`: (header, rows, end)."""
    i = start
    while i < len(lines) and not lines[i].startswith("| N |"):
        i += 1
    header = [c.strip() for c in lines[i].strip().strip("|").split("|")]
    rows = []
    i += 2
    while i < len(lines) and lines[i].startswith("|"):
        rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
        i += 1
    return header, rows, i


def split_static_dynamic(cell, sep):
    parts = [p.strip() for p in cell.split(sep)]
    return (parts[0], parts[-1])


def req_alloc(cell):
    """'152 / 160*' -> ('152', '160')."""
    a, b = [p.strip().rstrip("*") for p in cell.split("/")]
    return a, b


def emit(out, kind, n, fields):
    out.append("measure kind=%s attrs=%d values=none count=1000 source=spec %s" % (
        kind, n, " ".join("%s=%s" % kv for kv in fields)))


def section(version, bits, lines, start, out):
    minor = int(version.split(".")[1])
    three14 = minor >= 14
    gs_head, gs_rows, end = table_rows(lines, start)
    own_head, own_rows, end = table_rows(lines, end)
    own = {row[0]: row for row in own_rows}
    records = {}  # (kind, n) -> fields
    for row in gs_rows:
        n = int(row[0])
        c = dict(zip(gs_head, row))
        dict_col = [h for h in gs_head if h.startswith("regular `__dict__`")][0]
        static_d, dynamic_d = split_static_dynamic(c[dict_col], "/") if three14 \
            else (c[dict_col], c[dict_col])
        o = dict(zip(own_head, own[row[0]]))
        reg_col = [h for h in own_head if h.startswith("regular (no")][0]
        regd_col = [h for h in own_head if h.startswith("regular after")][0]
        if three14 and ";" in o[reg_col]:
            reg_static, reg_dynamic = split_static_dynamic(o[reg_col], ";")
        else:
            reg_static = reg_dynamic = o[reg_col]
        if three14 and ";" in o[regd_col]:
            regd_static = split_static_dynamic(o[regd_col], ";")[0]
        else:
            regd_static = o[regd_col]
        keys_req, keys_alloc = req_alloc(o["per-class shared keys"])
        plan = [
            ("regular", c["regular obj"], static_d, reg_static),
            ("regular-dict", c["regular obj"], static_d, regd_static),
            ("regular-external", c["regular obj"], dynamic_d, reg_dynamic),
            ("dataclass", c["regular obj"], dynamic_d, reg_dynamic),
        ]
        if not three14:
            plan[2] = ("regular-external", c["regular obj"], static_d, reg_static)
            plan[3] = ("dataclass", c["regular obj"], static_d, reg_static)
        for kind, gs, dgs, owned in plan:
            r, a = req_alloc(owned)
            records[(kind, n)] = [("getsizeof", gs), ("requested", r), ("allocated", a),
                                  ("dict_getsizeof", dgs), ("per_class_keys", keys_req),
                                  ("per_class_keys_allocated", keys_alloc)]
        dataclass_slots = minor >= 10       # slots=True is new in 3.10
        weakref_slot = minor >= 11          # weakref_slot=True in 3.11
        for kinds, gcol, ocol in ((("slots", "dataclass-slots"), "slots", "slots"),
                                  (("slots-weakref", "dataclass-slots-weakref"),
                                   "slots+`__weakref__`", "slots+wr"),
                                  (("namedtuple", "typing-namedtuple"), "namedtuple", "namedtuple"),
                                  (("tuple",), "tuple", "tuple"),
                                  (("dict",), "dict (N str keys)", "dict")):
            r, a = req_alloc(o[ocol])
            kinds = [k for k in kinds if (k != "dataclass-slots" or dataclass_slots) and
                     (k != "dataclass-slots-weakref" or weakref_slot)]
            for kind in kinds:
                records[(kind, n)] = [("getsizeof", c[gcol]), ("requested", r),
                                      ("allocated", a)]
    abi = "lp64" if bits == "64" else "ilp32"
    pointer = 8 if bits == "64" else 4
    out.append("hello protocol=1 impl=cpython version=%s.0 abi=%s pointer=%d pymalloc=1 gil=1 "
               "debug=0 machine=spec executable=-" % (version, abi, pointer))
    for (kind, n), fields in sorted(records.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        emit(out, kind, n, fields)
    if bits == "32":
        out.append("hello protocol=1 impl=cpython version=%s.0 abi=i386 pointer=4 pymalloc=1 "
                   "gil=1 debug=0 machine=spec executable=-" % version)
        for (kind, n), fields in sorted(records.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            f = dict(fields)
            keep = [("getsizeof", f["getsizeof"])]
            if kind == "dict":
                keep = [("getsizeof", str(int(f["getsizeof"]) - 4))]
            if kind in REGULAR_FAMILY:
                keep.append(("dict_getsizeof", str(int(f["dict_getsizeof"]) - 4)))
            emit(out, kind, n, keep)
    return end


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract-spec-tables.py SPEC.md OUTDIR")
    with open(sys.argv[1]) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        m = HEAD.match(lines[i])
        if not m:
            i += 1
            continue
        out = ["# the spec's measured tables (section 11: %s), as probe records" % lines[i][5:],
               "# made by tests/golden/spec/extract-spec-tables.py from cpython-memory-layout.md"]
        if m.group(2) == "32":
            out.append("# i386 records carry getsizeof figures only (dict objects 4 bytes smaller)")
        i = section(m.group(1), m.group(2), lines, i, out)
        name = "spec-%s-%s.probe" % (m.group(1), "lp64" if m.group(2) == "64" else "32bit")
        with open("%s/%s" % (sys.argv[2], name), "w") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
