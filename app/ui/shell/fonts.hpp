// The readable default font (DejaVu Sans from fonts-dejavu-core), baked at the size the font
// scale setting and the monitor's content scale ask for. ImGui 1.86 has no dynamic font sizes,
// so a change of scale rebuilds the atlas (and the renderer re-uploads it).
#pragma once

struct ImFontAtlas;

namespace continuum::ui {

// Rebuilds `atlas` (rasterising every glyph) and fills fonts(); false (with ImGui's built-in
// font) when DejaVu is missing. Needs no ImGui context: the window's first atlas is built on
// another thread while the window opens.
bool load_fonts(ImFontAtlas& atlas, float pixel_scale);
// The same for the current context's io.Fonts.
bool load_fonts(float pixel_scale);

}  // namespace continuum::ui
