"""Rapport: engagement data in, client deliverables out.

The pipeline is ``load → validate → analyze → render → publish``; each stage is a
module (or small package) of this package and hands the next a plain value.
"""

__version__ = "0.1.0"
