"""slotexplore probe: measures Python objects for slotexplore's model.

Run under the interpreter to measure: python3 -E -s probe.py
It speaks protocol 1 on stdin/stdout: UTF-8, one line per message, "\\n"
line ends, every reply flushed at once. Tokens are separated by one space;
fields are key=value with no spaces in the value (a space or '%' in a value
is written %20 / %25).

On start the probe writes one line:

  hello protocol=1 impl=cpython version=3.11.7 abi=lp64 pointer=8 pymalloc=1
        gil=1 debug=0 machine=x86_64 executable=/usr/bin/python3

  abi is lp64 (8-byte pointers), ilp32 (4-byte, 8-aligned uint64) or i386
  (4-byte, 28-byte dict object). gil=0 means a free-threaded build, which
  allocates with mimalloc (pymalloc=0 there).

Then it reads requests, one per line, until end of input or "quit". Blank
lines and lines starting with '#' are ignored. An unknown or malformed
request gets "error <text>" and the probe carries on.

  measure kind=K attrs=N values=V [count=C]
    -> measure kind=K attrs=N values=V count=C getsizeof=G requested=R
               per_class=P deep=D dict_getsizeof=X
       G  sys.getsizeof of a steady-state instance
       R  tracemalloc bytes per instance over the last C-8 of C instances
          made after a first batch of max(C, 100) (which settles the class
          and empties the free lists), minus the same loop run empty; the
          first whole number two runs agree on (from C-8 >= 500, the first
          whole number), else the smallest of four runs. An integer, or a
          decimal with 3 places when no run was exact
       P  sys.getsizeof(cls), "-" for tuple and dict
       D  the seed paper's measure_deep_size(instance)
       X  sys.getsizeof(instance.__dict__) for regular kinds, else "-"
       B  (block=B) the most common address step between 101 instances made
          one after another once the free lists are empty: the size of the
          allocator's block for an instance that is one block, "-" if none
  warmup kind=K attrs=N values=V [count=C]
    -> warmup ... count=C requested=r0,r1,...
       tracemalloc bytes of each of the first C instances of a fresh class,
       including class-level allocations made during that instance
  time kind=K attrs=N op=OP [samples=S] [loops=L] [unroll=U] [warmups=W]
       [min_ms=T] [seed=R]
    -> sample kind=K attrs=N op=OP i=I loops=L unroll=U raw_ns=R
              baseline_raw_ns=B ns=X baseline_ns=Y      (one per value)
       timed kind=K attrs=N op=OP samples=S loops=L unroll=U
             statement=STMT baseline=BASE
       OP: read, write, read_all, getattr, setattr, hasattr_present,
       hasattr_missing. Each value runs the statement unrolled U times in a
       loop of L iterations, and the baseline statement the same way, in
       an order drawn from seed R for every value. The baseline carries the
       same loads and reference-count traffic as the statement without the
       access ("x = o.a0" against "x = o", "o.a0 = w" against "x = w"; w,
       and every attribute, is an ordinary object, never a small int that
       3.12+ does not count). L=0: calibrated in this process, doubled from
       1 until the statement's loop lasts T ms (default 10); that last
       calibration run is a warm-up. A value whose statement loop lasts
       under T ms doubles L and is run again, not sent. X = (R - B) /
       (L * U * accesses per statement) in ns, Y = B / (same). GC is off
       while timing; W values (default 1) are discarded first.
       tracemalloc is stopped for timing.
  seedtime kind=K attrs=N op=read|write [seed=R]
    -> seedtime kind=K attrs=N op=OP reps=r1,...,r5 median_ns=M
                empty_reps=e1,...,e5 empty_median_ns=E
       the seed paper's harness: a zero-argument closure, 100 warm-up
       calls, 5 x 10,000 calls, ns per call of each, and their median;
       beside it the same closure without the access ("return o"), timed
       the same way in an order drawn from seed R: the call itself
  conditions
    -> conditions flags=F jit=J pgo=P lto=L compiler=C
       sys.flags that are set, whether a JIT is on, whether the build used
       PGO (--enable-optimizations) and LTO, and the compiler
  batch settings=K:N,K:N:B,... values=V [count=C]
    -> one measure (or unsupported, or error) line per setting, in the
       order given: each is answered as "measure kind=K attrs=N [base=B]
       values=V count=C" would be, and echoes its kind, attrs, values and
       count (and an inheritance kind's base).
       At most 1000 settings; a malformed batch gets one error line.
  bulk kind=K attrs=N values=V count=M
    -> bulk ... count=M traced=T rss_growth=S seconds=F
       T  tracemalloc bytes of [make() for _ in range(M)] on a fresh class
       S  growth of the resident set while a fresh process (without
          tracemalloc) builds the same list
  scan path=P
    -> scanfile ..., scanerror ..., scanclass ..., scandone ...
       the classes of the Python files under P, read with ast: see "scan"
       below
  object module=M expr=E path=P1,P2 count=N [class=Q]  (values %XX-encoded)
    RUNS THE USER'S CODE: imports M (searched on P1, P2...), evaluates E
    in its namespace (one instance, an iterable of them, or a class called
    with no arguments; with class=Q, the instances of the class Q (a
    qualified name, or module.qualname) that its result reaches), then
    answers:
    -> scanclass ...        the class as its source says (as "scan")
       objclass name= module= samples= same_attrs= dict= weakref= slots=
                dataclass= namedtuple= typed= static= subclasses= class_attrs=
       objmro name= module= heap= slots= dict= weakref= dataclass=  (each
                class of the MRO but object)
       objattr i= name= where=dict|slot|item type= getsizeof= deep= owned=
                owned_bytes=   (owned: not the same object in a second
                instance; owned_bytes: tracemalloc bytes of a fresh copy)
       objfresh dict_materialized=0|1|-
       objalt kind=regular|slots|slots-weakref|dataclass-slots|namedtuple|tuple
                getsizeof= requested= per_class= dict_getsizeof=  (built
                with the sample's own values: the layout's bytes alone),
                or unsupported=REASON, or error=TEXT
       objmeasure count= getsizeof= requested= iterable= per_class= deep=
                dict_getsizeof=   (fresh instances built by E, values in)
       objdone class= attrs=
    or: error object: ONE LINE (missing module, syntax error, what E raised)
  census module=M expr=E [path=P1,P2] [cap=N] [top=K]
    -> censusstage ..., censusbeat ..., censusclass ..., scanclass ...,
       censusdone ...
       imports M and evaluates E (the user's code runs), then counts the live
       instances of the classes outside the standard library: see "census"
       below
  quit

  A kind the interpreter does not have, or an interpreter the model does
  not cover, gets: unsupported kind=K attrs=N values=V reason=...

Kinds: regular, regular-external, regular-dict, dataclass, slots,
slots-weakref, dataclass-slots, dataclass-slots-weakref, namedtuple,
typing-namedtuple, tuple, dict. Attributes are named a0..a{N-1} and
assigned in that order.
The inheritance kinds slots-subclass-dict, slots-subclass-slots,
slots-duplicate, slots-dict, regular-subclass-slots and
dataclass-slots-subclass split them: a base class B holds a0..a{K-1}, its
subclass C the rest (slots-dict: K slots and a __dict__ for the rest). A
request takes base=K (0 to N, default N // 2); the reply names it
(kind=K attrs=N base=K values=V ...) and adds base_per_class=getsizeof(B)
for the two-class kinds; dict_getsizeof is given when the dict holds
attributes.
Values: none | smallint | int:BITS | float | str:LEN[:ascii|latin1|ucs2|ucs4],
optionally followed by ",shared" (one object per attribute for all
instances). Or a value per attribute: a list of those, comma-separated,
where a bare "shared" makes the entry before it shared and a trailing
"..." repeats the last entry (int:30,shared,str:12,float,...); attribute i
takes entry i, and a list without "..." needs an entry per attribute.

This file stays parseable by Python 2.7 so that such an interpreter can say
what it is.
"""

import gc
import os
import platform
import sys
import time

PROTOCOL = 1
KINDS = ("regular", "regular-external", "regular-dict", "dataclass", "slots",
         "slots-weakref", "dataclass-slots", "dataclass-slots-weakref",
         "namedtuple", "typing-namedtuple", "tuple", "dict")
# Two classes, or slots with a __dict__: the N attributes split between a
# base's K (base=K, default N // 2) and the rest.
INHERITANCE_KINDS = ("slots-subclass-dict", "slots-subclass-slots", "slots-duplicate",
                     "slots-dict", "regular-subclass-slots", "dataclass-slots-subclass")
KINDS = KINDS + INHERITANCE_KINDS
MAX_ATTRS = 100000


# Where replies go while the user's code runs with its stdout sent to
# stderr (see CensusIO and object_request); None: sys.stdout.
protocol_out = [None]


def write(line):
    out = protocol_out[0] or sys.stdout
    out.write(line + "\n")
    out.flush()


def enc(value):
    return str(value).replace("%", "%25").replace(" ", "%20")


def abi_name():
    if sys.maxsize > 2 ** 32:
        return "lp64"
    try:
        return "i386" if sys.getsizeof({}) == 36 else "ilp32"
    except TypeError:
        return "ilp32"


def facts():
    import sysconfig
    impl = platform.python_implementation().lower()
    free = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    return {
        "impl": impl,
        "version": "%d.%d.%d" % sys.version_info[:3],
        "abi": abi_name(),
        "pointer": 8 if sys.maxsize > 2 ** 32 else 4,
        # a free-threaded build compiles pymalloc in but allocates with mimalloc
        "pymalloc": 1 if sysconfig.get_config_var("WITH_PYMALLOC") and not free else 0,
        "gil": 0 if free else 1,
        "debug": 1 if hasattr(sys, "gettotalrefcount") else 0,
        "machine": platform.machine() or "unknown",
        "executable": sys.executable or "unknown",
    }


def hello_line(f):
    order = ("impl", "version", "abi", "pointer", "pymalloc", "gil", "debug",
             "machine", "executable")
    return "hello protocol=%d " % PROTOCOL + " ".join(
        "%s=%s" % (k, enc(f[k])) for k in order)


def not_modelled(f):
    """Why this interpreter cannot be measured, or None."""
    if f["impl"] != "cpython":
        return "%s-is-not-modelled" % f["impl"]
    if sys.version_info < (3, 8):
        return "python-%d.%d-is-not-modelled" % sys.version_info[:2]
    if f["debug"]:
        return "debug-builds-are-not-modelled"
    return None


# ---- the seed paper's deep size, verbatim -----------------------------------

def measure_deep_size(obj):
    seen = set()

    def _get_size(o):
        obj_id = id(o)
        if obj_id in seen:
            return 0
        seen.add(obj_id)
        size = sys.getsizeof(o)
        if isinstance(o, dict):
            size += sum(_get_size(k) + _get_size(v) for k, v in o.items())
        elif isinstance(o, (list, tuple, set, frozenset)):
            size += sum(_get_size(item) for item in o)
        elif hasattr(o, '__dict__'):
            size += _get_size(o.__dict__)
        elif hasattr(o, '__slots__'):
            size += sum(_get_size(getattr(o, slot)) for slot in o.__slots__ if hasattr(o, slot))
        return size
    return _get_size(obj)


# ---- building instances ------------------------------------------------------

class Unsupported(Exception):
    pass


def names_for(n):
    return ["a%d" % i for i in range(n)]


def compile_source(source, namespace):
    exec(compile(source, "<slotexplore-probe>", "exec"), namespace)
    return namespace


def init_body(n, target):
    if n == 0:
        return "        pass\n"
    return "".join("        %s.a%d = v[%d]\n" % (target, i, i) for i in range(n))


prewarm_hook = [None]  # regular-external's fill function, for prewarm()


def inherited_source(kind, n, k):
    """The classes of an inheritance kind: B holds the first k attributes,
    the child C the other n - k (slots-dict: one class, k slots and a
    __dict__ for the rest). Each __init__ assigns its own class's names,
    the child's after calling the base's, so each class's
    __static_attributes__ (3.13+) names its own attributes only."""
    names = names_for(n)
    base, rest = tuple(names[:k]), range(k, n)
    child_init = "    def __init__(self, v):\n        B.__init__(self, v)\n" + "".join(
        "        self.a%d = v[%d]\n" % (i, i) for i in rest)
    if kind == "slots-dict":
        return "class C:\n    __slots__ = %r\n    def __init__(self, v):\n%s" % (
            base + ("__dict__",), init_body(n, "self"))
    head = "class B:\n"
    if kind != "regular-subclass-slots":
        head += "    __slots__ = %r\n" % (base,)
    head += "    def __init__(self, v):\n" + init_body(k, "self") + "\nclass C(B):\n"
    if kind == "slots-subclass-slots" or kind == "regular-subclass-slots":
        head += "    __slots__ = %r\n" % (tuple(names[k:]),)
    elif kind == "slots-duplicate":   # the child lists every name, the base's again
        head += "    __slots__ = %r\n" % (tuple(names),)
    return head + child_init


