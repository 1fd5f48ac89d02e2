# copydesk: a checker for news copy.
#
#   make            build ./copydesk (runs 'make deps' when a library is missing)
#   make deps       install the Debian packages the build needs (as root)
#   make check      build and run every test; ends with "N passed, N failed"
#   make asan       the same tests under AddressSanitizer and UBSan
#   make bench      throughput figures (a benchmark, not a test)
#   make bench-peers  copydesk against write-good and alex (npm)
#   make patho      the pathological-input tests alone (also in make check)
#   make fuzz       each libFuzzer target FUZZ_SECONDS seconds (clang)
#   make install    PREFIX=/usr/local (binary, rules, man page)

PKGS      = libpcre2-8 libutf8proc libxml-2.0 libcmark yaml-0.1
DEBS      = build-essential pkg-config libpcre2-dev libutf8proc-dev \
            libxml2-dev libcmark-dev libyaml-dev libxml2-utils python3 \
            python3-yaml
CC       ?= cc
PREFIX   ?= /usr/local
DATADIR   = $(PREFIX)/share/copydesk
MANDIR    = $(PREFIX)/share/man
VERSION   = 0.1.0
WARN      = -std=c11 -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes \
            -Wshadow -Wwrite-strings -Wvla -Wformat=2 -Wpointer-arith \
            -Wno-format-nonliteral $(WERROR)
CFLAGS   ?= -O2 -g
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -D_GNU_SOURCE -Isrc $(DEFS) $(PKG_CFLAGS) \
            -DCOPYDESK_VERSION='"$(VERSION)"' -DCOPYDESK_DATADIR='"$(DATADIR)"'
LDLIBS   += $(PKG_LIBS) -lpthread -lm

B        ?= build
BIN      ?= copydesk
SRCS      = $(sort $(wildcard src/*.c))
LIBSRCS   = $(filter-out src/main.c,$(SRCS))
OBJS      = $(LIBSRCS:src/%.c=$(B)/%.o)
UNITS     = $(sort $(wildcard tests/unit/t_*.c))
UNITBINS  = $(UNITS:tests/unit/%.c=$(B)/%)

all: $(BIN)

# Install the build dependencies when pkg-config cannot find them.
.deps-ok:
	@pkg-config --exists $(PKGS) || $(MAKE) --no-print-directory deps
	@touch $@

deps:
	@if [ "$$(id -u)" != 0 ]; then \
	  echo "make deps: run as root (or: sudo apt-get install $(DEBS))" >&2; \
	  exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS)

$(B)/%.o: src/%.c src/*.h src/finding.def | .deps-ok
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c $< -o $@

# cli.c has DATADIR compiled in: rebuild it when PREFIX changes, so that
# 'make install PREFIX=...' installs a binary that finds its rules there.
$(B)/datadir: FORCE
	@mkdir -p $(B)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(B)/cli.o: $(B)/datadir

$(B)/libcopydesk.a: $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

$(BIN): $(B)/main.o $(B)/libcopydesk.a
	$(CC) $(LDFLAGS) -o $@ $(B)/main.o $(B)/libcopydesk.a $(LDLIBS)

$(B)/t_%: tests/unit/t_%.c tests/unit/harness.h $(B)/libcopydesk.a
	$(CC) $(CPPFLAGS) -Itests/unit $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	  $(B)/libcopydesk.a $(LDLIBS)

check: $(BIN) $(UNITBINS)
	@COPYDESK=./$(BIN) sh tests/run.sh $(B) $(UNITBINS)

# The same tests with a sanitized build in build-asan/ (./copydesk is left
# alone); PATHO_SCALE shrinks the pathological inputs to fit CI's budget.
asan:
	PATHO_SCALE=2 PATHO_TIMEOUT=60 $(MAKE) check B=build-asan \
	  BIN=build-asan/copydesk DEFS=-DARENA_DEBUG \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined"

golden-update: copydesk
	@sh tests/t_golden.sh --update

bench: $(BIN)
	@sh tests/bench.sh
	@sh tests/bench-formats.sh
	@sh tests/bench-jobs.sh

bench-peers: $(BIN)
	@sh tests/bench-peers.sh

patho: copydesk
	@COPYDESK=./copydesk B=$(B) sh tests/t_patho.sh

# libFuzzer targets (tests/fuzz/fz_*.c), built with clang into build-fuzz/
# and run FUZZ_SECONDS each on a corpus seeded from fixtures/, the eval
# articles and the shipped rules.  A crash stops make with the reproducer
# in build-fuzz/; turn it into a regression test.
FUZZ_SECONDS ?= 60
FZ        = build-fuzz
FUZZERS   = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fz_*.c))
FUZZ_SAN  = -fsanitize=address,undefined -fno-sanitize-recover=all

fuzz-build:
	$(MAKE) --no-print-directory B=$(FZ) CC=clang DEFS=-DARENA_DEBUG \
	  CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  $(FZ)/libcopydesk.a
	@for t in $(FUZZERS); do \
	  echo "clang ... -o $(FZ)/$$t tests/fuzz/$$t.c"; \
	  clang $(CPPFLAGS) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) \
	    -o $(FZ)/$$t tests/fuzz/$$t.c $(FZ)/libcopydesk.a $(LDLIBS) || exit 1; \
	done

fuzz: fuzz-build
	@for t in $(FUZZERS); do \
	  sh tests/fuzz/seed.sh $$t $(FZ)/corpus-$$t || exit 1; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  $(FZ)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict=tests/fuzz/copydesk.dict -artifact_prefix=$(FZ)/$$t- \
	    $(FZ)/corpus-$$t 2>$(FZ)/$$t.log || \
	    { tail -n 60 $(FZ)/$$t.log; exit 1; }; \
	  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' \
	    $(FZ)/$$t.log | tr '\n' ' '; echo; \
	done

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c

lint:
	@sh tests/prefix-check.sh $(B)/libcopydesk.a

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(MANDIR)/man1
	install -m 755 copydesk $(DESTDIR)$(PREFIX)/bin/copydesk
	rm -rf $(DESTDIR)$(DATADIR)/rules
	cp -R rules $(DESTDIR)$(DATADIR)/
	install -m 644 copydesk.1 $(DESTDIR)$(MANDIR)/man1/copydesk.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/copydesk
	rm -f $(DESTDIR)$(MANDIR)/man1/copydesk.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz copydesk .deps-ok

.PHONY: all deps check asan golden-update bench bench-peers patho fuzz \
	fuzz-build format lint install uninstall clean FORCE
