# The two commands a newcomer needs: `make demo` and `make test`.
# build/      Release build: build/broadsheet is the program.
# build/asan/ Debug build with AddressSanitizer + UBSan, used by the tests.

JOBS ?= $(shell nproc)
SAMPLES := $(wildcard samples/*.yaml)

# `make fuzz FUZZ_SECONDS=N` runs every libFuzzer target N seconds (fuzz/README.md).
FUZZ_SECONDS ?= 15

.PHONY: all bootstrap build build-asan demo test fuzz bench clean install deb image

all: build

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build -j $(JOBS) --target broadsheet

build-asan: bootstrap
	@cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DBROADSHEET_SANITIZE=ON >/dev/null
	@cmake --build build/asan -j $(JOBS)

demo: build
	@mkdir -p out
	@set -e; for f in $(SAMPLES); do \
	  n=$$(basename $$f .yaml); \
	  echo "render $$f -> out/$$n.pdf"; \
	  ./build/broadsheet render $$f -o out/$$n.pdf; \
	done
	@./build/broadsheet batch samples/counties -o out/counties
	@set -e; for l in broadsheet-a3 sheet-a4; do \
	  echo "render samples/seed-page.yaml --layout $$l -> out/seed-page-$$l.pdf"; \
	  ./build/broadsheet render samples/seed-page.yaml --layout $$l -o out/seed-page-$$l.pdf; \
	done

test: build build-asan deb
	@cd build/asan && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15

fuzz: bootstrap
	@cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBROADSHEET_FUZZ=ON >/dev/null
	@cmake --build build/fuzz -j $(JOBS) --target fuzz_targets
	@bash scripts/fuzz.sh build/fuzz $(FUZZ_SECONDS)

# Installs into PREFIX (default /usr/local): program, extras module, layouts,
# fonts manifest, man page, bash completion, docs and examples.
PREFIX ?= /usr/local
install: build
	@cmake --build build --target broadsheet_manpage
	@cmake --install build --prefix $(PREFIX)

# The Debian package: build/broadsheet_VERSION_ARCH.deb.
deb: build
	@cmake --build build --target broadsheet_manpage
	@cd build && cpack -G DEB | sed -n 's/^CPack: - package: //p'

# The container image localhost/broadsheet:VERSION (podman, no daemon).
image:
	@bash scripts/make-image.sh

bench: build
	@bash bench/run

clean:
	rm -rf build out
