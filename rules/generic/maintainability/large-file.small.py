# ok-file: generic.maintainability.large-file
"""A module of a sensible size."""
VALUE = 1
