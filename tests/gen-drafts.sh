#!/bin/sh
# gen-drafts.sh: writes N drafts of varying length into DIR, built from the
# fixtures' paragraphs, for the -j test and benchmark.
# Usage: tests/gen-drafts.sh N DIR [REPEAT]  (REPEAT scales every draft)
n=$1 dir=$2 rep=${3:-1}
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" -v rep="$rep" '
	NF { para[np++] = $0 }
	END {
		for (i = 0; i < n; i++) {
			f = sprintf("%s/draft-%03d.txt", dir, i)
			# lengths vary 1..37 paragraphs so workers finish out of order
			k = (1 + (i * 7919) % 37) * rep
			for (j = 0; j < k; j++)
				print para[(i + j * 3) % np] "\n" > f
			close(f)
		}
	}' fixtures/*.txt
