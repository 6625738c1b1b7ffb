"""Many articles: reading, cleaning and writing a whole run (``newsclean run``).

``runner.py`` is the run itself; ``budget.py`` the time budget per input; ``workers.py`` what
worker processes do and how inputs are batched for them; ``parallel.py`` the process pool;
``progress.py`` the progress line; ``outdir.py`` the output directory (staging, journal,
publication), ``lock.py`` its lock, ``options.py`` the checks of ``newsclean run``'s options
(docs/runs.md).
"""
