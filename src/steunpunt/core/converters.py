"""Path converters of the platform."""


class NotANumber:
    """A path segment that is not a whole number (at least one character other than a digit)."""

    regex = r"[^/]*[^0-9/][^/]*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
