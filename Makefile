# Lan Tỏa — the single entry point. `make demo` runs the platform, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/lantoa
export PYTHONDONTWRITEBYTECODE := 1
export HF_HUB_OFFLINE := 1

PROD_PORT ?= 8001

.PHONY: install lock demo prod serve test lint format check test-sqlite test-pg e2e bench messages system-deps services

# Production dependencies (requirements.txt) and development ones (requirements-dev.txt), both pinned with hashes.
# pip itself first (requirements-pip.txt): the pip a new venv brings lets an extra (fonttools[woff], from weasyprint)
# pick a release newer than the pinned one, which --require-hashes then refuses.
$(VENV)/.installed: requirements-pip.txt requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Lan Tỏa: http://127.0.0.1:$(PORT)/  (cán bộ: http://127.0.0.1:$(PORT)/office/)"
	scripts/serve-demo.sh $(PY) $(PORT)

# The production stack here: gunicorn (several workers), the task worker and the scheduler, on PostgreSQL and Redis.
prod: install services
	PORT=$(PROD_PORT) scripts/serve-prod.sh $(PY)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	@! grep -nE '^ *(-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host)\b|file:' requirements.txt requirements-dev.txt requirements-pip.txt \
		|| { echo "Tệp khoá phụ thuộc không được ghi địa chỉ kho gói."; exit 1; }

# Re-pin both lock files from pyproject.toml (LOCK_FLAGS=--upgrade moves to newer releases).
lock: install
	$(PY) -m uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" --quiet -o requirements.txt $(LOCK_FLAGS)
	$(PY) -m uv pip compile --group pyproject.toml:dev -c requirements.txt --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" --quiet -o requirements-dev.txt $(LOCK_FLAGS)
	echo pip | $(PY) -m uv pip compile - --universal --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" --quiet -o requirements-pip.txt $(LOCK_FLAGS)

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check: install
	DJANGO_SETTINGS_MODULE=lantoa.config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=lantoa.config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=lantoa.config.settings.prod SECRET_KEY=check-only-$$RANDOM$$RANDOM$$RANDOM$$RANDOM-long-enough-for-the-deploy-check \
		ALLOWED_HOSTS=lantoa.example PUBLIC_BASE_URL=https://lantoa.example REDIS_URL=redis://127.0.0.1:6379/0 \
		DATABASE_URL=sqlite:///tmp/deploy-check.sqlite3 $(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: install
	$(PY) -m pytest -n 2 -q

test-pg: install services
	@if scripts/services.sh postgres; then \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest -n 2 -q; \
	else echo "PostgreSQL không chạy: bỏ qua bộ kiểm thử trên PostgreSQL (CI=true sẽ coi là lỗi)."; fi

e2e: install system-deps
	scripts/e2e-node-deps.sh
	$(PY) -m pytest -m e2e -q e2e

system-deps:
	scripts/system-deps.sh

services:
	scripts/services.sh

test: install system-deps services lint check test-sqlite test-pg e2e

bench: install system-deps services
	$(PY) bench/run.py

messages: install
	cd src/lantoa && ../../$(PY) ../../manage.py makemessages -l vi --no-obsolete
