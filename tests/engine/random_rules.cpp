#include "random_rules.hpp"

#include <vector>

#include <fmt/format.h>

namespace random_rules {

using namespace continuum::engine;

namespace {

const char* const kOps[] = {"<", "<=", ">", ">=", "==", "!="};
const std::vector<std::string> kChoices = {"none", "some", "many", "all"};

class Writer {
  public:
    explicit Writer(std::uint64_t seed) : rng_(seed) {}

    std::string write() {
        across_ = pick(1, 2);  // across two domains, every rule needs one
        questions();
        for (int i = 0; i < 6; ++i)
            fact(i);
        for (int i = 0; i < 10; ++i)
            rule(i);
        text_ += R"(
[[combination]]
id = "several_targeted"
level = "statutory"
says = "Several"
counts_level = "targeted"
at_least = )" + std::to_string(pick(1, 3)) +
                 "\nacross_domains = " + std::to_string(across_) + "\ncites = [\"src\"]\n";
        text_ +=
            "\n[[combination]]\nid = \"chosen\"\nlevel = \"targeted\"\nsays = \"Chosen\"\nof = "
            "[\"r0\", \"r3\", \"r5\", \"r7\"]\nat_least = 2\ncites = [\"src\"]\n";
        for (int i = 0; i < 2; ++i)
            text_ += fmt::format(
                "\n[[trigger]]\nid = \"t{}\"\ntitle = \"t\"\nsays = \"t\"\nwhen = '''{}'''\n{}"
                "actions = [\"a0\"]\ncites = [\"src\"]\n",
                i, condition(3, true), i == 0 ? "level = \"statutory\"\n" : "");
        for (int i = 0; i < 3; ++i)
            text_ += fmt::format(
                "\n[[route]]\nid = \"route{}\"\ntitle = \"r\"\nsection = \"s\"\nstandard = "
                "\"suspect\"\ntest = '''{}'''\n{}actions = [\"a0\"]\nactions_if_cannot_rule_out = "
                "[\"a1\"]\ncites = [\"src\"]\n",
                i, condition(3, true),
                coin(3) ? fmt::format("unless = '''{}'''\n", condition(2, true)) : "");
        text_ += fmt::format(
            "\n[[action]]\nid = \"a0\"\ntitle = \"a\"\ndue = {{ working_days = 2 }}\ncites = "
            "[\"src\"]\n\n[[action]]\nid = \"a1\"\ntitle = \"b\"\nafter = \"a0\"\ndue = {{ hours = "
            "4 }}\nwhen = '''{}'''\ncites = [\"src\"]\n",
            condition(2, true));
        text_ += fmt::format(
            "\n[[consent]]\nid = \"c0\"\nkind = \"requirement\"\nsays = \"c\"\nwhen = '''{}'''\n"
            "cites = [\"src\"]\n",
            condition(2, true));
        return text_;
    }