def build_inherited(kind, n, k):
    if kind == "dataclass-slots-subclass":
        # @dataclass(slots=True) on both; 3.10 repeats the base's fields in
        # the child's __slots__ (fields() includes inherited ones)
        import dataclasses
        if sys.version_info < (3, 10):
            raise Unsupported("dataclass(slots=True)-needs-python-3.10")
        def fields(lo, hi):
            return "".join("    a%d: object = None\n" % i for i in range(lo, hi)) or "    pass\n"
        b = dataclasses.dataclass(slots=True)(compile_source("class B:\n" + fields(0, k),
                                                             {})["B"])
        child = compile_source("class C(B):\n" + fields(k, n), {"B": b})["C"]
        cls = dataclasses.dataclass(slots=True)(child)

        def make(vals):
            return cls(*vals)
        return cls, make
    ns = compile_source(inherited_source(kind, n, k), {})
    return ns["C"], ns["C"]


base_request = [None]   # the base=K of the request being served


def dict_attrs(kind, n, k):
    """How many of the n attributes an inheritance kind keeps in a __dict__."""
    if kind in ("slots-subclass-dict", "slots-dict"):
        return n - k
    if kind == "regular-subclass-slots":
        return k
    return 0


def base_attrs(kind, n):
    """K for an inheritance kind: the request's base=K, or n // 2."""
    k = base_request[0]
    if k is None:
        return n // 2
    if not 0 <= k <= n:
        raise ValueError("base=%d is out of range (0 to attrs=%d)" % (k, n))
    return k


def build(kind, n):
    """Returns (cls or None, make) where make(vals) returns one instance."""
    if kind in INHERITANCE_KINDS:
        return build_inherited(kind, n, base_attrs(kind, n))
    names = names_for(n)
    if kind in ("regular", "regular-dict"):
        ns = compile_source("class C:\n    def __init__(self, v):\n" + init_body(n, "self"), {})
        cls = ns["C"]
        if kind == "regular":
            return cls, cls

        def make(vals):
            o = cls(vals)
            o.__dict__
            return o
        return cls, make
    if kind == "regular-external":
        ns = compile_source("class C:\n    pass\n\ndef fill(o, v):\n" +
                            init_body(n, "o").replace("        ", "    "), {})
        cls, fill = ns["C"], ns["fill"]
        prewarm_hook[0] = fill

        def make(vals):
            o = cls()
            fill(o, vals)
            return o
        return cls, make
    if kind in ("slots", "slots-weakref"):
        slots = tuple(names) + (("__weakref__",) if kind == "slots-weakref" else ())
        ns = compile_source("class S:\n    __slots__ = %r\n    def __init__(self, v):\n%s"
                            % (slots, init_body(n, "self")), {})
        return ns["S"], ns["S"]
    if kind.startswith("dataclass"):
        import dataclasses
        opts = {}
        if kind in ("dataclass-slots", "dataclass-slots-weakref"):
            if sys.version_info < (3, 10):
                raise Unsupported("dataclass(slots=True)-needs-python-3.10")
            opts["slots"] = True
        if kind == "dataclass-slots-weakref":
            if sys.version_info < (3, 11):
                raise Unsupported("weakref_slot=True-needs-python-3.11")
            opts["weakref_slot"] = True
        ns = compile_source("class D:\n" + ("".join("    a%d: object = None\n" % i for i in range(n))
                                            or "    pass\n"), {})
        cls = dataclasses.dataclass(**opts)(ns["D"])

        def make(vals):
            return cls(*vals)
        return cls, make
    if kind == "namedtuple":
        import collections
        cls = collections.namedtuple("NT", names)

        def make(vals):
            return cls(*vals)
        return cls, make
    if kind == "typing-namedtuple":
        import typing
        cls = typing.NamedTuple("TNT", [(name, object) for name in names])

        def make(vals):
            return cls(*vals)
        return cls, make
    if kind == "tuple":
        return None, tuple
    if kind == "dict":
        # a dict display, as people write them ({} for none)
        ns = compile_source("def make(v):\n    return {%s}\n" % ", ".join(
            "%r: v[%d]" % (name, i) for i, name in enumerate(names)), {})
        return None, ns["make"]
    raise ValueError("unknown kind '%s'" % kind)


STR_FIRST = {"ascii": "x", "latin1": "\xe9", "ucs2": "\u0394", "ucs4": "\U0001F600"}


def parse_values(spec):
    """Returns (kind, arg, strkind, shared)."""
    shared = False
    if spec.endswith(",shared"):
        shared, spec = True, spec[:-len(",shared")]
    parts = spec.split(":")
    kind = parts[0]
    if kind in ("none", "smallint", "float") and len(parts) == 1:
        return kind, 0, None, shared or kind != "float"
    if kind == "int" and len(parts) <= 2:
        bits = int(parts[1]) if len(parts) == 2 else 64
        if bits < 1:
            raise ValueError("int:BITS needs BITS >= 1")
        return kind, bits, None, shared
    if kind == "str" and len(parts) <= 3:
        length = int(parts[1]) if len(parts) >= 2 else 10
        strkind = parts[2] if len(parts) == 3 else "ascii"
        if length < 0 or strkind not in STR_FIRST:
            raise ValueError("bad str spec")
        return kind, length, strkind, shared
    raise ValueError("unknown values '%s'" % spec)


def parse_value_list(spec):
    """Returns (entries, repeat_last): a value per attribute, each entry as
    parse_values returns it. "int:30,shared,str:12,..." : a bare "shared"
    makes the entry before it shared, a trailing "..." repeats the last
    entry. A single spec (with its ",shared") is a list of one, repeated."""
    if "," not in spec or spec.endswith(",shared") and spec.count(",") == 1:
        return [parse_values(spec)], True
    entries, repeat, shared_last = [], False, False
    tokens = spec.split(",")
    for at, token in enumerate(tokens):
        if token == "shared" and entries and not shared_last:
            kind, arg, strkind, _ = entries[-1]
            entries[-1] = (kind, arg, strkind, True)
            shared_last = True
        elif token == "..." and entries and at == len(tokens) - 1:
            repeat = True
        else:
            entries.append(parse_values(token))
            shared_last = False
    if len(entries) > 256:
        raise ValueError("a values list holds at most 256 values")
    return entries, repeat or len(entries) == 1


def value_maker(kind, arg, strkind):
    """one(k): the k-th value of a kind that makes a new object each time."""
    if kind == "int":
        base = 1 << (arg - 1)
        return lambda k: base + k
    if kind == "float":
        return lambda k: float(k) + 0.5
    first = STR_FIRST[strkind]
    return lambda k: (first + str(k).zfill(arg))[:arg]


def value_factory(spec, n):
    """Returns vals(index): the attribute values of instance `index`."""
    entries, repeat = parse_value_list(spec)
    if len(entries) > 1:
        return list_factory(entries, repeat, n)
    kind, arg, strkind, shared = entries[0]
    if kind == "none":
        fixed = [None] * n
        return lambda index: fixed
    if kind == "smallint":
        fixed = list(range(1, n + 1))
        return lambda index: fixed
    one = value_maker(kind, arg, strkind)
    if shared:
        fixed = [one(i) for i in range(n)]
        return lambda index: fixed

    def vals(index):
        start = index * n
        return [one(start + i) for i in range(n)]
    return vals


def list_factory(entries, repeat, n):
    """vals(index) for a value per attribute: attribute i takes entry i (the
    last one past the list when it repeats), with the values one spec
    would give it: None, the int i+1, one object per attribute for all
    instances when shared, else a new one per instance."""
    if len(entries) < n and not repeat:
        raise ValueError("the values list has %d values for %d attributes (end it with ...)"
                         % (len(entries), n))
    makers = []
    for i in range(n):
        kind, arg, strkind, shared = entries[min(i, len(entries) - 1)]
        if kind == "none":
            makers.append(lambda start, c=None: c)
        elif kind == "smallint":
            makers.append(lambda start, c=i + 1: c)
        elif shared:
            makers.append(lambda start, c=value_maker(kind, arg, strkind)(i): c)
        else:
            makers.append(lambda start, i=i, one=value_maker(kind, arg, strkind): one(start + i))

    def vals(index):
        start = index * n
        return [make(start) for make in makers]
    return vals


# ---- measuring -------------------------------------------------------------------

def traced():
    import tracemalloc
    return tracemalloc.get_traced_memory()[0]


FILL_SOURCE = """
def fill(objs, readings, make, vals, start):
    reading = get_traced_memory
    for k in range(len(objs)):
        readings[k] = reading()[0]
        objs[k] = make(vals(start + k))
    readings[len(objs)] = reading()[0]
"""


def new_filler():
    """A loop that stores a tracemalloc reading before each instance. Run
    with a no-op maker it is the baseline: the loop's own allocations then
    cancel out. The baseline and the measurement each get their own copy of
    the code, so switching between them never re-specialises a call site in
    the middle of a measurement (3.11+)."""
    import tracemalloc
    ns = {"get_traced_memory": tracemalloc.get_traced_memory}
    exec(FILL_SOURCE, ns)
    return ns["fill"]


fillers = {}

# Objects taken off the free lists for the current request, kept alive until
# it ends (see empty_free_lists).
taken = []


def empty_free_lists():
    """Take every int and float off its free list. 3.14+ keeps up to 100
    freed ints for reuse (floats have had one for longer): a run that starts
    with a full list gets its readings, or its instances' values, without an
    allocation that tracemalloc sees, and comes out short by that much
    (2.9 bytes an instance over 1,000 on 3.14). Every run starts empty:
    each list holds at most 100."""
    taken.append(list(range(1000, 1128)))
    taken.append(list(map(float, range(1000, 1128))))


def reading_slots(n):
    """Room for n tracemalloc readings as C integers: the int each reading
    returns is freed at once, so no reading outlives its interval. Kept as
    ints in a list, readings would sit between the instances in the
    allocator's pools, and freed at the end of a request leave holes that
    the next request's instances fill one in two (on 32-bit builds an int
    and a small instance share the 16-byte size class)."""
    import array
    return array.array("q", [0]) * n


def timed_fill(objs, readings, make, vals, start):
    empty_free_lists()
    fillers["measure"](objs, readings, make, vals, start)
    return readings


def nothing(_):
    return None


