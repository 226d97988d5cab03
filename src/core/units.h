/* Number formatting shared by every writer. */
#ifndef SLOTEXPLORE_UNITS_H
#define SLOTEXPLORE_UNITS_H

#include <stddef.h>
#include <stdint.h>

/* 1234567 -> "1,234,567". */
void format_grouped(uint64_t v, char *buf, size_t n);
/* A count in a few columns: 10^15, 2x10^9, 1.23e15. */
void format_count_short(uint64_t v, char *buf, size_t n);
/* Binary units with one decimal: "512 B", "1.5 KiB", "3.2 GiB". */
void format_bytes_human(uint64_t v, char *buf, size_t n);
/* The seed paper's style: "694 bytes" below 1024, else "165.2 KB" (KB = 1024). */
void format_bytes_paper(uint64_t v, char *buf, size_t n);
/* Signed percentage change of b against a: "-69%", "+3.1%". */
void format_change_percent(uint64_t a, uint64_t b, char *buf, size_t n);

#endif
