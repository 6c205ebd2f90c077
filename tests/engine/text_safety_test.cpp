// Text from users' files on its way out: to a spreadsheet (CSV) and to a terminal.
#include <catch2/catch.hpp>

#include "engine/csv.hpp"
#include "engine/printable.hpp"

using namespace continuum::engine;

TEST_CASE("CSV text that starts like a formula gets an apostrophe and quotes", "[text]") {
    // OWASP's list: = + - @, tab and carriage return.
    CHECK(csv_text("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_text("+1+cmd|' /C calc'!A0") == "\"'+1+cmd|' /C calc'!A0\"");
    CHECK(csv_text("-1") == "\"'-1\"");
    CHECK(csv_text("@SUM(1+1)") == "\"'@SUM(1+1)\"");
    CHECK(csv_text("\t=1") == "\"'\t=1\"");
    CHECK(csv_text("\r=1") == "\"'\r=1\"");
    // Only the first character decides; the rest of the text is as written.
    CHECK(csv_text("C-2026-0142") == "C-2026-0142");
    CHECK(csv_text("a=b") == "a=b");
    CHECK_FALSE(csv_would_neutralise(""));
    CHECK(csv_would_neutralise("=x"));
}

TEST_CASE("control characters are found, with their offset and code point", "[text]") {
    CHECK_FALSE(find_control("C-2026-0142").has_value());
    CHECK_FALSE(find_control("Zoë \u2013 two\tlines\n").has_value());
    auto esc = find_control("C-1\x1b[31m");
    REQUIRE(esc);
    CHECK(esc->offset == 3);
    CHECK(describe(*esc) == "U+001B");
    CHECK(find_control(std::string_view("a\0b", 3))->offset == 1);
    CHECK(find_control("tab\there", LineBreaks::Refused)->code == '\t');
    CHECK(find_control("x\u202Ey")->code == 0x202E);  // right-to-left override
    CHECK(find_control("x\xc2\x9b"
                       "1m")
              ->code == 0x9B);  // C1 CSI
    auto bad = find_control("ok\xff");
    REQUIRE(bad);
    CHECK(bad->invalid_utf8);
    CHECK(describe(*bad) == "byte 0xFF, which is not UTF-8");
}

TEST_CASE("control characters are found wherever they lie in a long text", "[text]") {
    // Long texts are passed over eight bytes at a time: every byte value, at every position
    // of a word and across words, is found exactly when it is not printable ASCII (a lone byte
    // of 0x80 or more is not UTF-8), and nothing is reported before it.
    for (int byte = 0; byte < 256; ++byte) {
        const bool printable_ascii = byte >= 0x20 && byte < 0x7F;
        for (std::size_t at = 0; at < 40; ++at) {
            std::string text(40, 'a');
            text[at] = static_cast<char>(byte);
            INFO("byte " << byte << " at " << at);
            const auto found = find_control(text, LineBreaks::Refused);
            CHECK(found.has_value() == !printable_ascii);
            if (found) CHECK(found->offset == at);
            // Line breaks allowed: tab, line feed and carriage return pass.
            const bool allowed_break = byte == '\t' || byte == '\n' || byte == '\r';
            CHECK(find_control(text).has_value() == (!printable_ascii && !allowed_break));
        }
    }
    // Characters of several bytes lying across words.
    for (std::size_t at = 0; at < 20; ++at) {
        const std::string before(at, 'b');
        CHECK_FALSE(find_control(before + "Zo\u00eb \u2013 caf\u00e9 " + before).has_value());
        const auto rlo = find_control(before + "x\u202Ey" + std::string(20, 'c'));
        REQUIRE(rlo);
        CHECK(rlo->offset == at + 1);
        CHECK(rlo->code == 0x202E);
    }
}

TEST_CASE("printable writes control characters as visible escapes", "[text]") {
    CHECK(printable("C-1\x1b[2J\a") == "C-1\\x1b[2J\\x07");
    CHECK(printable(std::string_view("nul\0here", 8)) == "nul\\x00here");
    CHECK(printable("over\rwrite") == "over\\x0dwrite");
    CHECK(printable("keep\tand\nkeep") == "keep\tand\nkeep");
    CHECK(printable("one\nline", LineBreaks::Refused) == "one\\x0aline");
    CHECK(printable("x\u202Ey") == "x\\u202ey");
    CHECK(printable("\xc2\x9b") == "\\u009b");
    CHECK(printable("bad \xff byte") == "bad \\xff byte");
    CHECK(printable("Zoë \u2013 fine") == "Zoë \u2013 fine");
}

TEST_CASE("an excerpt keeps messages short whatever the text's length", "[text]") {
    CHECK(excerpt("short") == "short");
    std::string huge(10'000'000, 'a');
    std::string e = excerpt(huge);
    CHECK(e.size() < 120);
    CHECK(e.find("10,000,000 characters in all") != std::string::npos);
    CHECK(thousands(19990) == "19,990");
    CHECK(thousands(999) == "999");
    CHECK(excerpt("ëëëë", 2) == "ëë\u2026 (4 characters in all)");
}
