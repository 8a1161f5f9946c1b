"""Serving Trust Hub: the caching proxy (varnish.vcl), the app servers (gunicorn.conf.py) and
the production-shaped stack that starts them (stack.py, `make serve`)."""
