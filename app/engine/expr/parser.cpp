#include "parser.hpp"

#include <fmt/format.h>

#include "lexer.hpp"

namespace continuum::engine::expr {

const char* to_symbol(CmpOp op) {
    switch (op) {
        case CmpOp::Less:
            return "<";
        case CmpOp::LessEqual:
            return "<=";
        case CmpOp::Greater:
            return ">";
        case CmpOp::GreaterEqual:
            return ">=";
        case CmpOp::Equal:
            return "==";
        case CmpOp::NotEqual:
            return "!=";
    }
    return "?";
}

namespace {

struct ParseError {
    std::string message;
    std::uint32_t offset;
};

class Parser {
  public:
    Parser(std::vector<Token> tokens, Ast& ast) : tokens_(std::move(tokens)), ast_(ast) {}

    std::uint32_t parse_all() {
        std::uint32_t root = parse_or(0);
        refuse_assign();
        if (peek().kind != TokenKind::End)
            throw ParseError{
                fmt::format("unexpected {} after a complete condition; join conditions "
                            "with 'and' or 'or'",
                            describe(peek().kind)),
                peek().offset};
        return root;
    }

  private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool accept(TokenKind k) {
        if (peek().kind != k) return false;
        take();
        return true;
    }
    void expect(TokenKind k, std::string_view what) {
        if (!accept(k))
            throw ParseError{fmt::format("expected {} but found {}", what, describe(peek().kind)),
                             peek().offset};
    }

    // A lone '=' is only a named argument of a call; anywhere else it is a mistyped '=='.
    void refuse_assign() const {
        if (peek().kind == TokenKind::Assign)
            throw ParseError{"'=' is not an operator here: write '==' to compare", peek().offset};
    }

    std::uint32_t add(AstNode n) {
        ast_.nodes.push_back(std::move(n));
        return static_cast<std::uint32_t>(ast_.nodes.size() - 1);
    }
    void stretch(std::uint32_t node, std::uint32_t from, std::uint32_t to_end) {
        ast_.nodes[node].offset = from;
        ast_.nodes[node].length = to_end - from;
    }
    std::uint32_t end_of(std::uint32_t node) const {
        return ast_.nodes[node].offset + ast_.nodes[node].length;
    }
    void enter(int depth) const {
        if (depth > kMaxDepth)
            throw ParseError{fmt::format("condition nested more than {} levels deep", kMaxDepth),
                             peek().offset};
    }

    std::uint32_t parse_chain(int depth, TokenKind op, AstKind kind,
                              std::uint32_t (Parser::*next)(int)) {
        enter(depth);
        std::uint32_t first = (this->*next)(depth + 1);
        if (peek().kind != op) return first;
        AstNode n;
        n.kind = kind;
        n.children.push_back(first);
        while (accept(op))
            n.children.push_back((this->*next)(depth + 1));
        std::uint32_t start = ast_.nodes[first].offset;
        std::uint32_t end = end_of(n.children.back());
        std::uint32_t id = add(std::move(n));
        stretch(id, start, end);
        return id;
    }

    std::uint32_t parse_or(int depth) {
        return parse_chain(depth, TokenKind::Or, AstKind::Or, &Parser::parse_and);
    }
    std::uint32_t parse_and(int depth) {
        return parse_chain(depth, TokenKind::And, AstKind::And, &Parser::parse_not);
    }

    std::uint32_t parse_not(int depth) {
        enter(depth);
        if (peek().kind == TokenKind::Not) {
            std::uint32_t start = take().offset;
            std::uint32_t operand = parse_not(depth + 1);
            AstNode n;
            n.kind = AstKind::Not;
            n.children.push_back(operand);
            std::uint32_t id = add(std::move(n));
            stretch(id, start, end_of(operand));
            return id;
        }
        return parse_compare(depth + 1);
    }

    static bool comparison(TokenKind k, CmpOp& op) {
        switch (k) {
            case TokenKind::Less:
                op = CmpOp::Less;
                return true;
            case TokenKind::LessEqual:
                op = CmpOp::LessEqual;
                return true;
            case TokenKind::Greater:
                op = CmpOp::Greater;
                return true;
            case TokenKind::GreaterEqual:
                op = CmpOp::GreaterEqual;
                return true;
            case TokenKind::Equal:
                op = CmpOp::Equal;
                return true;
            case TokenKind::NotEqual:
                op = CmpOp::NotEqual;
                return true;
            default:
                return false;
        }
    }

