"""GEXF for Gephi: people and organizations, and who wrote to, acted against or travelled with whom.

Built with networkx (whose GEXF writer is maintained and read back by the
tests); edges carry their relation, a weight (how many events support it)
and the ids of those events, so a Gephi user can go back to the source.
"""
from __future__ import annotations

import networkx as nx

from .common import network


def to_graph(export: dict) -> nx.MultiDiGraph:
    net = network(export)
    g = nx.MultiDiGraph()
    for n in net["nodes"]:
        g.add_node(n["id"], label=n["name"], kind=n["kind"])
    for e in net["edges"]:
        g.add_edge(e["source"], e["target"], key=f"{e['relation']}:{e['source']}->{e['target']}",
                   relation=e["relation"], weight=float(e["weight"]), label=e["relation"].replace("_", " "),
                   events=" ".join(e["events"]))
    return g


def write(export: dict, out_path: str) -> None:
    nx.write_gexf(to_graph(export), out_path)
