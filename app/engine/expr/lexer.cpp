#include "lexer.hpp"

#include <cctype>
#include <charconv>

#include "../printable.hpp"

namespace continuum::engine::expr {
namespace {

bool is_ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

TokenKind keyword_or_identifier(std::string_view word) {
    if (word == "and") return TokenKind::And;
    if (word == "or") return TokenKind::Or;
    if (word == "not") return TokenKind::Not;
    if (word == "in") return TokenKind::In;
    if (word == "true") return TokenKind::True;
    if (word == "false") return TokenKind::False;
    return TokenKind::Identifier;
}

}  // namespace

LexResult lex(std::string_view s) {
    LexResult out;
    std::size_t i = 0;
    auto push = [&](TokenKind k, std::size_t start, std::size_t len) {
        Token t;
        t.kind = k;
        t.offset = static_cast<std::uint32_t>(start);
        t.length = static_cast<std::uint32_t>(len);
        out.tokens.push_back(std::move(t));
    };
    auto fail = [&](std::size_t at, std::string message) {
        out.error = std::move(message);
        out.error_offset = static_cast<std::uint32_t>(at);
        push(TokenKind::Invalid, at, 1);
        return out;
    };
    while (i < s.size()) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (is_ident_start(c)) {
            while (i < s.size() && is_ident_char(s[i]))
                ++i;
            std::string_view word = s.substr(start, i - start);
            push(keyword_or_identifier(word), start, i - start);
            out.tokens.back().text = std::string(word);
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '-' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            ++i;
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
                ++i;
            std::string_view raw = s.substr(start, i - start);
            double value = 0;
            auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
            if (ec != std::errc{} || ptr != raw.data() + raw.size())
                return fail(start, "malformed number '" + excerpt(raw) + "'");
            if (i < s.size() && is_ident_start(s[i]))
                return fail(i, "a number must be followed by a space or an operator");
            push(TokenKind::Number, start, i - start);
            out.tokens.back().number = value;
            out.tokens.back().text = std::string(raw);
            continue;
        }
        if (c == '"' || c == '\'') {
            char quote = c;
            ++i;
            std::size_t body = i;
            while (i < s.size() && s[i] != quote)
                ++i;
            if (i >= s.size()) return fail(start, "unterminated string: add the closing quote");
            push(TokenKind::String, start, i + 1 - start);
            out.tokens.back().text = std::string(s.substr(body, i - body));
            ++i;
            continue;
        }
        auto two = [&](char next) { return i + 1 < s.size() && s[i + 1] == next; };
        switch (c) {
            case '(':
                push(TokenKind::LeftParen, start, 1);
                ++i;
                continue;
            case ')':
                push(TokenKind::RightParen, start, 1);
                ++i;
                continue;
            case '[':
                push(TokenKind::LeftBracket, start, 1);
                ++i;
                continue;
            case ']':
                push(TokenKind::RightBracket, start, 1);
                ++i;
                continue;
            case ',':
                push(TokenKind::Comma, start, 1);
                ++i;
                continue;
            case '<':
                if (two('=')) {
                    push(TokenKind::LessEqual, start, 2);
                    i += 2;
                } else {
                    push(TokenKind::Less, start, 1);
                    ++i;
                }
                continue;
            case '>':
                if (two('=')) {
                    push(TokenKind::GreaterEqual, start, 2);
                    i += 2;
                } else {
                    push(TokenKind::Greater, start, 1);
                    ++i;
                }
                continue;
            case '=':
                if (two('=')) {
                    push(TokenKind::Equal, start, 2);
                    i += 2;
                    continue;
                }
                // Only a named argument (`within = "12 months"`); the parser refuses it
                // anywhere else with the same advice as before.
                push(TokenKind::Assign, start, 1);
                ++i;
                continue;
            case '!':
                if (two('=')) {
                    push(TokenKind::NotEqual, start, 2);
                    i += 2;
                    continue;
                }
                return fail(start, "'!' is not an operator here: write 'not' or '!='");
            case '&':
                return fail(start, "'&' is not an operator here: write 'and'");
            case '|':
                return fail(start, "'|' is not an operator here: write 'or'");
            default:
                break;
        }
        // Name the character as the reader can see it: a control character or a byte of a
        // non-ASCII letter would print as nothing, or as garbage.
        auto control = find_control(s.substr(start, 4));
        if (control && control->offset == 0)
            return fail(start, control->invalid_utf8
                                   ? "unexpected " + describe(*control)
                                   : "unexpected character " + describe(*control) +
                                         " (a control character)");
        std::size_t length = 1;
        while (start + length < s.size() && length < 4 &&
               (static_cast<unsigned char>(s[start + length]) & 0xC0) == 0x80)
            ++length;
        return fail(start, "unexpected character '" + std::string(s.substr(start, length)) + "'");
    }
    push(TokenKind::End, s.size(), 0);
    return out;
}

std::string_view describe(TokenKind kind) {
    switch (kind) {
        case TokenKind::Identifier:
            return "a name";
        case TokenKind::Number:
            return "a number";
        case TokenKind::String:
            return "a quoted text";
        case TokenKind::True:
            return "'true'";
        case TokenKind::False:
            return "'false'";
        case TokenKind::And:
            return "'and'";
        case TokenKind::Or:
            return "'or'";
        case TokenKind::Not:
            return "'not'";
        case TokenKind::In:
            return "'in'";
        case TokenKind::LeftParen:
            return "'('";
        case TokenKind::RightParen:
            return "')'";
        case TokenKind::LeftBracket:
            return "'['";
        case TokenKind::RightBracket:
            return "']'";
        case TokenKind::Comma:
            return "','";
        case TokenKind::Less:
            return "'<'";
        case TokenKind::LessEqual:
            return "'<='";
        case TokenKind::Greater:
            return "'>'";
        case TokenKind::GreaterEqual:
            return "'>='";
        case TokenKind::Equal:
            return "'=='";
        case TokenKind::NotEqual:
            return "'!='";
        case TokenKind::Assign:
            return "'='";
        case TokenKind::End:
            return "the end of the condition";
        case TokenKind::Invalid:
            return "an invalid character";
    }
    return "?";
}

}  // namespace continuum::engine::expr
