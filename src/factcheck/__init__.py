"""factcheck: check the figures in Chinese news drafts against trusted sources."""

__version__ = "0.1.0"
