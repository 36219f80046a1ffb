"""Table-driven tests of the Spanish temporal tagger: one row per construction."""
from __future__ import annotations

import pickle
from datetime import date

import pytest

from cronica.model import Span
from cronica.time import TimeTagger, reference_date

D = date.fromisoformat


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger("es")


def one(tagger: TimeTagger, text: str, dct: date | None, span: str):
    found = [t for t in tagger.tag(text, dct) if t.span.text == span]
    assert found, f"{span!r} not found in {[t.span.text for t in tagger.tag(text, dct)]}"
    t = found[0]
    assert text[t.span.start:t.span.end] == t.span.text
    return t


# a paragraph of news with no date in it, to set a told day far back
FILLER = ("Según fuentes de seguridad consultadas por la agencia, los soldados y los milicianos que los apoyaban "
          "abandonaron sus posiciones para evitar combates en una zona muy poblada, y las autoridades locales "
          "pidieron a los vecinos que permanecieran en sus casas mientras durara la incertidumbre sobre el control.")


# (text, dct, span, type, value, mod, interval)
# an encyclopedic story whose "Contexto" section tells what came before its main date
NYALA = ("Caída de Nyala\n\nLa caída de Nyala fue la toma del cuartel a finales de octubre de 2023.\n\nContexto\n\n"
         "La guerra estalló el 15 de abril en Jartum.\n\nLa batalla\n\nA comienzos de octubre, los paramilitares "
         "atacaron.")

