"""The few HTML pages of the room server. Everything typed by a person is escaped; no inline script."""

from __future__ import annotations

from html import escape
from typing import Any

from dilemmaspel.i18n import t


def _shell(lang: str, title: str, body: str, csrf: str = "", page: str = "", extra_meta: str = "") -> str:
    meta = f'<meta name="csrf" content="{escape(csrf)}">' if csrf else ""
    data_page = f' data-page="{escape(page)}"' if page else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"{meta}{extra_meta}\n<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/static/room.css">\n'
        f"</head>\n<body{data_page}>\n{body}\n</body>\n</html>\n"
    )


def _lang_switch(lang: str, path: str) -> str:
    other = "en" if lang == "nl" else "nl"
    return (f'<nav class="lang" aria-label="{escape(t("room.page.language", lang=lang))}">'
            f'<a href="{escape(path)}?lang={other}" hreflang="{other}" lang="{other}">'
            f'{escape(t("room.page.switch_language", lang=other))}</a></nav>')


def code_page(lang: str, csrf: str, error: bool = False) -> str:
    """Where people who cannot scan type the short code."""
    message = f'<p class="error" role="alert">{escape(t("room.page.code_wrong", lang=lang))}</p>' if error else ""
    body = (
        f'<header>{_lang_switch(lang, "/")}<h1>{escape(t("room.page.app", lang=lang))}</h1></header>\n'
        f'<main><h2>{escape(t("room.page.code_title", lang=lang))}</h2>{message}'
        f'<form method="post" action="/code?lang={escape(lang)}" class="stack">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        f'<label for="code">{escape(t("room.page.code_label", lang=lang))}</label>'
        '<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" '
        'maxlength="16" required>'
        f'<button type="submit">{escape(t("room.page.code_go", lang=lang))}</button></form></main>'
    )
    return _shell(lang, t("room.page.code_title", lang=lang), body)


def join_page(lang: str, token: str, csrf: str, roster: list[dict[str, Any]], error: str = "") -> str:
    """The roster grouped by table: tap your own name once."""
    tables = []
    for table in roster:
        heading = (t("room.page.table", lang=lang, number=table["number"]) if table["number"] is not None
                   else t("room.page.no_table", lang=lang))
        items = []
        for person in table["people"]:
            name = escape(person["name"])
            if person["claimed"]:
                items.append(f'<li><span class="taken">{name} <span class="note">'
                             f'({escape(t("room.page.taken", lang=lang))})</span></span></li>')
            else:
                items.append(
                    f'<li><form method="post" action="/j/{escape(token)}/claim?lang={escape(lang)}">'
                    f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
                    f'<input type="hidden" name="pid" value="{escape(person["pid"])}">'
                    f'<button type="submit" class="name">{name}</button></form></li>')
        tables.append(f'<section aria-labelledby="t{len(tables)}"><h3 id="t{len(tables)}">{escape(heading)}</h3>'
                      f'<ul class="names">{"".join(items)}</ul></section>')
    empty = f'<p>{escape(t("room.page.no_names", lang=lang))}</p>' if not roster else ""
    body = (
        f'<header>{_lang_switch(lang, f"/j/{token}")}<h1>{escape(t("room.page.app", lang=lang))}</h1></header>\n'
        f'<main><h2>{escape(t("room.page.join_title", lang=lang))}</h2>'
        f'<p>{escape(t("room.page.join_hint", lang=lang))}</p>{empty}{"".join(tables)}</main>'
    )
    return _shell(lang, t("room.page.join_title", lang=lang), body)


def not_joined_page(lang: str) -> str:
    body = (f'<header><h1>{escape(t("room.page.app", lang=lang))}</h1></header>'
            f'<main><h2>{escape(t("room.page.not_joined", lang=lang))}</h2>'
            f'<p>{escape(t("room.page.not_joined_hint", lang=lang))}</p></main>')
    return _shell(lang, t("room.page.not_joined", lang=lang), body)


def app_page(lang: str, page: str, csrf: str, events: str, qr: str = "", join_url: str = "", code: str = "") -> str:
    """The phone or presenter page: a shell that the script fills from the event stream."""
    extra = f'<meta name="events" content="{escape(events)}"><meta name="lang" content="{escape(lang)}">'
    join = ""
    if page == "presenter":
        join = (f'<section id="join" aria-labelledby="join-h"><h2 id="join-h">{escape(t("room.page.join_now", lang=lang))}</h2>'
                f'<img src="{escape(qr)}" alt="{escape(t("room.page.qr_title", lang=lang))}" class="qr" width="320" height="320">'
                f'<p>{escape(t("room.page.code_is", lang=lang))}</p>'
                f'<p class="big">{escape(join_url)}</p>'
                f'<p class="big"><strong class="code">{escape(code)}</strong></p></section>')
    path = "/p" if page == "phone" else events.rsplit("/", 1)[0]
    body = (
        f'<header>{_lang_switch(lang, path)}<h1 id="title">{escape(t("room.page.app", lang=lang))}</h1></header>\n'
        f'<main id="main">{join}<div id="view" aria-live="polite"></div>'
        f'<p id="status" class="status" role="status">{escape(t("room.page.connecting", lang=lang))}</p>'
        f'<noscript><p>{escape(t("room.page.noscript", lang=lang))}</p></noscript></main>\n'
        '<script src="/static/room.js" defer></script>'
    )
    return _shell(lang, t("room.page.app", lang=lang), body, csrf, page, extra)
