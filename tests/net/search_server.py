"""Study-search scenarios for the loopback API server in tests/net/conftest.py.

The server answers /SCENARIO/studies?... here (the record's /SCENARIO/studies/NCT... stays in
conftest.py), so the search runs through the same server and the same fixture, over the same
scheme. Pages follow the pageToken the client sends back.
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

TEXT = {"Content-Type": "text/plain"}
JSON = {"Content-Type": "application/json"}
SLOW_SECONDS = 2.0


def study(nct_id: str, title: str, conditions: list[str], status: str = "RECRUITING",
          min_age: str | None = None, max_age: str | None = None,
          sites: list[tuple[str, str, str]] = (("Hangzhou", "China", "RECRUITING"),),
          intervention: str = "CD19 CAR-T cells", phases: tuple[str, ...] = ("PHASE1",),
          contact: dict[str, str] | None = None, updated: str = "2026-11-02") -> dict[str, Any]:
    """A study as the search returns it (only the fields asked for)."""
    eligibility = {}
    if min_age:
        eligibility["minimumAge"] = min_age
    if max_age:
        eligibility["maximumAge"] = max_age
    locations: dict[str, Any] = {"locations": [
        {"facility": f"{city} hospital", "city": city, "country": country, "status": state}
        for city, country, state in sites]}
    if contact:
        locations["centralContacts"] = [contact]
    return {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": title},
        "statusModule": {"overallStatus": status,
                         "lastUpdatePostDateStruct": {"date": updated, "type": "ACTUAL"}},
        "conditionsModule": {"conditions": conditions},
        "designModule": {"phases": list(phases)},
        "armsInterventionsModule": {"interventions": [
            {"type": "BIOLOGICAL", "name": intervention}]},
        "eligibilityModule": eligibility,
        "contactsLocationsModule": locations,
    }}


JDM_CHILDREN = study("NCT09000001", "CD19 CAR-T for Refractory Juvenile Dermatomyositis",
                     ["Juvenile Dermatomyositis"], min_age="5 Years", max_age="17 Years",
                     contact={"name": "Dr. Wang", "phone": "+86 571 1234 5678",
                              "email": "team@example.org"})
NO_AGES = study("NCT09000002", "CAR-NK Cells in Autoimmune Disease", ["Autoimmune Diseases"],
                intervention="CD19 CAR-NK cells", sites=[("Shanghai", "China", "RECRUITING")])
SITE_NOT_OPEN = study("NCT09000003", "CAR-T Cells for Idiopathic Inflammatory Myopathy",
                      ["Idiopathic Inflammatory Myopathy"], min_age="6 Years",
                      sites=[("Boston", "United States", "NOT_YET_RECRUITING")])
ADULT_LATER = study("NCT09000004", "Chimeric Antigen Receptor T Cells in Adult Myositis",
                    ["Myositis", "Dermatomyositis"], status="NOT_YET_RECRUITING",
                    min_age="18 Years", max_age="70 Years", phases=("PHASE1", "PHASE2"))
LUPUS_ONLY = study("NCT09000005", "CAR-T in Systemic Lupus Erythematosus",
                   ["Systemic Lupus Erythematosus"], min_age="18 Years")
NOT_A_CELL_THERAPY = study("NCT09000006", "Rituximab in Myositis", ["Myositis"],
                           intervention="Rituximab")
SCREENED = study("NCT06686524", "Universal CAR-T for Refractory JDM",
                 ["Juvenile Dermatomyositis"], min_age="5 Years", max_age="18 Years")
MARKUP = study("NCT09000007", "<b>Bold</b> <a href='http://example.invalid'>CAR-T</a> &amp;",
               ["<i>Dermatomyositis</i>"], sites=[("<img src=x>", "China", "RECRUITING")])
BABIES = study("NCT09000008", "CAR-T for Very Young Children with Dermatomyositis",
               ["Dermatomyositis"], min_age="6 Months", max_age="4 Years")

PAGES = [  # three pages, chained by nextPageToken
    {"studies": [JDM_CHILDREN, LUPUS_ONLY, SCREENED], "nextPageToken": "page-2",
     "totalCount": 8},
    {"studies": [NO_AGES, SITE_NOT_OPEN, NOT_A_CELL_THERAPY], "nextPageToken": "page-3"},
    {"studies": [ADULT_LATER, BABIES]},
]


def _page(data: dict) -> tuple[int, dict[str, str], bytes]:
    return 200, JSON, json.dumps(data).encode("utf-8")


# scenario -> answers in order, one per request (the last repeats); "paged" follows tokens
SEARCH_SCENARIOS: dict[str, list[Any]] = {
    "search-pages": ["paged"],
    "search-one": [_page({"studies": [JDM_CHILDREN, NO_AGES]})],
    "search-empty": [_page({"studies": [], "totalCount": 0})],
    "search-markup": [_page({"studies": [MARKUP]})],
    "search-bad-query": [(400, TEXT, b"Bad query: unknown field filter.foo\n")],
    "search-flaky": [(500, TEXT, b"oops"), "paged"],
    "search-down": [(503, TEXT, b"down")],
    "search-slow": ["slow"],
    "search-invalid-json": [(200, JSON, b'{"studies": [{"protocolSection": ')],
    "search-not-a-reply": [(200, JSON, b'{"protocolSection": {}}')],
    "search-portal": [(200, {"Content-Type": "text/html"}, b"<html>Hotel Wi-Fi login</html>")],
    "search-huge": ["huge"],
    "search-page2-fails": [_page(PAGES[0]), (503, TEXT, b"down")],
    "search-token-loop": [_page({"studies": [JDM_CHILDREN], "nextPageToken": "again"})],
    "search-damaged-study": [_page({"studies": [{"protocolSection": 5}, JDM_CHILDREN,
                                                 "not a study"]})],
}


def answer_search(handler: Any, server: Any, scenario: str, rest: str) -> bool:
    """Answer a search request (True), or leave the request to conftest.py (False)."""
    if not (rest == "studies" or rest.startswith("studies?")):
        return False
    query = {k: v[0] for k, v in parse_qs(urlsplit(handler.path).query).items()}
    if not hasattr(server, "searches"):
        server.searches = []
    server.searches.append((scenario, query))
    answers = SEARCH_SCENARIOS.get(scenario)
    if answers is None:
        handler._send(404, TEXT, b"no such scenario")
        return True
    number = server.hits[scenario]
    server.hits[scenario] += 1
    answer = answers[min(number, len(answers) - 1)]
    if answer == "paged":
        token = query.get("pageToken")
        index = {None: 0, "page-2": 1, "page-3": 2}.get(token)
        if index is None:
            handler._send(400, TEXT, b"Bad pageToken\n")
        else:
            handler._send(*_page(PAGES[index]))
    elif answer == "slow":
        time.sleep(SLOW_SECONDS)
        handler._send(*_page(PAGES[0]))
    elif answer == "huge":
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(50 * 1024 * 1024))
        handler.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(b"{" + b" " * 65536)
        handler.close_connection = True
    else:
        handler._send(*answer)
    return True
