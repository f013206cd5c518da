"""A SaudiNewsNet day file put in the input folder as it is gives the same documents as the folder
the dataset's own `to_folder.py` makes of it (skipped without ../shared)."""

import subprocess
import sys
from collections import Counter

import pytest

from helpers import ingest
from helpers.core.paths import PROJECT_ROOT

DATA = PROJECT_ROOT.parent / "shared" / "data" / "saudinewsnet"

pytestmark = pytest.mark.skipif(not (DATA / "2015-08-06.zip").exists(), reason="needs ../shared")


def test_a_day_zip_as_it_is_gives_the_documents_of_its_unpacked_folder(tmp_path):
    zipped = tmp_path / "zip"
    zipped.mkdir()
    (zipped / "2015-08-06.zip").write_bytes((DATA / "2015-08-06.zip").read_bytes())
    folder = tmp_path / "folder"
    subprocess.run(
        [sys.executable, str(DATA / "to_folder.py"), str(DATA / "2015-08-06.zip"), str(folder)],
        check=True,
        capture_output=True,
    )
    from_zip, from_folder = ingest.ingest_folder(zipped), ingest.ingest_folder(folder)
    assert len(from_zip.documents) == len(from_folder.documents) == 3218

    def described(docs):
        columns = [docs["title"].fillna(""), docs["outlet"], docs["published"], docs["status"]]
        return Counter(zip(*columns, strict=True))

    assert described(from_zip.documents) == described(from_folder.documents)
    assert from_zip.documents["source_path"].iloc[187] == "2015-08-06.zip/2015-08-06.json#187"
    assert from_zip.documents["doc_id"].is_unique
