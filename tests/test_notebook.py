"""notebooks/explore.ipynb runs from top to bottom, cleanly, in a fresh folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import plangraph

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_the_committed_notebook_has_no_outputs() -> None:
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) >= 8
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_the_notebook_runs_from_top_to_bottom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jupyter_core warns about its data paths unless told to use platformdirs already
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    # the kernel imports plangraph from wherever this test process does (src/ or site)
    package_parent = str(Path(plangraph.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (package_parent, path) if p))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()

    assert (tmp_path / "out" / "plangraph.ttl").is_file()
    assert (tmp_path / "pm25-2027.png").stat().st_size > 1000
    assert (tmp_path / "themes-by-region.png").stat().st_size > 1000
    text: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text
            if output.output_type == "stream":
                text.append(output.text)
    printed = "".join(text)
    assert "Warning" not in printed
    assert "33" in printed and "30" in printed and "20" in printed  # the PM2.5 targets
    assert "加快推进重点区域自然资源确权登记" in printed
    assert "蒙电入沪" in printed
    images = [
        o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(images) == 2
