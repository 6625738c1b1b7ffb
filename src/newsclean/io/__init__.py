"""Reading inputs and writing outputs: the only part of newsclean that touches files."""
