// A fixed crew of threads that work through batches of numbered chunks together, the calling
// thread among them: for analyses that read their input a block at a time and split each
// block into chunks. Threads are started once, not per block.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace continuum::engine {

class WorkCrew {
  public:
    // work(thread, chunk): thread is 0 for the caller, 1.. for the others.
    WorkCrew(unsigned threads, std::function<void(unsigned, std::size_t)> work);
    ~WorkCrew();
    WorkCrew(const WorkCrew&) = delete;
    WorkCrew& operator=(const WorkCrew&) = delete;

    // Hands out chunks [0, chunks) to the other threads and returns at once; finish() takes
    // part until every chunk is done. The caller may do something else in between.
    void start(std::size_t chunks);
    void finish();

  private:
    void take_chunks(unsigned thread);
    void serve(unsigned thread);

    std::function<void(unsigned, std::size_t)> work_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::size_t batch_ = 0;   // number of the batch under way
    std::size_t chunks_ = 0;  // in the batch
    std::atomic<std::size_t> next_{0};
    std::size_t finished_ = 0;  // chunks done in the batch
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace continuum::engine
