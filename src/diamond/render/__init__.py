"""Rendering helpers for reports (stdlib-only pieces such as the inline SVG Diamond chart)."""
