#include "digest.hpp"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

#include "load.hpp"

namespace continuum::engine {
namespace {

struct Sha256 {
    Sha256() : ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 unavailable");
    }
    void update(std::string_view b) { EVP_DigestUpdate(ctx.get(), b.data(), b.size()); }
    std::string hex() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(ctx.get(), md, &len);
        static const char* digits = "0123456789abcdef";
        std::string out;
        for (unsigned i = 0; i < len; ++i) {
            out += digits[md[i] >> 4];
            out += digits[md[i] & 15];
        }
        return out;
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex();
}

std::string ruleset_digest(const std::vector<RuleFileText>& files) {
    Sha256 h;
    for (const auto& f : files) {
        h.update(f.relative_path);
        h.update(std::string_view("\0", 1));
        h.update(f.text);
        h.update(std::string_view("\0", 1));
    }
    return h.hex();
}

}  // namespace continuum::engine
