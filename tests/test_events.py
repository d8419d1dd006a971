"""Events stage on real text: communications, acts, journeys (with the other stages' mentions)."""
from pathlib import Path

import pytest

from chronotope.document import Document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def run(events_pipeline, text, name="own.txt"):
    return events_pipeline.run(Document(text, source=name))


def test_letters_and_telegrams_with_their_fate(events_pipeline):
    text = ("In March my brother wrote to me from the prison. His letter took forty days to reach me. "
            "Telegrams from our friends never reached us at all. "
            "We sent them a short message through the window of the cell.")
    d = run(events_pipeline, text)
    comms = [e for e in d.events if e.type == "communication"]
    by_kind = {}
    for e in comms:
        by_kind.setdefault(e.attributes["kind"], []).append(e)
    delayed = [e for e in by_kind.get("letter", []) if e.attributes.get("status") == "delayed"]
    assert delayed and delayed[0].attributes.get("delay") == "P40D"
    assert any(e.attributes["status"] == "lost" for e in by_kind.get("telegram", []))
    msg = by_kind["message"][0]
    assert "window" in msg.attributes.get("channel", "")
    for e in comms:
        assert d.text[e.start:e.end].strip()


def test_acts_with_legal_basis_order_and_counts(events_pipeline):
    text = ("The tribunal considered the case of the printer Osip Manko under article 12/4 of the Penal Code. "
            "Resolved: Osip Manko to be deported from the province. "
            "Manko and nine others were arrested at night. "
            "He went on a hunger strike that lasted twelve days.")
    d = run(events_pipeline, text)
    types = {e.type: e for e in d.events}
    assert "deportation_order" in types
    assert "article 12/4" in types["deportation_order"].attributes.get("charge", "")
    assert types["arrest"].attributes.get("count") == 10
    assert "hunger_strike" in types
    assert not types["deportation_order"].attributes.get("planned")


def test_a_planned_route_moves_nobody(events_pipeline):
    text = ("We were to sail from Lisbon to Madeira, but the plan was dropped. "
            "On 3 May 1840 we left Lisbon by train and arrived in Madrid on 5 May.")
    d = run(events_pipeline, text)
    planned = [e for e in d.events if e.type == "travel" and e.attributes.get("planned")]
    travelled = [e for e in d.events if e.type == "travel" and not e.attributes.get("planned")]
    assert planned
    assert all(e.attributes.get("to") != e.attributes.get("from") for e in travelled)
    legs = [l for j in d.journeys if not j.attributes.get("planned") for l in j.legs]
    names = {k: v.name for k, v in d.entities.items()}
    if legs:       # needs the places stage
        assert [(names.get(l.from_place), names.get(l.to_place)) for l in legs] == [("Lisbon", "Madrid")]
        assert "rail" in legs[0].modes
        # the dropped plan is a journey of its own, marked planned
        kept = [(names.get(l.from_place), names.get(l.to_place), l.attributes.get("planned"))
                for j in d.journeys if j.attributes.get("planned") for l in j.legs]
        assert kept == [("Lisbon", "Madeira", True)]


@pytest.mark.skipif(not (CORPUS / "my-life-deportation.txt").exists(), reason="corpus not present")
def test_the_deportation_journey(events_pipeline):
    path = CORPUS / "my-life-deportation.txt"
    d = run(events_pipeline, path.read_text(encoding="utf-8"), path.name)
    comms = [e for e in d.events if e.type == "communication"]
    assert len(comms) >= 9
    assert any(e.attributes.get("general_practice") for e in comms)
    assert any(e.type == "deportation_order" for e in d.events)
    legs = [l for j in d.journeys for l in j.legs]
    assert any(m.kind == "place" for m in d.mentions)
    names = [(d.entities[l.from_place].name if l.from_place in d.entities else None,
              d.entities[l.to_place].name if l.to_place in d.entities else None, l.modes) for l in legs]
    assert len(legs) >= 4
    assert any("bus" in m for _, _, m in names)
    assert any("ship" in m for _, _, m in names)
    for l in legs:
        for ev in l.evidence:
            assert d.text[ev["start"]:ev["end"]].strip()


