"""Graph intelligence: influence, cross-sell, opportunity signals, segments and paths.

Each module holds pure functions over a ``Market`` snapshot or a sparse matrix:

- ``centrality``: PageRank and betweenness (networkx-equal, on scipy.sparse)
- ``community``: Louvain communities and modularity
- ``influence``: decision-chain ranking per account, network influence and brokers
- ``crosssell_mining`` / ``crosssell``: rules, sequences, similarity; explained
  recommendations and their offline evaluation
- ``churn`` / ``signals``: the churn model and the opportunity-signal detectors
- ``segments``: RFM tiers, LTV, account communities, similar accounts
- ``paths``: warm-introduction paths and depth-bounded shortest paths
- ``executors`` / ``gds``: where the whole-graph algorithms run: in-process, or
  server-side by Neo4j GDS (``choose_executor``)

``run.analyze`` is the runner: load, compute, write back, summarise.
"""

from algorithms.centrality import betweenness, pagerank
from algorithms.community import louvain, modularity
from algorithms.crosssell import Recommendation, evaluate, recommend
from algorithms.errors import AlgorithmError, EmptyGraph, NotConverged
from algorithms.influence import Influence, decision_chain, network_influence
from algorithms.market import Market, load_market
from algorithms.paths import GraphPath, shortest_path, warm_intro_paths
from algorithms.run import ANALYSES, analyze
from algorithms.segments import account_communities, rfm_segments, similar_accounts
from algorithms.signals import Signal, detect

__all__ = [
    "ANALYSES",
    "AlgorithmError",
    "EmptyGraph",
    "GraphPath",
    "Influence",
    "Market",
    "NotConverged",
    "Recommendation",
    "Signal",
    "account_communities",
    "analyze",
    "betweenness",
    "decision_chain",
    "detect",
    "evaluate",
    "load_market",
    "louvain",
    "modularity",
    "network_influence",
    "pagerank",
    "recommend",
    "rfm_segments",
    "shortest_path",
    "similar_accounts",
    "warm_intro_paths",
]
