"""slotexplore trade-offs: what each kind can and cannot do, tried in the
interpreter that runs this script.

  python3 -E -s tradeoffs.py [--attrs N] [KIND...]

It writes the probe's hello line (see probe.py), then one line per kind and
operation, then "done":

  tradeoff kind=K op=OP result=ok|fail|na [error=EXC] [detail=D] message=M

result=fail carries Python's own exception name and message (they change
between versions); na means the operation does not apply to the kind (a
tuple has no class to subclass). Fields are encoded as in probe.py (space
as %20, '%' as %25). Every kind is built by probe.py's build(), with N
attributes a0..a{N-1} (default 3) holding small ints.

Operations:
  new-attribute      o.new_attribute = 1
  vars               vars(o)
  dict               o.__dict__
  weakref            weakref.ref(o)
  pickle-0, pickle-5 pickle.loads(pickle.dumps(o, protocol)), values kept
  copy               copy.copy(o), values kept
  class-default      the kind's class with a class attribute a0 = 0 (a
                     default) besides the attribute a0
  multiple-bases     class M(A, B) from two classes of the kind with
                     different attributes
  subclass           class Sub(C): pass, and whether Sub's instances have
                     a __dict__ (detail=dict) or not (detail=no-dict)
  super-zero-arg     super() with no arguments in a method of the class
  set-name           __set_name__ of a descriptor in the class body is
                     called with the class the instances really have
  init-subclass      a base's __init_subclass__ runs once for the class
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe  # noqa: E402  (the kinds, the hello line, the encoding)

OPS = ("new-attribute", "vars", "dict", "weakref", "pickle-0", "pickle-5", "copy",
       "class-default", "multiple-bases", "subclass", "super-zero-arg", "set-name",
       "init-subclass")

# pickle finds a class by its module and name: each class built is
# published here as C (one at a time: an operation pickles at once)


def publish(cls):
    if cls is None:
        return None
    cls.__name__ = cls.__qualname__ = "C"
    cls.__module__ = __name__
    globals()["C"] = cls
    return cls


class NotApplicable(Exception):
    pass


def make_instance(kind, n):
    cls, make = probe.build(kind, n)
    cls = publish(cls)
    if kind in ("regular", "regular-dict", "slots", "slots-weakref"):
        make = cls
    elif kind == "regular-external":
        base_make = make

        def make(vals):
            return base_make(vals)
    vals = list(range(1, n + 1))
    try:
        return cls, make(vals)
    except TypeError:
        return cls, make(*[vals])


def values_of(o, n):
    if isinstance(o, dict):
        return [o.get("a%d" % i) for i in range(n)]
    if type(o) is tuple:
        return list(o)
    return [getattr(o, "a%d" % i, None) for i in range(n)]


def class_source(kind, n, extra_body, bases=""):
    """Source of a class of the kind, with extra lines in its body."""
    names = ["a%d" % i for i in range(n)]
    init = "".join("        self.%s = %s\n" % (a, a) for a in names) or "        pass\n"
    args = ", ".join(["self"] + names)
    if kind in ("regular", "regular-external", "regular-dict"):
        return ("class C(%s):\n%s    def __init__(%s):\n%s"
                % (bases or "object", extra_body, args, init))
    if kind in ("slots", "slots-weakref"):
        slots = tuple(names) + (("__weakref__",) if kind == "slots-weakref" else ())
        return ("class C(%s):\n    __slots__ = %r\n%s    def __init__(%s):\n%s"
                % (bases or "object", slots, extra_body, args, init))
    if kind.startswith("dataclass"):
        opts = {"dataclass": "", "dataclass-slots": "slots=True",
                "dataclass-slots-weakref": "slots=True, weakref_slot=True"}[kind]
        fields = "".join("    %s: object = None\n" % a for a in names) or "    pass\n"
        return ("import dataclasses\n@dataclasses.dataclass(%s)\nclass C(%s):\n%s%s"
                % (opts, bases or "object", fields, extra_body))
    if kind in ("namedtuple", "typing-namedtuple"):
        if bases:
            raise NotApplicable("a named tuple's bases are fixed")
        if kind == "namedtuple":
            return ("import collections\nclass C(collections.namedtuple('C', %r)):\n"
                    "    __slots__ = ()\n%s" % (names, extra_body))
        fields = "".join("    %s: object = None\n" % a for a in names) or "    pass\n"
        return "import typing\nclass C(typing.NamedTuple):\n%s%s" % (fields, extra_body)
    raise NotApplicable("%s has no class of its own" % kind)


def define(kind, n, extra_body="", bases="", namespace=None):
    ns = dict(namespace or {})
    exec(compile(class_source(kind, n, extra_body, bases), "<slotexplore-tradeoffs>", "exec"), ns)
    return ns["C"]


def op_new_attribute(kind, n):
    _, o = make_instance(kind, n)
    o.new_attribute = 1
    return None


def op_vars(kind, n):
    _, o = make_instance(kind, n)
    vars(o)
    return None


def op_dict(kind, n):
    _, o = make_instance(kind, n)
    o.__dict__
    return None


def op_weakref(kind, n):
    import weakref
    _, o = make_instance(kind, n)
    weakref.ref(o)
    return None


def pickle_round_trip(protocol):
    def op(kind, n):
        import pickle
        _, o = make_instance(kind, n)
        back = pickle.loads(pickle.dumps(o, protocol))
        if values_of(back, n) != values_of(o, n):
            raise ValueError("the values changed: %r against %r" % (values_of(back, n),
                                                                     values_of(o, n)))
        return None
    return op


def op_copy(kind, n):
    import copy
    _, o = make_instance(kind, n)
    back = copy.copy(o)
    if values_of(back, n) != values_of(o, n):
        raise ValueError("the values changed")
    return None


def op_class_default(kind, n):
    if kind.startswith("dataclass") or kind == "typing-namedtuple":
        # a field's default is the way these classes write one
        define(kind, max(n, 1))
        return "field-default"
    if kind == "namedtuple":
        import collections
        collections.namedtuple("C", ["a%d" % i for i in range(max(n, 1))], defaults=[0])
        return "defaults-argument"
    define(kind, max(n, 1), "    a0 = 0\n")
    return None


def op_multiple_bases(kind, n):
    n = max(n, 1)
    first = define(kind, n)
    second_src = class_source(kind, n, "").replace("a%d" % (n - 1), "b%d" % (n - 1))
    ns = {}
    exec(compile(second_src, "<slotexplore-tradeoffs>", "exec"), ns)
    ns2 = {"A": first, "B": ns["C"]}
    exec("class M(A, B):\n    pass\n", ns2)
    return None


def op_subclass(kind, n):
    base = define(kind, n)
    ns = {"Base": base}
    exec("class Sub(Base):\n    pass\n", ns)
    sub = ns["Sub"]
    try:
        o = sub(*range(1, n + 1))
    except TypeError:
        o = sub()
    return "dict" if hasattr(o, "__dict__") else "no-dict"


def op_super_zero_arg(kind, n):
    cls = define(kind, n, "    def greet(self):\n        return super().__repr__()\n")
    try:
        o = cls(*range(1, n + 1))
    except TypeError:
        o = cls()
    o.greet()
    return None


def op_set_name(kind, n):
    seen = []

    class Descriptor(object):
        def __set_name__(self, owner, name):
            seen.append(owner)

        def __get__(self, obj, owner=None):
            return 42

    cls = define(kind, n, "    described = Descriptor()\n", namespace={"Descriptor": Descriptor})
    if not seen:
        raise AssertionError("__set_name__ was never called")
    if seen[-1] is not cls:
        raise AssertionError("__set_name__ was called with a class the instances do not have "
                             "(%d calls)" % len(seen))
    return "%d-call%s" % (len(seen), "" if len(seen) == 1 else "s")


def op_init_subclass(kind, n):
    calls = []

    class Base(object):
        __slots__ = ()   # no __dict__ or __weakref__ of its own for slotted kinds

        def __init_subclass__(cls, **kw):
            calls.append(cls)
            super().__init_subclass__(**kw)

    if kind in ("namedtuple", "typing-namedtuple"):
        raise NotApplicable("a named tuple's bases are fixed")
    cls = define(kind, n, bases="Base", namespace={"Base": Base})
    if len(calls) != 1:
        raise AssertionError("__init_subclass__ ran %d times" % len(calls))
    if calls[0] is not cls:
        raise AssertionError("__init_subclass__ saw a class the instances do not have")
    return None


def no_class_of_its_own(kind):
    return kind in ("tuple", "dict")


OPERATIONS = {
    "new-attribute": op_new_attribute, "vars": op_vars, "dict": op_dict,
    "weakref": op_weakref, "pickle-0": pickle_round_trip(0), "pickle-5": pickle_round_trip(5),
    "copy": op_copy, "class-default": op_class_default, "multiple-bases": op_multiple_bases,
    "subclass": op_subclass, "super-zero-arg": op_super_zero_arg, "set-name": op_set_name,
    "init-subclass": op_init_subclass,
}
CLASS_OPS = ("class-default", "multiple-bases", "subclass", "super-zero-arg", "set-name",
             "init-subclass")


def outcome(kind, op, n):
    head = "tradeoff kind=%s op=%s" % (kind, op)
    if op in CLASS_OPS and no_class_of_its_own(kind):
        return "%s result=na message=%s" % (head, probe.enc("%s has no class of its own" % kind))
    try:
        probe.build(kind, max(n, 1))
    except probe.Unsupported as e:   # dataclass(slots=True) before 3.10, ...
        return "%s result=na message=%s" % (head, probe.enc(str(e).replace("-", " ")))
    try:
        detail = OPERATIONS[op](kind, n)
    except NotApplicable as e:
        return "%s result=na message=%s" % (head, probe.enc(e))
    except probe.Unsupported as e:
        return "%s result=na message=%s" % (head, probe.enc(str(e).replace("-", " ")))
    except Exception as e:  # the outcome is the exception, whatever it is
        message = str(e).replace("\n", " ")[:300]
        return "%s result=fail error=%s message=%s" % (head, type(e).__name__,
                                                        probe.enc(message))
    return "%s result=ok%s message=" % (head, " detail=%s" % detail if detail else "")


def main():
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0
    n = 3
    if len(args) >= 2 and args[0] == "--attrs":
        n = int(args[1])
        args = args[2:]
    kinds = args or list(probe.KINDS)
    probe.write(probe.hello_line(probe.facts()))
    for kind in kinds:
        if kind not in probe.KINDS:
            probe.write("error unknown kind '%s'" % kind[:40])
            continue
        for op in OPS:
            probe.write(outcome(kind, op, n))
    probe.write("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
