"""Hostile graphs and queries: refused with one line before Oxigraph spends memory, stack or
network on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangraph.errors import GraphError
from plangraph.store import load_store

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/"'


def _laughs(levels: int) -> str:
    entities = '<!ENTITY a0 "laugh">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, levels + 1)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [{entities}]>\n<rdf:RDF {RDF}>'
        f'<rdf:Description rdf:about="http://ex/s"><ex:p>&a{levels};</ex:p>'
        "</rdf:Description></rdf:RDF>\n"
    )


def test_billion_laughs_in_an_rdf_xml_graph_is_refused_before_loading(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(_laughs(8), encoding="utf-8")  # 5 x 10^8 characters
    with pytest.raises(GraphError) as info:
        load_store(path)
    assert str(info.value) == (
        f"{path}: the RDF/XML's entities expand to over 10,000,000 characters (nested "
        "entities, a 'billion laughs'?); expected an RDF/XML graph"
    )


def test_rdf_xml_with_small_entities_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "small.xml"
    path.write_text(_laughs(3), encoding="utf-8")  # 5,000 characters: fine
    store = load_store(path)
    assert len(store) == 1