ROWS = [
    # a day number alone at the head of a clause: the next such day of the story's month
    ("La ofensiva se lanzó el 20 de agosto de 2017.\n\nEl 22, las tropas entraron en la ciudad.", None, "El 22",
     "DATE", "2017-08-22", None, ("2017-08-22", "2017-08-22")),
    ("El 28 de agosto de 2017 tomaron Al Ayadiya y el 31 Al Abadi proclamó la liberación.", None, "el 31", "DATE",
     "2017-08-31", None, ("2017-08-31", "2017-08-31")),
    # (dusk, "al caer la tarde", is the evening: TEV)
    ("El 20 de septiembre de 2024 hubo un ataque. Al caer la tarde del 27, cazas israelíes atacaron.", None,
     "la tarde del 27", "TIME", "2024-09-27TEV", None, ("2024-09-27", "2024-09-27")),
    # a range's end does not move the narrative: the story starts at its beginning
    ("La campaña se libró entre 2019 y 2020. Comenzó a finales de abril.", None, "finales de abril", "DATE", "2019-04",
     "END", ("2019-04-21", "2019-04-30")),
    # a past participle right before the date: behind the dct
    ("Liberaron a los rehenes secuestrados el 7 de octubre en el festival.", D("2024-06-09"), "7 de octubre", "DATE",
     "2023-10-07", None, ("2023-10-07", "2023-10-07")),
    # a yearless date coordinated with a dated one takes its year (the year before if its month is later)
    ("Durante julio y agosto de 2017 hubo combates.", None, "julio", "DATE", "2017-07", None, ("2017-07-01", "2017-07-31")),
    ("Entre diciembre y enero de 2017 hubo combates.", None, "diciembre", "DATE", "2016-12", None, ("2016-12-01", "2016-12-31")),
    # absolute and partial dates
    ("Ocurrió el 23 de enero de 2017.", None, "23 de enero de 2017", "DATE", "2017-01-23", None, ("2017-01-23", "2017-01-23")),
    ("La operación, iniciada en mayo de 2016, siguió.", None, "mayo de 2016", "DATE", "2016-05", None, ("2016-05-01", "2016-05-31")),
    ("Nació en 2016 en Mosul.", None, "2016", "DATE", "2016", None, ("2016-01-01", "2016-12-31")),
    ("En 2016 hubo combates. El 7 de enero llegaron.", None, "7 de enero", "DATE", "2016-01-07", None, ("2016-01-07", "2016-01-07")),
    ("En enero de 2017 avanzaron; el domingo 8 de enero cruzaron.", None, "domingo 8 de enero", "DATE", "2017-01-08", None, ("2017-01-08", "2017-01-08")),
    ("Llegaron el 8 ENERO 2017.", None, "8 ENERO 2017", "DATE", "2017-01-08", None, ("2017-01-08", "2017-01-08")),
    ("el 11 de setiembre de 2001", None, "11 de setiembre de 2001", "DATE", "2001-09-11", None, ("2001-09-11", "2001-09-11")),
    ("el veintitrés de enero de 2017", None, "veintitrés de enero de 2017", "DATE", "2017-01-23", None, ("2017-01-23", "2017-01-23")),
    ("el 23 de enero de 2017", D("2020-05-01"), "23 de enero de 2017", "DATE", "2017-01-23", None, ("2017-01-23", "2017-01-23")),
    ("Firmado el 05/03/2016.", None, "05/03/2016", "DATE", "2016-03-05", None, ("2016-03-05", "2016-03-05")),
    # narrative anchoring: the year rolls forward
    ("A fines de diciembre de 2016 atacaron. Para el 7 de enero habían llegado.", None, "7 de enero", "DATE", "2017-01-07", None, ("2017-01-07", "2017-01-07")),
    ("En septiembre de 2016 empezó. Recuperaron el control desde octubre.", None, "octubre", "DATE", "2016-10", None, ("2016-10-01", "2016-10-31")),
    # news deixis against the dct
    ("Hoy se reunieron.", D("2017-01-10"), "Hoy", "DATE", "2017-01-10", None, ("2017-01-10", "2017-01-10")),
    ("Ayer hubo un ataque.", D("2017-01-10"), "Ayer", "DATE", "2017-01-09", None, ("2017-01-09", "2017-01-09")),
    ("Anoche hubo un ataque.", D("2017-01-10"), "Anoche", "TIME", "2017-01-09TNI", None, ("2017-01-09", "2017-01-09")),
    ("mañana se reunirán", D("2017-01-10"), "mañana", "DATE", "2017-01-11", None, ("2017-01-11", "2017-01-11")),
    ("Se votará este domingo.", D("2017-01-10"), "este domingo", "DATE", "2017-01-15", None, ("2017-01-15", "2017-01-15")),
    ("Llegó el pasado martes.", D("2017-01-12"), "el pasado martes", "DATE", "2017-01-10", None, ("2017-01-10", "2017-01-10")),
    ("Lo anunció el lunes.", D("2017-01-12"), "lunes", "DATE", "2017-01-09", None, ("2017-01-09", "2017-01-09")),
    ("Lo hará el lunes.", D("2017-01-12"), "lunes", "DATE", "2017-01-16", None, ("2017-01-16", "2017-01-16")),
    ("Empezó en mayo pasado.", D("2017-03-01"), "mayo pasado", "DATE", "2016-05", None, ("2016-05-01", "2016-05-31")),
    ("Ocurrió hace tres días.", D("2017-01-10"), "hace tres días", "DATE", "2017-01-07", None, ("2017-01-07", "2017-01-07")),
    # a count told as exact ("justo", "exactamente", "escasamente") names the very day, not its month or year
    ("Hace justo un mes, Apple presentó el teléfono.", D("2008-07-09"), "Hace justo un mes", "DATE", "2008-06-09", None,
     ("2008-06-09", "2008-06-09")),
    ("Hace un mes llegó el actor.", D("2008-07-09"), "Hace un mes", "DATE", "2008-06", None, ("2008-06-01", "2008-06-30")),
    ("Ocurrió la semana pasada.", D("2017-01-11"), "la semana pasada", "DATE", "2017-W01", None, ("2017-01-02", "2017-01-08")),
    ("Se votará el próximo mes.", D("2017-01-11"), "el próximo mes", "DATE", "2017-02", None, ("2017-02-01", "2017-02-28")),
    ("Este año hubo elecciones.", D("2017-06-11"), "Este año", "DATE", "2017", None, ("2017-01-01", "2017-12-31")),
    ("el año pasado", D("2017-06-11"), "el año pasado", "DATE", "2016", None, ("2016-01-01", "2016-12-31")),
    ("el primer trimestre de 2016", None, "el primer trimestre de 2016", "DATE", "2016-Q1", None, ("2016-01-01", "2016-03-31")),
    ("Ahora cambia todo.", D("2017-06-11"), "Ahora", "DATE", "PRESENT_REF", None, None),
    # fuzzy parts
    ("Concluyó a finales de junio de 2016.", None, "finales de junio de 2016", "DATE", "2016-06", "END", ("2016-06-21", "2016-06-30")),
    ("a principios de junio de 2016", None, "principios de junio de 2016", "DATE", "2016-06", "START", ("2016-06-01", "2016-06-10")),
    ("a mediados de junio de 2016", None, "mediados de junio de 2016", "DATE", "2016-06", "MID", ("2016-06-11", "2016-06-20")),
    ("a comienzos de 2015", None, "comienzos de 2015", "DATE", "2015", "START", ("2015-01-01", "2015-04-30")),
    ("la primera quincena de marzo de 2016", None, "la primera quincena de marzo de 2016", "DATE", "2016-03", None, ("2016-03-01", "2016-03-15")),
    ("en el verano de 2016", None, "el verano de 2016", "DATE", "2016-SU", None, ("2016-06-01", "2016-08-31")),
    ("a mediados de los 90", None, "mediados de los 90", "DATE", "199", "MID", ("1993-01-01", "1995-12-31")),
    ("durante la década de los noventa", None, "la década de los noventa", "DATE", "199", None, ("1990-01-01", "1999-12-31")),
    ("en el siglo XIX", None, "el siglo XIX", "DATE", "18", None, ("1800-01-01", "1899-12-31")),
    # durations and sets
    ("tras 100 días de enfrentamientos", None, "100 días", "DURATION", "P100D", None, None),
    ("por primera vez en tres meses", None, "tres meses", "DURATION", "P3M", None, None),
    ("durante más de 8 meses", None, "más de 8 meses", "DURATION", "P8M", "MORE_THAN", None),
    ("cuatro semanas de asedio", None, "cuatro semanas", "DURATION", "P4W", None, None),
    ("treinta y dos días", None, "treinta y dos días", "DURATION", "P32D", None, None),
    ("dos años y medio", None, "dos años y medio", "DURATION", "P2.5Y", None, None),
    ("completó la carrera en 69 horas, 31 minutos y 52 segundos", None, "69 horas, 31 minutos y 52 segundos", "DURATION",
     "PT69H31M52S", None, None),
    ("condenado a tres años, dos meses y un día", None, "tres años, dos meses y un día", "DURATION", "P3Y2M1D", None, None),
    ("tardó dos horas y 30 minutos", None, "dos horas y 30 minutos", "DURATION", "PT2H30M", None, None),
    ("varios meses después", None, "varios meses después", "DURATION", "PXM", None, None),
    ("tres días después", None, "tres días después", "DURATION", "P3D", None, None),
    # a quarter or half told in months of a year: the period, as "el primer trimestre de 2008"; bare, a span
    ("Alcoa perdió 1.190 millones en los últimos tres meses de 2008.", D("2009-04-08"), "últimos tres meses de 2008",
     "DATE", "2008-Q4", None, ("2008-10-01", "2008-12-31")),
    ("Toyota vendió más en los tres primeros meses del año.", D("2007-04-25"), "tres primeros meses del año", "DATE",
     "2007-Q1", None, ("2007-01-01", "2007-03-31")),
    ("Las ventas cayeron en los seis primeros meses de 2009.", D("2009-08-01"), "seis primeros meses de 2009", "DATE",
     "2009-H1", None, ("2009-01-01", "2009-06-30")),
    ("Los últimos tres meses fueron duros.", D("2009-08-01"), "Los últimos tres meses", "DURATION", "P3M", None, None),
    # a day of the month of a full date told earlier in the sentence is of that month, however far back
    ("El Dow Jones cayó ayer como no lo hacía desde el 17 de septiembre de 2001, la primera sesión tras los atentados "
     "del 11 de septiembre.", D("2007-02-28"), "11 de septiembre", "DATE", "2001-09-11", None,
     ("2001-09-11", "2001-09-11")),
    # "a principios de mes" told with a day of another month in its sentence: that day's month
    ("El programa terminó el lunes 24 de agosto, después de que el Congreso lo ampliara a principios de mes.",
     D("2009-09-01"), "principios de mes", "DATE", "2009-08", "START", ("2009-08-01", "2009-08-10")),
    ("Las ventas subirán a finales de mes.", D("2009-09-01"), "finales de mes", "DATE", "2009-09", "END",
     ("2009-09-21", "2009-09-30")),
    ("se reúnen cada semana", None, "cada semana", "SET", "P1W", None, None),
    ("un informe anual", None, "anual", "SET", "P1Y", None, None),
    ("los intereses se pagan trimestralmente", None, "trimestralmente", "SET", "P3M", None, None),
    ("un informe semestral", None, "semestral", "SET", "P6M", None, None),
    # ranges
    ("del 3 al 5 de marzo de 2016", None, "5 de marzo de 2016", "DATE", "2016-03-05", None, ("2016-03-05", "2016-03-05")),
    ("del 3 al 5 de marzo de 2016", None, "3", "DATE", "2016-03-03", None, ("2016-03-03", "2016-03-03")),
    # a day told back in a pluperfect relative ("que había inaugurado la víspera") is not the one "esa misma" points to
    ("El 25 de febrero de 2009, durante la reunión que Hasina había inaugurado la víspera, los soldados abrieron "
     "fuego. Esa misma tarde, Hasina recibió a una delegación.", None, "Esa misma tarde", "TIME", "2009-02-25TAF",
     None, ("2009-02-25", "2009-02-25")),
    # a bare day then its clause's subject ("y el 16 un camión bomba estalló")
    ("El 9 de septiembre de 1999 estalló una bomba; el 13, otra, y el 16 un camión bomba estalló en Volgodonsk.", None,
     "el 16", "DATE", "1999-09-16", None, ("1999-09-16", "1999-09-16")),
    # "desde X y el 16 de octubre …": no range without a closing word; the later date moves the story on
    ("Los presos murieron el 19 de octubre de 1973. La comitiva recorrió el sur desde el 30 de septiembre y el 16 de "
     "octubre emprendió su gira. Ese día hubo fusilamientos.", None, "Ese día", "DATE", "1973-10-16", None,
     ("1973-10-16", "1973-10-16")),
    ("entre mayo y junio de 2016", None, "junio de 2016", "DATE", "2016-06", None, ("2016-06-01", "2016-06-30")),
    # news constructions
    ("la madrugada de este jueves", D("2017-03-15"), "la madrugada de este jueves", "TIME", "2017-03-16TMO", None, ("2017-03-16", "2017-03-16")),
    ("el domingo por la noche", D("2017-03-15"), "domingo por la noche", "TIME", "2017-03-12TNI", None, ("2017-03-12", "2017-03-12")),
    ("a finales del mes pasado", D("2017-03-15"), "finales del mes pasado", "DATE", "2017-02", "END", ("2017-02-21", "2017-02-28")),
    ("el pasado fin de semana", D("2017-03-15"), "el pasado fin de semana", "DATE", "2017-W10-WE", None, ("2017-03-11", "2017-03-12")),
    ("la última semana de marzo de 2009", None, "la última semana de marzo de 2009", "DATE", "2009-W13", None, ("2009-03-22", "2009-03-31")),
    ("en julio del próximo año", D("2000-09-15"), "julio del próximo año", "DATE", "2001-07", None, ("2001-07-01", "2001-07-31")),
    ("el cuarto trimestre", D("2007-03-13"), "el cuarto trimestre", "DATE", "2006-Q4", None, ("2006-10-01", "2006-12-31")),
    ("Lo dijo el lunes.", D("2017-03-13"), "lunes", "DATE", "2017-03-13", None, ("2017-03-13", "2017-03-13")),
    ("el día 8", D("2002-01-02"), "el día 8", "DATE", "2002-01-08", None, ("2002-01-08", "2002-01-08")),
    ("a mediados de la década de 1990", None, "mediados de la década de 1990", "DATE", "199", "MID", ("1993-01-01", "1995-12-31")),
    ("los 80.000 millones", None, None, None, None, None, None),
    ("la investigación sobre Sydney-2000", None, None, None, None, None, None),
    # times
    ("hoy a las 12:00 UTC", D("2009-06-01"), "hoy a las 12:00 UTC", "TIME", "2009-06-01T12:00Z", None, ("2009-06-01", "2009-06-01")),
    ("a las 14.00 hora local del martes", D("2017-03-15"), "las 14.00 hora local del martes", "TIME", "2017-03-14T14:00", None, ("2017-03-14", "2017-03-14")),
    ("a las 8.15 horas", D("2017-01-10"), "las 8.15 horas", "TIME", "2017-01-10T08:15", None, ("2017-01-10", "2017-01-10")),
    ("a las 16:00 GMT", D("2017-01-10"), "las 16:00 GMT", "TIME", "2017-01-10T16:00Z", None, ("2017-01-10", "2017-01-10")),
    ("El avión despegó a las 3 p.m. hora local.", D("2005-08-10"), "las 3 p.m. hora local", "TIME", "2005-08-10T15:00", None, ("2005-08-10", "2005-08-10")),
    ("a las 11:30 a.m.", D("2005-08-10"), "las 11:30 a.m.", "TIME", "2005-08-10T11:30", None, ("2005-08-10", "2005-08-10")),
    # a clock time or part of day takes the day told earlier in the sentence (or just before)
    ("Los hechos ocurrieron el 3 de agosto a las 15.00 horas.", D("2005-08-10"), "las 15.00 horas", "TIME", "2005-08-03T15:00", None, ("2005-08-03", "2005-08-03")),
    ("Mañana , domingo , a las 08.00 hora local ( 13.00 gmt ) partirán.", D("2000-07-15"), "13.00 gmt", "TIME", "2000-07-16T13:00Z", None, ("2000-07-16", "2000-07-16")),
    ("El mismo día 20 de noviembre , por la tarde , se reunieron.", D("2000-11-17"), "la tarde", "TIME", "2000-11-20TAF", None, ("2000-11-20", "2000-11-20")),
    ("Volcó ayer en la A-2. El tráfico quedó cortado hasta las 11.45 horas.", D("2001-01-03"), "las 11.45 horas", "TIME", "2001-01-02T11:45", None, ("2001-01-02", "2001-01-02")),
    # the first end of a range takes the year of the second
    ("se registraron entre enero y marzo de 1998", D("1999-05-01"), "enero", "DATE", "1998-01", None, ("1998-01-01", "1998-01-31")),
    ("El 30 de diciembre y el 2 de enero de 2004 hubo lluvias.", D("2005-08-10"), "30 de diciembre", "DATE", "2003-12-30", None, ("2003-12-30", "2003-12-30")),
    # "el día 12" just after a told date falls in that date's month
    ("Dos semanas después del 11 de septiembre . El día 12 , los rollos debían enviarse .", D("2002-01-03"), "El día 12", "DATE", "2001-09-12", None, ("2001-09-12", "2001-09-12")),
    ("el 1º de agosto", D("2005-08-10"), "1º de agosto", "DATE", "2005-08-01", None, ("2005-08-01", "2005-08-01")),
    ("a primeros de año", D("2000-05-25"), "primeros de año", "DATE", "2000", "START", ("2000-01-01", "2000-04-30")),
    ("a últimos de mayo", D("2000-05-25"), "últimos de mayo", "DATE", "2000-05", "END", ("2000-05-21", "2000-05-31")),
    ("En lo que va de año , el mercado ha subido.", D("1999-06-01"), "año", "DATE", "1999", None, ("1999-01-01", "1999-12-31")),
    ("La cumbre se prepara a partir del viernes.", D("2000-06-01"), "viernes", "DATE", "2000-06-02", None, ("2000-06-02", "2000-06-02")),
    # vague and fixed phrases
    ("Hasta el momento no hay víctimas.", D("2000-10-17"), "el momento", "DATE", "PRESENT_REF", None, None),
    ("Desde entonces entró en silencio.", D("2000-06-01"), "entonces", "DATE", "PAST_REF", None, None),
    ("En la actualidad operan 20 empresas.", D("2000-04-16"), "la actualidad", "DATE", "PRESENT_REF", None, None),
    ("el undécimo gol que marca en la presente Liga", D("2000-04-16"), "presente", "DATE", "PRESENT_REF", None, None),
    ("lo que en su día pagaron", D("2000-05-25"), "su día", "DATE", "PAST_REF", None, None),
    ("Llevan años al servicio de la empresa.", D("1999-02-02"), "años", "DURATION", "PXY", None, None),
    ("Es la primera vez en años que ocurre.", D("1999-02-02"), "años", "DURATION", "PXY", None, None),
    ("Durante año y medio trabajó allí.", None, "año y medio", "DURATION", "P1.5Y", None, None),
    ("Tardó hora y media en llegar.", None, "hora y media", "DURATION", "PT1.5H", None, None),
    ("Tardó un cuarto de hora en llegar.", None, "un cuarto de hora", "DURATION", "PT15M", None, None),
    ("Un lustro después volvió.", None, "Un lustro después", "DURATION", "P5Y", None, None),
    ("Tres semanas más tarde fue liberado.", None, "Tres semanas más tarde", "DURATION", "P3W", None, None),
    ("Cuesta 300 francos por noche.", None, "por noche", "SET", "PTNI", None, None),
    ("Toma la medicina dos veces al día.", None, "al día", "SET", "P1D", None, None),
    ("La noche del 3 de agosto hubo víctimas.", D("2005-08-10"), "La noche del 3 de agosto", "TIME", "2005-08-03TNI", None, ("2005-08-03", "2005-08-03")),
    ("la madrugada del 7 de mayo de 1999", D("2000-05-25"), "la madrugada del 7 de mayo de 1999", "TIME", "1999-05-07TMO", None, ("1999-05-07", "1999-05-07")),
    ("presidente de la hoy extinta Yugoslavia", D("2000-01-19"), "hoy", "DATE", "PRESENT_REF", None, None),
    ("Los primeros seis meses fueron duros.", None, "Los primeros seis meses", "DURATION", "P6M", None, None),
    ("En aquel momento no había víctimas.", D("2005-08-10"), "aquel momento", "DATE", "PAST_REF", None, None),
    ("Al día siguiente se reunieron.", D("2005-08-10"), "Al día siguiente", "DATE", "2005-08-11", None, ("2005-08-11", "2005-08-11")),
    ("El ataque fue a las 15.00 horas del 3 de agosto.", D("2005-08-10"), "las 15.00 horas del 3 de agosto", "TIME", "2005-08-03T15:00", None, ("2005-08-03", "2005-08-03")),
    ("Ocurrió a la 1,45 de la madrugada del 7 de mayo de 1999.", D("2000-05-25"), "la 1,45 de la madrugada del 7 de mayo de 1999", "TIME", "1999-05-07T01:45", None, ("1999-05-07", "1999-05-07")),
    ("Durante 2,50 horas hablaron.", None, "2,50 horas", "DURATION", "PT2.5H", None, None),
    ("A principios de esta semana, el gobierno anunció un plan.", D("2005-08-10"), "principios de esta semana", "DATE", "2005-W32", "START", ("2005-08-08", "2005-08-14")),
    ("A finales de la semana pasada, el gobierno anunció un plan.", D("2005-08-10"), "finales de la semana pasada", "DATE", "2005-W31", "END", ("2005-08-01", "2005-08-07")),
    ("a finales de la próxima semana se reunirán", D("2005-08-10"), "finales de la próxima semana", "DATE", "2005-W33", "END", ("2005-08-15", "2005-08-21")),
    # a quarter or third without a year takes the year of an absolute date earlier in the sentence
    ("para elaborar las cuentas para el 2000 y aprobarlas durante el primer cuatrimestre .", D("1999-12-02"), "el primer cuatrimestre", "DATE", "2000-T1", None, ("2000-01-01", "2000-04-30")),
    ("7 empleados a fines de 1999 , 470 fueron despedidos durante el primer trimestre del presente año", D("2000-07-01"), "el primer trimestre del presente año", "DATE", "2000-Q1", None, ("2000-01-01", "2000-03-31")),
    # a year told to compare with ("el mismo periodo del año anterior") is no step of the story: "el trimestre
    # anterior" after it is the one before the period the story is at
    ("En el primer trimestre de este año ganó 205 millones, un 12 % menos que en el mismo periodo del año anterior, "
     "con ingresos por debajo de los del trimestre anterior.", D("2012-05-20"), "los del trimestre anterior", "DATE",
     "2011-Q4", None, ("2011-10-01", "2011-12-31")),
    # ... nor is a quarter counted back from it: "el trimestre" and "el mismo trimestre del año pasado" after "el
    # trimestre anterior" are the story's quarter (and the same one a year back)
    ("Ford ganó 2.300 millones en el segundo trimestre de 2009. En el trimestre anterior había perdido 1.400 millones. "
     "La compañía cerró el trimestre con 21.000 millones en caja.", D("2009-07-24"), "el trimestre", "DATE",
     "2009-Q2", None, ("2009-04-01", "2009-06-30")),
    ("Ford ganó 2.300 millones en el segundo trimestre de 2009. En el trimestre anterior había perdido 1.400 millones y "
     "en el mismo trimestre del año pasado, 8.700.", D("2009-07-24"), "el mismo trimestre del año pasado", "DATE",
     "2008-Q2", None, ("2008-04-01", "2008-06-30")),
    # "el trimestre anterior" counts from the quarter the story tells, not from the day it was reported on
    ("CASTELLÓN, 24 Abr (EFE).- Valdoria ganó 6,2 millones en el primer trimestre del año, según informó este jueves "
     "la compañía. Las ventas se moderaron respecto al trimestre anterior.", D("2003-04-24"), "al trimestre anterior",
     "DATE", "2002-Q4", None, ("2002-10-01", "2002-12-31")),
    # a hope ("confía en que … se recupere") looks ahead: the second half of this year, told in April
    ("CASTELLÓN, 24 Abr (EFE).- La empresa confía en que la demanda se recupere en el segundo semestre.",
     D("2003-04-24"), "el segundo semestre", "DATE", "2003-H2", None, ("2003-07-01", "2003-12-31")),
    # a past participle right before the day dates it, whatever verb comes after ("elegido el domingo, deberá"),
    # unless it is a passive ahead ("será elegido el domingo"); a capitalised name is no participle ("Florida el lunes")
    ("BARCELONA, 25 jul (EFE).- Joan Gaspart, elegido el domingo, deberá buscar un sustituto.", D("2000-07-25"),
     "domingo", "DATE", "2000-07-23", None, ("2000-07-23", "2000-07-23")),
    ("BARCELONA, 25 jul (EFE).- El presidente será elegido el domingo y deberá buscar un sustituto.", D("2000-07-25"),
     "domingo", "DATE", "2000-07-30", None, ("2000-07-30", "2000-07-30")),
    # ... an irregular one too ("suscrito en noviembre", told in June: last November)
    ("SANTIAGO, 7 jun (EFE).- Chile aplica desde febrero el acuerdo con la Unión Europea, suscrito en noviembre en "
     "Bruselas.", D("2003-06-07"), "noviembre", "DATE", "2002-11", None, ("2002-11-01", "2002-11-30")),
    ("MIAMI, 21 oct (EFE).- Se prevé que Wilma toque tierra en el suroeste de Florida el lunes por la mañana.",
     D("2005-10-21"), "lunes por la mañana", "TIME", "2005-10-24TMO", None, ("2005-10-24", "2005-10-24")),
    # a past subjunctive of an -ar verb looks back ("después de que … fallara a finales de septiembre"), told in May
    ("La misión, que durará 11 días, estaba prevista para octubre del año pasado, pero la NASA la aplazó después de "
     "que una unidad de control de datos del telescopio fallara a finales de septiembre.", D("2009-05-11"),
     "finales de septiembre", "DATE", "2008-09", "END", ("2008-09-21", "2008-09-30")),
    # "a dos días de que se cumpla, el viernes, …": two days ahead of it, the Friday to come
    ("BILBAO, 29 jul (EFE).- ETA golpea a dos días de que se cumpla, el viernes, el aniversario de su fundación.",
     D("2009-07-29"), "viernes", "DATE", "2009-07-31", None, ("2009-07-31", "2009-07-31")),
    # a pluperfect earlier in the date's stretch of clause dates it, whatever verb follows the comma
    ("SANTIAGO, 18 ene (EFE).- Piñera, que ya había sido el candidato más votado en la primera vuelta del 13 de "
     "diciembre, asumirá el cargo el 11 de marzo.", D("2010-01-18"), "13 de diciembre", "DATE", "2009-12-13", None,
     ("2009-12-13", "2009-12-13")),
    # the first end of a range takes the year the second tells, counted from the dct too ("del año pasado")
    ("TOKIO, 20 ene (EFE).- Entre abril y septiembre del año pasado, la primera mitad de su ejercicio fiscal, JAL "
     "perdió 1.000 millones.", D("2010-01-20"), "abril", "DATE", "2009-04", None, ("2009-04-01", "2009-04-30")),
    # a range whose first end had no year of its own ("entre el 19 de junio y el 19 de agosto de 2007"): the story
    # starts at the first end, so "tres días antes" and "la madrugada del martes" count from 19 June
    ("La operación fue una ofensiva contra Al Qaeda en Baquba entre el 19 de junio y el 19 de agosto de 2007. Formaba "
     "parte de la operación Phantom Thunder, lanzada tres días antes en los alrededores de Bagdad.", None,
     "tres días antes", "DATE", "2007-06-16", None, ("2007-06-16", "2007-06-16")),
    # "N días después de la matanza": a duration (as TimeBank-es marks it) that points at the day it steps to from
    # the happening it names, when the text told that day
    ("La matanza de Kingsmill ocurrió el 5 de enero de 1976 en Armagh. El 20 de enero, el IRA negó su autoría. Nueve "
     "días después de la matanza, los paramilitares mataron a dos vecinos.", None, "Nueve días", "DURATION", "P9D",
     None, ("1976-01-14", "1976-01-14")),
    # the verb of a next coordinated "y que" clause is not the date's ("tomó la decisión en … y que no firmará")
    ("PAMPLONA, 3 ene (EFE).- Induráin explicó que tomó la decisión en los últimos días de diciembre y que no "
     "firmará con la ONCE.", D("1997-01-03"), "los últimos días de diciembre", "DATE", "1996-12", "END",
     ("1996-12-21", "1996-12-31")),
    # ... nor is the verb of a relative clause after the date ("caigan el lunes en la Bolsa de Seúl, que ya estaba
    # cerrada"): the hope before it looks ahead
    ("SEÚL, 3 nov (EFE).- Los analistas esperan que las acciones de las dos compañías caigan el lunes en la Bolsa de "
     "Seúl, que ya estaba cerrada cuando se conoció la noticia.", D("2012-11-03"), "lunes", "DATE", "2012-11-05",
     None, ("2012-11-05", "2012-11-05")),
    # "la misma noche": the night of the day the story is at (as "esa misma noche"; "la misma noche del domingo" is
    # that Sunday's)
    ("MÉXICO, 7 jul (EFE).- Cárdenas ganó el domingo. Zedillo reconoció los resultados en un mensaje televisado la "
     "misma noche.", D("1997-07-07"), "la misma noche", "TIME", "1997-07-06TNI", None, ("1997-07-06", "1997-07-06")),
    # a clock time with its zone in words ("hora británica") and its day after it
    ("LONDRES, 19 abr (EFE).- Ryanair ha cancelado todos sus vuelos hasta las 13.00 hora británica del miércoles.",
     D("2010-04-19"), "las 13.00 hora británica del miércoles", "TIME", "2010-04-21T13:00", None,
     ("2010-04-21", "2010-04-21")),
    # a feast day by its name
    ("ZARAGOZA, 12 oct (EFE).- Muchos viajeros aprovecharon para pasar en Zaragoza el día del Pilar.", D("2003-10-12"),
     "el día del Pilar", "DATE", "2003-10-12", None, ("2003-10-12", "2003-10-12")),
    # "el mismo periodo de 1999": the period told before, in that year
    ("En el primer trimestre de 1998 ganó 500 millones y 751 millones en el mismo periodo de 1999 .", D("1999-05-01"), "el mismo periodo de 1999", "DATE", "1999-Q1", None, ("1999-01-01", "1999-03-31")),
    ("Las ventas del tercer trimestre crecieron respecto al mismo período del año pasado .", D("2007-10-24"), "al mismo período del año pasado", "DATE", "2006-Q3", None, ("2006-07-01", "2006-09-30")),
    ("Las ventas de septiembre subieron frente al mismo mes de 2006 .", D("2007-10-24"), "al mismo mes de 2006", "DATE", "2006-09", None, ("2006-09-01", "2006-09-30")),
    # "al día siguiente de <fecha>": the day after that date
    ("Al día siguiente del imborrable 11 de septiembre se estrenó .", D("2002-01-03"), "Al día siguiente", "DATE", "2001-09-12", None, ("2001-09-12", "2001-09-12")),
    # seasons: "este" is this year's; a past tense does not pull a near season back a year
    ("sobre la posibilidad de que en otoño pasara a conducir el espacio", D("1999-07-01"), "otoño", "DATE", "1999-FA", None, ("1999-09-01", "1999-11-30")),
    ("La obra ( 1899-1986 ) saldrá a la luz este verano .", D("2001-05-02"), "este verano", "DATE", "2001-SU", None, ("2001-06-01", "2001-08-31")),
    # weekends and weekdays
    ("El fin de semana pasado hubo atentados .", D("2000-06-01"), "El fin de semana pasado", "DATE", "2000-W21-WE", None, ("2000-05-27", "2000-05-28")),
    ("Se jugará el fin de semana .", D("2000-06-01"), "el fin de semana", "DATE", "2000-W22-WE", None, ("2000-06-03", "2000-06-04")),
    ("Lo anunciará el lunes .", D("2017-03-13"), "lunes", "DATE", "2017-03-13", None, ("2017-03-13", "2017-03-13")),
    ("Apple anunció lunes que venderá el iPhone .", D("2017-03-15"), "lunes", "DATE", "2017-03-13", None, ("2017-03-13", "2017-03-13")),
    ("La cumbre del G-8 de julio próximo .", D("2000-06-01"), "julio próximo", "DATE", "2000-07", None, ("2000-07-01", "2000-07-31")),
    # "el último año", "la última década": the span up to now; one unit of a series
    ("En el último año las ventas subieron .", D("2007-10-24"), "el último año", "DURATION", "P1Y", None, None),
    ("Durante la última década la industria ha crecido .", D("2007-10-24"), "la última década", "DURATION", "P10Y", None, None),
    ("el Atlético cambia de técnico camino de su segundo año en el infierno", D("2001-05-01"), "su segundo año", "DURATION", "P1Y", None, None),
    ("no lo he visto claro hasta el último minuto .", D("1999-04-01"), "el último minuto", "DURATION", "PT1M", None, None),
    # an age told without its unit after one told with it
    ("Claudia Clair , de 24 años , y Robby Blake , de 33 , están encantados .", D("2001-12-02"), "33", "DURATION", "P33Y", None, None),
    # a clock time in a schedule, a clock time after a time with its day
    ("el partido de vuelta de la Copa del Rey ( 21.30 , TV-3 ) .", D("1999-02-02"), "21.30", "TIME", "1999-02-02T21:30", None, ("1999-02-02", "1999-02-02")),
    ("Volcó a las seis de la mañana de ayer . El tráfico quedó cortado hasta las 11.45 horas .", D("2001-01-03"), "las 11.45 horas", "TIME", "2001-01-02T11:45", None, ("2001-01-02", "2001-01-02")),
    # "hoy" as "nowadays"
    ("En 1992 había 60 buques en el país y hoy hay 300 , dijo hoy a EFE .", D("2000-01-03"), "hoy", "DATE", "PRESENT_REF", None, None),
    ("para que los kurdos , hoy tan dispersos , puedan crear un Estado", D("1999-07-02"), "hoy", "DATE", "PRESENT_REF", None, None),
    ("Aún hoy se desconoce la causa .", D("1999-07-02"), "hoy", "DATE", "PRESENT_REF", None, None),
    ("según el informe . `` Hoy el Gobierno defiende los intereses generales .", D("2000-02-15"), "Hoy", "DATE", "PRESENT_REF", None, None),
    ("Pero hoy se reunieron los ministros .", D("2000-02-15"), "hoy", "DATE", "2000-02-15", None, ("2000-02-15", "2000-02-15")),
    ("El Tribunal confirmó hoy casi en su totalidad la decisión de la Comisión .", D("2007-09-17"), "hoy", "DATE",
     "2007-09-17", None, ("2007-09-17", "2007-09-17")),   # (a past verb before it: the report's day)
    # "en un año tan académico": the current unit, characterised; "el sexenio": a span of years
    ("en un año tan académico , ellas se han llevado el premio", D("2002-09-02"), "un año", "DATE", "2002", None, ("2002-01-01", "2002-12-31")),
    ("La primera cita de un mes decisivo .", D("2000-04-01"), "un mes", "DATE", "2000-04", None, ("2000-04-01", "2000-04-30")),
    ("Estuvo preso un año y salió .", D("2000-04-01"), "un año", "DURATION", "P1Y", None, None),
    ("se empleará en la financiación del primer trienio .", D("2000-01-20"), "del primer trienio", "DURATION", "P3Y", None, None),
    ("Durante el sexenio de Zedillo creció .", D("2000-01-20"), "el sexenio", "DURATION", "P6Y", None, None),
    ("El avión aterrizó a las 14.00 hora de Greenwich .", D("2000-01-20"), "las 14.00 hora de Greenwich", "TIME", "2000-01-20T14:00Z", None, ("2000-01-20", "2000-01-20")),
    # a two-digit year after a month; "dicho" points back like "ese"
    ("abrió una sucursal en marzo del 99 , pero no prosperó .", D("2000-05-25"), "marzo del 99", "DATE", "1999-03", None, ("1999-03-01", "1999-03-31")),
    ("En 1997 fundó la galería y dicho año vendió cien cuadros .", D("2000-12-16"), "dicho año", "DATE", "1997", None, ("1997-01-01", "1997-12-31")),
    # vague words and holidays
    ("Más adelante se conocerá la decisión .", D("2000-02-15"), "Más adelante", "DATE", "FUTURE_REF", None, None),
    ("Se casaron el día de San Valentín .", D("2007-03-01"), "el día de San Valentín", "DATE", "2007-02-14", None, ("2007-02-14", "2007-02-14")),
    # a counted duration before "antes", "después", "más tarde" steps from the narrative's reference and
    # gains the interval it points at; counted days heading a clause name that day (a DATE, as TimeBank-es
    # annotates "y , un día después , en Zaragoza"); weeks, months and years, or days inside a clause
    # ("la derrota sufrida un día antes"), stay DURATIONs
    ("El 16 de octubre de 2017 el ejército anunció la muerte de Hapilon. Un día antes, las tropas tomaron el puente.",
     None, "Un día antes", "DATE", "2017-10-15", None, ("2017-10-15", "2017-10-15")),
    ("El 3 de mayo de 2016 hubo combates. Dos días después, los rebeldes atacaron la ciudad.", None, "Dos días después",
     "DATE", "2016-05-05", None, ("2016-05-05", "2016-05-05")),
    ("El presidente declaró este martes la liberación de Marawi. Un día antes, el Ejército mató a Hapilon.",
     D("2017-10-17"), "Un día antes", "DATE", "2017-10-16", None, ("2017-10-16", "2017-10-16")),
    # in news, a step inside a clause stays the count TimeBank-es marks ("la derrota sufrida un día antes": P1D);
    # a narrative names the day it steps to ("Tres días después del ataque dimitieron": the day)
    ("El 3 de mayo de 2016 perdieron. La derrota sufrida un día antes frente a Rusia dolió.", D("2016-05-04"),
     "un día antes", "DURATION", "P1D", None, ("2016-05-02", "2016-05-02")),
    ("El 3 de mayo de 2016 perdieron. La derrota sufrida un día antes frente a Rusia dolió.", None, "un día antes",
     "DATE", "2016-05-02", None, ("2016-05-02", "2016-05-02")),
    ("Tocan el 25 de abril de 2002 en Madrid y, un día después, en Zaragoza.", None, "un día después",
     "DATE", "2002-04-26", None, ("2002-04-26", "2002-04-26")),
    # a bare day after a year-only reference takes the month of the last month- or day-precise date
    ("El 19 de septiembre de 2023 comenzó la ofensiva. Tras la guerra de 2020, el enclave quedó aislado. "
     "En la madrugada del 19, murieron cuatro policías.", None, "la madrugada del 19", "TIME", "2023-09-19TMO", None,
     ("2023-09-19", "2023-09-19")),
    # a bare day heading a clause with a verb in the past ("El 24 comenzó"), not a number ("El 24 por ciento")
    ("El 19 de septiembre de 2023 comenzó la ofensiva. El 24 comenzó el éxodo.", None, "El 24", "DATE", "2023-09-24",
     None, ("2023-09-24", "2023-09-24")),
    ("El 24 por ciento votó.", D("2020-05-20"), None, None, None, None, None),
    # without a dct, a clock time or part of day takes the day the narrative is at, however far back it was told
    ("Al día siguiente, 20 de septiembre de 2023, las autoridades del enclave aceptaron un alto el fuego que incluía "
     "la retirada y el desarme completo de sus fuerzas, la disolución de sus instituciones y la apertura de "
     "negociaciones sobre la reintegración del territorio, con la mediación del mando del contingente de paz y de "
     "varios gobiernos extranjeros. El alto el fuego entró en vigor a las 13.00 hora local.", None,
     "las 13.00 hora local", "TIME", "2023-09-20T13:00", None, ("2023-09-20", "2023-09-20")),
    # a title line before "En 2016" does not make the year part of a name; a year told in the sentence
    # gives its yearless months that year; "del año siguiente" counts from the story's year
    ("Batallas de Palmira\n\nEn 2016, la ciudad cambió dos veces de manos: el Ejército la reconquistó a finales de "
     "marzo y el EI volvió a tomarla en diciembre.", None, "diciembre", "DATE", "2016-12", None, ("2016-12-01", "2016-12-31")),
    ("Batallas de Palmira\n\nEn 2016, la ciudad cambió de manos.", None, "2016", "DATE", "2016", None,
     ("2016-01-01", "2016-12-31")),
    ("Los yihadistas tomaron el 12 de agosto de 2020 Mocímboa. El 24 de marzo del año siguiente atacaron Palma.", None,
     "24 de marzo del año siguiente", "DATE", "2021-03-24", None, ("2021-03-24", "2021-03-24")),
    # a narrative moves on: a yearless month after the story's date is later that year rather than months before
    ("El 5 de mayo de 2016 hubo un concierto en el teatro. A principios de diciembre, los yihadistas lanzaron una ofensiva.",
     None, "principios de diciembre", "DATE", "2016-12", "START", ("2016-12-01", "2016-12-10")),
    # parts of day: "a primera hora del domingo" (no article), "a media mañana del día siguiente"
    ("Los atacantes llegaron a primera hora del domingo.", D("2014-07-28"), "primera hora del domingo", "TIME",
     "2014-07-27TMO", None, ("2014-07-27", "2014-07-27")),
    ("El 1 de mayo de 2002 empezaron los combates. A media mañana del día siguiente cayó el cilindro.", None,
     "media mañana del día siguiente", "TIME", "2002-05-02TMO", None, ("2002-05-02", "2002-05-02")),
    # "la víspera" alone: the day before the day the story is at ("la víspera de Navidad" names its date)
    ("El 17 de septiembre de 2024 explotaron los buscas. La víspera, Israel había advertido.", None, "La víspera",
     "DATE", "2024-09-16", None, ("2024-09-16", "2024-09-16")),
    # "la víspera de la matanza": the day before the day the text gave the massacre when it first named it
    ("La matanza de Kingsmill fue el asesinato de diez obreros la tarde del 5 de enero de 1976. El 31 de diciembre, "
     "una bomba mató a tres civiles. La víspera de la matanza, hacia las 18.10, mataron a dos hermanos.", None,
     "La víspera", "DATE", "1976-01-04", None, ("1976-01-04", "1976-01-04")),
    ("La matanza de Kingsmill fue el asesinato de diez obreros la tarde del 5 de enero de 1976. El 31 de diciembre, "
     "una bomba mató a tres civiles. La víspera de la matanza, hacia las 18.10, mataron a dos hermanos.", None,
     "las 18.10", "TIME", "1976-01-04T18:10", None, ("1976-01-04", "1976-01-04")),
    # a month "de ese año" is in the year the story is at, not the next one the narrative would roll to
    ("Entre agosto y noviembre de 2005, el grupo atentó contra tribunales. Había sido ilegalizado en febrero de ese año.",
     None, "febrero de ese año", "DATE", "2005-02", None, ("2005-02-01", "2005-02-28")),
    # "aquel domingo": the Sunday told before where the story is, not one of a look back behind it
    ("El secuestro ocurrió el 27 de mayo de 2001. Un año antes, el 23 de abril de 2000, otra facción secuestró a 21 "
     "personas. En abril de 2001, la presidenta declaró la guerra. Al amanecer de aquel domingo llegaron dos lanchas.",
     None, "amanecer de aquel domingo", "TIME", "2001-05-27TMO", None, ("2001-05-27", "2001-05-27")),
    # a counted step of days closing a clause before a comma is the day it steps to
    ("El 3 de octubre de 2017 hubo una emboscada. El cuerpo no fue hallado hasta dos días después, a un kilómetro.",
     None, "dos días después", "DATE", "2017-10-05", None, ("2017-10-05", "2017-10-05")),
    # ... and a narrative's counted month closing a clause is an aside: the story stays on its day
    ("El 4 de enero de 1976 mataron a dos hermanos y el tercero murió casi un mes después. El lunes atacaron un minibús.",
     None, "lunes", "DATE", "1976-01-05", None, ("1976-01-05", "1976-01-05")),
    # a narrative's yearless date in a pluperfect clause looks back from where the story is
    ("El 3 de octubre de 2017 salió la patrulla. En enero del año siguiente se publicó un informe y en mayo otro. "
     "Entre tanto, el 21 de octubre, trece gendarmes habían muerto en Ayorou.", None, "21 de octubre", "DATE",
     "2017-10-21", None, ("2017-10-21", "2017-10-21")),
    # a weekday after a year or season that holds the story's day is around that day, not the year's start
    ("El ataque fue lanzado la noche del 21 al 22 de junio de 2004. Desde la primavera de aquel año preparaban "
     "la operación. Hacia las 23.00 del lunes, los rebeldes entraron en la ciudad.", None, "las 23.00 del lunes",
     "TIME", "2004-06-21T23:00", None, ("2004-06-21", "2004-06-21")),
    # a year told by anaphora in a section heading is the lead's ("Otros atentados de ese año"), not the last year
    # the previous section told
    ("El atentado de Hipercor se cometió el 19 de junio de 1987 en Barcelona.\n\nJuicio\n\nLos autores fueron "
     "condenados en julio de 2003.\n\nOtros atentados de ese año\n\nEl 11 de diciembre, la banda hizo estallar "
     "un coche bomba en Zaragoza.", None, "11 de diciembre", "DATE", "1987-12-11", None, ("1987-12-11", "1987-12-11")),
    # "desde el jueves avanzan": a span that began before the dct
    ("Las fuerzas que desde el jueves avanzan sobre la capital.", D("2019-04-08"), "jueves", "DATE", "2019-04-04", None,
     ("2019-04-04", "2019-04-04")),
    # "aquel año" names the year just told, even one told after "desde" (which does not move the narrative)
    ("Sustituye desde 2014 al aeropuerto, que quedó destruido aquel año.", D("2019-04-08"), "aquel año", "DATE", "2014",
     None, ("2014-01-01", "2014-12-31")),
    # a week later is seven days on (the day, as readers date it); months and years are calendar units (a
    # narrative's step opening its clause: the month or year it steps to)
    ("El 16 de octubre de 2017 hubo combates. Una semana más tarde, los rebeldes atacaron.", None, "Una semana más tarde",
     "DATE", "2017-10-23", None, ("2017-10-23", "2017-10-23")),
    ("El 16 de octubre de 2017 hubo combates. Tres meses después, los rebeldes volvieron.", None, "Tres meses después",
     "DATE", "2018-01", None, ("2018-01-01", "2018-01-31")),
    ("En mayo de 2016 hubo combates. Tres meses después, los rebeldes volvieron.", None, "Tres meses después",
     "DATE", "2016-08", None, ("2016-08-01", "2016-08-31")),
    ("En mayo de 2016 hubo combates. Dos años después, los rebeldes volvieron.", None, "Dos años después",
     "DATE", "2018", None, ("2018-01-01", "2018-12-31")),
    ("El 3 de mayo de 2016 hubo combates. Un año y dos meses después volvieron.", None, "Un año y dos meses después",
     "DURATION", "P1Y2M", None, ("2017-07-01", "2017-07-31")),
    # never finer than the reference: two days after some day in May is still "May, or just after"
    ("En mayo de 2016 hubo combates. Dos días después atacaron.", None, "Dos días después", "DURATION", "P2D", None,
     ("2016-05-03", "2016-06-02")),
    # hours: the same day, unless they add up to days
    ("El 3 de mayo de 2016 hubo combates. Dos horas después atacaron.", None, "Dos horas después", "DURATION", "PT2H", None,
     ("2016-05-03", "2016-05-03")),
    ("El 3 de mayo de 2016 hubo combates. 48 horas después atacaron.", None, "48 horas después", "DURATION", "PT48H", None,
     ("2016-05-05", "2016-05-05")),
    # "atrás" counts like "hace": from the report's date in news
    ("El lunes hubo combates. Tres días atrás los rebeldes atacaron.", D("2017-10-17"), "Tres días atrás", "DATE",
     "2017-10-14", None, ("2017-10-14", "2017-10-14")),
    # counted from another event ("antes de las elecciones"), or from no told time: no interval
    ("El 16 de octubre de 2017 hubo combates. Tres días antes de las elecciones, atacaron.", None, "Tres días",
     "DURATION", "P3D", None, None),
    ("El 16 de octubre de 2017 hubo combates. Dos años después del ataque volvieron.", None, "Dos años",
     "DURATION", "P2Y", None, None),
    ("El 16 de octubre de 2017 llegó. Salió un mes antes que él.", None, "un mes", "DURATION", "P1M", None, None),
    ("Dos días después, los rebeldes atacaron.", D("2017-10-17"), "Dos días después", "DURATION", "P2D", None, None),
    ("El 16 de octubre de 2017 hubo combates. Durante tres días atacaron.", None, "tres días", "DURATION", "P3D",
     None, None),
    # a weekday with its day number: the day so numbered near the dct that falls on that weekday
    ("El viernes 14 habrá elecciones.", D("2008-03-12"), "viernes 14", "DATE", "2008-03-14", None, ("2008-03-14", "2008-03-14")),
    ("dejó la vivienda el domingo 21 .", D("2000-05-23"), "domingo 21", "DATE", "2000-05-21", None, ("2000-05-21", "2000-05-21")),
    ("El jueves 13 por la noche hubo tiros.", D("2008-03-12"), "jueves 13 por la noche", "TIME", "2008-03-13TNI", None, ("2008-03-13", "2008-03-13")),
    ("El lunes 3 soldados murieron.", D("2008-03-12"), "lunes", "DATE", "2008-03-10", None, ("2008-03-10", "2008-03-10")),
    # a weekday of a week named: "el miércoles de la semana pasada"
    ("El miércoles de la semana pasada hubo tiros.", D("2008-03-12"), "El miércoles de la semana pasada", "DATE", "2008-03-05", None, ("2008-03-05", "2008-03-05")),
    ("harán una huelga el martes de la próxima semana", D("2000-05-23"), "el martes de la próxima semana", "DATE", "2000-05-30", None, ("2000-05-30", "2000-05-30")),
    # a fuzzy part of a bare decade: "a finales de los 90" (whatever word follows)
    ("A finales de los 90 hubo guerra.", None, "finales de los 90", "DATE", "199", "END", ("1996-01-01", "1999-12-31")),
    # the whole current year: "durante todo el año", "a lo largo del año"
    ("Han estado durante todo el año bastante espesos.", D("2000-05-23"), "el año", "DATE", "2000", None, ("2000-01-01", "2000-12-31")),
    ("A lo largo del año hubo pérdidas.", D("2008-03-12"), "del año", "DATE", "2008", None, ("2008-01-01", "2008-12-31")),
    # "un año difícil" after a year told in the sentence is that year
    ("El 2007 fue un año difícil.", D("2008-03-12"), "un año", "DATE", "2007", None, ("2007-01-01", "2007-12-31")),
    # bare plural minutes
    ("Minutos después llegó la policía.", None, "Minutos después", "DURATION", "PTXM", None, None),
    # "a las 20 horas" is a clock time, "las 35 horas" a span; a day may follow a clock time told in words
    ("La sesión empezará a las 20 horas.", D("2000-05-23"), "las 20 horas", "TIME", "2000-05-23T20:00", None, ("2000-05-23", "2000-05-23")),
    ("Hacia las 22 horas del día 26 de agosto de 1997 llegó.", D("2000-05-23"), "las 22 horas del día 26 de agosto de 1997", "TIME", "1997-08-26T22:00", None, ("1997-08-26", "1997-08-26")),
    ("Reclaman las 35 horas semanales.", D("2000-05-23"), "las 35 horas", "DURATION", "PT35H", None, None),
    ("Ocurrió a las 9 de la noche del lunes.", D("2008-03-12"), "las 9 de la noche del lunes", "TIME", "2008-03-10T21:00", None, ("2008-03-10", "2008-03-10")),
    # a four-digit clock time with its zone: "(1530 UTC)"
    ("a las 10:30 a.m. hora local (1530 UTC)", D("2008-03-12"), "1530 UTC", "TIME", "2008-03-12T15:30Z", None, ("2008-03-12", "2008-03-12")),
    # noon and midnight of a day named: "al mediodía del miércoles", "a medianoche de ayer"
    ("Al mediodía del miércoles hubo tiros.", D("2000-05-23"), "mediodía del miércoles", "TIME", "2000-05-17T12:00", None, ("2000-05-17", "2000-05-17")),
    ("A medianoche de ayer hubo tiros.", D("2008-03-12"), "medianoche de ayer", "TIME", "2008-03-12T00:00", None, ("2008-03-11", "2008-03-12")),
    # "se espera que ..." looks ahead: a bare weekday is the coming one
    ("se espera que el jueves se abra una ventana de buen tiempo", D("2000-05-23"), "jueves", "DATE", "2000-05-25", None, ("2000-05-25", "2000-05-25")),
    # EFE's "la pasada madrugada" (the small hours of the report's day), "la noche pasada"; "a media tarde"
    ("aprobó la resolución la pasada madrugada", D("2000-05-23"), "la pasada madrugada", "TIME", "2000-05-23TMO", None, ("2000-05-23", "2000-05-23")),
    ("La noche pasada hubo tiros.", D("2008-03-12"), "La noche pasada", "TIME", "2008-03-11TNI", None, ("2008-03-11", "2008-03-11")),
    ("salieron a media mañana de hoy", D("2000-05-23"), "media mañana de hoy", "TIME", "2000-05-23TMO", None, ("2000-05-23", "2000-05-23")),
    # counted seasons are years; "las próximas temporadas" is no duration
    ("Después de una temporada en blanco volvió.", D("2002-01-03"), "una temporada", "DURATION", "P1Y", None, None),
    ("durante las tres últimas temporadas", D("2000-05-23"), "las tres últimas temporadas", "DURATION", "P3Y", None, None),
    ("se extenderá a las próximas temporadas", D("2002-01-03"), "próximas", "DATE", "FUTURE_REF", None, None),
    # a day of a month named relative to the dct: "el día 31 de este mes", "el 20 del mes pasado"
    ("el día 31 de este mes jugará", D("2000-05-23"), "día 31 de este mes", "DATE", "2000-05-31", None, ("2000-05-31", "2000-05-31")),
    ("El 20 del mes pasado hubo elecciones.", D("2008-03-12"), "20 del mes pasado", "DATE", "2008-02-20", None, ("2008-02-20", "2008-02-20")),
    # a quarter of a year named relative to the dct
    ("En el primer trimestre del año pasado hubo pérdidas.", D("2008-03-12"), "el primer trimestre del año pasado", "DATE", "2007-Q1", None, ("2007-01-01", "2007-03-31")),
    ("En el cuarto trimestre de este año habrá pérdidas.", D("2008-03-12"), "el cuarto trimestre de este año", "DATE", "2008-Q4", None, ("2008-10-01", "2008-12-31")),
    # "esa misma noche", "aquella mañana": the day the story is at
    ("El 3 de marzo hubo elecciones. Esa misma noche hubo tiros.", D("2008-03-12"), "Esa misma noche", "TIME", "2008-03-03TNI", None, ("2008-03-03", "2008-03-03")),
    ("Aquella mañana hubo tiros.", None, "Aquella mañana", "TIME", "TMO", None, None),
    ("antes de su regreso a Madrid esta misma noche", D("2000-05-23"), "esta misma noche", "TIME", "2000-05-23TNI", None, ("2000-05-23", "2000-05-23")),
    # "la mañana siguiente", "la noche anterior": a day from the one the story is at
    ("Cayeron las bombas la tarde del 27 de septiembre de 2024. El Ejército anunció su muerte la mañana siguiente.",
     None, "la mañana siguiente", "TIME", "2024-09-28TMO", None, ("2024-09-28", "2024-09-28")),
    ("El 3 de marzo de 2008 hubo elecciones. La noche anterior hubo tiros.", None, "La noche anterior", "TIME",
     "2008-03-02TNI", None, ("2008-03-02", "2008-03-02")),
    # without a dct, a bare year told inside a sentence years after the story is an aside: a step counts from the story
    ("Los soldados llegaron al caserío el 10 de diciembre de 1981. La Comisión de la Verdad identificó en 1993 a "
     "más de 500 víctimas. Seis semanas después, el 27 de enero, los diarios publicaron los testimonios.", None,
     "27 de enero", "DATE", "1982-01-27", None, ("1982-01-27", "1982-01-27")),
    ("Los soldados llegaron al caserío el 10 de diciembre de 1981. En 1993, la Comisión de la Verdad identificó a "
     "más de 500 víctimas. El 27 de enero, los diarios publicaron su informe.", None,
     "27 de enero", "DATE", "1993-01-27", None, ("1993-01-27", "1993-01-27")),
    # "hasta" + a weekday looks ahead, unless the clause is pluperfect (it looks back from the report)
    ("La Defensoría había documentado hasta el domingo unos 60 asesinatos.", D("2025-01-20"), "domingo", "DATE",
     "2025-01-19", None, ("2025-01-19", "2025-01-19")),
    ("Los colegios han dado vacaciones hasta el jueves a sus alumnos.", D("2025-01-20"), "jueves", "DATE",
     "2025-01-23", None, ("2025-01-23", "2025-01-23")),
    # a bare part of day told in the past, sentences after the story's day: that day; a habit is no day
    ("Los rebeldes tomaron el domingo la ciudad, tras la retirada del Ejército. " + FILLER +
     " Los combatientes recorrieron a primera hora de la mañana las calles del centro.", D("2025-02-18"),
     "primera hora de la mañana", "TIME", "2025-02-16TMO", None, ("2025-02-16", "2025-02-16")),
    ("El domingo hubo elecciones en todo el país. " + FILLER + " Las mujeres votan por la mañana.",
     D("2025-02-18"), "la mañana", "TIME", "TMO", None, None),
    # a month told in the future tense never falls back a year
    ("Las elecciones serán en noviembre.", D("2008-03-12"), "noviembre", "DATE", "2008-11", None, ("2008-11-01", "2008-11-30")),
    ("Las elecciones fueron en noviembre.", D("2008-03-12"), "noviembre", "DATE", "2007-11", None, ("2007-11-01", "2007-11-30")),
    # "hace exactamente un año" (that very day), "hace un año y medio" (eighteen months)
    ("Hace exactamente un año hubo elecciones.", D("2008-03-12"), "Hace exactamente un año", "DATE", "2007-03-12", None, ("2007-03-12", "2007-03-12")),
    ("Hace un año y medio hubo elecciones.", D("2008-03-12"), "Hace un año y medio", "DATE", "2006-09", None, ("2006-09-01", "2006-09-30")),
    # every weekday
    ("Cada lunes hay clases.", None, "Cada lunes", "SET", "XXXX-WXX-1", None, None),
    ("Todos los lunes hay clases.", None, "Todos los lunes", "SET", "XXXX-WXX-1", None, None),
    # a bare weekday in a clause with no tense marker: the nearer one (the last one on a tie)
    ("El sábado , cuando los líderes reformistas estén en la rectoría .", D("2000-06-01"), "sábado", "DATE", "2000-06-03", None, ("2000-06-03", "2000-06-03")),
    ("Predicción para el día 25 (jueves ) .", D("2000-05-23"), "jueves", "DATE", "2000-05-25", None, ("2000-05-25", "2000-05-25")),
    # a conditional looks ahead ("no impedirían la celebración el domingo"); "habría" does not (reported past)
    ("Dijo que no impedirían la celebración el domingo de las elecciones.", D("2000-05-23"), "domingo", "DATE", "2000-05-28", None, ("2000-05-28", "2000-05-28")),
    ("El ataque habría ocurrido el domingo.", D("2000-05-23"), "domingo", "DATE", "2000-05-21", None, ("2000-05-21", "2000-05-21")),
    # "el último fin de semana" is the last one; "la víspera de <fecha>" the day before that date
    ("El último fin de semana hubo tiros.", D("2008-03-12"), "El último fin de semana", "DATE", "2008-W10-WE", None, ("2008-03-08", "2008-03-09")),
    ("La víspera del 11 de septiembre de 2001 hubo tiros.", D("2008-03-12"), "La víspera", "DATE", "2001-09-10", None, ("2001-09-10", "2001-09-10")),
    ("El día 3 del presente mes hubo tiros.", D("2008-03-12"), "día 3 del presente mes", "DATE", "2008-03-03", None, ("2008-03-03", "2008-03-03")),
    # "el 5 o 6 de abril": the first day of two alternatives
    ("Ocurrió el 5 o 6 de abril.", D("2008-03-12"), "5", "DATE", "2008-04-05", None, ("2008-04-05", "2008-04-05")),
    # EFE datelines: a day and a bare month abbreviation
    ("Madrid, 23 may (EFE).- El Gobierno aprobó hoy el plan.", D("2000-05-23"), "23 may", "DATE", "2000-05-23", None, ("2000-05-23", "2000-05-23")),
    ("BAMAKO, 18 sep (EFE).- Un ataque sacudió la ciudad.", D("2024-09-18"), "18 sep", "DATE", "2024-09-18", None, ("2024-09-18", "2024-09-18")),
    # dawn and dusk: "este martes al amanecer", "al anochecer"; "a mediodía" after a weekday
    ("Atacaron este martes al amanecer.", D("2024-09-18"), "este martes al amanecer", "TIME", "2024-09-17TMO", None, ("2024-09-17", "2024-09-17")),
    ("El lunes a mediodía hubo tiros.", D("2008-03-12"), "lunes a mediodía", "TIME", "2008-03-10T12:00", None, ("2008-03-10", "2008-03-10")),
    ("Atacaron al amanecer.", None, "amanecer", "TIME", "TMO", None, None),
    ("El amanecer de una nueva era.", D("2008-03-12"), None, None, None, None, None),
    # conventions checked against the published guidelines (TimeML/TIDES, Spanish TimeML, NewsReader) and TimeBank-es
    # a month told in the past tense in its own clause never moves on to next year; a past verb in another clause
    # ("..., lo que consideró") does not count
    ("En enero hubo elecciones.", D("2007-10-24"), "enero", "DATE", "2007-01", None, ("2007-01-01", "2007-01-31")),
    ("Presente su proyecto antes de enero , lo que Mas consideró imposible.", D("2007-10-24"), "enero", "DATE",
     "2008-01", None, ("2008-01-01", "2008-01-31")),
    # time expressions inside proper names are not markable
    ("La Guerra de los Seis Días cambió la región.", D("2007-10-24"), None, None, None, None, None),
    # ... nor is a date that names a street, a square or a movement
    ("Hubo disparos en la avenida 4 de Julio.", D("1964-01-10"), None, None, None, None, None),
    ("El Movimiento 19 de Abril tomó el Palacio.", D("1985-11-07"), None, None, None, None, None),
    ("Se concentraron en la plaza Dos de Mayo.", D("2007-10-24"), None, None, None, None, None),
    ("Ocurrió en pleno Julio Negro, el pogromo antitamil.", D("2007-10-24"), None, None, None, None, None),
    ("Miles de personas marcharon hacia la Plaza de Mayo.", D("2001-12-20"), None, None, None, None, None),
    ("Los choques siguieron por la 9 de Julio.", D("2001-12-20"), None, None, None, None, None),
    ("Hubo elecciones en Mayo y en Junio.", D("2007-10-24"), "Mayo", "DATE", "2007-05", None,
     ("2007-05-01", "2007-05-31")),
    # "hace"/"hacía" belong to a vague span after "desde" (TimeBank-es)
    ("Vive en Bagdad desde hace años.", D("2010-05-12"), "hace años", "DURATION", "PXY", None, None),
    ("Sufría desde hacía tiempo problemas cardíacos.", D("2010-05-12"), "hacía tiempo", "DURATION", "PXM", None, None),
    ("La protesta durará toda la semana.", D("2000-10-17"), "toda la semana", "DURATION", "P1W", None, None),
    # a second decade joined to the first is a timex of its own
    ("En los años sesenta y setenta hubo guerras.", None, "setenta", "DATE", "197", None, ("1970-01-01", "1979-12-31")),
    ("durante las décadas de los años 20 y 30 .", None, "30", "DATE", "193", None, ("1930-01-01", "1939-12-31")),
    # "la primavera pasada" is the last spring that is over; "el próximo verano" the next one to begin
    ("La primavera pasada hubo elecciones.", D("2010-05-12"), "La primavera pasada", "DATE", "2009-SP", None,
     ("2009-03-01", "2009-05-31")),
    ("El próximo verano habrá elecciones.", D("2010-07-12"), "El próximo verano", "DATE", "2011-SU", None,
     ("2011-06-01", "2011-08-31")),
    # recurring parts of day and seasons are SETs
    ("Todas las noches se reúnen.", None, "Todas las noches", "SET", "PTNI", None, None),
    ("Cada verano se reúnen.", None, "Cada verano", "SET", "XXXX-SU", None, None),
    # clock times: with a.m./p.m. and their day, "y media" alone, "del mediodía"
    ("Hubo tiros a las 10 p.m. del martes.", D("2007-10-24"), "las 10 p.m. del martes", "TIME", "2007-10-23T22:00",
     None, ("2007-10-23", "2007-10-23")),
    ("Hubo tiros a las nueve y media.", D("2007-10-24"), "las nueve y media", "TIME", "2007-10-24T09:30", None,
     ("2007-10-24", "2007-10-24")),
    ("Hubo tiros a las doce del mediodía.", D("2007-10-24"), "las doce del mediodía", "TIME", "2007-10-24T12:00",
     None, ("2007-10-24", "2007-10-24")),
    ("Compró las dos y media docenas.", D("2007-10-24"), None, None, None, None, None),
    # minutes in words: "y diez", "menos cuarto" (the hour before), with the part of day's twelve hours
    ("Llegó a las siete menos diez de la tarde.", D("2007-10-24"), "las siete menos diez de la tarde", "TIME",
     "2007-10-24T18:50", None, ("2007-10-24", "2007-10-24")),
    ("Hacia las cuatro menos cuarto de la madrugada sonaron tiros.", D("2007-10-24"),
     "las cuatro menos cuarto de la madrugada", "TIME", "2007-10-24T03:45", None, ("2007-10-24", "2007-10-24")),
    ("Hubo tiros a las nueve y diez de la noche.", D("2007-10-24"), "las nueve y diez de la noche", "TIME",
     "2007-10-24T21:10", None, ("2007-10-24", "2007-10-24")),
    ("Vinieron las dos y cinco personas más.", D("2007-10-24"), None, None, None, None, None),
    # a bare hour is a clock time when a lead word opens it and a stop closes it; a noun after it is a count
    ("La bomba estallaría a las nueve.", D("2007-10-24"), "las nueve", "TIME", "2007-10-24T09:00", None,
     ("2007-10-24", "2007-10-24")),
    ("Poco antes de las siete, dos misiles cayeron.", D("2007-10-24"), "las siete", "TIME", "2007-10-24T07:00",
     None, ("2007-10-24", "2007-10-24")),
    # ... or a conjunction opening another clause ("y se esperan"), not a minute word
    ("Los bancos abrirán a las 10 y se esperan largas colas.", D("2001-12-03"), "las 10", "TIME", "2001-12-03T10:00",
     None, ("2001-12-03", "2001-12-03")),
    ("Llevó a las dos y sus hijas al monte.", D("2007-10-24"), None, None, None, None, None),
    ("Llevó a las dos mujeres al monte.", D("2007-10-24"), None, None, None, None, None),
    ("Es una de las tres, dijo.", D("2007-10-24"), None, None, None, None, None),
    ("Tomaron la base de la 15.ª División.", D("2007-10-24"), None, None, None, None, None),
    # "hace más de tres años" is BEFORE that year, "hace casi diez años" AFTER it (TIMEX3 mods of a counted point)
    ("Subieron hace más de tres años.", D("2010-05-12"), "hace más de tres años", "DATE", "2007", "BEFORE",
     ("2007-01-01", "2007-12-31")),
    ("Subieron hace casi diez años.", D("2010-05-12"), "hace casi diez años", "DATE", "2000", "AFTER",
     ("2000-01-01", "2000-12-31")),
    # "los días siguientes", "los meses anteriores": vague spans, as "los próximos días"
    ("En los días siguientes hubo protestas.", D("2010-05-12"), "los días siguientes", "DURATION", "PXD", None, None),
    ("En los meses anteriores hubo protestas.", D("2010-05-12"), "los meses anteriores", "DURATION", "PXM", None, None),
    # vague references to a season of the year, the near future
    ("Por estas fechas se celebra la feria.", D("2007-03-15"), "estas fechas", "DATE", "PRESENT_REF", None, None),
    ("En aquellas fechas no había luz.", D("2007-03-15"), "aquellas fechas", "DATE", "PAST_REF", None, None),
    ("Llegará dentro de poco.", D("2007-03-15"), "dentro de poco", "DATE", "FUTURE_REF", None, None),
    # quarters of a century and of an hour are units of their own
    ("Gobernó durante un cuarto de siglo.", D("2007-03-15"), "un cuarto de siglo", "DURATION", "P25Y", None, None),
    ("Ocurrió hace un cuarto de siglo.", D("2007-03-15"), "hace un cuarto de siglo", "DATE", "1982", None,
     ("1982-01-01", "1982-12-31")),
    ("Esperó tres cuartos de hora.", D("2007-03-15"), "tres cuartos de hora", "DURATION", "PT45M", None, None),
    # every weekend (TimeML SET)
    ("La zona atrae a jóvenes cada fin de semana.", D("2007-03-15"), "cada fin de semana", "SET", "XXXX-WXX-WE",
     None, None),
    # early/late in the morning: a part of day
    ("Salieron a primera hora de la mañana.", D("2007-03-15"), "primera hora de la mañana", "TIME", "TMO", None, None),
    ("Viajaba a última hora de la tarde del lunes.", D("2007-03-15"), "última hora de la tarde del lunes", "TIME",
     "2007-03-12TAF", None, ("2007-03-12", "2007-03-12")),
    # "el mismo trimestre del año pasado" with no quarter told before: the report's quarter, a year back
    ("Ganó más que en el mismo trimestre del año pasado.", D("2007-05-15"), "el mismo trimestre del año pasado",
     "DATE", "2006-Q2", None, ("2006-04-01", "2006-06-30")),
    # the part of the unit the report is in: "en lo que va de mes", "a lo largo de la semana", "a mediados de la semana"
    ("En lo que va de mes han muerto diez.", D("2007-03-15"), "mes", "DATE", "2007-03", None,
     ("2007-03-01", "2007-03-31")),
    ("Se reunirán a lo largo de la semana.", D("2007-03-15"), "la semana", "DATE", "2007-W11", None,
     ("2007-03-12", "2007-03-18")),
    ("Lo anunció a mediados de la semana.", D("2007-03-15"), "mediados de la semana", "DATE", "2007-W11", "MID",
     ("2007-03-12", "2007-03-18")),
    ("Llegará a principios de semana.", D("2007-03-15"), "principios de semana", "DATE", "2007-W11", "START",
     ("2007-03-12", "2007-03-18")),
    # the nth weekday of a month
    ("Se vota el segundo domingo de mayo.", D("2007-03-15"), "el segundo domingo de mayo", "DATE", "2007-05-13", None,
     ("2007-05-13", "2007-05-13")),
    ("Fue el último lunes de mayo de 2006.", D("2007-03-15"), "el último lunes de mayo de 2006", "DATE", "2006-05-29",
     None, ("2006-05-29", "2006-05-29")),
    ("La Liga arrancará el último fin de semana de agosto.", D("2009-07-03"), "el último fin de semana de agosto",
     "DATE", "2009-W35-WE", None, ("2009-08-29", "2009-08-30")),
    ("Nevó el primer fin de semana de marzo de 2008.", D("2009-07-03"), "el primer fin de semana de marzo de 2008",
     "DATE", "2008-W09-WE", None, ("2008-03-01", "2008-03-02")),
    # a month told in the past tense after a date of last year, that would start after the dct: that year's
    ("La película, estrenada en abril del año pasado, ha recorrido un largo camino: en mayo obtuvo el premio en "
     "Cannes.", D("2000-03-27"), "mayo", "DATE", "1999-05", None, ("1999-05-01", "1999-05-31")),
    # "el último trimestre del año": the year's fourth, not the last one gone
    ("La empresa confía en que el producto impulse sus ventas en el último trimestre del año.", D("2001-10-26"),
     "el último trimestre del año", "DATE", "2001-Q4", None, ("2001-10-01", "2001-12-31")),
    # a name's initial is no sentence end: the verb after "George W. Bush" tells the tense
    ("Los inversores temen una recesión. El viernes, el presidente George W. Bush propuso un plan de estímulo.",
     D("2008-01-22"), "viernes", "DATE", "2008-01-18", None, ("2008-01-18", "2008-01-18")),
    # "la semana del 1 de febrero": the ISO week of that day
    ("Toyota llamará a revisión los coches la semana del 1 de febrero.", D("2010-01-28"),
     "la semana del 1 de febrero", "DATE", "2010-W05", None, ("2010-02-01", "2010-02-07")),
    # "esa misma jornada": the one day its sentence told before it
    ("Madrid, 26 de julio de 2004. El Santander anunció hoy la compra de Abbey. El banco confirmó el pasado viernes "
     "que negociaba con Abbey, cuyas acciones subieron un 18 % en Londres esa misma jornada.", D("2004-07-26"), "esa misma jornada", "DATE", "2004-07-23", None, ("2004-07-23", "2004-07-23")),
    # a range's first end named by a weekday lies before its last end, whatever the tense says
    ("Rige un toque de queda entre las 21.00 del domingo y las 6.00 de hoy, que prevén prolongar.", D("2010-03-01"),
     "las 21.00 del domingo", "TIME", "2010-02-28T21:00", None, ("2010-02-28", "2010-02-28")),
    # a copula characterises the year or day it is, or was just told ("1998 ha sido un año de beneficios")
    ("Después de que 1998 ha sido un año de grandes beneficios.", D("1999-05-01"), "un año", "DATE", "1998", None,
     ("1998-01-01", "1998-12-31")),
    ("Ayer fue un día de luto.", D("2007-03-15"), "un día", "DATE", "2007-03-14", None, ("2007-03-14", "2007-03-14")),
    ("La condena fue un año de prisión.", D("2007-03-15"), "un año", "DURATION", "P1Y", None, None),
    # "en el año" in a report: the dct's year (not "en el año 32")
    ("La Bolsa pierde un 8,2 % en el año .", D("2000-06-01"), "el año", "DATE", "2000", None,
     ("2000-01-01", "2000-12-31")),
    ("Lo escribió en el año 964 .", D("2000-06-01"), None, None, None, None, None),
    ("Vendió 711 millones menos que en el año cafetero 1997-1998 .", D("2000-06-01"), "1997-1998", "DATE", "1997",
     None, ("1997-01-01", "1997-12-31")),
    ("Esperan terminar el año con una facturación de 2.300 millones.", D("2000-05-23"), "el año", "DATE", "2000",
     None, ("2000-01-01", "2000-12-31")),
    # feasts counted from Easter Sunday; "Semana Santa" is the week of Good Friday
    ("El Viernes Santo de 2006 llovió.", D("2007-03-15"), "El Viernes Santo de 2006", "DATE", "2006-04-14", None,
     ("2006-04-14", "2006-04-14")),
    ("Está paralizado desde la Semana Santa pasada.", D("2007-03-15"), "la Semana Santa pasada", "DATE", "2006-W15",
     None, ("2006-04-10", "2006-04-16")),
    ("Se celebra el próximo Jueves Santo.", D("2007-03-15"), "el próximo Jueves Santo", "DATE", "2007-04-05", None,
     ("2007-04-05", "2007-04-05")),
    ("La Navidad pasada nevó.", D("2007-03-15"), "La Navidad pasada", "DATE", "2006-12-25", None,
     ("2006-12-25", "2006-12-25")),
    # "del mes en curso", "del año en curso": the dct's month and year
    ("Vence el 20 del mes en curso.", D("2007-03-15"), "20 del mes en curso", "DATE", "2007-03-20", None,
     ("2007-03-20", "2007-03-20")),
    ("Se abrirá en julio del año en curso.", D("2007-03-15"), "julio del año en curso", "DATE", "2007-07", None,
     ("2007-07-01", "2007-07-31")),
    # "este mismo lunes", "la jornada de ayer": the whole expression
    ("Llegaron este mismo lunes.", D("2007-03-15"), "este mismo lunes", "DATE", "2007-03-12", None,
     ("2007-03-12", "2007-03-12")),
    ("La jornada de ayer fue tranquila.", D("2007-03-15"), "La jornada de ayer", "DATE", "2007-03-14", None,
     ("2007-03-14", "2007-03-14")),
    # "en este periodo" after a quarter or a range of months: a span as long as that period (TimeBank-es)
    ("La producción bajó entre diciembre y febrero. Finlandia creció en este periodo.", D("1999-05-01"),
     "este periodo", "DURATION", "P3M", None, None),
    ("Ganó un 5 % en el primer trimestre de 1999 y Japón perdió un 0,8 % en ese mismo periodo.", D("1999-05-01"),
     "ese mismo periodo", "DURATION", "P3M", None, None),
    ("Invitó a aprovechar este periodo de reflexión.", D("1999-05-01"), None, None, None, None, None),
    # more vague words: "hasta nuestros días", "cualquier día", "hace muchísimos años"; "el ejercicio precedente"
    ("Es una hostilidad que llega hasta nuestros días.", D("2000-05-23"), "nuestros días", "DATE", "PRESENT_REF",
     None, None),
    ("Cualquier día se nos va a caer.", D("2000-05-23"), "Cualquier día", "DATE", "FUTURE_REF", None, None),
    ("Lo conozco desde hace muchísimos años.", D("2000-05-23"), "hace muchísimos años", "DURATION", "PXY", None, None),
    ("Pagó 1,75 euros, frente a los 1,5 euros del ejercicio precedente.", D("2000-05-23"), "del ejercicio precedente",
     "DATE", "1999", None, ("1999-01-01", "1999-12-31")),
    # a part of a day named by its number: "la madrugada del día 21"
    ("En la madrugada del día 21 llegó una patrulla.", D("2007-03-25"), "la madrugada del día 21", "TIME",
     "2007-03-21TMO", None, ("2007-03-21", "2007-03-21")),
    # two days of one month without an opening word: "15 y 16 de abril de 1999"
    ("Se celebró 15 y 16 de abril de 1999.", D("2000-06-01"), "15", "DATE", "1999-04-15", None,
     ("1999-04-15", "1999-04-15")),
    # "hasta esa fecha": the date the story is at
    ("Fue fundada en 1997 por De Pury , que era hasta esa fecha presidenta.", D("2000-12-16"), "esa fecha", "DATE",
     "1997", None, ("1997-01-01", "1997-12-31")),
    ("Desde esa fecha ha perdido la mitad.", D("2000-12-16"), "esa fecha", "DATE", "PAST_REF", None, None),
    # a month every year (TimeML SET)
    ("La feria se celebra cada mes de abril.", D("2007-03-15"), "cada mes de abril", "SET", "XXXX-04", None, None),
    # feasts on the nth weekday of a month
    ("Viajaron el Día de Acción de Gracias de 2006.", D("2007-03-15"), "el Día de Acción de Gracias de 2006", "DATE",
     "2006-11-23", None, ("2006-11-23", "2006-11-23")),
    ("Celebraron una misa de acción de gracias.", D("2007-03-15"), None, None, None, None, None),
    # not timexes
    ("Por su parte CINCO DIAS titula en portada que", D("2000-06-01"), None, None, None, None, None),
    ('Suspendió la representación del " Corpus Christi " de McNally.', D("2000-06-01"), None, None, None, None, None),
    ("Cambió de la noche a la mañana.", D("2007-03-15"), None, None, None, None, None),
    ("Es un ejercicio práctico de autonomía.", D("2007-03-15"), None, None, None, None, None),
    ("Pasó varios fines de semana allí.", D("2007-03-15"), None, None, None, None, None),
    ("Las pymes son `` el futuro `` del país .", D("2001-05-02"), None, None, None, None, None),
    ("Hank falla en dos aspectos : su pasado y su cinismo .", D("2001-05-02"), None, None, None, None, None),
    ("El sábado 20 por ciento.", D("2008-03-12"), "sábado", "DATE", "2008-03-15", None, ("2008-03-15", "2008-03-15")),
    ("Subió un 1,45 por ciento.", D("2000-05-25"), None, None, None, None, None),
    ("acuden jefes de Estado de casi una quincena de países", D("2000-06-01"), None, None, None, None, None),
    ("con la aprobación de la Agenda 2000 , donde", D("2000-02-14"), None, None, None, None, None),
    ("y entonces la afición hubiera reaccionado", D("1998-12-02"), None, None, None, None, None),
    ("no es el momento de hablar", D("1999-07-02"), None, None, None, None, None),
    ("con el futuro de las pensiones", D("1999-02-02"), None, None, None, None, None),
    ("Los contratos futuros del crudo Brent bajaron.", D("2000-05-23"), None, None, None, None, None),
    ("habló sobre la actualidad del equipo", D("2000-05-23"), None, None, None, None, None),
    ("hay que ponerse al día con las noticias", D("2000-05-23"), None, None, None, None, None),
    ("varias jornadas de protestas", D("2000-05-23"), None, None, None, None, None),
    ("Es el jugador del año.", D("2000-05-23"), None, None, None, None, None),
    ("en hembras recién nacidas que no tenían glóbulos blancos", D("2000-12-01"), None, None, None, None, None),
    ("de que Domingo García no las tiene todas consigo", D("1999-12-01"), None, None, None, None, None),
    ("subió a 13,61 euros ( 3.45 , 2.10 ) .", D("2000-05-23"), None, None, None, None, None),
    ("representativas del 48,60 por ciento del capital", D("2000-08-17"), None, None, None, None, None),
    ("con motivo del 45 aniversario , en el 35 Congreso", D("2000-08-17"), None, None, None, None, None),
    # business reporting: fiscal years, the quarter just ended, a quarter named by its last day or told before
    ("a partir del año fiscal 2006 .", D("2005-07-20"), "año fiscal 2006", "DATE", "FY2006", None, ("2006-01-01", "2006-12-31")),
    ("Apple dijo que su beneficio se triplicó en su último trimestre .", D("2004-07-15"), "último trimestre", "DATE", "2004-Q2", None, ("2004-04-01", "2004-06-30")),
    ("Apple ganó dinero en el último trimestre .", D("2004-02-15"), "el último trimestre", "DATE", "2003-Q4", None, ("2003-10-01", "2003-12-31")),
    ("Ganó 61 millones en el trimestre que terminó el 26 de junio .", D("2004-07-15"), "el trimestre", "DATE", "2004-Q2", None, ("2004-04-01", "2004-06-30")),
    ("Ganó 61 millones en el trimestre que terminó el 26 de junio , frente a 19 millones en el mismo período del año anterior .", D("2004-07-15"), "el mismo período del año anterior", "DATE", "2003-Q2", None, ("2003-04-01", "2003-06-30")),
    ("En el tercer trimestre ganó 5 millones . Vendió 800 equipos durante el trimestre .", D("2004-11-15"), "el trimestre", "DATE", "2004-Q3", None, ("2004-07-01", "2004-09-30")),
    ("Vendió 800 equipos durante el trimestre .", D("2004-11-15"), None, None, None, None, None),
    ("Toyota prevé pérdidas en el actual año fiscal .", D("2009-05-08"), "el actual año fiscal", "DATE", "FY2009", None, ("2009-01-01", "2009-12-31")),
    ("Ganó más que en el ejercicio fiscal anterior .", D("2009-05-08"), "el ejercicio fiscal anterior", "DATE", "FY2008", None, ("2008-01-01", "2008-12-31")),
    ("Apple informó de que en el primer trimestre de su año fiscal 2010 obtuvo un beneficio récord .", D("2010-01-27"), "el primer trimestre de su año fiscal 2010", "DATE", "FY2010-Q1", None, ("2010-01-01", "2010-03-31")),
    ("En el tercer trimestre del ejercicio fiscal 2009 perdió dinero .", D("2010-01-27"), "el tercer trimestre del ejercicio fiscal 2009", "DATE", "FY2009-Q3", None, ("2009-07-01", "2009-09-30")),
    # "desde" + a bare month: the verb the span runs from decides, not a later one
    ("GM , que ha recibido 19.400 millones desde diciembre , controlará el 60 % .", D("2009-06-02"), "diciembre", "DATE", "2008-12", None, ("2008-12-01", "2008-12-31")),
    ("Nokia recortará 1.700 empleos desde marzo .", D("2009-06-02"), "marzo", "DATE", "2010-03", None, ("2010-03-01", "2010-03-31")),
    # ... and the verb of the stretch the span sits in, not one before a comma ("La dirigirá X, consejero desde ...")
    ("La dirigirá Richard Anderson , consejero delegado de Delta desde septiembre , que ya presidió Northwest .", D("2008-04-14"), "septiembre", "DATE", "2007-09", None, ("2007-09-01", "2007-09-30")),
    # a weekday told with an irregular preterite and its compounds ("propuso", "mantuvo") is behind the dct
    ("El viernes , el presidente propuso un paquete de estímulo fiscal .", D("2008-01-22"), "viernes", "DATE", "2008-01-18", None, ("2008-01-18", "2008-01-18")),
    ("El jueves el Gobierno mantuvo su oferta .", D("2008-01-22"), "jueves", "DATE", "2008-01-17", None, ("2008-01-17", "2008-01-17")),
    # a clock time told with an irregular preterite ("se produjo") is on the story's day gone, not the dct's
    ("Ese mismo domingo , en el vecino Burkina Faso , doce soldados murieron y ocho resultaron heridos en una emboscada contra una escolta del Ejército y de una unidad antiterrorista de la Gendarmería a la altura de Dounkoun , en la provincia de Sourou ( región de Boucle du Mouhoun ) , cerca de la frontera con Mali . El ataque se produjo hacia las 15.00 , según una fuente de seguridad .", D("2021-08-10"), "las 15.00", "TIME", "2021-08-08T15:00", None, ("2021-08-08", "2021-08-08")),
    # a span that lasted until a day is behind the report ("se prolongó … hasta la madrugada del domingo"), and a
    # day told "citado hoy por la prensa" is the report's, not the story's ("hacia la medianoche": Saturday's)
    ("Al menos 106 personas murieron en el ataque que lanzaron el sábado por la noche contra Izghe , según el senador , "
     "citado hoy por la prensa local .\n\nLos asaltantes llegaron hacia la medianoche . La matanza se prolongó durante "
     "unas cinco horas , hasta la madrugada del domingo .", D("2014-02-17"), "la madrugada del domingo", "TIME",
     "2014-02-16TMO", None, ("2014-02-16", "2014-02-16")),
    ("Al menos 106 personas murieron en el ataque que lanzaron el sábado por la noche contra Izghe , según el senador , "
     "citado hoy por la prensa local .\n\nLos asaltantes llegaron hacia la medianoche .", D("2014-02-17"), "medianoche",
     "TIME", "2014-02-16T00:00", None, ("2014-02-15", "2014-02-16")),
    # a part of day a paragraph on from an old background day is on the day reported
    ("Al menos 80 personas murieron hoy en un doble atentado suicida en Shabqadar .\n\nLos talibanes lo reivindicaron como "
     "venganza por la muerte de Bin Laden , abatido el pasado día 2 en Abbottabad .\n\nSegún la Policía , los dos suicidas se "
     "hicieron estallar a primera hora de la mañana .", D("2011-05-13"), "primera hora de la mañana", "TIME",
     "2011-05-13TMO", None, ("2011-05-13", "2011-05-13")),
    # a clock time in a future clause is not on a day already gone
    ("Las negociaciones se rompieron ayer . Los sindicatos celebrarán una asamblea a las 15.00 horas .", D("2006-02-09"), "las 15.00 horas", "TIME", "2006-02-09T15:00", None, ("2006-02-09", "2006-02-09")),
    ("La circulación se cortó ayer y quedó interrumpida hasta las 11.45 horas .", D("2001-01-03"), "las 11.45 horas", "TIME", "2001-01-02T11:45", None, ("2001-01-02", "2001-01-02")),
    # an imperfect subjunctive is a past: the weekend gone
    ("La quiebra llegó después de que fracasaran las negociaciones durante el fin de semana .", D("2008-09-16"), "el fin de semana", "DATE", "2008-W37-WE", None, ("2008-09-13", "2008-09-14")),
    ("pidió penas de hasta 38.000 años de prisión", D("2007-10-15"), "38.000 años", "DURATION", "P38000Y", None, None),
    # a narrative's look back inside a sentence does not move the story ("Nueve días después" counts from 1 July)
    ("En 1997 ETA actuó. El 1 de julio, la Guardia Civil liberó a Ortega Lara, al que ETA mantenía encerrado desde su "
     "secuestro en enero de 1996. Nueve días después, una militante abordó a Blanco.", None, "Nueve días después", "DATE",
     "1997-07-10", None, ("1997-07-10", "1997-07-10")),
    # ... and a yearless month right after the look back is of its year
    ("En 2016 el Ejército la reconquistó en marzo. El EI la había conquistado en mayo de 2015 y, en agosto, voló los "
     "templos.", None, "agosto", "DATE", "2015-08", None, ("2015-08-01", "2015-08-31")),
    # ... but not a month before the part of the year a "desde" phrase starts at: the story's year
    ("El ataque fue en la madrugada del 22 de octubre de 2007. El alto el fuego se había desmoronado desde finales de "
     "2005, y en julio el Ejército había expulsado a los Tigres.", None, "julio", "DATE", "2007-07", None,
     ("2007-07-01", "2007-07-31")),
    # a date in a "desde que" clause before the story's day is a yardstick: the story stays on its day
    ("Quince policías murieron el lunes, el peor ataque desde que Peña Nieto llegó al poder en diciembre de 2012. Al día "
     "siguiente hubo detenciones.", D("2015-04-07"), "Al día siguiente", "DATE", "2015-04-07", None,
     ("2015-04-07", "2015-04-07")),
    # hours counted back step from the story's day, not from a coarser date told in between
    ("El misil cayó la tarde del sábado. Otro mató a 20 personas en junio pasado. Horas antes, hubo ataques.",
     D("2023-01-16"), "Horas antes", "DURATION", "PTXH", None, ("2023-01-14", "2023-01-14")),
    # a night running into the next day: the first day's night, over both days; the story then stands on the second
    ("La noche del 7 al 8 de agosto de 2008, la artillería bombardeó Tsjinvali.", None, "La noche del 7 al 8 de agosto "
     "de 2008", "TIME", "2008-08-07TNI", None, ("2008-08-07", "2008-08-08")),
    ("Las tropas entraron la madrugada del sábado al domingo.", D("2024-03-12"), "la madrugada del sábado al domingo",
     "TIME", "2024-03-09TMO", None, ("2024-03-09", "2024-03-10")),
    ("La noche del 7 al 8 de agosto de 2008 empezó la ofensiva. Moscú respondió ese mismo día.", None, "ese mismo día",
     "DATE", "2008-08-08", None, ("2008-08-08", "2008-08-08")),
    # a season told over the turn of a year is one timex, and a yearless month after it looks back to it
    ("En el invierno de 1998 a 1999, el alto el fuego se deterioraba.", None, "el invierno de 1998 a 1999", "DATE",
     "1998-WI", None, ("1998-12-01", "1999-02-28")),
    ("La masacre fue el 15 de enero de 1999. En el invierno de 1998 a 1999, el alto el fuego pactado en octubre se "
     "deterioraba.", None, "octubre", "DATE", "1998-10", None, ("1998-10-01", "1998-10-31")),
    # a step after "y" opening a clause is the day it steps to ("..., y dos días después otro agente murió")
    ("El 8 de enero de 1999 mataron a tres policías, y dos días después otro agente murió.", None, "dos días después",
     "DATE", "1999-01-10", None, ("1999-01-10", "1999-01-10")),
    # a perfect tense right before a weekday is its verb, whatever future the clause after it tells
    ("El comisionado había advertido el lunes que liberarían Monimbó.", D("2018-07-18"), "lunes", "DATE",
     "2018-07-16", None, ("2018-07-16", "2018-07-16")),
    # a bare day a day or two behind the story's day is of its month, not the next
    ("El 8 de agosto de 2008 hubo combates. Dos días después se retiraron. El 9, aviones rusos habían atacado Gori.",
     None, "El 9", "DATE", "2008-08-09", None, ("2008-08-09", "2008-08-09")),
    # a noun in -ría after an article is no conditional verb: "el lunes" after it is told in the past
    ("Tomaron la sede de la Sexta División de Infantería, y el lunes por la noche el jefe confirmó la retirada.",
     D("2025-10-30"), "lunes por la noche", "TIME", "2025-10-27TNI", None, ("2025-10-27", "2025-10-27")),
    # a weekday with a clock time in a narrative: the story's day, not the month of an aside told before it
    ("El asalto fue el 6 de noviembre de 1985 y el Ejército recuperó el edificio al día siguiente. La tregua se "
     "había firmado en agosto del año anterior. Hacia las 11.40 del miércoles, irrumpieron.", None,
     "las 11.40 del miércoles", "TIME", "1985-11-06T11:40", None, ("1985-11-06", "1985-11-06")),
    # "Aquel lunes": the Monday already told, not the last one before an aside
    ("El ataque fue el 18 de julio de 1994. Dos años antes, el 17 de marzo, volaron la embajada. Aquel lunes, "
     "estalló una furgoneta.", None, "Aquel lunes", "DATE", "1994-07-18", None, ("1994-07-18", "1994-07-18")),
    # "Esa misma noche": the night of the day last told, not the dct's, which has not fallen yet
    ("LIMA, 17 jul (EFE).- Murieron anoche trece personas. Los bomberos seguían esta mañana allí. Esa misma noche "
     "estalló otro artefacto.", D("1992-07-17"), "Esa misma noche", "TIME", "1992-07-16TNI", None,
     ("1992-07-16", "1992-07-16")),
    ("Un joven murió abatido el martes. El ministerio informó esta mañana de 667 detenidos. Los primeros "
     "enfrentamientos estallaron esa misma noche.", D("2023-06-30"), "esa misma noche", "TIME", "2023-06-27TNI",
     None, ("2023-06-27", "2023-06-27")),
    # a clock time in a past clause takes the last day gone, not a day to come told before it
    ("MADRID, 12 mar (EFE).- Al menos 192 personas murieron y más de 1.400 resultaron heridas ayer en Madrid por la "
     "explosión de diez bombas en cuatro trenes, el atentado más sangriento de la historia de España, a tres días de "
     "las elecciones generales del domingo. Las mochilas estallaron entre las 7.37 y las 7.40.", D("2004-03-12"),
     "las 7.37", "TIME", "2004-03-11T07:37", None, ("2004-03-11", "2004-03-11")),
    # a weekday with its day number, in a narrative and inside a part of the day
    ("La ofensiva empezó en noviembre de 1989. La noche del sábado 11, la guerrilla lanzó la ofensiva.", None,
     "La noche del sábado 11", "TIME", "1989-11-11TNI", None, ("1989-11-11", "1989-11-11")),
    ("La ofensiva empezó el 11 de noviembre de 1989. El lunes 13, soldados registraron la residencia.", None,
     "lunes 13", "DATE", "1989-11-13", None, ("1989-11-13", "1989-11-13")),
    # a late clock time belongs to the night told, not to a later day a toll was given on
    ("La Policía elevó hoy a 42 el número de muertos en el ataque del viernes por la noche. El balance de ayer era de "
     "41 muertos. Los asaltantes irrumpieron hacia las 23.30 hora local.", D("2023-06-18"), "las 23.30 hora local",
     "TIME", "2023-06-16T23:30", None, ("2023-06-16", "2023-06-16")),
    # a narrative standing in a whole year: a yearless date is of that year
    ("El ELN voló el oleoducto el 18 de octubre de 1998. Una década antes, el 11 de noviembre, paramilitares "
     "mataron a 43 personas.", None, "11 de noviembre", "DATE", "1988-11-11", None, ("1988-11-11", "1988-11-11")),
    # every year on a day
    ("Cada 18 de octubre, los vecinos recuerdan a los muertos.", None, "Cada 18 de octubre", "SET", "XXXX-10-18",
     None, None),
    # a narrative told in the past: a bare weekday is the nearer one, here the day after
    ("El asalto empezó el miércoles 6 de noviembre de 1985. Los militares tomaron el último reducto en la tarde del "
     "jueves.", None, "la tarde del jueves", "TIME", "1985-11-07TAF", None, ("1985-11-07", "1985-11-07")),
    # a clock time whose day is named after an aside: "(07.04 GMT) del sábado"
    ("ANKARA, 11 oct (EFE).- Dos explosiones mataron ayer a 95 personas. Las explosiones se produjeron hacia las "
     "10.04 hora local (07.04 GMT) del sábado.", D("2015-10-11"), "las 10.04 hora local", "TIME", "2015-10-10T10:04",
     None, ("2015-10-10", "2015-10-10")),
    # "informó hoy" is the report's day: a clock time of a past clause is the story's day
    ("KIEV, 28 jun (EFE).- Un misil alcanzó ayer por la tarde un centro comercial, informó hoy el gobernador. El "
     "primero impactó hacia las 15.50 hora local.", D("2022-06-28"), "las 15.50 hora local", "TIME",
     "2022-06-27T15:50", None, ("2022-06-27", "2022-06-27")),
    ("Un atentado mató hoy a 20 personas en Kabul. La explosión se produjo hacia las 10.00.", D("2022-06-28"),
     "las 10.00", "TIME", "2022-06-28T10:00", None, ("2022-06-28", "2022-06-28")),
    # "el pasado día 26": the last 26th gone; "el próximo día 2": the next
    ("Gharyan fue reconquistada el pasado día 26 por el GNA.", D("2019-07-03"), "el pasado día 26", "DATE",
     "2019-06-26", None, ("2019-06-26", "2019-06-26")),
    ("Se reunirán el próximo día 2.", D("2019-07-03"), "el próximo día 2", "DATE", "2019-08-02", None,
     ("2019-08-02", "2019-08-02")),
    # counted weeks step from the story's day by seven days
    ("El 8 de octubre de 2016 bombardearon un funeral. Una semana después, la coalición admitió el bombardeo.", None,
     "Una semana después", "DATE", "2016-10-15", None, ("2016-10-15", "2016-10-15")),
    # "del año siguiente" counts from the year told in the sentence
    ("El 8 de octubre de 2016 atacaron. Los hutíes controlaban Saná desde septiembre de 2014, y la coalición "
     "bombardeaba el país desde marzo del año siguiente.", None, "marzo del año siguiente", "DATE", "2015-03",
     None, ("2015-03-01", "2015-03-31")),
    # a background section after a lead dated late in a year: a month earlier in that year, not half a year on
    ("La ciudad cayó el 18 de noviembre de 1991.\n\nAntecedentes\n\nCroacia proclamó su independencia el 25 de "
     "junio.", None, "25 de junio", "DATE", "1991-06-25", None, ("1991-06-25", "1991-06-25")),
    # ... and one that tells an aim years after the story's date: the next section is back at the story's year
    ("Disturbios de 2008\n\nLos disturbios de febrero de 2008 comenzaron en Douala.\n\nOrigen\n\nEl malestar unía la "
     "subida de los carburantes al proyecto del presidente de presentarse de nuevo en 2011.\n\nDesarrollo\n\nEl "
     "sábado 23 de febrero, los gendarmes dispersaron un mitin.", None, "sábado 23 de febrero", "DATE", "2008-02-23",
     None, ("2008-02-23", "2008-02-23")),
    # a year told in passing inside a sentence, after the story's ("pidió al año siguiente") or before it ("tras la
    # toma de Lachín en mayo del año anterior"), is an aside: the story stays in its year
    ("La campaña fue lanzada a finales de agosto de 2017, y la ONU pidió al año siguiente que los generales fueran "
     "juzgados.\n\nAntecedentes\n\nEl 9 de octubre del año anterior, militantes asaltaron tres puestos.\n\nLos ataques"
     "\n\nEn la madrugada del 25 de agosto, los insurgentes atacaron.", None, "9 de octubre del año anterior", "DATE",
     "2016-10-09", None, ("2016-10-09", "2016-10-09")),
    ("La ofensiva se apoderó, entre finales de marzo y principios de abril de 1993, del distrito, tras la toma de "
     "Lachín en mayo del año anterior.\n\nLa ofensiva\n\nEl ataque comenzó el 27 de marzo.", None, "27 de marzo",
     "DATE", "1993-03-27", None, ("1993-03-27", "1993-03-27")),
    # a background section may tell a day just after the story's ("Dos días después de la explosión, el 14 de mayo")
    ("El atentado fue cometido el 12 de mayo de 2003 en Znamenskoye.\n\nContexto\n\nEl 27 de diciembre de 2002, un "
     "ataque similar destruyó la sede del Gobierno. Dos días después de la explosión, el 14 de mayo, una mujer se hizo "
     "estallar.", None, "14 de mayo", "DATE", "2003-05-14", None, ("2003-05-14", "2003-05-14")),
    # a day and month told before with last year's year, told again as the story goes on in this year: this year's
    ("El asedio terminó el 24 de octubre de 2012. Los rebeldes habían tomado la ciudad el 17 de octubre de 2011. "
     "El cerco comenzó el 2 de octubre. El día 7 hubo protestas. El 17 de octubre, lanzaron un asalto.", None,
     "17 de octubre", "DATE", "2012-10-17", None, ("2012-10-17", "2012-10-17")),
    ("A fines de diciembre de 2016 llegaron. Para el 7 de enero tomaron la ciudad.", None, "7 de enero", "DATE",
     "2017-01-07", None, ("2017-01-07", "2017-01-07")),
    # a bare day before a pronoun and a past verb
    ("El asedio empezó el 25 de agosto de 1991. A mediados de noviembre la resistencia se desmoronó, y el 18 se "
     "rindieron los últimos defensores.", None, "el 18", "DATE", "1991-11-18", None, ("1991-11-18", "1991-11-18")),
    # "del pasado domingo 17": the Sunday numbered 17, with its article
    ("El JNIM reivindicó el ataque del pasado domingo 17 contra el campamento.", D("2019-03-25"),
     "del pasado domingo 17", "DATE", "2019-03-17", None, ("2019-03-17", "2019-03-17")),
    # "de madrugada": the small hours of the story's day; "el sábado de madrugada"
    ("NIZA, 15 jul (EFE).- El presidente anunció de madrugada que prorrogará el estado de emergencia.",
     D("2016-07-15"), "de madrugada", "TIME", "2016-07-15TMO", None, ("2016-07-15", "2016-07-15")),
    ("Los asaltantes atacaron el sábado de madrugada.", D("2019-03-25"), "sábado de madrugada", "TIME",
     "2019-03-23TMO", None, ("2019-03-23", "2019-03-23")),
    # a counted step that closes its sentence is the day it steps to
    ("El 4 de octubre de 1993 los rangers llegaron al estadio. Durant fue liberado once días después.", None,
     "once días después", "DATE", "1993-10-15", None, ("1993-10-15", "1993-10-15")),
    # a clock time of a day numbered alone: the story's month; noon is 12:00 (TimeBank-es writes TMI)
    ("La toma de la escuela empezó el 1 de septiembre de 2004. Hacia la una de la tarde del día 3 hubo dos "
     "explosiones.", None, "la una de la tarde del día 3", "TIME", "2004-09-03T13:00", None,
     ("2004-09-03", "2004-09-03")),
    ("PARÍS, 8 ene (EFE).- Miles de personas se concentraron hoy a mediodía.", D("2015-01-08"), "hoy a mediodía",
     "TIME", "2015-01-08T12:00", None, ("2015-01-08", "2015-01-08")),
    # a day told after "ese año" in its sentence is of that year, even after a section heading
    ("La matanza ocurrió el 25 de octubre de 2004 en Tak Bai.\n\nAntecedentes\n\nLas provincias del sur vivían desde "
     "principios de ese año un recrudecimiento de la insurgencia, que suele datarse en el asalto a un depósito de "
     "armas el 4 de enero.", None, "4 de enero", "DATE", "2004-01-04", None, ("2004-01-04", "2004-01-04")),
    # a narrative's counted months or years opening a clause: the month or year they step to (no dct only;
    # TimeBank-es news annotates them as durations)
    ("La ofensiva empezó en diciembre de 1973. Nueve meses después, el grupo firmó la tregua.", None,
     "Nueve meses después", "DATE", "1974-09", None, ("1974-09-01", "1974-09-30")),
    ("La ofensiva empezó en 1994. Dos años antes, el grupo había atacado la ciudad.", None,
     "Dos años antes", "DATE", "1992", None, ("1992-01-01", "1992-12-31")),
    # a part of the day before a full date or a weekday: that part of that day
    ("La bomba estalló la noche del sábado 12 de octubre de 2002 en Kuta.", None,
     "la noche del sábado 12 de octubre de 2002", "TIME", "2002-10-12TNI", None, ("2002-10-12", "2002-10-12")),
    ("MOSCÚ, 23 mar (EFE).- El atentado ocurrió la misma noche del viernes.", D("2024-03-23"),
     "la misma noche del viernes", "TIME", "2024-03-22TNI", None, ("2024-03-22", "2024-03-22")),
    # the day of an event told as done lies behind the dct, whatever the tense of its clause
    ("BOGOTÁ, 8 feb (EFE).- Uribe prometió que los responsables de la explosión del viernes serán capturados.",
     D("2003-02-08"), "viernes", "DATE", "2003-02-07", None, ("2003-02-07", "2003-02-07")),
    # ... as is the day of an outcome ("los resultados del domingo"), a future participle after it nonetheless
    ("MADRID, 26 may (EFE).- Los resultados del domingo son la última gran prueba antes de las elecciones "
     "generales, previstas para marzo del próximo año.", D("2003-05-26"), "domingo", "DATE", "2003-05-25", None,
     ("2003-05-25", "2003-05-25")),
    # a report's day does not become the story's: "Al día siguiente de la emboscada" counts from the ambush
    ("UAGADUGÚ, 5 oct (EFE).- Al menos 37 personas murieron en la emboscada contra un convoy el pasado 26 de "
     "septiembre, según el balance difundido este miércoles por el Ejército. Al día siguiente de la emboscada, el "
     "Gobierno había cifrado el balance en 11 muertos.", D("2022-10-05"), "Al día siguiente", "DATE", "2022-09-27",
     None, ("2022-09-27", "2022-09-27")),
    # a part of "el pasado día 20": the last 20th gone
    ("KABUL, 28 ene (EFE).- El asalto de la noche del pasado día 20 dejó 22 muertos.", D("2018-01-28"),
     "la noche del pasado día 20", "TIME", "2018-01-20TNI", None, ("2018-01-20", "2018-01-20")),
    # noon alone is the day the story is at ("ayer poco antes del mediodía"), with a dct or without
    ("LAGOS, 6 jun (EFE).- Los disparos empezaron ayer poco antes del mediodía.", D("2022-06-06"), "mediodía",
     "TIME", "2022-06-05T12:00", None, ("2022-06-05", "2022-06-05")),
    ("PARÍS, 8 ene (EFE).- El presidente francés compareció a mediodía en el Elíseo.", D("2015-01-08"), "mediodía",
     "TIME", "2015-01-08T12:00", None, ("2015-01-08", "2015-01-08")),
    ("El 24 de enero de 2015 los comandos entraron en Mamasapano. A mediodía se retiraron.", None, "mediodía",
     "TIME", "2015-01-24T12:00", None, ("2015-01-24", "2015-01-24")),
    # a section heading of an encyclopedic text brings the story back to its lead's day
    ("Los atentados de Bruselas fueron dos ataques suicidas cometidos el 22 de marzo de 2016.\n\nAntecedentes\n\n"
     "El 18 de marzo la policía detuvo a Salah Abdeslam en Molenbeek.\n\nLos atentados\n\nHacia las 7.58, dos "
     "suicidas se inmolaron en el aeropuerto.", None, "las 7.58", "TIME", "2016-03-22T07:58", None,
     ("2016-03-22", "2016-03-22")),
    # ... and "aquella tarde" there is the lead's afternoon, not that of the background's last day
    ("El atentado de Capaci fue el ataque que la mafia perpetró el 23 de mayo de 1992.\n\nAntecedentes\n\nEl 12 de "
     "marzo, el eurodiputado Salvo Lima fue asesinado en Mondello.\n\nEl atentado\n\nAquella tarde, Falcone aterrizó "
     "en Punta Raisi.", None, "Aquella tarde", "TIME", "1992-05-23TAF", None, ("1992-05-23", "1992-05-23")),
    # ... and a weekday there is the lead's week, even after a background only a month earlier
    ("El Porteñazo fue una sublevación que estalló en Puerto Cabello el 2 de junio de 1962.\n\nAntecedentes\n\nUn "
     "mes antes, el 4 de mayo, un batallón se había alzado en Carúpano.\n\nLa sublevación\n\nAl amanecer del sábado, "
     "los capitanes tomaron la base.", None, "amanecer del sábado", "TIME", "1962-06-02TMO", None,
     ("1962-06-02", "1962-06-02")),
    # the midnight of a day is 00:00 of the next
    ("TRÍPOLI, 3 jul (EFE).- Dos proyectiles cayeron hacia la medianoche del martes sobre el centro.",
     D("2019-07-03"), "la medianoche del martes", "TIME", "2019-07-03T00:00", None, ("2019-07-02", "2019-07-03")),
    ("El 26 de septiembre de 2014 la policía disparó contra los autobuses. Hacia la medianoche, hombres armados "
     "abrieron fuego.", None, "medianoche", "TIME", "2014-09-27T00:00", None, ("2014-09-26", "2014-09-27")),
    # before any date moves it, a narrative is where its first "desde" date is, and "del año siguiente"
    # counts from that year
    ("La batalla se prolongó desde junio de 2014 hasta octubre del año siguiente.", None,
     "octubre del año siguiente", "DATE", "2015-10", None, ("2015-10-01", "2015-10-31")),
    ("La batalla se prolongó desde junio de 2014 hasta octubre del año siguiente.\n\nEl 11 de junio, los "
     "yihadistas entraron en la ciudad.", None, "11 de junio", "DATE", "2014-06-11", None, ("2014-06-11", "2014-06-11")),
    # a weekday and day with their month, after a part of the day
    ("En 2004 hubo protestas a comienzos de abril. Hacia el mediodía del domingo 4 de abril, una manifestación "
     "llegó a la base.", None, "el mediodía del domingo 4 de abril", "TIME", "2004-04-04T12:00", None,
     ("2004-04-04", "2004-04-04")),
    # a day of "ese mes": the month the story is at
    ("En mayo de 2004 hubo combates, hasta que el 27 de ese mes un acuerdo puso fin.", None, "27 de ese mes",
     "DATE", "2004-05-27", None, ("2004-05-27", "2004-05-27")),
    # "el viernes 26" after "el 26 de mayo de 2023" is that day, whatever was told in between
    ("El ataque fue el 26 de mayo de 2023.\n\nContexto\n\nLa misión llegó en abril de 2022. En agosto de ese año "
     "hubo una ofensiva.\n\nEl ataque\n\nAntes del amanecer del viernes 26, los milicianos atacaron.", None,
     "amanecer del viernes 26", "TIME", "2023-05-26TMO", None, ("2023-05-26", "2023-05-26")),
    # "ese año" right after a date told as background is that date's year
    ("El ataque fue el 26 de mayo de 2023. La misión sustituyó en abril de 2022 a la anterior. En agosto de ese año "
     "hubo una ofensiva.", None, "agosto de ese año", "DATE", "2022-08", None, ("2022-08-01", "2022-08-31")),
    # a date under a heading of what came before is not after the story's first date ...
    (NYALA, None, "15 de abril", "DATE", "2023-04-15", None, ("2023-04-15", "2023-04-15")),
    (NYALA, None, "comienzos de octubre", "DATE", "2023-10", "START", ("2023-10-01", "2023-10-10")),
    # ... but may come after an older date told there
    ("Atentados de Bruselas\n\nLas explosiones sacudieron la capital la mañana del 22 de marzo de 2016.\n\n"
     "Antecedentes\n\nLa célula perpetró los atentados de París del 13 de noviembre del año anterior. A mediados "
     "de marzo, la presión policial era máxima.", None, "mediados de marzo", "DATE", "2016-03", "MID",
     ("2016-03-11", "2016-03-20")),
    # "el invierno de 1998" is the winter most of which falls in 1998
    ("Los enfrentamientos de finales del invierno de 1998 abrieron la guerra. El 28 de febrero, una patrulla fue "
     "emboscada.", None, "28 de febrero", "DATE", "1998-02-28", None, ("1998-02-28", "1998-02-28")),
    # a weekday and day that fits no month near the reference: the month of the last day told
    ("El ataque fue el 23 de octubre de 1993. En abril, el HVO había arrasado Ahmici. El jueves 21, tropas "
     "bosnias atacaron Kopljari.", None, "jueves 21", "DATE", "1993-10-21", None, ("1993-10-21", "1993-10-21")),
    # a clock time of "la mañana siguiente"
    ("La bomba estalló el 6 de diciembre de 1982 hacia las 23.15. A las 10.30 de la mañana siguiente, la policía "
     "confirmó los muertos.", None, "las 10.30 de la mañana siguiente", "TIME", "1982-12-07T10:30", None,
     ("1982-12-07", "1982-12-07")),
    # a clock time with a weekday and its date, a weekday and a day number, or "del día siguiente"
    ("Hacia las 17.30 del lunes 19 de febrero de 2018, los hombres armados llegaron.", None,
     "las 17.30 del lunes 19 de febrero de 2018", "TIME", "2018-02-19T17:30", None, ("2018-02-19", "2018-02-19")),
    ("Hacia las siete de la tarde del viernes 30 de agosto de 1996, atacaron.", None,
     "las siete de la tarde del viernes 30 de agosto de 1996", "TIME", "1996-08-30T19:00", None,
     ("1996-08-30", "1996-08-30")),
    ("El 13 de mayo de 1988 llegaron al pueblo. Hacia las nueve de la mañana del día siguiente, mataron a dos.",
     None, "las nueve de la mañana del día siguiente", "TIME", "1988-05-14T09:00", None,
     ("1988-05-14", "1988-05-14")),
    # ... the 24th that is a Monday, in the month of a day told before (not the aside's September)
    ("El ataque fue en la madrugada del 25 de febrero de 2014. A finales de septiembre de 2013 hubo otro asalto. "
     "Hacia las once de la noche del lunes 24, llegaron.", None, "las once de la noche del lunes 24", "TIME",
     "2014-02-24T23:00", None, ("2014-02-24", "2014-02-24")),
    # ... and a small hour told after it is the next day's
    ("El 24 de febrero de 2014, hacia las once de la noche, llegaron. A las tres de la madrugada se fueron.", None,
     "las tres de la madrugada", "TIME", "2014-02-25T03:00", None, ("2014-02-25", "2014-02-25")),
    # just before midnight is the day's 24:00; just after it, with the small hours told, that day's 00:00
    ("BELGRADO, 8 may (EFE).- Poco antes de la medianoche del viernes, los misiles alcanzaron la embajada.",
     D("1999-05-08"), "la medianoche del viernes", "TIME", "1999-05-07T24:00", None, ("1999-05-07", "1999-05-07")),
    ("BAGDAD, 4 jul (EFE).- La explosión se produjo en la madrugada del domingo, poco después de la medianoche.",
     D("2016-07-04"), "medianoche", "TIME", "2016-07-03T00:00", None, ("2016-07-03", "2016-07-03")),
    # ... and the next day after a night that ran into the small hours is the day after the night's
    ("Los disturbios estallaron la noche del 29 de septiembre de 2012. Hacia las 22.00 se concentraron en la plaza. "
     "Poco antes de la medianoche marcharon hacia las aldeas. Los ataques duraron hasta las tres de la madrugada. "
     "Al día siguiente, la violencia se extendió.", None, "Al día siguiente", "DATE", "2012-09-30", None,
     ("2012-09-30", "2012-09-30")),
    # a part of day or a clock time with its weekday and date: the year that makes the weekday agree
    ("El asesinato desencadenó a finales de junio de 2020 la peor ola de violencia desde la llegada al poder de "
     "Abiy Ahmed, dos años antes. Fue tiroteado la noche del lunes 29 de junio.", None,
     "la noche del lunes 29 de junio", "TIME", "2020-06-29TNI", None, ("2020-06-29", "2020-06-29")),
    ("El asesinato desencadenó a finales de junio de 2020 la peor ola de violencia desde la llegada al poder de "
     "Abiy Ahmed, dos años antes. Le dispararon a las 21.30 del lunes 29 de junio.", None,
     "las 21.30 del lunes 29 de junio", "TIME", "2020-06-29T21:30", None, ("2020-06-29", "2020-06-29")),
    # a step apposed to a noun at its sentence's end is an aside: the story stays where it was
    ("El asesinato desencadenó a finales de junio de 2020 la peor ola de violencia desde la llegada al poder de "
     "Abiy Ahmed, dos años antes. En julio hubo más muertos.", None, "julio", "DATE", "2020-07", None,
     ("2020-07-01", "2020-07-31")),
    # "la víspera del atentado": the day before the one the text gave the attack ("del" holds the article)
    ("El atentado de la cafetería fue el sábado 26 de mayo de 1979. Los GRAPO tomaban su nombre del 1 de octubre "
     "de 1975. La víspera del atentado, dos miembros de ETA habían matado a un general.", None, "La víspera",
     "DATE", "1979-05-25", None, ("1979-05-25", "1979-05-25")),
    # "a primera hora de esta mañana": one timex, the report's morning
    ("NAIROBI, 16 ene (EFE).- Las fuerzas keniatas dieron por terminado a primera hora de esta mañana el asalto.",
     D("2019-01-16"), "primera hora de esta mañana", "TIME", "2019-01-16TMO", None, ("2019-01-16", "2019-01-16")),
    # "Ese mismo año" after a "desde" date of an earlier year: that year, not the report's
    ("CONCEPCIÓN (Chile), 28 abr (EFE).- Tres carabineros murieron ayer en una emboscada. La provincia está bajo "
     "estado de excepción desde mayo de 2022. Ese mismo año, un grupo armado incendió un molino.", D("2024-04-28"),
     "Ese mismo año", "DATE", "2022", None, ("2022-01-01", "2022-12-31")),
    # the small hours after a late hour or a night are the next day's
    ("CALI, 15 abr (EFE).- Hacia las 23.30 del martes, los guerrilleros atacaron. El hostigamiento se prolongó "
     "hasta la madrugada.", D("2015-04-15"), "la madrugada", "TIME", "2015-04-15TMO", None,
     ("2015-04-15", "2015-04-15")),
    ("La noche del domingo 29 de julio de 1990, los soldados entraron en la iglesia. Al amanecer, los cuerpos "
     "cubrían el suelo.", None, "amanecer", "TIME", "1990-07-30TMO", None, ("1990-07-30", "1990-07-30")),
    ("El 3 de octubre de 1993, a las 15.40 del domingo, los helicópteros despegaron. Los soldados resistieron toda la "
     "noche, hasta que de madrugada llegó una columna.", None, "de madrugada", "TIME", "1993-10-04TMO", None,
     ("1993-10-04", "1993-10-04")),
    # ... not after a night told before the story's early hour
    ("El 25 de enero de 2015, pasadas las cuatro de la madrugada, un comando que se había infiltrado durante la "
     "noche irrumpió en una choza. Al amanecer, los policías se retiraron.", None, "amanecer", "TIME",
     "2015-01-25TMO", None, ("2015-01-25", "2015-01-25")),
    # "el fin de semana" whose tense is out of reach, told on a Monday: the weekend just gone
    ("KAMPALA, 28 nov (EFE).- El número de muertos en los enfrentamientos del fin de semana entre las fuerzas de "
     "seguridad ugandesas y la guardia real, en el oeste de Uganda, se elevó hoy a 62.", D("2016-11-28"),
     "del fin de semana", "DATE", "2016-W47-WE", None, ("2016-11-26", "2016-11-27")),
    # a bare weekday whose verb comes after a long subject: its tense still decides
    ("ISLAMABAD, 17 feb (EFE).- El ataque del jueves culmina una semana sangrienta. El lunes, un suicida de Jamaat ul "
     "Ahrar, una facción de Tehrik-e-Taliban Pakistan (TTP), se inmoló ante una protesta.", D("2017-02-17"), "lunes",
     "DATE", "2017-02-13", None, ("2017-02-13", "2017-02-13")),
    # a year decades behind the story, told in the sentence, gives a later month no year
    ("El asedio duró de mayo a septiembre de 2007. El Ejército, que no entraba en los campos desde el acuerdo de "
     "1969, fue avanzando casa por casa, y en agosto sus helicópteros lanzaron bombas.", None, "agosto", "DATE",
     "2007-08", None, ("2007-08-01", "2007-08-31")),
    # a clock time told before its day ("a las 2.54 hora local (1.54 GMT) de la madrugada de ayer")
    ("BRIGHTON, 13 oct (EFE).- El artefacto estalló a las 2.54 hora local (1.54 GMT) de la madrugada de ayer, "
     "viernes, en una habitación del hotel.", D("1984-10-13"), "las 2.54 hora local", "TIME", "1984-10-12T02:54",
     None, ("1984-10-12", "1984-10-12")),
    ("BRIGHTON, 13 oct (EFE).- El artefacto estalló a las 2.54 hora local (1.54 GMT) de la madrugada de ayer, "
     "viernes, en una habitación del hotel.", D("1984-10-13"), "1.54 GMT", "TIME", "1984-10-12T01:54Z",
     None, ("1984-10-12", "1984-10-12")),
    # a month told in a pluperfect clause, before the story's month, looks back: the story stays
    ("La batalla fue una serie de combates librados en agosto de 2014, la peor derrota de Kiev en la guerra, que "
     "había estallado en abril.\n\nOfensiva\n\nTras un primer asalto fallido el día 10, el 18 de agosto los "
     "batallones entraron en la ciudad.", None, "el día 10", "DATE", "2014-08-10", None, ("2014-08-10", "2014-08-10")),
    # a month of the year told back ("en enero de ese año") inside a sentence looks back: the story stays
    ("Los combates se reanudaron a finales de agosto de 2008, pese al acuerdo firmado en enero de ese año. Los "
     "rebeldes tomaron Rutshuru el 29 de octubre.", None, "29 de octubre", "DATE", "2008-10-29", None,
     ("2008-10-29", "2008-10-29")),
    # hundreds in words
    ("El secuestro comenzó el 17 de diciembre de 1996 y terminó ciento veintiséis días después.", None,
     "ciento veintiséis días después", "DATE", "1997-04-22", None, ("1997-04-22", "1997-04-22")),
    ("Tras doscientos treinta y un días de asedio, la ciudad cayó.", None, "doscientos treinta y un días",
     "DURATION", "P231D", None, None),
    # ... and the day a step reaches is not a day told to point back to ("aquel martes": the 17th)
    ("El secuestro comenzó el martes 17 de diciembre de 1996 y terminó ciento veintiséis días después con el "
     "asalto.\n\nLa toma"
     "\n\nHacia las 20.20 de aquel martes, catorce guerrilleros irrumpieron en la residencia.", None,
     "las 20.20 de aquel martes", "TIME", "1996-12-17T20:20", None, ("1996-12-17", "1996-12-17")),
    # a paragraph that opens on an earlier date starts the story again there (not in a background section,
    # not in a pluperfect)
    ("En 2016, el Ejército reconquistó Palmira a finales de marzo y el EI volvió a tomarla en diciembre.\n\n"
     "Ofensiva\n\nA principios de marzo de 2016, las fuerzas lanzaron una ofensiva. El 27 de marzo entraron en "
     "la ciudad.", None, "27 de marzo", "DATE", "2016-03-27", None, ("2016-03-27", "2016-03-27")),
    ("La masacre fue el 26 de enero de 1983.\n\nAntecedentes\n\nA finales de diciembre de 1982, el Ejército "
     "asumió la lucha.\n\nLa matanza\n\nAl amanecer del día 26, los reporteros salieron.", None,
     "amanecer del día 26", "TIME", "1983-01-26TMO", None, ("1983-01-26", "1983-01-26")),
    ("La tarde del 5 de enero de 1976, diez obreros fueron asesinados.\n\nEn febrero de 1975, el IRA y el "
     "Gobierno habían pactado una tregua. El 31 de diciembre, tres hombres murieron.", None, "31 de diciembre",
     "DATE", "1975-12-31", None, ("1975-12-31", "1975-12-31")),
    # a step counts from a day told as a look back in a sentence of its own, not from the story's day ...
    ("El incendio ocurrió el 1 de enero de 2008.\n\nContexto\n\nLos comicios se celebraron el 27 de diciembre de "
     "2007. Tres días después, la Comisión proclamó vencedor a Kibaki.", None, "Tres días después", "DATE",
     "2007-12-30", None, ("2007-12-30", "2007-12-30")),
    # ... but a bound told in the story day's own sentence is no such day
    ("El 20 de septiembre de 2023 cesaron los combates. El 28, el presidente firmó un decreto que disolvía las "
     "instituciones a partir del 1 de enero de 2024. Un día antes, el exministro fue detenido.", None,
     "Un día antes", "DATE", "2023-09-27", None, ("2023-09-27", "2023-09-27")),
    # "al año siguiente" of the year its sentence tells
    ("La guerra estalló el 5 de junio de 2000. Aliados en 1998 contra Kabila, Kampala y Kigali se distanciaron al "
     "año siguiente.", None, "al año siguiente", "DATE", "1999", None, ("1999-01-01", "1999-12-31")),
    # in news, a year a span runs from ("desde la guerra de 2014") is background: the story stays at its days
    ("JERUSALÉN, 15 may (EFE).- Los manifestantes murieron el pasado lunes, en la jornada más sangrienta desde la "
     "guerra de 2014, según el Ministerio. Un día después, los drones lanzaron gases.", D("2018-05-15"),
     "Un día después", "DATE", "2018-05-15", None, ("2018-05-15", "2018-05-15")),
    # ... and hours step from the story's day, not from the day a toll was reported
    ("ISLAMABAD, 14 jul (EFE).- Los muertos en el atentado de ayer son ya 128, informaron hoy las autoridades. "
     "Horas antes, una bomba estalló cerca de Bannu.", D("2018-07-14"), "Horas antes", "DURATION", "PTXH", None,
     ("2018-07-13", "2018-07-13")),
    # a day and month told with its year keeps it under a later heading, read back from the lead's April
    ("Los atentados de 2007 fueron cometidos el 11 de abril y el 11 de diciembre de ese año.\n\nAtentados del 11 de "
     "abril\n\nEl 11 de abril, un suicida atacó el Palacio de Gobierno.\n\nAtentados del 11 de diciembre\n\n"
     "Hacia las 9.30, un coche bomba estalló en Ben Aknoun.", None, "11 de diciembre", "DATE", "2007-12-11", None,
     ("2007-12-11", "2007-12-11")),
    # days and weeks step from a day: after an aside's year, from the day a heading brought the story back to
    ("El 4 de diciembre de 1971 una bomba destruyó el bar.\n\nInvestigación\n\nEn 2011, un informe concluyó que la "
     "investigación había sido sesgada.\n\nRepresalia\n\nUna semana después, una bomba estalló ante una tienda.",
     None, "Una semana después", "DATE", "1971-12-11", None, ("1971-12-11", "1971-12-11")),
    # a capitalised name is no tense marker ("Irán" is not the future of "ir"); a participle dates its clause
    ("BEIRUT, 14 nov (EFE).- La ciudad forma parte de las zonas acordadas en mayo por Rusia e Irán.",
     D("2017-11-14"), "mayo", "DATE", "2017-05", None, ("2017-05-01", "2017-05-31")),
    ("MOGADISCIO, 16 oct (EFE).- La masacre se produce meses después de que Farmajo, elegido en febrero, declarara "
     "la guerra.", D("2017-10-16"), "febrero", "DATE", "2017-02", None, ("2017-02-01", "2017-02-28")),
    # "la primavera siguiente" after a year told in its sentence: the spring after that year
    ("El 9 de noviembre de 1993 cayó el puente. Croatas y musulmanes habían combatido juntos contra las fuerzas "
     "serbias en 1992, pero la alianza se rompió en la primavera siguiente.", None, "la primavera siguiente", "DATE",
     "1993-SP", None, ("1993-03-01", "1993-05-31")),
    # a deadline after the report is not the story's day: hours before the signing are the day before
    ("MOSCÚ, 10 nov (EFE).- Armenia y Azerbaiyán firmaron el acuerdo a las 21.00 GMT del lunes. Ereván devolverá a "
     "Bakú antes del 1 de diciembre los distritos. Horas antes de la firma, un helicóptero ruso fue derribado.",
     D("2020-11-10"), "Horas antes", "DURATION", "PTXH", None, ("2020-11-09", "2020-11-09")),
    # "del año pasado" after a feast or a season
    ("ABUJA, 26 dic (EFE).- La secta ya golpeó en Nochebuena del año pasado, cuando varias bombas mataron a 32 "
     "personas.", D("2011-12-26"), "Nochebuena del año pasado", "DATE", "2010-12-24", None,
     ("2010-12-24", "2010-12-24")),
    ("TEHERÁN, 8 jun (EFE).- Los atacantes habían regresado al país en el verano del año pasado.", D("2017-06-08"),
     "el verano del año pasado", "DATE", "2016-SU", None, ("2016-06-01", "2016-08-31")),
    # "de ese mes": the month its sentence tells, a look back or not
    ("El asedio terminó el 10 de noviembre de 2015. A finales de septiembre de 2015, las tropas lanzaron una "
     "ofensiva, y desde el 30 de ese mes contaron con la aviación rusa.", None, "30 de ese mes", "DATE",
     "2015-09-30", None, ("2015-09-30", "2015-09-30")),
    # "al día siguiente de la muerte de X": of the day the text gave it, under the heading that names it
    ("Los combates empezaron el 29 de noviembre de 2017.\n\nLa muerte de Saleh\n\nEl lunes 4 de diciembre, los "
     "hutíes volaron su residencia.\n\nConsecuencias\n\nAl día siguiente de la muerte de Saleh, Hadi llamó a "
     "levantarse.", None, "Al día siguiente", "DATE", "2017-12-05", None, ("2017-12-05", "2017-12-05")),
    # "no ... hasta el jueves" in the past: not until a Thursday gone (but "han dado vacaciones hasta el jueves")
    ("BEIRUT, 20 feb (EFE).- La alianza no anunció el inicio de la operación hasta el jueves.", D("2016-02-20"),
     "jueves", "DATE", "2016-02-18", None, ("2016-02-18", "2016-02-18")),
    ("MADRID, 15 may (EFE).- Los colegios también han dado vacaciones hasta el jueves.", D("2000-05-15"),
     "jueves", "DATE", "2000-05-18", None, ("2000-05-18", "2000-05-18")),
    # "hasta" + a weekday after a day told earlier in a past sentence: the first such day from it
    ("ARAUCA, 4 ene (EFE).- Los combates comenzaron en las primeras horas del domingo y se prolongaron hasta el "
     "lunes en varias veredas.", D("2022-01-04"), "lunes", "DATE", "2022-01-03", None, ("2022-01-03", "2022-01-03")),
    ("Los atacantes irrumpieron hacia las siete de la tarde del sábado y mataron a los jornaleros hasta las tres de "
     "la madrugada del domingo.", D("2011-05-16"), "las tres de la madrugada del domingo", "TIME",
     "2011-05-15T03:00", None, ("2011-05-15", "2011-05-15")),
    # a narrative moves on within its year: a later month of the reference's year before an earlier one
    ("A mediados de enero de 2017, una ofensiva del EI partió en dos el enclave. Las tropas alcanzaron las afueras "
     "a comienzos de septiembre.", None, "comienzos de septiembre", "DATE", "2017-09", "START",
     ("2017-09-01", "2017-09-10")),
    # a time someone demands is no time of the story: the next day told stays in the story's year
    ("Crisis de 2007\n\nEl 2 de noviembre de 2007, la oposición reunió a miles de personas para exigir que las "
     "elecciones se adelantaran a la primavera. El 7 de noviembre, la policía dispersó a los manifestantes.", None,
     "7 de noviembre", "DATE", "2007-11-07", None, ("2007-11-07", "2007-11-07")),
    # a day a state runs from ("acuartelados desde el martes") is not the day a part of day after it is on
    ("LA PAZ, 14 feb (EFE).- A media mañana del miércoles, estudiantes apedrearon el palacio. Los agentes, "
     "acuartelados desde el martes, contestaron a primera hora de la tarde con fusiles.", D("2003-02-14"),
     "primera hora de la tarde", "TIME", "2003-02-12TAF", None, ("2003-02-12", "2003-02-12")),
    # an imperfect before "hasta": a state that held until a day gone
    ("JARTUM, 6 may (EFE).- Puerto Sudán era considerada hasta el domingo un refugio seguro.", D("2025-05-06"),
     "domingo", "DATE", "2025-05-04", None, ("2025-05-04", "2025-05-04")),
    # after a background section told a year before the story, the next section goes on from the story's time
    ("Ofensiva de Hawija\n\nLa ofensiva fue la campaña con la que el Ejército tomó Hawija en otoño de 2017.\n\n"
     "Antecedentes\n\nLas tropas que avanzaron hacia Mosul el año anterior la dejaron atrás.\n\nPrimera fase\n\n"
     "El primer ministro anunció el 21 de septiembre el inicio de la operación.", None, "21 de septiembre", "DATE",
     "2017-09-21", None, ("2017-09-21", "2017-09-21")),
    # an imperfect of a verb in -rir ("cubría") is no conditional: the nearer Monday, not the next one
    ("KATMANDÚ, 7 jun (EFE).- El autobús, que cubría a primera hora de la mañana del lunes el trayecto entre Madi y "
     "Narayangadh, iba lleno.", D("2005-06-07"), "primera hora de la mañana del lunes", "TIME", "2005-06-06TMO",
     None, ("2005-06-06", "2005-06-06")),
    ("KATMANDÚ, 7 jun (EFE).- El Gobierno dijo que el autobús cubriría el trayecto el lunes.", D("2005-06-07"),
     "lunes", "DATE", "2005-06-13", None, ("2005-06-13", "2005-06-13")),
    # a day of the month just told, however far back from the story's year
    ("En febrero de 2022 la Corte fijó la reparación. La ciudad volvió a sufrir en mayo de 2002: tras un motín que "
     "tomó la radio el 14 de mayo, las tropas mataron a decenas de civiles.", None, "14 de mayo", "DATE",
     "2002-05-14", None, ("2002-05-14", "2002-05-14")),
    # a weekday inside a clock time or part of day reads the tense of its sentence however far the verb stands
    ("Chekatt abrió fuego con un revólver y atacó con un cuchillo a los paseantes del mercado navideño hacia las "
     "19.50 del martes, en la calle.", D("2018-12-17"), "las 19.50 del martes", "TIME", "2018-12-11T19:50", None,
     ("2018-12-11", "2018-12-11")),
    # ... and "detrás" is no future tense
    ("Las cargas estallaron en dos autobuses que circulaban uno detrás de otro por una avenida del centro, cerca "
     "del Ayuntamiento, a primera hora de la tarde del martes.", D("2004-09-01"),
     "primera hora de la tarde del martes", "TIME", "2004-08-31TAF", None, ("2004-08-31", "2004-08-31")),
    # a past subjunctive is a past tense
    ("Raisí advirtió de que las Fuerzas Armadas decidirán cómo responder, después de que Jameneí prometiera el "
     "miércoles una respuesta dura.", D("2024-01-05"), "miércoles", "DATE", "2024-01-03", None,
     ("2024-01-03", "2024-01-03")),
    # a count by day is no weekday with its day number
    ("Los socorristas rescataron a nueve personas y el recuento no dejaba de crecer: 15 el domingo, 24 el lunes.",
     D("2022-07-14"), "domingo", "DATE", "2022-07-10", None, ("2022-07-10", "2022-07-10")),
    # "a partir de" + weekday: the verb before dates the decree, not the day (the nearer one, behind or ahead)
    ("Maduro ordenó el cierre total de la frontera a partir de las 20.00 hora local del jueves para impedir la "
     "entrada de la ayuda.", D("2019-02-23"), "las 20.00 hora local del jueves", "TIME", "2019-02-21T20:00", None,
     ("2019-02-21", "2019-02-21")),
    ("Hollande decretó tres días de duelo nacional a partir del sábado.", D("2016-07-15"), "sábado", "DATE",
     "2016-07-16", None, ("2016-07-16", "2016-07-16")),
    # the hour a span began, before the story's day, is not the day later times of day are on
    ("Los tiroteos continuaron durante la mañana de hoy, pese al toque de queda decretado a partir de las 19.00 del "
     "lunes. Al Sadr habló poco después del mediodía.", D("2022-08-30"), "mediodía", "TIME", "2022-08-30T12:00",
     None, ("2022-08-30", "2022-08-30")),
    # a part of day after a month told earlier in its sentence is a time of that month, not of the story's day
    ("Horas antes desactivaron otro artefacto. En agosto de 2010, un coche bomba estalló de madrugada frente al "
     "edificio de Caracol Radio.", D("2012-05-15"), "de madrugada", "TIME", "2010-08-XXTMO", None,
     ("2010-08-01", "2010-08-31")),
    # in news, the month a span runs from is behind the dct, however far ("desde febrero" told in December)
    ("Es la peor atrocidad desde febrero.", D("2021-12-09"), "febrero", "DATE", "2021-02", None,
     ("2021-02-01", "2021-02-28")),
    ("Es una de las peores atrocidades desde el golpe de Estado de febrero.", D("2021-12-09"), "febrero", "DATE",
     "2021-02", None, ("2021-02-01", "2021-02-28")),
    # in news, a part of day in a clause with no past tense after a background day weeks old is today's
    ("La reforma fue aprobada el 16 de junio y el Congreso la aprobó el 9 de septiembre. Por la tarde están "
     "convocadas manifestaciones.", D("2010-09-29"), "la tarde", "TIME", "2010-09-29TAF", None,
     ("2010-09-29", "2010-09-29")),
    # a zone told in words belongs to the clock, and the day after it is the clock's day
    ("La señal llegó a las 22.32 hora del Pacífico del domingo.", D("2012-08-06"),
     "las 22.32 hora del Pacífico del domingo", "TIME", "2012-08-05T22:32", None, ("2012-08-05", "2012-08-05")),
    # the paper's date on a line of its own under the headline is no day of the story
    ("El PP gana las elecciones generales\n\nLunes 21 de noviembre de 2011\n\nEl PP de Mariano Rajoy obtuvo ayer "
     "la mayoría absoluta en las elecciones generales celebradas en España.\n\nRajoy, de 56 años, que perdió las "
     "elecciones de 2004 y 2008, será investido en las próximas semanas. El nuevo Congreso se constituirá el 13 de "
     "diciembre y la investidura podría celebrarse antes de Navidad.\n\nLos comicios estuvieron marcados por la "
     "crisis. En el tercer trimestre, el paro afectaba a cinco millones de personas, y la prima de riesgo ha "
     "superado recientemente los 400 puntos. Zapatero anunció en abril que no optaría.\n\nLos colegios "
     "electorales abrieron a las 9.00 y cerraron a las 20.00 hora local.", D("2011-11-21"), "las 20.00 hora local",
     "TIME", "2011-11-20T20:00", None, ("2011-11-20", "2011-11-20")),
    # a bare hour in digits before a preposition is a clock too ("a las 10 bajo las restricciones")
    ("Los bancos abren hoy a las 10 bajo las restricciones anunciadas.", D("2001-12-03"), "hoy a las 10", "TIME",
     "2001-12-03T10:00", None, ("2001-12-03", "2001-12-03")),
    # "más tarde de lo previsto" is a comparison, no future: the past verb before dates the clock
    ("Las acciones empezaron a cotizar el viernes. Unos fallos retrasaron el inicio de la sesión hasta las 11.30 "
     "hora de Nueva York, media hora más tarde de lo previsto.", D("2012-05-20"), "las 11.30 hora de Nueva York",
     "TIME", "2012-05-18T11:30", None, ("2012-05-18", "2012-05-18")),
    # a fiscal quarter, the day it closed told in passing, and the periods counted from it (fiscal too)
    ("Apple ganó 106 millones en su cuarto trimestre fiscal, cerrado el 26 de septiembre, frente a los 101 "
     "millones del trimestre anterior.", D("1998-10-15"), "cuarto trimestre fiscal", "DATE", "FY1998-Q4", None,
     ("1998-10-01", "1998-12-31")),
    ("Apple ganó 106 millones en su cuarto trimestre fiscal, cerrado el 26 de septiembre, frente a los 101 "
     "millones del trimestre anterior.", D("1998-10-15"), "del trimestre anterior", "DATE", "FY1998-Q3", None,
     ("1998-07-01", "1998-09-30")),
    ("En su ejercicio fiscal 1998 ganó 309 millones, tras perder 1.000 millones en el ejercicio anterior.",
     D("1998-10-15"), "el ejercicio anterior", "DATE", "FY1997", None, ("1997-01-01", "1997-12-31")),
    # a quarter told by its months, and the same period a year before
    ("Apple ganó 6.620 millones en el trimestre de julio a septiembre, un 39 % más que en el mismo período del año "
     "anterior.", D("2011-10-19"), "el trimestre de julio a septiembre", "DATE", "2011-Q3", None,
     ("2011-07-01", "2011-09-30")),
    ("Apple ganó 6.620 millones en el trimestre de julio a septiembre, un 39 % más que en el mismo período del año "
     "anterior.", D("2011-10-19"), "el mismo período del año anterior", "DATE", "2010-Q3", None,
     ("2010-07-01", "2010-09-30")),
    ("En su ejercicio fiscal 1998 ganó 309 millones. Este año ganará más.", D("1998-10-15"), "Este año", "DATE",
     "1998", None, ("1998-01-01", "1998-12-31")),
    ("En el primer trimestre de su año fiscal 2010, cerrado el 26 de diciembre, ganó 3.380 millones, frente a "
     "2.260 millones en el mismo período del año anterior.", D("2010-01-28"), "el mismo período del año anterior",
     "DATE", "2009-Q1", None, ("2009-01-01", "2009-03-31")),
]


