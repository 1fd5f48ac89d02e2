/* source.h: the sources a story relies on (filled by attribution). */
#ifndef SOURCE_H
#define SOURCE_H

#include <stddef.h>

struct source {
	const char *name;	/* earliest longest form, or the phrase */
	int kind;		/* enum speaker_kind (quote.h) */
	const char *title;	/* or NULL */
	const char **aliases;
	size_t naliases;
	int mentions;
	int quotes;
	size_t toff;		/* first mention, in d->text */
};

#endif
