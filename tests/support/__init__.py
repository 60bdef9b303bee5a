"""Helpers every test folder imports (`from tests.support.rendering import render`)."""