@pytest.mark.parametrize("text,dct,span,typ,value,mod,interval", ROWS, ids=[r[2] or r[0] for r in ROWS])
def test_construction(tagger, text, dct, span, typ, value, mod, interval):
    if span is None:   # not a timex
        assert tagger.tag(text, dct) == []
        return
    t = one(tagger, text, dct, span)
    assert (t.type, t.value, t.mod) == (typ, value, mod)
    want = tuple(D(x) for x in interval) if interval else None
    assert t.interval == want
    assert t.rule


def test_news_background_clause_does_not_move_the_story(tagger):
    # a date years before the dct in a "donde" clause is background: undated sentences after it stay on the story
    text = ("Un comando irrumpió el sábado en el centro. Hay tropas kenianas en Somalia, donde el Ejército entró en "
            "octubre de 2011. En mayo de 2012 hubo otro ataque, cuando el grupo golpeó Garissa.")
    assert one(tagger, text, D("2013-09-25"), "octubre de 2011").extra["moves_anchor"] is False
    assert one(tagger, text, D("2013-09-25"), "mayo de 2012").extra["moves_anchor"] is True


def test_weekday_disagreement_prefers_agreeing_year(tagger):
    # 8 January is a Sunday in 2017, not in 2016: the weekday wins and the conflict is recorded.
    t = one(tagger, "En diciembre de 2015 empezó. El domingo 8 de enero cayó.", None, "domingo 8 de enero")
    assert t.value == "2017-01-08"
    assert t.extra["weekday_conflict"]["inferred_year"] == 2016


