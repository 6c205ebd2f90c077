#include "work_crew.hpp"

namespace continuum::engine {

WorkCrew::WorkCrew(unsigned threads, std::function<void(unsigned, std::size_t)> work)
    : work_(std::move(work)) {
    for (unsigned t = 1; t < threads; ++t)
        threads_.emplace_back([this, t] { serve(t); });
}

WorkCrew::~WorkCrew() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
        t.join();
}

void WorkCrew::start(std::size_t chunks) {
    {
        std::lock_guard lock(mutex_);
        ++batch_;
        chunks_ = chunks;
        finished_ = 0;
        next_.store(0);
    }
    wake_.notify_all();
}

void WorkCrew::take_chunks(unsigned thread) {
    std::size_t done = 0;
    for (std::size_t k; (k = next_.fetch_add(1)) < chunks_;) {
        work_(thread, k);
        ++done;
    }
    if (done == 0) return;
    std::lock_guard lock(mutex_);
    finished_ += done;
    if (finished_ == chunks_) done_.notify_all();
}

void WorkCrew::finish() {
    take_chunks(0);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return finished_ == chunks_; });
}

void WorkCrew::serve(unsigned thread) {
    std::size_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || batch_ != seen; });
            if (stop_) return;
            seen = batch_;
        }
        take_chunks(thread);
    }
}

}  // namespace continuum::engine
