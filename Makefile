# Latih: two commands for a fresh machine.
#   make site   installs what is missing, builds latih in release mode, builds content/ into site/
#   make test   installs the test tools and runs every test: Swift, Node, headless Chromium,
#               xmllint against the SCORM and cmi5 schemas, a real LRS (Ralph) and a real
#               ClickHouse (Debian's server, and today's engine through chDB)
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := pkg-config zlib1g-dev libdeflate-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libmimalloc-dev
APT_TEST := chromium chromium-driver libxml2-utils zbar-tools
PIP_TEST := selenium pytest axe-core-python 'ralph-malph[cli,lrs]' rfc8785 cryptography chdb==4.4.0
LATIH_RELEASE := .build/release/latih
LATIH_DEBUG := .build/debug/latih

.PHONY: install uninstall site test deps test-deps bench-deps release swift-test js-test browser-test bench bench-search bench-stem bench-report bench-certify bench-smoke fuzz clean

# Installs the Debian packages in $(1) that are not installed yet.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_BUILD))

release: deps
	swift build -c release --product latih

# Installs latih in $(PREFIX)/bin and the default theme in $(PREFIX)/share/latih/templates,
# where `latih new site` finds it.
PREFIX ?= /usr/local
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/latih
	install -m 755 $(LATIH_RELEASE) $(DESTDIR)$(PREFIX)/bin/latih
	rm -rf $(DESTDIR)$(PREFIX)/share/latih/templates
	cp -R templates $(DESTDIR)$(PREFIX)/share/latih/templates
	chmod -R u=rwX,go=rX $(DESTDIR)$(PREFIX)/share/latih/templates

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/latih
	rm -rf $(DESTDIR)$(PREFIX)/share/latih

site: release
	$(LATIH_RELEASE) build --content content --templates templates --output site

test-deps: deps
	$(call apt_install,$(APT_TEST))
	@# Debian's clickhouse-server starts a system service as it is installed; the tests start
	@# their own on a free port, so, as in a Docker image, the install is told not to start it.
	@dpkg -s clickhouse-server 2>/dev/null | grep -q '^Status: install ok installed' || { \
	  added=""; \
	  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee /usr/sbin/policy-rc.d >/dev/null; $(SUDO) chmod +x /usr/sbin/policy-rc.d; added=1; fi; \
	  echo "installing: clickhouse-server"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server; status=$$?; \
	  if [ -n "$$added" ]; then $(SUDO) rm -f /usr/sbin/policy-rc.d; fi; \
	  exit $$status; }
	@python3 -c "import selenium, pytest, axe_core_python, ralph, uvicorn, rfc8785, cryptography, chdb" 2>/dev/null || python3 -m pip install -q $(PIP_TEST)

test: test-deps
	swift build
	$(MAKE) swift-test js-test browser-test

swift-test:
	swift test

js-test:
	node --test Tests/js/

browser-test:
	LATIH_BIN=$(LATIH_DEBUG) python3 -m pytest -q Tests/browser Tests/robustness Tests/clickhouse

# Benchmarks against Hugo (Debian) and Pagefind (PyPI) on generated catalogues; see README "Measured".
APT_BENCH := hugo time hyperfine
PIP_BENCH := pagefind-bin==1.5.2 snowballstemmer
BENCH_SIZES ?= 1000,10000,50000
BENCH_RUNS ?= 3
bench-deps: test-deps
	$(call apt_install,$(APT_BENCH))
	@python3 -c "import pagefind_bin, snowballstemmer" 2>/dev/null || python3 -m pip install -q $(PIP_BENCH)

bench: bench-deps release
	python3 bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
	python3 bench/page_weight.py

bench-search: bench-deps release
	python3 bench/search_bench.py --lessons 10000 --runs $(BENCH_RUNS)

bench-stem: bench-deps release
	python3 bench/stem_gold.py --misses

bench-report: bench-deps release
	python3 bench/report_bench.py --statements 250000,500000,1000000 --runs $(BENCH_RUNS)
	python3 bench/report_bench.py --statements 1000000,5000000 --people 20000 --runs 1 --work /tmp/latih-bench-report-roster
	python3 bench/report_bench.py --statements 1000000 --people 20000 --runs 1 --clickhouse --work /tmp/latih-bench-report-engine

bench-certify: bench-deps release
	python3 bench/certify_bench.py --people 15000 --runs 1

# What CI runs after `make test`: both benchmarks at a tiny size with the debug build,
# so the scripts keep working; no timing is asserted.
bench-smoke: bench-deps
	swift build
	python3 bench/page_weight.py --latih $(LATIH_DEBUG)
	python3 bench/bench.py --sizes 200 --runs 1 --work /tmp/latih-bench-smoke --latih $(LATIH_DEBUG)
	python3 bench/search_bench.py --lessons 200 --runs 1 --models prose --work /tmp/latih-bench-smoke --latih $(LATIH_DEBUG)
	python3 bench/report_bench.py --statements 2000 --runs 1 --work /tmp/latih-bench-smoke/report --latih $(LATIH_DEBUG)
	python3 bench/report_bench.py --statements 3000 --people 50 --runs 1 --clickhouse --work /tmp/latih-bench-smoke/report-engine --latih $(LATIH_DEBUG)
	python3 bench/stem_gold.py --latih $(LATIH_DEBUG)
	python3 bench/certify_bench.py --people 50 --runs 1 --work /tmp/latih-bench-smoke/certify --latih $(LATIH_DEBUG)

# libFuzzer with AddressSanitizer over the front-matter, quiz, GIFT and link parsers,
# seeded from the sample catalogue. Crashes land in .build-fuzz/crashes/.
FUZZERS := FuzzFrontMatter FuzzQuiz FuzzGift FuzzLinks FuzzMoodleXML
FUZZ_RUNS ?= 1000000
# No allocation stack traces: Swift allocates often, and unwinding on every malloc
# made the fuzzers four times slower. Reports still name the faulting access.
ASAN_OPTIONS := malloc_context_size=0:detect_leaks=0
FUZZ_FLAGS := -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
fuzz: deps
	@for f in $(FUZZERS); do LATIH_FUZZ=1 swift build $(FUZZ_FLAGS) --product $$f || exit 1; done
	@rm -rf .build-fuzz/corpus && python3 Fuzz/seeds.py .build-fuzz/corpus
	@mkdir -p .build-fuzz/crashes
	@for f in $(FUZZERS); do \
	  echo "== $$f: replaying Fuzz/regressions/$$f"; \
	  ASAN_OPTIONS=$(ASAN_OPTIONS) .build-fuzz/release/$$f Fuzz/regressions/$$f/* 2>&1 | grep -E "ERROR|SUMMARY" && exit 1; \
	  echo "== $$f: $(FUZZ_RUNS) runs"; \
	  ASAN_OPTIONS=$(ASAN_OPTIONS) .build-fuzz/release/$$f -runs=$(FUZZ_RUNS) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=.build-fuzz/crashes/$$f- .build-fuzz/corpus/$$f 2>&1 | grep -E "^#[0-9]+ +DONE|^Done|ERROR|SUMMARY" || exit 1; \
	  ls .build-fuzz/crashes | grep -q "^$$f-" && exit 1; \
	done; echo "fuzzing clean"

clean:
	rm -rf .build .build-fuzz site
