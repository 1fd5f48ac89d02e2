/*
 * fz_read.c: libFuzzer target for reading one draft: markup stripping and
 * tokenizing, for each input format.  The first byte picks the format so
 * one corpus exercises txt, md, html and xml.
 */
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "strip.h"
#include "tok.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "f.txt", "f.md", "f.html",
	    "f.xml" };
	struct doc *d;

	if (size < 1)
		return 0;
	d = doc_new(names[data[0] & 3], (const char *)data + 1, size - 1);
	if (strip_run(d) == 0)
		tok_split2(d, NULL, NULL);
	doc_free(d);
	return 0;
}
