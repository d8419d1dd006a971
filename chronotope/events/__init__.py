"""Events: journeys with legs, communications and their fate, acts of persecution and legal process.

The events stage (:mod:`chronotope.stages.events`) reads each parsed sentence
with :mod:`.travel`, :mod:`.communications` and :mod:`.persecution`, then in
``finish`` resolves entities, places and dates from the earlier stages'
mentions (:mod:`.resolve`), emits events (:mod:`.emit`), chains journeys
(:mod:`.journeys`) and checks them (:mod:`.plausibility`).
"""
from .journeys import chain_across

__all__ = ["chain_across"]
