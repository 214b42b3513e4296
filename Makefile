# Latih: two commands for a fresh machine.
#   make site   installs what is missing, builds latih in release mode, builds content/ into site/
#   make test   installs the test tools and runs every test: Swift, Node, and headless Chromium
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
APT_TEST := chromium chromium-driver
PIP_TEST := selenium pytest
LATIH_RELEASE := .build/release/latih
LATIH_DEBUG := .build/debug/latih

.PHONY: site test deps test-deps release swift-test js-test browser-test clean

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

site: release
	$(LATIH_RELEASE) build --content content --templates templates --output site

test-deps: deps
	$(call apt_install,$(APT_TEST))
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q $(PIP_TEST)

test: test-deps
	swift build
	$(MAKE) swift-test js-test browser-test

swift-test:
	swift test

js-test:
	node --test Tests/js/

browser-test:
	LATIH_BIN=$(LATIH_DEBUG) python3 -m pytest -q Tests/browser Tests/robustness

clean:
	rm -rf .build site
