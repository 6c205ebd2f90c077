#include "store_worker.hpp"

namespace continuum::ui {

StoreWorker::StoreWorker() : thread_([this] { run(); }) {}

StoreWorker::~StoreWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    work_.notify_all();
    thread_.join();
}

void StoreWorker::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void StoreWorker::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(job));
    }
    work_.notify_all();
}

void StoreWorker::cancel_queued() {
    std::lock_guard lock(mutex_);
    queue_.clear();
}

void StoreWorker::set_periodic(Periodic task) {
    std::lock_guard lock(mutex_);
    periodic_ = std::move(task);
}

void StoreWorker::schedule_periodic(std::optional<Delay> delay) {
    {
        std::lock_guard lock(mutex_);
        if (delay)
            next_periodic_ = std::chrono::steady_clock::now() + *delay;
        else
            next_periodic_.reset();
    }
    work_.notify_all();
}

void StoreWorker::finished(Done done) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        running_ = false;
        if (done) results_.push_back(std::move(done));
        wake = wake_;
    }
    idle_.notify_all();
    if (wake) wake();
}

void StoreWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        auto due = [&] {
            return periodic_ && next_periodic_ &&
                   *next_periodic_ <= std::chrono::steady_clock::now();
        };
        auto ready = [&] { return !queue_.empty() || stop_ || due(); };
        if (next_periodic_ && periodic_)
            work_.wait_until(lock, *next_periodic_, ready);
        else
            work_.wait(lock, ready);
        if (!queue_.empty()) {
            Job job = std::move(queue_.front());
            queue_.pop_front();
            running_ = true;
            lock.unlock();
            Done done = job();
            finished(std::move(done));
            lock.lock();
        } else if (stop_) {
            return;
        } else if (due()) {
            next_periodic_.reset();
            running_ = true;
            Periodic task = periodic_;
            lock.unlock();
            auto [done, next] = task();
            lock.lock();
            // A job given meanwhile may have asked for it sooner.
            if (next && !next_periodic_) next_periodic_ = std::chrono::steady_clock::now() + *next;
            lock.unlock();
            finished(std::move(done));
            lock.lock();
        }
    }
}

bool StoreWorker::poll() {
    std::vector<Done> done;
    {
        std::lock_guard lock(mutex_);
        done.swap(results_);
    }
    for (auto& d : done)
        d();
    return !done.empty();
}

void StoreWorker::wait() {
    {
        std::unique_lock lock(mutex_);
        idle_.wait(lock, [&] { return queue_.empty() && !running_; });
    }
    poll();
}

bool StoreWorker::busy() const {
    std::lock_guard lock(mutex_);
    return !queue_.empty() || running_;
}

}  // namespace continuum::ui