def test_bounds_by_and_since(tagger):
    text = "Desde octubre de 2016 avanzaban. Para el 7 de enero habían llegado."
    by = one(tagger, text, None, "7 de enero")
    since = one(tagger, text, None, "octubre de 2016")
    assert by.extra["bound"] == "by" and since.extra["bound"] == "since"


def test_since_does_not_move_the_anchor(tagger):
    text = "En mayo de 2016 atacaron la ciudad, feudo yihadista desde junio de 2014. El 7 de julio cayó."
    t = one(tagger, text, None, "7 de julio")
    assert t.value == "2016-07-07"


def test_precision_anchor_and_rule(tagger):
    text = "En mayo de 2016 atacaron. El 7 de julio cayó."
    a = one(tagger, text, None, "mayo de 2016")
    b = one(tagger, text, None, "7 de julio")
    assert (a.precision, a.anchor) == ("month", "absolute")
    assert (b.precision, b.anchor) == ("day", "narrative")


def test_reference_date(tagger):
    text = "En mayo de 2016 atacaron, feudo desde junio de 2014. Luego cayó."
    tx = tagger.tag(text)
    ref = reference_date(tx, text.index("Luego"))
    assert ref is not None and ref.value == "2016-05"
    assert reference_date(tx, 0) is None


def test_reference_date_after_a_background_section(tagger):
    # the dates of an "Antecedentes" section move the story only inside it: the next section is back at the lead's
    text = ("Protestas en Bamako\n\nLas protestas fueron tres días de disturbios desencadenados por la manifestación "
            "del viernes 10 de julio de 2020.\n\nAntecedentes\n\nLa coalición había llenado las calles el 5 de "
            "junio. El líder de la oposición fue capturado el 25 de marzo.\n\nLos disturbios\n\nTras el mitin, "
            "los manifestantes saquearon la Asamblea Nacional.")
    tx = tagger.tag(text)
    ref = reference_date(tx, text.index("Tras el mitin"))
    assert ref is not None and ref.value == "2020-07-10"
    inside = reference_date(tx, text.index("25 de marzo") + len("25 de marzo."))
    assert inside is not None and inside.value == "2020-03-25"


