"""Names of people and organizations: finding them, reading them, and telling who is who.

The people stage (``chronotope/stages/people.py``) is wiring; the logic is here:

* ``collect`` finds candidates in a section, from the model's entities
  (``model_entities``) and from rules for persons (``person_rules``),
  organizations (``org_rules``) and firms (``firms``), sharing ``tokens`` and
  the ``candidate`` type;
* ``shapes``, ``filters`` and ``propagate`` revise them once the whole document
  is known (``shapes``: headings, citations, Latin names by their look);
* ``entities`` clusters the survivors (``cluster``) into entities, and
  ``narrator`` says who "I" is;
* ``parse`` reads one name (titles, inverted forms, initials), ``cluster`` also
  merges entities across documents (:func:`merge_across`, called by the
  cross-document linking step), ``vocab`` loads the word lists under
  ``chronotope/data/names``.
"""
from .cluster import Cluster, Item, cluster_people, merge_across, org_key, person_id
from .parse import NameParts, compatible_given, fold, parse_name, split_list, strip_titles

__all__ = ["Cluster", "Item", "cluster_people", "merge_across", "org_key", "person_id",
           "NameParts", "compatible_given", "fold", "parse_name", "split_list", "strip_titles"]
