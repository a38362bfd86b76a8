"""``python -m hemeroteca`` runs the CLI (handy where the console script is not on PATH)."""

from hemeroteca.cli import main

main()
