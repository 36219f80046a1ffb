"""Event extraction, table-driven: Spanish sentences -> ACLED-typed events.

Every stage is the real one (conftest.py): the spaCy parse, the time tagger (against
the row's dct), the place tagger on the real gazetteer, the actor tagger."""
from __future__ import annotations

import pickle
from datetime import date

import pytest

from cronica.events import EventExtractor

D = date
# (id, text, dct (the report's date, None when the text dates itself), sub_event_type, actor1 substring, actor2 substring, place, (start, end) or None)

def on_day(events, day):
    """The events dated `day`, and every event told (for an assertion's message)."""
    return ([e for e in events if e.date_start == day],
            [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events])

ROWS = [
    # --- constructions --------------------------------------------------------------------------
    ("passive", "Para el 7 de enero los combatientes de ISIS habían sido expulsados de la ciudad de Mosul.", D(2017, 1, 8),
     "Government regains territory", None, "Islamic State", "Mosul", (D(2016, 12, 17), D(2017, 1, 7))),
    # (a foreign state's forces taking ground abroad: ACLED's "foreign state actor" overtakes territory)
    ("passive-agent", "El 17 de febrero de 2024 Avdiivka fue capturada por las tropas rusas.", None,
     "Non-state actor overtakes territory", "Russia", None, "Avdiivka", (D(2024, 2, 17), D(2024, 2, 17))),
    # a participle the model reads as an adjective: "las cooperantes secuestradas ayer en Dadaab"
    ("abduction-participle", "NAIROBI, 14 oct (EFE).- La Policía keniana busca a las dos cooperantes españolas "
     "secuestradas ayer en el campo de refugiados de Dadaab, en el noreste de Kenia.", D(2011, 10, 14),
     "Abduction/forced disappearance", None, "Civilians", "Dadaab", (D(2011, 10, 13), D(2011, 10, 13))),
    ("participle", "Las fuerzas iraquíes, respaldadas por la aviación estadounidense, capturaron el aeropuerto de Mosul "
     "el 23 de febrero de 2017.", None, "Government regains territory", "Iraq", None, "Mosul", (D(2017, 2, 23), D(2017, 2, 23))),
    ("coordination", "El ejército maliense y los mercenarios de Wagner recuperaron Kidal el 14 de noviembre de 2023.", None,
     "Government regains territory", "Mali", None, "Kidal", (D(2023, 11, 14), D(2023, 11, 14))),
    ("relative-clause", "Los militantes de Al Shabaab, que atacaron una base militar en Mogadiscio el 3 de marzo de 2023, "
     "fueron repelidos por el ejército somalí.", None, "Armed clash", "Shabaab", "Somalia", "Mogadishu",
     (D(2023, 3, 3), D(2023, 3, 3))),
    ("reported-speech", "El Ministerio de Defensa de Irak anunció el 23 de enero de 2017 que las fuerzas iraquíes "
     "capturaron toda la zona oriental de Mosul.", None, "Government regains territory", "Iraq", None, "Mosul",
     (D(2017, 1, 16), D(2017, 1, 23))),   # the report's date bounds the event: the week up to it
    ("achieved", "Las FDS lograron capturar Raqqa en octubre de 2017.", None,
     "Non-state actor overtakes territory", "SDF", None, "Raqqa", (D(2017, 10, 1), D(2017, 10, 31))),
    ("non-state-overtakes", "El Estado Islámico lanzó una ofensiva en Mosul en junio de 2014. Los yihadistas tomaron "
     "la ciudad el 10 de junio de 2014.", None, "Non-state actor overtakes territory", "Islamic State", None, "Mosul",
     (D(2014, 6, 10), D(2014, 6, 10))),
    ("purpose-is-not-capture", "Las FDS lanzaron su ofensiva para rodear y capturar Raqqa en noviembre de 2016.", None,
     "Armed clash", "SDF", None, "Raqqa", (D(2016, 11, 1), D(2016, 11, 30))),
    ("purpose-achieved", "Tras la operación militar para recuperar Faluya, iniciada en mayo de 2016 y concluida a finales "
     "de junio, la coalición aliada centró sus esfuerzos en Mosul.", D(2016, 7, 1), "Government regains territory", "Coalition",
     None, "Fallujah", (D(2016, 6, 21), D(2016, 6, 30))),
    ("since", "Las fuerzas iraquíes habían recuperado el control de un cuarto de Mosul desde octubre. A fines de "
     "diciembre el ejército iraquí renovó su ofensiva en Mosul.", D(2016, 12, 31), "Government regains territory", None, None,
     "Mosul", (D(2016, 10, 1), D(2016, 12, 31))),
    ("river-to-town", "Las fuerzas iraquíes alcanzaron la orilla oriental del río Tigris el 8 de enero en Mosul.", D(2017, 1, 9),
     "Government regains territory", "Iraq", None, "Mosul", (D(2017, 1, 8), D(2017, 1, 8))),
    ("duration-not-event", "Las fuerzas iraquíes capturaron el este de Mosul el 24 de enero tras 100 días de combates.",
     D(2017, 1, 25), "Government regains territory", "Iraq", None, "Mosul", (D(2017, 1, 24), D(2017, 1, 24))),
    ("relative-passive", "Las fuerzas iraquíes lanzaron el 20 de agosto de 2017 una ofensiva para recuperar Faluya, "
     "que fue liberada el 31 de agosto.", D(2017, 9, 1), "Government regains territory", "Iraq", None, "Fallujah",
     (D(2017, 8, 31), D(2017, 8, 31))),
    ("coordinated-dates", "Durante julio y agosto de 2017 los combates entre las FDS y el Estado Islámico se concentraron "
     "en Raqqa.", None, "Armed clash", "SDF", "Islamic State (Syria)", "Raqqa", (D(2017, 7, 1), D(2017, 8, 31))),
    ("entering-is-a-clash", "Las Fuerzas Democráticas Sirias entraron en Raqqa el 6 de junio de 2017.", None,
     "Armed clash", "SDF", None, "Raqqa", (D(2017, 6, 6), D(2017, 6, 6))),
    ("fell-into-hands", "Mosul cayó en manos del Estado Islámico el 10 de junio de 2014.", None,
     "Non-state actor overtakes territory", "Islamic State", None, "Mosul", (D(2014, 6, 10), D(2014, 6, 10))),
    # "en poder de X" after a verb with its taker and the ground is who held it before, not the gainer
    ("held-before", "El 21 de enero de 2013 las tropas malienses recuperaron también Douentza, en poder de los "
     "islamistas desde septiembre.", None, "Government regains territory", "Mali", None, "Douentza",
     (D(2013, 1, 21), D(2013, 1, 21))),
    # a month that only dates a noun ("el golpe del mes pasado") is no step of the story: the next sentence stays on
    # the day told before it
    ("noun-month-no-step", "Al menos 15 manifestantes murieron ayer por disparos en Sudán, en la jornada más "
     "sangrienta de protestas contra el golpe de Estado militar del mes pasado. Las fuerzas de seguridad emplearon "
     "fuego real y gases lacrimógenos para impedir las marchas en Bahri.", D(2021, 11, 18),
     "Protest with intervention", None, None, "Khartoum North", (D(2021, 11, 17), D(2021, 11, 17))),
    # an attack on a village, with no armed party named against it, is an attack on its people
    ("village-target", "El 26 de octubre de 2021, el grupo yihadista Estado Islámico lanzó un ataque contra la aldea "
     "chií de Al Rashad, en la provincia de Diyala, que dejó once muertos.", None, "Attack", "Islamic State", None,
     "Qaryat ar Rashad", (D(2021, 10, 26), D(2021, 10, 26))),
    # shots at a named person or at a car, with no armed party against them, attack civilians
    ("shot-at-person", "El 21 de marzo de 2017, unos desconocidos dispararon en Autlán de Navarro contra Sonia Córdova, "
     "subdirectora del semanario local.", None, "Attack", None, None, "Autlán de Navarro",
     (D(2017, 3, 21), D(2017, 3, 21))),
    ("shot-at-car", "El 8 de marzo de 1999, dos hombres armados bajaron del vehículo y dispararon contra la camioneta en "
     "Asunción.", None, "Attack", None, None, "Asunción", (D(1999, 3, 8), D(1999, 3, 8))),
    # gunfire heard around a barracks is fighting (in a text of armed men)
    ("gunfire-heard", "Las fuerzas de seguridad mataron a dos manifestantes. El viernes 30 de septiembre de 2022, "
     "intensas ráfagas de disparos resonaron desde primera hora en Uagadugú en torno al principal campamento militar.", None,
     "Armed clash", None, None, "Ouagadougou", (D(2022, 9, 30), D(2022, 9, 30))),
    # protesters setting fire to an embassy riot
    ("protesters-fire", "El 1 de octubre de 2022, cientos de manifestantes prendieron fuego a la entrada de la embajada "
     "de Francia en Uagadugú.", None, "Violent demonstration", "Protesters", None, "Ouagadougou",
     (D(2022, 10, 1), D(2022, 10, 1))),
    # armed men bursting into a bar attack the people in it
    ("entered-bar", "El 6 de septiembre de 2006 un comando armado irrumpió en un bar de Uruapan y arrojó cinco "
     "cabezas humanas a la pista de baile.", None, "Attack", "Unidentified Armed Group", None, "Uruapan",
     (D(2006, 9, 6), D(2006, 9, 6))),
    # a relative clause opening right after the event noun dates it, whatever the report's verb says
    ("relative-dates-noun", "El Ejército turco confirmó hoy la muerte de dieciséis soldados en el ataque que la "
     "guerrilla kurda del PKK lanzó ayer contra un convoy militar cerca de Dağlıca, en la provincia de Hakkari.",
     D(2015, 9, 7), "Armed clash", "Turkey", None, "Dağlıca",
     (D(2015, 9, 6), D(2015, 9, 6))),
    # ... but a report's object is not the event it happened in: "hoy" dates the report, "el pasado lunes" the assault
    ("report-of-deaths-in-an-event", "JARTUM, 27 ago (EFE).- La misión conjunta de la ONU y la Unión Africana en "
     "Darfur (UNAMID) confirmó hoy la muerte de al menos 31 desplazados, entre ellos siete niños y diez mujeres, en el "
     "asalto de las fuerzas de seguridad sudanesas al campo de Kalma, en Darfur del Sur, el pasado lunes.",
     D(2008, 8, 27), "Armed clash", "Sudan", None, "Kalma", (D(2008, 8, 25), D(2008, 8, 25))),
    # the day a toll rose is the update's; a year inside "desde" dates that span's start: the days before the report
    ("toll-update", "KABUL, 28 ene (EFE).- El número de muertos por la explosión de una ambulancia cargada de "
     "explosivos en el centro de Kabul ascendió hoy a 103, y el de heridos a 235, informó el Ministerio del Interior "
     "afgano, en uno de los atentados más sangrientos sufridos por la capital desde la caída del régimen talibán en "
     "2001.", D(2018, 1, 28), "Remote explosive/landmine/IED", None, None, "Kabul", (D(2018, 1, 21), D(2018, 1, 28))),
    # ... but a day told before the toll's verb is the event's
    ("toll-update-after-its-day", "KIEV, 16 ene (EFE).- El número de muertos por el impacto de un misil ruso contra "
     "un edificio de viviendas en la ciudad ucraniana de Dnipró el pasado sábado se elevó este lunes a 40.",
     D(2023, 1, 16), "Shelling/artillery/missile attack", None, None, "Dnipro", (D(2023, 1, 14), D(2023, 1, 14))),
    # an undated lead takes the date of the next paragraph's sentence that only tells when it happened ("Los hechos
    # ocurrieron el pasado martes"); a month after "desde el golpe de Estado de" is the one gone, and no event's date
    ("told-next-paragraph", "BANGKOK, 9 dic (EFE).- Soldados del Ejército birmano mataron a once personas en una aldea "
     "de la región de Sagaing, según denunciaron hoy testigos, en una de las peores atrocidades desde el golpe de Estado "
     "de febrero.\n\nLos hechos ocurrieron el pasado martes en la aldea de Done Taw.", D(2021, 12, 9), "Attack",
     "Myanmar", "Civilians", "Sagaing Region", (D(2021, 12, 7), D(2021, 12, 7))),
    # ... and so does a lead dated only by its report ("informaron este miércoles las autoridades")
    ("told-next-after-report", "GUADALAJARA (México), 12 jul (EFE).- Seis personas, cuatro de ellas policías, murieron "
     "y otras catorce resultaron heridas en un ataque con explosivos contra agentes de la Fiscalía de Jalisco y de la "
     "Policía municipal de Tlajomulco de Zúñiga, en el occidente de México, informaron este miércoles las autoridades."
     "\n\nLos hechos ocurrieron la noche del martes en la colonia Larios, en las afueras de la cabecera municipal de "
     "Tlajomulco.", D(2023, 7, 12), "Armed clash", None, "Police Forces of Mexico", "Larios",
     (D(2023, 7, 11), D(2023, 7, 11))),
    # plural armed groups are an unidentified armed group; a police station stands for the police
    ("armed-groups", "El 27 de julio de 2009, grupos armados asaltaron comisarías e iglesias en Wudil.", None,
     "Armed clash", "Unidentified Armed Group", None, "Wudil", (D(2009, 7, 27), D(2009, 7, 27))),
    ("nominal-by-agent", "La toma de Mosul por el Estado Islámico en junio de 2014 sorprendió al mundo.", None,
     "Non-state actor overtakes territory", "Islamic State", None, "Mosul", (D(2014, 6, 1), D(2014, 6, 30))),
    # ground taken from someone named with "a": the ground is the object, the loser no person taken
    ("taken-from-someone", "Las tropas iraquíes habían arrebatado al EI la ciudad fronteriza de Al Qaim "
     "el 3 de noviembre de 2017.", None, "Government regains territory", "Iraq", "Islamic State", "Al Qā’im",
     (D(2017, 11, 3), D(2017, 11, 3))),
    # a crowd gathered, and people blocking the roads: protests
    ("crowd-gathered", "El 11 de enero de 2015, decenas de miles de personas se concentraron en la plaza de la "
     "República de París.", None, "Peaceful protest", None, None, "Paris", (D(2015, 1, 11), D(2015, 1, 11))),
    ("roads-blocked", "El 5 de junio de 2019, miles de jóvenes bloquearon las calles con piedras y neumáticos en "
     "Omdurmán.", None, "Peaceful protest", None, None, "Omdurman", (D(2019, 6, 5), D(2019, 6, 5))),
    # the participle's target that the model calls its object: civilians, so an attack
    ("participle-target-as-object", "El Estado Islámico reivindicó hoy el ataque perpetrado ayer contra un grupo de "
     "cristianos coptos en Minia, en el que murieron 28 personas.", D(2017, 5, 27), "Attack", "Islamic State",
     "Civilians", "Al Minyā", (D(2017, 5, 26), D(2017, 5, 26))),
    # --- other conflicts ------------------------------------------------------------------------
    ("colombia-farc", "El 12 de marzo de 2024, disidentes de las FARC atacaron una base militar en Argelia y mataron a "
     "tres soldados.", None, "Armed clash", "FARC", None, "Argelia", (D(2024, 3, 12), D(2024, 3, 12))),
    ("colombia-eln", "El ELN secuestró el 3 de mayo de 2023 a dos policías en Tibú.", None,
     "Abduction/forced disappearance", "ELN", None, "Tibú", (D(2023, 5, 3), D(2023, 5, 3))),
    ("colombia-arrest", "La policía colombiana detuvo a dos miembros del Clan del Golfo en Medellín el 4 de abril de 2024.",
     None, "Arrests", "Police Forces of Colombia", "Clan del Golfo", "Medellín", (D(2024, 4, 4), D(2024, 4, 4))),
    ("colombia-agreement", "El Gobierno colombiano y el ELN firmaron un acuerdo de alto el fuego en La Habana el 9 de "
     "junio de 2023.", None, "Agreement", "Colombia", None, "Havana", (D(2023, 6, 9), D(2023, 6, 9))),
    ("colombia-protest", "Miles de manifestantes protestaron en Bogotá el 21 de abril de 2024.", None,
     "Peaceful protest", "Protesters", None, "Bogotá", (D(2024, 4, 21), D(2024, 4, 21))),
    ("mexico-attack", "Hombres armados asesinaron a 12 civiles en Culiacán el 9 de septiembre de 2024.", None,
     "Attack", "Unidentified Armed Group", "Civilians (Mexico)", "Culiacán", (D(2024, 9, 9), D(2024, 9, 9))),
    # "matar" needs a civilian victim: a person the model names is one (not "mataron a tres guerrilleros")
    ("colombia-named-victim", "Cuatro sicarios mataron a Juan Gómez en Puerto Boyacá el 20 de julio de 1991.", None,
     "Attack", "Unidentified Armed Group", None, "Puerto Boyacá", (D(1991, 7, 20), D(1991, 7, 20))),
    # ... as is a singular object clitic after a person named earlier in the sentence
    ("colombia-clitic-victim", "Henry Pérez murió el 20 de julio de 1991: cuatro sicarios lo mataron a tiros durante "
     "una procesión religiosa en Puerto Boyacá.", None, "Attack", "Unidentified Armed Group", None, "Puerto Boyacá",
     (D(1991, 7, 20), D(1991, 7, 20))),
    ("colombia-torture", "Los paramilitares torturaron a cinco campesinos en Cúcuta el 3 de mayo de 2010.", None,
     "Attack", None, "Civilians (Colombia)", "Cúcuta", (D(2010, 5, 3), D(2010, 5, 3))),
    # gangs are an armed party ("las bandas", "las pandillas")
    ("haiti-gangs", "El 2 de marzo de 2024 las bandas asaltaron la Penitenciaría Nacional, en Puerto Príncipe.", None,
     "Armed clash", "Unidentified Armed Group", None, "Port-au-Prince", (D(2024, 3, 2), D(2024, 3, 2))),
    # an event its own relative clause tells in the preterite happened, whatever is asked about it
    ("syria-asked-about", "El 6 de mayo de 2016 la ONU pidió una investigación sobre el bombardeo aéreo que la "
     "tarde del jueves alcanzó un campamento de desplazados en Sarmada.", None, "Air/drone strike", None, None, "Sarmada",
     (D(2016, 5, 5), D(2016, 5, 5))),
    ("mexico-clash", "Elementos de la Guardia Nacional mexicana se enfrentaron con sicarios del Cártel de Sinaloa en "
     "Culiacán el 15 de septiembre de 2024.", None, "Armed clash", "Mexico", "Sinaloa", "Culiacán",
     (D(2024, 9, 15), D(2024, 9, 15))),
    ("sahel-recapture", "Las tropas malienses y los mercenarios de Wagner recuperaron el control de Ménaka el 5 de abril "
     "de 2024, tras expulsar a los yihadistas del Estado Islámico en el Gran Sahara.", None,
     "Government regains territory", "Mali", "Islamic State (Sahel)", "Ménaka", (D(2024, 4, 5), D(2024, 4, 5))),
    ("sahel-ied", "Un artefacto explosivo improvisado mató a cuatro soldados en Ménaka el 5 de enero de 2024.", None,
     "Remote explosive/landmine/IED", None, None, "Ménaka", (D(2024, 1, 5), D(2024, 1, 5))),
    ("nigeria-abduction", "Boko Haram secuestró a 20 mujeres cerca de Maiduguri el 2 de junio de 2023.", None,
     "Abduction/forced disappearance", "Boko Haram", "Civilians (Nigeria)", "Maiduguri", (D(2023, 6, 2), D(2023, 6, 2))),
    # (a gas cylinder that went off is a bomb)
    ("gas-cylinder", "El 3 de diciembre de 1996 una bombona estalló en un vagón del metro en París y mató a cuatro "
     "personas.", None, "Remote explosive/landmine/IED", None, None, "Paris", (D(1996, 12, 3), D(1996, 12, 3))),
    # (armed men who "se llevaron a" people took them: an abduction)
    ("taken-away", "El 3 de mayo de 2010 hombres armados se llevaron a tres trabajadores de una mina en Segovia, en el "
     "departamento de Antioquia.", None, "Abduction/forced disappearance", None, None, "Segovia",
     (D(2010, 5, 3), D(2010, 5, 3))),
    ("sudan-shelling", "Las Fuerzas de Apoyo Rápido bombardearon con artillería El Fasher el 10 de junio de 2024.", None,
     "Shelling/artillery/missile attack", "RSF", None, "El Fasher", (D(2024, 6, 10), D(2024, 6, 10))),
    # a car bomb is a remote explosive (ACLED) unless a suicide attacker is told
    ("somalia-car-bomb", "Un coche bomba explotó el 3 de octubre de 2022 en Mogadiscio y murieron 75 personas.", None,
     "Remote explosive/landmine/IED", None, None, "Mogadishu", (D(2022, 10, 3), D(2022, 10, 3))),
    ("somalia-suicide", "Un coche bomba suicida explotó el 3 de octubre de 2022 en Mogadiscio y murieron 75 personas.",
     None, "Suicide bomb", None, None, "Mogadishu", (D(2022, 10, 3), D(2022, 10, 3))),
    # the dead police under a dateline the parser takes for the subject are the target; the relative clause
    # blames the attack on its author
    ("dateline-victims-and-blame", "LIMA, 12 feb (EFE).- Siete policías murieron este sábado en un ataque que las "
     "autoridades atribuyen a los remanentes de Sendero Luminoso en Pichari.", D(2023, 2, 12), "Armed clash",
     "Shining Path", "Police Forces of Peru", "Pichari", (D(2023, 2, 11), D(2023, 2, 11))),
    ("syria-air", "La aviación rusa bombardeó Alepo el 2 de diciembre de 2016.", None,
     "Air/drone strike", "Russia", None, "Aleppo", (D(2016, 12, 2), D(2016, 12, 2))),
    ("ukraine-weapon-gentilicio", "Un ataque con misiles rusos contra Járkov mató a tres civiles el 16 de febrero de 2024.",
     None, "Shelling/artillery/missile attack", "Russia", None, "Kharkiv", (D(2024, 2, 16), D(2024, 2, 16))),
    ("ukraine-allied-told-twice", "Las tropas rusas tomaron Bajmut en mayo de 2023. El 20 de mayo de 2023 el Grupo "
     "Wagner anunció la toma completa de Bajmut.", None, "Non-state actor overtakes territory", "Russia", "Wagner", "Bakhmut",
     (D(2023, 5, 20), D(2023, 5, 20))),
    # blame with a bare verb the parser leaves without objects: "culpó del ataque al grupo X"
    ("blamed-group", "MOGADISCIO, 30 oct (EFE).- Al menos 100 personas murieron ayer en un doble atentado con coche "
     "bomba en Mogadiscio. Tras visitar el lugar, el presidente culpó del ataque al grupo yihadista Al Shabab.",
     D(2022, 10, 30), "Remote explosive/landmine/IED", "Al Shabaab", "Civilians (Somalia)", "Mogadishu",
     (D(2022, 10, 29), D(2022, 10, 29))),
    # a country as the subject of "hacerse con el control"; the dateline in capitals is not the subject
    ("country-takes-control", "KIEV, 18 feb (EFE).- Rusia se hizo el sábado con el control total de Avdíivka, una "
     "ciudad de la región de Donetsk.", D(2024, 2, 18), "Non-state actor overtakes territory", "Russia", None,
     "Avdiivka", (D(2024, 2, 17), D(2024, 2, 17))),
    # a noun the model reads as an adjective after its article; "Al día siguiente de la emboscada" is no new event
    ("misparsed-noun-and-time-anchor", "UAGADUGÚ, 5 oct (EFE).- Al menos 37 personas murieron en la emboscada "
     "yihadista contra un convoy que se dirigía a la ciudad de Djibo el pasado 26 de septiembre. Al día siguiente de "
     "la emboscada, el Gobierno había cifrado el balance en 11 soldados muertos.", D(2022, 10, 5), "Armed clash", None,
     None, "Djibo", (D(2022, 9, 26), D(2022, 9, 26))),
    # a claim dated after the event is a later claim of it, not a second event
    ("claimed-later", "UAGADUGÚ, 5 oct (EFE).- Al menos 37 personas murieron en una emboscada contra un convoy cerca "
     "de Djibo el pasado 26 de septiembre. El JNIM reivindicó el martes el ataque en un comunicado.", D(2022, 10, 5),
     "Attack", "JNIM", None, "Djibo", (D(2022, 9, 26), D(2022, 9, 26))),
    # "el golpe de Estado del 30 de septiembre" dates the coup, not the massacre told again
    ("date-of-another-noun", "En agosto de 2022 yihadistas mataron a 37 civiles en Djibo. La matanza de Djibo "
     "precipitó el golpe de Estado del 30 de septiembre.", None, "Attack", None, "Civilians", "Djibo",
     (D(2022, 8, 1), D(2022, 8, 31))),
    # an event told as a time anchor ("después de que … proclamara la liberación de Mosul") or as the
    # frame of a pluperfect ("había quedado aislada durante la batalla de Mosul") is no event; "la
    # ciudad" with no place of its own is the town the text has named most
    ("anchors-background-and-the-city", "La ofensiva de Tal Afar fue lanzada el 20 de agosto de 2017 por las fuerzas "
     "iraquíes contra el Estado Islámico en la ciudad de Tal Afar, poco más de un mes después de que el Gobierno "
     "proclamara la liberación de Mosul. Tal Afar había quedado aislada durante la batalla de Mosul.\n\nEl mismo "
     "día, unidades del Ejército iraquí avanzaron sobre la ciudad desde el sur.", None, "Armed clash", "Iraq", None,
     "Tal Afar", (D(2017, 8, 20), D(2017, 8, 20))),
    # an air force attacking is an air strike; "el sur del Líbano" is the south of the country, not its centre
    ("air-force-in-the-south", "El 23 de septiembre de 2024 la aviación israelí atacó cientos de objetivos de "
     "Hizbulá en el sur del Líbano.", None, "Air/drone strike", "Israel", "Hezbollah", "Lebanon (S)",
     (D(2024, 9, 23), D(2024, 9, 23))),
    # a section title names what follows, it is no event of its own (nor an unplaced copy of it)
    ("title-line", "Explosiones de buscapersonas\n\nEl 17 de septiembre de 2024 miles de buscapersonas de miembros "
     "de Hizbulá estallaron en Beirut. Las explosiones mataron a 12 personas.", None,
     "Remote explosive/landmine/IED", None, None, "Beirut", (D(2024, 9, 17), D(2024, 9, 17))),
    # "un día después del ataque de Hamás": an event a span is counted from is no event here
    ("counted-from-an-event", "Israel y Hizbulá intercambiaban fuego desde el 8 de octubre de 2023, un día después "
     "del ataque de Hamás contra Israel. El 20 de septiembre de 2024 un ataque aéreo israelí en Beirut mató a "
     "Ibrahim Aqil.", None, "Air/drone strike", "Israel", None, "Beirut", (D(2024, 9, 20), D(2024, 9, 20))),
    ("dateline-is-not-the-event", "BAMAKO, 30 de julio (EFE).- Las tropas malienses recuperaron Kidal el 14 de noviembre "
     "de 2023.", None, "Government regains territory", "Mali", None, "Kidal", (D(2023, 11, 14), D(2023, 11, 14))),
    ("attack-over-clash", "En Djibo, yihadistas atacaron la localidad el 24 de agosto de 2024 y mataron a cientos de "
     "civiles.", None, "Attack", None, "Civilians (Burkina Faso)", "Djibo", (D(2024, 8, 24), D(2024, 8, 24))),
    ("between-x-and-y", "Los enfrentamientos entre el ELN y las disidencias de las FARC en Tibú dejaron 80 muertos el 16 "
     "de enero de 2025.", None, "Armed clash", "ELN", "FARC-EP Dissidents", "Tibú", (D(2025, 1, 16), D(2025, 1, 16))),
    ("reflexive-protest", "Miles de personas se manifestaron en Bogotá el 21 de abril de 2024.", None,
     "Peaceful protest", None, None, "Bogotá", (D(2024, 4, 21), D(2024, 4, 21))),
    ("iraq-destruction", "Los yihadistas del Estado Islámico volaron la mezquita de Al Nuri en Mosul el 21 de junio de 2017.",
     None, "Looting/property destruction", "Islamic State", None, "Mosul", (D(2017, 6, 21), D(2017, 6, 21))),
    # --- a duration told as a step from the narrative dates its clause ------------------------------
    ("a-day-before", "El 16 de octubre de 2017 el ejército filipino anunció la muerte de Hapilon. Un día antes, las "
     "tropas filipinas tomaron el puente de Marawi.", None, "Government regains territory", "Philippines", None,
     "Marawi City", (D(2017, 10, 15), D(2017, 10, 15))),
    ("a-day-before-the-news", "El presidente filipino declaró este martes la liberación de Marawi. Un día antes, el "
     "Ejército filipino mató en combate a Isnilon Hapilon en Marawi.", D(2017, 10, 17), "Armed clash", "Philippines",
     None, "Marawi City", (D(2017, 10, 16), D(2017, 10, 16))),
    ("two-days-after", "El 3 de mayo de 2016 la aviación rusa bombardeó Alepo. Dos días después, los rebeldes atacaron "
     "la ciudad de Hama.", None, "Armed clash", None, None, "Hama", (D(2016, 5, 5), D(2016, 5, 5))),
    ("a-week-later", "El 16 de octubre de 2017 la aviación filipina bombardeó Marawi. Una semana más tarde, los "
     "yihadistas atacaron una base militar en Marawi.", None, "Armed clash", None, None, "Marawi City",
     (D(2017, 10, 23), D(2017, 10, 23))),
    ("three-months-after", "El 16 de octubre de 2017 la aviación filipina bombardeó Marawi. Tres meses después, los "
     "yihadistas atacaron una base militar en Marawi.", None, "Armed clash", None, None, "Marawi City",
     (D(2018, 1, 1), D(2018, 1, 31))),
    ("undated-after-a-shift", "El 3 de mayo de 2016 la aviación rusa bombardeó Alepo. Dos días después, los rebeldes "
     "entraron en Hama. Los rebeldes secuestraron a diez civiles en Hama.", None, "Abduction/forced disappearance",
     None, "Civilians", "Hama", (D(2016, 5, 5), D(2016, 5, 5))),
    ("day-after-a-shift", "El 3 de mayo de 2016 la aviación rusa bombardeó Alepo. Dos días después, los rebeldes "
     "entraron en Hama. Al día siguiente los rebeldes secuestraron a diez civiles en Hama.", None,
     "Abduction/forced disappearance", None, "Civilians", "Hama", (D(2016, 5, 6), D(2016, 5, 6))),
    # --- a duration counted from another event dates its clause from that event's date ------------
    ("days-before-an-event-told-earlier", "El 5 de marzo de 2019 hubo elecciones en Malí. Tres días antes de las "
     "elecciones, los rebeldes del MNLA atacaron un puesto militar en Kidal.", None, "Armed clash", None, None, "Kidal",
     (D(2019, 3, 2), D(2019, 3, 2))),
    ("days-before-an-event-told-later", "El 1 de marzo de 2019 el presidente visitó Gao. Tres días antes de las elecciones, "
     "los rebeldes del MNLA atacaron un puesto militar en Kidal. Las elecciones se celebraron el 10 de marzo.", None,
     "Armed clash", None, None, "Kidal", (D(2019, 3, 7), D(2019, 3, 7))),
    ("days-before-a-dated-event", "El 1 de marzo de 2019 el presidente visitó Gao. Los rebeldes del MNLA atacaron Kidal tres "
     "días antes de las elecciones del 25 de marzo.", None, "Armed clash", None, None, "Kidal",
     (D(2019, 3, 22), D(2019, 3, 22))),
    ("a-vague-count-before-a-dated-event", "El 5 de marzo de 2019 hubo elecciones en Malí. Pocos días antes de las "
     "elecciones, los rebeldes del MNLA atacaron un puesto militar en Kidal.", None, "Armed clash", None, None, "Kidal",
     (D(2019, 2, 26), D(2019, 3, 5))),
    # an event noun's adjective names its force; the participle's "contra" names the target
    ("police-operation", "La operación policial lanzada el 28 de octubre de 2025 contra la organización criminal "
     "Comando Vermelho en Río de Janeiro dejó al menos 119 muertos.", None, "Armed clash", "Police", "Comando Vermelho",
     "Rio de Janeiro", (D(2025, 10, 28), D(2025, 10, 28))),
    # a generic "ataque" beside a specific event of its sentence is that event (one row, the specific type)
    ("generic-word-joins-specific", "Un avión de combate bombardeó el 8 de abril de 2019 el aeropuerto de Trípoli, en un "
     "ataque atribuido al Ejército Nacional Libio.", None, "Air/drone strike", None, None, "Tripoli",
     (D(2019, 4, 8), D(2019, 4, 8))),
    # the dead under a dateline the parser takes for the subject, with an aside, are the target
    ("victims-with-aside", "NAIROBI, 3 abr (EFE).- Al menos 147 personas, en su mayoría estudiantes, murieron ayer en el "
     "asalto de Al Shabab contra el Colegio Universitario de Garissa.", D(2015, 4, 3), "Attack", "Shabaab", "Civilians",
     "Garissa", (D(2015, 4, 2), D(2015, 4, 2))),
    # an object pronoun after a place named earlier in the sentence stands for it
    ("clitic-place", "En 2016, la ciudad siria de Palmira cambió de manos: el Ejército sirio, con apoyo aéreo ruso, la "
     "reconquistó a finales de marzo.", None, "Government regains territory", "Syria", None, "Palmyra",
     (D(2016, 3, 21), D(2016, 3, 31))),
    # "volvió a entrar en la ciudad": the story's town, not the place another clause names
    ("the-town", "El EI tomó Palmira en mayo de 2015. El Ejército recuperó Palmira el 27 de marzo de 2016. El EI volvió a "
     "entrar en la ciudad el 11 de diciembre de 2016, según un comunicado difundido en Damasco.", None,
     "Armed clash", "Islamic State", None, "Palmyra", (D(2016, 12, 11), D(2016, 12, 11))),
    # people an armed group captures are abducted (ACLED's arrests are by state forces)
    ("captured-by-armed-group", "El 23 de febrero de 2015, el Estado Islámico capturó a 90 cristianos asirios en "
     "varias aldeas de Hasaka.", None, "Abduction/forced disappearance", "Islamic State", None, "Al-Hasakah",
     (D(2015, 2, 23), D(2015, 2, 23))),
    # an entry no one resisted is a transfer of territory
    ("unopposed-entry", "El 5 de agosto de 2021, cientos de combatientes del TPLF entraron en Lalibela sin encontrar "
     "resistencia.", None, "Non-violent transfer of territory", "TPLF", None, "Lalībela", (D(2021, 8, 5), D(2021, 8, 5))),
    # a protest fired on is its protesters: state forces firing on it use excessive force
    ("fired-on-a-protest", "El 4 de octubre de 2012, soldados del Ejército de Guatemala abrieron fuego contra una "
     "manifestación de indígenas que bloqueaba la carretera en Totonicapán.", None, "Excessive force against protesters",
     "Guatemala", "Protesters", "Totonicapán", (D(2012, 10, 4), D(2012, 10, 4))),
    # ... and so is a crowd fired on in a sentence that tells a protest
    ("fired-on-a-protest-crowd", "El 13 de marzo de 1995, miles de vecinos se sumaron a la marcha en Estambul y la "
     "policía abrió fuego contra la multitud.", None, "Excessive force against protesters", "Turkey", "Protesters",
     "Istanbul", (D(1995, 3, 13), D(1995, 3, 13))),
    # "Ocho meses después de la matanza de Dobrinja, el 5 de febrero de 1994": the day apposed after the count is
    # the day counted to, not the other event's
    ("counted-to-apposed-day", "Ocho meses después de la matanza de Dobrinja, el 5 de febrero de 1994, un proyectil de "
     "mortero cayó en el mercado de Markale, en el centro de Sarajevo.", None, "Shelling/artillery/missile attack",
     None, None, "Sarajevo", (D(1994, 2, 5), D(1994, 2, 5))),
    # ... and so is a day apposed after a colon and its article ("menos de dos años antes: el 2 de julio de 1993")
    ("counted-back-colon-day", "El 14 de marzo de 1995 el Ejército tomó el control de Gazi. Los sucesos reavivaron el "
     "recuerdo de la matanza de Sivas, menos de dos años antes: el 2 de julio de 1993, una multitud islamista incendió "
     "el hotel Madımak en Sivas y mató a 35 personas.", None, "Attack", None, None, "Sivas",
     (D(1993, 7, 2), D(1993, 7, 2))),
    # a party's spokesman is a civilian victim ("la organización" names no armed group: the victim makes it an attack)
    ("party-spokesman", "El 23 de enero de 1995, la organización separatista mató al portavoz del PP vasco en un bar "
     "de San Sebastián, en Guipúzcoa.", None, "Attack", None, None, "Donostia / San Sebastián", (D(1995, 1, 23), D(1995, 1, 23))),
    # strangling is an attack
    ("strangled", "El 28 de abril de 2012, unos desconocidos estrangularon a la periodista Regina Martínez en su casa "
     "de Xalapa.", None, "Attack", None, None, "Xalapa de Enríquez", (D(2012, 4, 28), D(2012, 4, 28))),
    # the lead's town is the last its first sentence with one names, not a town a later sentence of it tells
    ("lead-first-sentence-town", "Asesinato de Hariri\n\nEl asesinato de Hariri fue el atentado que el 14 de febrero "
     "de 2005 causó 22 muertos en el paseo marítimo de Beirut. Un diputado murió a mediados de abril en un hospital "
     "cercano a París.\n\nLas protestas en la plaza de los Mártires forzaron el 28 de febrero la dimisión del primer "
     "ministro.", None,
     "Peaceful protest", None, None, "Beirut", (D(2005, 2, 28), D(2005, 2, 28))),
    # armed men bursting into a home, with no armed party against them, attack the civilians in it
    ("home-entered", "El 22 de diciembre de 2009, un comando armado irrumpió en la casa de la familia en Cuernavaca.",
     None, "Attack", None, None, "Cuernavaca", (D(2009, 12, 22), D(2009, 12, 22))),
    # a foreign capital after a noun of attacks is the government behind them, not where they fell
    ("capital-behind-attacks", "El 7 de septiembre de 2014, aviones de Estados Unidos bombardearon a los yihadistas en "
     "los alrededores de la presa de Haditha, en la provincia iraquí de Al Anbar, en los primeros ataques de Washington "
     "en la zona.", None, "Air/drone strike", None, None, "Ḩadīthah", (D(2014, 9, 7), D(2014, 9, 7))),
    # a grenade thrown is a grenade attack
    ("grenade-thrown", "El 3 de marzo de 2019, desconocidos lanzaron una granada contra una comisaría de Bagdad.", None,
     "Grenade", None, None, "Baghdad", (D(2019, 3, 3), D(2019, 3, 3))),
    # "volvió a tomar la ciudad": the object the parser hangs on "volvió" is the taking's
    ("took-again", "El Ejército recuperó Baiji el 14 de noviembre de 2014. El 21 de diciembre de 2014, el Estado "
     "Islámico volvió a tomar la ciudad de Baiji.", None, "Non-state actor overtakes territory", "Islamic State", None,
     "Bayjī", (D(2014, 12, 21), D(2014, 12, 21))),
    # "expulsado a los yihadistas de la refinería": the expelled are people, the ground is taken back
    ("expelled", "El 16 de octubre de 2015, las tropas iraquíes expulsaron a los yihadistas del Estado Islámico de la "
     "localidad de Siniya.", None, "Government regains territory", "Iraq", "Islamic State", "As Siniyah",
     (D(2015, 10, 16), D(2015, 10, 16))),
    # the weapon shot types the event ("dispararon 38 misiles" is no clash); a strike that "reaches" a
    # place takes no ground; "hubo impactos en X" in a report of missiles is a strike there
    ("shot-weapon", "El 8 de julio de 2024 las tropas rusas dispararon 38 misiles contra Kiev.", None,
     "Shelling/artillery/missile attack", "Russia", None, "Kiev", (D(2024, 7, 8), D(2024, 7, 8))),
    ("impacts", "Las tropas rusas atacaron Kiev el 8 de julio de 2024. También hubo impactos en Kramatorsk.", None, "Shelling/artillery/missile attack", None, None, "Kramatorsk", (D(2024, 7, 8), D(2024, 7, 8))),
    # a weapon under an event noun is an event ("el impacto de un misil"); where it was fired from is not
    # where it struck; a date inside a "desde que" clause dates that clause, not the event
    ("weapon-under-event-noun", "El número de muertos por el impacto de un misil ruso contra un edificio de la ciudad "
     "ucraniana de Dnipró el pasado sábado se elevó este lunes a 40.", D(2023, 1, 16),
     "Shelling/artillery/missile attack", None, None, "Dnipro", (D(2023, 1, 14), D(2023, 1, 14))),
    ("launched-from", "El edificio de Dnipró fue alcanzado el 14 de enero de 2023 por un misil lanzado desde un "
     "bombardero sobre la región rusa de Kursk.", None, "Shelling/artillery/missile attack", None, None, "Dnipro",
     (D(2023, 1, 14), D(2023, 1, 14))),
    ("hours-before-with-its-day", "Las tropas rusas combatieron en Bajmut la tarde del sábado. Kremenchuk sufrió un "
     "apagón en junio pasado. Horas antes, la mañana del sábado, misiles rusos habían alcanzado infraestructuras en "
     "Járkov.", D(2023, 1, 16), "Shelling/artillery/missile attack", None, None, "Kharkiv",
     (D(2023, 1, 14), D(2023, 1, 14))),
    ("since-clause-date", "Quince policías murieron el lunes en una emboscada en San Sebastián del Oeste, el ataque más "
     "letal desde que Enrique Peña Nieto llegó a la Presidencia, en diciembre de 2012.", D(2015, 4, 7),
     "Armed clash", None, None, "San Sebastián del Oeste", (D(2015, 4, 6), D(2015, 4, 6))),
    # the two ends of a trip are not where it was attacked; a participle that only locates a thing is
    # no clause of its own; a place of a coordinated verb yields to the trigger's own
    ("trip-ends", "Los agentes regresaban el 6 de abril de 2015 en un convoy de Puerto Vallarta a Guadalajara cuando, "
     "en el municipio de San Sebastián del Oeste, los atacantes abrieron fuego.", None, "Armed clash", None, None,
     "San Sebastián del Oeste", (D(2015, 4, 6), D(2015, 4, 6))),
    # prisoners are civilians (ACLED)
    ("located-participle", "El 20 de junio de 2023 pandilleras del Barrio 18 mataron a 46 reclusas en la cárcel de "
     "mujeres de Honduras, situada en Támara.", None, "Attack", None, None, "Támara", (D(2023, 6, 20), D(2023, 6, 20))),
    ("coordinated-verb-place", "La Guardia Revolucionaria aseguró el 16 de enero de 2024 que destruyó un cuartel del "
     "Mosad en Erbil y que atacó con misiles en la provincia siria de Idlib posiciones del Estado Islámico.", None,
     "Shelling/artillery/missile attack", None, None, "Idlib", (D(2024, 1, 9), D(2024, 1, 16))),
    # a body found killed is an attack
    ("found-killed", "El director de la policía de Zacoalco de Torres fue hallado asesinado el 7 de abril de 2015.", None,
     "Attack", None, None, "Zacoalco de Torres", (D(2015, 4, 7), D(2015, 4, 7))),
    # a verb with its subject left unsaid takes the actor in focus as its party
    ("unsaid-subject", "Las Fuerzas Democráticas Sirias capturaron la aldea de Abu Qilqil en junio de 2016. A finales "
     "de julio irrumpieron en los barrios occidentales de Manbij.", None, "Armed clash", "Syrian Democratic Forces",
     None, "Manbij",
     (D(2016, 7, 21), D(2016, 7, 31))),
    # an attack repelled took place ("rechazó un ataque", not "rechazó la propuesta"); "hacerse con" takes ground
    ("repelled", "El Ejército centroafricano rechazó el 13 de enero de 2021 un ataque de la coalición rebelde CPC contra "
     "Bangui.", None, "Armed clash", "Coalition of Patriots for Change", None, "Bangui", (D(2021, 1, 13), D(2021, 1, 13))),
    ("seize", "A principios de agosto de 2016, las FDS se hicieron con el centro de Manbij.", None,
     "Non-state actor overtakes territory", "SDF", None, "Manbij", (D(2016, 8, 1), D(2016, 8, 10))),
    # in a report of riots, fire set and clashes with no armed party are the riot
    ("riot-arson", "El martes 25 de junio de 2024, en Nairobi, los alborotadores incendiaron el ayuntamiento.", None,
     "Violent demonstration", None, None, "Nairobi", (D(2024, 6, 25), D(2024, 6, 25))),
    # aircraft with a demonym are that country's military
    ("bombers-demonym", "El 18 de enero de 2017, dos bombarderos estadounidenses atacaron dos campamentos del Estado "
     "Islámico cerca de Sirte.", None, "Air/drone strike", "United States", None, "Sirte",
     (D(2017, 1, 18), D(2017, 1, 18))),
    # one strike told as "bombardeo" and by its weapon is one row of the weapon's type
    ("generic-word-and-weapon", "MOSCÚ, 29 jul (EFE).- Al menos 40 prisioneros murieron en el bombardeo de un centro de "
     "detención en Olénivka, en la región de Donetsk, informó este viernes el Ministerio de Defensa de Rusia. El barracón "
     "fue alcanzado por cohetes HIMARS.", D(2022, 7, 29), "Shelling/artillery/missile attack", None, None, "Olenivka",
     (D(2022, 7, 29), D(2022, 7, 29))),
    ("own-date-over-a-relative-one", "El 1 de marzo de 2019 el presidente visitó Gao. El 3 de marzo, dos días antes de las "
     "elecciones, los rebeldes del MNLA atacaron un puesto militar en Kidal.", None, "Armed clash", None, None, "Kidal",
     (D(2019, 3, 3), D(2019, 3, 3))),
    # state forces whose country the text has not named yet ("el presidente") regain ground at home, not abroad
    ("bare-state-regains", "El 6 de febrero de 2000, el presidente en funciones anunció la liberación de Grozni, "
     "después de que las tropas izaran la bandera en el centro.", None, "Government regains territory", None, None, "Grozny",
     (D(2000, 2, 6), D(2000, 2, 6))),
    # a street of the town the story is at is not elsewhere: the event stays in that town
    ("street-of-the-story-town", "El 1 de marzo de 2021 la policía detuvo a diez sospechosos en Bagdad. El 3 de marzo "
     "un coche bomba estalló en la calle Al Rashid.", None, "Remote explosive/landmine/IED", None, None, "Baghdad",
     (D(2021, 3, 3), D(2021, 3, 3))),
    # a participle the model reads as an adjective ("tiroteadas") still tells the shooting; tourists are civilians
    ("shot-participle", "NUEVA DELHI, 23 abr (EFE).- Al menos 26 personas, en su mayoría turistas, murieron ayer "
     "tiroteadas por un grupo de hombres armados cerca de Pahalgam, en Cachemira.", D(2025, 4, 23), "Attack", None,
     "Civilians", "Pahalgam", (D(2025, 4, 22), D(2025, 4, 22))),
    # forces killing fighters (the model's lemma of "abatieron" is broken)
    ("kill-fighters", "En el sector de Uri, en la India, los militares abatieron hoy a dos insurgentes que intentaban "
     "cruzar la Línea de Control.", D(2025, 4, 23), "Armed clash", "India", None, "Uri",
     (D(2025, 4, 23), D(2025, 4, 23))),
    # cluster bombs are shelling (or an air strike), not an explosive device
    ("cluster-bombs", "El 12 de agosto de 2008, bombas de racimo cayeron sobre la plaza central de Gori y mataron a "
     "varios civiles.", None, "Shelling/artillery/missile attack", None, None, "Gori", (D(2008, 8, 12), D(2008, 8, 12))),
    # "se hicieron estallar": suicide bombers
    ("blew-themselves-up", "En noviembre de 2021, dos suicidas del grupo yihadista Estado Islámico se hicieron estallar "
     "en el centro de Kampala.", None, "Suicide bomb", "Islamic State", None, "Kampala",
     (D(2021, 11, 1), D(2021, 11, 30))),
    # a province before a country's compass part is where the event was
    ("province-over-compass", "COTONÚ, 24 abr (EFE).- Al menos 54 soldados murieron en un ataque yihadista el pasado "
     "jueves contra dos posiciones del Ejército en el departamento de Alibori, en el norte de Benín.", D(2025, 4, 24),
     "Armed clash", None, None, "Alibori", (D(2025, 4, 17), D(2025, 4, 17))),
    # "murieron en el ataque": people dying in it make a generic "ataque" an event; a village no gazetteer
    # holds is placed in the province its apposition names
    ("died-in-the-attack", "UAGADUGÚ, 6 jun (EFE).- Al menos 160 personas murieron en el ataque perpetrado la noche "
     "del viernes al sábado por hombres armados contra Solhan, una localidad de la provincia de Yagha, en la región "
     "del Sahel.", D(2021, 6, 6), "Attack", None, "Civilians", "Solhan", (D(2021, 6, 4), D(2021, 6, 5))),
    # chemical weapons
    ("chemical", "DAMASCO, 22 ago (EFE).- Un ataque con armas químicas causó ayer cientos de muertos en Zamalka, en "
     "la periferia de Damasco.", D(2013, 8, 22), "Chemical weapon", None,
     None, "Zamalka", (D(2013, 8, 21), D(2013, 8, 21))),
    # people gathering to repudiate something are protesters
    ("rally", "BUENOS AIRES, 22 jul (EFE).- Unas 150.000 personas se concentraron ayer en el centro de "
     "Buenos Aires para repudiar el atentado.", D(1994, 7, 22), "Peaceful protest", "Protesters", None,
     "Buenos Aires", (D(1994, 7, 21), D(1994, 7, 21))),
    # a date after the report's names no event it tells: an undated lead is of the days before the report
    ("undated-lead", "BUYUMBURA, 13 may (EFE).- Un grupo armado mató a veintiséis personas en un ataque contra la "
     "aldea de Ruhagarika, en la provincia de Cibitoke, antes del referéndum que podría permitir al presidente "
     "seguir en el poder hasta 2034.", D(2018, 5, 13), "Attack", None, "Civilians", "Ruhagarika",
     (D(2018, 5, 6), D(2018, 5, 13))),
    # aircraft that destroy a building strike from the air
    ("jets-destroy", "JERUSALÉN, 10 ago (EFE).- Cazas F-16 israelíes destruyeron esta madrugada un cuartel de la "
     "policía palestina al oeste de Ramala.", D(2001, 8, 10), "Air/drone strike", None, None, "Ramallah",
     (D(2001, 8, 10), D(2001, 8, 10))),
    # diplomats killed are civilians attacked
    ("diplomats", "El 29 de noviembre de 2003 unos hombres armados mataron a dos diplomáticos japoneses cerca de "
     "Tikrit.", None, "Attack", None, "Civilians", "Tikrit", (D(2003, 11, 29), D(2003, 11, 29))),
    # a politician killed is a civilian attacked
    ("politician", "El 31 de enero de 2008 un hombre mató a otro parlamentario opositor en Eldoret.", None, "Attack",
     None, "Civilians", "Eldoret", (D(2008, 1, 31), D(2008, 1, 31))),
    # an event a span is counted from that dates itself is an event of its own
    ("dated-anchor", "NUEVA DELHI, 14 dic (EFE).- El asalto al Parlamento se produce menos de tres meses después del "
     "atentado suicida del 1 de octubre contra la Asamblea legislativa, en Srinagar, en el que murieron 38 personas.",
     D(2001, 12, 14), "Suicide bomb", None, None, "Srinagar", (D(2001, 10, 1), D(2001, 10, 1))),
    # a street or a site no gazetteer holds is part of the story's town, not somewhere else
    ("street-of-the-town", "Miles de manifestantes se concentraron en Bangkok el 14 de marzo de 2010 para exigir "
     "elecciones.\n\nLa tarde del 10 de "
     "abril, las tropas intentaron desalojar la avenida Ratchadamnoen con gases lacrimógenos.", None,
     "Protest with intervention", None, None, "Bangkok", (D(2010, 4, 10), D(2010, 4, 10))),
    # a country a noun takes as its partner ("la guerra con Irak") is not where the event was: the lead's town
    ("partner-country", "TEHERÁN, 23 sep (EFE).- Un atentado causó ayer 25 muertos durante un desfile militar en "
     "Ahvaz.\n\nCuatro hombres armados abrieron fuego el sábado contra la tribuna mientras desfilaban las tropas "
     "para conmemorar el aniversario de la guerra con Irak.", D(2018, 9, 23), "Armed clash", None, None, "Ahvaz",
     (D(2018, 9, 22), D(2018, 9, 22))),
    # an article titled by its town is about that town, not the last one its lead names
    ("title-town", "Tal Afar\n\nTal Afar es una ciudad de la provincia iraquí de Nínive, en la carretera que une Mosul "
     "con Sinyar. El 5 de agosto de 2015, tres suicidas se hicieron estallar contra los puestos de control del "
     "Ejército en las entradas de la ciudad.", None, "Suicide bomb", None, None, "Tal Afar",
     (D(2015, 8, 5), D(2015, 8, 5))),
    # "desde X, cuando …": the relative tells what happened on X, not over a span from it
    ("since-when", "SAN SEBASTIÁN, 3 dic (EFE).- El asesinato es el cuarto que comete la banda este año y el primero "
     "desde el pasado 22 de septiembre, cuando un coche bomba mató a un militar en Santoña. El jefe militar de la "
     "banda fue detenido el pasado 17 de noviembre.", D(2008, 12, 3),
     "Remote explosive/landmine/IED", None, None, "Santoña", (D(2008, 9, 22), D(2008, 9, 22))),
    # "un día después de ser apuñalado": the one stabbed is the main clause's subject, and the stabbing is the day
    # before the main clause's date
    ("counted-back", "SÃO PAULO, 7 sep (EFE).- El candidato ultraderechista a la Presidencia de Brasil Jair "
     "Bolsonaro fue trasladado hoy a un hospital de "
     "São Paulo, un día después de ser apuñalado en el abdomen durante un acto de campaña en la ciudad de Juiz de "
     "Fora.", D(2018, 9, 7), "Attack", None, "Civilians", "Juiz de Fora", (D(2018, 9, 6), D(2018, 9, 6))),
    # a definition's predicate tells who did it ("fue el asesinato de … por el LRA")
    ("copular-predicate", "La masacre de Atiak fue el asesinato de más de dos centenares de civiles por el Ejército de "
     "Resistencia del Señor (LRA) en Gulu, en el norte de Uganda, el 20 de abril de 1995.", None, "Attack",
     "Lord's Resistance Army", None, "Atiak", (D(1995, 4, 20), D(1995, 4, 20))),   # (the massacre's own town)
    # an event noun the parser hangs on the next clause's verb (beside that verb's own subject) leaves the verb
    ("predicate-noun-subject", "MADRID, 30 ene (EFE).- El doble crimen de Sevilla es el segundo asesinato de un "
     "concejal del PP este mes: el "
     "pasado día 9, ETA mató con una bomba adosada a los bajos de su coche a José Ignacio Iruretagoyena, edil en "
     "Zarautz (Guipúzcoa).", D(1998, 1, 30), "Remote explosive/landmine/IED", None, None, "Zarautz",
     (D(1998, 1, 9), D(1998, 1, 9))),
    # "un instituto de Potiskum": a school in the town, not a body named after it
    ("school-of-a-town", "KANO, 29 nov (EFE).- El pasado 10 de noviembre, un terrorista suicida vestido de estudiante "
     "se inmoló durante la formación matinal en un instituto de Potiskum, la principal ciudad comercial del vecino "
     "estado de Yobe.", D(2014, 11, 29), "Suicide bomb", None, None, "Potiskum", (D(2014, 11, 10), D(2014, 11, 10))),
    # a bomb an aircraft dropped is an air strike: told with an aircraft in the sentence, or in the one before
    ("bomb-of-the-air", "KIEV, 26 may (EFE).- Dos bombas aéreas guiadas rusas cayeron ayer sobre un hipermercado de "
     "Járkov y mataron a 16 personas, informó el Ejército ucraniano.", D(2024, 5, 26), "Air/drone strike", None, None,
     "Kharkiv", (D(2024, 5, 25), D(2024, 5, 25))),
    ("bombs-after-bombers", "La noche del 2 de febrero de 2024, el Ejército estadounidense envió bombarderos B-1 contra "
     "85 objetivos en Irak y Siria. En territorio iraquí, las bombas alcanzaron posiciones en Al Qaim y causaron "
     "dieciséis muertos.", None, "Air/drone strike", None, None, "Al Qā’im", (D(2024, 2, 2), D(2024, 2, 2))),
    # a force named by its weapons' demonym ("tanques armenios"), not by the source of the report ("según …")
    ("weapon-subject-not-source", "El 4 de julio de 1993, según el Ministerio de Defensa azerbaiyano, tanques "
     "armenios tomaron nueve aldeas y alcanzaron las afueras de Agdam.", None, "Non-state actor overtakes territory",
     "Armenia", None, "Ağdam", (D(1993, 7, 4), D(1993, 7, 4))),
    # a person named after the noun of her trade is a civilian ("la actriz Mónica Spear")
    ("trade-noun-and-name", "Unos asaltantes mataron a tiros a la actriz Mónica Spear en Caracas el 6 de enero de "
     "2014.", None, "Attack", None, "Civilians", "Caracas", (D(2014, 1, 6), D(2014, 1, 6))),
    # believers killed for what they are are civilians
    ("believers-killed", "El 5 de febrero de 1992 la Asociación de Defensa del Ulster (UDA) asesinó a cinco católicos en "
     "una casa de apuestas de Ormeau Road, en Belfast.", None, "Attack", None, "Civilians", "Belfast",
     (D(1992, 2, 5), D(1992, 2, 5))),
    # a lynching is a crowd's violence (ACLED's mob violence), not a protest
    ("lynching", "El linchamiento de Tláhuac fue el ataque de una turba contra tres agentes de la Policía Federal en el "
     "pueblo de San Juan Ixtayopan, la noche del 23 de noviembre de 2004.", None, "Mob violence", None, None,
     "Tláhuac", (D(2004, 11, 23), D(2004, 11, 23))),
    # an assault on a school with no armed party against it is an attack on those in it
    ("school-assaulted", "LAGOS, 27 feb (EFE).- El pasado día 17, otro grupo de hombres armados asaltó el Colegio "
     "Gubernamental de Ciencias de Kagara, en el vecino estado de Níger, donde mató a un alumno.", D(2021, 2, 27),
     "Attack", None, None, "Kagara", (D(2021, 2, 17), D(2021, 2, 17))),
]


