#include "family_summary.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "decision_report.hpp"
#include "explain.hpp"
#include "plain_text.hpp"

namespace continuum::report {

using namespace engine;

namespace {

const std::string& words_for(const FamilyWords& w, FamilyAudience who) {
    return who == FamilyAudience::YoungPerson && !w.young_person.empty() ? w.young_person
                                                                         : w.parents;
}

// "by the end of Tuesday 24 November 2026", "by 9:40am on Tuesday 24 November 2026"
std::string plain_due(const Due& due) {
    if (due.end_of_day) return "by the end of " + format_date_long(due.at.day);
    int h = due.at.second_of_day / 3600, m = due.at.second_of_day / 60 % 60;
    return fmt::format("by {}:{:02}{} on {}", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "am" : "pm",
                       format_date_long(due.at.day));
}

const NeededAction* needed_now(const Outcome& o, std::uint32_t action) {
    for (const auto& n : o.actions)
        if (n.action == action && n.definite) return &n;
    return nullptr;
}

bool applies(const Evaluation& e, const FamilyText& f) {
    const Outcome& o = e.outcome;
    if (f.if_any.empty()) return true;
    for (std::uint32_t slot : f.slots)
        if (o.slots[slot].status == Tri::True) return true;
    for (std::uint32_t level : f.levels)
        if (o.level == level) return true;
    for (std::uint32_t action : f.actions)
        if (needed_now(o, action)) return true;
    return false;
}

std::string fill(std::string text, const Evaluation& e, const FamilyText* f,
                 const std::string& contact) {
    auto replace = [&](const std::string& key, const std::string& value) {
        for (auto at = text.find(key); at != std::string::npos;
             at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    };
    if (f)
        for (std::uint32_t action : f->actions)
            if (const NeededAction* n = needed_now(e.outcome, action); n && n->due.has_due) {
                replace("{by}", plain_due(n->due));
                break;
            }
    replace("{by}", "soon");
    replace("{contact}", contact.empty() ? "the person who gave you this letter" : contact);
    return text;
}

}  // namespace

FamilySummary family_summary(const Evaluation& e, FamilyAudience who, const std::string& contact) {
    const RuleSet& rules = *e.rules;
    const FamilyLetter& l = rules.family_letter;
    FamilySummary s;
    if (!l.present) {
        s.why_not = "This rule set has no wording for a family summary.";
        return s;
    }
    for (std::uint32_t slot : l.withhold_slots) {
        const Tri status = e.outcome.slots[slot].status;
        if (status == Tri::True) {
            s.why_not = l.withheld_says;
            return s;
        }
        if (status == Tri::Unknown) {  // not yet known to be safe: withheld as well
            std::string open;
            for (const auto& t : e.trace)
                if (t.slot == slot) open = turns_on(e, t.blocking);
            s.why_not =
                "No family summary yet: telling the family may put the child at more "
                "risk" +
                (open.empty() ? std::string(".") : ", and " + open + ".");
            return s;
        }
    }
    s.available = true;
    s.title = words_for(l.title, who);
    s.opening.push_back(fill(words_for(l.opening, who), e, nullptr, contact));
    struct Part {
        FamilyPart part;
        const FamilyWords* heading;
        const FamilyWords* none;
    };
    const Part parts[] = {{FamilyPart::Concern, &l.concern_heading, &l.no_concern},
                          {FamilyPart::Next, &l.next_heading, &l.nothing_next},
                          {FamilyPart::Choice, &l.choice_heading, nullptr}};
    for (const Part& p : parts) {
        FamilySection section{words_for(*p.heading, who), {}};
        for (const FamilyText& f : rules.family_texts) {
            if (f.part != p.part || !applies(e, f)) continue;
            const std::string& words =
                who == FamilyAudience::YoungPerson ? f.words.young_person : f.words.parents;
            if (words.empty()) continue;
            std::string text = fill(words, e, &f, contact);
            if (std::find(section.paragraphs.begin(), section.paragraphs.end(), text) ==
                section.paragraphs.end())
                section.paragraphs.push_back(std::move(text));
        }
        if (section.paragraphs.empty() && p.none)
            section.paragraphs.push_back(fill(words_for(*p.none, who), e, nullptr, contact));
        if (!section.paragraphs.empty()) s.sections.push_back(std::move(section));
    }
    s.sections.push_back({words_for(l.contact_heading, who),
                          {fill(words_for(l.contact, who), e, nullptr, contact)}});
    s.closing.push_back(fill(words_for(l.closing, who), e, nullptr, contact));
    return s;
}

std::string family_body(const FamilySummary& s) {
    std::string out;
    auto add = [&](const std::string& p) { out += p + "\n"; };
    for (const auto& p : s.opening)
        add(p);
    for (const auto& sec : s.sections)
        for (const auto& p : sec.paragraphs)
            add(p);
    for (const auto& p : s.closing)
        add(p);
    return out;
}

std::string family_text(const FamilySummary& s) {
    std::string out;
    if (!s.available) {
        append_wrapped(out, s.why_not, 0, 0);
        return out;
    }
    append_wrapped(out, s.title, 0, 0);
    for (const auto& p : s.opening) {
        out += "\n";
        append_wrapped(out, p, 0, 0);
    }
    for (const auto& sec : s.sections) {
        out += "\n";
        append_wrapped(out, sec.heading, 0, 0);
        for (const auto& p : sec.paragraphs) {
            out += "\n";
            append_wrapped(out, p, 0, 0);
        }
    }
    for (const auto& p : s.closing) {
        out += "\n";
        append_wrapped(out, p, 0, 0);
    }
    return out;
}

std::string family_html(const FamilySummary& s) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        html_escape(s.available ? s.title : "Family summary") +
        "</title>\n<style>:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff}"
        "@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616}}"
        "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:1.15em;max-width:38em;"
        "margin:2em auto;padding:0 1em;line-height:1.6;color:var(--fg);background:var(--bg)}"
        "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}"
        "@media print{:root{--fg:#000;--bg:#fff}body{max-width:none;margin:0;font-size:12pt}"
        "h2{break-after:avoid}}</style>\n</head>\n<body>\n<main>\n";
    if (!s.available) {
        out += "<h1>Family summary</h1>\n<p>" + html_escape(s.why_not) + "</p>\n";
    } else {
        out += "<h1>" + html_escape(s.title) + "</h1>\n";
        for (const auto& p : s.opening)
            out += "<p>" + html_escape(p) + "</p>\n";
        for (const auto& sec : s.sections) {
            out += "<section>\n<h2>" + html_escape(sec.heading) + "</h2>\n";
            for (const auto& p : sec.paragraphs)
                out += "<p>" + html_escape(p) + "</p>\n";
            out += "</section>\n";
        }
        for (const auto& p : s.closing)
            out += "<p>" + html_escape(p) + "</p>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

namespace {

bool vowel(char c) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Vowel groups, less a silent final "e" ("care") but not "-le" ("little"): the usual estimate.
int syllables(const std::string& word) {
    int n = 0;
    bool in_vowel = false;
    for (char c : word) {
        bool v = vowel(c);
        if (v && !in_vowel) ++n;
        in_vowel = v;
    }
    std::size_t len = word.size();
    if (len > 2 && std::tolower(static_cast<unsigned char>(word[len - 1])) == 'e' &&
        std::tolower(static_cast<unsigned char>(word[len - 2])) != 'l' && n > 1)
        --n;
    if (len > 3 && word.compare(len - 2, 2, "ed") == 0 && n > 1 && word[len - 3] != 't' &&
        word[len - 3] != 'd')
        --n;
    return std::max(n, 1);
}

}  // namespace

double flesch_reading_ease(const std::string& text) {
    int sentences = 0, words = 0, sylls = 0;
    std::string word;
    auto end_word = [&] {
        if (word.empty()) return;
        ++words;
        sylls += syllables(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (std::isalpha(static_cast<unsigned char>(c)) || (c == '\'' && !word.empty())) {
            word += c;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            word += 'n';  // a number reads as one short word
            continue;
        }
        end_word();
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
            // "9.40" and an empty line are not sentence ends.
            bool digit_next =
                i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
            if (!digit_next && (c != '\n' || (i > 0 && text[i - 1] != '.' && text[i - 1] != '!' &&
                                              text[i - 1] != '?' && text[i - 1] != '\n')))
                ++sentences;
        }
    }
    end_word();
    if (words == 0 || sentences == 0) return 0;
    return 206.835 - 1.015 * words / sentences - 84.6 * static_cast<double>(sylls) / words;
}

}  // namespace continuum::report
