"""Page furniture: CSS that puts the map first and sizes it to the screen, and the page head.

The map's frame is sized in CSS from the viewport height (Streamlit gives Python no
screen size): tall on a laptop, most of the screen on a phone, the free height of an
embedding iframe. Leaflet follows the frame's size by itself.
"""

from __future__ import annotations

import json

from components.present.i18n import t

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

#: Contrast and headings for every reader (WCAG 2.2 AA, checked with axe-core in
#: tests/browser/test_accessibility.py): Streamlit fades its captions (60 % opacity, as
#: little as 2.9:1 on white); here they are opaque, a dark grey of 7.6:1. Section titles
#: are level-two headings under the page's level-one title, sized as level three were.
ACCESS_CSS = """
div[data-testid="stCaptionContainer"]{opacity:1}
div[data-testid="stCaptionContainer"],div[data-testid="stCaptionContainer"] p{color:#54524f}
[data-testid="stHeading"] h2{font-size:1.25rem;padding:.5rem 0 .25rem}
"""

PAGE_CSS = f"""<style>
.block-container{{padding-top:2.6rem;padding-bottom:1rem}}
h1.claims-title{{font-size:1.15rem;line-height:1.3;margin:0;padding:0}}
{MAP_FRAME}{{height:clamp(320px,calc(100vh - 270px),820px)!important}}
@media (max-width:640px){{
  .block-container{{padding-top:2.9rem;padding-left:.7rem;padding-right:.7rem}}
  h1.claims-title{{font-size:1rem}}
  {MAP_FRAME}{{height:clamp(300px,calc(100vh - 330px),620px)!important}}
}}
.st-key-map_controls label p{{font-size:.85rem}}
{ACCESS_CSS}
</style>"""

#: Embedded in an article: no chrome, the map takes what the iframe leaves.
EMBED_CSS = f"""<style>
.block-container{{padding:.4rem .6rem 0!important}}
h1.claims-title{{font-size:.95rem;margin:0}}
{MAP_FRAME}{{height:clamp(220px,calc(100vh - 200px),760px)!important}}
</style>"""


def head_script(lang: str) -> str:
    """Page language and title for this language, and no history entry per view change.

    Streamlit pushes a browser-history entry each time the script writes the link's
    parameters; with the view in the link every pan and toggle would add one, so Back
    would walk through micro-states. This app is one page: entries are replaced instead.
    """
    return (
        "<script>(function(){var d=window.document,h=window.history;"
        f"d.documentElement.lang={json.dumps(lang)};d.title={json.dumps(t('title', lang))};"
        "if(!h.__claimsReplace){h.__claimsReplace=true;"
        "h.pushState=function(s,u,url){return h.replaceState(s,u,url);};}"
        "})();</script>"
    )
