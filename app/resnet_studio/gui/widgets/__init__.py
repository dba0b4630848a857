"""Reusable widgets of the desktop app (results list, drop zone, banners, model picker...)."""
