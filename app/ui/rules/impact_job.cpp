#include "impact_job.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace continuum::ui {

namespace {

ImpactResult run(std::shared_ptr<const engine::RuleSet> base,
                 std::shared_ptr<const engine::RuleSet> candidate, const std::string& library) {
    ImpactResult out;
    auto start = std::chrono::steady_clock::now();
    // The library is held whole, for the drill-down: a device or a pipe (which may never end)
    // is refused before it is read.
    std::error_code ec;
    const auto status = std::filesystem::status(library, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        out.error = fmt::format(
            "The case library {} is not a file (a folder, a device or a pipe): choose a JSON "
            "Lines file, one case a line.",
            library);
        return out;
    }
    std::ifstream in(library, std::ios::binary);
    if (!in) {
        out.error = fmt::format("Cannot open the case library {}: check the file exists.", library);
        return out;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out.library_text = text.str();
    out.report = engine::analyse_impact(*base, *candidate, out.library_text, {library, 0});
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

}  // namespace

ImpactJob::ImpactJob(std::shared_ptr<const engine::RuleSet> base,
                     std::shared_ptr<const engine::RuleSet> candidate, std::string library,
                     std::function<void()> wake) {
    std::promise<ImpactResult> promise;
    result_ = promise.get_future();
    // The result is set before the loop is woken, so the wake always finds it ready.
    worker_ = std::thread([promise = std::move(promise), base = std::move(base),
                           candidate = std::move(candidate), library = std::move(library),
                           wake = std::move(wake)]() mutable {
        // Whatever goes wrong (a library too large for memory) is reported in the view; the
        // window and the rules in use carry on.
        ImpactResult result;
        try {
            result = run(base, candidate, library);
        } catch (const std::exception& e) {
            result.error = fmt::format("The impact over {} could not be worked out: {}.", library,
                                       dynamic_cast<const std::bad_alloc*>(&e)
                                           ? "there is not enough memory to hold the library"
                                           : e.what());
        }
        promise.set_value(std::move(result));
        if (wake) wake();
    });
}

ImpactJob::~ImpactJob() {
    if (worker_.joinable()) worker_.join();
}

std::optional<ImpactResult> ImpactJob::take() {
    if (!result_.valid() || result_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return std::nullopt;
    return result_.get();
}

}  // namespace continuum::ui
