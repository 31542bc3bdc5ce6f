"""Commands of this group (to be written)."""
