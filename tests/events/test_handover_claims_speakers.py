"""Table-driven: territory handovers, claims and blame, who speaks for a government, coalitions named by
their leader, leaders of a force, instruments, aggregates and background clauses — on the real stages."""
from __future__ import annotations

from datetime import date

import pytest

D = date
# (id, text, dct, sub_event_type, actor1 substring or None, other participant substring or None, place,
#  (start, end), fatalities or None)
ROWS = [
    ("withdrawal-then-entry-is-a-regain",
     "Las fuerzas rusas se retiraron de Jersón y el ejército ucraniano entró en la ciudad el 11 de noviembre de 2022.",
     None, "Government regains territory", "Ukraine", "Russia", "Kherson", (D(2022, 11, 11), D(2022, 11, 11)), None),
    ("entry-after-withdrawal-clause", "Las tropas ucranianas entraron el 11 de noviembre de 2022 en la ciudad de Jersón, "
     "después de que el Ejército ruso completara su retirada.", None, "Government regains territory", "Ukraine", "Russia",
     "Kherson", (D(2022, 11, 11), D(2022, 11, 11)), None),
    ("non-state-entry-is-a-transfer", "Los rebeldes del M23 entraron en Goma el 27 de enero de 2025 tras la retirada "
     "del ejército congoleño.", None, "Non-violent transfer of territory", "M23", "Congo", "Goma",
     (D(2025, 1, 27), D(2025, 1, 27)), None),
    ("withdrawal-alone-taker-unknown", "Las tropas rusas se retiraron de Jersón el 11 de noviembre de 2022.", None,
     "Non-violent transfer of territory", None, "Russia", "Kherson", (D(2022, 11, 11), D(2022, 11, 11)), None),
    ("prime-minister-speaks-for-forces", "El primer ministro iraquí, Haider al Abadi, declaró la liberación de Mosul "
     "el 10 de julio de 2017.", None, "Government regains territory", "Military Forces of Iraq", None, "Mosul",
     (D(2017, 7, 10), D(2017, 7, 10)), None),
    ("title-before-a-name-takes-the-focus-country", "Las tropas iraquíes combatieron en Faluya en junio de 2016. "
     "El primer ministro Haider al Abadi declaró la liberación de Faluya el 26 de junio de 2016.", None,
     "Government regains territory", "Military Forces of Iraq", None, "Fallujah", (D(2016, 6, 26), D(2016, 6, 26)), None),
    ("claim-names-the-bomber", "Un coche bomba estalló en Mogadiscio el 3 de marzo de 2023. Al Shabaab reivindicó el "
     "atentado.", None, "Remote explosive/landmine/IED", "Shabaab", None, "Mogadishu", (D(2023, 3, 3), D(2023, 3, 3)), None),
    # a claim in a relative clause coordinated with another ("el atentado que causó ... y que reivindicó X")
    ("claim-in-a-coordinated-relative", "TEHERÁN, 5 ene (EFE).- El Ministerio de Inteligencia anunció hoy la detención de "
     "once personas relacionadas con el doble atentado suicida que el miércoles causó decenas de muertos en la ciudad "
     "de Kerman, y que ayer reivindicó el grupo yihadista Estado Islámico.", D(2024, 1, 5), "Suicide bomb", "Islamic State", None, "Kerman",
     (D(2024, 1, 3), D(2024, 1, 3)), None),
    ("blame-names-the-attacker", "Dos soldados murieron en la explosión de un carro bomba en Cúcuta el 15 de junio de 2021. "
     "El ministro de Defensa atribuyó el ataque al ELN.", None, "Remote explosive/landmine/IED", "ELN", None, "Cúcuta",
     (D(2021, 6, 15), D(2021, 6, 15)), 2),
    ("coalition-led-by-a-state", "Al menos 70 personas murieron en un bombardeo de la coalición liderada por Arabia Saudí "
     "en Saada el 21 de enero de 2022.", None, "Air/drone strike", "Saudi Arabia", None, "Sa'dah",
     (D(2022, 1, 21), D(2022, 1, 21)), 70),
    ("the-leader-is-actor1", "Los rebeldes sirios, encabezados por Hayat Tahrir al Sham, tomaron el control de Alepo el "
     "30 de noviembre de 2024.", None, "Non-state actor overtakes territory", "Hayat Tahrir", "Free Syrian Army", "Aleppo",
     (D(2024, 11, 30), D(2024, 11, 30)), None),
    ("generic-then-name", "Hombres armados presuntamente del grupo yihadista Boko Haram secuestraron a 276 alumnas en "
     "Chibok el 14 de abril de 2014.", None, "Abduction/forced disappearance", "Boko Haram", "Civilians", "Chibok",
     (D(2014, 4, 14), D(2014, 4, 14)), None),
    ("instruments-in-coordination", "Los hutíes atacaron Abu Dabi con drones y misiles el 17 de enero de 2022.", None,
     "Air/drone strike", "Houthi", None, "Abu Dhabi", (D(2022, 1, 17), D(2022, 1, 17)), None),
    ("since-runs-to-the-report", "Los combates entre el M23 y el Ejército congoleño en Goma, que se intensificaron desde "
     "el jueves, han causado al menos 17 muertos.", D(2025, 1, 27), "Armed clash", "M23", "Congo", "Goma",
     (D(2025, 1, 23), D(2025, 1, 27)), 17),
    ("a-continent-is-no-location", "Los combates en Goma entre el M23 y el Ejército congoleño causaron 17 muertos el 25 "
     "de enero de 2025, entre ellos soldados de la comunidad de África Austral.", None, "Armed clash", "M23", None, "Goma",
     (D(2025, 1, 25), D(2025, 1, 25)), 17),
]


