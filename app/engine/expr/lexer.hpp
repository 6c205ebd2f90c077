// Splits a condition string ("count(a, b) >= 2 and not c") into tokens with their offsets.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace continuum::engine::expr {

enum class TokenKind : std::uint8_t {
    Identifier,
    Number,
    String,
    True,
    False,
    And,
    Or,
    Not,
    In,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    Assign,  // a lone '=': only a call's named argument, `within = "12 months"`
    End,
    Invalid,
};

struct Token {
    TokenKind kind = TokenKind::Invalid;
    std::uint32_t offset = 0;  // byte offset in the expression text
    std::uint32_t length = 0;
    std::string text;          // identifier name, string contents, or the raw number
    double number = 0;
};

struct LexResult {
    std::vector<Token> tokens;  // always ends with End, unless an Invalid token stopped lexing
    std::string error;          // empty when the whole text was tokenised
    std::uint32_t error_offset = 0;
};

LexResult lex(std::string_view text);

std::string_view describe(TokenKind kind);

}  // namespace continuum::engine::expr