# Rows the events stage gets right but an earlier stage does not (yet): strict, so a fix upstream shows.
XFAIL: dict[str, str] = {}
ROW_PARAMS = [pytest.param(*r, id=r[0], marks=[pytest.mark.xfail(reason=XFAIL[r[0]], strict=True)]
                           if r[0] in XFAIL else []) for r in ROWS]


@pytest.mark.parametrize("rid,text,dct,sub,actor1,actor2,place,dates", ROW_PARAMS)
def test_event_rows(annotate, rid, text, dct, sub, actor1, actor2, place, dates):
    _, events = annotate(text, dct)
    hits = [e for e in events if e.sub_event_type == sub]
    assert len(hits) == 1, [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    e = hits[0]
    names = " | ".join(filter(None, (e.actor1, e.actor2, e.assoc_actor1, e.assoc_actor2)))
    if actor1:
        assert e.actor1 and actor1.lower() in e.actor1.lower(), names
    if actor2:
        assert actor2.lower() in names.lower(), names
    assert e.place is not None and e.place.name == place
    assert (e.date_start, e.date_end) == dates
    for m in e.mentions:
        assert m.trigger.text and text[m.trigger.start:m.trigger.end] == m.trigger.text
        assert m.sentence.start <= m.trigger.start < m.sentence.end
        assert any(r.startswith("trigger:") for r in m.rules) and any(r.startswith("date:") for r in m.rules)
        assert 0 < m.confidence <= 1


# Not events: negation, modality, hypotheticals, plans, ongoing states, purposes.
NON_EVENTS = [
    # a feeling that "se apoderó de los mercados" is nobody's act, however close the central bank of a country
    ("MADRID, 22 de enero de 2008. La Reserva Federal de Estados Unidos rebajó hoy por sorpresa el precio del dinero, "
     "para frenar el pánico que se apoderó ayer de los mercados."),
    "El 19 de octubre de 1973 los militares retiraron de la cárcel a 26 presos.",   # people taken out, no ground given up
    # bodies left in a street: the place is where they were left, no ground given up
    "Un comando armado abandonó el martes 35 cadáveres en una concurrida avenida de Boca del Río, en el estado de Veracruz.",
    "El 11 de enero de 2022, miles de soldados se concentraron en la frontera con Ucrania.",   # troops massed
    "Los narcotraficantes respondieron a tiros y bloquearon calles con autobuses en Culiacán el 17 de octubre de 2019.",
    "Los bomberos se llevaron a los heridos al hospital el 3 de mayo de 2010.",   # taken away, by no armed party
    "El JNIM no logró tomar Djibo en mayo de 2024.",
    "Las fuerzas rusas planean atacar Járkov en abril de 2024.",
    "El ELN podría atacar Tibú en marzo de 2024.",
    "Los yihadistas aún controlaban la zona occidental de Mosul en enero de 2017.",
    "Las FDS atacarán Raqqa en noviembre de 2016.",
    "Las FDS iniciaron el 4 de febrero de 2017 una nueva fase en Raqqa con el objetivo de completar el cerco.",
    "El Gobierno negó que el ejército hubiera bombardeado Alepo el 2 de diciembre de 2016.",
    "El grupo yihadista Al Shabaab ha intensificado sus ataques en Mogadiscio en los últimos meses.",
    "El Gobierno puso en marcha una operación de vacunación en Bogotá el 3 de marzo de 2024.",
    "Una mina de oro en Kidal empleaba a 200 personas en marzo de 2024.",
    # a state that goes on since a year, or for years (not "se concentran desde el viernes los enfrentamientos")
    "Las tropas kenianas están en Somalia, donde combaten a los islamistas desde 2011.",
    "Tillabéri sufre desde hace años los ataques de los grupos yihadistas.",
    # ... and a toll that grows in the present perfect since a year
    "La CODECO, una milicia lendu, ha matado a cientos de civiles en Ituri desde 2017, según la ONU.",
    # a kind of thing, not an event
    "Rusia vendió dos aviones de combate a Siria el 3 de marzo de 2016.",
    # a proposal rejected is no event
    "El Gobierno rechazó el 3 de marzo de 2024 la propuesta de tregua del ELN en Arauca.",
    # an office reached is no ground taken; a habit told with its manner is no event
    "Enrique Peña Nieto llegó a la Presidencia de México en diciembre de 2012.",
    "Desde el pasado 10 de octubre, Rusia ataca de forma sistemática la red eléctrica ucraniana con misiles.",
    # a generic word after a demonstrative tells an event already told (in words no trigger reads)
    "El 18 de marzo de 1992, la Yihad Islámica se atribuyó aquel ataque en Buenos Aires.",
    # a characterisation of an event told before
    "El primer ministro calificó el 16 de agosto de 1998 la matanza de Omagh de acto espantoso.",
    # a feint is no clash
    "Al irse, los militares simularon un combate en San Salvador el 16 de noviembre de 1989.",
    # a yardstick the story is compared with
    "La operación del 28 de octubre de 2025 supera en víctimas a la matanza de la cárcel de Carandiru.",
    # a call to attack is no attack
    "El 15 de julio de 2016, el Estado Islámico llamó a sus seguidores a atacar a los franceses en Niza.",
    # a present-tense clause describing a noun says what is usually so
    "El 3 de diciembre de 2023, no era la primera vez que las Fuerzas Armadas, que combaten a los yihadistas de "
    "Boko Haram en Borno, matan a civiles por error.",
    # arriving somewhere takes no ground; grenades carried or seized are no grenade attack
    "El 20 de abril de 2023, más de un centenar de hombres armados con fusiles y granadas llegaron a Karma en "
    "motocicletas.",
    "El 6 de mayo de 2021, la Policía se incautó en Río de Janeiro de seis fusiles y una docena de granadas.",
    # "mañana" puts a clause in the future, whatever tense the tagger reads in its verb
    ('El 15 de abril de 1994, los pastores de Mugonero escribieron desde Kibuye: "Le informamos de que mañana '
     'seremos asesinados con nuestras familias".'),
]


# (id, text, dct, {day: sub-event types told on that day})
DAY_ROWS = [
    # "dispersó hoy …, dos días después de la jornada en la que los agentes dispararon": two days, two protests
    ("counted-back-protests", "NAIRÓBI, 27 jun (EFE).- La Policía keniana dispersó hoy con gases lacrimógenos a grupos "
     "de jóvenes que intentaban volver a manifestarse en el centro de Nairóbi, dos días después de la jornada más "
     "sangrienta de las protestas, en la que los agentes dispararon contra los manifestantes que asaltaron el "
     "Parlamento.", D(2024, 6, 27),
     {D(2024, 6, 27): {"Protest with intervention"}, D(2024, 6, 25): {"Excessive force against protesters"}}),
    # a suicide bombing and an air raid in one city on one day are two strikes
    ("bomber-and-aircraft", "BEIRUT, 25 feb (EFE).- Al menos 42 personas murieron hoy en una serie de ataques "
     "suicidas contra dos sedes de los servicios de seguridad en la ciudad siria de Homs. Tras los atentados, la "
     "aviación gubernamental bombardeó Al Waer, el último barrio de Homs en manos de los rebeldes, donde murieron al "
     "menos tres personas.", D(2017, 2, 25), {D(2017, 2, 25): {"Suicide bomb", "Air/drone strike"}}),
    # the date opening a coordinated clause dates that clause's event, however the parser hangs it
    ("coordinated-clause-date", "El 11 de noviembre de 1989, el FMLN lanzó sobre San Salvador su mayor ofensiva de "
     "la guerra, y cinco días más tarde soldados del batallón Atlacatl asesinaron a seis jesuitas en la Universidad "
     "Centroamericana.", None, {D(1989, 11, 11): {"Armed clash"}, D(1989, 11, 16): {"Attack"}}),
]


@pytest.mark.parametrize("rid,text,dct,days", DAY_ROWS, ids=[r[0] for r in DAY_ROWS])
def test_the_events_told_on_each_day(annotate, rid, text, dct, days):
    _, events = annotate(text, dct)
    for day, kinds in days.items():
        on, told = on_day(events, day)
        assert kinds <= {e.sub_event_type for e in on}, told


def test_a_strike_told_in_a_report_is_by_the_force_after_por_not_by_the_reporter(annotate):
    """'La MINUSMA concluyó que el bombardeo aéreo efectuado ... por la fuerza francesa Barkhane ... mató a 22
    personas': one air strike by France ('la fuerza francesa'), not the UN mission that reports it."""
    _, events = annotate("La MINUSMA concluyó este martes que el bombardeo aéreo efectuado el pasado 3 de enero por la "
                         "fuerza francesa Barkhane cerca de Bounti, en el centro de Malí, alcanzó una boda y mató a 22 "
                         "personas.", D(2021, 3, 30))
    assert [(e.sub_event_type, e.actor1, e.date_start) for e in events] == [
        ("Air/drone strike", "Military Forces of France", D(2021, 1, 3))], [(e.sub_event_type, e.actor1) for e in events]


def test_police_forces_told_with_an_adjective_and_men_they_killed(annotate):
    """'fuerzas policiales y militares ocuparon el complejo': the police regain it; 'mataron a seis hombres': men
    killed by the police are civilians (not 'hombres armados', a group)."""
    _, events = annotate("El 28 de noviembre de 2010, fuerzas policiales y militares ocuparon la favela de Vila "
                         "Cruzeiro, en Río de Janeiro.")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Government regains territory", "Police Forces of Brazil")], \
        [(e.sub_event_type, e.actor1) for e in events]
    _, events = annotate("El 12 de agosto de 2001, los policías mataron a seis hombres en Ljuboten, al norte de Skopie.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (North Macedonia)")], \
        [(e.sub_event_type, e.actor2) for e in events]


