"""Names in mission reports, labour histories, colonial memoirs and expedition narratives.

Each test writes a short text of its own and runs it through the standard
stages (places before people, as the command line runs them).
"""
from chronotope.document import Document
from test_people import full  # noqa: F401  (the standard stages, as the command line runs them)


def run(pipe, text):
    return pipe.run(Document(text, source="names11.txt"))


def names(doc, kind):
    return {e.name for e in doc.entities.values() if e.kind == kind}


def aliases(doc, kind):
    return {a for e in doc.entities.values() if e.kind == kind for a in [e.name] + e.aliases}


def test_particles_written_on_or_hyphenated_stay_in_the_name(full):
    doc = run(full, "The chief of the district, Mangcwabe kaNdlela, who had long refused to come, "
                    "sent his two sons to the school in August.\n\n"
                    "In 1933 a teacher, Sheikh Abdul Kadir al-Fatani, began preaching at the mosque. "
                    "Sheikh Abdul Kadir left within the month.\n")
    people = names(doc, "person")
    assert "Mangcwabe kaNdlela" in people
    kadir = [e for e in doc.entities.values() if e.kind == "person" and "Kadir" in e.name]
    assert len(kadir) == 1 and kadir[0].name == "Abdul Kadir al-Fatani"


def test_a_surname_with_its_particle_alone_is_the_same_person(full):
    doc = run(full, "At Mollendo we were joined by Herr Dr. Friedrich von Hallerstein of the Berlin museum. "
                    "Two weeks later Dr. von Hallerstein left us for the valleys.\n")
    hall = [e for e in doc.entities.values() if e.kind == "person" and "Hallerstein" in e.name]
    assert len(hall) == 1 and hall[0].name == "Friedrich von Hallerstein"


def test_names_introduced_by_called_after_a_person_noun(full):
    doc = run(full, "The chief engineer, a Clydesider called MacAskill, lent us a lathe. "
                    "A bailiff called Ah Seng kept the keys. "
                    "We camped near a village called Ifield that night.\n")
    people = names(doc, "person")
    assert {"MacAskill", "Ah Seng"} <= people
    assert "Ifield" not in people and "Clydesider" not in people


def test_a_nickname_in_quotes_is_read_out_of_the_name(full):
    doc = run(full, 'The manager, a hard Aberdonian called Duncan "Jock" McIver, paid his taxes '
                    "and his respects to nobody. McIver left in 1934.\n")
    people = names(doc, "person")
    assert "Duncan McIver" in people
    assert "Aberdonian" not in people and "Duncan" not in people


def test_signatures_in_capitals(full):
    doc = run(full, "The Directors close by commending the families at the stations to your prayers.\n\n"
                    "Signed on behalf of the Directors,\n"
                    "ROBERT GOURLAY, Chairman.\n"
                    "A. C. DUNDAS, Secretary.\n")
    assert {"Robert Gourlay", "A. C. Dundas"} <= names(doc, "person")


def test_offices_are_not_people(full):
    doc = run(full, "My staff were a Chief Clerk, Mr. Anthony Rozario of Malacca, and a bailiff. "
                    "The Chief Police Officer, Mr. E. M. O'Grady, asked me to act. "
                    "The Deputy Public Prosecutor, Mr. Wee Kim Swee, said nothing. "
                    "The report was read at the General Meeting in the spring, and the meeting agreed.\n")
    people = names(doc, "person")
    assert {"Anthony Rozario", "E. M. O'Grady", "Wee Kim Swee"} <= people
    assert not people & {"Clerk", "Public", "Meeting"}
    assert "Chief Police" not in names(doc, "organization")


def test_organization_names_with_of_on_and_possessives(full):
    doc = run(full, "Sir Nusserwanji Petigara told the Times of India that the industry would fail. "
                    "Its leaders had come out of the Workers' and Peasants' Party. "
                    "Bhandare took a seat on the Whitley Commission on Labour, which toured the mills. "
                    "He thanked the librarian of the Servants of India Society. "
                    "Dr. O'Hara, a licentiate of the Royal College of Surgeons of Edinburgh, sailed in March. "
                    "The Department of Religious Affairs of the State asked me to do nothing.\n")
    orgs = names(doc, "organization")
    assert {"Times of India", "Workers' and Peasants' Party", "Whitley Commission on Labour",
            "Servants of India Society", "Royal College of Surgeons of Edinburgh",
            "Department of Religious Affairs"} <= orgs


def test_institutions_auxiliaries_branches_and_listed_firms(full):
    doc = run(full, "Johannes was trained at the Lovedale Institution. The Ladies' Auxiliary sent four boxes. "
                    "The Special Branch file credited the police. Mat Salleh had served in the Malay States Guides. "
                    "The Directors thank the firm of Randles, Brother and Hudson of Durban, who sent it free. "
                    "At La Paz we were received by the Sociedad Geográfica de La Paz.\n")
    orgs = names(doc, "organization")
    assert {"Lovedale Institution", "Ladies' Auxiliary", "Special Branch", "Malay States Guides",
            "Randles, Brother and Hudson", "Sociedad Geográfica de La Paz"} <= orgs
    assert "Hudson" not in names(doc, "person")


def test_a_heading_and_a_district_are_no_one(full):
    doc = run(full, "Chapter Four: The Long Strike and its Aftermath, 1928-1934\n\n"
                    "The strike closed the mills for six months. In 1931 I was given charge of the "
                    "Ulu Pahang district. I was the first to hold the post in Ulu Pahang.\n")
    assert not names(doc, "person") & {"Long Strike", "Aftermath", "Ulu Pahang"}


def test_titles_of_address_from_malaya_india_and_spain_are_stripped(full):
    doc = run(full, "Inche Osman bin Abdullah knew every family on the river. "
                    "Towkay Chan Ah Fook lent us a boat, and Monseñor Ambrosio Huertas a garden. "
                    "Later Inche Osman succeeded me.\n")
    people = names(doc, "person")
    assert {"Osman bin Abdullah", "Chan Ah Fook", "Ambrosio Huertas"} <= people
    assert "Osman" in aliases(doc, "person") and "Inche Osman" not in people
