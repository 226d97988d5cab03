#include "config.h"

#include "output/md_html.h"

#include <stdbool.h>
#include <string.h>

static void escaped(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(s[i], out);
		}
}

/* One line of inline Markdown: `code`, **bold**, *em*, \-escapes. */
static void inline_md(FILE *out, const char *s, size_t n)
{
	bool strong = false, em = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && strchr("\\`*_|#[]", s[i + 1])) {
			escaped(out, s + i + 1, 1);
			i++;
		} else if (s[i] == '`') {
			const char *end = memchr(s + i + 1, '`', n - i - 1);
			if (!end) {
				escaped(out, s + i, 1);
				continue;
			}
			fputs("<code>", out);
			escaped(out, s + i + 1, (size_t)(end - (s + i + 1)));
			fputs("</code>", out);
			i = (size_t)(end - s);
		} else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
			fputs(strong ? "</strong>" : "<strong>", out);
			strong = !strong;
			i++;
		} else if (s[i] == '*' && (em || (i + 1 < n && s[i + 1] != ' '))) {
			fputs(em ? "</em>" : "<em>", out);
			em = !em;
		} else {
			escaped(out, s + i, 1);
		}
	}
	if (em)
		fputs("</em>", out);
	if (strong)
		fputs("</strong>", out);
}

/* A table row's cells, between the pipes (a pipe escaped as \| is text). */
static int split_cells(const char *line, size_t n, const char **cell, size_t *len, int max)
{
	int k = 0;
	size_t i = line[0] == '|' ? 1 : 0, start = i;
	for (; i <= n && k < max; i++) {
		bool end = i == n || (line[i] == '|' && (i == 0 || line[i - 1] != '\\'));
		if (!end)
			continue;
		if (i == n && start >= n)
			break;
		size_t a = start, b = i;
		while (a < b && line[a] == ' ')
			a++;
		while (b > a && line[b - 1] == ' ')
			b--;
		if (!(i == n && a == b && k > 0)) {
			cell[k] = line + a;
			len[k] = b - a;
			k++;
		}
		start = i + 1;
	}
	return k;
}

int markdown_to_html(FILE *out, const char *md, const char *title)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	escaped(out, title, strlen(title));
	fputs("</title>\n<style>\n"
	      "body { font-family: \"DejaVu Sans\", Arial, sans-serif; color: #000; background: #fff;"
	      " max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }\n"
	      "h1, h2, h3, h4 { color: #00005f; }\n"
	      "table { border-collapse: collapse; margin: 1em 0; }\n"
	      "th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }\n"
	      "th { background: #eef; }\n td.num, th.num { text-align: right; }\n"
	      "code, pre { font-family: \"DejaVu Sans Mono\", monospace; background: #f4f4f4; }\n"
	      "pre { padding: 0.6em; overflow-x: auto; }\n"
	      "blockquote { margin: 1em 0; padding: 0.1em 1em; border-left: 4px solid #b35900; "
	      "background: #fff6eb; }\n"
	      "@media print { h2 { page-break-before: auto; } }\n"
	      "</style>\n</head>\n<body>\n", out);
	bool para = false, table = false, list = false, pre = false, quote = false;
	bool right[32] = { false };
	int row = 0;
	const char *p = md;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const char *next = e ? e + 1 : p + n;
		if (pre) {
			if (n >= 3 && strncmp(p, "```", 3) == 0) {
				fputs("</pre>\n", out);
				pre = false;
			} else {
				escaped(out, p, n);
				fputc('\n', out);
			}
			p = next;
			continue;
		}
		bool blank = n == 0;
		bool is_table = n && p[0] == '|';
		bool is_item = n >= 2 && p[0] == '-' && p[1] == ' ';
		bool is_head = n && p[0] == '#';
		bool is_fence = n >= 3 && strncmp(p, "```", 3) == 0;
		bool is_quote = n && p[0] == '>';
		if (para && (blank || is_table || is_item || is_head || is_fence || is_quote != quote)) {
			fputs("</p>\n", out);
			para = false;
		}
		if (quote && !is_quote) {
			fputs("</blockquote>\n", out);
			quote = false;
		}
		if (is_quote) {
			if (!quote)
				fputs("<blockquote>\n", out);
			quote = true;
			size_t skip = n >= 2 && p[1] == ' ' ? 2 : 1;
			p += skip;
			n -= skip;
			blank = n == 0;
			if (blank && para) {
				fputs("</p>\n", out);
				para = false;
			}
		}
		if (table && !is_table) {
			fputs("</table>\n", out);
			table = false;
		}
		if (list && !is_item) {
			fputs("</ul>\n", out);
			list = false;
		}
		if (blank) {
		} else if (is_fence) {
			fputs("<pre>", out);
			pre = true;
		} else if (is_head) {
			int level = 0;
			while (level < (int)n && p[level] == '#')
				level++;
			size_t skip = (size_t)level + (level < (int)n && p[level] == ' ');
			fprintf(out, "<h%d>", level > 6 ? 6 : level);
			inline_md(out, p + skip, n - skip);
			fprintf(out, "</h%d>\n", level > 6 ? 6 : level);
		} else if (is_table) {
			const char *cell[32];
			size_t len[32];
			int k = split_cells(p, n, cell, len, 32);
			bool separator = k > 0 && strspn(cell[0], "-:") == len[0] && len[0] > 0;
			if (!table) {
				fputs("<table>\n", out);
				table = true;
				row = 0;
				memset(right, 0, sizeof right);
				/* the alignment row follows the header: look ahead for it */
				const char *n2 = next, *e2 = strchr(n2, '\n');
				size_t l2 = e2 ? (size_t)(e2 - n2) : strlen(n2);
				const char *c2[32];
				size_t len2[32];
				int k2 = l2 && n2[0] == '|' ? split_cells(n2, l2, c2, len2, 32) : 0;
				for (int i = 0; i < k2; i++)
					right[i] = len2[i] && c2[i][len2[i] - 1] == ':';
			}
			if (!separator) {
				fputs("<tr>", out);
				for (int i = 0; i < k; i++) {
					const char *tag = row == 0 ? "th" : "td";
					fprintf(out, "<%s%s>", tag, right[i] ? " class=\"num\"" : "");
					inline_md(out, cell[i], len[i]);
					fprintf(out, "</%s>", tag);
				}
				fputs("</tr>\n", out);
				row++;
			}
		} else if (is_item) {
			if (!list) {
				fputs("<ul>\n", out);
				list = true;
			}
			fputs("<li>", out);
			inline_md(out, p + 2, n - 2);
			fputs("</li>\n", out);
		} else {
			if (!para) {
				fputs("<p>", out);
				para = true;
			} else {
				fputc('\n', out);
			}
			inline_md(out, p, n);
		}
		p = next;
	}
	if (pre)
		fputs("</pre>\n", out);
	if (para)
		fputs("</p>\n", out);
	if (quote)
		fputs("</blockquote>\n", out);
	if (table)
		fputs("</table>\n", out);
	if (list)
		fputs("</ul>\n", out);
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}
