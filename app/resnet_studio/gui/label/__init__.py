"""The Label tab: sort a folder of unsorted pictures into categories, helped by suggestions."""

from .view import LabelView

__all__ = ["LabelView"]