def test_without_dct_deixis_stays_unresolved(tagger):
    tx = tagger.tag("Ayer hubo combates y hoy siguen.")
    assert all(t.interval is None for t in tx)


def test_offsets_are_code_points_and_non_overlapping(tagger):
    text = "«Año» — el 7 de enero de 2017 🙂 y el 8 de enero de 2017."
    tx = tagger.tag(text)
    assert [t.span.text for t in tx] == ["7 de enero de 2017", "8 de enero de 2017"]
    for a, b in zip(tx, tx[1:]):
        assert a.span.end <= b.span.start
    for t in tx:
        assert text[t.span.start:t.span.end] == t.span.text


def test_sentences_limit_matches(tagger):
    text = "Llegaron en mayo.\n2016 fue duro."
    s1 = Span(0, 17, text[:17])
    s2 = Span(18, len(text), text[18:])
    tx = tagger.tag(text, None, [s1, s2])
    assert [t.span.text for t in tx] == ["mayo", "2016"]


def test_street_names_are_not_dates(tagger):
    assert tagger.tag("Corrían por la Avenida 17 de Junio hacia el centro.", D("2000-06-01")) == []


def test_articles_option_follows_timebank(tagger):
    tb = TimeTagger("es", articles=True)
    t = one(tb, "Llegó el 7 de enero de 2017.", None, "el 7 de enero de 2017")
    assert t.value == "2017-01-07"


