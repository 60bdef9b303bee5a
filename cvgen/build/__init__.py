"""`cvgen build` and `cvgen watch`: every configured output from one load, rebuilt only when
its inputs changed. Kept free of imports so the up-to-date check stays fast (freshness.py)."""
