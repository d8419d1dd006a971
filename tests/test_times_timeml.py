"""TimeML in and out, on small TimeML files written by the test."""
import re

from chronotope.timeml import read, timeml_main

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-05" temporalFunction="false" functionInDocument="CREATION_TIME">March 5, 1998</TIMEX3></DCT>
<TEXT>
The council met <TIMEX3 tid="t1" type="DATE" value="1998-03-04">yesterday</TIMEX3> and will meet again next week.
Profits fell 3% in the third quarter, <EVENT eid="e1" class="OCCURRENCE">after</EVENT> talks that lasted six hours.
Tickets are sold daily. The mayor said it was now or never.
</TEXT>
</TimeML>
"""


def test_timeml_round_trip_adds_only_tags(tmp_path):
    src = tmp_path / "in.tml"
    src.write_text(TML, encoding="utf-8")
    out = tmp_path / "out.tml"
    assert timeml_main(str(src), str(out)) == 0
    written = out.read_text(encoding="utf-8")
    # the DCT's TIMEX3 is kept, the text is unchanged once tags are removed
    assert 'functionInDocument="CREATION_TIME"' in written
    strip = lambda s: re.sub(r"</?TIMEX3[^>]*>", "", s)
    assert strip(written) == strip(TML)
    doc = read(str(out))
    got = {doc.plain[g.start:g.end]: (g.type, g.value) for g in doc.gold}
    assert got["yesterday"] == ("DATE", "1998-03-04")
    assert got["next week"] == ("DATE", "1998-W11")
    assert got["the third quarter"] == ("DATE", "1997-Q3")     # "fell": the last third quarter
    assert got["six hours"] == ("DURATION", "PT6H")
    assert got["daily"] == ("SET", "P1D")
    assert got["now"] == ("DATE", "PRESENT_REF")
    assert '<EVENT eid="e1" class="OCCURRENCE">after</EVENT>' in written
    tids = re.findall(r'tid="(t\d+)"', written)
    assert len(tids) == len(set(tids))


def test_te3input_without_timex(tmp_path):
    src = tmp_path / "doc.TE3input"
    src.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2000-01-07">x</TIMEX3></DCT>'
                   "<TEXT>The vote came on Wednesday.</TEXT></TimeML>", encoding="utf-8")
    out = tmp_path / "doc.tml"
    assert timeml_main(str(src), str(out)) == 0
    assert '<TIMEX3 tid="t1" type="DATE" value="2000-01-05">Wednesday</TIMEX3>' in out.read_text(encoding="utf-8")


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    assert timeml_main(str(tmp_path / "nope.tml"), None) == 2