@pytest.mark.parametrize("rid,text,dct,sub,actor1,other,place,dates,deaths", ROWS, ids=[r[0] for r in ROWS])
def test_rows(annotate, rid, text, dct, sub, actor1, other, place, dates, deaths):
    _, events = annotate(text, dct)
    hits = [e for e in events if e.sub_event_type == sub]
    assert len(hits) == 1, [(e.sub_event_type, e.actor1, e.place and e.place.name) for e in events]
    e = hits[0]
    names = " | ".join(filter(None, (e.actor1, e.actor2, e.assoc_actor1, e.assoc_actor2)))
    if actor1:
        assert e.actor1 and actor1.lower() in e.actor1.lower(), names
    else:
        assert e.actor1 is None, names
    if other:
        assert other.lower() in names.lower(), names
    assert e.place is not None and e.place.name == place
    assert (e.date_start, e.date_end) == dates
    assert e.fatalities == deaths


NON_EVENTS = [
    "La coalición ha intensificado sus bombardeos en Yemen desde enero de 2022.",
    "Jersón era la única capital regional que Moscú había tomado.",
]


@pytest.mark.parametrize("text", NON_EVENTS, ids=[t[:40] for t in NON_EVENTS])
def test_non_events(annotate, text):
    mentions, _ = annotate(text)
    assert mentions == [], [(m.sub_event_type, m.trigger.text) for m in mentions]


def test_a_withdrawal_under_fire_is_the_battle_not_a_transfer(annotate):
    mentions, _ = annotate("Las tropas rusas se retiraron de Jersón el 11 de noviembre de 2022 tras intensos combates "
                           "con el ejército ucraniano.")
    assert [m.sub_event_type for m in mentions] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "Las fuerzas rusas se retiraron de Jersón y el ejército ucraniano entró en la ciudad el 11 de noviembre de 2022.",
    "Los hutíes atacaron Abu Dabi con drones y misiles el 17 de enero de 2022.",
], ids=["handover", "instruments"])
def test_one_row_not_two(annotate, text):
    _, events = annotate(text)
    assert len(events) == 1, [(e.sub_event_type, e.actor1) for e in events]


def test_a_claim_is_not_a_second_event(annotate):
    _, events = annotate("Un coche bomba estalló en Mogadiscio el 3 de marzo de 2023. Al Shabaab reivindicó el ataque.")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Remote explosive/landmine/IED", "Al Shabaab")]


def test_a_reflexive_claim_names_the_perpetrator(annotate):
    """'El EI se atribuyó la matanza': the subject claims it for itself (the model reads the noun as a second
    subject); a crowd in a relative clause on the place is not who fired."""
    _, events = annotate("MOSCÚ, 24 mar (EFE).- Al menos 137 personas murieron en el ataque armado del viernes por la "
                         "noche contra la sala de conciertos Crocus City Hall de Krasnogorsk, en las afueras de Moscú. Cuatro hombres irrumpieron en el recinto, "
                         "donde miles de personas esperaban un concierto, y dispararon contra el público. El Estado "
                         "Islámico se atribuyó la matanza.", D(2024, 3, 24))
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Attack", "Islamic State (Russia)")], \
        [(e.sub_event_type, e.actor1, e.date_start) for e in events]


