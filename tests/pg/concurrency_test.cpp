// Many workstations appending at once keep one chain: separate processes, separate
// connections, as a front door's desktops would be.
#include <sys/wait.h>
#include <unistd.h>

#include "pg_fixture.hpp"

using namespace pg_test;

namespace {

// In a child process: appends `n` decisions as `login`; the exit status says whether all did.
[[noreturn]] void append_in_child(const std::string& location, int n, int base) {
    std::string error;
    auto store = Store::open(location, error);
    if (!store) _exit(2);
    for (int i = 0; i < n; ++i) {
        DecisionRecord r = team_record(*store, base + i);
        if (!store->append(r, error)) _exit(3);
    }
    _exit(0);
}

}  // namespace

TEST_CASE("8 processes appending 200 decisions each at once give one intact chain of 1,600",
          "[pg][concurrency]") {
    TeamStore t;
    std::vector<pid_t> children;
    for (int w = 0; w < 8; ++w) {
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) append_in_child(t.as(w % 2 ? "alex" : "sam"), 200, w * 1000);
        children.push_back(pid);
    }
    int succeeded = 0;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++succeeded;
    }
    CHECK(succeeded == 8);
    auto ana = t.open("ana");
    VerifyReport v = ana->verify();
    CHECK(v.ok);
    CHECK(v.records == 1600);
    CHECK(ana->count() == 1600);
    CHECK(ana->list(Query{.practitioner = "Alex Rivers"}).size() == 800);
}
