#include "app/preview/preview_host.h"

#include <algorithm>
#include <cctype>

namespace app::preview {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_port(std::string_view s) {
  if (!all_digits(s) || s.size() > 5) return false;
  return std::stoul(std::string(s)) <= 65535;
}

// "127.0.0.1" but not "127.1", "0127.0.0.1", "127.0.0.1." or "127.attacker.example".
bool is_loopback_quad(std::string_view s) {
  int parts = 0;
  std::size_t at = 0;
  while (true) {
    const std::size_t dot = s.find('.', at);
    const std::string_view part = s.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at);
    if (!all_digits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    if (std::stoi(std::string(part)) > 255) return false;
    if (parts == 0 && part != "127") return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  return parts == 4;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::optional<std::string> host_of(std::string_view value) {
  std::string_view host = value, port;
  if (value.starts_with('[')) {
    const std::size_t close = value.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = value.substr(0, close + 1);
    const std::string_view rest = value.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return std::nullopt;
      port = rest.substr(1);
      if (!is_port(port)) return std::nullopt;
    }
  } else if (const std::size_t colon = value.find(':'); colon != std::string_view::npos) {
    host = value.substr(0, colon);
    port = value.substr(colon + 1);
    if (!is_port(port)) return std::nullopt;
  }
  if (host.empty()) return std::nullopt;
  return lower(host);
}

bool is_allowed_host(std::string_view host_header, std::string_view bound_host) {
  const auto host = host_of(host_header);
  if (!host) return false;
  if (*host == "localhost" || *host == "[::1]" || is_loopback_quad(*host)) return true;
  if (bound_host.empty()) return false;
  const std::string bound = lower(bound_host);
  return *host == bound || *host == "[" + bound + "]";
}

}  // namespace app::preview