def test_pickles(tagger):
    clone = pickle.loads(pickle.dumps(tagger))
    text = "el 7 de enero de 2017"
    assert [t.value for t in clone.tag(text)] == [t.value for t in tagger.tag(text)]


@pytest.mark.parametrize("text", ["unos 2000 soldados murieron", "más de 1500 combatientes huyeron",
                                  "los 2000 refugiados", "pagó 4,1556 $ por acción",
                                  "hubo tiros entre las 10 y las 12 horas"])
def test_counts_are_not_years(tagger, text):
    assert [t.value for t in tagger.tag(text) if t.type == "DATE"] == []


def test_narrative_relative_units_follow_the_story(tagger):
    text = ("El 25 de abril de 2011 entraron los tanques. Al día siguiente hubo 40 muertos. "
            "La ciudad quedó dividida hasta diciembre de 2016. El año siguiente fue peor.")
    got = {t.span.text: t.value for t in tagger.tag(text)}
    assert got["Al día siguiente"] == "2011-04-26"
    assert got["El año siguiente"] == "2012"


def test_shifted_duration_says_where_it_counts_from(tagger):
    text = "El 16 de octubre de 2017 el ejército anunció la muerte de Hapilon. Un día antes, las tropas tomaron el puente."
    t = one(tagger, text, None, "Un día antes")   # the shift word belongs to the span, as in TimeBank-es
    assert (t.type, t.value, t.precision, t.anchor) == ("DATE", "2017-10-15", "day", "narrative")
    assert t.extra["shift"] == "before" and t.extra["shifted_from"] == "2017-10-16"
    after = one(tagger, "El 3 de mayo de 2016 hubo combates. Dos días después, atacaron.", None, "Dos días después")
    assert after.extra["shift"] == "after" and after.extra["shifted_from"] == "2016-05-03"
    plain = one(tagger, "El 3 de mayo de 2016 hubo combates durante dos días.", None, "dos días")
    assert plain.interval is None and "shift" not in plain.extra and not plain.extra["moves_anchor"]


