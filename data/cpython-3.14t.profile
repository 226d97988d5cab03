# CPython 3.14 free-threaded build (python3.14t, ./configure --disable-gil).
# Format: data/PROFILE-FORMAT. Sources: shared/reference/free-threaded-layout.md
# (the 3.14.7 release source built twice, with and without the GIL) and
# measurements of that build with data/probe.py (tests/golden/cpython-3.14.7t-*).
# Only what the build changes differs from cpython-3.14.profile: a 32-byte
# object header, no GC head, objects that are not GC-tracked 16 bytes bigger,
# and mimalloc instead of pymalloc.
format 1
version 3.14
build free-threaded
evidence verified none none    # lp64 measured; no 32-bit free-threaded build measured

# --- rules (as 3.14) --------------------------------------------------------
instance_layout inline-values
preheader_for dict,weakref
shared_keys_log2 6
shared_keys_limit 30
static_attribute_keys 1
int_sizeof_min_one_digit 1
dataclass_slots 1
dataclass_weakref_slot 1
list_growth 3.9
namedtuple_extra_items 1
inline_values_with_slots 1    # 3.14+: a type with member slots keeps inline values too
dataclass_slots_repeat_base 0 # 3.10: @dataclass(slots=True) repeats a base's slots

# --- sizes in bytes          lp64  ilp32   i386
pointer                         8      -      -
object_header                  32      -      -   # ob_tid, flags, mutex, gc bits, ref_local, ref_shared, ob_type
var_header                     40      -      -   # + ob_size
gc_header                       0      -      -   # no PyGC_Head: GC state is in ob_gc_bits
preheader                      16      -      -   # managed dict/weakref words, as in the default build
regular_basicsize              32      -      -
dict_object                    64      -      -
keys_header                    32      -      -   # dk_mutex fits in existing padding
entry_generic                  24      -      -
entry_str                      16      -      -
tuple_header                   48      -      -
list_header                    56      -      -
int_header                     40      -      -
int_digit_bits                 30      -      -
int_digit_bytes                 4      -      -
int_medium_alloc               48      -      -
float_size                     40      -      -
none_size                      32      -      -
str_ascii_header               56      -      -
str_compact_header             72      -      -
type_object                   960      -      -   # getsizeof(cls) without shared keys: 8 more than 3.14

# --- allocator
allocator mimalloc             # bins of 16 bytes to 128, then four per power of two
