"""ActorTagger: aliases, gentilicios, unknown groups, coreference (table-driven)."""
from __future__ import annotations

import pickle

import pytest

from cronica.actors import ActorTagger
from cronica.text.normalize import fold
from cronica.actors.catalogue import load_catalogue
from cronica.actors.patterns import demonym_forms

# (text, [(mention text, canonical substring, rule prefix), ...]) in text order
CASES = [
    # an alias that a gentilicio continues is another country's force ("Ejército Nacional" is Colombia's)
    ("El Ejército Nacional Libio (ENL) avanzó.",
     [("Ejército Nacional Libio", "Libyan National Army", "alias"), ("ENL", "Libyan National Army", "alias")]),
    ("Las fuerzas del Ejército Nacional Afgano se retiraron.",
     [("Ejército Nacional Afgano", "Military Forces of Afghanistan", "alias")]),
    ("Los combatientes de ISIS huyeron ante el Ejército iraquí.",
     [("combatientes de ISIS", "Islamic State", "alias"), ("Ejército iraquí", "Military Forces of Iraq", "demonym")]),
    ("El Dáesh y el EI son el mismo grupo: el Estado Islámico.",
     [("Dáesh", "Islamic State", "alias"), ("EI", "Islamic State", "alias"), ("Estado Islámico", "Islamic State", "alias")]),
    ("Las FDS y las Fuerzas Democráticas Sirias, con la milicia kurda YPG.",
     [("FDS", "SDF", "alias"), ("Fuerzas Democráticas Sirias", "SDF", "alias"), ("milicia kurda YPG", "YPG", "alias")]),
    ("Las milicias chiíes de la Multitud Popular (Hashd al Shaabi) y los peshmerga.",
     [("Las milicias chiíes", "PMF", "coref-apposition"), ("Multitud Popular", "PMF", "alias"), ("Hashd al Shaabi", "PMF", "alias"),
      ("peshmerga", "Peshmerga", "alias")]),
    # the alliance's own operations, by its Spanish and English names and its missions
    ("Aviones de la OTAN atacaron la columna; la ISAF y la KFOR no intervinieron.",
     [("la OTAN", "NATO", "alias"), ("la ISAF", "NATO", "alias"), ("la KFOR", "NATO", "alias")]),
    # armed groups of other wars, by acronym and Spanish name (catalogue data, per conflict)
    ("Los Tigres Tamiles (LTTE), el TTP y las AUC; la Fuerza Voluntaria del Ulster y el Ejército de Resistencia del "
     "Señor.", [("Los Tigres Tamiles", "LTTE", "alias"), ("LTTE", "LTTE", "alias"), ("TTP", "TTP", "alias"),
                ("AUC", "AUC", "alias"), ("Fuerza Voluntaria del Ulster", "UVF", "alias"),
                ("Ejército de Resistencia del Señor", "LRA", "alias")]),
    ("Las fuerzas malienses combatieron al JNIM.",
     [("fuerzas malienses", "Military Forces of Mali", "demonym"), ("JNIM", "JNIM", "alias")]),
    ("El ejército colombiano y la Policía de Colombia atacaron al Clan del Golfo.",
     [("ejército colombiano", "Military Forces of Colombia", "demonym"), ("Policía de Colombia", "Police Forces of Colombia", "demonym"),
      ("Clan del Golfo", "Clan del Golfo", "alias")]),
    ("Soldados nigerianos repelieron a Boko Haram y al ISWAP.",
     [("Soldados nigerianos", "Military Forces of Nigeria", "demonym"), ("Boko Haram", "Boko Haram", "alias"),
      ("ISWAP", "ISWAP", "alias")]),
    ("La guerrilla Frente Comuneros del Sur atacó un puesto.",
     [("guerrilla Frente Comuneros del Sur", "Frente Comuneros del Sur", "unknown-group")]),
    # a group noun before a place is no group named after it, and a name does not run on to the next line
    ("Un presunto grupo terrorista en Bolivia\n\nTres hombres murieron.", [("hombres", "Civilians", "coref-fallback")]),
    ("La columna de la coalición rebelde Unión de Fuerzas de la Resistencia entró en Chad.",
     [("coalición rebelde Unión de Fuerzas de la Resistencia", "Unión de Fuerzas de la Resistencia", "unknown-group")]),
    ("El Batallón de Infantería de Marina resistió.",
     [("Batallón de Infantería de Marina", "Infantería de Marina", "unknown-group")]),
    ("Las Fuerzas de Apoyo Rápido y el ejército sudanés combaten en Darfur.",
     [("Fuerzas de Apoyo Rápido", "RSF", "alias"), ("ejército sudanés", "Military Forces of Sudan", "alias")]),
    # a bare state noun after "del": its article is inside the contraction
    ("Las Fuerzas de Apoyo Rápido atacaron Nyala mientras aviones del Ejército sudanés y del ejército bombardeaban.",
     [("Fuerzas de Apoyo Rápido", "RSF", "alias"), ("Ejército sudanés", "Military Forces of Sudan", "alias"),
      ("el ejército", "Military Forces of Sudan", "state-focus")]),
    ("Tropas ucranianas y fuerzas rusas se enfrentaron; el Grupo Wagner también.",
     [("Tropas ucranianas", "Military Forces of Ukraine", "alias"), ("fuerzas rusas", "Military Forces of Russia", "alias"),
      ("Grupo Wagner", "Wagner", "alias")]),
    ("El Cártel de Sinaloa atacó a la Guardia Nacional mexicana.",
     [("Cártel de Sinaloa", "Sinaloa Cartel", "alias"), ("Guardia Nacional mexicana", "National Guard", "alias")]),
    # coreference: generic mentions resolve to the actor in focus
    ("El Estado Islámico tomó Mosul. Los yihadistas destruyeron la mezquita y los militantes huyeron.",
     [("Estado Islámico", "Islamic State", "alias"), ("yihadistas", "Islamic State", "coref"),
      ("militantes", "Islamic State", "coref")]),
    ("Una coalición liderada por Estados Unidos apoya la ofensiva. Las fuerzas combinadas avanzaron.",
     [("coalición liderada por Estados Unidos", "Coalition", "alias"), ("Las fuerzas combinadas", "Coalition", "coref")]),
    ("El ejército iraquí avanzó; unidades de elite de la policía tomaron el control.",
     [("ejército iraquí", "Military Forces of Iraq", "demonym"), ("unidades de elite de la policía", "Police Forces of Iraq", "state-focus")]),
    ("Los yihadistas del JNIM atacaron.", [("yihadistas", "JNIM", "coref-apposition"), ("JNIM", "JNIM", "alias")]),
    ("Hombres armados asesinaron a civiles.", [("Hombres armados", "Unidentified Armed Group", "alias"),
                                               ("civiles", "Civilians", "alias")]),
    # "la milicia chií" is the Shia militia in focus: Hizbulá in a story about Lebanon
    ("Hizbulá lanzó cohetes. La aviación israelí bombardeó posiciones de la milicia chií.",
     [("Hizbulá", "Hezbollah", "alias"), ("aviación israelí", "Military Forces of Israel", "alias"),
      ("la milicia chií", "Hezbollah", "coref")]),
    # counted forces: the force of the country in focus (the noun is the mention, the number the toll)
    ("El CJNG emboscó a trece policías estatales en Michoacán.",
     [("CJNG", "CJNG", "alias"), ("policías estatales", "Police Forces of Mexico", "state-focus")]),
    ("Los yihadistas de Boko Haram mataron a 20 soldados nigerianos y decenas de militares huyeron.",
     [("yihadistas", "Boko Haram", "coref-apposition"), ("Boko Haram", "Boko Haram", "alias"),
      ("soldados nigerianos", "Military Forces of Nigeria", "demonym"), ("militares", "Military Forces of Nigeria", "state-focus")]),
    # armed groups of other wars, by their Spanish names, acronyms and members' names
    ("El Movimiento Nacional para la Liberación del Azawad (MNLA) y los yihadistas de Ansar Dine tomaron Kidal.",
     [("Movimiento Nacional para la Liberación del Azawad", "MNLA", "alias"), ("MNLA", "MNLA", "alias"),
      ("yihadistas de Ansar Dine", "Ansar Dine", "alias")]),
    ("Milicias antibalaka atacaron a los seleka en Bangui.",
     [("Milicias antibalaka", "Anti-Balaka", "alias"), ("los seleka", "Seleka", "alias")]),
    # soldiers in mutiny are no longer the state's forces (ACLED: "Mutiny of Military Forces of X")
    ("Los militares amotinados tomaron la sede de la radiotelevisión pública.",
     [("Los militares amotinados", "Mutineers", "alias")]),
    # no false hits inside words; the short alias only as written
    ("El Reino Unido y la seis de la mañana.", []),
    # a group's members by their Spanish name; "un comando" is an armed group the text does not name
    ("Comandos senderistas atacaron tres comisarías. Un comando irrumpió en el palacio municipal.",
     [("Comandos senderistas", "Shining Path", "alias"), ("Un comando", "Unidentified Armed Group", "alias")]),
    # a priest is a civilian; "una treintena de" counts soldiers
    ("Una treintena de soldados mataron a los sacerdotes.",
     [("soldados", "Military Forces", "state-focus"), ("sacerdotes", "Civilians", "coref-fallback")]),
    # El Salvador's war: the guerrilla and an army battalion by name
    ("Soldados del Batallón Atlacatl mataron a seis jesuitas durante la ofensiva del FMLN.",
     [("Batallón Atlacatl", "Military Forces of El Salvador", "alias"), ("jesuitas", "Civilians", "coref-fallback"),
      ("FMLN", "FMLN", "alias")]),
    # national police forces known by their own names
    ("Un operativo de Carabineros en Temucuicui; la Guardia Civil y los Mossos d'Esquadra detuvieron a dos.",
     [("Carabineros", "Police Forces of Chile", "alias"), ("Guardia Civil", "Police Forces of Spain", "alias"),
      ("Mossos d'Esquadra", "Police Forces of Spain", "alias")]),
    # a bare "la Policía Federal": the federal police of the country in focus, not a name of its own
    ("El ejército iraquí lanzó la ofensiva. Ese mismo día, la Policía Federal tomó Al Abbasi.",
     [("ejército iraquí", "Military Forces of Iraq", "demonym"), ("la Policía Federal", "Police Forces of Iraq",
                                                                  "state-focus")]),
    # past European groups: the longer alias first ("IRA Auténtico" is the Real IRA, not the IRA)
    ("ETA colocó un coche bomba. El IRA Auténtico no es el IRA. La UÇK atacó.",
     [("ETA", "ETA", "alias"), ("IRA Auténtico", "Real IRA", "alias"), ("IRA", "Provisional Irish", "alias"),
      ("UÇK", "Kosovo Liberation Army", "alias")]),
    # a person named in apposition to a civilian noun is that civilian where the text names him again
    ("Lasso decretó el estado de excepción tras el asesinato del alcalde de Manta, Agustín Intriago. Intriago fue "
     "atacado ayer.", [("alcalde", "Civilians", "coref-fallback"), ("Intriago", "Civilians", "named: 'Agustín Intriago' ")]),
    # rival gangs are their own actors, none another's alias
    ("Las autoridades atribuyen la matanza a Los Tiguerones, que disputan el puerto a Los Lobos y a Los Choneros.",
     [("Los Tiguerones", "Los Tiguerones", "alias"), ("Los Lobos", "Los Lobos", "alias"),
      ("Los Choneros", "Los Choneros", "alias")]),
    # bare troops serve the last armed force named, not a government that only spoke
    ("El Ejército sirio cercó Yabrud. Las autoridades libanesas señalaban la ciudad. Las tropas avanzaron.",
     [("Ejército sirio", "Military Forces of Syria", "alias"), ("autoridades libanesas", "Government of Lebanon", "demonym"),
      ("Las tropas", "Military Forces of Syria", "state-focus")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_actor_mentions(nlp, text, expected):
    got = ActorTagger("es").tag(nlp(text))
    assert [(m.span.text, m.rule.split("(")[0]) for m in got] == [(t, r) for t, _, r in expected], \
        [(m.span.text, m.canonical, m.rule) for m in got]
    for m, (_, canonical, _) in zip(got, expected):
        assert canonical.lower() in m.canonical.lower()
        assert text[m.span.start:m.span.end] == m.span.text


def test_mentions_in_text_order_and_typed(nlp):
    got = ActorTagger().tag(nlp("Las tropas iraquíes y los peshmerga expulsaron al EI de Faluya."))
    assert [m.span.start for m in got] == sorted(m.span.start for m in got)
    assert {m.actor_type for m in got} >= {"State forces", "Rebel group"}


def test_pickles_without_data():
    tagger = ActorTagger("es")
    _ = tagger.catalogue
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.language == "es" and len(pickle.dumps(tagger)) < 200


def test_fold_keeps_length():
    for s in ["Dáesh", "Ménaka", "Járkov", "niño", "İstanbul"]:
        assert len(fold(s)) == len(s)


@pytest.mark.parametrize("word,forms", [("iraquí", {"iraqui", "iraquies"}), ("maliense", {"maliense", "malienses"}),
                                        ("colombiano", {"colombiana", "colombianos"}), ("francés", {"francesa", "franceses"})])
def test_demonym_forms(word, forms):
    assert forms <= set(demonym_forms(word))


def test_catalogue_entries_are_complete():
    cat = load_catalogue("es")
    for e in cat.actors.values():
        assert e.id and e.name and e.aliases, e
    assert cat.get("military:IQ").name == "Military Forces of Iraq (2014-)"
    assert cat.get("police:PE").name == "Police Forces of Peru"
    isis = cat.get("isis")
    assert isis.name_for("SY") == "Islamic State (Syria)" and not isis.is_state
    assert cat.get("global_coalition").is_state and not cat.get("sdf").is_state


@pytest.mark.parametrize("text,acronym,kept", [
    # the text spells the acronym out as another name: not the catalogue's actor, here or later
    ("Los gendarmes dispersaron un mitin del Social Democratic Front (SDF) en Douala. El SDF convocó otro.", "SDF", False),
    # ... spelled out as the catalogue's own name: the actor
    ("Las Fuerzas Democráticas Sirias (FDS) tomaron Manbij. Las FDS avanzaron hacia Raqqa.", "FDS", True),
    ("El Estado Islámico de Irak y el Levante (EIIL) atacó Mosul. El EIIL mató a diez personas.", "EIIL", True),
    # ... or as a variant of one of its names
    ("Las milicias de las Unidades de Protección del Pueblo (YPG) tomaron la ciudad. Las YPG avanzaron.", "YPG", True),
])
def test_an_acronym_the_text_spells_out_otherwise_is_not_the_catalogue_s(nlp, text, acronym, kept):
    got = [m for m in ActorTagger("es").tag(nlp(text)) if m.span.text == acronym]
    assert bool(got) == kept, [(m.span.text, m.canonical) for m in got]
