"""``python -m newsclean.cli``: the command line."""

from newsclean.cli import main

main()