def test_police_bare_in_a_clash_between_two_sides(annotate):
    """'el choque entre policías e indígenas … cerca de Bagua': the police are a side, not the protesters in focus."""
    _, events = annotate("El 5 de junio de 2009, un choque entre policías e indígenas amazónicos en la Curva del Diablo, "
                         "cerca de Bagua, en Perú, dejó 33 muertos.")
    assert any(e.actor1 == "Police Forces of Peru" for e in events), [(e.sub_event_type, e.actor1) for e in events]


def test_thousands_of_national_guards_are_a_state_force(annotate):
    """'Miles de guardias nacionales entraron … pero fueron recibidos a tiros': a clash of the state's forces."""
    _, events = annotate("Miles de guardias nacionales entraron el 17 de junio de 2011 en el complejo penitenciario, "
                         "situado en Guatire, al este de Caracas, pero fueron recibidos a tiros por un grupo de internos.")
    assert [(e.sub_event_type, e.actor1, e.place and e.place.name) for e in events] == [
        ("Armed clash", "Police Forces of Venezuela (1999-2013)", "Guatire")], [(e.sub_event_type, e.actor1) for e in events]


def test_where_someone_was_taken_afterwards_is_not_where_they_were_arrested(annotate):
    """'fue arrestado el jueves por tropas etíopes … y trasladado en avión a Mogadiscio': arrested in Baidoa, the
    story's town, not in the city he was flown to."""
    _, events = annotate("MOGADISCIO, 15 dic (EFE).- Al menos once personas han muerto desde el jueves en Baidoa, capital "
                         "del estado somalí del Suroeste, en los disturbios desatados por la detención de Mujtar Robow.\n\n"
                         "Robow fue arrestado el jueves por tropas etíopes tras un tiroteo con su milicia y trasladado en "
                         "avión a Mogadiscio, donde permanece bajo custodia.", D(2018, 12, 15))
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and all(e.place.name == "Baidoa" for e in arrests), [(e.sub_event_type, e.place.name) for e in events]


