#pragma once
// What the preview knows, shared by the HTTP threads, the render workers and
// the watcher: the documents, each one's latest render, and a cache of
// renders by input fingerprint. One mutex guards it all; every accessor
// copies out, so no reference outlives the lock.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/preview/preview_render.h"

namespace app::preview {

struct DocEntry {
  std::string id;    // path relative to the preview folder, '/'-separated
  std::string path;  // absolute path of the YAML
};

struct DocStatus {
  std::string id;
  std::string path;
  std::vector<std::string> inputs;           // files the last look found (YAML, layout, photos)
  std::shared_ptr<const Rendered> current;   // latest render of the current inputs; null before the first
  bool pending = true;                       // inputs changed, a render is queued or running
  std::shared_ptr<const Rendered> last_good; // latest render that had pages: shown, dimmed, while the document is broken
};

class PreviewState {
 public:
  // `spare`: how many renders that no document shows any more are kept, so
  // a page fetched just before an edit can still load its pictures.
  explicit PreviewState(std::size_t spare = 48) : spare_(spare) {}

  // Replaces the list of documents; returns the ids that are new.
  std::vector<std::string> set_documents(const std::vector<DocEntry>& docs);
  std::vector<DocStatus> documents() const;  // sorted by id
  std::optional<DocStatus> document(const std::string& id) const;

  void set_inputs(const std::string& id, const std::vector<std::string>& inputs);
  void set_pending(const std::string& id);
  // The document's inputs did not change after all: no longer pending.
  void clear_pending(const std::string& id);

  // A finished render: cached by (key, variant); a normal one also becomes
  // its document's current render. Wakes everyone waiting.
  void publish(const std::shared_ptr<const Rendered>& r);
  std::shared_ptr<const Rendered> find(const std::string& key, bool debug) const;

  // Waits until (key, debug) is rendered, or the document moved on to other
  // inputs, or `timeout` passes. Returns the render or null.
  std::shared_ptr<const Rendered> wait_for(const std::string& key, bool debug, std::chrono::milliseconds timeout) const;

  // Bumped on every visible change (a render, a pending flag, a document
  // added or removed): what the browser polls.
  std::uint64_t version() const;
  // Waits until version() != `since` or `timeout` passes; returns version().
  std::uint64_t wait_version(std::uint64_t since, std::chrono::milliseconds timeout) const;

  // Stop every wait (shutting down).
  void close();

 private:
  void bump_locked();
  void remember_locked(const std::shared_ptr<const Rendered>& r);
  std::shared_ptr<const Rendered> find_locked(const std::string& key, bool debug) const;

  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::map<std::string, DocStatus> docs_;
  // Recently rendered, most recent first; bounded by spare_ beyond the current ones.
  std::list<std::shared_ptr<const Rendered>> recent_;
  std::size_t spare_;
  std::uint64_t version_ = 1;
  bool closed_ = false;
};

}  // namespace app::preview
