#include "run_command.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace clitest {

namespace fs = std::filesystem;

namespace {

fs::path fresh_temp_dir(const std::string& stem) {
    std::random_device rd;
    fs::path p =
        fs::temp_directory_path() / (stem + "-" + std::to_string(rd()) + std::to_string(getpid()));
    fs::create_directories(p);
    return p;
}

}  // namespace

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Run continuum(const std::vector<std::string>& args) {
    fs::path dir = fresh_temp_dir("continuum-cli-run");
    fs::path out = dir / "out", err = dir / "err";
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(o, 1);
        dup2(e, 2);
        std::vector<char*> argv;
        std::string exe = CONTINUUM_EXE;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(exe.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_text(out);
    r.err = read_text(err);
    fs::remove_all(dir);
    return r;
}

TempCopy::TempCopy(const fs::path& from) : dir(fresh_temp_dir("continuum-cli-rules")) {
    fs::copy(from, dir, fs::copy_options::recursive);
}

TempCopy::~TempCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
}

void TempCopy::replace(const std::string& file, const std::string& from,
                       const std::string& to) const {
    std::string text = read_text(dir / file);
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture text not found: " + from);
    text.replace(at, from.size(), to);
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << text;
}

std::pair<int, int> position_of(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    if (at == std::string::npos) throw std::runtime_error("not found: " + needle);
    int line = 1, col = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return {line, col};
}

}  // namespace clitest
