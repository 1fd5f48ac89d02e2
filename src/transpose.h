/* transpose.h: NumberConflict for transposed digits ($48.6M, $46.8M). */
#ifndef TRANSPOSE_H
#define TRANSPOSE_H

struct incons;

/*
 * Adds a NumberConflict finding at each figure whose digits are an
 * earlier figure's of the same unit with two neighbours swapped ("$46.8
 * million" after "$48.6 million"), unless a change word explains it.
 * Reads the numbers of ic's scan.  Cannot fail.
 */
void transpose_run(const struct incons *ic);

#endif