def test_a_country_that_speaks_is_no_place_of_the_event(annotate):
    """'Rusia, su principal aliado, sostuvo que la aviación siria había bombardeado …': Russia speaks; the
    strike it tells is the one told before, in Khan Shaykhun, not a strike in Russia."""
    _, events = annotate("El 4 de abril de 2017 un bombardeo con gas sarín mató a 89 personas en Jan Sheijun, en la "
                         "provincia de Idlib. El Gobierno negó haber empleado armas químicas, y Rusia, su principal "
                         "aliado, sostuvo que la aviación siria había bombardeado un depósito rebelde.")
    assert {e.place.name for e in events} == {"Khan Shaykhun"}, \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_capital_that_describes_an_event_is_no_place_of_it(annotate):
    """'tras lo que Moscú describió como un bombardeo masivo de su aviación': Moscow speaks for Russia; the
    strike is not in Moscow."""
    _, events = annotate("El 9 de septiembre de 2017, una columna del Ejército sirio rompió el cerco del aeropuerto "
                         "militar de Deir ez-Zor tras lo que Moscú describió como un bombardeo masivo de su aviación.")
    assert events and all(e.place is None or e.place.country != "RU" for e in events), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_place_a_long_distance_is_counted_from_is_no_place_of_the_event(annotate):
    """'en Curuguaty, en el departamento de Canindeyú, a unos 250 kilómetros al noreste de Asunción': not in
    Asunción (14 km from a town would still stand for the town)."""
    _, events = annotate("ASUNCIÓN, 16 jun (EFE).- Seis policías y once campesinos murieron ayer en un tiroteo en "
                         "Curuguaty, en el departamento de Canindeyú, a unos 250 kilómetros al noreste de Asunción.",
                         date(2012, 6, 16))
    assert events and all(e.place is None or e.place.name != "Asunción" for e in events), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_claim_with_nothing_before_stays_an_event(annotate):
    _, events = annotate("Al Shabaab reivindicó el ataque contra una base militar en Mogadiscio el 3 de marzo de 2023.")
    assert len(events) == 1 and "Shabaab" in events[0].actor1


def test_a_dateline_with_a_country_is_not_the_place(annotate):
    _, events = annotate("MORELIA (México), 15 oct (EFE).- Trece policías murieron el lunes en una emboscada del Cártel "
                         "Jalisco Nueva Generación en Aguililla, en el estado de Michoacán.", D(2019, 10, 15))
    assert [(e.sub_event_type, e.place.name, e.fatalities) for e in events] == [("Armed clash", "Aguililla", 13)]


@pytest.mark.parametrize("text,deaths", [
    ("Al menos 50 personas, entre ellas cinco niños, murieron en un ataque con misiles contra la estación de "
     "Kramatorsk el 8 de abril de 2022.", 50),
    ("Yihadistas del JNIM atacaron una escuela de gendarmería en Bamako el 17 de septiembre de 2024. Más de 70 personas "
     "murieron en el ataque.", 70),
    ("El ejército atacó a los rebeldes en Kidal el 3 de marzo de 2019. En los combates murieron el comandante Iván "
     "Márquez y su lugarteniente Jesús Santrich.", 2),
], ids=["aside", "toll-of-the-event-named-again", "named-victims-of-the-event-named-again"])
def test_fatalities_told_around_the_event(annotate, text, deaths):
    _, events = annotate(text)
    assert [e.fatalities for e in events] == [deaths]


def test_a_generic_attacker_is_the_named_one(annotate):
    _, events = annotate("Trece policías murieron en una emboscada del Cártel Jalisco Nueva Generación en Aguililla el 14 "
                         "de octubre de 2019. Los agentes fueron atacados a balazos por decenas de hombres armados.")
    assert [(e.sub_event_type, e.actor1, len(e.mentions)) for e in events] == \
        [("Armed clash", "CJNG: Jalisco New Generation Cartel", 2)]


