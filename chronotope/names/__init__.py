"""Names of people and organizations: reading them, and telling who is who.

``parse`` reads one name (titles, inverted forms, initials), ``cluster``
groups the mentions of one document into entities and merges entities across
documents (:func:`merge_across`, called by the cross-document linking step),
``vocab`` loads the word lists under ``chronotope/data/names``, ``org_rules``
reads organization names of shapes other than "... Committee" (numbered units,
foreign names, newspapers, acronyms defined in the text).
"""
from .cluster import Cluster, Item, cluster_people, merge_across, org_key, person_id
from .parse import NameParts, compatible_given, fold, parse_name, split_list, strip_titles

__all__ = ["Cluster", "Item", "cluster_people", "merge_across", "org_key", "person_id",
           "NameParts", "compatible_given", "fold", "parse_name", "split_list", "strip_titles"]