def per_instance(total, count):
    if total % count == 0:
        return str(total // count)
    return "%.3f" % (float(total) / count)


def baseline_run(count):
    objs, readings = [None] * count, reading_slots(count + 1)
    empty_free_lists()
    fillers["baseline"](objs, readings, nothing, nothing, 0)
    return readings


def measure(kind, n, spec, count):
    """tracemalloc runs from the first batch to the last reading only: the
    class is built untraced (building a dataclass under tracemalloc cost
    more than measuring it), and the address steps and getsizeof after it
    need no tracing. Readings are differences within one tracing run; a
    block allocated before it and freed during it is not subtracted."""
    import tracemalloc
    cls, make = build(kind, n)
    vals = value_factory(spec, n)
    tracemalloc.start()
    try:
        total, objs, kept, measured, first = traced_batches(kind, make, vals, count)
    finally:
        tracemalloc.stop()
    block = block_step(make, vals)
    obj = objs[-1]
    fields = [("getsizeof", sys.getsizeof(obj)),
              ("requested", per_instance(total, measured)),
              ("per_class", sys.getsizeof(cls) if cls is not None else "-")]
    dict_size = "-"
    if kind in ("regular", "regular-external", "regular-dict", "dataclass"):
        dict_size = sys.getsizeof(obj.__dict__)
    elif kind in INHERITANCE_KINDS:
        # the dict where one holds attributes (read, an absent one would be made)
        if dict_attrs(kind, n, base_attrs(kind, n)) > 0:
            dict_size = sys.getsizeof(obj.__dict__)
        if kind != "slots-dict":
            fields.append(("base_per_class", sys.getsizeof(cls.__bases__[0])))
    try:
        deep = measure_deep_size(obj)
    except Exception:  # e.g. 3.11.2's weakref_slot descriptor bug
        deep = "-"
    fields.append(("deep", deep))
    fields.append(("dict_getsizeof", dict_size))
    fields.append(("block", block))
    del first, objs, kept
    return fields


def traced_batches(kind, make, vals, count):
    """(bytes over the measured instances, the batch they are in, every
    batch kept, how many were measured, the first batch)."""
    # the first batch also empties the free lists (2,000 tuples of each size)
    drain = max(count, 2100 if kind == "tuple" else 100)
    first = [None] * drain
    timed_fill(first, reading_slots(drain + 1), make, vals, 0)
    # A stray one-off allocation (a free list refilled, a cache entry) can
    # land in a batch; it never repeats. Over a short batch a stray can
    # still divide evenly (168 bytes over 42 instances), so under 500
    # instances a total is taken once two batches agree on it exactly (from
    # 500 on, the first exact one); failing that, the smallest of four. Every batch stays alive until the end: a freed
    # batch would refill the free lists that the next attempt then draws
    # from (2-tuples read as 0).
    best, objs, kept, exact = None, None, [], []
    # The first few intervals of a run are skipped: there a reading's own
    # 2-tuple, or a tuple freed just before the run, can come off a free
    # list and hand an instance its memory for nothing.
    lead = min(8, count // 4)
    measured = count - lead
    for attempt in range(4):
        base = baseline_run(count)
        batch = [None] * count
        readings = timed_fill(batch, reading_slots(count + 1), make, vals,
                              drain + attempt * count)
        kept.append(batch)
        total = (readings[count] - readings[lead]) - (base[count] - base[lead])
        if best is None or total < best:
            best, objs = total, batch
        if total % measured == 0:
            if total in exact or measured >= 500:
                best, objs = total, batch
                break
            exact.append(total)
    return best, objs, kept, measured, first


def block_step(make, vals, count=101):
    """The allocator's block size for an instance, read off the addresses
    (id) of consecutive fresh instances: pymalloc and mimalloc hand out a
    size class's blocks in address order from a fresh pool or page. Small
    indices keep the loop from allocating ints of its own in between. A
    batch whose most common step covers less than half of its steps (free
    blocks scattered over old pools, left by earlier requests) is kept and
    another one made: the holes fill up, and a later batch comes from fresh
    pool space. Of the steps that cover a quarter or more, the smallest is
    the block: holes that alternate with live blocks give its multiples."""
    kept = []
    before = None
    for attempt in range(40):
        objs = [None] * count
        for k in range(count):
            objs[k] = make(vals(k))
        kept.append(objs)
        steps = {}
        for k in range(1, count):
            step = id(objs[k]) - id(objs[k - 1])
            if step > 0:
                steps[step] = steps.get(step, 0) + 1
        if steps:
            best = max(steps.values())
            if 2 * best >= count - 1:
                # the smallest common step: a larger one is a multiple of the
                # block, left where holes alternate with live blocks (two
                # blocks of one size class are never closer than the block)
                got = min(s for s, n in steps.items() if 4 * n >= count - 1)
                # a batch laid over every other block of an old pool reads
                # twice the block: the batch after it (those holes now
                # filled) must agree
                if got == before:
                    return got
                before = got
    return before if before is not None else "-"


class StandIn(object):
    pass


def prewarm(kind, cls, n, vals):
    """Runs the code that sets the attributes once on a stand-in object, so
    one-off costs of that code (3.8-3.10 keep a frame per code object) are
    not charged to the class's first instance."""
    if kind in ("regular", "regular-dict"):
        cls.__init__(StandIn(), vals(0))
    elif kind == "regular-external":
        prewarm_hook[0](StandIn(), vals(0))
    elif kind == "dataclass":
        cls.__init__(StandIn(), *vals(0))


def warmup_once(kind, n, vals, count):
    # the same loop on a throwaway class of the same kind first, so the
    # fresh class's first instance pays for nothing but itself
    cls, make = build(kind, n)
    timed_fill([None] * count, reading_slots(count + 1), make, vals, 0)
    base = baseline_run(count)
    cls, make = build(kind, n)
    prewarm(kind, cls, n, vals)
    # empty the dict free list so every dict an instance needs is allocated
    spare_dicts = [{} for _ in range(200)]
    objs = [None] * count
    readings = timed_fill(objs, reading_slots(count + 1), make, vals, 0)
    del spare_dicts
    return [(readings[k + 1] - readings[k]) - (base[k + 1] - base[k]) for k in range(count)]


def warmup(kind, n, spec, count):
    # A one-off allocation or free elsewhere (a cache, a deferred free) can
    # shift a single instance's delta; it never lands on the same instance
    # twice, so the median of three fresh classes is exact.
    vals = value_factory(spec, n)
    runs = [warmup_once(kind, n, vals, count) for _ in range(3)]
    deltas = [sorted(r[k] for r in runs)[1] for k in range(count)]
    return [("requested", ",".join(str(d) for d in deltas))]


def resident_bytes():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (IOError, OSError, ValueError):
        import resource
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss if sys.platform == "darwin" else rss * 1024


def build_list(kind, n, spec, count):
    cls, make = build(kind, n)
    vals = value_factory(spec, n)
    return [make(vals(i)) for i in range(count)]


def rss_growth_child(kind, n, spec, count):
    """Runs in a fresh process without tracemalloc: prints the RSS growth."""
    gc.disable()
    cls, make = build(kind, n)
    vals = value_factory(spec, n)
    before = resident_bytes()
    objs = [make(vals(i)) for i in range(count)]
    write(str(resident_bytes() - before))
    del objs


def bulk(kind, n, spec, count):
    import subprocess
    import tracemalloc
    cls, make = build(kind, n)
    vals = value_factory(spec, n)
    started = time.time()
    before = tracemalloc.get_traced_memory()[0]
    objs = [make(vals(i)) for i in range(count)]
    total = tracemalloc.get_traced_memory()[0] - before
    del objs
    gc.collect()
    out = subprocess.check_output([sys.executable, "-E", "-s", os.path.abspath(__file__),
                                   "--rss-child", kind, str(n), spec, str(count)])
    growth = int(out.decode("ascii").split()[-1])
    return [("traced", total), ("rss_growth", growth),
            ("seconds", "%.3f" % (time.time() - started))]


# ---- the protocol loop -----------------------------------------------------------


# ---- timing attribute access -------------------------------------------------

TIME_OPS = ("read", "write", "read_all", "getattr", "setattr", "hasattr_present",
            "hasattr_missing")


def timing_statements(kind, n, op):
    """(statement, baseline statement, accesses per statement) for op, or
    raises Unsupported. o, w, g, s, h are locals of the timed function; w
    and every attribute of o are one ordinary object, so a statement and
    its baseline load and count the same objects: the baseline is the
    statement without the access."""
    if n < 1:
        raise Unsupported("timing-needs-at-least-1-attribute")
    if kind == "tuple":
        reads = ["x = o[%d]" % i for i in range(n)]
        if op in ("write", "setattr"):
            raise Unsupported("a-tuple-cannot-be-written")
        if op in ("getattr", "hasattr_present", "hasattr_missing"):
            raise Unsupported("a-tuple-has-no-named-attributes")
        one_write = None
    elif kind == "dict":
        reads = ["x = o['a%d']" % i for i in range(n)]
        if op in ("getattr", "setattr", "hasattr_present", "hasattr_missing"):
            raise Unsupported("a-dict-has-keys-not-attributes")
        one_write = "o['a0'] = w"
    else:
        reads = ["x = o.a%d" % i for i in range(n)]
        one_write = "o.a0 = w"
        if kind in ("namedtuple", "typing-namedtuple") and op in ("write", "setattr"):
            raise Unsupported("a-namedtuple-is-immutable")
    if op == "read":
        return reads[0], "x = o", 1
    if op == "write":
        return one_write, "x = w", 1
    if op == "read_all":
        return "; ".join(reads), "; ".join(["x = o"] * n), n
    if op == "getattr":
        return "x = g(o, 'a0')", "x = o", 1
    if op == "setattr":
        return "s(o, 'a0', w)", "x = w", 1
    if op == "hasattr_present":
        return "x = h(o, 'a0')", "x = o", 1
    if op == "hasattr_missing":
        return "x = h(o, 'missing')", "x = o", 1
    raise ValueError("unknown op '%s' (%s)" % (op[:30], ", ".join(TIME_OPS)))


def timed_function(stmt, unroll):
    """A fresh function per statement, as timeit makes: the loop over
    itertools.repeat, the statement unrolled, perf_counter_ns around it."""
    body = "".join("        %s\n" % stmt for _ in range(unroll))
    src = ("def inner(o, w, g, s, h, it, _t):\n    x = None\n    t0 = _t()\n"
           "    for _ in it:\n%s    return _t() - t0\n" % body)
    ns = {}
    exec(compile(src, "<slotexplore-timing>", "exec"), ns)
    return ns["inner"]


def shown_statement(stmt, per):
    """The statement for the reply: read_all's long line abbreviated."""
    if per > 3:
        parts = stmt.split("; ")
        stmt = "%s; ...; %s" % (parts[0], parts[-1])
    return enc(stmt[:200])


def time_request(fields):
    import itertools
    import random
    clock = getattr(time, "perf_counter_ns", None)
    if clock is None:
        raise Unsupported("no-perf_counter_ns-before-3.7")
    kind, n, op = fields.get("kind", ""), int(fields.get("attrs", "5")), fields.get("op", "read")
    loops = int(fields.get("loops", "0"))
    unroll = int(fields.get("unroll", "100"))
    values = int(fields.get("samples", "3"))
    warmups = int(fields.get("warmups", "1"))
    min_ns = float(fields.get("min_ms", "10")) * 1e6
    rng = random.Random(int(fields.get("seed", "0")))
    if kind not in KINDS or not 1 <= unroll <= 1000 or not 1 <= values <= 1000 or warmups < 0:
        raise ValueError("bad time request")
    stmt, base_stmt, per = timing_statements(kind, n, op)
    cls, make = build(kind, n)
    w = object()   # ordinary: counted like any object the user's code stores
    o = tuple([w] * n) if kind == "tuple" else make([w] * n)
    run = timed_function(stmt, unroll)
    base = timed_function(base_stmt, unroll)

    def one(fn):
        return fn(o, w, getattr, setattr, hasattr, itertools.repeat(None, loops), clock)
    gc.disable()
    try:
        if loops <= 0:   # calibrate: double until the statement's loop lasts min_ms
            loops = 1
            while one(run) < min_ns and loops < 1 << 30:
                loops *= 2
            one(base)    # the last calibration run was the statement's warm-up
        done = i = retries = 0
        while done < values:
            if rng.random() < 0.5:
                raw = one(run)
                braw = one(base)
            else:
                braw = one(base)
                raw = one(run)
            if i < warmups:
                i += 1
                continue
            if raw < min_ns and loops < 1 << 30 and retries < 20:
                loops *= 2   # a noisy calibration: a value must last min_ms
                retries += 1
                continue
            accesses = float(loops) * unroll * per
            write("sample kind=%s attrs=%d op=%s i=%d loops=%d unroll=%d raw_ns=%d "
                  "baseline_raw_ns=%d ns=%.4f baseline_ns=%.4f" % (
                      kind, n, op, done, loops, unroll, raw, braw,
                      (raw - braw) / accesses, braw / accesses))
            done += 1
    finally:
        gc.enable()
    return [("op", op), ("samples", values), ("loops", loops), ("unroll", unroll),
            ("statement", shown_statement(stmt, per)),
            ("baseline", shown_statement(base_stmt, per))]


def seedtime_request(fields):
    """The seed paper's harness: a zero-argument closure, 100 warm-up calls,
    5 x 10,000 calls, the median of the five per-call times; and the same
    closure without the access, timed the same way: the call itself."""
    import random
    kind, n, op = fields.get("kind", ""), int(fields.get("attrs", "5")), fields.get("op", "read")
    rng = random.Random(int(fields.get("seed", "0")))
    if kind not in KINDS or kind in ("tuple", "dict") or n < 1:
        raise Unsupported("the-seed-harness-times-attributes")
    if op not in ("read", "write"):
        raise ValueError("the seed harness times read or write")
    if op == "write" and kind in ("namedtuple", "typing-namedtuple"):
        raise Unsupported("a-namedtuple-is-immutable")
    cls, make = build(kind, n)
    w = object()
    o = make([w] * n)
    if op == "read":
        def f():
            return o.a0
    else:
        def f():
            o.a0 = w

    def e():
        return o
    clock = getattr(time, "perf_counter_ns", None) or (lambda: int(time.perf_counter() * 1e9))
    for _ in range(100):
        f()
        e()

    def rep(fn):
        t0 = clock()
        for _ in range(10000):
            fn()
        return (clock() - t0) / 10000.0
    reps, empty = [], []
    for _ in range(5):
        if rng.random() < 0.5:
            reps.append(rep(f))
            empty.append(rep(e))
        else:
            empty.append(rep(e))
            reps.append(rep(f))
    return [("op", op), ("reps", ",".join("%.3f" % r for r in reps)),
            ("median_ns", "%.3f" % sorted(reps)[2]),
            ("empty_reps", ",".join("%.3f" % r for r in empty)),
            ("empty_median_ns", "%.3f" % sorted(empty)[2])]


def conditions_request():
    """What the timing depends on besides the machine: flags and build."""
    import platform as pf
    import sysconfig
    flags = []
    for name in ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                 "no_user_site", "no_site", "ignore_environment", "verbose",
                 "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
                 "utf8_mode", "safe_path", "int_max_str_digits", "gil"):
        value = getattr(sys.flags, name, None)
        if value not in (None, 0, False):
            flags.append("%s=%s" % (name, value))
    jit = getattr(sys, "_jit", None)
    jit_on = 1 if jit is not None and getattr(jit, "is_enabled", lambda: False)() else 0
    config = sysconfig.get_config_var("CONFIG_ARGS") or ""
    return [("flags", enc(",".join(flags) or "none")), ("jit", jit_on),
            ("pgo", 1 if "--enable-optimizations" in config else 0),
            ("lto", 1 if "--with-lto" in config else 0),
            ("compiler", enc((pf.python_compiler() or "unknown")[:60]))]


def parse_request(line):
    words = line.split()
    verb, fields = words[0], {}
    for word in words[1:]:
        if "=" not in word:
            raise ValueError("malformed field '%s' (expected key=value)" % word[:40])
        key, value = word.split("=", 1)
        fields[key] = value
    return verb, fields


def serve_timing(verb, fields, why_not):
    head = "kind=%s attrs=%s" % (fields.get("kind", "?")[:40], fields.get("attrs", "?")[:10])
    if why_not:
        write("unsupported %s op=%s reason=%s" % (head, fields.get("op", "read")[:30], why_not))
        return
    try:
        import tracemalloc
        if tracemalloc.is_tracing():   # it would slow down everything timed
            tracemalloc.stop()
        if verb == "conditions":
            result = conditions_request()
        elif verb == "time":
            result = time_request(fields)
        else:
            result = seedtime_request(fields)
    except Unsupported as e:
        write("unsupported %s op=%s reason=%s" % (head, fields.get("op", "read")[:30], e))
        return
    except (ValueError, KeyError) as e:
        write("error %s" % e)
        return
    except Exception as e:  # the probe must answer, whatever happens
        write("error %s: %s" % (type(e).__name__, str(e).replace("\n", " ")[:200]))
        return
    reply = {"time": ["timed", head], "seedtime": ["seedtime", head],
             "conditions": ["conditions"]}[verb]
    write(" ".join(reply + ["%s=%s" % (k, v) for k, v in result]))


SETTING_VERBS = ("measure", "warmup", "bulk")


def parse_setting(verb, fields):
    """(kind, n, spec, count) of a measure, warmup or bulk setting, or
    raises ValueError."""
    kind = fields.get("kind", "")
    n = int(fields.get("attrs", "-1"))
    spec = fields.get("values", "none")
    default = 40 if verb == "warmup" else 1000
    count = int(fields.get("count", default))
    if kind not in KINDS:
        raise ValueError("unknown kind '%s'" % kind[:40])
    if not 0 <= n <= MAX_ATTRS or count < 1:
        raise ValueError("attrs or count out of range")
    # an inheritance kind's split: this setting's base=K (n // 2 without one)
    base_request[0] = int(fields["base"]) if "base" in fields else None
    if kind in INHERITANCE_KINDS:
        base_attrs(kind, n)
    entries, repeat = parse_value_list(spec)
    if len(entries) < n and not repeat:
        raise ValueError("the values list has %d values for %d attributes" % (len(entries), n))
    return kind, n, spec, count


def batch_settings(fields):
    """The settings of a batch request: settings=K:N,K:N,... with the
    request's values and count for each, as measure requests' fields."""
    items = fields.get("settings", "")
    if not items:
        raise ValueError("a batch needs settings=KIND:ATTRS,...")
    out = []
    for item in items.split(","):
        parts = item.split(":")
        if len(parts) not in (2, 3):
            raise ValueError("malformed batch setting '%s' (expected KIND:ATTRS or "
                             "KIND:ATTRS:BASE)" % item[:40])
        one = dict(fields)
        del one["settings"]
        one["kind"], one["attrs"] = parts[0], parts[1]
        if len(parts) == 3:   # an inheritance kind's split
            one["base"] = parts[2]
        out.append(one)
    if len(out) > MAX_BATCH:
        raise ValueError("a batch holds at most %d settings" % MAX_BATCH)
    return out


MAX_BATCH = 1000
state = {"ready": False, "twenties": False}


def prepare():
    """Once, before the first measurement: the modules that build kinds are
    imported first, and everything alive so far is moved out of the
    collector's reach (gc.freeze, 3.7+), so the collections that start and
    end every request look only at what requests made; a full collection of
    the interpreter's own objects took a third of a request's time. Whether
    the tuple free list keeps 20-tuples (keeps_twenty_tuples) is found out
    once. tracemalloc runs only while a request measures (see measure)."""
    import collections
    import dataclasses
    import tracemalloc
    import typing
    (collections, dataclasses, typing)
    gc.collect()
    if hasattr(gc, "freeze"):
        gc.freeze()
    fillers["measure"] = new_filler()
    fillers["baseline"] = new_filler()
    tracemalloc.start()
    try:
        baseline_run(50)
        state["twenties"] = keeps_twenty_tuples()
    finally:
        tracemalloc.stop()
    state["ready"] = True


def keeps_twenty_tuples():
    """3.11 and 3.12 put a freed 20-tuple on the tuple free list (up to
    2,000) but take none off it: until the list is full every temporary
    20-tuple (the arguments of cls(*values) at 20 attributes) stays
    allocated as far as tracemalloc can tell. True when this interpreter
    does that (tracemalloc is on)."""
    def f(*a):
        return a is None
    twenty = [None] * 20
    gc.collect()
    before = traced()
    for _ in range(50):
        f(*twenty)
    return traced() - before >= 40 * sys.getsizeof(tuple(twenty))


def fill_tuple_free_list(n):
    """A full collection empties the tuple free lists; where 20-tuples are
    kept (keeps_twenty_tuples), a setting whose temporaries are 20-tuples
    gets the list filled first, so they are freed as they go. Filling costs
    a third of a short request: only settings near 20 attributes pay."""
    if not state["twenties"] or not 18 <= n <= 22:
        return
    twenty = [None] * 20
    spare = [tuple(twenty) for _ in range(2100)]
    del spare


def serve_setting(verb, fields, why_not):
    """Answers one measure, warmup or bulk setting with one line."""
    try:
        kind, n, spec, count = parse_setting(verb, fields)
    except ValueError as e:
        write("error %s" % e)
        return
    head = "kind=%s attrs=%d values=%s" % (kind, n, spec)
    if kind in INHERITANCE_KINDS:
        head = "kind=%s attrs=%d base=%d values=%s" % (kind, n, base_attrs(kind, n), spec)
    if why_not:
        write("unsupported %s reason=%s" % (head, why_not))
        return
    if not state["ready"]:
        prepare()
    import tracemalloc
    gc.collect()
    # The type attribute cache holds the last reference to names of
    # classes freed just now; evicting one mid-measurement would free a
    # string (-52 bytes on one instance). Start every request empty.
    clear_type_cache()
    fill_tuple_free_list(n)
    gc.disable()
    try:
        if verb == "measure":
            result = measure(kind, n, spec, count)   # traces what it needs
        else:
            tracemalloc.start()
            try:
                if verb == "warmup":
                    result = warmup(kind, n, spec, count)
                else:
                    result = bulk(kind, n, spec, count)
            finally:
                tracemalloc.stop()
    except Unsupported as e:
        write("unsupported %s reason=%s" % (head, e))
        return
    except MemoryError:
        write("error out of memory building %d instances" % count)
        return
    except Exception as e:  # the probe must answer, whatever happens
        write("error %s: %s" % (type(e).__name__, str(e).replace("\n", " ")[:200]))
        return
    finally:
        del taken[:]
        gc.enable()
        gc.collect()
    write("%s %s count=%d %s" % (verb, head, count,
                                  " ".join("%s=%s" % (k, v) for k, v in result)))


def serve(f):
    why_not = not_modelled(f)
    for raw in iter(sys.stdin.readline, ""):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "quit":
            break
        try:
            verb, fields = parse_request(line)
            if verb == "scan":
                serve_scan(fields, why_not)
                continue
            if verb == "object":
                serve_object(fields, why_not)
                continue
            if verb == "census":
                serve_census(fields, why_not)
                continue
            if verb in ("time", "seedtime", "conditions"):
                base_request[0] = int(fields["base"]) if "base" in fields else None
                serve_timing(verb, fields, why_not)
                continue
            if verb == "batch":
                for one in batch_settings(fields):
                    serve_setting("measure", one, why_not)
                continue
            if verb not in SETTING_VERBS:
                raise ValueError("unknown request '%s'" % verb[:40])
        except ValueError as e:
            write("error %s" % e)
            continue
        serve_setting(verb, fields, why_not)


def clear_type_cache():
    # 3.14 deprecates _clear_type_cache for _clear_internal_caches
    (getattr(sys, "_clear_internal_caches", None) or sys._clear_type_cache)()


# ---- scan: the classes of Python source files, read with ast -----------------
#
#   scan path=P
#     -> scanfile file=F                  (each file read: a heartbeat)
#        scanerror file=F line=L message=M   (a file that does not parse or
#                                          cannot be read; the scan goes on)
#        scanclass file=F line=L name=Q kind=K ...   (one per class, after
#                                          every file was read)
#        scandone files=N classes=C errors=E
#   Nothing is imported or run: each file is parsed by this interpreter's ast.
#   P, and every value below, is percent-encoded (%XX, UTF-8) outside
#   [A-Za-z0-9_.:/@+<>-]; lists are comma-separated. A scanclass line:
#     kind     regular, dataclass, typing-namedtuple, namedtuple (an assignment
#              X = namedtuple(...)), namedtuple-subclass, enum, exception,
#              typeddict, protocol
#     options  the dataclass decorator's keywords given as True (slots,frozen)
#     slots    the names in a literal __slots__; "?" when it is not a literal;
#              absent when the class has none
#     attrs    names stored through self.NAME in the class's functions, as
#              CPython 3.13's __static_attributes__ collects them
#     fields   dataclass and NamedTuple fields (annotations of the body)
#     inherited  the attributes of its bases in the scan (not its own)
#     extra    names set otherwise: setattr(self, "NAME", v),
#              object.__setattr__(self, "NAME", v), stores through a first
#              parameter not named self, self.NAME += v
#     defaults  attributes of a regular class that its body also assigns
#              (a class default, which a slot of that name cannot have)
#     uses     in the class: vars (vars(self)), dict (self.__dict__),
#              dict-write (self.__dict__ or vars(self) updated), setattr
#              (setattr(self, computed, v)), weakref (weakref.*(self)),
#              alias (a first parameter that is not self), getattr-hook
#              (__getattr__ or __setattr__ defined)
#     module_uses  in the module outside classes: vars, dict, setattr,
#              weakref (the module imports weakref)
#     bases    the base expressions, dotted (Generic[] for a subscript)
#     unknown_bases  bases neither in the scan nor known to keep __slots__
#     unslotted_bases  bases in the scan that have no __slots__
#     subclasses  classes in the scan that name this one as a base
#     truncated  1 when lists were cut to keep the line under 7,900 bytes

SCAN_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789_.:/@+<>-")
SCAN_LINE_LIMIT = 7900
SCAN_MAX_FILES = 100000
# bases that add no __dict__ (they have __slots__ = () or are object)
SCAN_SLOTTED_BASES = frozenset(["object", "ABC", "abc.ABC", "Generic[]", "typing.Generic[]"])
SCAN_ENUM_BASES = frozenset(["Enum", "IntEnum", "Flag", "IntFlag", "StrEnum", "ReprEnum"])
SCAN_WEAKREF_CALLS = frozenset(["ref", "proxy", "finalize", "WeakMethod"])


def scan_enc(text):
    out = []
    for ch in text:
        if ch in SCAN_SAFE:
            out.append(ch)
        else:
            out.extend("%%%02X" % b for b in bytearray(ch.encode("utf-8", "surrogateescape")))
    return "".join(out)


def scan_enc_cut(text, limit):
    """scan_enc(text), cut to at most limit characters between escapes."""
    out = scan_enc(text)
    if len(out) <= limit:
        return out
    out = out[:limit]
    cut = out.rfind("%", len(out) - 2)
    return out[:cut] if cut >= 0 else out


def scan_dotted(node):
    import ast
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = scan_dotted(node.value)
        return head + "." + node.attr if head else None
    if isinstance(node, ast.Subscript):
        head = scan_dotted(node.value)
        return head + "[]" if head else None
    if isinstance(node, ast.Call):
        head = scan_dotted(node.func)
        return head + "()" if head else None
    return None


def scan_is_self(node):
    import ast
    return isinstance(node, ast.Name) and node.id == "self"


def scan_const_str(node):
    import ast
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def scan_literal_names(node):
    """The strings of a literal str, tuple, list or set; None otherwise."""
    import ast
    one = scan_const_str(node)
    if one is not None:
        return [one]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        names = [scan_const_str(e) for e in node.elts]
        return None if None in names else names
    if isinstance(node, ast.Dict):   # __slots__ = {"name": "doc"}
        names = [scan_const_str(k) for k in node.keys if k is not None]
        return None if None in names or None in node.keys else names
    return None


def scan_namedtuple_fields(call):
    """Fields of namedtuple("X", "a b") / namedtuple("X", ["a", "b"]) /
    NamedTuple("X", [("a", int)]), or None."""
    import ast
    if len(call.args) < 2:
        return None
    spec = call.args[1]
    text = scan_const_str(spec)
    if text is not None:
        return text.replace(",", " ").split()
    if isinstance(spec, (ast.List, ast.Tuple)):
        out = []
        for e in spec.elts:
            if isinstance(e, (ast.Tuple, ast.List)) and e.elts:
                e = e.elts[0]
            name = scan_const_str(e)
            if name is None:
                return None
            out.append(name)
        return out
    return None


class ScanClass(object):
    def __init__(self, path, line, name, kind):
        self.path, self.line, self.name, self.kind = path, line, name, kind
        self.short = name.split(".")[-1]
        self.options, self.slots, self.bases = [], None, []
        self.attrs, self.fields, self.extra, self.uses = set(), [], set(), set()
        self.augmented, self.class_names = set(), set()
        self.module = None


class ScanModule(object):
    def __init__(self, path):
        self.path = path
        self.classes = []
        self.uses = set()
        self.weakref_names = set()


def scan_add(record, key, value):
    if record is not None:
        getattr(record, key).add(value)


def scan_walk(node, module, scopes):
    """scopes: (kind, record-or-None, first-parameter-name) from the module
    down; a class scope's record is its ScanClass."""
    import ast
    # the class that owns code here: __static_attributes__ goes to the
    # nearest class enclosing the current function (a class body's own
    # statements go to the class around it)
    owner = None
    for kind, rec, first in reversed(scopes[:-1] if scopes and scopes[-1][0] == "class"
                                     else scopes):
        if kind == "class":
            owner = rec
            break
    inner = None   # the nearest enclosing class of any depth (uses)
    for kind, rec, first in reversed(scopes):
        if kind == "class":
            inner = rec
            break
    method_first = None
    if len(scopes) >= 2 and scopes[-1][0] == "function" and scopes[-2][0] == "class":
        method_first = scopes[-1][2]

    if isinstance(node, ast.ClassDef):
        scan_class(node, module, scopes)
        return
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        for d in getattr(node, "decorator_list", []):
            scan_walk(d, module, scopes)
        for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            scan_walk(d, module, scopes)
        params = list(getattr(node.args, "posonlyargs", [])) + list(node.args.args)
        first = params[0].arg if params else None
        static = any(scan_dotted(d) in ("staticmethod", "classmethod")
                     for d in getattr(node, "decorator_list", []))
        if isinstance(node, ast.Lambda):
            scan_walk(node.body, module, scopes + [("function", None, None)])
            return
        if scopes and scopes[-1][0] == "class" and node.name in ("__getattr__", "__setattr__"):
            scan_add(scopes[-1][1], "uses", "getattr-hook")
        here = scopes + [("function", node.name, None if static else first)]
        for stmt in node.body:
            scan_walk(stmt, module, here)
        return
    if isinstance(node, ast.AugAssign):    # self.x += 1 is not collected...
        if isinstance(node.target, ast.Attribute) and scan_is_self(node.target.value) and owner:
            owner.augmented.add(node.target.attr)   # ...but the instance gets an x
        scan_walk(node.target.value if isinstance(node.target, ast.Attribute) else node.target,
                  module, scopes)
        scan_walk(node.value, module, scopes)
        return
    if isinstance(node, ast.AnnAssign) and node.value is None:   # self.x: int stores nothing
        if not isinstance(node.target, ast.Name):
            scan_walk(node.target.value if isinstance(node.target, ast.Attribute) else node.target,
                      module, scopes)
        return
    if isinstance(node, ast.Attribute):
        if scan_is_self(node.value):
            if isinstance(node.ctx, ast.Store):
                scan_add(owner, "attrs", node.attr)
            if node.attr == "__dict__":
                scan_add(inner, "uses", "dict")
        elif (method_first and method_first != "self" and isinstance(node.value, ast.Name) and
              node.value.id == method_first and isinstance(node.ctx, ast.Store) and inner):
            inner.extra.add(node.attr)
            inner.uses.add("alias")
        elif node.attr == "__dict__" and inner is None:
            module.uses.add("dict")
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
        if scan_dict_of_self(node.value):
            scan_add(inner, "uses", "dict-write")
    if isinstance(node, ast.Call):
        scan_call(node, module, inner)
    if isinstance(node, ast.Assign) and inner is None and isinstance(node.value, ast.Call):
        scan_namedtuple_assign(node, module, scopes)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        names = [a.name for a in node.names]
        if (isinstance(node, ast.Import) and "weakref" in names) or \
           (isinstance(node, ast.ImportFrom) and node.module == "weakref"):
            module.uses.add("weakref")
            if isinstance(node, ast.ImportFrom):
                module.weakref_names.update(a.asname or a.name for a in node.names)
    for child in ast.iter_child_nodes(node):
        scan_walk(child, module, scopes)


def scan_dict_of_self(node):
    """self.__dict__ or vars(self)."""
    import ast
    if isinstance(node, ast.Attribute) and node.attr == "__dict__" and scan_is_self(node.value):
        return True
    return (isinstance(node, ast.Call) and scan_dotted(node.func) == "vars" and
            len(node.args) == 1 and scan_is_self(node.args[0]))


def scan_call(node, module, inner):
    import ast
    name = scan_dotted(node.func) or ""
    first = node.args[0] if node.args else None
    if name == "vars" and len(node.args) == 1:
        if scan_is_self(first):
            scan_add(inner, "uses", "vars")
        elif inner is None:
            module.uses.add("vars")
    if name in ("setattr", "object.__setattr__") and len(node.args) >= 2:
        literal = scan_const_str(node.args[1])
        if scan_is_self(first):
            if literal is None:
                scan_add(inner, "uses", "setattr")
            elif inner is not None:
                inner.extra.add(literal)
        elif inner is None and literal is None:
            module.uses.add("setattr")
    if isinstance(node.func, ast.Attribute) and node.func.attr in ("update", "setdefault") and \
            scan_dict_of_self(node.func.value):
        scan_add(inner, "uses", "dict-write")
    weak = (name.startswith("weakref.") and name.split(".")[-1] in SCAN_WEAKREF_CALLS) or \
        (name in module.weakref_names and name in SCAN_WEAKREF_CALLS)
    if weak and first is not None:
        target = first.value if isinstance(first, ast.Attribute) else first
        if scan_is_self(target):
            scan_add(inner, "uses", "weakref")


def scan_namedtuple_assign(node, module, scopes):
    import ast
    name = scan_dotted(node.value.func) or ""
    if name.split(".")[-1] not in ("namedtuple", "NamedTuple") or len(node.targets) != 1 or \
            not isinstance(node.targets[0], ast.Name):
        return
    fields = scan_namedtuple_fields(node.value)
    rec = ScanClass(module.path, node.lineno, scan_qualname(scopes, node.targets[0].id),
                    "namedtuple" if name.split(".")[-1] == "namedtuple" else "typing-namedtuple")
    rec.fields = fields if fields is not None else []
    if fields is None:
        rec.uses.add("fields-unknown")
    rec.module = module
    module.classes.append(rec)


def scan_qualname(scopes, name):
    parts = []
    for kind, rec, first in scopes:
        if kind == "class":
            parts.append(rec.short)
        elif kind == "function":
            parts.extend([rec or "<lambda>", "<locals>"])
    return ".".join(parts + [name])


def scan_class(node, module, scopes):
    import ast
    rec = ScanClass(module.path, node.lineno, scan_qualname(scopes, node.name), "regular")
    rec.module = module
    module.classes.append(rec)
    for d in node.decorator_list:
        dname = scan_dotted(d) or ""
        if dname.split("(")[0] in ("dataclass", "dataclasses.dataclass", "dataclass()",
                                   "dataclasses.dataclass()"):
            rec.kind = "dataclass"
            if isinstance(d, ast.Call):
                rec.options = sorted(k.arg for k in d.keywords if k.arg and
                                     isinstance(k.value, ast.Constant) and k.value.value is True)
        scan_walk(d, module, scopes)
    for b in node.bases:
        bname = scan_dotted(b) or "<expression>"
        rec.bases.append(bname)
        short = bname.split(".")[-1]
        if short in ("NamedTuple",):
            rec.kind = "typing-namedtuple"
        elif isinstance(b, ast.Call) and short in ("namedtuple()", "NamedTuple()"):
            rec.kind = "namedtuple-subclass"
        elif short in SCAN_ENUM_BASES:
            rec.kind = "enum"
        elif short in ("TypedDict",):
            rec.kind = "typeddict"
        elif short in ("Protocol", "Protocol[]"):
            rec.kind = "protocol"
        elif short in ("BaseException", "Exception") or short.endswith(("Error", "Warning")):
            rec.kind = "exception"
        scan_walk(b, module, scopes)
    for k in node.keywords:
        scan_walk(k.value, module, scopes)
    here = scopes + [("class", rec, None)]
    for stmt in node.body:
        target = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign):
            target, value = stmt.target, stmt.value
            ann = scan_dotted(stmt.annotation) or ""
            if isinstance(target, ast.Name) and target.id != "__slots__" and \
                    ann.split(".")[-1] not in ("ClassVar", "ClassVar[]", "InitVar", "InitVar[]"):
                rec.fields.append(target.id)
        if isinstance(target, ast.Name) and target.id != "__slots__" and value is not None:
            rec.class_names.add(target.id)
        if isinstance(target, ast.Name) and target.id == "__slots__":
            names = scan_literal_names(value) if value is not None else None
            rec.slots = names if names is not None else "?"
        scan_walk(stmt, module, here)


