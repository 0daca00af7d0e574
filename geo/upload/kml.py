"""KML, read by GDAL's KML driver alone, after its content is confirmed: UTF-8, a ``kml``
root, and no DTD, entity or XInclude (refused); NetworkLinks are not followed (said)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import ParseError, XMLPullParser

import pyogrio

from geo.upload.model import Limits, LockDown, Note, UploadError
from geo.upload.raw import Raw, read_with_gdal


def read_kml(data: bytes, limits: Limits, workdir: Path, lock: LockDown) -> Raw:
    """KML with no DTD, entity or XInclude; NetworkLinks are not followed (said)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError("not_format", kind="KML") from exc
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE) or re.search(
        r"XInclude|<\s*[\w.-]*:?include\b", text
    ):
        raise UploadError("xml_external")
    parser = XMLPullParser(events=("start",))
    root = None
    try:
        for start in range(0, len(text), 4096):
            parser.feed(text[start : start + 4096])
            root = next((el for _, el in parser.read_events()), None)
            if root is not None:
                break
    except ParseError as exc:
        raise UploadError("not_format", kind="KML") from exc
    if root is None or root.tag.rsplit("}", 1)[-1] != "kml":
        raise UploadError("not_format", kind="KML")
    path = workdir / "upload.kml"
    path.write_bytes(data)
    lock("KML")
    try:
        names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except Exception as exc:
        raise UploadError("not_format", kind="KML") from exc
    layers, trimmed = read_with_gdal(path, limits, [(n, None, False) for n in names])
    notes = []
    if links := len(re.findall(r"<\s*(?:\w+:)?NetworkLink\b", text)):
        notes.append(Note("links_ignored", {"n": links}))
    return Raw("KML", layers, notes, trimmed)
