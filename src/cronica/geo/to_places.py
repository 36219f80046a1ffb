"""Mentions -> cronica.model.Place: choose each mention's gazetteer row in the light of the
document's countries and provinces (resolve.py), with precision, score and rule trail."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Optional

from cronica.geo.codes import SEAT_CODES as SEATS, TRUST_CODES, TRUST_POP
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.normalize import fold, skeleton, translit_key
from cronica.geo.recognize import Mention
from cronica.geo.resolve import (choose, country_votes, focus_from, located_countries, notable_town, own_vote,
                                 precision_of, vote_weight)
from cronica.model import Place, Span, km, km_between
from cronica.text.layout import lead_paragraph


DIVISION_CODES = frozenset({"ADM1", "ADM2", "PCLI", "RGN"})   # a name read once as one of these keeps that sense
RIVER_UNKNOWN = "river:unknown"   # a river the gazetteer lacks: left unresolved (the geocoder's fallback too)


def spelling_twin(g: Gazetteer, key: str, chosen: int, sense: dict[str, int], focus: dict[str, float]) -> Optional[int]:
    """A place the document already read under another spelling of the same consonants ("Vínnytsia" before
    "Vinnitsa"), in a country the story is about more than the one of the reading chosen; else None."""
    skel = skeleton(translit_key(key))
    if len(skel) < 3:
        return None
    for k, r in sense.items():
        if k != key and g.country[r] != g.country[chosen] and focus.get(g.country[r], 0.0) > focus.get(
                g.country[chosen], 0.0) and skeleton(translit_key(k)) == skel:
            return r
    return None


def trusted_provinces(g: Gazetteer, mentions: list[Mention]) -> set[tuple[str, str]]:
    """(country, admin1) of the provinces named by trusted mentions (not a dateline's: "ARBIL (Irak), 26 oct
    (EFE).- … la localidad de Zumar" is where the reporter is, not the province of the story's places)."""
    return {(g.country[r], g.admin1[r]) for m in mentions if m.trusted and m.rows and "dateline" not in m.rule
            for r in m.rows if g.fcode[r] == "ADM1"}


def town_provinces(g: Gazetteer, mentions: list[Mention]) -> set[tuple[str, str]]:
    """(country, admin1) of the towns the text names as places whose every reading lies in one province
    ("el municipio de Ayutla de los Libres", Guerrero): a namesake there is the one meant ("El Charco")."""
    out: set[tuple[str, str]] = set()
    for m in mentions:
        if m.role != "location" or not (m.trusted or m.cue) or not m.rows or "dateline" in m.rule:
            continue
        provinces = {(g.country[r], g.admin1[r]) for r in m.rows}
        if len(provinces) == 1 and all(g.fcode[r].startswith("PPL") for r in m.rows) and next(iter(provinces))[1]:
            out |= provinces
    return out


APPOSED_PROVINCE_SPAN = 100   # characters from a name to the province its apposition names


def apposed_province_rows(g: Gazetteer, mentions: list[Mention], m: Mention, text: str) -> list[int]:
    """m's rows in the province named right after it in its sentence ("Dağlıca …, una aldea de montaña de
    la provincia de Hakkari", not the namesake in Şırnak, another province the text names); [] if none, or if
    m is itself cued as a province ("los estados de Jalisco, Nayarit": a list, not Xalisco in Nayarit)."""
    if m.cue == "admin" and any(g.fcode[r] == "ADM1" for r in m.rows):
        return []
    for c in mentions:
        if c is m or c.key == m.key or not (m.end <= c.start <= m.end + APPOSED_PROVINCE_SPAN) or any(
                ch in text[m.end:c.start] for ch in ".;\n"):
            continue
        provinces = {(g.country[r], g.admin1[r]) for r in c.rows if g.fcode[r] == "ADM1"}
        if any((g.country[r], g.admin1[r]) in provinces for r in m.rows if g.fcode[r] == "ADM1"):
            continue   # m names the province itself ("el estado de Sinaloa … el Cártel de Sinaloa")
        inside = [r for r in m.rows if g.fcode[r] != "ADM1" and (g.country[r], g.admin1[r]) in provinces]
        if inside:
            return inside
    return []


def unresolved_place(m: Mention) -> Place:
    """A region from the language data or a landmark: no gazetteer row."""
    return Place(span=Span(m.start, m.end, m.text), name=m.text, country=m.region or None,
                 feature_code="RGN" if m.source == "region" else None, precision=3, role=m.role, score=0.8,
                 rule="+".join(m.rule) + (f"+cue:{m.cue}" if m.cue else ""))


SENTENCE_COUNTRY_SPAN = 160     # characters back to a country named in the same sentence


def story_country(votes: Counter) -> str:
    """The one country the story's places vote (or weigh) for most, '' if none or a tie."""
    top = votes.most_common(2)
    return top[0][0] if top and top[0][1] > 0 and (len(top) == 1 or top[1][1] < top[0][1]) else ""


def sentence_countries(g: Gazetteer, mentions: list[Mention], m: Mention, text: str) -> list[str]:
    """The countries named before m in its sentence, the last first ("en el sur del Líbano, en las localidades
    de Kfar Kila y Jiam"; "entre la India y Pakistán … el atentado de Pulwama": either)."""
    out: list[str] = []
    for c in reversed([c for c in mentions if c.end <= m.start]):
        gap = text[c.end:m.start]
        if len(gap) > SENTENCE_COUNTRY_SPAN or ". " in gap or "\n" in gap:
            break
        cc = country_of(g, c)
        if cc and cc not in out:
            out.append(cc)
    return out


def country_of(g: Gazetteer, c: Mention) -> str:
    """The country a trusted location mention names ('Líbano', 'Mozambique'), '' if it is not one."""
    pcli = [r for r in c.rows if g.fcode[r] == "PCLI" and c.key in g.anames[r]]
    return g.country[pcli[0]] if c.trusted and c.role == "location" and pcli else ""


ADMIN_GAP = 30     # characters from a town to the province it is told in, with no comma ("Uludere de la provincia de")


def apposed(mentions: list[Mention], m: Mention, text: str) -> list[Mention]:
    """The places apposed after m ("Palma, en la provincia de Cabo Delgado, en el norte de
    Mozambique"): after a comma, or a province told right after it ("el distrito de Uludere de la
    provincia de Şırnak, en el sureste de Turquía"), only lower-case words and other places between."""
    out, end = [], m.end
    comma = text[m.end:m.end + SENTENCE_COUNTRY_SPAN].lstrip().startswith(",")
    for c in [c for c in mentions if c.start >= m.end]:
        gap = text[end:c.start]
        opens = comma or (end == m.end and c.cue == "admin" and len(gap) <= ADMIN_GAP)
        if len(text[m.end:c.start]) > SENTENCE_COUNTRY_SPAN or not (opens or out) \
                or any(ch in gap for ch in ".;:()\n") or any(w[:1].isupper() for w in gap.split()):
            break
        out.append(c)
        end = c.end
    return out


def apposed_country(g: Gazetteer, mentions: list[Mention], m: Mention, text: str,
                    linking: frozenset[str] = frozenset()) -> str:
    """The country that closes the appositions after m, '' if none (with `linking`, only words that place
    a place in another may lie between: "la región de Briansk, fronteriza con Ucrania" is not in Ukraine)."""
    return next((cc for c in apposed(mentions, m, text) for cc in [country_of(g, c)]
                 if cc and (not linking or locative_gap(text[m.end:c.start], linking))), "")


def locative_gap(gap: str, linking: frozenset[str]) -> bool:
    """Do only words that place a place in another lie in `gap` (", una localidad de la provincia de")?"""
    return all(fold(w) in linking for w in gap.replace(",", " ").replace("(", " ").replace(")", " ").split())


def apposed_area_country(g: Gazetteer, mentions: list[Mention], m: Mention, text: str,
                         linking: frozenset[str], votes: Counter) -> str:
    """The one country of the provinces and districts apposed after m, with only words of place
    between ("Solhan, una localidad de la provincia de Yagha"), '' if none or several, or if it is
    not the country the story names most (a namesake district abroad)."""
    ccs = {g.country[r] for c in apposed(mentions, m, text) if c.role == "location"
           and locative_gap(text[m.end:c.start], linking) for r in c.rows if g.fcode[r] in ("ADM1", "ADM2")}
    cc = ccs.pop() if len(ccs) == 1 else ""
    return cc if cc and votes.get(cc, 0) >= max(votes.values(), default=0) else ""


def apposed_admin1(g: Gazetteer, mentions: list[Mention], m: Mention, text: str) -> set[tuple[str, str]]:
    """The provinces apposed after m ("Morales, en el departamento colombiano del Cauca")."""
    return {(g.country[r], g.admin1[r]) for c in apposed(mentions, m, text) if c.role == "location"
            for r in c.rows if g.fcode[r] == "ADM1"}


def keep_in_named_country(g: Gazetteer, mentions: list[Mention], m: Mention, text: str,
                          linking: frozenset[str] = frozenset(), votes: Optional[Counter] = None) -> None:
    """A name right after a country named in its sentence (a weak one: village, transliteration key),
    or one whose appositions end in a country, is read in that country; with no row there it stays
    unresolved rather than a namesake abroad ('Palma … en el norte de Mozambique' is not Mallorca)."""
    if not m.rows or any(g.fcode[r] in ("PCLI", "ADM1") for r in m.rows):
        return
    cc = apposed_country(g, mentions, m, text, linking) \
        or apposed_area_country(g, mentions, m, text, linking, votes or Counter())
    ccs = [cc] if cc else sentence_countries(g, mentions, m, text) if not m.trusted else []
    if ccs:
        there = [r for r in m.rows if g.country[r] in ccs]
        # none there: a big town of a country the story names stays ("los tayikos detenidos en la región de
        # Briansk", a Russian story), a namesake abroad does not
        named = {country_of(g, c) for c in mentions} - {""}
        m.rows = there or [r for r in m.rows if g.country[r] in named
                           and (g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP)] \
            or [r for r in m.rows if g.country[r] == story_country(votes or Counter())]
        # (... and a place of the country the story is about stays: "las operaciones del Ejército keniano
        # en Somalia y ... los campos de refugiados de Dadaab", a Kenyan story)
    provinces = apposed_admin1(g, mentions, m, text)
    inside = [r for r in m.rows if (g.country[r], g.admin1[r]) in provinces]
    if inside:       # the namesake in the province the text names
        m.rows = inside


STORY_VOTES = 2    # trusted location mentions that make a document's countries known


def stray_village(g: Gazetteer, m: Mention, r: int, votes: Counter) -> bool:
    """A small place of a country the document never names, read off a name the text does not
    vouch for ("el campamento militar de Saio" in a story from Congo: not Saio, Ethiopia)."""
    return (not m.trusted and sum(votes.values()) >= STORY_VOTES and votes.get(g.country[r], 0) <= 0
            and g.fcode[r].startswith("PPL") and m.key not in g.anames[r]
            and (not notable_town(g, r) or fold(g.name[r]) != m.key))   # (a town's other name counts as small)


FOREIGN_TOWN_POP = 500_000   # a town smaller than this, in a country a one-country story never names, is a namesake
ONE_COUNTRY_SHARE = 0.6      # a story is about one country when that many of its place votes are for it
FAR_KM = 3000.0              # ... or about a part of the world that far from the town
FAR_VOTES = 1.5              # (a story with more than one place vote: a dateline and a town)


def named_countries(g: Gazetteer, mentions: list[Mention]) -> set[str]:
    """The countries the text names by name, in any role ('las tropas de Rusia')."""
    return {g.country[r] for m in mentions for r in m.rows if g.fcode[r] == "PCLI"}


def foreign_town(g: Gazetteer, r: int, votes: Counter) -> bool:
    """A town of a country the story names nothing else of, in a story about another country: 'La Rochela'
    in Colombia is not La Rochelle, 'Sabra y Chatila' in Beirut not Şabrātah, Libya (the name stays a place
    with no coordinates, and the text's apposition or the story's focus places what happened there)."""
    if votes.get(g.country[r], 0) > 0 or not (g.fcode[r].startswith("PPL") or g.fcode[r] == "ADM1") \
            or g.fcode[r] == "PPLC" or g.pop[r] >= FOREIGN_TOWN_POP:
        return False
    if one_country_story(votes):
        return True
    total = sum(v for v in votes.values() if v > 0)
    points = [g.country_points[cc] for cc, v in votes.items() if v > 0 and cc in g.country_points]
    # ('Inata' in Burkina Faso is not Inada, Japan)
    return total >= FAR_VOTES and bool(points) and min(km_between(g.lat[r], g.lon[r], *p) for p in points) > FAR_KM


def foreign_other_name(g: Gazetteer, m: Mention, r: int, votes: Counter) -> bool:
    """A town of any size, of a country the story names nothing else of, in a story about one other country,
    read off one of its other names only ('Bogoro' in a story from Ituri is not Bogor, Java, whose GeoNames
    names include 'Bogoro')."""
    if votes.get(g.country[r], 0) > 0 or not g.fcode[r].startswith("PPL") or g.fcode[r] == "PPLC" \
            or fold(g.name[r]) == m.key or m.key in g.anames[r]:
        return False
    return one_country_story(votes)


def foreign_part(g: Gazetteer, m: Mention, r: int, votes: Counter) -> bool:
    """A part of a town ('el distrito de Medina' in a story from Mogadishu) read as a city of a country a
    one-country story names nothing else of, however big: a quarter the gazetteer lacks."""
    return m.cue == "part" and votes.get(g.country[r], 0) <= 0 and g.fcode[r].startswith("PPL") \
        and one_country_story(votes)


def one_country_story(votes: Counter) -> bool:
    """Is the story about one country: known from enough trusted names, most of them of that country?"""
    top, total = max(votes.values(), default=0), sum(v for v in votes.values() if v > 0)
    return top >= STORY_VOTES and top >= ONE_COUNTRY_SHARE * total


def thin_world_town(g: Gazetteer, m: Mention, r: int, votes: Counter) -> bool:
    """A small town of the thinly covered world (a country with no cities500 file) whose country the
    document never names, read off a name the text does not vouch for: "incidido en Arias" in a story
    from Venezuela is not Arias, Argentina."""
    return not m.trusted and votes.get(g.country[r], 0) <= 0 and g.thin_world_town(r) and m.key not in g.anames[r]


def town_for_province(g: Gazetteer, m: Mention) -> bool:
    """'la provincia de Sulu' read only by a near spelling ('Solo', a village; not 'la región de Briansk', Bryansk): a province the
    gazetteer lacks, not that town."""
    return m.cue == "admin" and any(x.endswith(":key") for x in m.rule) and not any(
        g.fcode[r].startswith(("ADM", "PCL")) or notable_town(g, r) for r in m.rows)


def _capital_of(g: Gazetteer, m: Mention, r: int) -> bool:
    """Is r a province among m's rows whose capital, of the same name, is among them too (Gao, Gao)?"""
    return g.fcode[r] == "ADM1" and any(g.fcode[x] == "PPLA" and g.country[x] == g.country[r]
                                        and g.admin1[x] == g.admin1[r] for x in m.rows)


def drop_thin_world_towns(g: Gazetteer, m: Mention, votes: Counter) -> bool:
    """Forget a mention's thin world towns (:func:`thin_world_town`); False when nothing is left and
    no cue says the name is a place (then it is no place at all, as if the gazetteer lacked it)."""
    if not m.rows:
        return True
    m.rows = [r for r in m.rows if not thin_world_town(g, m, r, votes)]
    return bool(m.rows) or m.cue in ("place", "admin", "part")


def to_places(g: Gazetteer, mentions: list[Mention], org_votes: Counter, focus: dict, text: str = "",
              linking: frozenset[str] = frozenset(), of_words: frozenset[str] = frozenset(),
              adjectives: Callable[[], set[str]] = set) -> list[Place]:
    by_name = located_countries(g, mentions)
    votes = country_votes(g, mentions, org_votes, by_name)
    named: list[set[str]] = []      # the countries the text names (by `adjectives` too), worked out when needed

    def unnamed(cc: str) -> bool:
        if not named:
            named.append(named_countries(g, mentions) | set(org_votes) | adjectives())
        return cc not in named[0]
    focus = focus_from(votes) or focus
    admin1s = trusted_provinces(g, mentions)
    town_admin1s = admin1s | town_provinces(g, mentions)   # for names that only towns bear
    same_name: dict[str, Counter] = {}   # a name does not vote for its own reading, here or told again
    for m in mentions:
        own = same_name.setdefault(m.key, Counter())
        if (cc := own_vote(g, m, by_name)):
            own[cc] += vote_weight(m)
    out: list[Place] = []
    sense: dict[str, int] = {}      # one sense per document: a name read once is read so again
    apposed = {m.key: rows for m in mentions if text and len(m.rows) > 1     # ... the sense its province gives
               and (rows := apposed_province_rows(g, mentions, m, text))}   # where the text names it
    unread: set[str] = set()        # ... and a name left unresolved in the story's country stays so
    anchors = sure_points(g, mentions)
    for m in sorted(mentions, key=lambda x: x.start):
        if m.source == "landmark" or (m.source == "region" and not m.rows):
            out.append(unresolved_place(m))
            continue
        others = votes - same_name[m.key]     # the votes of the story's other names
        if text and m.key not in sense:     # (a name already read keeps its sense: one sense per document)
            had = bool(m.rows)
            keep_in_named_country(g, mentions, m, text, linking, others)
            if had and (not m.rows or town_for_province(g, m)):
                m.rows = []
                unread.add(m.key)   # "Palma, ... en el norte de Mozambique": not Mallorca, here or later
        if m.key in unread and m.key not in sense:
            m.rows = []
        if not drop_thin_world_towns(g, m, others):
            continue
        if m.cue == "river" and not any(g.fcode[r] == "STM" for r in m.rows):
            m.rows = []   # "los puentes sobre el Níger": the river, which the gazetteer lacks, not the country
            m.rule.append(RIVER_UNKNOWN)
        if m.key in apposed and m.key not in sense:
            m.rows = [r for r in m.rows if r in apposed[m.key]] or m.rows
        if m.key in sense and (sense[m.key] in m.rows or not m.trusted or (
                m.cue not in ("place", "river") and g.fcode[sense[m.key]] in DIVISION_CODES
                and all(g.country[r] != g.country[sense[m.key]] for r in m.rows))):
            m.rows = [sense[m.key]]   # (a weaker reading told again, "Abu Hamam" the village path reads alone, too;
            # a division read before, over a later cue's foreign namesake: "el estado Shan … en el norte de Shan",
            # not Shancheng in China)
        ch = choose(g, m, focus_from(others) if votes else focus,
                    town_admin1s if all(g.fcode[r].startswith("PPL") for r in m.rows) else admin1s, anchors)
        if ch is not None and (stray_village(g, m, ch[0], votes) or (
                (foreign_town(g, ch[0], others) or foreign_other_name(g, m, ch[0], others)
                 or foreign_part(g, m, ch[0], others)) and unnamed(g.country[ch[0]]))):
            ch = None
        if ch is not None and not m.trusted and (twin := spelling_twin(g, m.key, ch[0], sense, focus)) is not None:
            ch = (twin, ch[1])   # "Vínnytsia … la Casa de los Oficiales de Vinnitsa": the city told, not a Russian village
            m.rule.append("spelling-of-a-place-told")
        if ch is not None and (m.role == "location" or m.cue) and not (m.cue == "admin" and _capital_of(g, m, ch[0])):
            # (a province told as one, "las regiones de Tombuctú, Gao y Kidal", leaves its capital of the same
            # name free: "tomaron Gao")
            # (a name inside an organisation's with no cue, "el Cártel Jalisco Nueva Generación", does not fix
            # the sense a cue gives it later: "los estados de Jalisco")
            sense.setdefault(m.key, ch[0])
            short = short_form(m.text, of_words)
            same = [r for r in g.by_name.get(short, ()) if same_spot(g, r, ch[0])] if short else []
            if same and short not in sense:
                sense[short] = same[0]   # "SANTIAGO DE CHILE … al sur de Santiago": the same city
        if ch is None:
            out.append(Place(span=Span(m.start, m.end, m.text), name=m.text, precision=3, role=m.role,
                             score=0.3, rule="+".join(m.rule)))
            continue
        r, sc = ch
        rule = "+".join(m.rule)
        if focus.get(g.country[r], 0) > 0 and len({g.country[x] for x in m.rows}) > 1:
            rule += f"+context:{g.country[r]}"
        if m.cue:
            rule += f"+cue:{m.cue}"
        out.append(Place(
            span=Span(m.start, m.end, m.text), name=g.name[r], geonameid=g.geonameid[r],
            lat=g.lat[r], lon=g.lon[r], country=g.country[r] or None, admin1=g.admin1[r] or None,
            feature_code=g.fcode[r], precision=precision_of(g, r, m), role=m.role,
            score=round(min(1.0, max(0.05, sc / 2.2)), 3), rule=rule))
    return out


def sure_points(g: Gazetteer, mentions: list[Mention]) -> tuple[tuple[str, float, float], ...]:
    """(name key, lat, lon) of the towns the document names for sure: trusted, one reading."""
    return tuple((m.key, g.lat[r], g.lon[r]) for m in mentions if m.trusted and m.role == "location"
                 and "dateline" not in m.rule and len(m.rows) == 1 and g.fcode[(r := m.rows[0])].startswith("PPL")
                 and g.lat[r] is not None)


def same_spot(g: Gazetteer, a: int, b: int) -> bool:
    """Are two rows one place told twice (same country, within a few kilometres)?"""
    return g.country[a] == g.country[b] and abs(g.lat[a] - g.lat[b]) < 0.1 and abs(g.lon[a] - g.lon[b]) < 0.1


def short_form(text: str, of_words: frozenset[str]) -> str:
    """The folded first part of a name 'X de Y' that texts use alone for it ('Santiago' of 'Santiago de
    Chile', 'Santa Cruz' of 'Santa Cruz de la Sierra'; `of_words`: the language's 'de'); '' for others."""
    words = fold(text).split()
    cut = next((i for i, w in enumerate(words) if i and w in of_words), 0)
    head = " ".join(words[:cut])
    return head if cut and len(head) >= 4 else ""


QUARTER_KM = 25.0    # a quarter ("el barrio de Al Kifah") lies this close to a town the text names
QUARTER_AHEAD = 150  # characters: ... named before it, or just after ("por el barrio de X, en el noroeste de Y")


CITY_SEATS = ("PPLC", "PPLA")


def quarters_near_towns(places: list[Place], quarter_starts: set[int], text: str = "",
                        conjunctions: frozenset[str] = frozenset(),
                        towns_of: frozenset[int] = frozenset()) -> list[Place]:
    """A name after 'el barrio de' is a quarter of a town the text names: a namesake village far from
    every such town ('Qaryat al Kifah', 150 km from Tal Afar), or a name the gazetteer lacks, is no
    place of its own -- it is placed at the town it is part of (precision 2, as ACLED codes a
    neighbourhood): the town named right after it ("la favela de X, en Río"), else, of those named before,
    the one the whole text names most (the last of them on a tie). After a plural ("los últimos barrios de Al
    Qayara", `towns_of`) a town of the told towns' country is itself, the town the quarters are of."""
    towns = [p for p in places if p.span.start not in quarter_starts and p.lat is not None
             and (p.role == "location" or "role:org" in p.rule.split("+")) and (p.feature_code or "").startswith("PPL")]
    # (a city an office is of counts: "la Fiscalía de la Ciudad de México … en la colonia Lomas de Chapultepec")
    lead = lead_paragraph(text)
    named = {p.country for p in places if p.feature_code == "PCLI" and p.country}   # countries the text names
    out = []
    for p in places:
        told = [t for t in towns if t.span.start < p.span.end + QUARTER_AHEAD   # the town the story is at
                and not (t.span.text == p.span.text and p.feature_code == "PPL")]
        # (not a plain village's name told again: "la favela de Jacarezinho … de Jacarezinho", the village in
        # Paraná both times; a seat named again stays itself: "varios barrios de Alepo")
        if p.lat is not None and p.country in named and all("dateline" in t.rule and t.country != p.country
                                                             for t in told):
            told = []   # (a regional desk's city: "BANGKOK … los barrios de Bago … en Birmania" is Bago, Myanmar)
        seat = p.feature_code in CITY_SEATS or (p.span.start in towns_of and (p.feature_code or "").startswith("PPL"))
        city = seat and any(t.country == p.country for t in told)
        # (a seat of the story's country after "la favela de" is the city: "la segunda mayor favela de São Paulo")
        if p.span.start in quarter_starts and told and not city \
                and (p.lat is None or not any(km(p, t) <= QUARTER_KM for t in told)):
            after = [t for t in told if t.span.start > p.span.end and not _another_clause(text[p.span.end:t.span.start],
                                                                                       conjunctions)]
            # the story's town: the first its lead names, else the one the text names most ("el barrio de
            # Achrafieh" in a story whose lead is in Beirut, and that names París twice)
            named = Counter(t.name for t in towns)
            in_lead = [t for t in told if lead[0] <= t.span.start < lead[1] and "dateline" not in t.rule]
            town = after[0] if after else in_lead[0] if in_lead else max(reversed(told), key=lambda t: named[t.name])
            p = Place(span=p.span, name=p.span.text, lat=town.lat, lon=town.lon, country=town.country,
                      admin1=town.admin1, geonameid=None, feature_code="PPLX", precision=2, role=p.role,
                      score=0.3, rule=p.rule + f"+quarter:in:{town.name}")
        out.append(p)
    return _quarters_again(out)


def _another_clause(gap: str, conjunctions: frozenset[str]) -> bool:
    """Does the text between a quarter and a town after it open another clause ("en el barrio del Hipódromo, …,
    y en agosto un hotel de Sévaré": not the town it is in)?"""
    words = gap.split()
    return any(ch in gap for ch in ";.") or any(
        fold(w) in conjunctions and not nxt[:1].isupper() for w, nxt in zip(words, words[1:]))   # (not "X y Basta, en Beirut")


def _quarters_again(places: list[Place]) -> list[Place]:
    """A quarter named again ("el campo de desplazados de Ardamata"; "la favela de Jacarezinho … la entrada
    de Jacarezinho", not the namesake town in Paraná) is where it was placed the first time: one sense
    per document."""
    placed = {p.span.text: p for p in places if "+quarter:in:" in p.rule}
    return [replace(placed[p.span.text], span=p.span, role=p.role, rule=placed[p.span.text].rule + "+again")
            if p.span.text in placed and "+quarter:in:" not in p.rule and p.role == "location" else p
            for p in places]


APPOSED_SPAN = 160     # characters from an unknown name to the place its appositions end in


def unknown_in_apposed(places: list[Place], text: str, linking: frozenset[str],
                       joiners: frozenset[str] = frozenset(), heads: frozenset[str] = frozenset(),
                       quarters: frozenset[str] = frozenset(), of_words: frozenset[str] = frozenset()) -> list[Place]:
    """A name no gazetteer holds, followed by the places it lies in ("Solhan, una localidad de la
    provincia de Yagha, en la región del Sahel"), is placed at the first of them that resolved (not a
    country): precision 2 in a district or town, 3 in a province, as ACLED codes a village it cannot find.
    The name told again, before or after, alone ("la toma de Heglig … entraron en Heglig"), is placed so too.
    A name no gazetteer holds may be described on the way ("Cité Soleil (Site Solèy, en criollo), el mayor
    barrio marginal de Puerto Príncipe"): a bracket, and two words around a noun of place (`heads`). A name told
    as a quarter of a town (`quarters`: "Paraisópolis, la segunda mayor favela de São Paulo") that the gazetteer
    reads far from it is that town's quarter, not the namesake town."""
    areas: dict[str, tuple[Place, Optional[tuple]]] = {}   # name -> (the area, the reading it is not)
    for i, p in enumerate(places):
        if p.role == "location" and (p.lat is None or _contradicted(p, places, i, text, linking, joiners)
                                     or _far_quarter(p, places, i, text, linking, quarters, of_words)):
            area = next((q for q in _apposition_chain(places, i, text, linking, heads if p.lat is None else quarters)
                         if q.lat is not None
                         and q.feature_code not in (None, "PCLI")), None)
            if area is not None:
                areas.setdefault(fold(p.span.text), (area, (p.name, p.lat, p.lon) if p.lat is not None else None))
    out = []
    for p in places:
        area, wrong = areas.get(fold(p.span.text), (None, None))
        if area is not None and p.role == "location" and (p.lat is None or wrong == (p.name, p.lat, p.lon)):
            p = _placed_in(p, area)
        out.append(p)
    return out


def _far_quarter(p: Place, places: list[Place], i: int, text: str, linking: frozenset[str],
                 quarters: frozenset[str], of_words: frozenset[str]) -> bool:
    """Is p told as a quarter of the town apposed to it, far from where the gazetteer reads it?"""
    if not quarters or p.lat is None or p.feature_code in ("PCLI", "ADM1") \
            or quarters.isdisjoint(fold(text[p.span.end:p.span.end + APPOSED_SPAN]).split()):
        return False
    town = next((q for q in _apposition_chain(places, i, text, linking, quarters | linking) if q.lat is not None), None)
    if town is None or not (town.feature_code or "").startswith("PPL") or km(p, town) <= QUARTER_KM:
        return False
    gap = fold(text[p.span.end:town.span.start]).replace(",", " ").split()
    # the quarter noun governs the town: "… favela de São Paulo" (not a list: "Bavispe, y la colonia LeBarón")
    return any(w in quarters and k + 1 < len(gap) and gap[k + 1] in of_words for k, w in enumerate(gap))


def _placed_in(p: Place, area: Place) -> Place:
    return Place(span=p.span, name=p.span.text, lat=area.lat, lon=area.lon, country=area.country, admin1=area.admin1,
                 precision=3 if area.feature_code == "ADM1" else 2, role=p.role, score=0.3,
                 rule=p.rule + f"+in:{area.name}")


CONTRADICTED_KM = 150.0   # that far from the province the text puts it in (not a redrawn border: Baalbek, Bekaa)


def _contradicted(p: Place, places: list[Place], i: int, text: str, linking: frozenset[str],
                  joiners: frozenset[str] = frozenset()) -> bool:
    """'la aldea de Bekuji, en la región de Benishangul-Gumuz': the town the name found lies in another
    province of that country (Bek'ojī, Oromia), so the text's village is one the gazetteer lacks; so is a name
    the text puts in a city far from the one found ('el teatro de Dubrovka, en el sureste de Moscú'); 'la cumbre de
    Alaska, en el departamento de Totonicapán', 'la cárcel de Turi, en la ciudad andina de Cuenca': what the
    name found is in another country (a region of no one
    country, 'Pulwama, en la Cachemira administrada por la India', contradicts none)."""
    if p.lat is None or p.feature_code == "PCLI" or _listed(places, i, text, joiners):
        return False
    chain = _apposition_chain(places, i, text, linking)
    return any(q.lat is not None and km(p, q) > CONTRADICTED_KM and (
               (q.feature_code == "ADM1" or _in_town(p, q, text) and k == 0) and q.country and q.country != p.country
               or _in_town(p, q, text) and k == 0 and q.feature_code in CITY_SEATS
               or (q.feature_code == "ADM1" and k == 0 and p.feature_code not in ("ADM1", "ADM2") and q.admin1
                   and p.admin1 and q.admin1 != p.admin1))
               for k, q in enumerate(chain))


def _listed(places: list[Place], i: int, text: str, joiners: frozenset[str]) -> bool:
    """Is places[i] the first of a list of three or more ("las regiones de Tombuctú, Gao y Kidal"; `joiners`:
    the language's ",", "y"), not a place put in the next one?"""
    run = places[i:i + 3]
    return len(run) == 3 and all(b.span.start - a.span.end <= 4 and fold(text[a.span.end:b.span.start].strip()) in joiners
                                 for a, b in zip(run, run[1:]))


_ASIDE = re.compile(r"\([^()]{0,40}\)")
DESCRIBING_WORDS = 2    # words that are no word of place, around a noun of place ("el mayor barrio marginal de")


def described_gap(gap: str, linking: frozenset[str], heads: frozenset[str]) -> bool:
    """', el mayor barrio marginal de', ' (Site Solèy, en criollo), una populosa barriada de': an aside in
    brackets, then a noun of place with at most two lower-case words besides the words of place."""
    words = _ASIDE.sub(" ", gap).replace(",", " ").split()
    other = [w for w in words if fold(w) not in linking]
    return (any(fold(w) in heads for w in words) and len(other) <= DESCRIBING_WORDS
            and all(w.isalpha() and w.islower() for w in other))


def _in_town(p: Place, q: Place, text: str) -> bool:
    """Does the text put p in the town q ('Turi, en la ciudad andina de Cuenca'; not a list, 'Bagdad, y en
    Ashraf', nor a bracket, 'El Paso (Texas)'), p being no seat nor a name read by a curated alias?"""
    gap = text[p.span.end:q.span.start].replace(",", " ").split()
    return ((q.feature_code or "").startswith("PPL") and "en" in gap and "y" not in gap
            and p.feature_code not in SEATS and "gazetteer:alias" not in p.rule.split("+"))


def _apposition_chain(places: list[Place], i: int, text: str, linking: frozenset[str],
                      heads: Optional[frozenset[str]] = None) -> list[Place]:
    """The places after places[i] joined to it by appositions: a comma or bracket first, then only
    words of place (`linking`), commas and brackets between; with `heads`, also a described place
    (:func:`described_gap`)."""
    chain, end = [], places[i].span.end
    for q in places[i + 1:]:
        gap = text[end:q.span.start]
        if q.span.start - places[i].span.end > APPOSED_SPAN or not (chain or gap.lstrip()[:1] in (",", "(")) \
                or any(ch in gap for ch in ".;:\n") \
                or not (locative_gap(gap, linking) or heads and described_gap(gap, linking, heads)):
            break
        chain.append(q)
        end = q.span.end
    return chain

