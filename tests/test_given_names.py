"""The given-name lexicon and its Wikidata part (helpers.entities.given_names)."""

import sqlite3

from helpers.entities.given_names import given_names, wikidata_given_names, write_wikidata_names


def test_wikidata_names_keep_given_names_borne_by_several_persons():
    rows = [
        ("هنادي", "given", 7, "SA"),  # borne by 7 persons as a given name: kept
        ("هنادي", "surname", 3, "SA"),
        ("خلدونه", "given", 4, "SA"),  # too few bearers
        ("عطوي", "given", 6, "SA"),  # more often a surname
        ("عطوي", "surname", 4, "SA"),
        ("پرويز", "given", 40, "SA"),  # Persian letters: not Arabic news spelling
        ("بن محمد", "given", 30, "SA"),  # a patronymic, not a given name
        ("كامل", "given", 90, "SA"),  # a common word ("whole")
        ("نور الدين", "given", 12, "SA"),
        ("دريه", "given", 9, "SA"),  # بدرية is ب + درية: a proclitic makes it another name
        ("رضيه", "given", 9, "SA"),  # فرضية "hypothesis" is ف + رضية
        ("وقار", "given", 30, "PK"),  # Waqar in Urdu, "dignity" in Arabic
    ]
    assert wikidata_given_names(rows, frozenset({"بدريه"})) == ["نور الدين", "هنادي"]


def test_the_rebuilt_file_leaves_out_names_the_hand_made_lexicon_has(tmp_path):
    index = tmp_path / "names.sqlite3"
    with sqlite3.connect(index) as db:
        db.execute("CREATE TABLE units (arabic_key TEXT, latin TEXT, role TEXT, count INTEGER, country TEXT)")
        db.executemany(
            "INSERT INTO units VALUES (?, ?, ?, ?, ?)",
            [("محمد", "Muhammad", "given", 900, "EG"), ("زهيرو", "Zouhiro", "given", 8, "MA")],
        )
    out = tmp_path / "names.txt"
    assert write_wikidata_names(index, out) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "زهيرو" and all(x.startswith("#") for x in lines[:-1])


def test_shipped_wikidata_names_are_weak_given_names():
    names = given_names()
    assert names.match(["نائل"], 0) == (1, False)  # a given name the hand-made list lacked
    assert names.match(["كامل"], 0) == (0, False)


def test_foreign_given_names_leave_out_words_and_brands():
    names = given_names()
    assert names.match(["ايفيت", "كوبر"], 0) == (1, True)  # Yvette Cooper
    assert names.match(["ايفون"], 0)[0] == 0  # آيفون is the iPhone
    assert names.match(["نجيب", "الله"], 0)[0] == 2  # a compound with God's name
