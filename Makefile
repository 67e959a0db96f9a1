# The two commands a new machine needs: `make run` and `make test`. See README.md.

PORT ?= 8000
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test check test-sqlite test-grown test-postgres test-faults proofs data fixtures messages clean

## run: set up, load the data into the embedded SQLite database, serve on 127.0.0.1:$(PORT) with gunicorn
## (the production server, with two workers here; Ctrl-C stops it, waiting at most 3 s for open connections)
run: $(VENV)/.installed-run
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_data
	$(MANAGE) collectstatic --no-input -v0
	@echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn. Press Ctrl-C to stop."
	BIND=127.0.0.1:$(PORT) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} GUNICORN_LOG_LEVEL=warning GUNICORN_GRACEFUL_TIMEOUT=$${GUNICORN_GRACEFUL_TIMEOUT:-3} \
	  exec $(VENV)/bin/gunicorn

## test: lint and consistency checks, the whole suite on SQLite, again on grown fixtures, on PostgreSQL, then the
## short fault proofs (browser tests drive Debian's /usr/bin/chromium through Playwright; screenshots in artifacts/)
test: check test-sqlite test-grown test-postgres test-faults

check: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check --fail-level WARNING
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') DJANGO_ALLOWED_HOSTS=portal.example DJANGO_BEHIND_TLS_PROXY=1 $(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) build_fixtures --check
	$(MANAGE) spectacular --validate --fail-on-warn --file /dev/null
	$(MANAGE) compilemessages -l vi --ignore=$(VENV) -v0
	git diff --exit-code -- locale || (echo "locale/*.mo is out of date: run 'make messages' and commit." && exit 1)

test-sqlite: $(VENV)/.installed-dev
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest -m browser tests/browser

## test-grown: the suite on SQLite against a copy of the fixtures with figures added and one removed, none named by
## any test (tests/grown_fixtures.py): it passes only if the tests build the data they assert on
test-grown: $(VENV)/.installed-dev
	@dir=$$(mktemp -d) && $(PY) tests/grown_fixtures.py "$$dir" && \
	  PORTAL_TEST_FIXTURES_DIR="$$dir" DATABASE_URL=sqlite:///:memory: $(PY) -m pytest; \
	  status=$$?; rm -rf "$$dir"; exit $$status

test-postgres: $(VENV)/.installed-dev
	@$(PY) -c "import psycopg2, sys; psycopg2.connect(sys.argv[1]).close()" "$(TEST_POSTGRES_URL)" 2>/dev/null || { \
	  echo "PostgreSQL is not reachable at $(TEST_POSTGRES_URL)."; \
	  echo "Start it (e.g. pg_ctlcluster --skip-systemctl-redirect \$$(ls /etc/postgresql) main start)"; \
	  echo "or point TEST_POSTGRES_URL at a server where the suite may create its test database."; \
	  exit 1; }
	DATABASE_URL=$(TEST_POSTGRES_URL) $(PY) -m pytest
	DATABASE_URL=$(TEST_POSTGRES_URL) $(PY) -m pytest -m browser tests/browser

## test-faults: short proofs under load, reloads, a broken fixture and a database restart
test-faults: $(VENV)/.installed-dev
	$(PY) -m pytest -m fault tests/faults

## proofs: the fault proofs in full (60 s each at 64 connections; see faults/run.py)
proofs: $(VENV)/.installed-dev
	$(PY) faults/run.py all

## fixtures: rebuild fixtures/*.json from the annotations (after editing fixtures/annotations/)
fixtures: $(VENV)/.installed-run
	$(MANAGE) build_fixtures

## data: reload the fixtures into the database even if this version is loaded
data: $(VENV)/.installed-run
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_data --force

## messages: refresh the Vietnamese catalogue after changing interface text
messages: $(VENV)/.installed-dev
	$(MANAGE) makemessages -l vi --no-location --no-wrap --ignore=$(VENV) --ignore=staticfiles --ignore=staticfiles-manifest --ignore=artifacts --ignore=bench
	$(MANAGE) compilemessages -l vi --ignore=$(VENV)

$(VENV)/.created:
	@python=$$(scripts/find-python) && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed-run: $(VENV)/.created requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) staticfiles staticfiles-manifest db.sqlite3 var