@pytest.mark.parametrize("text,actor1", [
    ("Al menos 50 personas murieron en un ataque con misiles contra la estación de Kramatorsk el 8 de abril de 2022. "
     "El presidente ucraniano acusó a Rusia de atacar a la población civil.", "Russia"),
    ("Los combates entre el M23 y el Ejército congoleño en Goma causaron 17 muertos el 25 de enero de 2025. "
     "El Gobierno congoleño acusó a Ruanda de apoyar a los rebeldes.", "M23"),
], ids=["accused-of-attacking", "accused-of-something-else"])
def test_an_accusation_names_the_attacker_only_of_an_attack(annotate, text, actor1):
    _, events = annotate(text)
    assert len(events) == 1 and events[0].actor1 and actor1 in events[0].actor1, [e.actor1 for e in events]


def test_a_definite_event_noun_with_nothing_new_is_told_before(annotate):
    _, events = annotate("Los rebeldes de HTS tomaron el control de Alepo el 30 de noviembre de 2024. El Ejército sirio "
                         "reconoció que decenas de sus soldados habían muerto en los combates.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_the_country_across_the_border_is_not_the_place(annotate):
    _, events = annotate("Las FDS atacaron a los yihadistas junto a la frontera con Irak el 5 de diciembre de 2018.")
    assert all(e.place.country != "IQ" for e in events), [(e.sub_event_type, e.place.name) for e in events]


def test_a_border_neighbour_does_not_move_the_event_off_the_focus(annotate):
    """'La localidad, junto a la frontera con Irak, había sido sitiada…': the siege is in the town the
    story is about (the document's focus), not unplaced because Iraq is named by the border."""
    _, events = annotate("Las FSD tomaron el control de Baguz, en el este de Siria, el 23 de marzo de 2019.\n\nLa localidad, junto a la "
                         "frontera con Irak, había sido sitiada durante semanas por las FSD, que lanzaron el asalto "
                         "final a principios de marzo.")
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clash and all(e.place is not None and e.place.name == "Baghuz" for e in clash), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


@pytest.mark.parametrize("text,dct,actor1,actor2", [
    ("Dos soldados murieron y una veintena resultaron heridos este martes en un ataque con un camión bomba contra "
     "una base militar en Puerto Jordán, en el departamento colombiano de Arauca. El ministro de Defensa atribuyó "
     "el atentado a la guerrilla del Ejército de Liberación Nacional (ELN).", date(2024, 9, 17), "ELN",
     "Military Forces of Colombia"),
    ("Trece policías murieron el lunes en una emboscada en Aguililla, Michoacán.", date(2019, 10, 15), None,
     "Police Forces of Mexico"),
], ids=["killed-soldiers-are-the-target", "killed-police-unknown-attacker"])
def test_those_who_died_in_a_one_sided_event_are_its_target(annotate, text, dct, actor1, actor2):
    _, events = annotate(text, dct)
    assert len(events) == 1, [(e.sub_event_type, e.actor1) for e in events]
    e = events[0]
    assert (e.actor1 is None if actor1 is None else actor1 in (e.actor1 or "")) and actor2 in (e.actor2 or ""), \
        (e.actor1, e.actor2)


def test_the_day_of_a_claim_does_not_date_the_attack(annotate):
    """'un atentado suicida contra una comisaría, reivindicado hoy por el EI': the attack is of yesterday."""
    _, events = annotate("ADÉN (Yemen), 2 ago (EFE).- Al menos 49 personas murieron ayer en dos ataques distintos en "
                         "la ciudad de Adén: un misil lanzado por los rebeldes hutíes contra un desfile militar y un "
                         "atentado suicida contra una comisaría, reivindicado hoy por el Estado Islámico.",
                         date(2019, 8, 2))
    assert {e.date_start for e in events} == {date(2019, 8, 1)}, [(e.sub_event_type, e.date_start) for e in events]


def test_the_date_of_a_report_is_not_the_date_of_the_event(annotate):
    """'murieron en un ataque …, informó este viernes la ONU': the event is of the days before the report
    (a week ending on it), while 'declaró este martes la liberación de X' dates the liberation itself."""
    _, events = annotate("Al menos 70 personas murieron en un ataque de la banda Gran Grif contra la localidad de "
                         "Saint-Marc, en Haití, informó este viernes la Oficina de Derechos Humanos de la ONU.",
                         date(2024, 10, 4))
    assert [(e.date_start, e.date_end) for e in events] == [(date(2024, 9, 27), date(2024, 10, 4))], \
        [(e.sub_event_type, e.date_start, e.date_end) for e in events]
    _, events = annotate("El presidente filipino declaró este martes la liberación de Marawi, en el sur de Filipinas, "
                         "ocupada desde mayo por yihadistas leales al Estado Islámico.", date(2017, 10, 17))
    assert any(e.date_end == date(2017, 10, 17) and e.date_start == date(2017, 10, 17) for e in events), \
        [(e.sub_event_type, e.date_start, e.date_end) for e in events]


def test_an_armed_attack_on_a_town_hall_with_civilian_dead_and_a_reaction(annotate):
    """Civilians killed 'en un ataque armado' by someone unnamed is an Attack, placed at the town the
    town hall is named by; 'lamentó la matanza' the next day is a reaction, not a second event."""
    _, events = annotate("Al menos 20 personas murieron el miércoles en un ataque armado contra el ayuntamiento de "
                         "San Miguel Totolapan, en el estado mexicano de Guerrero.\n\nEl presidente lamentó este "
                         "jueves la matanza.", date(2022, 10, 6))
    assert [(e.sub_event_type, e.place and e.place.name, e.date_start) for e in events] == \
        [("Attack", "San Miguel Totolapan", date(2022, 10, 5))], \
        [(e.sub_event_type, e.place and e.place.name, e.date_start, e.actor1) for e in events]


def test_the_subject_of_a_relative_clause_on_the_event_noun_is_its_author(annotate):
    """'el ataque que insurgentes yihadistas lanzaron … contra la ciudad de X': the insurgents made it."""
    _, events = annotate("Decenas de personas murieron en el ataque que los rebeldes del M23 lanzaron el pasado miércoles "
                         "contra la ciudad de Goma, en el este del Congo.", date(2025, 1, 27))
    assert events and all(e.actor1 and "M23" in e.actor1 for e in events), [(e.sub_event_type, e.actor1) for e in events]


def test_two_attacks_in_one_lead_each_blamed_where_the_blame_names_its_place(annotate):
    """A shot-down helicopter in Amalfi and a truck bomb in Cali told in one sentence, each with its own
    toll; the governor of Antioquia blames the first, the president 'el atentado de Cali' the second."""
    text = ("Trece policías murieron el jueves al ser derribado un helicóptero de la institución en una zona rural "
            "del municipio de Amalfi, en el departamento de Antioquia, mientras que seis civiles perdieron la vida "
            "por la explosión de un camión bomba junto a una base militar en Cali.\n\nEl gobernador de Antioquia "
            "atribuyó el ataque al frente 36 de las disidencias de las FARC.\n\nEl presidente atribuyó el atentado "
            "de Cali al Estado Mayor Central (EMC).")
    _, events = annotate(text, date(2025, 8, 22))
    got = sorted((e.place.name, e.fatalities, e.actor1) for e in events)
    assert got == [("Amalfi", 13, "FARC-EP Dissidents"), ("Cali", 6, "FARC-EP Dissidents")], got


def test_a_rocket_attack_that_killed_is_one_shelling_blamed_by_an_accusation(annotate):
    """'el ataque con cohete que el pasado sábado mató a doce niños': one event, typed by its weapon (the
    killing in the relative clause is that event); 'acusó a Hizbulá de haber lanzado el proyectil' names it."""
    text = ("Israel mantiene en alerta a su Ejército tras el ataque con cohete que el pasado sábado mató a doce niños en un campo de "
            "fútbol de Majdal Shams, en los Altos del Golán.\n\nEl Ejército israelí acusó al grupo chií libanés "
            "Hizbulá de haber lanzado el proyectil.")
    _, events = annotate(text, date(2024, 7, 29))
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in events] == \
        [("Shelling/artillery/missile attack", "Hezbollah", 12)], [(e.sub_event_type, e.actor1, e.fatalities) for e in events]


