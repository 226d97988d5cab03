"""A toy shop: the example package of slotexplore's --scan tests."""
