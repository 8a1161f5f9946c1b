"""The home page and the default site, for `manage.py load_demo_content`."""
