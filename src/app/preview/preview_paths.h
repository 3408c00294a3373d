#pragma once
// URL paths → files under the preview folder, refusing anything that could
// leave it: "..", encoded slashes, absolute paths, symlinks pointing outside.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace app::preview {

// "%E5%AE%89" → the bytes; nullopt on a malformed escape or a NUL byte.
std::optional<std::string> percent_decode(const std::string& s);

// Each '/'-separated piece of `relpath` percent-encoded (UTF-8 names survive
// in links), the slashes kept.
std::string percent_encode_path(const std::string& relpath);

// The path part of a request target ("/doc/a%20b.yaml?x=1" → {"doc","a b.yaml"}).
// nullopt when it is not a plain origin-form path or when any decoded
// segment is empty, ".", "..", or holds '/', '\\' or NUL: such a request
// can only be an attempt to climb out of the folder.
std::optional<std::vector<std::string>> split_request_path(const std::string& target);

// The query string of a request target ("" when none).
std::string query_of(const std::string& target);
// True when the query has `name=1` / `name=true` / `name=on`.
bool query_flag(const std::string& query, const std::string& name);
// The decoded value of `name=` in the query ('+' is a space); nullopt when
// absent or malformed.
std::optional<std::string> query_value(const std::string& query, const std::string& name);

// The existing regular file `segments` names under `root` (which must be
// canonical), with symlinks resolved; nullopt when it does not exist or its
// real location is outside `root`.
std::optional<std::filesystem::path> resolve_under(const std::filesystem::path& root,
                                                   const std::vector<std::string>& segments);

// True when `path` (canonical) is `root` or inside it.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace app::preview
