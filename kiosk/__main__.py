"""``python -m kiosk`` runs the ``zuil`` console script (handy in a source tree or a git worktree)."""

from kiosk.cli import main

main()
