"""Group journeys in third-person texts, on texts the tests write: a group that divides (each part
keeps its own road from where it split), "a guide led them", a vessel named by "the transport X"
carrying whoever was left at its port, a group named by one of its members setting out from where
the party is, "hoped to sail" (a plan, however the lemmatiser reads "hoped"), "motor coach" and
"mail boat", and a year of a later interview that does not become the story's running year."""
from chronotope.document import Document


def _run(events_pipeline, text):
    d = events_pipeline.run(Document(text, source="own.txt"))
    names = {k: v.name for k, v in d.entities.items()}
    legs, planned = {}, set()
    for j in d.journeys:
        for l in j.legs:
            leg = (names.get(l.from_place), names.get(l.to_place))
            if j.attributes.get("planned"):
                planned.add(leg)
            else:
                legs.setdefault(leg, set()).update(l.modes)
    return d, legs, planned


SCHOOL = (
    "The college sailed from Guernsey to Weymouth in June 1940. A special train took the whole school from "
    "Weymouth to Bristol. In October 1940 the senior boys moved with the headmaster by train from Bristol to "
    "Leicester. The juniors were sent the other way. With the matron they went from Bristol to Gloucester "
    "by motor coach. In September 1941 the junior boys moved from Gloucester to Leicester in army lorries.")


def test_a_divided_group_keeps_each_part_on_its_own_road(events_pipeline):
    _d, legs, _p = _run(events_pipeline, SCHOOL)
    for leg in [("Weymouth", "Bristol"), ("Bristol", "Leicester"), ("Bristol", "Gloucester"),
                ("Gloucester", "Leicester")]:
        assert leg in legs, leg
    assert ("Leicester", "Gloucester") not in legs      # the juniors never went back through Leicester
    assert "bus" in legs[("Bristol", "Gloucester")]     # a motor coach is a bus, not a horse coach


FLIGHT = (
    "Paul Adler and his wife Clara Adler lived in Vienna until 1938. In May 1938 they travelled by train "
    "from Vienna to Paris. Paul registered for the quota, and they hoped to sail from Le Havre to New York "
    "in the spring. Clara, interviewed in 1992, still remembered the crossing. In September Paul was taken "
    "by lorry from Paris to Nevers. In October 1940 they took the train from Marseille to Perpignan, and "
    "from there a guide led them over the mountains on foot to Figueres.")


def test_a_hoped_for_sailing_is_a_plan_and_a_guide_leads_them(events_pipeline):
    d, legs, planned = _run(events_pipeline, FLIGHT)
    assert ("Le Havre", "New York") not in legs
    assert ("Le Havre", "New York") in planned
    assert "foot" in legs.get(("Perpignan", "Figueres"), set())


def test_the_year_of_a_later_interview_is_not_the_story_year(events_pipeline):
    d, _legs, _p = _run(events_pipeline, FLIGHT)
    values = {d.norm[m.nstart:m.nend]: m.value for m in d.mentions if m.kind == "date"}
    assert values.get("September") == "1938-09"


CONVOY = (
    "On 2 June 1871 the prisoners were marched from Paris to Versailles. Morel's group was loaded into "
    "cattle wagons and taken by rail to Brest. Lenoir was sent from Versailles to Toulon by train. "
    "Jeanne Morel came from Paris to Brest by train in the autumn and went back to Paris a week later. "
    "In August 1873 the transport Danaé sailed from Brest to Nouméa. A month later Lenoir sailed from "
    "Toulon to Nouméa. In 1880 Morel got away on the last mail boat from Nouméa to Sydney.")


def test_a_named_transport_carries_the_party_left_at_its_port(events_pipeline):
    _d, legs, _p = _run(events_pipeline, CONVOY)
    assert ("Versailles", "Brest") in legs          # "Morel's group": from where the party was
    assert "ship" in legs.get(("Brest", "Nouméa"), set())
    assert ("Paris", "Brest") in legs and ("Brest", "Paris") in legs
    assert "ship" in legs.get(("Nouméa", "Sydney"), set())     # "got away on the mail boat"
