// Key codes the views listen for. The GLFW backend fills io.KeysDown[] by GLFW key code, and
// GLFW's codes for letters are their upper-case ASCII values; tests write the same codes.
#pragma once

namespace continuum::ui::keys {

inline constexpr int Y = 'Y';
inline constexpr int N = 'N';
inline constexpr int U = 'U';
inline constexpr int Enter = 257;     // GLFW_KEY_ENTER
inline constexpr int PageUp = 266;    // GLFW_KEY_PAGE_UP
inline constexpr int PageDown = 267;  // GLFW_KEY_PAGE_DOWN
inline constexpr int F2 = 291;        // GLFW_KEY_F2
inline constexpr int F3 = 292;        // GLFW_KEY_F3
inline constexpr int F5 = 294;        // GLFW_KEY_F5
inline constexpr int F7 = 296;        // GLFW_KEY_F7: Training
inline constexpr int F8 = 297;        // GLFW_KEY_F8: Trainer
inline constexpr int F9 = 298;        // GLFW_KEY_F9: Overrides
inline constexpr int F6 = 295;        // GLFW_KEY_F6
inline constexpr int KeypadEnter = 335;

}  // namespace continuum::ui::keys
