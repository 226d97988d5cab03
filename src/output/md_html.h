/* The Markdown slotexplore writes (handouts, the kinds table) as one
 * self-contained HTML page: headings, paragraphs, tables, code, lists. */
#ifndef SLOTEXPLORE_MD_HTML_H
#define SLOTEXPLORE_MD_HTML_H

#include <stdio.h>

/* Writes md as a page titled title; 0, or -1 on a write error. */
int markdown_to_html(FILE *out, const char *md, const char *title);

#endif
