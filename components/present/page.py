"""Page furniture: CSS that puts the map first and sizes it to the screen, and the page head.

The map's frame is sized in CSS from the viewport height (Streamlit gives Python no
screen size): tall on a laptop, most of the screen on a phone, the free height of an
embedding iframe. Leaflet follows the frame's size by itself.
"""

from __future__ import annotations

import json

from jinja2 import Environment

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


#: Streamlit's uploader refuses a file over its limit in the browser, before sending it,
#: with an English line in a tooltip ("File must be 10.0MB or smaller."): nothing reaches
#: the server to answer in the page's language. The page shows its own line instead.
TOO_BIG_CLASS = "kcm-too-big"


_TOO_BIG = Environment(autoescape=True).from_string(
    '<p class="{{ cls }}" hidden style="color:#b00020;margin:0">{{ text }}</p>'
    "<script>(function(){var w=window;if(w.__kcmTooBig)return;w.__kcmTooBig=true;"
    "function sync(){var box=document.querySelector('.st-key-upload_file');"
    "var line=document.querySelector('p.{{ cls }}');if(!box||!line)return;"
    "var big=false;box.querySelectorAll('[aria-invalid=\"true\"]').forEach(function(c){"
    "var say=document.getElementById(c.getAttribute('aria-describedby')||'');"
    "if(say&&(/or smaller/.test(say.textContent)||say.textContent===line.textContent)){"
    "big=true;if(say.textContent!==line.textContent)say.textContent=line.textContent;}});"
    "document.querySelectorAll('[data-testid=\"stTooltipErrorContent\"]').forEach(function(t){"
    "if(/or smaller/.test(t.textContent))t.textContent=line.textContent;});"
    "if(line.hidden===big)line.hidden=!big;}"
    "new MutationObserver(sync).observe(document.body,{childList:true,subtree:true,"
    "attributes:true,attributeFilter:['aria-invalid','hidden']});sync();})();</script>"
)


def too_big_line(text: str) -> str:
    """The page's line for a file the uploader refused as too big, and the script that
    shows it while such a file is listed (and puts the same words in place of Streamlit's
    English ones: the screen-reader alert and the chip's tooltip).

    Hidden until Streamlit marks a file chip invalid for its size; ``text`` is escaped.
    No ``<`` or ``>`` in the code: Streamlit parses st.html as HTML first.

    >>> "&lt;b&gt;" in too_big_line("<b>")
    True
    """
    return _TOO_BIG.render(cls=TOO_BIG_CLASS, text=text)