  private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool coin(int one_in) { return pick(1, one_in) == 1; }
    template <typename T>
    const T& any(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))];
    }

    void question(const std::string& id, const std::string& type, const std::string& extra) {
        std::string ask;
        // A question that applies only sometimes, on an earlier yes/no question.
        if (!yes_no_.empty() && coin(4))
            ask = fmt::format("ask_when = '''{}'''\n",
                              coin(2) ? any(yes_no_) : "not " + any(yes_no_));
        text_ += fmt::format(
            "\n[[question]]\nid = \"{}\"\nprompt = \"{}\"\ntype = \"{}\"\ndomain = \"{}\"\n{}{}"
            "cites = [\"src\"]\n",
            id, id, type, coin(2) ? "d" : "e", extra, ask);
    }

    void questions() {
        for (int i = 0; i < 10; ++i) {
            question("q" + std::to_string(i), "yes_no", "");
            yes_no_.push_back("q" + std::to_string(i));
        }
        for (int i = 0; i < 3; ++i) {
            question("s" + std::to_string(i), "choice",
                     "choices = [\"none\", \"some\", \"many\", \"all\"]\n");
            choice_.push_back("s" + std::to_string(i));
        }
        for (int i = 0; i < 3; ++i) {
            question("n" + std::to_string(i), "number", "min = 0\nmax = 20\n");
            number_.push_back("n" + std::to_string(i));
        }
        question("d0", "date", "");
        question("x0", "text", "");
        text_ += R"(
[chronology]
prompt = "Earlier contacts"
help = "Every earlier contact found"
domain = "e"
cites = ["src"]
sources = ["police", "school", "health"]
categories = ["neglect", "abuse", "missing"]
outcomes = ["nfa", "advice", "s47"]
)";
    }

    // contacts(...) or days_since(last_contact(...)) over the chronology, compared with a
    // constant either way round (a number test) or with a number question (a node of its own).
    std::string chronology_leaf() {
        static const std::vector<std::string> filters = {
            "",
            R"(category == "neglect")",
            R"(category in ["neglect", "missing"])",
            R"(source != "police")",
            R"(outcome == "nfa", source == "school")",
            R"(not category == "missing" or source == "school")",
            R"((category == "abuse" or outcome == "s47") and not source == "health")",
        };
        static const std::vector<std::string> windows = {"",         "30 days",   "12 weeks",
                                                         "6 months", "12 months", "2 years"};
        if (coin(8)) return "known(chronology)";  // every agency checked
        const std::string& filter = any(filters);
        std::string aggregate;
        int limit = 0;
        if (coin(3)) {
            aggregate = fmt::format("days_since(last_contact({}))", filter);
            limit = 900;
        } else {
            const std::string& window = any(windows);
            aggregate = fmt::format(
                "contacts({}{})", filter,
                window.empty()
                    ? ""
                    : fmt::format("{}within = \"{}\"", filter.empty() ? "" : ", ", window));
            limit = 5;
        }
        if (coin(6)) return fmt::format("{} {} {}", aggregate, kOps[pick(0, 5)], any(number_));
        return coin(2) ? fmt::format("{} {} {}", aggregate, kOps[pick(0, 5)], pick(0, limit))
                       : fmt::format("{} {} {}", pick(0, limit), kOps[pick(0, 5)], aggregate);
    }

    std::string number_expr() {
        if (coin(4)) return "days_since(d0)";
        if (nesting_ < 1 && coin(5)) {
            ++nesting_;
            std::string count = fmt::format("count({}, {})", leaf(), leaf());
            --nesting_;
            return count;
        }
        return any(number_);
    }

    std::string leaf() {
        // A count's parts are conditions too, but no count within a count (the parser refuses
        // conditions nested very deep).
        if (nesting_ < 1 && coin(10)) return chronology_leaf();
        switch (pick(0, nesting_ < 1 ? 12 : 10)) {
            case 0:
            case 1:
            case 2:
                return coin(3) ? "not " + any(yes_no_) : any(yes_no_);
            case 3:
                if (!defined_.empty()) return any(defined_);
                return any(yes_no_);
            case 4:
                return coin(2)
                           ? fmt::format("{} {} {}", number_expr(), kOps[pick(0, 5)], pick(0, 20))
                           : fmt::format("{} {} {}", pick(0, 20), kOps[pick(0, 5)], number_expr());
            case 5:
                return fmt::format("{} {} {}", any(number_), kOps[pick(0, 5)], any(number_));
            case 6:
                return coin(2) ? fmt::format("{} {} \"{}\"", any(choice_),
                                             coin(2) ? "==" : "!=", any(kChoices))
                               : fmt::format("\"{}\" == {}", any(kChoices), any(choice_));
            case 7: {
                std::string list;
                for (int k = pick(1, 4); k > 0; --k)
                    list += (list.empty() ? "\"" : ", \"") + any(kChoices) + "\"";
                return fmt::format("{} in [{}]", any(choice_), list);
            }
            case 8:
                return fmt::format("{} in [{}, {}, {}]", any(number_), pick(0, 20), pick(0, 20),
                                   pick(0, 20));
            case 9:
                return fmt::format("known({})", coin(4)   ? "x0"
                                                : coin(3) ? any(number_)
                                                          : any(yes_no_));
            case 10:
                return fmt::format("{} {} {}", any(yes_no_), coin(2) ? "==" : "!=",
                                   coin(2) ? (coin(2) ? "true" : "false") : any(yes_no_));
            default: {
                std::string parts;
                const int n = pick(2, 7);
                ++nesting_;
                for (int k = 0; k < n; ++k)
                    parts += (parts.empty() ? "" : ", ") + (coin(3) ? condition(1, false) : leaf());
                --nesting_;
                return fmt::format("count({}) {} {}", parts, kOps[pick(0, 5)], pick(0, n));
            }
        }
    }

    // A condition nested up to `depth` levels; `top`: not wrapped in parentheses.
    std::string condition(int depth, bool top) {
        if (depth == 0 || coin(4)) {
            std::string l = leaf();
            return top || l.find(' ') == std::string::npos ? l : "(" + l + ")";
        }
        std::string out;
        if (coin(6)) {
            out = "not " + condition(depth - 1, false);
        } else {
            const char* join = coin(2) ? " and " : " or ";
            for (int k = pick(2, 6); k > 0; --k)
                out += (out.empty() ? "" : join) + condition(depth - 1, false);
        }
        return top ? out : "(" + out + ")";
    }

    void fact(int i) {
        const std::string id = "f" + std::to_string(i);
        text_ += fmt::format(
            "\n[[fact]]\nid = \"{}\"\nlabel = \"{}\"\nwhen = '''{}'''\ncites = "
            "[\"src\"]\n",
            id, id, condition(3, true));
        defined_.push_back(id);
    }

    void rule(int i) {
        const char* levels[] = {"universal", "targeted", "statutory"};
        text_ += fmt::format(
            "\n[[rule]]\nid = \"r{}\"\nlevel = \"{}\"\n{}says = \"r\"\nwhen = '''{}'''\n{}cites = "
            "[\"src\"]\n",
            i, i < 3 ? "targeted" : levels[pick(0, 2)],  // enough for the combination
            across_ == 1 && coin(4) ? "" : (coin(2) ? "domain = \"d\"\n" : "domain = \"e\"\n"),
            condition(3, true),
            coin(3) ? fmt::format("unless = '''{}'''\n", condition(2, true)) : "");
        defined_.push_back("r" + std::to_string(i));
    }

    std::mt19937_64 rng_;
    std::string text_;
    std::vector<std::string> yes_no_, choice_, number_, defined_;
    int nesting_ = 0;
    int across_ = 1;
};

}  // namespace