    std::uint32_t parse_compare(int depth) {
        enter(depth);
        std::uint32_t left = parse_primary(depth + 1);
        refuse_assign();
        CmpOp op;
        if (comparison(peek().kind, op)) {
            take();
            std::uint32_t right = parse_primary(depth + 1);
            refuse_assign();
            AstNode n;
            n.kind = AstKind::Compare;
            n.cmp = op;
            n.children = {left, right};
            std::uint32_t id = add(std::move(n));
            stretch(id, ast_.nodes[left].offset, end_of(right));
            if (comparison(peek().kind, op))
                throw ParseError{"comparisons cannot be chained: write 'a < b and b < c'",
                                 peek().offset};
            return id;
        }
        if (peek().kind == TokenKind::In) {
            take();
            if (peek().kind != TokenKind::LeftBracket)
                throw ParseError{fmt::format("expected a list like [\"a\", \"b\"] after 'in' but "
                                             "found {}",
                                             describe(peek().kind)),
                                 peek().offset};
            std::uint32_t list = parse_list();
            AstNode n;
            n.kind = AstKind::In;
            n.children = {left, list};
            std::uint32_t id = add(std::move(n));
            stretch(id, ast_.nodes[left].offset, end_of(list));
            return id;
        }
        return left;
    }

    std::uint32_t parse_list() {
        std::uint32_t start = take().offset;  // '['
        AstNode n;
        n.kind = AstKind::List;
        if (peek().kind != TokenKind::RightBracket) {
            do {
                const Token& t = peek();
                if (t.kind != TokenKind::String && t.kind != TokenKind::Number)
                    throw ParseError{fmt::format("a list holds quoted texts or numbers, not {}",
                                                 describe(t.kind)),
                                     t.offset};
                n.children.push_back(literal(take()));
            } while (accept(TokenKind::Comma));
        }
        std::uint32_t end = peek().offset + peek().length;
        expect(TokenKind::RightBracket, "',' or ']'");
        std::uint32_t id = add(std::move(n));
        stretch(id, start, end);
        return id;
    }

    std::uint32_t literal(const Token& t) {
        AstNode n;
        n.offset = t.offset;
        n.length = t.length;
        if (t.kind == TokenKind::Number) {
            n.kind = AstKind::Number;
            n.number = t.number;
        } else if (t.kind == TokenKind::String) {
            n.kind = AstKind::String;
            n.name = t.text;
        } else {
            n.kind = AstKind::Bool;
            n.boolean = t.kind == TokenKind::True;
        }
        return add(std::move(n));
    }

    std::uint32_t parse_primary(int depth) {
        enter(depth);
        const Token& t = peek();
        switch (t.kind) {
            case TokenKind::Number:
            case TokenKind::String:
            case TokenKind::True:
            case TokenKind::False:
                return literal(take());
            case TokenKind::LeftParen: {
                take();
                std::uint32_t inner = parse_or(depth + 1);
                expect(TokenKind::RightParen, "')'");
                return inner;
            }
            case TokenKind::LeftBracket:
                return parse_list();
            case TokenKind::Identifier: {
                Token name = take();
                if (peek().kind != TokenKind::LeftParen) {
                    AstNode n;
                    n.kind = AstKind::Identifier;
                    n.name = name.text;
                    n.offset = name.offset;
                    n.length = name.length;
                    return add(std::move(n));
                }
                take();  // '('
                AstNode call;
                call.kind = AstKind::Call;
                call.name = name.text;
                if (peek().kind != TokenKind::RightParen) {
                    do {
                        call.children.push_back(parse_argument(depth + 1));
                    } while (accept(TokenKind::Comma));
                }
                std::uint32_t end = peek().offset + peek().length;
                expect(TokenKind::RightParen, "',' or ')'");
                std::uint32_t id = add(std::move(call));
                stretch(id, name.offset, end);
                return id;
            }
            case TokenKind::End:
                throw ParseError{"the condition ends too early: something is missing here",
                                 t.offset};
            default:
                throw ParseError{fmt::format("expected a name, number or quoted text but found {}",
                                             describe(t.kind)),
                                 t.offset};
        }
    }

    // One argument of a call: a condition, or `name = value` (a named argument).
    std::uint32_t parse_argument(int depth) {
        if (peek().kind != TokenKind::Identifier || pos_ + 1 >= tokens_.size() ||
            tokens_[pos_ + 1].kind != TokenKind::Assign)
            return parse_or(depth);
        Token name = take();
        take();  // '='
        std::uint32_t value = parse_or(depth + 1);
        AstNode n;
        n.kind = AstKind::Named;
        n.name = name.text;
        n.children.push_back(value);
        std::uint32_t id = add(std::move(n));
        stretch(id, name.offset, end_of(value));
        return id;
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    Ast& ast_;
};

}  // namespace

ParseResult parse(std::string_view text) {
    ParseResult result;
    LexResult lexed = lex(text);
    if (!lexed.error.empty()) {
        result.error = lexed.error;
        result.error_offset = lexed.error_offset;
        return result;
    }
    if (lexed.tokens.size() == 1) {
        result.error = "the condition is empty";
        return result;
    }
    try {
        Parser p(std::move(lexed.tokens), result.ast);
        result.ast.root = p.parse_all();
        result.ok = true;
    } catch (const ParseError& e) {
        result.error = e.message;
        result.error_offset = e.offset;
    }
    return result;
}

}  // namespace continuum::engine::expr
