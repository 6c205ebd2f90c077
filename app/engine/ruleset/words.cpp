#include "words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace continuum::engine {

void read_statement(TableReader& r, Statement& words, std::optional<AnswerType> type) {
    words.yes = r.string("yes_says");
    words.no = r.string("no_says");
    words.open = r.string("open_says");
    const bool holds_or_not = !type || *type == AnswerType::YesNo;
    if (holds_or_not) {
        if (const toml::node* n = r.node("answer_says"))
            r.error_at(*n, "bad-value",
                       fmt::format("{} is answered yes or no: write yes_says and no_says, not "
                                   "answer_says",
                                   r.what()));
        return;
    }
    for (const char* key : {"yes_says", "no_says"})
        if (const toml::node* n = r.node(key))
            r.error_at(*n, "bad-value",
                       fmt::format("{} is not a yes/no question: write answer_says = \"... {} "
                                   "...\" instead of {}",
                                   r.what(), kAnswerPlaceholder, key));
    words.answer = r.string("answer_says");
    const toml::node* n = r.node("answer_says");
    if (!n || words.answer.empty()) return;
    if (*type == AnswerType::Text) {
        r.error_at(*n, "bad-value",
                   fmt::format("{} is answered in free text, which explanations never quote: "
                               "give it open_says only",
                               r.what()));
        words.answer.clear();
    } else if (words.answer.find(kAnswerPlaceholder) == std::string::npos) {
        r.error_at(*n, "bad-value",
                   fmt::format("answer_says of {} must say where the answer goes with {}, e.g. "
                               "\"the child is {} old\"",
                               r.what(), kAnswerPlaceholder, kAnswerPlaceholder));
        words.answer.clear();
    }
}

bool read_flag(TableReader& r, std::string_view key) {
    const toml::node* n = r.node(key);
    if (!n) return false;
    if (n->is_boolean()) return *n->value<bool>();
    r.error_at(
        *n, "wrong-type",
        fmt::format("'{}' in {} must be true or false, not {}", key, r.what(), toml_type_name(*n)));
    return false;
}

namespace {

void warn_missing(Diagnostics& d, const Origin& origin, const std::string& what,
                  const std::vector<const char*>& missing, const char* fallback) {
    if (missing.empty()) return;
    d.warning(origin.file, origin.pos, "missing-words",
              fmt::format("{} has no {}: explanations fall back to its {}; add {} = \"...\"", what,
                          fmt::join(missing, ", "), fallback, missing.front()));
}

}  // namespace

void check_words(const RuleSet& rules, Diagnostics& d) {
    for (const Question& q : rules.questions) {
        std::vector<const char*> missing;
        if (q.type == AnswerType::YesNo) {
            if (q.words.yes.empty()) missing.push_back("yes_says");
            if (q.words.no.empty()) missing.push_back("no_says");
        } else if (q.type != AnswerType::Text && q.words.answer.empty()) {
            missing.push_back("answer_says");
        }
        if (q.words.open.empty()) missing.push_back("open_says");
        warn_missing(d, q.origin, "question '" + q.id + "'", missing, "prompt");
    }
    for (const Fact& f : rules.facts) {
        std::vector<const char*> missing;
        if (f.words.yes.empty()) missing.push_back("yes_says");
        if (f.words.no.empty()) missing.push_back("no_says");
        if (f.words.open.empty()) missing.push_back("open_says");
        warn_missing(d, f.origin, "fact '" + f.id + "'", missing, "label");
    }
    for (const Combination& c : rules.combinations) {
        std::vector<const char*> missing;
        if (c.words.no.empty()) missing.push_back("no_says");
        if (c.words.open.empty()) missing.push_back("open_says");
        warn_missing(d, c.origin, "combination '" + c.id + "'", missing, "'says'");
    }
}

}  // namespace continuum::engine