std::string rule_set_text(std::uint64_t seed) {
    return Writer(seed).write();
}

Case random_case(const RuleSet& rules, std::mt19937_64& rng) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Case c = blank_case(rules);
    c.ref = "R-1";
    c.referred_at = {day_number(2026, 3, 1) + pick(0, 300), pick(0, 86399)};
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
        const Question& question = rules.questions[q];
        const int roll = pick(0, 99);
        Answer& a = c.answers[q];
        if (roll < 20) continue;  // not asked
        if (roll < 40) {
            a.state = AnswerState::Unknown;
            continue;
        }
        a.state = AnswerState::Answered;
        switch (question.type) {
            case AnswerType::YesNo:
                a.value = Value::boolean(pick(0, 1) ? Tri::True : Tri::False);
                break;
            case AnswerType::Choice:
                a.value = Value::option(pick(0, static_cast<int>(question.choices.size()) - 1));
                break;
            case AnswerType::Number:
                a.value = Value::number(pick(static_cast<int>(question.min.value_or(0)),
                                             static_cast<int>(question.max.value_or(30))));
                break;
            case AnswerType::Date:
                a.value = Value::number(c.referred_at.day - pick(0, 60));
                break;
            case AnswerType::Text:
                a.value = Value::text_present();
                a.set_text("some words");
                break;
            case AnswerType::Chronology: {
                // Up to six contacts in the three years up to the referral (some outside
                // every window), complete or partial.
                const ChronologyTerms& t = rules.chronology;
                Chronology chronology;
                chronology.complete = pick(0, 1) == 1;
                for (int k = pick(0, 6); k > 0; --k) {
                    Contact contact;
                    contact.day = c.referred_at.day - pick(0, 1100);
                    contact.source = static_cast<std::uint16_t>(
                        pick(0, static_cast<int>(t.source_ids.size()) - 1));
                    contact.outcome = static_cast<std::uint16_t>(
                        pick(0, static_cast<int>(t.outcome_ids.size()) - 1));
                    const int categories = static_cast<int>(t.category_ids.size());
                    for (int n = pick(1, 2); n > 0; --n)
                        contact.categories |= std::uint64_t{1} << pick(0, categories - 1);
                    chronology.contacts.push_back(contact);
                }
                a = chronology_answer(std::move(chronology));
                break;
            }
        }
    }
    return c;
}

}  // namespace random_rules
