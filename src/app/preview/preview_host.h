#pragma once
// The Host header check that stops DNS rebinding: a web page on some other
// name that its owner points at 127.0.0.1 must not read the preview. Only
// exact loopback forms pass, never a name that merely starts like one
// ("127.0.0.1.evil.com", "localhost.evil").
#include <optional>
#include <string>
#include <string_view>

namespace app::preview {

// The host part of a Host header value, lower-cased, without its port:
// "LocalHost:8080" → "localhost", "[::1]:80" → "[::1]". nullopt when the
// value is not a well-formed host[:port].
std::optional<std::string> host_of(std::string_view host_header);

// True for 127.0.0.0/8 written as four decimal numbers ("127.0.0.1",
// "127.1.2.3"), "localhost" and "[::1]", each with an optional port, and
// for `bound_host` (the --host value) in the same way.
bool is_allowed_host(std::string_view host_header, std::string_view bound_host);

}  // namespace app::preview
