#pragma once
// `broadsheet new`: what a newcomer starts from.
#include <string>

namespace app {

// A commented document that checks and renders as it is, naming `layout`;
// its first line points editors at `schema` (a path or URL) for completion.
std::string starter_document(const std::string& layout, const std::string& schema);

}  // namespace app
