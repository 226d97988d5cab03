#include "config.h"

#include "core/units.h"

#include <stdio.h>
#include <string.h>

void format_grouped(uint64_t v, char *buf, size_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	char tmp[48];
	int j = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			tmp[j++] = ',';
		tmp[j++] = digits[i];
	}
	tmp[j] = '\0';
	snprintf(buf, n, "%s", tmp);
}

void format_bytes_human(uint64_t v, char *buf, size_t n)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	if (v < 1024) {
		snprintf(buf, n, "%llu B", (unsigned long long)v);
		return;
	}
	double x = (double)v;
	int u = 0;
	while (x >= 1024.0 && u < 6) {
		x /= 1024.0;
		u++;
	}
	/* 1023.96 KiB would print as "1024.0 KiB": move up a unit instead. */
	if (x >= 1023.95 && u < 6) {
		x /= 1024.0;
		u++;
	}
	snprintf(buf, n, "%.1f %s", x, unit[u]);
}

void format_bytes_paper(uint64_t v, char *buf, size_t n)
{
	char grouped[32];
	if (v < 1024) {
		format_grouped(v, grouped, sizeof grouped);
		snprintf(buf, n, "%s bytes", grouped);
		return;
	}
	double kb = (double)v / 1024.0;
	snprintf(buf, n, kb < 10.0 ? "%.2f KB" : "%.1f KB", kb);
}

void format_change_percent(uint64_t a, uint64_t b, char *buf, size_t n)
{
	if (a == 0) {
		snprintf(buf, n, "n/a");
		return;
	}
	double pct = ((double)b - (double)a) / (double)a * 100.0;
	if (pct > -0.05 && pct < 0.05)
		snprintf(buf, n, "0%%");
	else if (pct <= -10.0 || pct >= 10.0)
		snprintf(buf, n, "%+.0f%%", pct);
	else
		snprintf(buf, n, "%+.1f%%", pct);
}

void format_count_short(uint64_t v, char *buf, size_t n)
{
	int zeros = 0;
	uint64_t m = v;
	while (m >= 10 && m % 10 == 0)
		m /= 10, zeros++;
	if (m == 1 && zeros >= 6)
		snprintf(buf, n, "10^%d", zeros);              /* 10^15 */
	else if (m < 10 && zeros >= 6)
		snprintf(buf, n, "%llux10^%d", (unsigned long long)m, zeros);   /* 2x10^9 */
	else {
		char e[32];
		snprintf(e, sizeof e, "%.2e", (double)v);     /* 1.23e+15 -> 1.23e15 */
		char *plus = strstr(e, "e+");
		if (plus)
			memmove(plus + 1, plus + 2, strlen(plus + 2) + 1);
		snprintf(buf, n, "%s", e);
	}
}
