// Writes the demo cases' HTML reports (the decision report and the family summaries, and the
// report of an empty case, whose level is open) into a folder, for the browser checks.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "demo_cases.hpp"
#include "report/decision_report.hpp"
#include "report/family_summary.hpp"

using namespace continuum;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: write_demo_reports FOLDER\n");
        return 2;
    }
    std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    for (const auto& f : std::filesystem::directory_iterator(folder))
        if (f.path().extension() == ".html" || f.path().extension() == ".png")
            std::filesystem::remove(f.path());
    auto write = [&](const std::string& name, const std::string& html) {
        std::ofstream out(folder / name, std::ios::binary);
        out << html;
        return static_cast<bool>(out);
    };
    bool ok = true;
    for (const auto& name : demo::case_names()) {
        report::Evaluation e = demo::evaluate(name);
        ok = write("decision-" + name + ".html",
                   report::decision_html(e, demo::decision(e), std::string(64, 'b'))) && ok;
        ok = write("family-" + name + ".html",
                   report::family_html(report::family_summary(
                       e, report::FamilyAudience::Parents, "Sam Patel, social worker"))) &&
             ok;
        ok = write("family-" + name + "-young-person.html",
                   report::family_html(report::family_summary(
                       e, report::FamilyAudience::YoungPerson, "Sam Patel, social worker"))) &&
             ok;
    }
    report::Evaluation blank = demo::evaluate_blank();
    ok = write("decision-empty-case.html", report::decision_html(blank, demo::decision(blank), "")) &&
         ok;
    std::printf("%s: demo reports %s\n", folder.string().c_str(), ok ? "written" : "NOT written");
    return ok ? 0 : 1;
}