def test_speed_beyond_the_mode_is_an_issue(events_pipeline):
    from chronotope.document import Journey, Leg
    from chronotope.events import plausibility
    d = Document("We rode 1500 kilometres in two days on horseback.", source="x.txt")
    ev = d.add_event("travel", 0, 10, attributes={})
    d.journeys.append(Journey(id="j", travellers=[], legs=[Leg(None, None, modes=["horse"], distance_km=1500,
                                                                 duration="P2D", event=ev.id)]))
    plausibility.check(d)
    assert [i.kind for i in d.issues] == ["implausible_speed"]
    assert "1500 km" in d.issues[0].message


def _legs(d, planned=False):
    """Legs travelled (or, with planned=True, only planned), as (from, to, modes) names."""
    names = {k: v.name for k, v in d.entities.items()}
    return [(names.get(l.from_place), names.get(l.to_place), l.modes) for j in d.journeys
            if bool(j.attributes.get("planned")) == planned for l in j.legs]


def test_third_person_convoy_chains_stops_and_ignores_plans(events_pipeline):
    text = ("In his speech to the court the accused spoke of what was done in Warsaw, Lodz, Vilna and Minsk.\n\n"
            "On 2 March 1907 the prisoners were taken by rail from Moscow to Kazan. "
            "From Kazan the convoy went on by sleigh to Perm, and thence to Tyumen. "
            "They were to be sent further to Tobolsk, but the order was changed.\n\n"
            "At Tyumen, on 20 March, Sokolov wrote to his wife.")
    d = run(events_pipeline, text)
    legs = _legs(d)
    assert any(m.kind == "place" for m in d.mentions)
    stops = [(a, b) for a, b, _ in legs]
    assert ("Moscow", "Kazan") in stops and ("Kazan", "Perm") in stops and ("Perm", "Tyumen") in stops
    assert not any(a in ("Warsaw", "Lodz", "Vilna", "Minsk") for a, _ in stops)   # a list in a speech
    assert not any(b == "Tobolsk" for _, b in stops)                               # only planned
    assert "sleigh" in dict(((a, b), m) for a, b, m in legs)[("Kazan", "Perm")]
    assert any(e.type == "travel" and e.attributes.get("planned") for e in d.events)


