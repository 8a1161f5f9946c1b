# Sourced by the scripts that need Debian packages (the PostgreSQL server, Chromium, WeasyPrint's
# libraries, Varnish...) and axe-core (npm). Each ensure_* function installs what is missing when
# run as root; otherwise it says what to install and stops.
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# A shared library the dynamic linker knows (ldconfig is in /sbin, often not on a user's PATH).
has_lib() { { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q "$1"; }

install_packages() {
  (($#)) || return 0
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing system packages: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing system packages: $*. Install them (as root: apt-get install $*)." >&2
    exit 1
  fi
}

# WeasyPrint (the DPIA evidence packs, subprocessors/pack.py; imported when the site starts):
# Pango and a font to set the packs in. For `make run`, `make serve` and `make test`.
ensure_pdf_packages() {
  local missing=()
  has_lib 'libpango-1.0\.so' || missing+=(libpango-1.0-0)
  has_lib 'libpangoft2-1.0\.so' || missing+=(libpangoft2-1.0-0)
  [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || fc-list 2>/dev/null | grep -q 'DejaVu Sans' \
    || missing+=(fonts-dejavu-core)
  install_packages "${missing[@]}"
}

# GNU gettext's msgfmt: compiles the interface translations (locale/*/LC_MESSAGES/django.po) for
# every make target that serves or tests the site (Makefile, "messages").
ensure_gettext() {
  command -v msgfmt >/dev/null || install_packages gettext
}

# For the tests and benchmarks: PostgreSQL (a throwaway cluster), Chromium and axe-core.
ensure_system_packages() {
  local missing=()
  PGBIN=$(pg_bindir)
  [[ -n "$PGBIN" && -x "$PGBIN/postgres" ]] || missing+=(postgresql)
  command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v npm >/dev/null || missing+=(npm)
  install_packages "${missing[@]}"
  PGBIN=$(pg_bindir)
  ensure_pdf_packages
  if [[ ! -f node_modules/axe-core/axe.min.js ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# For the scripts that run the production-shaped stack (`make serve`; `make test`, for
# tests/test_stack*.py; benchmarks through the proxy): the Varnish caching proxy, and wrk and
# nginx-light for the benchmarks.
ensure_serving_packages() {
  local missing=()
  command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]] || missing+=(varnish)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  install_packages "${missing[@]}"
}
