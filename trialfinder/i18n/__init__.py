"""Language choice in one place: gettext for content strings, Babel for formatting."""
