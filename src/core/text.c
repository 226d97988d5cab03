#include "config.h"

#include "core/text.h"

#include <ctype.h>
#include <langinfo.h>
#include <string.h>

void text_strip_controls(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			*p = '?';
		else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {   /* U+0080..U+009F */
			p[0] = '?';
			memmove(p + 1, p + 2, strlen((char *)p + 2) + 1);
		}
	}
}

bool text_is_version(const char *s)
{
	int parts = 0;
	while (*s) {
		if (!isdigit((unsigned char)*s))
			return false;
		int digits = 0;
		while (isdigit((unsigned char)*s) && digits < 6)
			s++, digits++;
		parts++;
		if (*s == '.' && isdigit((unsigned char)s[1]))
			s++;
		else if (*s)
			return false;
	}
	return parts == 3;
}

bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Bytes that are not UTF-8 become '?': what a child sends is printed and
 * put in JSON, which takes UTF-8 only. */
void text_make_utf8(char *s)
{
	unsigned char *p = (unsigned char *)s;
	while (*p) {
		unsigned len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3
		             : (*p >> 3) == 30 ? 4 : 0;
		bool ok = len > 0;
		for (unsigned i = 1; ok && i < len; i++)
			ok = (p[i] & 0xc0) == 0x80;
		if (ok && len == 2 && *p < 0xc2)
			ok = false;   /* overlong */
		if (ok && len == 3 && ((*p == 0xe0 && p[1] < 0xa0) || (*p == 0xed && p[1] >= 0xa0)))
			ok = false;   /* overlong, or a surrogate */
		if (ok && len == 4 && ((*p == 0xf0 && p[1] < 0x90) || *p > 0xf4 || (*p == 0xf4 && p[1] >= 0x90)))
			ok = false;
		if (!ok) {
			*p++ = '?';
			continue;
		}
		p += len;
	}
}
