// Fails when a screenshot is missing, blank (one colour) or no different from an empty frame
// (almost every pixel the background colour): the window drew nothing a practitioner could read.
#include <stb_image.h>
#include <cstdio>
#include <map>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: png_check FILE.png\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "%s: cannot read: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    std::map<unsigned, long> counts;
    const long total = static_cast<long>(w) * h;
    for (long i = 0; i < total; ++i) {
        unsigned c = (px[i * 3] << 16) | (px[i * 3 + 1] << 8) | px[i * 3 + 2];
        ++counts[c];
    }
    stbi_image_free(px);
    long background = 0;
    for (const auto& [c, k] : counts)
        if (k > background) background = k;
    double drawn = 1.0 - static_cast<double>(background) / static_cast<double>(total);
    std::printf("%s: %dx%d, %zu colours, %.1f%% not background\n", argv[1], w, h, counts.size(),
                drawn * 100);
    if (w < 640 || h < 480) return std::fprintf(stderr, "too small\n"), 1;
    if (counts.size() < 64) return std::fprintf(stderr, "blank: too few colours for text\n"), 1;
    if (drawn < 0.05) return std::fprintf(stderr, "no different from an empty frame\n"), 1;
    return 0;
}
