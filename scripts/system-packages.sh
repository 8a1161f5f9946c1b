# Sourced by the scripts that need the PostgreSQL server and Chromium (Debian packages) and
# axe-core (npm). Installs what is missing when run as root; otherwise says what to install.
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_system_packages() {
  local missing=()
  PGBIN=$(pg_bindir)
  [[ -n "$PGBIN" && -x "$PGBIN/postgres" ]] || missing+=(postgresql)
  command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v npm >/dev/null || missing+=(npm)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
      echo "Installing system packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
      PGBIN=$(pg_bindir)
    else
      echo "Missing system packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]})." >&2
      exit 1
    fi
  fi
  if [[ ! -f node_modules/axe-core/axe.min.js ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# For the scripts that run the production-shaped stack (`make serve`; `make test`, for
# tests/test_stack*.py; benchmarks through the proxy): the Varnish caching proxy, and wrk and
# nginx-light for the benchmarks. Installs what is missing when run as root, like the above.
ensure_serving_packages() {
  local missing=()
  command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]] || missing+=(varnish)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
      echo "Installing system packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing system packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]})." >&2
      exit 1
    fi
  fi
}
