/* harness.h: a tiny unit-test harness; prints PASS/FAIL lines for run.sh. */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failed;
static const char *harness_name = "unit";

#define OK(cond, what) do { \
	if (cond) \
		printf("PASS %s: %s\n", harness_name, (what)); \
	else { \
		printf("FAIL %s: %s (%s:%d)\n", harness_name, (what), \
		    __FILE__, __LINE__); \
		harness_failed++; \
	} \
} while (0)

#define INT_EQ(got, want, what) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ == w_) \
		printf("PASS %s: %s\n", harness_name, (what)); \
	else { \
		printf("FAIL %s: %s: got %lld, want %lld (%s:%d)\n", \
		    harness_name, (what), g_, w_, __FILE__, __LINE__); \
		harness_failed++; \
	} \
} while (0)

#define STR_EQ(got, want, what) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0) \
		printf("PASS %s: %s\n", harness_name, (what)); \
	else { \
		printf("FAIL %s: %s: got '%s', want '%s' (%s:%d)\n", \
		    harness_name, (what), g_ ? g_ : "(null)", \
		    w_ ? w_ : "(null)", __FILE__, __LINE__); \
		harness_failed++; \
	} \
} while (0)

#endif
