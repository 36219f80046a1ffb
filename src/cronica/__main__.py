"""`python -m cronica` is the `cronica` command."""
from cronica.cli import main

main()
