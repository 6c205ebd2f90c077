#include "terminal_text.hpp"

#include <iostream>
#include <memory>
#include <streambuf>
#include <string>

#include "engine/printable.hpp"

namespace continuum::cli {

namespace {

// Collects what is written and passes it on, escaped, a line (or a flush) at a time. A UTF-8
// character split across two writes is held until it is whole, so it is judged as one.
class EscapingBuffer : public std::streambuf {
  public:
    explicit EscapingBuffer(std::streambuf* target) : target_(target) {}
    ~EscapingBuffer() override { pass_on(true); }
    std::streambuf* target() const { return target_; }

  protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        pending_ += traits_type::to_char_type(c);
        if (c == '\n') pass_on(false);
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        pending_.append(s, static_cast<std::size_t>(n));
        if (std::char_traits<char>::find(s, static_cast<std::size_t>(n), '\n') ||
            pending_.size() > 1 << 16)
            pass_on(false);
        return n;
    }
    int sync() override {
        pass_on(false);
        return target_->pubsync();
    }

  private:
    // Writes everything but an unfinished UTF-8 character at the end (all of it at the end).
    void pass_on(bool everything) {
        std::size_t keep = 0;
        if (!everything) {
            // Up to 3 trailing bytes of a sequence whose lead byte promises more.
            for (std::size_t back = 1; back <= 3 && back <= pending_.size(); ++back) {
                auto b = static_cast<unsigned char>(pending_[pending_.size() - back]);
                if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
                std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (need > back) keep = back;
                break;
            }
        }
        std::string ready =
            engine::printable(std::string_view(pending_).substr(0, pending_.size() - keep));
        target_->sputn(ready.data(), static_cast<std::streamsize>(ready.size()));
        pending_.erase(0, pending_.size() - keep);
    }

    std::streambuf* target_;
    std::string pending_;
};

std::unique_ptr<EscapingBuffer> out_buffer, err_buffer;
std::streambuf* original_out = nullptr;

}  // namespace

TerminalText::TerminalText() {
    original_out = std::cout.rdbuf();
    out_buffer = std::make_unique<EscapingBuffer>(original_out);
    err_buffer = std::make_unique<EscapingBuffer>(std::cerr.rdbuf());
    std::cout.rdbuf(out_buffer.get());
    std::cerr.rdbuf(err_buffer.get());
    std::cerr.setf(std::ios::unitbuf);  // messages appear as they are written
}

TerminalText::~TerminalText() {
    std::cout.flush();
    std::cerr.flush();
    std::cout.rdbuf(out_buffer->target());
    std::cerr.rdbuf(err_buffer->target());
    out_buffer.reset();  // passes on anything left
    err_buffer.reset();
    std::cout.flush();
}

std::ostream& raw_stdout() {
    std::cout.flush();
    static std::ostream raw(nullptr);
    raw.rdbuf(original_out ? original_out : std::cout.rdbuf());
    return raw;
}

}  // namespace continuum::cli
