/* Minimal TAP producer for the C unit tests. */
#ifndef SLOTEXPLORE_TAP_H
#define SLOTEXPLORE_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failures;

__attribute__((format(printf, 2, 3)))
static int ok(int pass, const char *fmt, ...)
{
	va_list ap;
	printf("%s %d - ", pass ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass)
		tap_failures++;
	return pass;
}

__attribute__((format(printf, 1, 2)))
static __attribute__((unused)) void diag(const char *fmt, ...)
{
	va_list ap;
	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

#define is_u64(got, want, ...)                                                          \
	do {                                                                            \
		uint64_t got_ = (got), want_ = (want);                                  \
		if (!ok(got_ == want_, __VA_ARGS__))                                    \
			diag("  got %" PRIu64 ", expected %" PRIu64, got_, want_);      \
	} while (0)

#define is_str(got, want, ...)                                                          \
	do {                                                                            \
		const char *got_ = (got), *want_ = (want);                              \
		if (!ok(got_ && strcmp(got_, want_) == 0, __VA_ARGS__))                 \
			diag("  got '%s', expected '%s'", got_ ? got_ : "(null)", want_); \
	} while (0)

static int done_testing(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}

#endif