def test_another_country_named_in_another_clause_is_not_where_it_happened(annotate):
    """'Los asaltantes, que habrían llegado desde el vecino Níger, se llevaron vehículos': the attack on a Malian
    camp is not placed in Niger, which only a relative clause names."""
    _, events = annotate("Al menos 53 soldados malienses murieron el 1 de noviembre de 2019 en un ataque yihadista "
                         "contra el campamento militar de Indelimane, en el noreste de Malí. Los asaltantes, que "
                         "habrían llegado desde el vecino Níger, se llevaron vehículos y armamento antes de replegarse.")
    assert events and not any(e.place is not None and e.place.country == "NE" for e in events), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_trips_end_and_an_office_are_not_where_or_what_happened(annotate):
    # "un vuelo procedente de Tel Aviv" is where a flight came from; "responsable de las operaciones" is a title
    text = ("MOSCÚ, 30 oct (EFE).- Cientos de hombres asaltaron anoche el aeropuerto de Majachkalá, en Daguestán, y "
            "atacaron a los pasajeros de un vuelo procedente de Tel Aviv. Un dron mató en Bagdad a Abu Baqir al Saadi, "
            "responsable de las operaciones de la milicia en Siria.")
    _, events = annotate(text, D(2023, 10, 30))
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    assert not any(e.place is not None and e.place.name == "Tel Aviv" for e in events), told
    assert not any(m.trigger.text == "operaciones" for e in events for m in e.mentions), told


