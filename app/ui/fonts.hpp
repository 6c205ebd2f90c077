// The readable default font (DejaVu Sans from fonts-dejavu-core), baked at the size the font
// scale setting and the monitor's content scale ask for. ImGui 1.86 has no dynamic font sizes,
// so a change of scale rebuilds the atlas (and the renderer re-uploads it).
#pragma once

namespace continuum::ui {

// Rebuilds io.Fonts and fills fonts(); false (with ImGui's built-in font) when DejaVu is missing.
bool load_fonts(float pixel_scale);

}  // namespace continuum::ui
