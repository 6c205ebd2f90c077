// A thread that talks to an audit store so the window never waits for it: recording a decision
// (a team store across the network can take seconds to answer, or time out), reading History,
// checking the chain. Jobs run in the order given; each returns what to change in the GUI's
// state, which the frame loop applies when it polls (the worker wakes it to do so). A job may
// also run by itself, when the worker is idle (sending what the outbox holds).
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace continuum::ui {

class StoreWorker {
  public:
    using Done = std::function<void()>;  // applied on the frame loop's thread; may be empty
    using Job = std::function<Done()>;   // runs on the worker
    using Delay = std::chrono::milliseconds;
    // Runs when the worker has been idle until its time; says when to run again (none: not
    // until asked).
    using Periodic = std::function<std::pair<Done, std::optional<Delay>>()>;

    StoreWorker();
    // Runs every job already given (a decision being recorded is never dropped), then stops.
    ~StoreWorker();
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    // Called on the worker when a job's result is ready (the GUI posts an empty event, so
    // that a sleeping frame loop polls).
    void set_wake(std::function<void()> wake);
    void submit(Job job);
    void set_periodic(Periodic task);
    // Drops the jobs not yet started (the one running finishes).
    void cancel_queued();
    // When the periodic task runs next: after `delay`, or never.
    void schedule_periodic(std::optional<Delay> delay);

    // Applies the results of finished jobs, in order, on the calling thread; true when any.
    bool poll();
    // Blocks until no job is queued or running, then polls (tests, scripted screenshots). A
    // periodic task that is not due is not waited for.
    void wait();
    bool busy() const;

  private:
    void run();
    void finished(Done done);

    mutable std::mutex mutex_;
    std::condition_variable work_, idle_;
    std::deque<Job> queue_;
    std::vector<Done> results_;
    bool running_ = false, stop_ = false;
    Periodic periodic_;
    std::optional<std::chrono::steady_clock::time_point> next_periodic_;
    std::function<void()> wake_;
    std::thread thread_;
};

}  // namespace continuum::ui
