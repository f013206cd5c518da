"""Shared helpers for the Arabic news research notebooks."""
