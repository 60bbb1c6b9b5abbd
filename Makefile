# samskab — the two commands: `make demo` and `make test`. Everything else is here too.
# Each target installs what is missing first (scripts/install-deps.sh), so a fresh Debian 12
# machine needs nothing but these commands.

PORT ?= 8080
BUILD ?= build
DEMO_DB ?= demo.db
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test bench fuzz format lint clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/samskab demo --db sqlite:$(DEMO_DB)
	@echo "samskab: serving the demo at http://127.0.0.1:$(PORT) (Ctrl-C stops it)"
	$(BUILD)/samskab serve --db sqlite:$(DEMO_DB) --listen 127.0.0.1:$(PORT)

test: build
	@bash scripts/run-tests.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)
	@bash bench/registry.sh $(BUILD)
	@bash bench/matching.sh $(BUILD)
	@bash bench/search.sh $(BUILD)

fuzz: deps
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-300} bash scripts/fuzz.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: $(BUILD)/build.ninja
	@bash scripts/lint.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-fuzz
