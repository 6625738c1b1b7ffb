"""Many articles: reading, cleaning and writing a whole run (``newsclean run``).

``runner.py`` is the run itself; ``budget.py`` the time budget per input; ``workers.py`` what
worker processes do and how inputs are batched for them; ``parallel.py`` the process pool;
``progress.py`` the progress line.
"""
