"""People stage and name clustering: real spaCy pipeline, corpus read from ../shared."""
import importlib
import json
import re

import pytest

from chronotope.document import Corpus, Document
from chronotope.names import Item, cluster_people, merge_across, parse_name, split_list
from chronotope.notes import link_citations
from chronotope.pipeline import Options, Pipeline
from chronotope.stages import registry

from conftest import SHARED


def read(name):
    p = SHARED / "corpus" / name
    if not p.exists():
        pytest.skip(f"corpus text {name} not available")
    with open(p, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="module")
def small():
    """Notes and people only: enough for texts without places."""
    from chronotope.stages import notes, people
    return Pipeline(Options(), stages=[notes.make(None), people.make(None)])


@pytest.fixture(scope="module")
def full(events_pipeline):
    """The standard stages, as the command line runs them (conftest's one pipeline)."""
    return events_pipeline


def people(doc, kind="person"):
    return {e.id: e for e in doc.entities.values() if e.kind == kind}


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def name_recall(gold, entities, kind):
    """The scorer's rule (shared/eval/score.py): a name, alias or surname of an entity."""
    names = []
    for e in entities:
        if e.kind == kind:
            names += [norm(e.name)] + [norm(a) for a in e.aliases]
    hit = 0
    for g in gold:
        want = [norm(g["name"])] + [norm(x) for x in g.get("mentions", [])]
        last = [w.split()[-1] for w in want if w]
        hit += any(w in names for w in want) or any(n.split() and n.split()[-1] in last for n in names)
    return hit / len(gold)