def test_shifted_duration_moves_the_narrative_reference(tagger):
    # "Dos días después, ... Al día siguiente ...": the day after the shifted day, as a reader counts
    text = ("El 3 de mayo de 2016 hubo combates. Dos días después, los rebeldes atacaron la ciudad. "
            "Al día siguiente huyeron. Una semana más tarde volvieron.")
    tx = tagger.tag(text)
    got = {t.span.text: t for t in tx}
    assert got["Al día siguiente"].value == "2016-05-06"
    ref = reference_date(tx, text.index("Al día siguiente"))
    assert ref is got["Dos días después"]
    assert got["Una semana más tarde"].interval == (D("2016-05-13"), D("2016-05-13"))
    assert got["Una semana más tarde"].extra["shifted_from"] == "2016-05-06"


def test_shifts_chain_from_the_shifted_time(tagger):
    text = "El 16 de octubre de 2017 cayó. Un día antes mataron a Hapilon. Dos días antes habían tomado el puente."
    got = {t.span.text: t for t in tagger.tag(text)}
    assert got["Dos días antes"].interval == (D("2017-10-13"), D("2017-10-13"))
    assert got["Dos días antes"].extra["shifted_from"] == "2017-10-15"


def test_a_duration_counted_from_another_event_leaves_the_reference_alone(tagger):
    text = ("El 3 de mayo de 2016 hubo combates. Tres días antes de las elecciones, los rebeldes atacaron. "
            "Al día siguiente huyeron.")
    got = {t.span.text: t for t in tagger.tag(text)}
    assert got["Tres días"].interval is None
    assert got["Al día siguiente"].value == "2016-05-04"