def test_gunmen_who_storm_a_town_and_shoot_residents_commit_one_attack(annotate):
    """'irrumpieron en la madrugada del jueves en la localidad y dispararon contra los vecinos': an Attack (the
    entry and the shooting are one event), dated that day; the homes burnt after it are on the same day."""
    text = ("Los pandilleros de la banda Gran Grif irrumpieron en la madrugada del jueves en Saint-Marc, en Haití, y "
            "dispararon con fusiles automáticos contra los vecinos. Además, incendiaron al menos 45 viviendas.")
    _, events = annotate(text, date(2024, 10, 4))
    got = sorted((e.sub_event_type, e.date_start) for e in events)
    assert got[0] == ("Attack", date(2024, 10, 3)) and all(d == date(2024, 10, 3) for _, d in got), got
    assert "Armed clash" not in [s for s, _ in got], got


def test_a_claim_of_an_earlier_launch_is_its_own_event(annotate):
    """'A mediados de noviembre el TPLF ya reivindicó el lanzamiento de cohetes contra la capital eritrea':
    rockets of another time than the ones just told, claimed by the TPLF."""
    text = ("La noche del sábado varios cohetes cayeron en Asmara, la capital de Eritrea. A mediados de noviembre el "
            "TPLF ya reivindicó el lanzamiento de cohetes contra la capital eritrea.")
    _, events = annotate(text, date(2020, 11, 29))
    got = sorted((e.date_start, e.sub_event_type) for e in events)
    assert got == [(date(2020, 11, 11), "Shelling/artillery/missile attack"),
                   (date(2020, 11, 28), "Shelling/artillery/missile attack")], got
    assert any(e.date_start == date(2020, 11, 11) and "TPLF" in (e.actor1 or "") for e in events)