def test_my_life_people_and_organizations_recall(full):
    gold_path = SHARED / "eval" / "gold" / "my-life-deportation.json"
    if not gold_path.exists():
        pytest.skip("gold not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = full.run(Document(read("my-life-deportation.txt"), source="my-life-deportation.txt"))
    ents = list(doc.entities.values())
    assert name_recall(gold["people"], ents, "person") >= 0.9
    assert name_recall(gold["organizations"], ents, "organization") >= 0.8
    # every mention's text is exactly the source text at its offsets
    for m in doc.mentions:
        if m.kind in ("person", "organization"):
            assert doc.text[m.start:m.end] == m.text
    # "citizen Trotsky, Lev Davydovich" and "L. Trotsky" are one person, the narrator
    trotsky = doc.entities["person:lev-davydovich-trotsky"]
    assert "L. Trotsky" in trotsky.aliases
    assert doc.meta["narrator"] == trotsky.id
    # "Comrades Syermuks and Poznansky": a list after a plural title, titles stripped
    assert {"person:syermuks", "person:poznansky"} <= set(people(doc))
    assert doc.entities["person:syermuks"].aliases == ["Syermuks"]


def test_titles_lists_and_inverted_forms(small):
    text = ("The decree concerned citizen Orlov, Pyotr Sergeyevich, then living at the coast. "
            "Senator Ragozin and General Belsky signed it.\n\n"
            "Comrades Zhukovsky and Lebedinsky were arrested the same night. "
            "The order reached P. Orlov a week later, and Orlov burned it.\n")
    doc = small.run(Document(text, source="decree.txt"))
    ids = set(people(doc))
    assert {"person:pyotr-sergeyevich-orlov", "person:ragozin", "person:belsky",
            "person:zhukovsky", "person:lebedinsky"} <= ids
    orlov = doc.entities["person:pyotr-sergeyevich-orlov"]
    assert {"P. Orlov", "Orlov"} <= set(orlov.aliases)
    assert not any(e.name.startswith(("Senator", "General", "Comrade")) for e in people(doc).values())
    spans = [m.text for m in doc.mentions if m.entity == "person:ragozin"]
    assert spans == ["Ragozin"]


def test_family_members_sharing_a_surname_stay_apart(small):
    text = ("Clara Hartmann met her brother Otto Hartmann at the quay. "
            "Otto had sailed from the north.\n\n"
            "Clara wrote that evening. Hartmann himself said nothing about it.\n")
    doc = small.run(Document(text, source="quay.txt"))
    ids = set(people(doc))
    assert {"person:clara-hartmann", "person:otto-hartmann"} <= ids
    clara = [m.text for m in doc.mentions if m.entity == "person:clara-hartmann"]
    assert clara.count("Clara") == 1 and "Otto" not in clara


def test_organizations(small):
    text = ("The German government refused him a visa, and the Turkish police met the ship. "
            "A letter went to the Central Committee of the party and to the Red Army command. "
            "The agents of the OGPU watched the house.\n")
    doc = small.run(Document(text, source="orgs.txt"))
    names = {e.name for e in people(doc, "organization").values()}
    assert {"German government", "Turkish police", "Central Committee", "Red Army", "OGPU"} <= names


def test_cluster_variant_spellings_with_lower_confidence():
    items = [Item(key=i, parts=parse_name(n), sentence=i, paragraph=p, pos=i * 10)
             for i, (n, p) in enumerate([("Nikodim", 1), ("Nikodin", 1), ("Volynsky", 2), ("Voronsky", 5),
                                          ("Volynsky", 6)])]
    clusters = cluster_people(items)
    by_name = {c.canonical(): c for c in clusters}
    merged = next(c for c in clusters if len({i.parts.name for i in c.items}) == 2)
    assert {i.parts.name for i in merged.items} == {"Nikodim", "Nikodin"} and merged.confidence < 1
    assert by_name["Volynsky"].confidence == 1.0 and "Voronsky" in by_name


def test_parse_name_forms():
    p = parse_name("citizen Trotsky, Lev Davydovich")
    assert (p.first, p.middle, p.last, p.titles) == ("Lev", "Davydovich", "Trotsky", ["citizen"])
    assert parse_name("Prince Urusov").name == "Urusov"
    assert parse_name("Kemal Pasha").name == "Kemal Pasha"
    assert split_list("Kavtaradze, Mdivani, and Voronsky") == ["Kavtaradze", "Mdivani", "Voronsky"]


def test_merge_across_documents(small):
    my_life = small.run(Document(read("my-life-deportation.txt"), source="my-life-deportation.txt"))
    cliff = small.run(Document(read("cliff-trial-and-escape.txt"), source="cliff-trial-and-escape.txt"))
    assert "person:trotsky" in cliff.entities and "person:natalia-sedova-trotsky" in cliff.entities
    corpus = Corpus(documents=[my_life, cliff])
    remap = merge_across(corpus)
    assert remap.get("person:trotsky") == "person:lev-davydovich-trotsky"
    assert "person:lev-davydovich-trotsky" in cliff.entities
    assert "person:natalia-sedova-trotsky" in cliff.entities       # a different person
    assert all(m.entity != "person:trotsky" for m in cliff.mentions)
    link_citations(corpus)
    assert {c.links_to_doc for c in cliff.citations if c.work == "My Life"} == {my_life.id}


def test_odd_input_does_not_crash(small):
    for text in ["", "\n\n\n", "Mr. . and ,", "[1]\n\n1.", "A" * 5000]:
        doc = small.run(Document(text, source="odd.txt"))
        assert doc.meta.get("warnings") is None


def test_groups_places_and_taxa_are_not_people(small):
    text = ("The Gauchos rode ahead of us, and a Gaucho told Mr. Pennock that the river was high. "
            "Near Punta Herrera we met Captain Weatherby, who had seen the Spaniards at dawn on Gregory Bay. "
            "A small bird (Furnarius rufus) sang, and in the genus Ctenomys the rodents dig burrows. "
            "The wind blew from the S. W. all night, so Nature kept us awake; nature is loud here.\n\n"
            "Mr. Pennock later wrote to Captain Weatherby about the Gauchos.\n")
    doc = small.run(Document(text, source="pampas.txt"))
    names = {e.name for e in people(doc).values()}
    assert {"Pennock", "Weatherby"} <= names
    assert not names & {"Gauchos", "Gaucho", "Spaniards", "Punta Herrera", "Gregory Bay", "Furnarius",
                        "Ctenomys", "S. W.", "W.", "Nature"}


def test_far_apart_names_sharing_a_prefix_stay_apart():
    items = [Item(key=i, parts=parse_name(n), sentence=i, paragraph=i, pos=i * 10)
             for i, n in enumerate(["Strack", "Strzelecki", "Martens", "Marsden"])]
    assert len(cluster_people(items)) == 4


@pytest.fixture(scope="module")
def with_places():
    """Places before people, as in a real run: the people stage reads the place mentions."""
    stages = [importlib.import_module(f"chronotope.stages.{n}").make(Options())
              for n in ("notes", "times", "quantities", "places", "people")]
    return Pipeline(Options(), stages=stages)


def names_of(doc, kind):
    return {e.name for e in doc.entities.values() if e.kind == kind}


def test_firms_carriers_and_compound_organization_names(with_places):
    text = ("The papers are with my bankers, Messrs. Hollis and Wren, of Gray's Inn, who will forward them. "
            "Messrs. Tarrant and Oakes walked with me to the shore.\n\n"
            "He sailed on a Cunard liner and later went by a steamer of the Volkov and Brandt company. "
            "The fare was paid by the Northern Steamship Lines.\n\n"
            "The letter reached the Mining and Forestry Institute, and the National Anti-fascist Union "
            "protested, joined by the Board of Trade and Industry.\n")
    doc = with_places.run(Document(text, source="firms.txt"))
    orgs, persons = names_of(doc, "organization"), names_of(doc, "person")
    assert {"Hollis and Wren", "Cunard", "Volkov and Brandt", "Northern Steamship Lines",
            "Mining and Forestry Institute", "National Anti-fascist Union", "Board of Trade and Industry"} <= orgs
    # a firm is one organization, not two people; two gentlemen walking are two people
    assert not persons & {"Hollis", "Wren", "Gray", "Inn"}
    assert {"Tarrant", "Oakes"} <= persons
    assert not orgs & {"Union", "Institute", "Tarrant and Oakes"}


def test_inverted_name_and_capitals_heading_are_one_person(with_places):
    text = ("WITNESS STATEMENT OF PAVEL I. MAVRIN\n\n"
            "1. My name is Mavrin, Pavel Ilyich. I worked in Odessa as a clerk.\n\n"
            "2. In May the police came for me. Pavel I. Mavrin was then taken to the port.\n")
    doc = with_places.run(Document(text, source="statement.txt"))
    mavrin = [e for e in doc.entities.values() if e.kind == "person" and "Mavrin" in e.name]
    assert len(mavrin) == 1 and mavrin[0].name == "Pavel Ilyich Mavrin"
    texts = {m.text for m in doc.mentions if m.entity == mavrin[0].id}
    assert {"PAVEL I. MAVRIN", "Mavrin, Pavel Ilyich", "Pavel I. Mavrin"} <= texts
    # a list "Surname, Given and ..." is not an inverted name
    doc = with_places.run(Document("Nadia Lebedeva Orlova wrote. Orlova, Nadia and the boy stayed home.\n",
                                   source="list.txt"))
    assert not any("," in m.text for m in doc.mentions if m.kind == "person")


def test_verbs_possessive_places_and_kin_words(with_places):
    text = ("Dear Olga,\n\nWe reached the port at last. Greet the neighbours from me. "
            "Today I sent a wire to cousin Vasyl in Toronto; write to Vasyl's address.\n\n"
            "We went to Guy's Hospital and to Lincoln's Inn. A Greek trader of Patras, "
            "Konstantinos Lalas, paid the fine.\n")
    doc = with_places.run(Document(text, source="letter.txt"))
    persons, orgs = names_of(doc, "person"), names_of(doc, "organization")
    assert {"Vasyl", "Konstantinos Lalas"} <= persons
    assert not persons & {"Greet", "Guy", "Hospital", "Lincoln", "Inn"}
    assert "Konstantinos Lalas" not in orgs


def test_model_guesses_without_a_mark_of_an_organization_are_dropped(with_places):
    text = ("JULY 4th, 1840.--We anchored in the bay. In his Voyage the captain describes the Tinochorus, "
            "and the voyage was long. The Zoological Society received the skins, and the ASCII copy "
            "went to the Wool Exchange. The Gallinazo and the Jaguar were seen; a jaguar ran. In July we left.\n")
    body_end = len(text)
    text += "\nThe Project Gutenberg Literary Archive Foundation is a charity. See the IRS rules.\n"
    doc = with_places.run(Document(text, source="voyage.txt", body=(0, body_end)))
    orgs = names_of(doc, "organization")
    assert "Zoological Society" in orgs and "Wool Exchange" in orgs
    assert not orgs & {"JULY", "Voyage", "Tinochorus", "Jaguar", "Gallinazo",
                       "Project Gutenberg Literary Archive Foundation", "IRS"}


def test_author_from_file_metadata_is_the_narrator_not_the_most_named_person():
    """A first-person text whose file names its author: the captain I keep mentioning is not "I"."""
    text = ("I went ashore with Captain John Harwell at dawn. Captain John Harwell showed me the harbour, "
            "and I made notes while John Harwell talked. My boots were soaked. I slept on board, and "
            "the next morning John Harwell and I sailed for the islands. I was sick all day.\n")
    pipeline = Pipeline(Options(), registry.build(Options(), ["places", "people"]))
    plain = pipeline.run(Document(text, source="log.txt"))
    assert plain.meta.get("narrator") == "person:john-harwell"   # nothing better to go on
    named = pipeline.run(Document(text, source="log2.txt", meta={"author": "Mary Ellis"}))
    assert named.meta.get("narrator") != "person:john-harwell"


def test_units_newspapers_possessives_and_foreign_heads(with_places):
    """Organization shapes of American, colonial and continental texts."""
    text = ("In 1886 he clerked for the Hudson's Bay Company and then for the Colonial Secretary's Office. "
            "His brother served in the 27th Bengal Native Infantry and later with the 7th Cavalry. "
            "The strike was broken by the General Managers' Association, and the Denver Tribune and "
            "the Rocky Mountain News took the company's side; the Times in London said nothing.\n\n"
            "In Marseille she went to the Compagnie des Messageries Maritimes and then to the "
            "Colegio Cervantes, and the Garde Mobile searched the train.\n")
    doc = with_places.run(Document(text, source="orgs2.txt"))
    orgs, persons = names_of(doc, "organization"), names_of(doc, "person")
    assert {"Hudson's Bay Company", "Colonial Secretary's Office", "27th Bengal Native Infantry",
            "7th Cavalry", "General Managers' Association", "Denver Tribune", "Rocky Mountain News",
            "Compagnie des Messageries Maritimes", "Colegio Cervantes", "Garde Mobile"} <= orgs
    # "General Managers" is the head of a body, not a general called Managers
    assert not persons & {"Managers", "Hudson", "Garde Mobile"}


def test_acronyms_join_their_long_names(with_places):
    text = ("The Federal Refugee Office (FRO) wrote twice. Later the FRO refused him. "
            "He joined the Amalgamated Miners Union in 1902; the A.M.U. paid his fare. "
            "The Society for Exiles met on Fridays, and the Society sent him a parcel.\n")
    doc = with_places.run(Document(text, source="acronyms.txt"))
    orgs = [e for e in doc.entities.values() if e.kind == "organization"]
    by_name = {e.name: e for e in orgs}
    assert "FRO" in by_name["Federal Refugee Office"].aliases
    assert "A.M.U." in by_name["Amalgamated Miners Union"].aliases
    assert "Society" in by_name["Society for Exiles"].aliases
    assert not {"FRO", "A.M.U.", "Society"} & set(by_name)


def test_firms_titles_and_known_bodies(with_places):
    text = ("He worked for Wilson Pratt and Sons and banked with Messrs. Coutts Brothers. "
            "The Halden Dempster line carried the mail, and every Halden Dempster boat was late. "
            "Licenciado Arturo Benavides and Pandit Gopal Rao Joshi met him. "
            "He was questioned by the Gestapo and fed by the Swiss Red Cross. "
            "His cousin lived in Moscow, my old friend said.\n")
    doc = with_places.run(Document(text, source="firms2.txt"))
    orgs, persons = names_of(doc, "organization"), names_of(doc, "person")
    assert {"Wilson Pratt and Sons", "Coutts Brothers", "Halden Dempster", "Gestapo", "Swiss Red Cross"} <= orgs
    assert {"Arturo Benavides", "Gopal Rao Joshi"} <= persons
    assert not persons & {"Wilson Pratt", "Dempster", "Halden Dempster", "Coutts Brothers", "Moscow"}


def test_headings_summaries_citations_and_latin_names_are_not_people(with_places):
    text = ("CHAPTER IV\n\n"
            "PORT DESIRE.--In the morning we landed below the fort, and Captain Hollins came aboard.\n\n"
            "Ostriches--Tame Foxes--Salt Lakes--Flamingoes--Sacred Tree.\n\n"
            "Thirdly, a bone of a large animal was found in the cliff. A small beetle (Carabus) was common, "
            "with Harpalus, Feronia, and Amaraeus under the stones; the Staphylinidae were rare. "
            "Messrs. Hollins, Walker, Tenby, and Crane have described them.\n\n"
            "The thrush (Turdus Magellanicus) sang at dusk.\n")
    doc = with_places.run(Document(text, source="cliffs.txt"))
    persons = names_of(doc, "person")
    assert "Hollins" in persons and {"Walker", "Tenby", "Crane"} <= persons
    assert not any("--" in n or "." in n.rstrip(".") and n.split()[0].isupper() for n in persons)
    assert not persons & {"DESIRE.--In", "In", "Thirdly", "Carabus", "Harpalus", "Feronia", "Amaraeus",
                          "Staphylinidae", "Sacred Tree", "Flamingoes", "Walker Hollins", "Turdus Magellanicus"}


def test_names_with_diacritics_and_role_before_the_name(with_places):
    text = ("Chapter Three: The Road East\n\n"
            "Władysław Kowalczyk was arrested in Lublin on 3 March 1863 with a list of names in his coat. "
            "As a student he had gone to Kraków to hear the historian Bobrzyński lecture.\n\n"
            "Kowalczyk was sent north in April. Kowalczyk reached Vologda in June. "
            "Ayodele Coker wrote to the council about him.\n")
    doc = with_places.run(Document(text, source="road.txt"))
    persons = names_of(doc, "person")
    assert {"Władysław Kowalczyk", "Bobrzyński", "Ayodele Coker"} <= persons
    assert not names_of(doc, "organization") & {"Kowalczyk"}
    kow = [e for e in doc.entities.values() if e.name == "Władysław Kowalczyk"][0]
    assert [m.text for m in doc.mentions if m.entity == kow.id].count("Kowalczyk") == 2


def test_name_in_apposition_after_an_office(with_places):
    text = ("Captain Hart dealt with the Emir of Kano, Aliyu, through a council of elders. "
            "The governor of the province, Kuznetsov, refused the request. "
            "We reached the capital of Portugal, Lisbon, in May.\n")
    doc = with_places.run(Document(text, source="office.txt"))
    persons = names_of(doc, "person")
    assert {"Hart", "Aliyu", "Kuznetsov"} <= persons
    assert "Lisbon" not in persons


def test_organizations_named_with_places_wings_and_operators(with_places):
    text = ("My brother was called to the bar at the Inner Temple in 1901. "
            "My father had been a councillor of the Republican Left, and the Porte protested.\n\n"
            "We stayed with an agent of the Guion line, and a man from the Erie railway sold us tickets. "
            "The Air France clerk said the flight was full, so the parcel went by Air Canada Cargo. "
            "He worked for the Chicago, Rock Island and Pacific Railway.\n")
    doc = with_places.run(Document(text, source="orgs2.txt"))
    orgs = names_of(doc, "organization")
    aliases = {a for e in doc.entities.values() if e.kind == "organization" for a in e.aliases}
    assert {"Inner Temple", "Republican Left", "Porte", "Guion line", "Erie railway", "Air France",
            "Air Canada Cargo"} <= orgs
    assert "Guion" in aliases
    assert any(n.endswith("Pacific Railway") for n in orgs)
    assert not names_of(doc, "person") & {"Guion", "Erie", "Air France"}


def test_abbreviated_rivers_and_spanish_articles_are_not_people(with_places):
    text = ("At the R. Negro, in Southern Patagonia, there is a small deer. "
            "The next day we rode to the village of Las Piedras. Las Piedras is smaller than the port, "
            "and Mr. Gower met us there.\n")
    doc = with_places.run(Document(text, source="rivers.txt"))
    persons = names_of(doc, "person")
    assert "Gower" in persons
    assert not persons & {"R. Negro", "Negro", "Piedras", "Las Piedras"}
