"""Adapters that run newsclean inside other systems: :mod:`newsclean.integrations.ray` (Ray
Data) and :mod:`newsclean.integrations.datatrove` (a datatrove pipeline step).

Each module imports its system on import, so it is only imported when asked for; install the
matching extra (``pip install 'newsclean[ray]'``, ``'newsclean[datatrove]'``).
"""
