/* t_strip.c: markup stripping, suppression comments, entities and globs. */
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "doc.h"
#include "finding.h"
#include "harness.h"
#include "strip.h"

/* Source offset of the first occurrence of word in d's analysed text. */
static long
src_of(struct doc *d, const char *word)
{
	const char *p = strstr(d->text, word);

	return p ? (long)posmap_start(&d->pm, (size_t)(p - d->text)) : -1;
}

static struct doc *
stripped(const char *name, const char *s)
{
	struct doc *d = doc_new(name, s, strlen(s));

	strip_run(d);
	return d;
}

int
main(void)
{
	struct doc *d;
	char out[8];
	size_t n;

	harness_name = "strip";

	d = stripped("a.html", "<p>a &amp; <em>b</em>&rdquo;c</p>");
	STR_EQ(d->text, "a & b\xE2\x80\x9D" "c\n\n", "HTML text, entities");
	INT_EQ(src_of(d, "b"), 15, "text after a tag maps to its byte");
	INT_EQ(src_of(d, "\xE2\x80\x9D"), 21, "an entity maps to its '&'");
	INT_EQ(posmap_end(&d->pm, 9), 29, "an entity ends after its ';'");
	doc_free(d);

	d = stripped("a.html", "<p>x</p><script>y</script><p hidden>z</p>"
	    "<pre>w</pre><p>v<br>u<br> <br>t</p>");
	STR_EQ(d->text, "x\n\nv\nu\n \n\nt\n\n", "skipped elements, <br>");
	doc_free(d);

	d = stripped("a.md", "---\ntitle: x\n---\n# T *e* `c`\n\n> q \\* r\n");
	STR_EQ(d->text, "T e \n\nq * r\n\n", "Markdown: front matter, code, "
	    "escapes");
	INT_EQ(src_of(d, "e"), 22, "emphasis text maps past its '*'");
	INT_EQ(src_of(d, "*"), 35, "an escape maps to the escaped byte");
	doc_free(d);

	/* the text nodes strip_html aligns without strip_align, and not */
	d = stripped("a.html", "<p class=\"a>b\">x y</p>\n\n  <p title='q'>"
	    "z\tw &amp; v</p>\n<p>a\xFF" "b c</p>");
	STR_EQ(d->text, "x y\n\n \n\nz\tw & v\n\n\na\xEF\xBF\xBD" "b c\n\n",
	    "HTML: quoted '>', whitespace nodes, a tab, an invalid byte");
	INT_EQ(src_of(d, "x y"), 15, "a quoted '>' does not end the tag");
	INT_EQ(posmap_start(&d->pm, 5), 22, "a blank whitespace node is ' ' "
	    "for its run");
	INT_EQ(posmap_end(&d->pm, 6), 26, "... all of it");
	INT_EQ(src_of(d, "z\tw"), 39, "text with a tab");
	INT_EQ(posmap_start(&d->pm, 17), 54, "a whitespace node maps byte for "
	    "byte");
	INT_EQ(src_of(d, "b c"), 60, "text after an invalid byte");
	doc_free(d);

	d = stripped("a.md", "x *b* caf\xC3\xA9 d\n\n* i \\* j\n\ncaf\xE9 k\n");
	STR_EQ(d->text, "x b caf\xC3\xA9 d\n\ni * j\n\ncaf\xEF\xBF\xBD k\n\n",
	    "Markdown: text after emphasis, an escape, an invalid byte");
	INT_EQ(src_of(d, "caf\xC3\xA9 d"), 6, "text after emphasis");
	INT_EQ(src_of(d, "j"), 22, "text after an escape");
	INT_EQ(src_of(d, "k"), 30, "text after an invalid byte");
	doc_free(d);

	d = stripped("a.xml", "<nitf><head><title>h</title></head><body>"
	    "<body.content><p>a<![CDATA[<b>]]></p></body.content></body></nitf>");
	STR_EQ(d->text, "a<b>\n\n", "NITF: only body.content; CDATA");
	doc_free(d);

	d = stripped("a.md", "a\n<!-- copydesk off -->\nb\n<!-- copydesk on -->"
	    "\nc <!-- vale House.X = NO --> d <!-- vale House.X = YES -->"
	    "\n<!-- vale House = NO -->\ne\n");
	INT_EQ(d->nsupps, 3, "three suppressed ranges");
	if (d->nsupps == 3) {
		INT_EQ(d->supps[0].start, 23, "off starts after its comment");
		INT_EQ(d->supps[0].end, 26, "off ends at the on comment");
		OK(d->supps[0].rule == NULL, "off is for every rule");
		STR_EQ(d->supps[1].rule, "House.X", "Style.Rule = NO");
		STR_EQ(d->supps[2].rule, "House", "a style left off to the end");
		INT_EQ(d->supps[2].end, d->srclen, "... ends at the end");
	}
	doc_free(d);

	INT_EQ(strip_entity("&#x1F389;", 9, out, &n), 9, "hex reference");
	INT_EQ(n, 4, "... is 4 bytes of UTF-8");
	INT_EQ(strip_entity("&#0;", 4, out, &n), 4, "&#0; decodes");
	OK(n == 3 && memcmp(out, "\xEF\xBF\xBD", 3) == 0, "... to U+FFFD");
	INT_EQ(strip_entity("&eacute;", 8, out, &n), 8, "named entity");
	INT_EQ(strip_entity("&nosuch;", 8, out, &n), 0, "unknown entity");
	INT_EQ(strip_entity("&amp", 4, out, &n), 0, "no semicolon");

	OK(config_glob("*.md", "stories/a.md"), "*.md matches any directory");
	OK(!config_glob("*.md", "a.mdx"), "*.md is not *.mdx");
	OK(config_glob("stories/**/*.html", "stories/a.html"),
	    "** matches no directory");
	OK(config_glob("stories/**/*.html", "stories/x/y/a.html"),
	    "** matches several");
	OK(!config_glob("stories/*.html", "stories/x/a.html"),
	    "* does not cross /");
	OK(config_glob("*.{md,txt}", "a.txt"), "braces");
	OK(config_glob("[!x]?.htm", "ab.htm"), "classes and ?");
	/* found by fz_config: an open class at the end read past the pattern */
	OK(!config_glob("a[", "ab"), "a class left open matches nothing");
	OK(!config_glob("[!", "a"), "an open negated class matches nothing");
	OK(config_glob("[a-", "a"), "an open range is a list");
	OK(!config_glob("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	    "many stars fail without trying every split");
	OK(config_glob("**/*a*b*c*/x.md", "p/q/zazbzcz/x.md"),
	    "stars across and within directories");
	/* found by fz_config: 26^8 brace alternatives are not all tried */
	{
		char pat[512] = "";
		int k;

		for (k = 0; k < 8; k++)
			strcat(pat, "{a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,"
			    "t,u,v,w,x,y,z}");
		OK(!config_glob(pat, "zzzzzzzzQ"),
		    "brace expansion stops at CONFIG_MAX_GLOBS patterns");
	}
	OK(!config_glob("/top/*.md", "sub/top/a.md"), "a leading / anchors");

	/* plain text: the source itself when nothing needs changing */
	d = stripped("a.txt", "\xEF\xBB\xBFSaid \xE2\x80\x9Cno\xE2\x80\x9D.\n");
	OK(d->text == d->src + 3, "clean plain text is not copied");
	INT_EQ(src_of(d, "no"), 11, "clean plain text maps past the BOM");
	doc_free(d);
	{
		static const char bad[] = "a\0b"
		    "\xE0\x80\x80"		/* overlong */
		    "\xED\xA0\x80"		/* surrogate */
		    "\xE0\xA4\x85\xED\x9F\xBF\xEF\xBF\xBD"	/* valid */
		    "\xF0\x9F\x98\x80"	/* valid, four bytes */
		    "\xC3";			/* cut off */
		static const char want[] = "a b"
		    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		    "\xE0\xA4\x85\xED\x9F\xBF\xEF\xBF\xBD"
		    "\xF0\x9F\x98\x80"
		    "\xEF\xBF\xBD";

		d = doc_new("b.txt", bad, sizeof(bad) - 1);
		strip_run(d);
		OK(d->textlen == sizeof(want) - 1 &&
		    memcmp(d->text, want, sizeof(want) - 1) == 0,
		    "NUL and bad UTF-8 in plain text are replaced");
		INT_EQ(posmap_start(&d->pm, sizeof(want) - 2), sizeof(bad) - 2,
		    "a replacement at the end maps to its byte");
		doc_free(d);
	}
	return harness_failed != 0;
}
