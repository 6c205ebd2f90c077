// CSV that is safe to open in a spreadsheet. Every CSV continuum writes (the audit export,
// the training figures and judgements) goes through csv_text for text that came from people.
#pragma once
#include <string>
#include <string_view>

namespace continuum::engine {

// One CSV field (RFC 4180) of text: quoted when it holds a comma, quote, line break or a
// leading or trailing space. Text a spreadsheet would run as a formula (CWE-1236) is
// neutralised as OWASP's CSV injection guidance says: a field starting with = + - @, a tab
// or a carriage return gets an apostrophe in front and is quoted, so Excel, LibreOffice and
// Google Sheets show it as text. The JSON Lines exports keep the exact text.
std::string csv_text(std::string_view text);

// Whether csv_text would put an apostrophe in front of `text`.
bool csv_would_neutralise(std::string_view text);

}  // namespace continuum::engine
