/* jobs.h: work on N threads, results handed back in input order (main.c). */
#ifndef JOBS_H
#define JOBS_H

#include <stddef.h>

/*
 * Most threads jobs_run starts, whatever -j says: beyond the cores of any
 * machine copydesk runs on, more threads only cost memory.
 */
#ifndef JOBS_MAX
#define JOBS_MAX 256
#endif

/*
 * Items done ahead of the one being emitted, per thread: bounds the memory
 * held by finished documents waiting for a slow one before them.
 */
#ifndef JOBS_AHEAD
#define JOBS_AHEAD 4
#endif

struct jobs_ops {
	/* Per-thread state, made and freed on the thread that uses it. */
	void *(*thread_new)(void *arg);
	void (*thread_free)(void *arg, void *t);
	/* Does item i with thread state t; returns its result (or NULL). */
	void *(*work)(void *arg, void *t, size_t i);
	/* Takes the result of item i: on the calling thread, i = 0, 1, ... */
	void (*emit)(void *arg, size_t i, void *result);
};

/*
 * Runs ops->work for items 0..n-1 on up to njobs threads and ops->emit for
 * each result in item order on the calling thread, so that output is the
 * same for any njobs.  With njobs <= 1, one item, or when no thread can be
 * started, everything runs on the calling thread.  Cannot fail.
 */
void jobs_run(size_t n, int njobs, const struct jobs_ops *ops, void *arg);

/*
 * jobs_run with ahead items done ahead per thread instead of JOBS_AHEAD
 * (parts of a large file are large: main.c keeps fewer of them waiting).
 */
void jobs_run_ahead(size_t n, int njobs, size_t ahead,
    const struct jobs_ops *ops, void *arg);

/* The number of online cores (at least 1): the default for -j. */
int jobs_default(void);

#endif
