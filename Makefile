# The two promises of the README: `make run` and `make test`. Everything they need,
# they install themselves.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

.PHONY: run test lint check-migrations messages compilemessages worker worker-rq system-packages clean

$(VENV)/.run-installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.run-installed requirements-test.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## Run the platform with demo data on SQLite, the task worker alongside.
run: $(VENV)/.run-installed
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo_data --port $(PORT)
	@$(PY) scripts/print_welcome.py $(PORT)
	@bash scripts/run-dev.sh $(PORT)

## Install what the tests need and run lint, migration check and the whole suite.
test: $(VENV)/.test-installed system-packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r src scripts -q
	PYTHONPATH=src $(VENV)/bin/lint-imports --no-cache --no-logo
	mkdir -p var
	DJANGO_SETTINGS_MODULE=steunpunt.conf.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest
	@if pg_isready -h 127.0.0.1 -p 5432 -q >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory test-search-pg; \
	else \
	  echo "Search evaluation on PostgreSQL NOT run: no server answers at 127.0.0.1:5432 (start one, then: make test-search-pg)"; \
	fi

## The search evaluation set (recall@5, MRR) on PostgreSQL, in a test database of its own:
## `make test` runs it when a server answers at 127.0.0.1:5432; SEARCH_PG_URL picks another server.
SEARCH_EVAL := src/steunpunt/information/tests/test_search_eval.py
SEARCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
.PHONY: test-search-pg
test-search-pg: $(VENV)/.test-installed
	DATABASE_URL=$(SEARCH_PG_URL) TEST_DATABASE_NAME=test_steunpunt_search_eval $(VENV)/bin/pytest -n 0 $(SEARCH_EVAL)

system-packages:
	@bash scripts/system-packages.sh

## The whole suite several times, each in another order with other seeds (pytest-randomly, hypothesis):
## STABILITY_RUNS on SQLite (5) and STABILITY_PG_RUNS on PostgreSQL (2, STABILITY_DATABASE_URL or the
## CI server); lists every test that did not pass every time (var/stability/summary.txt). ~5 min a run.
.PHONY: test-stability test-explore
test-stability: $(VENV)/.test-installed system-packages
	mkdir -p var
	$(PY) scripts/test_stability.py

## The property-based tests with a random seed (printed) and ten times as many examples as make test.
test-explore: $(VENV)/.test-installed
	mkdir -p var
	SEED=$${SEED:-$$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}; echo "hypothesis seed $$SEED"; \
	HYPOTHESIS_PROFILE=explore $(VENV)/bin/pytest -m hypothesis --hypothesis-seed=$$SEED

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Refresh the Dutch catalogue after changing user-facing text, then the catalogues of the site's other
## languages from it (scripts/site-catalogs.sh: English complete, msgstr = msgid; ar, tr, pl, uk keep
## their translations). TRANSLATIONS=dir merges translators' files dir/<lang>/django.po in first.
messages: $(VENV)/.run-installed
	cd src && ../$(PY) ../manage.py makemessages -l nl --no-obsolete --no-location
	bash scripts/site-catalogs.sh $(if $(TRANSLATIONS),--from $(TRANSLATIONS))

## The task worker (django-tasks-db); `make run` starts one for you.
worker: $(VENV)/.run-installed
	$(MANAGE) db_worker

## A task worker for TASK_BACKEND=rq (Redis at REDIS_URL), with the scheduler for delayed tasks.
worker-rq: $(VENV)/.run-installed
	$(MANAGE) rqworker default --job-class django_tasks_rq.Job --with-scheduler

clean:
	rm -rf $(VENV) var demo-logins.json

compilemessages: $(VENV)/.run-installed
	cd src && ../$(PY) ../manage.py compilemessages -l nl -l nl_Informal -l en -l ar -l tr -l pl -l uk

## Benchmarks (bench/README.md): installs wrk, nginx and gunicorn, builds the PostgreSQL bench
## databases (50,000 articles; BENCH_ARGS=--quick for 3,000) and prints every figure beside its
## reference measured in the same run. Never fails on a timing.
.PHONY: bench
bench: $(VENV)/.run-installed
	$(PY) bench/run_all.py $(BENCH_ARGS)

## The national data set on PostgreSQL (BENCH_DATABASE_URL's server): 150 steunpunten, 1,000,000
## questions over two years and 5,000 national articles, in database steunpunt_bench_cases
## (bench/generate_cases.py; reused when it is already there). `make bench` makes it too.
.PHONY: national-data
national-data: $(VENV)/.run-installed
	$(PY) bench/generate_cases.py $(NATIONAL_ARGS)

.PHONY: bandit security security-packages

## Security lint: bandit over src/ and scripts/ (configuration in pyproject.toml, [tool.bandit]).
bandit: $(VENV)/.test-installed
	$(VENV)/bin/bandit -c pyproject.toml -r src scripts -q

## Security scan (S9): bandit, then sqlmap and wapiti against the running site (a scratch PostgreSQL
## database, gunicorn with production settings over TLS on loopback, the public forms and the back
## office signed in with two factors). About 15 minutes; fails on any finding; reports in var/security/.
security: bandit security-packages
	$(PY) scripts/security.py

security-packages:
	@bash scripts/security-packages.sh

## Resilience checks R1 and R2 (resilience/README.md): the question form under load while a gunicorn
## worker and the task worker are killed and a private PostgreSQL cluster restarts; mail during a
## mail-server outage, the worker killed mid-delivery. About 7 minutes; fails on a lost, half-written
## or doubled submission or mail. RESILIENCE_ARGS=r1 (or r2, --seconds N) runs part of it.
.PHONY: resilience
resilience: $(VENV)/.test-installed
	$(PY) resilience/run.py $(RESILIENCE_ARGS)
