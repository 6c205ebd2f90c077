// A TCP relay between continuum and the test server that misbehaves as a real network does,
// on request: connections refused (the cable pulled), connections that hang with no answer
// (a dead route), or every connection cut just after the server has had a COMMIT but before
// its answer comes back (the outcome unknown to the client, which is the hard case).
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pg_test {

class FlakyNetwork {
  public:
    enum class Mode {
        pass,              // relays faithfully
        refuse,            // new connections are closed at once; open ones are cut
        blackhole,         // new connections get no answer, ever
        cut_after_commit,  // relays, until a COMMIT reaches the server: then the connection is
                           // cut before the answer and the network refuses from then on
    };

    explicit FlakyNetwork(int server_port) : server_port_(server_port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::listen(listener_, 64) != 0)
            throw std::runtime_error("FlakyNetwork: cannot listen");
        socklen_t len = sizeof a;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~FlakyNetwork() {
        stop_ = true;
        thread_.join();
        for (auto& p : pairs_)
            close_pair(p);
        for (int fd : hanging_)
            ::close(fd);
        ::close(listener_);
    }
    FlakyNetwork(const FlakyNetwork&) = delete;
    FlakyNetwork& operator=(const FlakyNetwork&) = delete;

    int port() const { return port_; }
    void set(Mode m) { mode_ = m; }
    Mode mode() const { return mode_; }
    // How many connections were cut after a COMMIT reached the server.
    int commits_cut() const { return commits_cut_; }

  private:
    struct Pair {
        int client = -1, server = -1;
    };

    static void close_pair(Pair& p) {
        if (p.client >= 0) ::close(p.client);
        if (p.server >= 0) ::close(p.server);
        p.client = p.server = -1;
    }

    int connect_server() const {
        int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(server_port_));
        if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

    // The simple-protocol message libpq sends for "COMMIT": 'Q', length 11, the text, NUL.
    static bool is_commit(const char* data, std::size_t n) {
        static const char kCommit[] = {'Q', 0, 0, 0, 11, 'C', 'O', 'M', 'M', 'I', 'T', 0};
        return std::search(data, data + n, kCommit, kCommit + sizeof kCommit) != data + n;
    }

    void run() {
        while (!stop_) {
            if (mode_ == Mode::refuse)
                for (auto& p : pairs_)
                    close_pair(p);
            std::erase_if(pairs_, [](const Pair& p) { return p.client < 0; });
            std::vector<pollfd> fds{{listener_, POLLIN, 0}};
            for (const auto& p : pairs_) {
                fds.push_back({p.client, POLLIN, 0});
                fds.push_back({p.server, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
            if (fds[0].revents & POLLIN) accept_one();
            for (std::size_t i = 0; i < pairs_.size(); ++i) {
                Pair& p = pairs_[i];
                if (p.client < 0) continue;
                if (fds[1 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR))
                    relay(p, p.client, p.server, true);
                if (p.client >= 0 && fds[2 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR))
                    relay(p, p.server, p.client, false);
            }
        }
    }

    void accept_one() {
        int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        Mode m = mode_;
        if (m == Mode::refuse) {
            ::close(client);
            return;
        }
        if (m == Mode::blackhole) {
            hanging_.push_back(client);  // held open, never answered
            return;
        }
        int server = connect_server();
        if (server < 0) {
            ::close(client);
            return;
        }
        pairs_.push_back({client, server});
    }

    void relay(Pair& p, int from, int to, bool from_client) {
        char buffer[65536];
        ssize_t n = ::read(from, buffer, sizeof buffer);
        if (n <= 0) {
            close_pair(p);
            return;
        }
        const bool commit = from_client && mode_ == Mode::cut_after_commit &&
                            is_commit(buffer, static_cast<std::size_t>(n));
        for (ssize_t sent = 0; sent < n;) {
            ssize_t w = ::write(to, buffer + sent, static_cast<std::size_t>(n - sent));
            if (w <= 0) {
                close_pair(p);
                return;
            }
            sent += w;
        }
        if (commit) {
            // The server commits; its answer never reaches the client, and the network is
            // gone until the test brings it back.
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            mode_ = Mode::refuse;
            ++commits_cut_;
            for (auto& q : pairs_)
                close_pair(q);
        }
    }

    int server_port_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<Mode> mode_{Mode::pass};
    std::atomic<bool> stop_{false};
    std::atomic<int> commits_cut_{0};
    std::vector<Pair> pairs_;   // the relay thread's only
    std::vector<int> hanging_;  // the relay thread's only
    std::thread thread_;
};

}  // namespace pg_test
