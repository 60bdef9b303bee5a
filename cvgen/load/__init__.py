"""Loaders: turn the user's files into the typed model, collecting every problem on the way."""