def test_an_event_noun_that_kills_has_the_verbs_object_as_its_target(annotate):
    """'otra incursión atribuida a los Tigres mató a más de un centenar de musulmanes': civilians, an Attack."""
    _, events = annotate("El 3 de agosto de 1990, hombres armados entraron en una mezquita de Kattankudy y mataron a "
                         "147 fieles. Ocho días después, otra incursión atribuida a los Tigres mató a más de un "
                         "centenar de musulmanes en Eravur.")
    later = [e for e in events if e.date_start == D(1990, 8, 11)]
    assert [(e.sub_event_type, e.actor2 and e.actor2.startswith("Civilians")) for e in later] == [("Attack", True)], \
        [(e.sub_event_type, e.date_start, e.actor2) for e in events]


@pytest.mark.parametrize("text", NON_EVENTS, ids=[t[:40] for t in NON_EVENTS])
def test_non_events(annotate, text):
    mentions, _ = annotate(text)
    assert mentions == [], [(m.sub_event_type, m.trigger.text) for m in mentions]


def test_a_strike_and_the_killing_it_did_are_one_strike(annotate):
    """'un dron ruso alcanzó una ambulancia en Járkov y mató a su conductor': one drone strike with civilian
    victims, not a strike and an attack (the weapon, tagged a verb, is the subject of 'alcanzó')."""
    _, events = annotate("El 6 de agosto de 2024, un dron ruso alcanzó una ambulancia en Járkov y mató a su conductor.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Air/drone strike", "Military Forces of Russia (2000-)", "Civilians (Ukraine)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_a_massacre_named_again_with_a_word_for_its_perpetrators_is_the_one_told(annotate):
    """'calificó la matanza de acto cobarde de los terroristas': the massacre told before, not a new row."""
    _, events = annotate("KAMPALA, 18 jun (EFE).- Rebeldes de las ADF mataron el viernes a 42 personas en un ataque "
                         "contra un instituto en Mpondwe, en el distrito de Kasese. La Policía ha detenido en Kasese a "
                         "una veintena de sospechosos. El presidente calificó la matanza de acto cobarde de los "
                         "terroristas.", D(2023, 6, 18))
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(attacks) == 1, [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]


def test_aircraft_hitting_artillery_is_an_air_strike(annotate):
    """'cazas … bombardearon piezas de artillería del EI que disparaban contra …, y el 9 atacaron vehículos':
    two air strikes (the artillery is the target; the imperfect relative clause is background)."""
    _, events = annotate("El 7 de agosto de 2014 Obama autorizó ataques. Al día siguiente, cazas de la Armada "
                         "estadounidense bombardearon piezas de artillería del EI que disparaban contra las fuerzas "
                         "kurdas cerca de Erbil, y el 9 atacaron vehículos armados del EI en la montaña.")
    assert sorted((e.sub_event_type, e.date_start) for e in events) == [
        ("Air/drone strike", D(2014, 8, 8)), ("Air/drone strike", D(2014, 8, 9))], \
        [(e.sub_event_type, e.date_start) for e in events]


def test_a_person_captured_is_an_arrest_not_ground_taken(annotate):
    """'la Policía capturó en el sur de la capital a Ricardo Andrés Carvajal': an arrest (the place is
    where, not what was taken); 'atribuyó a la guerrilla del ELN el atentado': the ELN did it."""
    _, events = annotate("BOGOTÁ, 19 ene (EFE).- El Gobierno atribuyó ayer a la guerrilla del ELN el atentado con "
                         "coche bomba que el jueves causó 21 muertos en la Escuela de Cadetes de Policía General "
                         "Santander, en el sur de Bogotá. "
                         "En la madrugada del viernes, la Policía capturó en el sur de la capital a Ricardo Andrés "
                         "Carvajal, señalado como cómplice.", D(2019, 1, 19))
    assert "Arrests" in {e.sub_event_type for e in events} and not any(
        e.event_type == "Battles" for e in events), [(e.sub_event_type, e.actor1) for e in events]


def test_people_killed_told_as_a_participle_is_an_attack(annotate):
    """'por las doce personas asesinadas ayer en la sede de Charlie Hebdo': the model reads the participle as
    an adjective; the people it qualifies are the victims."""
    _, events = annotate("PARÍS, 8 ene (EFE).- Francia vive hoy una jornada de luto nacional por las doce personas "
                         "asesinadas ayer en la sede del semanario satírico Charlie Hebdo, en París.", D(2015, 1, 8))
    assert [(e.sub_event_type, e.place.name, e.date_start) for e in events] == [("Attack", "Paris", D(2015, 1, 7))], \
        [(e.sub_event_type, e.date_start) for e in events]


def test_bombs_dropped_by_jets_are_an_air_strike(annotate):
    _, events = annotate("El 27 de septiembre de 2024, cazas israelíes lanzaron decenas de bombas sobre el cuartel general "
                         "de Hizbulá en Haret Hreik, en Dahiye, al sur de Beirut.")
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Air/drone strike", "Haret Hreik")], \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_vehicle_driven_into_a_crowd_is_an_attack(annotate):
    _, events = annotate("NIZA (Francia), 15 jul (EFE).- Al menos 84 personas murieron anoche en Niza cuando un camión "
                         "arrolló a la multitud que acababa de ver los fuegos artificiales.", D(2016, 7, 15))
    assert [(e.sub_event_type, e.place.name, e.date_start, e.fatalities) for e in events] == \
        [("Attack", "Nice", D(2016, 7, 14), 84)]


def test_an_event_a_claim_is_about_is_the_one_told_and_its_target_no_protest(annotate):
    """'Ningún grupo ha reivindicado la matanza': the bombing told before (one row, a Suicide bomb), and the
    rally the bombing was aimed at is its target, not a protest of its own."""
    _, events = annotate("ANKARA, 11 oct (EFE).- El número de muertos en el doble atentado suicida perpetrado ayer contra "
                         "una manifestación por la paz frente a la estación central de Ankara se elevó hoy a 95. Ningún "
                         "grupo ha reivindicado la matanza.", D(2015, 10, 11))
    assert [e.sub_event_type for e in events] == ["Suicide bomb"], \
        [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]


def test_a_generic_word_after_a_violent_event_tells_it_again(annotate):
    """'atacó una escuela … más de 70 personas murieron en el ataque': one event, with its toll."""
    _, events = annotate("BAMAKO, 18 sep (EFE).- Un grupo de yihadistas atacó este martes al amanecer una escuela de "
                         "gendarmería en Bamako. Según fuentes de seguridad, más de 70 personas murieron en el ataque.",
                         D(2024, 9, 18))
    assert len(events) == 1, [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert events[0].fatalities == 70 and len(events[0].mentions) == 2


def test_a_clause_opened_by_donde_keeps_its_date_and_the_story_its_day(annotate):
    """'reivindicó el ataque … en Somalia, donde el Ejército entró en octubre de 2011': the claim is of the
    attack told (no row of 2011), and later undated sentences stay on the story's day."""
    _, events = annotate("NAIROBI, 25 sep (EFE).- Un comando de Al Shabab irrumpió el sábado en el centro comercial "
                         "Westgate de Nairobi y mató a decenas de clientes. Al Shabab reivindicó el ataque el primer día "
                         "como represalia por la presencia de tropas kenianas en Somalia, donde el Ejército entró en "
                         "octubre de 2011. Es el peor atentado en Kenia desde el perpetrado contra la embajada de "
                         "Estados Unidos en agosto de 1998, que causó 213 muertos.", D(2013, 9, 25))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name, e.fatalities) for e in events]
    assert [e.place.name for e in events if e.date_start.year == 2011] == ["Somalia"], told  # the army's entry
    assert [(e.date_start, e.place.name) for e in events if e.date_start.year == 2013] == [(D(2013, 9, 21), "Nairobi")], told
    assert all(e.fatalities != 213 for e in events), told


def test_a_building_no_gazetteer_holds_is_in_the_story_town_and_civilians_are_victims(annotate):
    """'las matanzas de civiles': civilians are the victims; 'murieron tiroteados … en el Hospital Saudí':
    the hospital is in the town the story is about."""
    _, events = annotate("PUERTO SUDÁN, 30 oct (EFE).- Las Fuerzas de Apoyo Rápido (FAR) se hicieron el domingo con "
                         "el control de El Fasher, y desde entonces se multiplican las denuncias de matanzas de "
                         "civiles. La OMS denunció ayer que más de 460 pacientes murieron tiroteados el martes en el "
                         "Hospital Saudí de Maternidad.", D(2025, 10, 30))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name, e.actor1) for e in events]
    hospital = [e for e in events if e.sub_event_type == "Attack" and e.date_start == D(2025, 10, 28)]
    assert len(hospital) == 1 and hospital[0].place.name == "El Fasher", told
    assert all(e.actor1 is None or "Civilians" not in e.actor1 for e in events), told


def test_this_city_of_a_lead_is_the_datelines_and_its_neighbour_no_attacker(annotate):
    """'TIJUANA … murió anoche en un hospital de esta ciudad fronteriza con Estados Unidos tras ser baleado':
    the lead names no town of its own, so 'esta ciudad' is the dateline's; the country across the border is
    not who shot him."""
    _, events = annotate("TIJUANA (México), 24 mar (EFE).- El candidato del PRI a la Presidencia de México, Luis "
                         "Donaldo Colosio, murió anoche en un hospital de esta ciudad fronteriza con Estados Unidos "
                         "tras ser baleado en la cabeza al término de un mitin.", D(1994, 3, 24))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name, e.actor1) for e in events]
    shot = [e for e in events if e.sub_event_type == "Attack"]
    assert len(shot) == 1 and shot[0].place.name == "Tijuana" and shot[0].date_start == D(1994, 3, 23), told
    assert not (shot[0].actor1 and "United States" in shot[0].actor1), told


def test_an_attack_coordinated_with_a_claimed_one_is_at_its_own_place_only(annotate):
    """'se atribuyó los atentados … de Tanta y Alejandría, …, y el ataque contra un autobús … en la provincia de
    Minia': the bus attack is in Minya, not in Tanta, and not again in Alexandria."""
    _, events = annotate("EL CAIRO, 7 jul (EFE).- El EI también se atribuyó los atentados del 9 de abril contra dos "
                         "iglesias coptas de Tanta y Alejandría, que causaron más de 40 muertos, y el ataque contra un "
                         "autobús de peregrinos coptos en la provincia de Minia a finales de mayo, en el que murieron "
                         "29 personas.", D(2017, 7, 7))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    may = [e for e in events if e.date_start == D(2017, 5, 21)]
    assert len(may) == 1 and "Miny" in may[0].place.name, told


def test_a_town_another_event_verb_stands_before_is_not_a_coordinated_copy(annotate):
    """'el pasado día 10 se apoderaron de Mosul, …, y tras dos días de combates tomaron el lunes la mayor parte de
    Tal Afar': Tal Afar was not taken on the 10th with Mosul."""
    _, events = annotate("BAGDAD, 17 jun (EFE).- El EIIL y otras facciones suníes lanzaron la semana pasada una ofensiva "
                         "relámpago en el norte: el pasado día 10 se apoderaron de Mosul, la segunda ciudad de Irak, y "
                         "tras dos días de combates tomaron el lunes la mayor parte de Tal Afar, en la provincia de "
                         "Nínive.", D(2014, 6, 17))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert not any(e.place and e.place.name == "Tal Afar" and e.date_start == D(2014, 6, 10) for e in events), told


