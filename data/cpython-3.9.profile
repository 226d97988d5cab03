# CPython 3.9 object layout constants for slotexplore.
# Format: data/PROFILE-FORMAT. Sources: shared/reference/cpython-memory-layout.md
# sections 1, 2, 8 and 9; the layout rules that use these numbers are in src/core/model.c.
format 1
version 3.9
build default                 # or free-threaded (--disable-gil)
evidence verified from-source verified   # lp64 ilp32 i386: checked on a real build, or read from the C source

# --- rules ------------------------------------------------------------------
instance_layout split-dict
preheader_for none            # which type flags add the 2-word pre-header
shared_keys_log2 0              # 0: shared keys grow with the first instance
shared_keys_limit 0            # SHARED_KEYS_MAX_SIZE (0: no limit)
static_attribute_keys 0      # keys pre-seeded from __static_attributes__
int_sizeof_min_one_digit 0   # int.__sizeof__ counts max(ndigits, 1)
dataclass_slots 0            # @dataclass(slots=True) exists
dataclass_weakref_slot 0     # @dataclass(weakref_slot=True) exists
list_growth 3.9              # list_resize over-allocation formula
namedtuple_extra_items 1      # PyType_GenericAlloc's sentinel item
inline_values_with_slots 0    # 3.14+: a type with member slots keeps inline values too
dataclass_slots_repeat_base 0 # 3.10: @dataclass(slots=True) repeats a base's slots

# --- sizes in bytes          lp64  ilp32   i386
pointer                         8      4      4
object_header                  16      8      8   # ob_refcnt + ob_type
var_header                     24     12     12   # + ob_size
gc_header                      16      8      8   # PyGC_Head
preheader                       0      0      0   # managed dict/weakref words before the GC head
regular_basicsize              32     16     16   # tp_basicsize of a plain class
dict_object                    48     32     28   # PyDictObject (i386: 4-aligned uint64)
keys_header                    40     20     20   # PyDictKeysObject header
entry_generic                  24     12     12   # hash, key, value
entry_str                      24     12     12   # entry when all keys are str
tuple_header                   24     12     12   # tuple tp_basicsize
list_header                    40     20     20   # PyListObject
int_header                     24     12     12   # offsetof(PyLongObject, digits)
int_digit_bits                 30     15     15
int_digit_bytes                 4      2      2
int_medium_alloc                0      0      0   # 0: ints ask header + digits
float_size                     24     16     16
none_size                      16      8      8
str_ascii_header               48     24     24   # compact ASCII str
str_compact_header             72     36     36   # compact non-ASCII str
type_object                   896    448    448   # getsizeof(cls) without shared keys

# --- allocator
allocator pymalloc             # pymalloc's size classes, glibc malloc above the threshold
alignment                      16      8      8   # pymalloc size-class step
small_request_threshold       512    512    512
malloc_overhead                 8      4      4   # glibc chunk header (estimate)
malloc_align                   16     16     16
malloc_min                     32     16     16
pool_size                    4096   4096   4096
arena_size                 262144 262144 262144
