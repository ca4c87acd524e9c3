# Rebound: `make run` to use it locally, `make test` to prove it works.
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

# The newest Python >= 3.12: on PATH first, then among pyenv's installed versions.
define find_python
found=""; \
for cand in python3.14 python3.13 python3.12 python3; do \
  if $$cand -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    found=$$(command -v $$cand); break; fi; \
done; \
if [ -z "$$found" ]; then \
  for dir in $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.* 2>/dev/null | sort -t. -k2,2nr -k3,3nr); do \
    if "$$dir/bin/python3" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
      found="$$dir/bin/python3"; break; fi; \
  done; \
fi; \
if [ -z "$$found" ]; then \
  echo "Rebound needs Python 3.12 or newer, and none was found on PATH or under pyenv." >&2; \
  echo "Install one (for example: pyenv install 3.12) and run make again." >&2; exit 1; \
fi
endef

.PHONY: run test lint format lock migrate clean bench

$(PY):
	@$(find_python); echo "Creating $(VENV) with $$found"; "$$found" -m venv $(VENV)

$(INSTALLED): $(PY) requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	@touch $@

# The task worker (reminder emails) runs beside the web server: Ctrl-C stops both, and the
# worker never outlives the server. Without reloading: under DEBUG the worker would run in a
# child of Django's reloader, which kills it outright when stopped, even mid-send (an email
# out, but not marked sent). Restart make run after changing a task.
run: $(INSTALLED)
	@mkdir -p var
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py seed_demo
	@export DEBUG=true SITE_URL="http://$(HOST)"; \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	echo "Task worker started (process $$worker); serving http://$(HOST)"; \
	$(PY) manage.py runserver $(HOST)

# The suite runs with DEBUG off, as a deployment does, so it needs a key of its own.
test: $(INSTALLED)
	SECRET_KEY="$${SECRET_KEY:-test-only-not-a-secret}" $(PY) -m pytest $(PYTEST_ARGS)

# How fast each main page is, served as in production on PostgreSQL (README: make bench).
bench: $(INSTALLED) bench/node_modules/.installed
	$(PY) bench/bench.py

bench/node_modules/.installed: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	@touch $@

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-resolve pyproject.toml's dependencies into requirements.lock (run after changing them).
lock: $(PY)
	rm -rf var/lock-venv
	$(PY) -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[dev]"
	var/lock-venv/bin/python -m pip freeze --exclude rebound --exclude pip > requirements.lock
	rm -rf var/lock-venv build *.egg-info

clean:
	rm -rf $(VENV) var/*.sqlite3 staticfiles bench/node_modules
