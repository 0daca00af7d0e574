"""Claim colours stay apart under colour-vision deficiencies; sides differ by line style too."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from components.present.sides import SIDE_STYLE
from components.present.user_layer import USER_STYLE

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
         [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
         [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
         [0.004733, 0.691367, 0.303900]]
    ),
}  # fmt: skip
MIN_DELTA_E = 20.0  # CIE76; ~2.3 is "just noticeable", 20+ is clearly different at a glance


def _linear(hex_color: str) -> np.ndarray:
    rgb = np.array([int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(linear_rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, matrix: np.ndarray) -> float:
    return float(np.linalg.norm(_lab(matrix @ _linear(a)) - _lab(matrix @ _linear(b))))


COLOURS = {**{side: s["color"] for side, s in SIDE_STYLE.items()}, "user": USER_STYLE["color"]}


@pytest.mark.parametrize("vision", CVD)
@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(COLOURS, 2)))
def test_layer_colours_stay_distinguishable(vision, a, b):
    assert delta_e(COLOURS[a], COLOURS[b], CVD[vision]) >= MIN_DELTA_E


def test_simulation_is_not_a_no_op():
    """Guard the check itself: pure red and green collapse under deuteranopia."""
    assert delta_e("#FF0000", "#00FF00", CVD["normal"]) > 80
    assert (
        delta_e("#D00000", "#008000", CVD["deuteranopia"])
        < delta_e("#D00000", "#008000", CVD["normal"]) / 2
    )


def test_sides_differ_by_line_style_as_well_as_colour():
    dashes = [s["dashArray"] for s in SIDE_STYLE.values()] + [USER_STYLE["dashArray"]]
    assert len(set(dashes)) == len(dashes)