def test_an_order_to_retake_is_no_event(annotate):
    """'ordenó a las milicias que se preparen para entrar en Al Anbar, de mayoría suní, y recuperar la ciudad':
    an order, not a recapture."""
    _, events = annotate("El EI tomó Ramadi el 17 de mayo de 2015. El primer ministro iraquí ordenó a las milicias chiíes "
                         "que se preparen para entrar en Al Anbar, de mayoría suní, y recuperar la ciudad.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"], \
        [(e.sub_event_type, e.actor1) for e in events]


def test_towns_taken_one_after_another_are_one_event_each(annotate):
    """'se hicieron también con X; con Y, y con Z': an adverb inside the phrase, a time ('El fin de semana')
    parsed as the plural verb's subject, and one preposition repeated for each town."""
    _, events = annotate("Los talibanes tomaron Kunduz el domingo. El fin de semana se hicieron también con Sheberguán, "
                   "capital de Yauzyán; con Sar-e Pul, capital de la provincia del mismo nombre, y con Talocán, "
                   "capital de Tajar.", D(2021, 8, 9))
    taken = {e.place.name: e for e in events if e.sub_event_type == "Non-state actor overtakes territory"}
    assert {"Kunduz", "Shibirghān", "Sar-e Pul", "Taloqan"} <= set(taken)
    assert all("Taliban" in (taken[n].actor1 or "") for n in ("Shibirghān", "Sar-e Pul", "Taloqan"))
    assert (taken["Taloqan"].date_start, taken["Taloqan"].date_end) == (D(2021, 8, 7), D(2021, 8, 8))


