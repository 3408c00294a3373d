#include "app/preview/preview_state.h"

#include <set>

namespace app::preview {

std::vector<std::string> PreviewState::set_documents(const std::vector<DocEntry>& docs) {
  std::lock_guard lock(mu_);
  std::vector<std::string> added;
  std::set<std::string> wanted;
  for (const auto& d : docs) {
    wanted.insert(d.id);
    auto [it, inserted] = docs_.try_emplace(d.id);
    if (inserted || it->second.path != d.path) {
      it->second = DocStatus{d.id, d.path, {d.path}, nullptr, true, nullptr};
      added.push_back(d.id);
    }
  }
  bool removed = false;
  for (auto it = docs_.begin(); it != docs_.end();) {
    if (wanted.count(it->first)) {
      ++it;
    } else {
      it = docs_.erase(it);
      removed = true;
    }
  }
  if (!added.empty() || removed) bump_locked();
  return added;
}

std::vector<DocStatus> PreviewState::documents() const {
  std::lock_guard lock(mu_);
  std::vector<DocStatus> out;
  out.reserve(docs_.size());
  for (const auto& [id, d] : docs_) out.push_back(d);
  return out;
}

std::optional<DocStatus> PreviewState::document(const std::string& id) const {
  std::lock_guard lock(mu_);
  auto it = docs_.find(id);
  if (it == docs_.end()) return std::nullopt;
  return it->second;
}

void PreviewState::set_inputs(const std::string& id, const std::vector<std::string>& inputs) {
  std::lock_guard lock(mu_);
  if (auto it = docs_.find(id); it != docs_.end()) it->second.inputs = inputs;
}

void PreviewState::set_pending(const std::string& id) {
  std::lock_guard lock(mu_);
  auto it = docs_.find(id);
  if (it == docs_.end() || it->second.pending) return;
  it->second.pending = true;
  bump_locked();
}

void PreviewState::clear_pending(const std::string& id) {
  std::lock_guard lock(mu_);
  auto it = docs_.find(id);
  if (it == docs_.end() || !it->second.pending || !it->second.current) return;
  it->second.pending = false;
  bump_locked();
}

void PreviewState::publish(const std::shared_ptr<const Rendered>& r) {
  std::lock_guard lock(mu_);
  remember_locked(r);
  if (!r->debug) {
    if (auto it = docs_.find(r->doc); it != docs_.end()) {
      it->second.current = r;
      if (r->ok) it->second.last_good = r;
      it->second.pending = false;
    }
  }
  bump_locked();
}

std::shared_ptr<const Rendered> PreviewState::find(const std::string& key, bool debug) const {
  std::lock_guard lock(mu_);
  return find_locked(key, debug);
}

std::shared_ptr<const Rendered> PreviewState::wait_for(const std::string& key, bool debug,
                                                       std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  std::shared_ptr<const Rendered> found;
  changed_.wait_for(lock, timeout, [&] {
    found = find_locked(key, debug);
    if (found || closed_) return true;
    // Give up once no document shows these inputs any more.
    for (const auto& [id, d] : docs_)
      if (d.current && d.current->key == key) return false;
    return true;
  });
  return found;
}

std::uint64_t PreviewState::version() const {
  std::lock_guard lock(mu_);
  return version_;
}

std::uint64_t PreviewState::wait_version(std::uint64_t since, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  changed_.wait_for(lock, timeout, [&] { return version_ != since || closed_; });
  return version_;
}

void PreviewState::close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  changed_.notify_all();
}

void PreviewState::bump_locked() {
  ++version_;
  changed_.notify_all();
}

void PreviewState::remember_locked(const std::shared_ptr<const Rendered>& r) {
  for (auto it = recent_.begin(); it != recent_.end(); ++it) {
    if ((*it)->key == r->key && (*it)->debug == r->debug) {
      recent_.erase(it);
      break;
    }
  }
  recent_.push_front(r);
  // Keep every render a document currently shows, plus `spare_` others.
  std::set<const Rendered*> shown;
  for (const auto& [id, d] : docs_)
    for (const auto* r : {d.current.get(), d.last_good.get()})
      if (r) shown.insert(r);
  std::size_t others = 0;
  for (auto it = recent_.begin(); it != recent_.end();) {
    const bool keep = shown.count(it->get()) || ++others <= spare_;
    it = keep ? std::next(it) : recent_.erase(it);
  }
}

std::shared_ptr<const Rendered> PreviewState::find_locked(const std::string& key, bool debug) const {
  for (const auto& r : recent_)
    if (r->key == key && r->debug == debug) return r;
  // A document's current render may have been pushed out of the list by a burst of others.
  if (!debug)
    for (const auto& [id, d] : docs_)
      for (const auto& r : {d.current, d.last_good})
        if (r && r->key == key) return r;
  return nullptr;
}

}  // namespace app::preview
