/* utf8.h: UTF-8 decoding, validation and case folding helpers. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decodes one code point from the n > 0 bytes at s into *cp and returns the
 * number of bytes it used.  An invalid or truncated sequence (overlong forms,
 * surrogates, values above U+10FFFF) yields *cp = U+FFFD and returns 1, so
 * that every invalid byte is replaced on its own.
 */
size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes cp into out (4 bytes at least); returns the byte count. */
size_t utf8_encode(int32_t cp, unsigned char *out);

/* Number of code points in the n bytes at s, counting invalid bytes singly. */
size_t utf8_count(const char *s, size_t n);

/* Simple lowercase mapping of one code point (ASCII fast path). */
int32_t utf8_lower(int32_t cp);

/* Nonzero for letters (Unicode category L*), marks and digits as below. */
int utf8_is_letter(int32_t cp);
int utf8_is_upper(int32_t cp);
int utf8_is_mark(int32_t cp);
int utf8_is_space(int32_t cp);
int utf8_is_digit(int32_t cp);

/* What utf8_word_class tells of a code point. */
enum utf8_word_bits {
	UTF8_WORD = 1 << 0,	/* utf8_is_word */
	UTF8_LETTER = 1 << 1,	/* utf8_is_letter */
	UTF8_UPPER = 1 << 2	/* utf8_is_upper */
};

/*
 * utf8_is_word, utf8_is_letter and utf8_is_upper with one category
 * look-up, as bits (the tokenizer asks all three of each character).  A
 * word character without UTF8_UPPER is its own utf8_lower (only Lu and Lt
 * letters have lowercase mappings; the unit tests check every code point).
 */
int utf8_word_class(int32_t cp);

/* utf8_is_letter || utf8_is_digit || utf8_is_mark: what goes on a word. */
int utf8_is_word(int32_t cp);

/*
 * Appends to out (growing via the caller's buffer API is not needed: the
 * result is never longer than 3 * n + 1 bytes) the folded form of s: NFKD,
 * marks removed, case folded.  Returns the folded length.  Used to compare
 * names that differ only in accents (Peña/Pena).
 */
size_t utf8_fold_strip(const char *s, size_t n, char *out, size_t outcap);

#endif
