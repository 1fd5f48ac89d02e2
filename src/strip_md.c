/* strip_md.c: Markdown input (NEEDSWORK: placeholder until the cmark back end lands). */
#include "strip.h"

int
strip_md(struct doc *d)
{
	return strip_txt(d);
}

int
strip_html(struct doc *d)
{
	return strip_txt(d);
}

int
strip_xml(struct doc *d)
{
	return strip_txt(d);
}