def test_shift_words_come_from_the_language_data(tagger):
    en = TimeTagger("en", data={**MINI_EN_SHIFT})
    got = {t.span.text: t for t in en.tag("On 7 January 2017 they met. Two days later they left.")}
    assert got["Two days later"].value == "2017-01-09" and got["Two days later"].interval == (D("2017-01-09"), D("2017-01-09"))
    en_plain = TimeTagger("en", data={k: v for k, v in MINI_EN_SHIFT.items() if k != "duration_shifts"})
    got = {t.span.text: t for t in en_plain.tag("On 7 January 2017 they met. Two days later they left.")}
    assert got["Two days"].interval is None


MINI_EN_SHIFT = {
    "months": {"january": 1}, "weekdays": {"monday": 1}, "numbers": {"two": 2}, "ordinals": {"first": 1},
    "fuzzy_parts": {"early": "START"}, "duration_mods": {"more than": "MORE_THAN"},
    "duration_units": {"day": {"unit": "D"}, "days": {"unit": "D"}}, "calendar_units": {"week": "week"},
    "relative_words": {"last": -1}, "demonstratives": {"this": 0}, "articles": ["the"],
    "deictic_days": {"today": 0}, "grammar": {"of": ["of"]},
    "duration_shifts": {"later": "after", "earlier": "before"}, "duration_shift_guards": ["than"],
}


def test_en_el_ano_before_a_year_number_is_not_the_dct_year(tagger):
    text = "Vendió 711 millones menos que en el año cafetero 1997-1998 ."
    assert [t.span.text for t in tagger.tag(text, D("2000-06-01"))] == ["1997-1998"]


def test_hours_before_is_the_narrative_day_and_a_coarse_ago_is_background(tagger):
    """'Horas antes, …' is the day the story is at (the lead's 'sábado'), not the background 'hace casi
    cuatro semanas' told after it, which does not move the narrative (a day-precise 'hace tres días' does)."""
    got = {t.span.text: t for t in tagger.tag("Las fuerzas tomaron el sábado Mekele y concluyeron la ofensiva lanzada "
                                             "hace casi cuatro semanas. Horas antes, el líder denunció un bombardeo.",
                                             dct=date(2020, 11, 29))}
    assert not got["hace casi cuatro semanas"].extra["moves_anchor"]
    assert (got["Horas antes"].value, got["Horas antes"].interval) == ("PTXH", (date(2020, 11, 28), date(2020, 11, 28)))


@pytest.mark.parametrize("text", ["Turquía lanzó la operación Escudo de Primavera el 1 de marzo.",
                                  "La Primavera Árabe llegó a Siria en 2011."])
def test_a_season_word_inside_a_name_is_no_timex(tagger, text):
    assert not [t for t in tagger.tag(text, None) if "rimavera" in t.span.text]


@pytest.mark.parametrize("text", ["El 22 por ciento votó a favor.", "Ganó el 22 de los votos."])
def test_a_bare_number_is_no_day(tagger, text):
    assert not [t for t in tagger.tag(text, date(2020, 5, 30)) if "22" in t.span.text]


def test_week_after_the_year_the_story_is_in(tagger):
    """A week after a year the story moved to (no heading back to a day) stays in that year, not in 1971."""
    t = one(tagger, "El 4 de diciembre de 1971 una bomba destruyó el bar. En 2011 se firmó un acuerdo. Una semana "
                    "después, los presos salieron.", None, "Una semana después")
    assert t.interval is not None and t.interval[0].year == 2011


def test_a_date_apposed_to_what_a_span_runs_from_does_not_move_the_story(tagger):
    # "el mayor desde el inicio de la invasión rusa, en febrero de 2022": the date the span runs from, set off by a
    # comma, is background as "desde febrero de 2022" is
    text = ("Rusia lanzó hoy el mayor ataque contra la ciudad desde el inicio de la invasión rusa a gran escala, en "
            "febrero de 2022. Fragmentos de los proyectiles cayeron en Zólochiv.")
    assert one(tagger, text, D("2023-07-06"), "febrero de 2022").extra["moves_anchor"] is False
