/* Saturating 64-bit arithmetic: totals for 10^12 instances must never wrap.
 * A result that does not fit becomes UINT64_MAX and sets *saturated. */
#ifndef SLOTEXPLORE_CHECKED_H
#define SLOTEXPLORE_CHECKED_H

#include <stdbool.h>
#include <stdint.h>

static inline uint64_t sat_add(uint64_t a, uint64_t b, bool *saturated)
{
	uint64_t r;
	if (__builtin_add_overflow(a, b, &r)) {
		*saturated = true;
		return UINT64_MAX;
	}
	return r;
}

static inline uint64_t sat_mul(uint64_t a, uint64_t b, bool *saturated)
{
	uint64_t r;
	if (__builtin_mul_overflow(a, b, &r)) {
		*saturated = true;
		return UINT64_MAX;
	}
	return r;
}

static inline uint64_t round_up(uint64_t x, uint64_t align)
{
	return (x + align - 1) / align * align;
}

#endif
