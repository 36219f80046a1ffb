"""The explorer in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
what a person sees and clicks, on a real store served by uvicorn on a loopback port."""
from __future__ import annotations

import pytest


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    page.wait_for_function("() => window.__cronica.baseMap > 0", timeout=20_000)


def renders(page) -> int:
    return page.evaluate("window.__cronica.renders")


def wait_render(page, before: int) -> None:
    page.wait_for_function("n => window.__cronica.renders > n", arg=before, timeout=20_000)


def test_map_and_timeline_show_the_events(page, live_server):
    load(page, live_server.url + "/")
    stats = page.evaluate("({p: __cronica.lastPoints, t: __cronica.timelineRenders, b: __cronica.baseMap})")
    assert stats["p"] == 5 and stats["t"] >= 1 and stats["b"] > 200
    assert page.locator("#status").inner_text().startswith("5 events match")
    assert page.locator("#event-list li").count() == 5
    assert "Events per month (5)" in page.locator("#timeline-title").inner_text()
    # the timeline canvas has bars drawn on it
    painted = page.evaluate("""() => { const c = document.getElementById('timeline-canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert painted > 500
    # a point drawn on the map answers a click: Tibú opens its event
    xy = page.evaluate("(() => { const p = __cronica.map.latLngToContainerPoint([8.6396, -72.7345]);"
                       " const r = document.getElementById('map').getBoundingClientRect();"
                       " return [r.left + p.x, r.top + p.y]; })()")
    page.mouse.click(*xy)
    page.wait_for_selector("#view-event h2:has-text('Armed clash in Tibú')", timeout=10_000)
    assert page.url.endswith("/events/ev-tibu-2019")
    assert page.outside == [] and page.errors == []


def test_filter_by_type_and_date(page, live_server):
    load(page, live_server.url + "/")
    before = renders(page)
    page.select_option("#f-type", "Battles")
    wait_render(page, before)
    assert page.evaluate("__cronica.lastPoints") == 1
    assert page.locator("#event-list li").inner_text().startswith("2019-03-14")
    assert "event_type=Battles" in page.url
    assert "event_type=Battles" in page.get_attribute("#export-acled", "href")
    assert page.locator("#f-subtype option").all_inner_texts() == ["any", "Armed clash"]

    before = renders(page)
    page.click("#reset")
    wait_render(page, before)
    before = renders(page)
    page.fill("#f-from", "2017-01-01")
    page.fill("#f-to", "2017-12-31")
    page.dispatch_event("#f-to", "change")
    page.wait_for_function("() => window.__cronica.lastPoints === 2", timeout=20_000)
    items = page.locator("#event-list li").all_inner_texts()
    assert {i.split(" · ")[0] for i in items} == {"2017-08-31", "2017-08-29"}
    assert page.is_visible("#brush")          # the timeline shows the chosen range
    export = page.get_attribute("#export-csv", "href")
    assert "date_from=2017-01-01" in export and "date_to=2017-12-31" in export
    assert page.errors == []


def test_timeline_brush_filters_the_map(page, live_server):
    load(page, live_server.url + "/")
    box = page.locator("#timeline").bounding_box()
    before = renders(page)
    # drag over the right half of the timeline: 2017-02 .. 2019-10 holds 4 of the 5 events
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.45, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=5)
    page.mouse.up()
    wait_render(page, before)
    assert page.input_value("#f-from") > "2016-01-01" and page.input_value("#f-to") >= "2019-10-01"
    assert page.evaluate("__cronica.lastPoints") == 4
    before = renders(page)
    page.dblclick("#timeline")
    wait_render(page, before)
    assert page.input_value("#f-from") == "" and page.evaluate("__cronica.lastPoints") == 5


def test_event_evidence_is_highlighted(page, live_server):
    load(page, live_server.url + "/")
    page.click("#event-list li[data-event='ev-talafar-2017']")
    page.wait_for_selector(".evidence .sentence mark", timeout=10_000)
    assert page.url.endswith("/events/ev-talafar-2017")
    first = page.locator(".evidence").first
    assert first.locator("mark.hl-trigger").inner_text() == "recuperaron"
    assert first.locator("mark.hl-actor").inner_text() == "fuerzas iraquíes"
    assert first.locator("mark.hl-place").inner_text() == "Tal Afar"
    assert first.locator("mark.hl-timex").inner_text() == "el jueves"
    link = first.locator("a.doc-link")
    assert link.inner_text() == "Tal Afar vuelve a manos iraquíes"
    assert link.get_attribute("href") == "https://example.org/tal-afar"
    assert page.locator(".evidence").count() == 2        # both merged mentions
    assert page.locator(".evidence").nth(1).locator("mark.hl-trigger").inner_text() == "liberada"
    assert "trigger:recuperar+control -> Government regains territory" in first.locator("ul.rules").inner_text()
    row = page.locator("#event-row").inner_text()
    assert "Military Forces of Iraq (2014-)" in row and "Nineveh" in row and "2017-08-31" in row
    page.click("text=← events in view")
    assert page.is_visible("#view-list")
    assert page.errors == []


def test_html_in_a_document_renders_as_text(page, live_server):
    load(page, live_server.url + "/events/ev-bagdad-2019")
    page.wait_for_selector(".evidence .sentence", timeout=10_000)
    assert page.evaluate("window.__xss === undefined && window.__xss_title === undefined")
    panel = page.locator("#panel")
    assert panel.locator("script").count() == 0
    assert page.locator(".evidence .sentence *:not(mark), .evidence .doc-title *").count() == 0
    sentence = page.locator(".evidence .sentence").inner_text()
    assert "<script>window.__xss = 1</script>" in sentence and "<b>quemaron</b>" in sentence
    assert page.locator(".evidence .doc-title").inner_text().startswith("<script>window.__xss_title")
    assert page.locator(".evidence a.doc-link").count() == 0      # the javascript: URL is not a link
    assert "<script>rule</script>" in page.locator(".evidence ul.rules").inner_text()
    assert page.errors == []


def test_control_view(page, live_server):
    load(page, live_server.url + "/")
    page.click("#nav-control")
    page.click("a.control-place:has-text('Tal Afar')")
    page.wait_for_selector(".control-place-box .band div", timeout=10_000)
    assert page.url.endswith("/control?place=Tal%20Afar")
    assert page.locator(".band div").all_inner_texts() == [
        "Military Forces of Iraq (2014-)", "Islamic State (Iraq)", "Military Forces of Iraq (2014-)"]
    periods = page.locator("ul.periods li").all_inner_texts()
    assert periods[1] == "2014-06-16 → 2017-08-31: held by Islamic State (Iraq)"
    page.click("a.control-event:has-text('2014-06-16')")
    page.wait_for_selector("#view-event h2:has-text('Non-state actor overtakes territory')", timeout=10_000)
    assert page.url.endswith("/events/ev-talafar-2014")
    page.go_back()
    page.wait_for_selector("#view-control:not([hidden]) .band", timeout=10_000)
    assert page.errors == []


def test_deep_link_restores_the_filter(page, live_server):
    load(page, live_server.url + "/?country=CO")
    assert page.input_value("#f-country") == "CO"
    assert page.evaluate("__cronica.lastPoints") == 1
    assert page.locator("#f-admin1 option").all_inner_texts() == ["any", "Norte de Santander"]


@pytest.mark.parametrize("path", ["/api"])
def test_api_page_lists_endpoints(page, live_server, path):
    page.goto(live_server.url + path)
    page.wait_for_selector("#paths h2", timeout=10_000)
    heads = page.locator("#paths h2").all_inner_texts()
    assert "GET /api/events" in heads and "GET /api/control" in heads
    assert page.errors == [] and page.outside == []


def test_map_follows_a_filter_whose_events_are_off_screen(page, live_server):
    load(page, live_server.url + "/")
    before = renders(page)
    page.evaluate("() => { __cronica.map.setView([8.6, -72.7], 7, {animate: false}); }")   # Colombia only
    wait_render(page, before)
    assert page.evaluate("__cronica.lastPoints") == 1
    before = renders(page)
    page.select_option("#f-country", "IQ")
    page.wait_for_function("() => window.__cronica.lastPoints === 4", timeout=20_000)
    assert page.locator("#status").inner_text().startswith("4 events match · 4 in view")
    assert page.locator("#f-admin1 option").all_inner_texts() == ["any", "Anbar", "Baghdad", "Nineveh"]
    assert page.errors == []
