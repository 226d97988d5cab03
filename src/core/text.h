/* Text that came from a child process or a file, made safe to print. */
#ifndef SLOTEXPLORE_TEXT_H
#define SLOTEXPLORE_TEXT_H

#include <stdbool.h>

/* Replaces, in place, every control character (C0, DEL, and C1 as UTF-8)
 * with '?', so that no escape sequence reaches a terminal. */
void text_strip_controls(char *s);
/* Bytes that are not UTF-8 become '?', in place: what a child sends is
 * printed and put in JSON, which takes UTF-8 only. */
void text_make_utf8(char *s);
/* True when s is X.Y.Z with decimal digits only ("3.14.10"). */
bool text_is_version(const char *s);
/* The locale's character set is UTF-8: check marks and box drawing, or ASCII. */
bool locale_is_utf8(void);

#endif
