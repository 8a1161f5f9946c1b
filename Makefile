# Trust Hub: the two commands you need are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test serve lint format bench clean backup restore messages messages-update

$(VENV)/.installed: requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required (looked for $(PYTHON))."; exit 1; }
	# A bare virtual environment (no pip of its own: a few seconds faster); the system's pip puts
	# uv in it, and uv installs the same locked versions as pip would, in a third of the time.
	test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	test -x $(VENV)/bin/uv || $(PYTHON) -m pip --python $(PY) install --quiet uv==0.13.9
	# Every file checked against the lock's hashes. From uv's cache alone when it has every locked
	# file (no index round trips), else online.
	$(VENV)/bin/uv pip install --python $(PY) --quiet --require-hashes --offline -r requirements.lock 2>/dev/null \
	  || $(VENV)/bin/uv pip install --python $(PY) --quiet --require-hashes -r requirements.lock
	touch $@

# The interface translations (Welsh: locale/cy/LC_MESSAGES/django.po), compiled where Django reads
# them. Only the .po files are committed; the .mo files are built here, from them, every time
# they change. After changing interface text: `make messages-update`, translate, commit the .po.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
messages: $(CATALOGUES:.po=.mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	@source scripts/system-packages.sh && ensure_gettext
	msgfmt --check --output-file=$@ $<

## make messages-update: add new interface text to the catalogues (then translate the empty msgstr)
messages-update: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=trusthub.settings.dev $(PY) manage.py makemessages --all $(MAKEMESSAGES_FLAGS)

## make run: install, migrate the embedded SQLite database, load demo content, serve on HOST:PORT
run: $(VENV)/.installed messages
	DJANGO_SETTINGS_MODULE=trusthub.settings.dev bash scripts/run.sh

## make test: lint, checks, and the whole suite on a throwaway PostgreSQL cluster + headless Chromium
test: $(VENV)/.installed messages
	bash scripts/test.sh

## make serve: the production-shaped stack: Varnish on 127.0.0.1:PORT, gunicorn (APP_SERVERS, default 1)
## with the production settings on PostgreSQL (a throwaway cluster unless DATABASE_URL is set),
## the task worker and the scheduler (scripts/serve.sh, deploy/)
serve: $(VENV)/.installed messages
	bash scripts/serve.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

bench: $(VENV)/.installed messages
	bash scripts/bench.sh

## make backup: the database (db.sqlite3, or PostgreSQL when DATABASE_URL is set) and uploaded media
## in one file, backups/trusthub-YYYYMMDD-HHMMSS.tar.gz (BACKUP_DIR; README, "Backups")
backup: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-trusthub.settings.dev} $(PY) manage.py backup

## make restore FILE=backups/trusthub-….tar.gz: put a backup's database and media back; the current
## ones are saved to a backup of their own first (it prints where)
restore: $(VENV)/.installed
	@if [[ -z "$(FILE)" ]]; then \
	  echo "Usage: make restore FILE=backups/trusthub-YYYYMMDD-HHMMSS.tar.gz (the backup to restore)." >&2; \
	  ls -1t "$${BACKUP_DIR:-backups}"/trusthub-*.tar.gz 2>/dev/null | head -n 5 | sed 's/^/  available: /' >&2; \
	  exit 2; \
	fi
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-trusthub.settings.dev} $(PY) manage.py restore "$(FILE)"

## make clean: remove what the build made (.venv, node_modules, staticfiles). The local database and
## uploaded media are kept unless you confirm: make clean CONFIRM=delete-my-data
clean:
	rm -rf $(VENV) node_modules staticfiles
	@if [[ "$(CONFIRM)" == delete-my-data ]]; then \
	  rm -rf db.sqlite3 media && echo "Deleted db.sqlite3 and media/ (your local content)."; \
	elif [[ -e db.sqlite3 || -e media ]]; then \
	  echo "Kept db.sqlite3 and media/ (your local content). To delete them too: make clean CONFIRM=delete-my-data"; \
	fi
