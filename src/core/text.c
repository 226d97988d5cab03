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
