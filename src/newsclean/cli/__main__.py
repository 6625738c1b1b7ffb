"""``python -m newsclean.cli``: the command line."""

from newsclean.cli import main

if __name__ == "__main__":  # (importing the module, as the doctest runner does, runs nothing)
    main()
