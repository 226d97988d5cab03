#!/bin/sh
# Slides and pages: export FILE.svg (the chart and breakdown bar) and
# export FILE.html tour (the whole tour as one page): well-formed, the same
# figures as --batch, and rendered by a real headless browser when Debian's
# chromium is installed.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$TMP" || exit 1
S() { "$SLOTEXPLORE" --no-config --no-python "$@"; }
py=$(command -v python3 || true)

S -c 'set attrs 8; set kind slots; export chart.svg'; ok $? "export chart.svg"
S -c 'set attrs 8; set chart attrs; export attrs.svg svg'; ok $? "export attrs.svg svg (the attributes chart)"
like "$(head -2 chart.svg)" "<svg xmlns=\"http://www.w3.org/2000/svg\"" "an SVG document"
if [ -n "$py" ]; then
	for f in chart.svg attrs.svg; do
		"$py" -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$f"
		ok $? "$f is well-formed XML"
	done
else
	ok 0 "# SKIP no python3 to parse the SVG"
	ok 0 "# SKIP no python3 to parse the SVG"
fi
csv=$(S --batch --attrs 8 --format csv)
for k in regular slots; do
	want=$(printf '%s\n' "$csv" | awk -F, -v k=$k '$7 == k { print $11 }')
	like "$(cat chart.svg)" ">$k: $want B per instance<" "the SVG's $k figure is --batch's ($want)"
done
like "$(cat chart.svg)" "instances (log scale)" "the x axis is labelled"
like "$(cat chart.svg)" "allocated bytes (log scale)" "the y axis is labelled"
like "$(cat attrs.svg)" ">attributes<" "the attributes chart's axis is labelled"
like "$(cat chart.svg)" "slots, one instance: 96 allocated bytes" "the breakdown bar names the kind and its bytes"
like "$(cat chart.svg)" "slot pointers 64" "the breakdown bar labels its parts"
# colours: regular and slots in the light theme's kind colours (25 and 130)
like "$(cat chart.svg)" 'stroke="#005faf"' "regular's line in its colour"
like "$(cat chart.svg)" 'stroke="#af5f00"' "slots' line in its colour"
err=$(S -c 'export x.svg tour' 2>&1); is $? 2 "the tour is not an SVG"
like "$err" "the tour's handout is md or html, not svg" "says so"

# the tour as one HTML page: every step, and the Markdown handout's figures
S -c 'export tour.html tour'; ok $? "export tour.html tour"
S -c 'export page.out tour --format html'; ok $? "export FILE tour --format html"
cmp -s page.out tour.html; ok $? "the same page as from the .html name"
err=$(S -c 'export x.md --format' 2>&1); like "$err" "export: --format needs a format" "--format without a format says so"
S -c 'export - md tour' > tour.md
like "$(head -1 tour.html)" "<!DOCTYPE html>" "an HTML page"
n=$(grep -c '^== ' "$TOP_SRCDIR/data/tour.txt")
is "$(grep -c '<h2>' tour.html)" "$n" "one section per tour step ($n)"
md_cells=$(grep '^|' tour.md | grep -v '^|---' | tr '|' '\n' | sed 's/^ *//; s/ *$//; s/\\\([*_`]\)/\1/g' | grep . | tr '\n' ' ')
html_cells=$(grep -o '<t[dh][^>]*>[^<]*</t[dh]>' tour.html | sed 's/<[^>]*>//g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' | grep . | tr '\n' ' ')
is "$(echo $html_cells | wc -w)" "$(echo $md_cells | wc -w)" "the page's tables have the handout's cells"
is "$html_cells" "$md_cells" "cell for cell, the same figures as the Markdown handout (whose tables handout.t ties to --batch)"
is "$(grep -c '<blockquote>' tour.html)" "$(grep -c '^> \*\*Notes for the teacher' tour.md)" \
	"the teacher's notes are quoted blocks, one per step with notes"
like "$(cat tour.html)" "<strong>Question:</strong>" "the questions are on the page"
if [ -n "$py" ]; then
	"$py" - tour.html <<'PY'
import sys
from html.parser import HTMLParser
void = {"meta", "br", "img", "hr", "link"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.bad = [], 0
    def handle_starttag(self, tag, attrs):
        if tag not in void:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad += 1
c = Check()
c.feed(open(sys.argv[1], encoding="utf-8").read())
sys.exit(0 if not c.stack and not c.bad else 1)
PY
	ok $? "tour.html is well-formed (every element closed, in order)"
else
	ok 0 "# SKIP no python3 to parse the HTML"
fi
S -c 'set attrs 3; export table.html'; ok $? "export table.html: the kinds table as a page"
like "$(cat table.html)" "<th>kind</th>" "the page has the kinds table"

# a real browser renders both
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
	for f in tour.html chart.svg; do
		rm -rf "$TMP/profile"
		timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$TMP/profile" --window-size=1000,1400 \
			--screenshot="$TMP/$f.png" "file://$TMP/$f" >/dev/null 2>&1
		size=$(wc -c < "$TMP/$f.png" 2>/dev/null || echo 0)
		ok $([ "$size" -gt 20000 ] && echo 0 || echo 1) "chromium renders $f to a screenshot ($size bytes)"
	done
else
	ok 0 "# SKIP chromium is not installed (apt-get install chromium): no browser screenshot"
	ok 0 "# SKIP chromium is not installed"
fi
done_testing
