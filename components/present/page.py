"""Page furniture: CSS that puts the map first and sizes it to the screen, and the page head.

The map's frame is sized in CSS from the viewport height (Streamlit gives Python no
screen size): tall on a laptop, most of the screen on a phone, the free height of an
embedding iframe. Leaflet follows the frame's size by itself.
"""

from __future__ import annotations

from components.present.i18n import t
from components.present.templating import render, script, style

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def page_css(embedded: bool = False) -> str:
    """The page's stylesheet (``static/page.css``), plus ``static/embed.css`` in an
    article's iframe (no chrome, the map takes what the iframe leaves).

    ``page.css`` also gives contrast and headings for every reader (WCAG 2.2 AA, checked
    with axe-core in tests/browser/test_accessibility.py): Streamlit fades its captions
    (60 % opacity, as little as 2.9:1 on white); there they are opaque, a dark grey of
    7.6:1. Section titles are level-two headings under the page's level-one title, sized
    as level three were. The map's frame is selected as :data:`MAP_FRAME`.
    """
    return style("page.css") + (style("embed.css") if embedded else "")


def head_script(lang: str) -> str:
    """Page language and title for this language, and no history entry per view change.

    Streamlit pushes a browser-history entry each time the script writes the link's
    parameters; with the view in the link every pan and toggle would add one, so Back
    would walk through micro-states. This app is one page: entries are replaced instead.
    """
    return script("head.js.j2", lang=lang, title=t("title", lang))


#: Streamlit's uploader refuses a file over its limit in the browser, before sending it,
#: with an English line in a tooltip ("File must be 10.0MB or smaller."): nothing reaches
#: the server to answer in the page's language. The page shows its own line instead.
TOO_BIG_CLASS = "kcm-too-big"


def too_big_line(text: str) -> str:
    """The page's line for a file the uploader refused as too big, and the script that
    shows it while such a file is listed (and puts the same words in place of Streamlit's
    English ones: the screen-reader alert and the chip's tooltip).

    Hidden until Streamlit marks a file chip invalid for its size; ``text`` is escaped.
    No ``<`` or ``>`` in the code: Streamlit parses st.html as HTML first.

    >>> "&lt;b&gt;" in too_big_line("<b>")
    True
    """
    return render("too_big.html.j2", cls=TOO_BIG_CLASS, text=text)
