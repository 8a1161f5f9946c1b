"""Demo content drawn from the seed DPIAs. Loaded by `manage.py load_demo_content`."""