def scan_file(path):
    """A ScanModule, or (line, message) for a file that cannot be read or parsed."""
    import ast
    try:
        with open(path, "rb") as f:
            source = f.read()
    except (IOError, OSError) as e:
        return (0, "cannot read: %s" % (e.strerror or e))
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as e:
        return (e.lineno or 0, "syntax error: %s" % (e.msg or "invalid syntax"))
    except (ValueError, TypeError) as e:   # null bytes, bad encoding declarations
        return (0, "cannot parse: %s" % e)
    except (RecursionError, MemoryError):
        return (0, "cannot parse: nested too deeply")
    module = ScanModule(path)
    try:
        for stmt in tree.body:
            scan_walk(stmt, module, [])
    except (RecursionError, MemoryError):
        return (0, "cannot scan: nested too deeply")
    except Exception as e:   # a construct this reader does not expect: skip the file, say so
        return (getattr(e, "lineno", 0) or 0, "cannot scan: %s: %s" % (type(e).__name__, e))
    return module


def scan_paths(path):
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for name in sorted(files):
                full = os.path.join(root, name)
                if name.endswith(".py") and os.path.isfile(full):
                    yield full
    else:
        yield path


def scan_record_line(rec, by_name):
    fields = [("line", str(rec.line)), ("kind", rec.kind), ("name", rec.name), ("file", rec.path)]
    lists = []
    if rec.options:
        lists.append(("options", rec.options))
    if rec.slots == "?":
        fields.append(("slots", "?"))
    elif rec.slots is not None:
        lists.append(("slots", rec.slots))
    lists.append(("attrs", sorted(rec.attrs)))
    lists.append(("fields", rec.fields))
    lists.append(("extra", sorted((rec.extra | rec.augmented) - rec.attrs)))
    lists.append(("defaults", sorted(rec.class_names & (rec.attrs | rec.extra | rec.augmented))
                  if rec.kind == "regular" else []))
    lists.append(("uses", sorted(rec.uses)))
    lists.append(("module_uses", sorted(rec.module.uses) if rec.module else []))
    lists.append(("inherited", sorted(scan_inherited(rec, by_name, set()) - rec.attrs -
                                      set(rec.fields) - rec.extra)))
    lists.append(("bases", rec.bases))
    unknown, unslotted = [], []
    for b in rec.bases:
        if b in SCAN_SLOTTED_BASES or rec.kind not in ("regular", "dataclass"):
            continue
        found = by_name.get(b.split(".")[-1])
        if not found:
            unknown.append(b)
        elif all(c.slots is None and "slots" not in c.options for c in found):
            unslotted.append(b)
    lists.append(("unknown_bases", unknown))
    lists.append(("unslotted_bases", unslotted))
    lists.append(("subclasses", sorted(set(c.name for c in rec.subclasses))))
    head = "scanclass " + " ".join("%s=%s" % (k, scan_enc_cut(v, 3000)) for k, v in fields)
    # cut the longest list until the line fits
    truncated = 0
    while True:
        body = " ".join("%s=%s" % (k, ",".join(scan_enc(x) for x in v)) for k, v in lists)
        line = "%s %s truncated=%d" % (head, body, truncated)
        if len(line) <= SCAN_LINE_LIMIT:
            return line
        truncated = 1
        longest = max(range(len(lists)), key=lambda i: len(",".join(lists[i][1])))
        if not lists[longest][1]:
            return "%s truncated=1" % head
        lists[longest] = (lists[longest][0], list(lists[longest][1])[:len(lists[longest][1]) // 2])


def scan_find_base(rec, name, by_name):
    """The class of the scan a base expression names: one of the same module
    first; None when there is none."""
    found = [c for c in by_name.get(name.split(".")[-1], []) if c is not rec]
    same = [c for c in found if c.module is rec.module]
    return (same or found or [None])[0]


def scan_inherited(rec, by_name, seen):
    """The attributes its bases in the scan give its instances."""
    out = set()
    for b in rec.bases:
        base = scan_find_base(rec, b, by_name)
        if base is None or id(base) in seen:
            continue
        seen.add(id(base))
        out |= base.attrs | set(base.fields) | base.extra
        out |= scan_inherited(base, by_name, seen)
    return out


def scan_request(fields):
    path = scan_decode(fields.get("path", ""))
    if not path:
        raise ValueError("scan needs path=PATH")
    if not os.path.exists(path):
        raise ValueError("scan: %s: no such file or directory" % scan_enc(path))
    if not os.path.isdir(path) and not os.path.isfile(path):
        raise ValueError("scan: %s: not a regular file or a directory" % scan_enc(path))
    modules, errors, files = [], 0, 0
    for name in scan_paths(path):
        files += 1
        if files > SCAN_MAX_FILES:
            raise ValueError("scan: more than %d files under %s" % (SCAN_MAX_FILES, scan_enc(path)))
        got = scan_file(name)
        write("scanfile file=%s" % scan_enc_cut(name, 7000))
        if isinstance(got, tuple):
            errors += 1
            write("scanerror file=%s line=%d message=%s" % (scan_enc_cut(name, 6000), got[0],
                                                           scan_enc_cut(got[1], 1000)))
        else:
            modules.append(got)
    by_name = {}
    for m in modules:
        for c in m.classes:
            c.subclasses = []
            by_name.setdefault(c.short, []).append(c)
    for m in modules:
        for c in m.classes:
            for b in c.bases:
                for base in by_name.get(b.split(".")[-1], []):
                    if base is not c:
                        base.subclasses.append(c)
    count = 0
    for m in modules:
        for c in m.classes:
            write(scan_record_line(c, by_name))
            count += 1
    write("scandone files=%d classes=%d errors=%d" % (files, count, errors))


def scan_decode(text):
    """%XX back to bytes, then text as the file system names it."""
    raw = bytearray()
    i = 0
    while i < len(text):
        if text[i] == "%" and len(text[i + 1:i + 3]) == 2:
            try:
                raw.append(int(text[i + 1:i + 3], 16))
                i += 3
                continue
            except ValueError:
                pass
        raw.extend(text[i].encode("utf-8"))
        i += 1
    return bytes(raw).decode("utf-8", "surrogateescape")


def serve_scan(fields, why_not):
    if why_not:
        write("unsupported scan reason=%s" % why_not)
        return
    if sys.version_info < (3, 8):
        write("unsupported scan reason=the-scan-needs-python-3.8")
        return
    try:
        scan_request(fields)
    except ValueError as e:
        write("error %s" % e)
    except Exception as e:  # the probe must answer, whatever happens
        write("error %s: %s" % (type(e).__name__, str(e).replace("\n", " ")[:200]))


# ---- your own classes: object and census ---------------------------------------
# These requests import the user's module and run the user's code, in this
# process only: slotexplore's own process never does.

OBJECT_MAX_SAMPLES = 1000
HEAPTYPE = 1 << 9


def is_user_instance(obj):
    """An instance of a class defined in Python (a heap type), not a class,
    a function or a module."""
    t = type(obj)
    if isinstance(obj, type) or not (t.__flags__ & HEAPTYPE):
        return False
    import types
    return not isinstance(obj, (types.FunctionType, types.ModuleType, types.MethodType))


def plain_cut(text, n):
    """text for a one-line message: no line breaks, at most n characters."""
    text = " ".join(str(text).split("\n"))
    return text if len(text) <= n else text[:n - 3] + "..."


def not_user_class(t):
    if t.__module__ == "builtins" or not (t.__flags__ & HEAPTYPE):
        return "a built-in type, not an instance of a class defined in Python"
    return "not an instance of a class or an iterable of them"


def last_line(e):
    """TYPE: the last line of its message (a traceback's last line)."""
    lines = [x for x in str(e).splitlines() if x.strip()]
    return ("%s: %s" % (type(e).__name__, lines[-1]) if lines else type(e).__name__)[:300]


def import_user_module(name, paths):
    import importlib
    for p in reversed(paths):
        sys.path.insert(0, os.path.abspath(p))
    if not name or not all(part.isidentifier() for part in name.split(".")):
        raise ValueError("'%s' is not a module name" % plain_cut(name, 200))
    try:
        return importlib.import_module(name)
    except SyntaxError as e:
        raise ValueError("importing %s: syntax error in %s line %s: %s" % (
            name, os.path.basename(e.filename or "?"), e.lineno, e.msg))
    except ImportError as e:
        if getattr(e, "name", None) == name.split(".")[0] or getattr(e, "name", None) == name:
            raise ValueError("no module named %s on the path (%s)" % (
                name, plain_cut(":".join(paths) or ".", 500)))
        raise ValueError("importing %s raised %s" % (name, last_line(e)))
    except BaseException as e:
        raise ValueError("importing %s raised %s" % (name, last_line(e)))


def user_expression(module, expr):
    """(make, first result): make() evaluates EXPR in the module's
    namespace; a class is called with no arguments."""
    try:
        code = compile(expr, "<expr>", "eval")
    except SyntaxError as e:
        raise ValueError("'%s' is not a Python expression: %s" % (plain_cut(expr, 200), e.msg))
    ns = dict(vars(module))

    def make():
        return eval(code, ns)
    try:
        got = make()
    except BaseException as e:
        raise ValueError("%s raised %s" % (plain_cut(expr, 200), last_line(e)))
    if isinstance(got, type):
        cls = got
        try:
            got = cls()
        except BaseException as e:
            raise ValueError("%s() fails (%s): give an expression that builds one, such as %s(...)"
                             % (cls.__name__, last_line(e), cls.__name__))
        make = cls
    return make, got


def instances_in(got, expr):
    """The sample instances a result gives: itself, or an iterable's."""
    if is_user_instance(got) and not (isinstance(got, (list, set, frozenset, dict)) or
                                      (isinstance(got, tuple) and not hasattr(got, "_fields"))):
        return [got], False
    if isinstance(got, (str, bytes, bytearray, dict)) or not hasattr(got, "__iter__"):
        raise ValueError("%s gives a %s, %s" % (plain_cut(expr, 200), type(got).__name__,
                                                not_user_class(type(got))))
    import itertools
    items = list(itertools.islice(iter(got), OBJECT_MAX_SAMPLES))
    if not items:
        raise ValueError("%s gives an empty %s" % (plain_cut(expr, 200), type(got).__name__))
    if not is_user_instance(items[0]):
        raise ValueError("%s gives a %s of %s, %s" % (
            plain_cut(expr, 200), type(got).__name__, type(items[0]).__name__,
            not_user_class(type(items[0]))))
    return [x for x in items if type(x) is type(items[0])], True


def class_slots(cls):
    """The names a class's own __slots__ gives, or None without one."""
    if "__slots__" not in cls.__dict__:
        return None
    s = cls.__dict__["__slots__"]
    return [s] if isinstance(s, str) else list(s)


def instance_attrs(obj):
    """[(name, where)] in storage order: tuple items, member slots (base
    first), then the __dict__'s keys in insertion order."""
    cls = type(obj)
    out = []
    if isinstance(obj, tuple) and hasattr(cls, "_fields"):
        return [(f, "item") for f in cls._fields]
    for c in reversed(cls.__mro__):
        for name in class_slots(c) or []:
            if name in ("__dict__", "__weakref__"):
                continue
            mangled = name
            if name.startswith("__") and not name.endswith("__"):
                mangled = "_%s%s" % (c.__name__.lstrip("_"), name)
            if hasattr(obj, mangled) and (mangled, "slot") not in out:
                out.append((mangled, "slot"))
    if cls.__dictoffset__:
        out.extend((k, "dict") for k in vars(obj))
    return out


EXACT_SIZEOF = (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset)


def shallow_requested(value):
    """Bytes the allocator gave value itself. getsizeof is that for the
    built-in containers and scalars; other objects may get less than their
    type's size (a datetime without tzinfo: 40 of 48), so a fresh copy is
    measured with tracemalloc, as instances are."""
    if type(value) in EXACT_SIZEOF or isinstance(value, EXACT_SIZEOF):
        return sys.getsizeof(value)
    import copy
    try:
        if type(copy.copy(value)) is not type(value) or copy.copy(value) is value:
            return sys.getsizeof(value)
        total, objs, kept, measured, first = traced_batches_start(
            "object", lambda _v: copy.copy(value), None, 100)
        del objs, kept, first
    except Exception:
        return sys.getsizeof(value)
    return -(-total // measured) if total > 0 else sys.getsizeof(value)


def owned_bytes(value, other, seen):
    """getsizeof of the objects value reaches (through containers, __dict__
    and __slots__) that are not the same object in the other sample."""
    if id(value) in seen or value is other:
        return 0
    seen.add(id(value))
    if value is None or isinstance(value, type):
        return 0
    size = shallow_requested(value)
    if isinstance(value, dict):
        others = other if isinstance(other, dict) else {}
        for k, v in value.items():
            size += owned_bytes(k, k if k in others else None, seen)
            size += owned_bytes(v, others.get(k), seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        others = list(other) if isinstance(other, (list, tuple)) else []
        for i, item in enumerate(value):
            size += owned_bytes(item, others[i] if i < len(others) else None, seen)
    return size


def mro_line(c):
    slots = class_slots(c)
    import dataclasses
    return "objmro name=%s module=%s heap=%d slots=%s dict=%d weakref=%d dataclass=%d" % (
        scan_enc_cut(c.__qualname__, 300), scan_enc_cut(c.__module__ or "?", 300),
        1 if c.__flags__ & HEAPTYPE else 0,
        "-" if slots is None else ",".join(scan_enc(s) for s in slots),
        1 if c.__dictoffset__ else 0, 1 if c.__weakrefoffset__ else 0,
        1 if dataclasses.is_dataclass(c) and "__dataclass_fields__" in c.__dict__ else 0)


def class_scan_line(cls):
    """The scan's record of the class, from its module's source, or None."""
    try:
        import inspect
        path = inspect.getsourcefile(cls)
    except (TypeError, OSError):
        return None
    if not path or not os.path.isfile(path):
        return None
    module = scan_file(path)
    if isinstance(module, tuple):
        return None
    by_name = {}
    for c in module.classes:
        c.subclasses = []
        by_name.setdefault(c.short, []).append(c)
    for c in module.classes:
        for b in c.bases:
            for base in by_name.get(b.split(".")[-1], []):
                if base is not c:
                    base.subclasses.append(c)
    for c in module.classes:
        if c.name == cls.__qualname__:
            return scan_record_line(c, by_name)
    return None


def static_attributes(cls):
    """The names the methods of cls and its bases assign (3.13+), the
    class's own first; None before 3.13."""
    if "__static_attributes__" not in cls.__dict__:
        return None
    names = []
    for c in cls.__mro__:
        for n in c.__dict__.get("__static_attributes__", ()):
            if n not in names:
                names.append(n)
    return names


def interpreter_cached(value):
    """Objects the interpreter keeps anyway (small ints, one-character
    strings, empty tuples...): different between two instances, yet owned
    by neither."""
    if value is None or value is True or value is False or value is Ellipsis:
        return True
    if type(value) is int:
        return -5 <= value <= 256
    if type(value) in (str, bytes):
        return len(value) == 0 or (len(value) == 1 and ord(value[:1]) < 256)
    if type(value) in (tuple, frozenset):
        return len(value) == 0
    return False


def is_typed_namedtuple(cls):
    """A typing.NamedTuple class: annotations of its own (3.14 keeps them
    lazily, in __annotate__) or NamedTuple among its original bases."""
    if "__annotations__" in cls.__dict__ or "__annotate__" in cls.__dict__:
        return True
    try:
        import typing
        return any(b is typing.NamedTuple for b in getattr(cls, "__orig_bases__", ()))
    except Exception:
        return False


def object_class_lines(cls, samples):
    """objclass, objmro, objattr: what the instances are."""
    import dataclasses
    first = samples[0]
    other = samples[1] if len(samples) > 1 else None
    attrs = instance_attrs(first)
    names = [n for n, _ in attrs]
    same = all([n for n, _ in instance_attrs(s)] == names for s in samples[1:])
    static = static_attributes(cls)
    subclasses = sorted(set(c.__qualname__ for c in cls.__subclasses__()))
    slots = class_slots(cls)
    nt = isinstance(first, tuple) and hasattr(cls, "_fields")
    write("objclass name=%s module=%s samples=%d same_attrs=%d dict=%d weakref=%d "
          "slots=%s dataclass=%d namedtuple=%d typed=%d static=%s subclasses=%s "
          "class_attrs=%s" % (
              scan_enc_cut(cls.__qualname__, 300), scan_enc_cut(cls.__module__ or "?", 300),
              len(samples), 1 if same else 0, 1 if cls.__dictoffset__ else 0,
              1 if cls.__weakrefoffset__ else 0,
              "-" if slots is None else ",".join(scan_enc(s) for s in slots),
              1 if dataclasses.is_dataclass(cls) else 0, 1 if nt else 0,
              1 if nt and is_typed_namedtuple(cls) else 0,
              "-" if static is None else ",".join(scan_enc(s) for s in static),
              ",".join(scan_enc(s) for s in subclasses[:200]),
              ",".join(scan_enc(n) for n in names
                       if any(n in c.__dict__ for c in cls.__mro__[:-1]) and
                       not hasattr(cls.__dict__.get(n), "__get__"))))
    for c in cls.__mro__[:-1]:
        write(mro_line(c))
    for i, (name, where) in enumerate(attrs):
        value = getattr(first, name)
        theirs = getattr(other, name, None) if other is not None else None
        owned = other is not None and theirs is not value and not interpreter_cached(value)
        try:
            deep = measure_deep_size(value)
        except Exception:
            deep = sys.getsizeof(value)
        write("objattr i=%d name=%s where=%s type=%s getsizeof=%d deep=%d owned=%d owned_bytes=%d"
              % (i, scan_enc_cut(name, 300), where, scan_enc_cut(type(value).__qualname__, 200),
                 sys.getsizeof(value), deep, 1 if owned else 0,
                 owned_bytes(value, theirs, set()) if owned else 0))
    return names


def traced_iterable(make, count, cls):
    """(instances kept, bytes per instance, exact): make() gives a list or
    tuple of instances (or another iterable). Every result is kept alive
    until the end, so that nothing freed in between is counted; a list's or
    a tuple's own bytes (its getsizeof) are taken out. Any other iterable is
    freed once read, and items of other classes are counted with the
    instances: the figure is then a mean, not exact."""
    import tracemalloc
    results, keep = [], []
    exact = True
    gc.collect()
    empty_free_lists()
    tracemalloc.start()
    try:
        start = traced()
        while len(keep) < count:
            got = make()
            before = len(keep)
            if isinstance(got, (list, tuple)) and not hasattr(got, "_fields"):
                results.append(got)
                keep.extend(x for x in got if type(x) is cls)
                if len(keep) - before != len(got):
                    exact = False
            else:
                keep.extend(x for x in got if type(x) is cls)
                exact = False
            del got
            if len(keep) == before:
                raise ValueError("a second evaluation gave no %s instance"
                                 % plain_cut(cls.__name__, 100))
        end = traced()
    finally:
        tracemalloc.stop()
    # keep itself grew while tracing: its own bytes are not the instances'
    empty = sys.getsizeof([])
    total = end - start - (sys.getsizeof(keep) - empty) - (sys.getsizeof(results) - empty)
    total -= sum(sys.getsizeof(r) for r in results)
    if exact:
        return keep, per_instance(total, len(keep)), True
    return keep, "%.3f" % (float(total) / len(keep)), False


def alternative_class(kind, cls_name, names):
    """(cls, make) for the same attribute names laid out as kind; make(v)
    takes the values in order."""
    body = "".join("        self.%s = v[%d]\n" % (n, i) for i, n in enumerate(names)) or "        pass\n"
    if kind == "regular":
        ns = compile_source("class %s:\n    def __init__(self, v):\n%s" % (cls_name, body), {})
        return ns[cls_name], ns[cls_name]
    if kind == "slots":
        ns = compile_source("class %s:\n    __slots__ = %r\n    def __init__(self, v):\n%s"
                            % (cls_name, tuple(names), body), {})
        return ns[cls_name], ns[cls_name]
    if kind == "slots-weakref":
        ns = compile_source("class %s:\n    __slots__ = %r\n    def __init__(self, v):\n%s"
                            % (cls_name, tuple(names) + ("__weakref__",), body), {})
        return ns[cls_name], ns[cls_name]
    if kind == "dataclass-slots":
        if sys.version_info < (3, 10):
            raise Unsupported("dataclass(slots=True)-needs-python-3.10")
        import dataclasses
        ns = compile_source("class %s:\n%s" % (cls_name, "".join(
            "    %s: object = None\n" % n for n in names) or "    pass\n"), {})
        c = dataclasses.dataclass(slots=True)(ns[cls_name])
        return c, lambda v: c(*v)
    if kind == "namedtuple":
        import collections
        c = collections.namedtuple(cls_name, names, rename=True)
        return c, lambda v: c(*v)
    if kind == "tuple":
        return None, tuple
    raise ValueError("unknown alternative '%s'" % kind)


OBJECT_ALTERNATIVES = ("regular", "slots", "slots-weakref", "dataclass-slots", "namedtuple",
                       "tuple")


def object_alternatives(cls, first, names, count):
    """Each alternative built with the sample's own value objects, so that
    what is measured is the layout alone."""
    values = [getattr(first, n) for n in names]
    plain = [n.lstrip("_") or "f" for n in names]
    ok_names = all(n.isidentifier() and not n.startswith("_") for n in plain) and \
        len(set(plain)) == len(plain)
    if not ok_names:
        plain = ["a%d" % i for i in range(len(names))]
    for kind in OBJECT_ALTERNATIVES:
        try:
            alt, make = alternative_class(kind, cls.__name__ if cls.__name__.isidentifier()
                                          else "C", plain)
        except Unsupported as e:
            write("objalt kind=%s unsupported=%s" % (kind, e))
            continue
        fixed = list(values)
        objs = [None] * 8
        try:
            tracemalloc_total, objs, kept, measured, first_batch = traced_batches_start(
                kind, make, fixed, count)
        except Exception as e:
            write("objalt kind=%s error=%s" % (kind, scan_enc_cut(last_line(e), 300)))
            continue
        obj = objs[-1]
        dict_size = "-"
        if kind == "regular":
            dict_size = sys.getsizeof(objs[0].__dict__)
        write("objalt kind=%s getsizeof=%d requested=%s per_class=%s dict_getsizeof=%s"
              % (kind, sys.getsizeof(obj), per_instance(tracemalloc_total, measured),
                 sys.getsizeof(alt) if alt is not None else "-", dict_size))
        del objs, kept, first_batch


def traced_batches_start(kind, make, fixed, count):
    import tracemalloc
    tracemalloc.start()
    try:
        return traced_batches(kind, make, lambda index: fixed, count)
    finally:
        tracemalloc.stop()


REACHABLE_MAX = 2000000


def reachable_instances(root, qualname):
    """The instances of the class named qualname (module.qualname, or the
    qualified name alone) that root reaches, in the order met, through
    gc.get_referents; at most REACHABLE_MAX objects are visited."""
    found, seen, pending = [], set(), [root]
    while pending and len(seen) < REACHABLE_MAX:
        obj = pending.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        t = type(obj)
        if t.__qualname__ == qualname or "%s.%s" % (t.__module__, t.__qualname__) == qualname:
            found.append(obj)
        if isinstance(obj, type) or type(obj).__module__ == "builtins" and not \
                isinstance(obj, (list, tuple, dict, set, frozenset)):
            continue   # classes, functions, modules: not the workload's data
        pending.extend(gc.get_referents(obj))
    found.reverse()
    return found


def dict_materialized(obj):
    """1 when a fresh instance already has a dict object (its code touched
    self.__dict__ or vars(self)), 0 when its values are inline (3.11+: a
    dict is made only when asked for), - without a __dict__. Read from the
    GC's referents, which name the dict only when it exists; asking for
    obj.__dict__ first would make one."""
    if not type(obj).__dictoffset__:
        return "-"
    if sys.version_info < (3, 11):
        return "1"
    refs = gc.get_referents(obj)
    d = obj.__dict__
    return "1" if any(r is d for r in refs) else "0"


def object_request(fields):
    """The object request, with the user's prints sent to stderr and its
    reads given /dev/null for all of its run: the user's code runs all
    along (each measured instance is built by EXPR)."""
    with CensusIO() as io:
        out = os.fdopen(os.dup(io.fds[1]), "w")
        protocol_out[0] = out
        try:
            object_request_run(fields)
        finally:
            protocol_out[0] = None
            out.close()


def object_request_run(fields):
    module_name = scan_decode(fields.get("module", ""))
    expr = scan_decode(fields.get("expr", ""))
    paths = [scan_decode(p) for p in fields.get("path", ".").split(",") if p]
    count = int(fields.get("count", "1000"))
    if not 10 <= count <= 1000000:
        raise ValueError("count must be 10 to 1000000")
    if not expr:
        raise ValueError("object needs expr=EXPR")
    module = import_user_module(module_name, paths)
    make, got = user_expression(module, expr)
    wanted = scan_decode(fields.get("class", ""))
    if wanted:
        # one class of a workload's result (a census's row): its instances
        # reachable from what EXPR gives, EXPR evaluated again for each batch
        whole = make
        make = lambda: reachable_instances(whole(), wanted)
        got = reachable_instances(got, wanted)
        if not got:
            raise ValueError("%s gives no %s instance" % (plain_cut(expr, 200),
                                                          plain_cut(wanted, 200)))
    samples, iterable = instances_in(got, expr)
    if len(samples) < 2:
        # a second evaluation tells owned values from shared ones
        try:
            more, _ = instances_in(make(), expr)
            samples = samples + [x for x in more if type(x) is type(samples[0])][:1]
        except (ValueError, Exception):
            pass
    cls = type(samples[0])
    if not state["ready"]:
        prepare()
    line = class_scan_line(cls)
    if line:
        write(line)
    gc.collect()
    clear_type_cache()
    names = object_class_lines(cls, samples)
    # measured: instances as EXPR builds them, values included
    fresh, iterable_fresh = instances_in(make(), expr)
    write("objfresh dict_materialized=%s" % dict_materialized(fresh[0]))
    gc.disable()
    try:
        if wanted:
            # the workload's bytes are not this class's: no requested figure
            keep, requested = list(samples), "-"
            measured = len(keep)
        elif iterable:
            keep, requested, exact = traced_iterable(make, count, cls)
            measured = len(keep)
        else:
            # as the alternatives are measured: batches, strays left out
            total, keep, kept, measured, first_batch = traced_batches_start(
                "object", lambda _v: make(), None, count)
            del kept, first_batch
            requested = per_instance(total, measured)
        one = keep[-1]
        fields_out = [("count", measured), ("getsizeof", sys.getsizeof(one)),
                      ("requested", requested), ("iterable", 1 if iterable else 0),
                      ("per_class", sys.getsizeof(cls))]
        try:
            deep = measure_deep_size(keep[0])
        except Exception:
            deep = "-"
        fields_out.append(("deep", deep))
        fields_out.append(("dict_getsizeof", sys.getsizeof(keep[1].__dict__)
                           if cls.__dictoffset__ and len(keep) > 1 else "-"))
        del keep
        gc.collect()
        object_alternatives(cls, fresh[0], names, min(count, 1000))
    finally:
        del taken[:]
        gc.enable()
        gc.collect()
    write("objmeasure " + " ".join("%s=%s" % (k, v) for k, v in fields_out))
    write("objdone class=%s attrs=%d" % (scan_enc_cut(cls.__qualname__, 300), len(names)))


def serve_object(fields, why_not):
    serve_user_code("object", object_request, fields, why_not)


# ---- census: the live instances of the user's classes ---------------------------
#
#   census module=M expr=E [path=P1,P2] [cap=N] [top=K]
#     -> censusstage stage=imported seconds=S      (M imported from the paths)
#        censusstage stage=evaluated seconds=S result=T   (E evaluated, giving a T;
#                                                   the result is kept alive)
#        censusbeat objects=N                      (while counting, every 0.5 s)
#        censusclass rank=R name=Q module=M kind=K count=C nattrs=A attrs=NAMES
#                    same_attrs=S attrs_checked=T dict=0|1 weakref=0|1
#                    weakly_referenced=W slots=NAMES|- dataclass=0|1 namedtuple=0|1
#                    getsizeof_total=G dict_total=D untracked=U scan=0|1 truncated=0|1
#        scanclass ...       (after a censusclass with scan=1: the class as the scan
#                             reads its source, for the reasons)
#        censusdone objects=N cap=C cap_hit=0|1 classes=K shown=T instances=I bytes=B
#     or error census: <one line>
#   The user's code runs here: M is imported and E evaluated in M's namespace
#   (stdout and stdin point at stderr and /dev/null meanwhile), then every
#   live instance of a class defined outside the standard library is counted:
#   those gc.get_objects() lists (at most cap=N, default 10,000,000: cap_hit=1
#   when there were more and the counts stop there), and those that are not
#   GC-tracked but referenced from one that is (or are the result itself).
#   A class is the standard library's when its top-level module is in
#   sys.stdlib_module_names (3.10+), or built in, or (3.8, 3.9) its file is
#   under sysconfig's stdlib paths and not under site-packages; the probe's
#   own classes (__main__) and those of modules loaded before M (site, .pth
#   files) are left out. The top=K (default 20) classes by
#   G + D are sent, sorted so: C instances of class Q; NAMES, the attributes
#   (slots first, then the __dict__'s keys) most instances hold, S of the T
#   instances checked (every one with a __dict__, else the first 1000) hold
#   exactly those; G = sum of sys.getsizeof(instance), D = sum of
#   sys.getsizeof(instance.__dict__) (reading __dict__ makes the dict object
#   on 3.11+ when the instance had none); W instances have a weak reference;
#   U of the C were found as untracked objects. kind is regular, dataclass,
#   namedtuple, typing-namedtuple, namedtuple-subclass, enum or exception.

CENSUS_DEFAULT_CAP = 10000000
CENSUS_CHUNK = 20000
CENSUS_ATTR_SAMPLE = 1000
CENSUS_LIST_LIMIT = 4000


class CensusIO(object):
    """While the user's code runs, what it prints goes to stderr and what it
    reads comes from /dev/null: stdout and stdin are the protocol's."""

    def __enter__(self):
        sys.stdout.flush()
        self.fds = (os.dup(0), os.dup(1))
        self.files = (sys.stdin, sys.stdout)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(2, 1)
        sys.stdin = open(os.devnull)
        sys.stdout = sys.stderr
        return self

    def __exit__(self, *exc):
        try:
            sys.stdout.flush()
        except Exception:
            pass
        try:
            sys.stdin.close()
        except Exception:
            pass
        sys.stdin, sys.stdout = self.files
        os.dup2(self.fds[0], 0)
        os.dup2(self.fds[1], 1)
        os.close(self.fds[0])
        os.close(self.fds[1])
        return False


def census_stdlib(preloaded):
    """is_std(module name): whether a class of that module is the standard
    library's, the probe's own, or of a module loaded before the user's
    (site and .pth files at start-up)."""
    import sysconfig
    names = getattr(sys, "stdlib_module_names", None)
    builtin = set(sys.builtin_module_names)
    paths = sysconfig.get_paths()
    std = [os.path.realpath(paths[k]) for k in ("stdlib", "platstdlib") if k in paths]
    site = [os.path.realpath(paths[k]) for k in ("purelib", "platlib") if k in paths]
    cache = {}

    def under(f, roots):
        return any(f == r or f.startswith(r.rstrip(os.sep) + os.sep) for r in roots)

    def is_std(modname):
        got = cache.get(modname)
        if got is not None:
            return got
        top = modname.split(".")[0]
        if modname in ("__main__", "builtins") or top in builtin or modname in preloaded:
            got = True
        elif names is not None:
            got = top in names
        else:
            m = sys.modules.get(top)
            f = getattr(m, "__file__", None)
            if f:
                f = os.path.realpath(f)
                got = under(f, std) and not under(f, site)
            else:
                got = False
        cache[modname] = got
        return got
    return is_std


class CensusBeat(object):
    def __init__(self):
        self.last = time.time()

    def __call__(self, objects):
        now = time.time()
        if now - self.last >= 0.5:
            write("censusbeat objects=%d" % objects)
            self.last = now


def census_kind(cls):
    import dataclasses
    if isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields"):
        if "_fields" not in cls.__dict__ and cls.__dictoffset__:
            return "namedtuple-subclass"
        return "typing-namedtuple" if "__annotations__" in cls.__dict__ else "namedtuple"
    if issubclass(cls, BaseException):
        return "exception"
    enum = sys.modules.get("enum")
    if enum is not None and issubclass(cls, enum.Enum):
        return "enum"
    if dataclasses.is_dataclass(cls):
        return "dataclass"
    return "regular"


def census_dict(obj):
    try:
        d = object.__getattribute__(obj, "__dict__")
    except Exception:
        return {}
    return d if isinstance(d, dict) else {}


def census_untracked(refs, user_type, found, seen, depth):
    """The user instances among refs that the GC does not track, into found
    (by id); untracked tuples and dicts are looked into (once each)."""
    import itertools
    loose = list(itertools.filterfalse(gc.is_tracked, refs))
    if not loose:
        return
    types = set(map(type, loose))
    users = frozenset(t for t in types if user_type(t))
    if users:
        for r in itertools.compress(loose, map(users.__contains__, map(type, loose))):
            found[id(r)] = r
    if depth < 100 and (tuple in types or dict in types):
        inside = frozenset([tuple, dict])
        sub = list(itertools.compress(loose, map(inside.__contains__, map(type, loose))))
        by_id = dict(zip(map(id, sub), sub))
        new = set(by_id) - seen
        seen.update(new)
        if new:
            census_untracked(gc.get_referents(*[by_id[i] for i in new]), user_type, found, seen,
                             depth + 1)


def census_count(result, cap, beat, preloaded):
    """({class: [instances]}, objects examined, cap_hit, {class: untracked count})."""
    import collections
    import itertools
    is_std = census_stdlib(preloaded)
    known = {}

    def user_type(t):
        got = known.get(t)
        if got is None:
            got = bool(t.__flags__ & HEAPTYPE) and not issubclass(t, type) and \
                not is_std(getattr(t, "__module__", None) or "builtins")
            known[t] = got
        return got
    gc.collect()
    objs = gc.get_objects()
    cap_hit = len(objs) > cap
    if cap_hit:
        del objs[cap:]
    beat(len(objs))
    users = frozenset(t for t in collections.Counter(map(type, objs)) if user_type(t))
    by = dict((t, []) for t in users)
    for o in itertools.compress(objs, map(users.__contains__, map(type, objs))):
        by[type(o)].append(o)
    beat(len(objs))
    found, seen = {}, set()
    census_untracked([result], user_type, found, seen, 0)
    for i in range(0, len(objs), CENSUS_CHUNK):
        census_untracked(gc.get_referents(*objs[i:i + CENSUS_CHUNK]), user_type, found, seen, 0)
        beat(i)
    examined = len(objs)
    del objs
    untracked = {}
    for o in found.values():
        by.setdefault(type(o), []).append(o)
        untracked[type(o)] = untracked.get(type(o), 0) + 1
    return by, examined, cap_hit, untracked


def census_measure(cls, insts, beat):
    """getsizeof total, __dict__ getsizeof total, how often each attribute
    set occurs, and how many are weakly referenced: a chunk at a time, with
    heartbeats."""
    import collections
    import weakref
    g = d = weakly = 0
    sets = collections.Counter()
    has_dict, has_weakref = cls.__dictoffset__, cls.__weakrefoffset__
    for i in range(0, len(insts), CENSUS_CHUNK):
        chunk = insts[i:i + CENSUS_CHUNK]
        g += sum(map(sys.getsizeof, chunk))
        if has_dict:
            dicts = list(map(census_dict, chunk))
            d += sum(map(sys.getsizeof, dicts))
            sets.update(map(tuple, dicts))
            del dicts
        if has_weakref:
            weakly += sum(map(bool, map(weakref.getweakrefcount, chunk)))
        beat(i)
    if not has_dict:
        sets.update(tuple(n for n, _ in instance_attrs(o)) for o in insts[:CENSUS_ATTR_SAMPLE])
    return g, d, sets, weakly


def census_attrs(cls, insts, sets):
    """(names most instances hold, how many hold exactly those, of how many)."""
    slot_part = []
    if cls.__dictoffset__:
        slot_part = [n for n, where in instance_attrs(insts[0]) if where != "dict"]
    names, same = sets.most_common(1)[0] if sets else ((), 0)
    return slot_part + [n for n in names if n not in slot_part], same, sum(sets.values())


def census_list(names):
    """The encoded comma list, cut to fit a line: (text, cut)."""
    out, used = [], 0
    for n in names:
        e = scan_enc(n)
        if used + len(e) + 1 > CENSUS_LIST_LIMIT:
            return ",".join(out), True
        out.append(e)
        used += len(e) + 1
    return ",".join(out), False


def census_class_line(rank, cls, insts, stats, untracked, scan):
    import dataclasses
    g, d, sets, weakly = stats
    names, same, checked = census_attrs(cls, insts, sets)
    attrs, cut = census_list(names)
    slots = class_slots(cls)
    slot_text, cut2 = census_list(slots or [])
    kind = census_kind(cls)
    return ("censusclass rank=%d name=%s module=%s kind=%s count=%d nattrs=%d attrs=%s "
            "same_attrs=%d attrs_checked=%d dict=%d weakref=%d weakly_referenced=%d slots=%s "
            "dataclass=%d namedtuple=%d getsizeof_total=%d dict_total=%d untracked=%d scan=%d "
            "truncated=%d" % (
                rank, scan_enc_cut(cls.__qualname__, 300),
                scan_enc_cut(getattr(cls, "__module__", None) or "?", 300), kind, len(insts),
                len(names), attrs, same, checked, 1 if cls.__dictoffset__ else 0,
                1 if cls.__weakrefoffset__ else 0, weakly,
                "-" if slots is None else slot_text,
                1 if dataclasses.is_dataclass(cls) else 0, 1 if "namedtuple" in kind else 0,
                g, d, untracked, 1 if scan else 0, 1 if cut or cut2 else 0))


def census_request(fields):
    module_name = scan_decode(fields.get("module", ""))
    expr = scan_decode(fields.get("expr", ""))
    paths = [scan_decode(p) for p in fields.get("path", ".").split(",") if p]
    cap = int(fields.get("cap", str(CENSUS_DEFAULT_CAP)))
    top = int(fields.get("top", "20"))
    if not 1 <= cap <= 10 ** 10 or not 1 <= top <= 100000:
        raise ValueError("cap must be 1 to 10^10 and top 1 to 100000")
    if not expr:
        raise ValueError("census needs expr=EXPR")
    start = time.time()
    preloaded = frozenset(sys.modules)
    with CensusIO():
        module = import_user_module(module_name, paths)
    write("censusstage stage=imported seconds=%.3f" % (time.time() - start))
    start = time.time()
    with CensusIO():
        result = user_expression(module, expr)[1]
    write("censusstage stage=evaluated seconds=%.3f result=%s" % (
        time.time() - start, scan_enc_cut(type(result).__name__, 200)))
    beat = CensusBeat()
    by, examined, cap_hit, untracked = census_count(result, cap, beat, preloaded)
    stats = dict((cls, census_measure(cls, insts, beat)) for cls, insts in by.items())
    measured = sorted(((s[0] + s[1], cls) for cls, s in stats.items()),
                      key=lambda x: (-x[0], x[1].__qualname__))
    instances = sum(len(v) for v in by.values())
    for rank, (size, cls) in enumerate(measured[:top]):
        scan = class_scan_line(cls)
        write(census_class_line(rank + 1, cls, by[cls], stats[cls], untracked.get(cls, 0), scan))
        if scan:
            write(scan)
    write("censusdone objects=%d cap=%d cap_hit=%d classes=%d shown=%d instances=%d bytes=%d" % (
        examined, cap, 1 if cap_hit else 0,
        len(measured), min(top, len(measured)), instances, sum(s for s, _ in measured)))
    del result


def serve_user_code(verb, request, fields, why_not):
    """A request that runs the user's code: every failure is one
    "error VERB: ..." line."""
    if why_not:
        write("unsupported %s reason=%s" % (verb, why_not))
        return
    if sys.version_info < (3, 8):
        write("unsupported %s reason=needs-python-3.8" % verb)
        return
    try:
        request(fields)
    except ValueError as e:
        write("error %s: %s" % (verb, str(e).replace("\n", " ")))
    except Exception as e:  # the user's code may raise anything
        write("error %s: %s" % (verb, last_line(e).replace("\n", " ")))


def serve_census(fields, why_not):
    serve_user_code("census", census_request, fields, why_not)


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0
    if len(sys.argv) == 6 and sys.argv[1] == "--rss-child":
        rss_growth_child(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
        return 0
    f = facts()
    write(hello_line(f))
    serve(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
