/* jobs.c: a pool of worker threads whose results are emitted in order. */
#include "jobs.h"

#include <libxml/parser.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "xalloc.h"

/*
 * malloc tuning while threads run: allocations below this come from the
 * heap (arena blocks are at most 8 MB), and a heap keeps this much free
 * memory before giving it back.
 */
#define JOBS_MMAP_THRESHOLD (32 * 1024 * 1024)
#define JOBS_TRIM_THRESHOLD (128 * 1024 * 1024)

struct jobs {
	pthread_mutex_t mu;
	pthread_cond_t room;	/* workers: the window moved */
	pthread_cond_t ready;	/* the emitter: the item it waits for is done */
	size_t n, next, emitted, window;
	void **res;
	unsigned char *done;
	const struct jobs_ops *ops;
	void *arg;
};

static void *
worker(void *vj)
{
	struct jobs *j = vj;
	void *t = j->ops->thread_new(j->arg);
	size_t i;
	void *r;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		while (j->next < j->n && j->next >= j->emitted + j->window)
			pthread_cond_wait(&j->room, &j->mu);
		if (j->next >= j->n)
			break;
		i = j->next++;
		pthread_mutex_unlock(&j->mu);
		r = j->ops->work(j->arg, t, i);
		pthread_mutex_lock(&j->mu);
		j->res[i] = r;
		j->done[i] = 1;
		if (i == j->emitted)
			pthread_cond_signal(&j->ready);
	}
	pthread_mutex_unlock(&j->mu);
	j->ops->thread_free(j->arg, t);
	return NULL;
}

static void
run_here(size_t n, const struct jobs_ops *ops, void *arg)
{
	void *t = ops->thread_new(arg);
	size_t i;

	for (i = 0; i < n; i++)
		ops->emit(arg, i, ops->work(arg, t, i));
	ops->thread_free(arg, t);
}

void
jobs_run(size_t n, int njobs, const struct jobs_ops *ops, void *arg)
{
	jobs_run_ahead(n, njobs, JOBS_AHEAD, ops, arg);
}

void
jobs_run_ahead(size_t n, int njobs, size_t ahead, const struct jobs_ops *ops,
    void *arg)
{
	struct jobs j = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	    PTHREAD_COND_INITIALIZER, n, 0, 0, 0, NULL, NULL, ops, arg };
	pthread_t *tids;
	size_t i, nt = 0, want;
	void *r;

	if (njobs > JOBS_MAX)
		njobs = JOBS_MAX;
	want = njobs > 1 ? (size_t)njobs : 1;
	if (want > n)
		want = n;
	if (want <= 1) {
		run_here(n, ops, arg);
		return;
	}
	/* libxml2 initialises its globals lazily: do it before threads */
	xmlInitParser();
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
	/*
	 * Documents are built on workers and freed here.  With glibc's
	 * defaults each thread's heap is trimmed and its arena blocks mmapped
	 * afresh for every document, and page faults eat the speedup: keep
	 * freed memory for reuse instead.
	 */
	mallopt(M_MMAP_THRESHOLD, JOBS_MMAP_THRESHOLD);
	mallopt(M_TRIM_THRESHOLD, JOBS_TRIM_THRESHOLD);
#endif
	j.window = want * (ahead > 0 ? ahead : 1);
	j.res = xcalloc(n, sizeof(*j.res));
	j.done = xcalloc(n, 1);
	tids = xcalloc(want, sizeof(*tids));
	for (nt = 0; nt < want; nt++)
		if (pthread_create(&tids[nt], NULL, worker, &j) != 0)
			break;
	if (nt == 0) {
		free(tids);
		free(j.res);
		free(j.done);
		run_here(n, ops, arg);
		return;
	}
	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&j.mu);
		while (!j.done[i])
			pthread_cond_wait(&j.ready, &j.mu);
		r = j.res[i];
		pthread_mutex_unlock(&j.mu);
		ops->emit(arg, i, r);
		pthread_mutex_lock(&j.mu);
		j.emitted = i + 1;
		pthread_cond_broadcast(&j.room);
		pthread_mutex_unlock(&j.mu);
	}
	for (i = 0; i < nt; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	free(j.res);
	free(j.done);
	pthread_mutex_destroy(&j.mu);
	pthread_cond_destroy(&j.room);
	pthread_cond_destroy(&j.ready);
}

int
jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > JOBS_MAX ? JOBS_MAX : (int)n;
}
