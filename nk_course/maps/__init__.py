"""Offline maps of the region: outlines, districts, approximate shapes and the book's maps.

Every map is drawn with ordinary scatter traces on plain axes (filled traces draw polygons),
so the site's basic plotly.js bundle draws them with no tile server and no geo bundle.
"""

from nk_course.maps.outlines import base_map, both_names, hover_card, load_region, with_places

__all__ = ["base_map", "both_names", "hover_card", "load_region", "with_places"]
