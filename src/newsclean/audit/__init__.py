"""Looking at what a run did: its statistics (stats.py), one article explained in the terminal
(explain.py) and a static HTML report of a run (report.py)."""