def test_those_who_search_for_the_victims_are_not_the_perpetrators(annotate):
    """'La Policía keniana busca a las dos cooperantes secuestradas ayer': the kidnapping is not the police's."""
    _, events = annotate("NAIROBI, 14 oct (EFE).- La Policía keniana busca a las dos cooperantes españolas secuestradas "
                         "ayer en el campo de refugiados de Dadaab, en el noreste de Kenia.", D(2011, 10, 14))
    taken = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert len(taken) == 1 and not (taken[0].actor1 and "Police" in taken[0].actor1), [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_a_section_title_takes_the_story_back_to_the_place_its_lead_settled_on(annotate):
    """'Antecedentes' ends on the plane shot down over Kigali; the section 'La masacre' that follows tells the
    massacre the title and lead place in Kibuye, not where the background ended."""
    _, events = annotate("Masacre de la iglesia de Kibuye\n\nLa masacre de la iglesia de Kibuye fue la matanza de "
                         "miles de tutsis refugiados en la iglesia católica de Kibuye, en el oeste de Ruanda, el 17 de "
                         "abril de 1994.\n\nAntecedentes\n\nTras el derribo del avión del presidente Juvénal "
                         "Habyarimana sobre Kigali, el 6 de abril de 1994, las matanzas se extendieron por todo el "
                         "país.\n\nLa masacre\n\nEn la mañana del domingo, milicianos interahamwe rodearon el "
                         "templo y comenzaron a lanzar granadas contra los refugiados.", None)
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    grenades = [e for e in events if e.sub_event_type == "Grenade"]
    assert len(grenades) == 1 and grenades[0].place.name == "Kibuye", told


def test_a_town_told_with_its_province_and_region_after_it_is_the_place(annotate):
    """'a su paso por Asunción Nochixtlán, en la región mixteca del estado de Oaxaca, en el sur de México': the
    province and the region only say where the town is, however the parse hangs them (not the state's capital)."""
    text = (
        "OAXACA (México), 20 jun (EFE).- Al menos seis personas murieron y más de un centenar resultaron "
        "heridas ayer en los choques entre policías federales y estatales y maestros de la disidente "
        "Coordinadora Nacional de Trabajadores de la Educación (CNTE) y vecinos que bloqueaban la carretera a"
        " su paso por Asunción Nochixtlán, en la región mixteca del estado de Oaxaca, en el sur de "
        "México.\n\nSegún la versión oficial, hacia las 08.00 hora local (13.00 GMT) del domingo unos "
        "cuatrocientos agentes llegaron al crucero de Nochixtlán para retirar el bloqueo que los profesores "
        "de la Sección 22 mantenían desde el pasado martes en la autopista a Puebla y en la carretera federal"
        " 190. Los manifestantes respondieron con piedras y cohetones y los enfrentamientos se extendieron "
        "durante horas por las calles del pueblo, donde fueron incendiados vehículos y mobiliario del palacio"
        " municipal. Una veintena de personas fueron detenidas."
    )
    _, events = annotate(text, D(2016, 6, 20))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert events and all(e.place is not None and e.place.name == "Asunción Nochixtlán" for e in events), told


def test_an_undated_lead_takes_the_date_the_next_sentence_tells(annotate):
    """'El ataque al cuartel … fue la mayor operación del ERP. Se produjo el 23 de diciembre de 1975': the next
    sentence, with no subject of its own, tells when the lead's event happened."""
    _, events = annotate("Ataque al cuartel de Monte Chingolo\n\nEl ataque al Batallón Depósito de Arsenales 601 "
                         "«Domingo Viejobueno», en la localidad de Monte Chingolo (partido de Lanús, provincia de Buenos "
                         "Aires), fue la mayor operación del Ejército Revolucionario del Pueblo (ERP) y terminó en su "
                         "peor derrota. Se produjo el 23 de diciembre de 1975, bajo el gobierno de María Estela "
                         "Martínez de Perón, con el objetivo de apoderarse de unas trece toneladas de armas.", None)
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert [(e.date_start, e.place.name) for e in events] == [(D(1975, 12, 23), "Monte Chingolo")], told


def test_a_place_aimed_at_or_a_past_event_is_not_where_the_story_is(annotate):
    """'autobuses en la terminal de Iguala para viajar a la Ciudad de México a la marcha que recuerda la matanza
    de Tlatelolco de 1968': the shooting that follows is in Iguala."""
    _, events = annotate("IGUALA (México), 1 oct (EFE).- Los normalistas habían tomado el viernes varios autobuses "
                         "en la terminal de Iguala para viajar a la Ciudad de México a la marcha del 2 de octubre, que "
                         "recuerda la matanza de Tlatelolco de 1968. Hacia las 21.30 hora local, agentes municipales "
                         "les cerraron el paso y dispararon contra los vehículos.", D(2014, 10, 1))
    shooting, told = on_day(events, D(2014, 9, 26))
    assert len(shooting) == 1 and shooting[0].place.name.startswith("Iguala"), told
    assert "Police" in (shooting[0].actor1 or ""), told


def test_a_cuyo_clause_keeps_its_date(annotate):
    """'murieron en el asalto … contra el centro comercial Westgate, cuyo asedio concluyó el martes': the assault
    is not dated by the end of the siege."""
    _, events = annotate("NAIROBI, 25 sep (EFE).- Al menos 67 personas murieron en el asalto de la milicia Al Shabab "
                         "contra el centro comercial Westgate de Nairobi, cuyo asedio concluyó el martes. Un comando "
                         "irrumpió el sábado en el centro comercial y abrió fuego contra los clientes.", D(2013, 9, 25))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert all(e.date_start != D(2013, 9, 24) for e in events), told


def test_the_attackers_killed_at_the_end_are_the_event_told(annotate):
    """'hasta abatir a los últimos asaltantes': the end of the siege already told, not a second clash."""
    _, events = annotate("MOGADISCIO, 21 ago (EFE).- Militantes de Al Shabab asaltaron el viernes el hotel Hayat de "
                         "Mogadiscio y combatieron con el Ejército somalí. Las fuerzas especiales combatieron a los "
                         "terroristas planta por planta hasta abatir a los últimos asaltantes el viernes por la noche.",
                         D(2022, 8, 21))
    clashes = [e for e in events if e.event_type == "Battles"]
    assert len(clashes) == 1, [(e.sub_event_type, e.date_start, e.actor1) for e in events]


def test_coordinated_towns_are_one_event_each_but_not_a_region_or_a_between(annotate):
    _, events = annotate("Las tropas rusas atacaron Kiev el 8 de julio de 2024. También hubo impactos en la ciudad de "
                         "Dnipró y, en la región oriental de Donetsk, en Sloviansk.")
    shelling = sorted(e.place.name for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling == ["Dnipro", "Sloviansk"], shelling
    _, events = annotate("El 3 de mayo de 2024 las tropas rusas y ucranianas combatieron entre Bajmut y Soledar.")
    assert len(events) == 1, [(e.sub_event_type, e.place.name) for e in events]


def test_a_strike_that_reaches_a_place_takes_no_ground(annotate):
    _, events = annotate("El 8 de julio de 2024 un misil ruso alcanzó el hospital infantil de Kiev.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_the_reporter_is_not_the_actor(annotate):
    _, events = annotate("Un soldado murió el 7 de julio de 2024 tras la explosión de un artefacto explosivo en Argelia, "
                         "informó el Ejército colombiano.")
    (e,) = events
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.actor1 is None and e.fatalities == 1


def test_reported_speech_is_attributed_and_single(annotate):
    mentions, events = annotate("El Ministerio de Defensa de Irak anunció el 23 de enero que capturaron toda la zona "
                                "oriental de Mosul.", D(2017, 1, 24))
    assert len(events) == 1
    assert "Ministerio de Defensa" in (mentions[0].attribution or "")
    # the report's date bounds the capture it reports (same day or the days before): the week up to it
    assert (events[0].date_start, events[0].date_end, events[0].time_precision) == (D(2017, 1, 16), D(2017, 1, 23), "week")


def test_reported_pluperfect_is_before_the_report(annotate):
    _, events = annotate("El 4 de febrero se informa que las Fuerzas Democráticas Sirias habían iniciado una ofensiva "
                         "contra la ciudad de Raqqa.", D(2017, 2, 4))
    (e,) = events
    assert (e.date_start, e.date_end) == (D(2017, 1, 28), D(2017, 2, 4)) and "SDF" in e.actor1


@pytest.mark.parametrize("text,deaths", [
    ("Un coche bomba explotó el 3 de octubre de 2022 en Mogadiscio y murieron 75 personas.", 75),
    ("Hombres armados asesinaron a 12 civiles en Culiacán el 9 de septiembre de 2024.", 12),
    ("Los combates entre el ejército y los yihadistas en Djibo el 4 de enero de 2024 dejaron 30 muertos.", 30),
    ("El enfrentamiento entre Romario y su entrenador en Madrid el 4 de enero de 2000 acabó mal.", None),
    ("Un ataque aéreo en Alepo el 2 de diciembre de 2016 mató a tres civiles.", 3),
    ("Las FDS, con unos 3.000 combatientes, atacaron Raqqa el 6 de junio de 2017.", None),
    ("Un soldado murió tras la explosión de un artefacto explosivo en Ménaka el 7 de julio de 2024.", 1),
    ("Trece policías estatales murieron el 14 de octubre de 2019 en una emboscada del CJNG en Aguililla, Michoacán.", 13),
    ("Veintiocho personas, entre ellas un niño, murieron el 15 de agosto de 2022 por la explosión de un coche bomba "
     "en Mogadiscio.", 28),
    # named victims: the persons a death verb names, when no number is told
    ("El 16 de octubre de 2017, el Ejército filipino mató en combate a Isnilon Hapilon, considerado el líder del Estado "
     "Islámico en el sudeste asiático, y a Omar Maute, uno de los fundadores del grupo Maute, en Marawi.", 2),
    ("En los combates del 3 de marzo de 2019 en Kidal entre el ejército y los rebeldes murieron el comandante Iván "
     "Márquez y su lugarteniente Jesús Santrich.", 2),
    ("El 3 de marzo de 2019 hubo combates en Kidal entre el ejército y los rebeldes, en los que fueron abatidos Omar "
     "Maute y Abdullah Maute.", 2),
    ("El 3 de marzo de 2019 un ataque aéreo en Kidal mató a cinco personas, entre ellas el comandante Iván Márquez.", 5),
    ("El 3 de marzo de 2019 el ejército intentó matar a Omar Maute en Kidal durante un combate con los rebeldes.", None),
    # a blast told again as the subject of the death verb: its toll, no second event
    ("El 3 de mayo de 2010 estalló un coche bomba en Bagdad. La explosión mató a 12 personas.", 12),
])
def test_fatalities(annotate, text, deaths):  # noqa: D103
    _, events = annotate(text)
    if "Romario" in text:   # no armed actor anywhere: a football quarrel is not a clash
        assert events == []
        return
    assert len(events) == 1 and events[0].fatalities == deaths


def test_coreference_and_focus_place(annotate):
    text = ("El 10 de junio de 2014 el Estado Islámico tomó Mosul. Dos días después los yihadistas destruyeron "
            "una iglesia de la ciudad el 12 de junio de 2014.")
    _, events = annotate(text)
    destr = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert destr and "Islamic State" in destr[0].actor1 and destr[0].place.name == "Mosul"
    assert any("focus" in r for r in destr[0].mentions[0].rules)


def test_town_named_earlier_in_the_paragraph(annotate):
    _, events = annotate("La situación en Mosul era crítica en marzo de 2017. Los combates entre el ejército iraquí y "
                         "los yihadistas continuaron el 5 de marzo de 2017.")
    (e,) = events
    assert e.place.name == "Mosul" and e.sub_event_type == "Armed clash"


def test_month_and_end_of_month_intervals(annotate):
    _, events = annotate("En septiembre de 2016 comenzó una ofensiva contra Mosul. A finales de junio de 2017 las "
                         "fuerzas iraquíes recuperaron el control de la ciudad de Mosul.")
    by_sub = {e.sub_event_type: e for e in events}
    clash, regain = by_sub["Armed clash"], by_sub["Government regains territory"]
    assert (clash.date_start, clash.date_end, clash.time_precision) == (D(2016, 9, 1), D(2016, 9, 30), "month")
    assert (regain.date_start, regain.date_end) == (D(2017, 6, 21), D(2017, 6, 30))


def test_a_duration_from_an_undated_event_is_no_date(annotate):
    """'tres días antes de las elecciones' with the elections' date nowhere in the text: the narrative's date
    would be a guess (an ACLED coder would not code that day), so the clause is undated and yields no row."""
    mentions, events = annotate("El 1 de marzo de 2019 hubo combates en Gao. Los rebeldes del MNLA atacaron un puesto "
                                "militar en Kidal tres días antes de las elecciones.")
    kidal = [m for m in mentions if m.place is not None and m.place.name == "Kidal"]
    assert kidal and all(m.date_start is None and "date: none" in m.rules for m in kidal)
    assert [e.place.name for e in events] == ["Gao"]


def test_undated_sentence_takes_narrative_reference(annotate):
    _, events = annotate("En septiembre de 2016 comenzó una ofensiva contra Mosul. Las fuerzas iraquíes capturaron "
                         "el aeropuerto de Mosul.")
    regain = [e for e in events if e.sub_event_type == "Government regains territory"][0]
    assert regain.date_start == D(2016, 9, 1)
    assert any(r.startswith("date: narrative") for r in regain.mentions[0].rules)


def test_only_kept_paragraphs_produce_events(pipeline, stages):
    from cronica.model import Document, Span
    para = "Las FDS atacaron Raqqa el 6 de junio de 2017."
    text = para + "\n" + para
    sdoc, _, timexes, places, actors = stages(text)
    ex = pipeline.event_extractor
    kw = dict(timexes=timexes, places=places, actors=actors)
    both = ex.extract(Document("k", text), sdoc, kept=[Span(0, len(text), text)], **kw)
    first = ex.extract(Document("k", text), sdoc, kept=[Span(0, len(para), para)], **kw)
    assert len(both) == 2 and len(first) == 1 and first[0].sentence.start == 0


def test_extractor_pickles():
    ex = EventExtractor("es")
    _ = ex.lexicon
    assert pickle.loads(pickle.dumps(ex)).language == "es"


@pytest.mark.parametrize("text", [
    "Las fuerzas iraquíes recuperaron Tal Afar el 31 de agosto de 2017 con apoyo de la coalición.\n"
    "El 29 de agosto de 2017, un coche bomba estalló junto a un puesto de control en Ramadi y mató a siete policías.",
    "El ejército maliense atacó una base yihadista en Mopti el 3 de marzo de 2022. "
    "Al día siguiente un artefacto explosivo improvisado alcanzó a un convoy cerca de Tombuctú.",
])
def test_a_bomb_without_a_named_author_takes_no_focus_actor(pipeline, text):
    from cronica.api import make_document

    events = pipeline.annotate(make_document(text)).events
    bombs = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert bombs and all(e.actor1 is None for e in bombs), [(e.sub_event_type, e.actor1) for e in bombs]


# State forces are named by government period at the event's date (Task: ACLED period names).
# (text, dct, sub_event_type, exact actor1)
PERIOD_NAMES = [
    ("El ejército colombiano atacó un campamento del ELN en Tibú el 3 de mayo de 2019.", None,
     "Armed clash", "Military Forces of Colombia (2018-2022)"),
    ("Soldados colombianos se enfrentaron con el ELN en Tibú el 7 de agosto de 2022.", None,
     "Armed clash", "Military Forces of Colombia (2022-)"),                          # first day of the period
    ("La Policía Nacional de Colombia detuvo a dos miembros del Clan del Golfo en Medellín el 4 de abril de 2017.",
     None, "Arrests", "Police Forces of Colombia (2010-2018)"),
    ("El Gobierno colombiano y el ELN firmaron un acuerdo de alto el fuego en La Habana el 9 de junio.",
     D(2019, 6, 10), "Agreement", "Government of Colombia (2018-2022)"),             # year from the report's date
    ("El Ejército Mexicano se enfrentó con sicarios del Cártel de Sinaloa en Culiacán el 15 de enero de 2016.", None,
     "Armed clash", "Military Forces of Mexico (2012-2018)"),
    ("Elementos de la Guardia Nacional mexicana se enfrentaron con sicarios del Cártel de Sinaloa en Culiacán el 15 de "
     "enero de 2025.", None, "Armed clash", "Police Forces of Mexico (2024-) National Guard"),
    ("Las fuerzas iraquíes capturaron el este de Mosul el 24 de enero de 2017.", None,
     "Government regains territory", "Military Forces of Iraq (2014-)"),            # no periods known: undated name
]


@pytest.mark.parametrize("text,dct,sub,actor1", PERIOD_NAMES, ids=[r[3] for r in PERIOD_NAMES])
def test_state_forces_take_the_name_of_the_period(annotate, text, dct, sub, actor1):
    _, events = annotate(text, dct)
    hits = [e for e in events if e.sub_event_type == sub]
    assert len(hits) == 1, [(e.sub_event_type, e.actor1) for e in events]
    assert hits[0].actor1 == actor1


@pytest.mark.parametrize("text, sub, actor1, actor2", [
    ("Tropas del Ejército colombiano y guerrilleros del ELN combatieron en Tibú el 3 de mayo de 2023.",
     "Armed clash", "Military Forces of Colombia", "ELN"),
    ("El Gobierno colombiano y el ELN firmaron un acuerdo de cese al fuego en Caracas el 9 de junio de 2023.",
     "Agreement", "Government of Colombia", "ELN"),
    ("Las fuerzas iraquíes atacaron posiciones del Estado Islámico en Mosul el 3 de mayo de 2017.",
     "Armed clash", "Military Forces of Iraq", "Islamic State"),
])
def test_symmetric_events_name_both_sides(pipeline, text, sub, actor1, actor2):
    from cronica.api import make_document

    (event,) = [e for e in pipeline.annotate(make_document(text)).events if e.sub_event_type == sub]
    assert event.actor1.startswith(actor1) and actor2 in (event.actor2 or ""), (event.actor1, event.actor2)
    assert event.assoc_actor1 is None


def test_the_lead_town_places_a_later_event_that_names_none(annotate):
    """'RÍO DE JANEIRO … la operación … en la favela de Jacarezinho' and then 'delincuentes que se enfrentaron a
    tiros con los policías': the clash is where the lead put the story, not at the dateline's city nor nowhere."""
    _, events = annotate("RÍO DE JANEIRO, 7 may (EFE).- La Policía Civil elevó hoy a 28 el número de muertos en la "
                         "operación lanzada ayer contra una banda de narcotraficantes en la favela de Jacarezinho, en "
                         "la zona norte de la ciudad.\n\nLos otros 27 muertos eran, según la corporación, delincuentes "
                         "que se enfrentaron a tiros con los policías el jueves.", D(2021, 5, 7))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name, e.place and e.place.rule) for e in events]
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.place.name == "Jacarezinho" and "quarter:in:Rio" in e.place.rule for e in clashes), told