def test_diary_headings_and_subjectless_entries(events_pipeline):
    text = ("1 May 1871.\n\nLeft Lisbon at dawn on the steamer Tagus, bound for Bordeaux.\n\n"
            "4 May 1871.\n\nBordeaux. The crossing was rough and I kept to my cabin.\n\n"
            "6 May 1871.\n\nBy rail from Bordeaux to Paris, eleven hours in a crowded compartment.\n\n"
            "9 May 1871.\n\nI met my cousin, who tells me that travellers for Rome go by Turin.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = _legs(d)
    stops = [(a, b) for a, b, _ in legs]
    assert any(b == "Bordeaux" and "ship" in m for a, b, m in legs)   # "Left ... on the steamer, bound for"
    assert ("Bordeaux", "Paris") in stops
    assert not any(b in ("Rome", "Turin") for _, b in stops)          # hearsay about people in general


def test_first_person_text_without_a_named_narrator(events_pipeline):
    text = ("We sailed from Plymouth on the 3rd of June 1832 and reached Madeira after a week. "
            "I went ashore with the mate, Mr. Hobbes, and Mr. Hobbes showed me the town. "
            "From Madeira we sailed to Tenerife, where I collected insects for three days.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    assert d.journeys
    j = d.journeys[0]
    names = [d.entities[t].name for t in j.travellers if t in d.entities]
    assert names and "Hobbes" not in names[0]         # not the most-named person
    stops = [(a, b) for a, b, _ in _legs(d)]
    assert ("Plymouth", "Madeira") in stops and ("Madeira", "Tenerife") in stops


def test_rivers_and_regions_are_passed_not_stops(events_pipeline):
    text = ("In May 1890 we left Perm by steamer, went down the Kama into the Volga, "
            "and came to Kazan after two days.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    stops = [(a, b) for a, b, _ in _legs(d)]
    assert ("Perm", "Kazan") in stops
    assert not any(b in ("Kama", "Volga") for _, b in stops)


def test_she_travels_on_her_own_journey(events_pipeline):
    text = ("Pavel Orlov left Riga by train in May 1910 and reached Moscow two days later. "
            "Pavel Orlov stayed in Moscow all summer. He wrote to his wife Anna Orlova, who was living in "
            "Tver with her mother, and asked her to join him. She soon set off and reached Moscow on 2 August. "
            "In September he travelled on to Kazan.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    names = {k: v.name for k, v in d.entities.items()}
    by = {tuple(names.get(t) for t in j.travellers): [(names.get(l.from_place), names.get(l.to_place)) for l in j.legs]
          for j in d.journeys}
    pavel = [v for k, v in by.items() if any("Pavel" in (n or "") for n in k)]
    anna = [v for k, v in by.items() if any("Anna" in (n or "") for n in k)]
    assert pavel and ("Moscow", "Kazan") in pavel[0] and ("Tver", "Moscow") not in pavel[0]
    assert anna and anna[0][-1][1] == "Moscow"


def test_routes_weighed_are_planned_and_similes_carry_nobody(events_pipeline):
    text = ("In March 1907 Ivan Petrov reached Berezov by sleigh. Petrov had to choose one of three routes. "
            "A second route led directly westwards across the Urals to Archangel. "
            "On 20 March he set off from Berezov by reindeer and reached Perm on 30 March. "
            "The sleigh glides smoothly and in silence, like a boat on a still lake.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    travelled = _legs(d)
    planned = _legs(d, planned=True)
    assert ("Berezov", "Perm", ["reindeer"]) in travelled
    assert not any(b == "Archangel" for _, b, _ in travelled)
    assert any(a == "Berezov" and b == "Archangel" for a, b, _ in planned)
    assert not any("boat" in m for _, _, m in travelled)


def test_letter_body_tells_the_road_to_its_heading(events_pipeline):
    text = ("Paris, 3 October 1951\n\nDear Desmond,\n\nI flew over from London yesterday and was at the hotel by seven. "
            "Tomorrow we drive south to Lyon.\n\nYours,\nMargaret\n\n"
            "Marseille, 8 October 1951\n\nDear Desmond,\n\nWe left Paris on Friday and got to Lyon that night, "
            "and on Sunday we came down the valley through Avignon and reached Marseille after dark.\n\nYours,\nMargaret")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = _legs(d)
    stops = [(a, b) for a, b, _ in legs]
    assert ("London", "Paris") in stops and ("Paris", "London") not in stops
    assert "aircraft" in dict(((a, b), m) for a, b, m in legs)[("London", "Paris")]
    assert ("Paris", "Lyon") in stops and ("Lyon", "Marseille") in stops
    assert ("Paris", "Lyon") in [(a, b) for a, b, _ in _legs(d, planned=True)]   # "tomorrow we drive": a plan


def test_calls_on_the_way_and_asides_from_other_years(events_pipeline):
    text = ("On 7 May 1868 we sailed from Liverpool, and the next afternoon we put in at Queenstown in Ireland "
            "to take on the mails. Years afterwards, when I crossed again to Sweden, the voyage took eight days. "
            "We arrived at New York on 19 May 1868. The agent took from me ten dollars for the passage to Chicago.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    stops = [(a, b) for a, b, _ in _legs(d)]
    assert ("Liverpool", "Queenstown") in stops and ("Queenstown", "New York") in stops
    assert not any(b in ("Ireland", "Sweden", "Chicago") for _, b in stops)


def test_from_a_to_b_and_from_b_to_c_in_one_sentence(events_pipeline):
    text = ("On 3 March 1867 Jozef Wrona left Vologda in a hired sledge and drove south to Yaroslavl. "
            "From Yaroslavl he went by the new railway to Moscow, and from Moscow to St Petersburg.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = _legs(d)
    stops = [(a, b) for a, b, _ in legs]
    assert ("Vologda", "Yaroslavl") in stops
    assert ("Yaroslavl", "Moscow") in stops and ("Moscow", "St Petersburg") in stops
    assert "rail" in dict(((a, b), m) for a, b, m in legs)[("Yaroslavl", "Moscow")]


def _modes(d, planned=False):
    return {(a, b): m for a, b, m in _legs(d, planned)}


def test_vehicle_taken_before_the_movement_it_serves(events_pipeline):
    text = ("On 21 March 1867 Adam Nowak left St Petersburg in a peasant's sledge and reached Helsingfors "
            "after three nights on the road. At Helsingfors he found a Swedish steamer, and on 30 March he "
            "landed at Stockholm. There he waited two days for the packet, and on 2 April he reached Copenhagen.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    modes = _modes(d)
    assert modes[("St Petersburg", "Helsingfors")] == ["sleigh"]
    assert modes[("Helsingfors", "Stockholm")] == ["ship"]      # not the sledge carried over
    assert modes[("Stockholm", "Copenhagen")] == ["ship"]


def test_vehicles_of_other_people_and_of_comparisons_are_not_ours(events_pipeline):
    text = ("Paris, 8 October 1951\n\nDear Desmond,\n\nI flew over from London on Monday in a Dakota that "
            "shook like a wet dog. Giraud, the photographer, has a Citroën and a motor launch. "
            "His wife Hélène came down from Lyon by the night train to join us.\n\nYours,\nMargaret")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    modes = _modes(d)
    assert modes[("London", "Paris")] == ["aircraft"]
    assert modes[("Lyon", "Paris")] == ["rail"]       # she came to where the writer is, on her own journey
    ours = [j for j in d.journeys if any(d.entities[l.to_place].name == "Paris" and
                                         d.entities[l.from_place].name == "London" for l in j.legs)]
    assert all("Lyon" not in [d.entities[l.from_place].name for l in j.legs] for j in ours)


def test_the_period_decides_what_drove_and_flew_mean(events_pipeline):
    modern = run(events_pipeline, "In May 1955 we drove from Paris to Lyon, and in June we flew from Lyon to London.")
    old = run(events_pipeline, "In May 1835 we drove from Paris to Lyon.\n\nIn June 1868 we took the cars from "
                        "New York to Chicago.")
    assert any(m.kind == "place" for m in modern.mentions)
    assert _modes(modern)[("Paris", "Lyon")] == ["car"]
    assert _modes(modern)[("Lyon", "London")] == ["aircraft"]
    assert _modes(old)[("Paris", "Lyon")] == ["carriage"]
    assert _modes(old)[("New York", "Chicago")] == ["rail"]     # railway cars before motor cars


def test_named_vessels_calls_and_clues_of_the_vehicle(events_pipeline):
    text = ("On 7 May 1868 we went aboard the City of Paris, an iron screw steamer, at Liverpool. "
            "The next afternoon the Orlando put in at Queenstown. "
            "On 20 May we left New York and got to Albany that night, with one puncture near Yonkers.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    modes = _modes(d)
    assert modes[("Liverpool", "Queenstown")] == ["ship"]
    assert not any(j.attributes.get("traveller_text") == "orlando" for j in d.journeys)
    assert modes[("New York", "Albany")] == ["car"]


def test_buildings_in_town_vessels_by_name_and_boarding_at_the_stop(events_pipeline):
    text = ("We left Kiev on 16 June 1894 in a prison car coupled to the Moscow train. In Moscow we were "
            "marched from the station to the Butyrki transit prison. On 7 July we were taken by rail to "
            "Nizhny Novgorod and there put aboard the convict barge, which was towed down the Volga to Perm.\n\n"
            "In Perm the ship Estonia lay at the quay. The officer said that Lis must go back to Kazan "
            "with the Estonia on Saturday.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    modes = _modes(d)
    assert modes[("Kiev", "Moscow")] == ["rail"]
    assert modes[("Moscow", "Nizhny Novgorod")] == ["rail"]      # the barge is the next stage's
    assert "boat" in modes[("Nizhny Novgorod", "Perm")]
    assert not any("Butyrki" in (a or "") or "Butyrki" in (b or "") for a, b, _ in _legs(d))
    assert ("Perm", "Kazan") in _modes(d, planned=True) and _modes(d, planned=True)[("Perm", "Kazan")] == ["ship"]


def test_vehicles_that_pass_us_or_serve_others_are_not_ours(events_pipeline):
    text = ("On 3 May 1850 we left Geneva on foot and walked to Lausanne. On 5 May we went on to Vevey; "
            "the diligence passed us on the road, full of English tourists. "
            "The Committee had a lorry that went to Montreux on Thursdays.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    modes = _modes(d)
    assert modes[("Geneva", "Lausanne")] == ["foot"]
    assert "carriage" not in modes.get(("Lausanne", "Vevey"), [])
    assert not any(b == "Montreux" for _, b, _ in _legs(d))


def _journeys_by_traveller(d):
    """{traveller name (or traveller text): [(from, to), ...]} for journeys travelled."""
    names = {k: v.name for k, v in d.entities.items()}
    out = {}
    for j in d.journeys:
        if j.attributes.get("planned"):
            continue
        who = ", ".join(names.get(t, t) for t in j.travellers) or j.attributes.get("traveller_text", "")
        out.setdefault(who, []).extend((names.get(l.from_place), names.get(l.to_place)) for l in j.legs)
    return out


def test_someone_else_does_not_start_from_the_last_place_named(events_pipeline):
    text = ("I was born in Lisbon and went to school in England. In 1921 I was living at Oporto "
            "with my wife. My friend Duarte Ramos, a merchant, sailed to Rio de Janeiro that spring. "
            "My sister went to Coimbra in June. In July we left Oporto by train for Madrid.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert ("Oporto", "Madrid") in legs
    assert not any(b == "Rio de Janeiro" and a is not None for a, b in legs)   # nothing said of where he was
    assert not any(a == "England" for a, _ in legs)
    assert ("Oporto", "Coimbra") in legs        # a relative leaves from where the teller is


def test_them_is_not_the_narrators_party(events_pipeline):
    text = ("In 1968 I was held on the island of Leros. I wrote an account of my treatment on "
            "cigarette papers and gave them to my sister when she visited. She carried them to Athens, "
            "and a friend took them on to London. In August we were taken by steamer to Piraeus.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert not any(b in ("Athens", "London") for _a, b in legs)     # the papers travelled, not we
    assert ("Leros", "Piraeus") in legs


def test_letters_by_two_writers_make_two_journeys(events_pipeline):
    text = ("THE GRAHAM LETTERS\n\n"
            "Edinburgh, 4 June 1803.\nMy dearest William,\nThe children are well and send their love. "
            "I walked to the harbour today to ask for news of the packet.\nYour loving wife,\nAgnes Graham\n\n"
            "Bordeaux, 2 November 1803.\nMy dear Agnes,\nWe are lodged in the town on our parole. "
            "I walk each day on the ramparts.\nYour affectionate husband,\nW. Graham\n\n"
            "Edinburgh, 12 January 1804.\nMy dearest William,\nI have written to the Board again.\nAgnes\n\n"
            "Bordeaux, 18 April 1805.\nMy dear Agnes,\nThe commandant allows one letter a month.\nW. G.\n")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert not any({a, b} == {"Edinburgh", "Bordeaux"} for a, b in legs)     # each writes from where they stay


def test_places_passed_on_the_way_are_not_stops(events_pipeline):
    text = ("On 7 July 1894 we left Moscow by rail for Nizhny Novgorod. From Nizhny Novgorod a steamer "
            "towed our barge down the Volga to Kazan and up the Kama to Perm. From Perm the railway "
            "carried us over the mountains to Yekaterinburg and on to Tyumen. From Tyumen we went by cart "
            "to Tomsk, and thence by way of Achinsk to Irkutsk.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    stops = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert ("Nizhny Novgorod", "Perm") in stops and ("Perm", "Tyumen") in stops
    assert not any("Yekaterinburg" in leg or "Kazan" in leg or "Achinsk" in leg for leg in stops)
    assert ("Tyumen", "Tomsk") in stops and ("Tomsk", "Irkutsk") in stops    # "and thence": a stop


def test_a_later_return_told_ahead_and_a_call_learnt_from_who_boarded(events_pipeline):
    text = ("On 2 May 1927 we sailed from Danzig on the steamer Estonia.\n\n"
            "For four days the sea was rough and nobody could eat on the ship. A Canadian officer came on "
            "board at Copenhagen and looked at all the papers again.\n\n"
            "We landed at Halifax on 6 April. I learned of the fire only when I was brought back to Danzig.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    stops = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert ("Danzig", "Copenhagen") in stops and ("Copenhagen", "Halifax") in stops
    assert ("Halifax", "Danzig") not in stops       # told ahead of its time, in a "learned ... when" clause


def test_feelings_tell_a_move_done_and_about_to_tells_one_not_yet(events_pipeline):
    text = ("In 1899 I was posted to Ibadan. In 1900 the soldiers we knew at Ibadan were sent up to join "
            "the new force at Jebba. I was not sorry to return to Lagos. We thought we were about to be "
            "taken to Calabar, but nobody came for us.")
    d = run(events_pipeline, text)
    assert any(m.kind == "place" for m in d.mentions)
    legs = [leg for v in _journeys_by_traveller(d).values() for leg in v]
    assert ("Ibadan", "Lagos") in legs          # not from Jebba, where the soldiers went
    assert not any(b == "Calabar" for _a, b in legs)
