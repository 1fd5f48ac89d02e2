/* utf8.c: UTF-8 helpers on top of utf8proc, with ASCII fast paths. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Is b a continuation byte (10xxxxxx)? */
static int
cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

size_t
utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];
	int32_t v;

	/* straight-line code for each length: the leads rule out overlong
	 * 2-byte forms (C0, C1) and values above U+10FFFF in 4 (F5 up) */
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n >= 2 && cont(s[1])) {
			*cp = (int32_t)((c & 0x1F) << 6 | (s[1] & 0x3Fu));
			return 2;
		}
	} else if (c >= 0xE0 && c <= 0xEF) {
		if (n >= 3 && cont(s[1]) && cont(s[2])) {
			v = (int32_t)((c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6 |
			    (s[2] & 0x3Fu));
			if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
				*cp = v;
				return 3;
			}
		}
	} else if (c >= 0xF0 && c <= 0xF4) {
		if (n >= 4 && cont(s[1]) && cont(s[2]) && cont(s[3])) {
			v = (int32_t)((c & 0x07) << 18 | (s[1] & 0x3Fu) << 12 |
			    (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu));
			if (v >= 0x10000 && v <= 0x10FFFF) {
				*cp = v;
				return 4;
			}
		}
	}
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t
utf8_encode(int32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;
	int32_t cp;

	while (i < n) {
		uint64_t w;

		/* eight ASCII bytes (no high bit set) at a time */
		if (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				count += 8;
				continue;
			}
		}
		if (p[i] < 0x80)
			i++;
		else
			i += utf8_decode(p + i, n - i, &cp);
		count++;
	}
	return count;
}

int32_t
utf8_lower(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return utf8proc_tolower(cp);
}

int
utf8_is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int
utf8_is_upper(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int
utf8_is_mark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	    c == UTF8PROC_CATEGORY_ME || cp == 0x200D || cp == 0xFE0F;
}

int
utf8_word_class(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return UTF8_WORD | UTF8_LETTER | UTF8_UPPER;
		if (cp >= 'a' && cp <= 'z')
			return UTF8_WORD | UTF8_LETTER;
		return cp >= '0' && cp <= '9' ? UTF8_WORD : 0;
	}
	if (cp == 0x200D || cp == 0xFE0F)
		return UTF8_WORD;	/* joiners count as marks */
	c = utf8proc_category(cp);
	switch (c) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return UTF8_WORD | UTF8_LETTER | UTF8_UPPER;
	case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return UTF8_WORD | UTF8_LETTER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return cp >= 0x300 ? UTF8_WORD : 0;	/* as utf8_is_mark */
	case UTF8PROC_CATEGORY_ND:
		return UTF8_WORD;
	default:
		return 0;
	}
}

int
utf8_is_word(int32_t cp)
{
	return (utf8_word_class(cp) & UTF8_WORD) != 0;
}

int
utf8_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0;
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int
utf8_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

size_t
utf8_fold_strip(const char *s, size_t n, char *out, size_t outcap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int32_t cp, dec[8];
	unsigned char enc[4];

	while (i < n) {
		utf8proc_ssize_t k, j;
		int32_t c;

		i += utf8_decode(p + i, n - i, &cp);
		k = utf8proc_decompose_char(cp, dec, 8,
		    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
		    UTF8PROC_STRIPMARK, NULL);
		if (k < 0 || k > 8) {
			dec[0] = cp;
			k = 1;
		}
		for (j = 0; j < k; j++) {
			size_t m;

			c = dec[j];
			if (utf8_is_mark(c))
				continue;
			/* letters that NFKD leaves alone */
			if (c == 0xF8)
				c = 'o';
			else if (c == 0x142)
				c = 'l';
			else if (c == 0x111)
				c = 'd';
			else if (c == 0xE6) {
				if (o + 2 > outcap)
					return o;
				out[o++] = 'a';
				c = 'e';
			}
			m = utf8_encode(c, enc);
			if (o + m > outcap)
				return o;
			memcpy(out + o, enc, m);
			o += m;
		}
	}
	return o;
}
