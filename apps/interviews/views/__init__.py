"""The interviews app's views, one module a screen family (urls.py lists them)."""
