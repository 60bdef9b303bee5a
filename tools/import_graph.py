"""cvgen's import graph between its top-level packages and root modules, and its cycles.

Counts every import, those inside functions too (grimp, import-linter's own graph builder).
`python tools/import_graph.py` prints one line per package ("build -> citations, compose, ...")
and the cycles; pyproject.toml's layers contract (`lint-imports`) is what CI enforces.
"""

from __future__ import annotations

from collections import defaultdict

import grimp


def package_graph(root: str = "cvgen") -> dict[str, set[str]]:
    """Which top-level package (or root module) imports which, within `root`."""
    graph = grimp.build_graph(root, include_external_packages=False)
    edges: dict[str, set[str]] = defaultdict(set)
    for module in graph.modules:
        source = ".".join(module.split(".")[:2])
        for imported in graph.find_modules_directly_imported_by(module):
            target = ".".join(imported.split(".")[:2])
            if source != target and root not in (source, target):
                edges[source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one package (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while component[-1:] != [node]:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(edges) | {n for targets in edges.values() for n in targets}):
        if node not in index:
            visit(node)
    return found


def main() -> None:
    edges = package_graph()
    for source in sorted(edges):
        print(source.removeprefix("cvgen."), "->", ", ".join(sorted(t[6:] for t in edges[source])))
    found = cycles(edges)
    print(f"cycles: {len(found)}")
    for component in found:
        print("  ", ", ".join(name.removeprefix("cvgen.") for name in component))


if __name__ == "__main__":
    main()