def test_a_transnational_group_does_not_give_the_police_its_country(annotate):
    """The Islamic State is named by the country it acts in: 'la policía' of a Spanish story is Spain's."""
    _, events = annotate("El Estado Islámico reivindicó el atropello de Barcelona. La policía relaciona el atentado "
                         "con la explosión que el miércoles derrumbó una casa en Alcanar.", D(2017, 8, 18))
    told = [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert told and not any("Iraq" in (a or "") for e in events for a in (e.actor1, e.actor2)), told


def test_the_province_an_office_names_is_the_story_town_and_a_place_come_from_is_no_ground(annotate):
    """'según el gobernador de Coahuila': the clash is in the story's town, not at the province's middle;
    'el comando había llegado desde la vecina Tamaulipas': nobody took Tamaulipas."""
    _, events = annotate("SALTILLO (México), 2 dic (EFE).- Un comando del Cártel del Noreste atacó el sábado Villa Unión, "
                         "en el estado de Coahuila. Ese día murieron cuatro policías estatales, según el gobernador de "
                         "Coahuila, que culpó del ataque al cártel y aseguró que el comando había llegado desde la "
                         "vecina Tamaulipas.", D(2019, 12, 2))
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    assert all(e.place.name == "Villa Unión" for e in events), told
    assert not any("territory" in e.sub_event_type for e in events), told


@pytest.mark.parametrize("text,dct,sub", [
    # a stabbing and an arson that kills are attacks on the civilians they hit
    ("Un judío ultraortodoxo apuñaló ayer a seis personas durante la marcha del Orgullo de Jerusalén.", D(2015, 7, 31),
     "Attack"),
    ("JERUSALÉN, 31 jul (EFE).- Un bebé palestino murió quemado esta madrugada en el incendio provocado de su casa "
     "en la aldea de Duma, al sureste de Nablus.", D(2015, 7, 31), "Attack"),
    # fighters with no name are an armed group: the patrol attacked by them is in a clash
    ("El 4 de octubre de 2017, cerca de Tillabéri, la patrulla fue atacada por al menos medio centenar de combatientes.",
     None, "Armed clash"),
])
def test_stabbing_arson_and_unnamed_fighters(annotate, text, dct, sub):
    _, events = annotate(text, dct)
    assert [e.sub_event_type for e in events] == [sub], [(e.sub_event_type, e.actor1, e.actor2, [m.rules for m in e.mentions]) for e in events]


def test_an_event_abroad_does_not_move_a_story_its_lead_placed(annotate):
    """'Culiacán … la detención, el 25 de julio, … cerca de El Paso (Texas)': later events the text does not
    place are in Culiacán, not in Texas."""
    _, events = annotate("CULIACÁN (México), 16 sep (EFE).- Los vecinos de Culiacán viven una semana de "
                         "enfrentamientos entre las facciones del Cártel de Sinaloa. La disputa estalló tras la "
                         "detención, el 25 de julio, de Ismael Zambada en un aeródromo cercano a El Paso (Texas). "
                         "El domingo fueron hallados los cuerpos de cinco hombres asesinados a tiros.",
                         D(2024, 9, 16))
    sunday, told = on_day(events, D(2024, 9, 15))
    assert sunday and all(e.place.country == "MX" for e in sunday), told


@pytest.mark.parametrize("text,dct,want", [
    # a police officer or soldier killed by someone not of the state, nothing else told: an Attack on them
    ("Un yihadista mató ayer a cuchilladas a un comandante de la policía en su casa de Kunduz.", D(2016, 6, 14),
     [("Attack", "Police Forces of Afghanistan")]),
    ("Un hombre mató ayer a tiros a una agente de la policía municipal en Kunduz.", D(2015, 1, 9),
     [("Attack", "Police Forces of Afghanistan")]),
    # the killing is the toll of the ambush the sentence tells
    ("Los rebeldes mataron ayer a tres soldados en una emboscada cerca de Kunduz.", D(2020, 5, 4),
     [("Armed clash", None)]),
    # soldiers in a list after the victims are not the victims; a claim of a toll is no new event
    ("En ocho días mató a siete personas en Kunduz: tres militares, un profesor y tres niños.", D(2012, 3, 23), []),
    ("Los talibanes reivindicaron la acción y aseguraron haber matado a 70 militares en Kunduz.", D(2020, 5, 4), []),
])
def test_state_forces_killed(annotate, text, dct, want):
    _, events = annotate(text, dct)
    assert [(e.sub_event_type, e.actor2) for e in events] == want, \
        [(e.sub_event_type, e.actor1, e.actor2, [r for m in e.mentions for r in m.rules]) for e in events]


def test_the_victim_of_a_first_verb_is_not_the_subject_of_the_next(annotate):
    """'Tras matar a un policía y a un civil en la entrada, irrumpió en el club': the police are not the gunman."""
    _, events = annotate("ESTAMBUL, 1 ene (EFE).- Un hombre armado mató hoy a 39 personas en un club de Estambul. Tras matar "
                         "a tiros a un policía y a un civil en la entrada, irrumpió en el club y disparó contra la multitud.",
                         D(2017, 1, 1))
    assert not any(e.actor1 and "Police" in e.actor1 for e in events), [(e.sub_event_type, e.actor1) for e in events]


def test_a_killing_after_the_massacre_is_its_own_event(annotate):
    """'las fuerzas de seguridad enviadas a la zona tras la matanza abatieron a 42 asaltantes': a sequel,
    not the end of the massacre."""
    _, events = annotate("ADÍS ABEBA, 24 dic (EFE).- Más de un centenar de personas murieron ayer en un ataque de hombres "
                         "armados contra la aldea de Bekuji, en el oeste de Etiopía. Las fuerzas de seguridad enviadas "
                         "a la zona tras la matanza abatieron a 42 de los asaltantes.", D(2020, 12, 24))
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Attack"], [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


@pytest.mark.parametrize("text,dct,sub", [
    # a death by shots is an event of its own; an attack "a tiros" is a military one
    ("KABUL, 15 sep (EFE).- Ayer, dos soldados de la ISAF murieron por los disparos de un hombre que vestía el "
     "uniforme de la policía afgana en Kandahar.", D(2012, 9, 15), "Armed clash"),
    ("ANKARA, 23 jul (EFE).- En Diyarbakir, un policía murió hoy y otro resultó herido en un ataque a tiros.", D(2015, 7, 23),
     "Armed clash"),
])
def test_deaths_by_shots(annotate, text, dct, sub):
    _, events = annotate(text, dct)
    assert [e.sub_event_type for e in events] == [sub], [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


def test_shots_an_assassin_fired_do_not_type_the_killing(annotate):
    """'asesinó de varios disparos al embajador': the shots are how, not a clash of their own."""
    _, events = annotate("ANKARA, 20 dic (EFE).- Un policía turco fuera de servicio asesinó ayer de varios disparos en "
                         "Ankara al embajador ruso, Andréi Kárlov.", D(2016, 12, 20))
    assert "Armed clash" not in [e.sub_event_type for e in events], [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


@pytest.mark.parametrize("text,dct", [
    # one person named by what they are is a civilian victim: a passenger, a customer, a butcher
    ("PARÍS, 24 mar (EFE).- Un yihadista disparó ayer contra los dos ocupantes de un coche en Carcasona y mató al pasajero.",
     D(2018, 3, 24)),
    ("PARÍS, 24 mar (EFE).- Un yihadista irrumpió ayer en un supermercado de Trèbes y mató a un carnicero y a un cliente.",
     D(2018, 3, 24)),
    # ... or by a trade of the street or a shop: a doorman, a waiter
    ("BELFAST, 4 mar (EFE).- Esa misma noche, la LVF mató a tiros al portero de un hotel de Dungannon, en el condado de "
     "Tyrone.", D(1998, 3, 4)),
    ("KABUL, 4 mar (EFE).- Unos pistoleros mataron ayer a un camarero en Kabul.", D(2010, 3, 4)),
])
def test_one_person_named_by_what_they_are_is_a_civilian(annotate, text, dct):
    _, events = annotate(text, dct)
    assert any(e.sub_event_type == "Attack" and e.actor2 and e.actor2.startswith("Civilians") for e in events), \
        [(e.sub_event_type, e.actor2, [m.rules for m in e.mentions]) for e in events]


def test_a_truce_named_but_not_agreed_is_no_agreement(annotate):
    """'una escisión de la UVF que rechaza el alto el fuego': a truce phrase needs a verb of agreeing, as the
    truce nouns do ("firmaron un alto el fuego" is one)."""
    _, events = annotate("BELFAST, 4 mar (EFE).- La Policía señala a la LVF, escisión de la UVF que rechaza el alto el "
                         "fuego lealista en Irlanda del Norte.", D(1998, 3, 4))
    assert not any(e.sub_event_type == "Agreement" for e in events), [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]
    _, events = annotate("BELFAST, 4 mar (EFE).- El IRA y el Gobierno británico anunciaron ayer un alto el fuego en "
                         "Irlanda del Norte.", D(1998, 3, 4))
    assert any(e.sub_event_type == "Agreement" for e in events), [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


def test_a_building_named_after_its_town_places_the_event_there(annotate):
    """'el asalto … contra la Universidad Bacha Khan de Charsadda': the attack is in Charsadda (the town stays
    out of the document's place list, as any name inside an organisation's name)."""
    _, events = annotate("ISLAMABAD, 21 ene (EFE).- Las autoridades elevaron hoy a 21 el número de muertos en el asalto de "
                         "un comando talibán contra la Universidad Bacha Khan de Charsadda, en el noroeste de Pakistán.",
                         D(2016, 1, 21))
    assert events and all(e.place.name == "Charsadda" for e in events), [(e.sub_event_type, e.place) for e in events]


def test_shots_by_the_attackers_of_civilians_are_that_attack(annotate):
    """'mataron a tiros a 52 jóvenes … los hombres armados abrieron fuego': one Attack, not also a clash."""
    _, events = annotate("MAPUTO, 22 abr (EFE).- Los insurgentes mataron a tiros el pasado 8 de abril a 52 jóvenes en la "
                         "aldea de Mocímboa da Praia. Ese día los insurgentes abrieron fuego contra quienes intentaban huir.",
                         D(2020, 4, 22))
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_shots_by_a_commando_at_an_attack_with_no_author_are_that_attack(annotate):
    """'murieron el miércoles en un ataque armado contra el ayuntamiento … Un comando irrumpió por la tarde … y
    abrió fuego contra los presentes': shots by attackers named only generically are the attack told, not a
    clash of their own."""
    _, events = annotate("CIUDAD DE MÉXICO, 6 oct (EFE).- Al menos 20 personas, entre ellas el alcalde Conrado Mendoza, "
                         "murieron el miércoles en un ataque armado contra el ayuntamiento de San Miguel Totolapan, en el "
                         "estado mexicano de Guerrero, informaron las autoridades estatales.\n\nUn comando irrumpió por "
                         "la tarde en el palacio municipal, donde el edil estaba reunido con funcionarios y policías "
                         "municipales, y abrió fuego contra los presentes. Entre los fallecidos figura también el padre "
                         "del alcalde, Juan Mendoza, exalcalde del municipio.", D(2022, 10, 6))
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_the_day_of_a_claim_does_not_date_the_claimed_attack(annotate):
    """'reivindicó hoy el atentado suicida … que ayer causó al menos 60 muertos': the attack was yesterday."""
    _, events = annotate("TRÍPOLI, 8 ene (EFE).- El grupo yihadista Estado Islámico reivindicó hoy el atentado suicida con "
                         "camión bomba que ayer causó al menos 60 muertos en un centro de formación policial de Zliten.",
                         D(2016, 1, 8))
    assert [(e.sub_event_type, e.date_start) for e in events] == [("Suicide bomb", D(2016, 1, 7))], \
        [(e.sub_event_type, e.date_start, [m.rules for m in e.mentions]) for e in events]


@pytest.mark.parametrize("text,dct,town", [
    # a dateline whose city has an article is the desk's place, not the event's
    ("EL CAIRO, 6 ago (EFE).- Dieciséis soldados egipcios murieron anoche en el ataque de un grupo de hombres armados "
     "contra un puesto militar cerca de Rafah, en el norte del Sinaí.", D(2012, 8, 6), "Rafa"),
    # a place a direction is counted from is no event's place
    ("SKOPIE, 11 may (EFE).- Ocho policías murieron en los combates que el fin de semana enfrentaron a las fuerzas de "
     "seguridad con un grupo armado en Kumanovo, al noreste de Skopie.", D(2015, 5, 11), "Kumanovo"),
])
def test_the_desk_and_a_reference_point_are_not_the_event_place(annotate, text, dct, town):
    _, events = annotate(text, dct)
    assert events and all(town in e.place.name for e in events), [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_the_day_a_killing_is_claimed_does_not_date_it(annotate):
    """'se atribuyó hoy el asesinato del agente …, que murió anoche tiroteado': the killing was last night."""
    _, events = annotate("BELFAST, 10 mar (EFE).- El IRA de la Continuidad se atribuyó hoy el asesinato del agente Stephen "
                         "Carroll, que murió anoche tiroteado en Craigavon.", D(2009, 3, 10))
    assert events and all(e.date_start == D(2009, 3, 9) for e in events), [(e.sub_event_type, e.date_start) for e in events]


def test_a_town_named_earlier_in_the_paragraph_beats_a_wider_focus(annotate):
    """'… en el oeste de Uganda …' puts the story in a region; 'La violencia estalló el sábado en Kasese' then
    names the town, and 'Ese mismo día, las fuerzas … mataron a ocho guardias' is there, not at the region."""
    _, events = annotate("KAMPALA, 28 nov (EFE).- El número de muertos en los enfrentamientos del fin de semana entre "
                         "las fuerzas de seguridad ugandesas y la guardia real del reino tradicional de Rwenzururu, en "
                         "el oeste de Uganda, se elevó hoy a 62, dieciséis policías y 46 guardias, informó la Policía."
                         "\n\nLa violencia estalló el sábado en Kasese, la capital del reino, cuando, según la versión "
                         "policial, miembros de la guardia real atacaron una patrulla conjunta de policías y militares. "
                         "Ese mismo día, las fuerzas de seguridad irrumpieron en las oficinas del primer ministro del "
                         "reino, donde mataron a ocho guardias, y grupos de leales al rey atacaron a machetazos varios "
                         "puestos policiales del distrito.", D(2016, 11, 28))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    eight = [e for e in events if e.fatalities == 8]
    assert eight and all(e.place.name == "Kasese" for e in eight), told


def test_a_town_a_distance_is_counted_from_is_not_where_a_later_event_is(annotate):
    """'Nasir, … a unos 190 kilómetros al sureste de Malakal. El martes, los milicianos se hicieron con el
    cuartel': the barracks are at Nasir, not Malakal."""
    _, events = annotate("JUBA, 8 mar (EFE).- Un tripulante de un helicóptero de la ONU murió ayer cuando el aparato "
                         "fue atacado en Nasir, en el estado de Alto Nilo, mientras intentaba evacuar a militares "
                         "atrapados en la localidad tras varios días de combates con el llamado Ejército Blanco.\n\n"
                         "El Ejército Blanco se enfrenta desde el lunes a las Fuerzas de Defensa "
                         "del Pueblo de Sudán del Sur en Nasir, una ciudad a orillas del río Sobat, a unos 190 "
                         "kilómetros al sureste de Malakal, la capital del estado. El martes, los milicianos se "
                         "hicieron con el cuartel de Wech Yar Adiu y obligaron a las tropas a replegarse.",
                         D(2025, 3, 8))
    tuesday, told = on_day(events, D(2025, 3, 4))
    assert tuesday and all(e.place.name != "Malakal" for e in tuesday), told


def test_a_step_told_in_another_clause_than_a_date_dates_its_own_event(annotate):
    """'comenzó el 17 de diciembre de 1996 y terminó ciento veintiséis días después con el asalto': the assault is
    on the day the step reaches, not the day the sentence told first."""
    _, events = annotate("La toma de la residencia fue el secuestro de cientos de personas por un comando del MRTA que "
                         "comenzó el 17 de diciembre de 1996 en Lima y terminó ciento veintiséis días después con el "
                         "asalto de las fuerzas especiales peruanas.", None)
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assault = [e for e in events if e.sub_event_type == "Armed clash"]
    assert assault and all(e.date_start == D(1997, 4, 22) for e in assault), told


def test_the_lead_town_is_read_under_the_title_and_not_off_a_capital_that_acts(annotate):
    """An encyclopedic text opens with a title line: its lead is the paragraph under it ('… esa mezquita de
    Islamabad'), and a capital that acts ('Ankara considera a las YPG …') is no town the story is in."""
    _, events = annotate("Asedio de la Mezquita Roja\n\nEl asedio de la Mezquita Roja fue una operación de las fuerzas "
                         "de seguridad de Pakistán contra los estudiantes islamistas atrincherados en esa mezquita de "
                         "Islamabad, entre el 3 y el 11 de julio de 2007.\n\nEl asedio\n\nEl 3 de julio, estudiantes "
                         "armados se enfrentaron a la policía y a los paramilitares que rodeaban el complejo.")
    clash, told = on_day(events, D(2007, 7, 3))
    assert clash and all(e.place and e.place.name == "Islamabad" for e in clash), told
    _, events = annotate("Operación Rama de Olivo\n\nLa operación fue la ofensiva lanzada a comienzos de 2018 por el "
                         "Ejército turco contra las YPG, la milicia kurda que controlaba el cantón de Afrin, en el "
                         "noroeste de Siria. Ankara considera a las YPG una extensión del PKK.\n\nDesarrollo\n\nLa "
                         "aviación turca bombardeó el 20 de enero decenas de posiciones de las milicias kurdas en el "
                         "distrito.")
    strikes, told = on_day(events, D(2018, 1, 20))
    assert strikes and all(e.place and e.place.name != "Ankara" for e in strikes), told


def test_a_town_named_once_as_the_focus_gives_way_to_the_town_the_text_names_most(annotate):
    """'Zauiya … Zauiya … Las protestas, iniciadas en Bengasi, prendieron pronto en la ciudad. … Cuatro días
    después, unos 200 soldados entraron por el este': the soldiers entered Zauiya, not Benghazi."""
    _, events = annotate("Zauiya (también escrita Zawiya), ciudad costera al oeste de Trípoli, fue escenario de dos "
                         "batallas en 2011. Los rebeldes controlaron Zauiya en febrero.\n\nLas protestas contra "
                         "Gadafi, iniciadas en Bengasi a mediados de febrero, prendieron pronto en la ciudad. El 24 "
                         "de febrero, tropas leales dispararon contra los manifestantes.\n\nCuatro días después, unos "
                         "200 soldados apoyados por tanques entraron por el este, pero fueron rechazados.")
    later, told = on_day(events, D(2011, 2, 28))
    assert later and all(e.place and e.place.name == "Zawiya" for e in later), told


def test_an_aircraft_hit_by_a_missile_is_no_ground_reached_and_a_launch_site_no_place(annotate):
    """'un An-26 fue alcanzado a 6.500 metros sobre la región de Lugansk por un misil que se disparó desde Rusia':
    a hit (not ground taken), and not in Russia."""
    _, events = annotate("KIEV, 18 jul (EFE).- El lunes, un An-26 de la Fuerza Aérea ucraniana fue alcanzado a 6.500 "
                         "metros sobre la región de Lugansk por un misil que, según Kiev, probablemente se disparó "
                         "desde Rusia.", D(2014, 7, 18))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert not any(e.event_type == "Strategic developments" or "territory" in e.sub_event_type for e in events), told
    assert not any(e.place and e.place.country == "RU" for e in events), told


def test_the_story_after_a_dateline_is_parsed_on_its_own(annotate):
    """'BOGOTÁ, 18 ene (EFE).- Al menos 24 campesinos fueron asesinados …': parsed with the dateline, 'BOGOTÁ'
    was the subject and no person the victim; the story's first sentence is parsed alone."""
    _, events = annotate("BOGOTÁ, 18 ene (EFE).- Al menos 24 campesinos fueron asesinados a golpes en la madrugada de "
                         "ayer por un grupo de paramilitares que irrumpió en Chengue, un caserío del municipio de "
                         "Ovejas, en el departamento caribeño de Sucre, informaron hoy fuentes oficiales.",
                         D(2001, 1, 18))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert any(e.sub_event_type == "Attack" and e.date_start == D(2001, 1, 17) for e in events), told


def test_attacks_told_with_a_step_from_earlier_ones_are_no_habit(annotate):
    """'murieron ayer … en dos atentados suicidas …, cinco días después de los ataques contra dos sinagogas': the
    step is counted from other attacks, no period over which these recur."""
    _, events = annotate("ESTAMBUL, 21 nov (EFE).- Al menos 27 personas murieron y unas 450 resultaron heridas ayer en "
                         "Estambul en dos atentados suicidas con camiones bomba contra el consulado general del Reino "
                         "Unido y la sede del banco HSBC, cinco días después de los ataques contra dos sinagogas de "
                         "la ciudad.", D(2003, 11, 21))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert any(e.date_start == D(2003, 11, 20) and e.place and e.place.name == "Istanbul" for e in events), told


def test_a_dateline_of_two_desks_is_no_event_place(annotate):
    """'MOSCÚ/BEIRUT, 30 sep (EFE).- La aviación rusa bombardeó hoy … objetivos en Siria': not in Moscow."""
    _, events = annotate("MOSCÚ/BEIRUT, 30 sep (EFE).- La aviación rusa bombardeó hoy por primera vez objetivos en Siria, "
                         "y al menos 27 civiles murieron en localidades del norte de la provincia de Homs.",
                         D(2015, 9, 30))
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert events and not any(e.place and e.place.country == "RU" for e in events), told


def test_where_the_subject_is_led_from_is_not_where_the_event_was(annotate):
    text = ("ARGEL, 18 ene (EFE).- Un grupo yihadista asaltó el miércoles la planta de gas de Tiguentourine, cerca de "
            "Illizi.\n\nEl grupo, dirigido desde el norte de Malí por Mojtar Belmojtar, mató el jueves a siete rehenes.")
    _, events = annotate(text, D(2013, 1, 18))
    assert events and all(e.place is not None and e.place.country == "DZ" for e in events), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_ramming_told_as_a_noun_is_an_attack_on_its_day(annotate):
    """'la investigación del atropello de anoche en un mercadillo navideño' (in a story that names the Islamic
    State): the ramming, an attack, on the day before the dateline."""
    _, events = annotate("BERLÍN, 20 dic (EFE).- La Fiscalía Federal alemana asumió hoy la investigación del atropello "
                         "de anoche en un mercadillo navideño del oeste de Berlín, en el que doce personas murieron. El "
                         "grupo yihadista Estado Islámico se atribuyó hoy la matanza.", D(2016, 12, 20))
    rammed = [e for e in events if any(m.trigger.text == "atropello" for m in e.mentions)]
    assert [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in rammed] == \
        [("Attack", D(2016, 12, 19), "Berlin")], [(e.sub_event_type, e.date_start) for e in events]


def test_a_town_something_came_from_is_not_the_leads_place(annotate):
    """'… el aeropuerto de Adén, minutos después de que aterrizara el avión que traía desde Riad a los miembros del
    nuevo Gobierno': the lead's story is in Aden; the plane came from Riyadh."""
    _, events = annotate("ADÉN (Yemen), 31 dic (EFE).- El ministro de Sanidad yemení elevó hoy a 25 los muertos del "
                         "ataque perpetrado ayer contra el aeropuerto de Adén, en el sur del país, minutos después de "
                         "que aterrizara el avión que traía desde Riad a los miembros del nuevo Gobierno.\n\nLas "
                         "explosiones sacudieron la terminal a primera hora de la tarde del miércoles. Tres proyectiles "
                         "de mortero cayeron sobre el edificio principal.", D(2020, 12, 31))
    assert events and all(e.place is not None and e.place.name == "Aden" for e in events), \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_the_towns_a_road_joins_and_the_victims_country_are_not_where_it_happened(annotate):
    # "por la carretera entre Kabul y Kandahar": the road's ends; "voluntarios … de Corea del Sur": their country
    text = ("El 19 de julio de 2007, insurgentes talibanes secuestraron a veintitrés voluntarios cristianos de Corea "
            "del Sur que viajaban en autobús por la carretera entre Kabul y Kandahar, a su paso por el distrito de "
            "Qarabagh, en la provincia de Ghazni.")
    _, events = annotate(text, None)
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    assert [e.place.country for e in events if e.place is not None] == ["AF"], told
    assert not any(e.place.name in ("Kabul", "Kandahār") for e in events if e.place is not None), told


def test_the_dateline_is_not_where_the_lead_says_it_happened(annotate):
    # "SÃO PAULO … una escuela pública de Suzano, en la región metropolitana de São Paulo": Suzano, 40 km away
    text = ("SÃO PAULO, 13 mar (EFE).- Dos exalumnos armados con un revólver mataron hoy a cinco estudiantes y a dos "
            "empleadas de una escuela pública de Suzano, en la región metropolitana de São Paulo.")
    _, events = annotate(text, D(2019, 3, 13))
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    assert [e.place.name for e in events if e.place is not None][:1] == ["Suzano"], told


def test_a_camp_the_gazetteer_lacks_is_in_the_story_s_town(annotate):
    # "el campamento Naaba Koom II": a facility of the town the text has named, not somewhere unknown
    text = ("Miles de manifestantes asaltaron la Asamblea Nacional en Uagadugú el 30 de octubre de 2014.\n\n"
            "El 21 de septiembre de 2015, unidades del Ejército marcharon sobre Uagadugú.\n\n"
            "El martes 29, el Ejército tomó por la fuerza su cuartel, el campamento Naaba Koom II.")
    _, events = annotate(text, None)
    told = [(e.sub_event_type, e.date_start, e.place and e.place.name) for e in events]
    assert any(e.date_start == D(2015, 9, 29) and e.place is not None and e.place.name == "Ouagadougou"
               for e in events), told


@pytest.mark.parametrize("text,dct,place", [
    # a protest is where it marches, not where what it is against happened
    ("Al mediodía de ayer, agentes antidisturbios detuvieron en la plaza de Armas de Cajamarca al ex sacerdote Marco "
     "Arana. Arana quedó en libertad esta madrugada.\n\nPor la noche, cerca de medio millar de personas marcharon por "
     "el centro de Lima contra la represión en Cajamarca, en una protesta que terminó en choques con la Policía.",
     D(2012, 7, 5), "Lima"),
    # ... but shooting at a protest is where the protest was
    ("Soldados estadounidenses abrieron fuego hoy contra una manifestación en Faluya, y mataron al menos a tres "
     "iraquíes.", D(2003, 4, 30), "Fallujah"),
])
def test_a_protest_is_not_where_what_it_opposes_happened(annotate, text, dct, place):
    _, events = annotate(text, dct)
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    crowd = [e for e in events if e.event_type == "Protests"]
    assert crowd and all(e.place is not None and e.place.name == place for e in crowd), told


def test_a_date_opening_the_next_coordinated_clause_is_that_clause_s(annotate):
    """'…, y la noche del 24 al 25 de julio la aviación turca bombardeó …': the parser hangs the date on the
    killing told before it; it dates the air strikes, with their own subject after it."""
    _, events = annotate("El 20 de julio de 2015 un atentado suicida mató a 32 jóvenes en Suruç. Dos días después, "
                         "el PKK reivindicó el asesinato de dos policías en Ceylanpınar, a los que acusaba de colaborar "
                         "con los yihadistas, y la noche del 24 al 25 de julio la aviación turca bombardeó sus "
                         "campamentos de las montañas de Qandil, en el norte de Irak.", D(2015, 9, 7))
    rows = {e.sub_event_type: (e.date_start, e.date_end) for e in events}
    assert rows.get("Air/drone strike") == (D(2015, 7, 24), D(2015, 7, 25)), rows
    assert rows.get("Attack") and rows["Attack"][0] < D(2015, 7, 24), rows


def test_a_lead_that_names_only_its_country_is_placed_by_the_next_paragraph(annotate):
    """'Al menos 15 manifestantes murieron ayer … en Sudán' and, in the next paragraph, 'La mayoría de las víctimas
    mortales se registraron en Omdurmán': the lead's killing is in that town of that country."""
    _, events = annotate("Al menos 15 manifestantes murieron ayer por disparos de las fuerzas de seguridad en Sudán, "
                         "según el Comité Central de Médicos Sudaneses.\n\nLa mayoría de las víctimas mortales se "
                         "registraron en Omdurmán, al otro lado del Nilo.", D(2021, 11, 18))
    assert events and events[0].place is not None and events[0].place.name == "Omdurman", \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_protest_with_no_place_of_its_own_is_in_the_leads_town(annotate):
    """'… en los calabozos de la Comandancia General de la Policía del estado Carabobo, en Valencia …' and later
    'decenas de familiares … se enfrentaron con los agentes que custodiaban la sede': the lead's town."""
    _, events = annotate("VALENCIA (Venezuela), 29 mar (EFE).- Al menos 68 personas murieron ayer en un motín en los "
                         "calabozos de la Comandancia de la Policía del estado Carabobo, en Valencia, informó hoy el "
                         "fiscal.\n\nHacia el mediodía, decenas de familiares que esperaban noticias frente a la sede "
                         "policial se enfrentaron con los agentes, que los dispersaron con gases lacrimógenos.",
                         D(2018, 3, 29))
    protests = [e for e in events if e.sub_event_type == "Protest with intervention"]
    assert protests and protests[0].place is not None and protests[0].place.name == "Valencia", \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_where_talks_were_held_is_not_where_the_event_was(annotate):
    """'La matanza coincidió con el segundo día de las negociaciones de paz de Ginebra': not an attack in Geneva."""
    _, events = annotate("HOMS (Siria), 25 feb (EFE).- Al menos 42 personas murieron hoy en dos ataques suicidas contra "
                         "sedes de los servicios de seguridad en Homs. La matanza coincidió con el segundo día de las "
                         "negociaciones de paz de Ginebra.", D(2017, 2, 25))
    told = [(e.sub_event_type, e.place and e.place.name) for e in events]
    assert events and all(e.place is not None and e.place.name == "Homs" for e in events), told


def test_shots_at_unarmed_people_are_an_attack(annotate):
    """'dispararon desde un coche contra un joven serbio': no armed party against the shooters, an attack on a civilian."""
    _, events = annotate("PRISTINA, 18 mar (EFE).- Unos desconocidos dispararon ayer desde un coche contra un joven serbio "
                         "de 18 años en Caglavica, cerca de Pristina.", D(2004, 3, 18))
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


def test_what_a_claim_is_about_is_the_event_told(annotate):
    """'Ningún grupo ha reivindicado la matanza, pero el FSB apunta al Cáucaso Norte': no second event up there."""
    _, events = annotate("MOSCÚ, 29 mar (EFE).- Dos suicidas se hicieron estallar hoy en el metro de Moscú y mataron a 39 "
                         "personas. Ningún grupo ha reivindicado la matanza, pero el FSB apunta al Cáucaso Norte.",
                         D(2010, 3, 29))
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Suicide bomb", "Moscow")], \
        [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_suicide_attacker_s_assault_is_a_suicide_bomb(annotate):
    _, events = annotate("KABUL, 5 may (EFE).- El pasado 3 de mayo, un suicida del grupo yihadista Estado Islámico atacó "
                         "un convoy de la OTAN en Kabul y mató a ocho civiles.", D(2017, 5, 5))
    assert {e.sub_event_type for e in events} == {"Suicide bomb"}, [(e.sub_event_type, [m.rules for m in e.mentions]) for e in events]


def test_where_the_attackers_are_based_is_not_where_they_struck(annotate):
    _, events = annotate("SARAJEVO, 11 abr (EFE).- Dos F-16 norteamericanos con base en Aviano (Italia) bombardearon ayer "
                         "posiciones serbias cerca de Tuzla.", D(1994, 4, 11))
    assert [e.place.name for e in events] == ["Tuzla"], [(e.sub_event_type, e.place and e.place.name) for e in events]


def test_a_report_about_a_massacre_is_no_massacre_of_its_own(annotate):
    _, events = annotate("El 20 de abril de 2004 paramilitares asesinaron a doce indígenas wayuu en Uribia. El Grupo de "
                         "Memoria Histórica publicó en 2010 un informe sobre la masacre.", None)
    assert [e.date_start.year for e in events] == [2004], [(e.sub_event_type, e.date_start) for e in events]


def test_an_event_noun_is_dated_by_its_victims_participle_not_by_the_main_clause(annotate):
    _, events = annotate("PUERTO PRÍNCIPE, 31 ago (EFE).- Haití comenzó hoy tres días de duelo nacional por el asesinato "
                         "del decano del Colegio de Abogados, Monferrier Dorval, abatido a tiros la noche del viernes "
                         "junto a su casa de Pétion-Ville.", D(2020, 8, 31))
    assert [(e.sub_event_type, e.date_start) for e in events] == [("Attack", D(2020, 8, 28))], \
        [(e.sub_event_type, e.date_start) for e in events]


def test_shots_at_the_attacks_own_victims_are_that_attack(annotate):
    text = ("GUATEMALA, 8 sep (EFE).- Once personas murieron y más de una decena resultaron heridas en un ataque armado "
            "perpetrado anoche contra una cantina de San José Nacahuil, una aldea del municipio de San Pedro Ayampuc, "
            "informaron fuentes oficiales.\n\nSegún testigos, los agresores llegaron hacia las diez y media de la noche "
            "del sábado a la cantina Sol, en el primer cantón de la aldea, y dispararon contra los clientes. Ocho "
            "cadáveres quedaron dentro del local.\n\nLos pistoleros hirieron a varios vecinos que se acercaron al oír "
            "las ráfagas y huyeron en un automóvil robado.")
    _, events = annotate(text, D(2013, 9, 8))
    assert len([e for e in events if e.date_start == D(2013, 9, 7)]) == 1, \
        [(e.sub_event_type, e.date_start, e.actor2) for e in events]


@pytest.mark.parametrize("form,broken,infinitive", [
    ("mataran", "matarar", "matar"),      # the model's lemma of a past subjunctive, broken in some contexts
    ("atacaron", "atacaron", "atacar"),
    ("tomara", "tomarar", "tomar"),
])
def test_past_ar_forms_key_their_infinitive(form, broken, infinitive):
    from cronica.events.syntax import _keys
    assert infinitive in _keys(form, broken)