def test_a_named_gunman_no_catalogue_knows_is_an_unidentified_attacker(annotate):
    """'Merah disparó a través de la puerta e hirió a dos policías': a person the model names as the active
    subject of a violent verb is an unidentified armed attacker, not no one."""
    _, events = annotate("El 21 de marzo de 2012 los agentes de élite del RAID rodearon su piso en Toulouse; "
                         "Mohamed Merah disparó a través de la puerta e hirió a dos policías.")
    shots = [e for e in events if e.place and e.place.name == "Toulouse"]
    assert shots and all("Unidentified Armed Group" in (e.actor1 or "") for e in shots), \
        [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text,sub", [
    ("LIMA, 10 ene (EFE).- Los policías dispararon ayer contra los manifestantes que intentaban tomar el aeropuerto "
     "de Juliaca.", "Excessive force against protesters"),
    ("LIMA, 10 ene (EFE).- Unos sicarios dispararon ayer contra los manifestantes que bloqueaban la carretera en "
     "Juliaca.", "Attack"),
], ids=["state-forces", "non-state"])
def test_shots_at_protesters_are_force_against_them(annotate, text, sub):
    _, events = annotate(text, D(2023, 1, 10))
    assert sub in [e.sub_event_type for e in events], [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert "Armed clash" not in [e.sub_event_type for e in events]


def test_a_date_apposed_to_a_since_phrase_does_not_date_the_event(annotate):
    """'… uno de los atentados más sangrientos desde el comienzo de la Intifada, hace dieciocho meses': the
    date is the Intifada's start; 'anoche' dates the bombing."""
    _, events = annotate("JERUSALÉN, 28 mar (EFE).- Al menos diecinueve israelíes murieron anoche cuando un suicida "
                         "palestino se hizo estallar en un hotel de Netanya, uno de los atentados más sangrientos "
                         "desde el comienzo de la Intifada, hace dieciocho meses.", D(2002, 3, 28))
    bombs = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert [(e.date_start, e.date_end) for e in bombs] == [(D(2002, 3, 27), D(2002, 3, 27))]


def test_a_killing_by_a_suicide_attacker_is_a_suicide_bomb(annotate):
    _, events = annotate("El 9 de marzo de 2002, otro suicida de Hamás mató a once personas en un café de Jerusalén.")
    assert [e.sub_event_type for e in events] == ["Suicide bomb"], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text,dct", [
    ("LA PAZ, 20 nov (EFE).- La policía dispersó ayer con gases lacrimógenos en el centro de La Paz el cortejo "
     "fúnebre que había bajado desde El Alto.", D(2019, 11, 20)),
    ("SANTIAGO DE CHILE, 15 nov (EFE).- Cientos de personas se concentraron anoche en Ercilla, en el sur de Chile, "
     "para protestar por la muerte "
     "del comunero, y la policía lanzó gases contra los manifestantes.", D(2018, 11, 15)),
], ids=["dispersed", "tear-gas"])
def test_a_protest_broken_up_is_one_protest_with_intervention(annotate, text, dct):
    _, events = annotate(text, dct)
    protests = [e.sub_event_type for e in events if e.event_type == "Protests"]
    assert protests == ["Protest with intervention"], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text", [
    "El pasado 28 de junio de 2010, un comando mató al candidato del PRI a gobernador, Rodolfo Torre Cantú, y a "
    "cuatro acompañantes en Ciudad Victoria.",
    "El 6 de diciembre de 1993, milicianos de Hamás mataron a tiros a un colono de Kiryat Arba y a su hijo a la "
    "entrada de Hebrón.",
], ids=["candidate", "settler"])
def test_a_person_named_by_what_they_are_is_a_civilian_victim(annotate, text):
    _, events = annotate(text)
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.actor2) for e in events]
    assert "Civilians" in (events[0].actor2 or "")


def test_explosions_told_of_a_suicide_bombing_are_the_suicide_bombing(annotate):
    _, events = annotate("COLOMBO, 22 abr (EFE).- La cadena de atentados suicidas de ayer golpeó tres iglesias de "
                         "Colombo. Las explosiones en Colombo comenzaron hacia las 8.45 hora local.", D(2019, 4, 22))
    assert [e.sub_event_type for e in events] == ["Suicide bomb"], [(e.sub_event_type, e.place and e.place.name)
                                                                   for e in events]


def test_a_day_told_inside_a_trigger_phrase(annotate):
    """'se hizo el sábado con el cuartel general': the day sits between the phrase's words."""
    _, events = annotate("MAIDUGURI, 6 ene (EFE).- Boko Haram se hizo el sábado con el cuartel general del Ejército "
                         "en Maiduguri.", D(2015, 1, 6))
    assert [(e.sub_event_type, e.date_start) for e in events] == [
        ("Non-state actor overtakes territory", D(2015, 1, 3))], [(e.sub_event_type, e.date_start) for e in events]


def test_a_bombing_in_a_story_of_one_armed_group_is_that_groups(annotate):
    _, events = annotate("MADRID, 31 dic (EFE).- Una furgoneta bomba estalló ayer en el aparcamiento de la T4 del "
                         "aeropuerto de Barajas, en Madrid. El Gobierno dio por roto el alto el fuego de ETA.",
                         D(2006, 12, 31))
    bombs = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert bombs and all("ETA" in (e.actor1 or "") for e in bombs), [(e.sub_event_type, e.actor1) for e in events]
