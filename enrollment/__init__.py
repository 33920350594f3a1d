"""enrollment package."""
