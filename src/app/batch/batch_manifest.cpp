#include "app/batch/batch_manifest.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "app/common/atomic_file.h"
#include "source/input_file.h"

namespace app {
namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "broadsheet-batch-manifest 2";
constexpr const char* kPrefix = ".broadsheet-batch";

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr stamp_json(Object::Ptr o, const FileStamp& s) {
  o->set("size", static_cast<Poco::Int64>(s.size));
  o->set("mtime_ns", static_cast<Poco::Int64>(s.mtime_ns));
  return o;
}

FileStamp stamp_from(const Object::Ptr& o) {
  return {o->getValue<Poco::Int64>("size"), o->getValue<Poco::Int64>("mtime_ns")};
}

Object::Ptr entry_json(const std::string& output_name, const ManifestEntry& e) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("output", output_name);
  o->set("source", e.source);
  o->set("environment", e.environment);
  o->set("pdf", stamp_json(new Object(Poco::JSON_PRESERVE_KEY_ORDER), e.pdf));
  o->set("pages", e.pages);
  Array::Ptr warnings = new Array;
  for (const auto& w : e.warnings) warnings->add(w);
  o->set("warnings", warnings);
  Array::Ptr inputs = new Array;
  for (const auto& f : e.inputs) {
    Object::Ptr i = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    i->set("path", f.path);
    inputs->add(stamp_json(i, f.stamp));
  }
  o->set("inputs", inputs);
  return o;
}

ManifestEntry entry_from(const Object::Ptr& o) {
  ManifestEntry e;
  e.source = o->getValue<std::string>("source");
  e.environment = o->getValue<std::string>("environment");
  e.pdf = stamp_from(o->getObject("pdf"));
  e.pages = o->getValue<int>("pages");
  if (auto w = o->getArray("warnings")) {
    for (std::size_t i = 0; i < w->size(); ++i) e.warnings.push_back(w->getElement<std::string>(i));
  }
  auto inputs = o->getArray("inputs");
  if (!inputs) throw Poco::JSON::JSONException("no inputs");
  for (std::size_t i = 0; i < inputs->size(); ++i) {
    auto f = inputs->getObject(i);
    if (!f) throw Poco::JSON::JSONException("bad input");
    e.inputs.push_back({f->getValue<std::string>("path"), stamp_from(f)});
  }
  return e;
}

// A manifest entry is a few hundred bytes: this is millions of documents.
constexpr std::size_t kMaxManifestBytes = 1u << 30;

// One line of JSON.
std::string line_of(const Object::Ptr& o) {
  std::ostringstream text;
  o->stringify(text);
  text << '\n';
  return text.str();
}

std::string header_line() {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("format", kFormat);
  o->set("about", "Written by `broadsheet batch`: the files each PDF was made from, so a rerun "
                  "skips unchanged documents; one record per line, the last for a PDF counts. "
                  "Safe to delete (everything is rendered again).");
  return line_of(o);
}

std::string record_line(const std::string& output_name, const ManifestEntry& e) {
  return line_of(entry_json(output_name, e));
}

std::string forget_line(const std::string& output_name) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("output", output_name);
  o->set("forget", true);
  return line_of(o);
}

// Entries of one manifest file, the last record of each name; throws on
// anything malformed, except a last line cut off by a killed batch.
std::map<std::string, ManifestEntry> read_manifest(const fs::path& file) {
  // Through the input opener: a FIFO by that name must not hang the batch.
  std::string why;
  const auto text = source::read_input_file(file.string(), kMaxManifestBytes, why);
  if (!text) throw std::runtime_error("cannot read it: " + why);
  std::map<std::string, ManifestEntry> entries;
  std::size_t start = 0;
  bool header = true;
  while (start < text->size()) {
    const std::size_t end = text->find('\n', start);
    const bool complete = end != std::string::npos;
    const std::string line = text->substr(start, complete ? end - start : std::string::npos);
    start = complete ? end + 1 : text->size();
    if (line.empty()) continue;
    Object::Ptr o;
    try {
      Poco::JSON::Parser parser;
      o = parser.parse(line).extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
      if (!complete && !header) break;  // the record being written when the batch was killed
      throw;
    }
    if (!o) throw std::runtime_error("not a batch manifest");
    if (header) {
      if (o->optValue<std::string>("format", "") != kFormat) throw std::runtime_error("not a batch manifest");
      header = false;
      continue;
    }
    const std::string name = o->getValue<std::string>("output");
    if (o->optValue<bool>("forget", false)) {
      entries.erase(name);
    } else {
      entries.insert_or_assign(name, entry_from(o));
    }
  }
  if (header) throw std::runtime_error("not a batch manifest");
  return entries;
}

}  // namespace

std::string manifest_file_name(const ShardSpec& shard) {
  if (!shard.sharded()) return std::string(kPrefix) + ".json";
  return std::string(kPrefix) + ".shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) +
         ".json";
}

BatchManifest BatchManifest::load(const std::string& out_dir, const ShardSpec& shard,
                                  std::vector<std::string>& notes) {
  BatchManifest m;
  const std::string own_name = manifest_file_name(shard);
  m.own_file_ = (fs::path(out_dir) / own_name).string();
  std::error_code ec;
  for (fs::directory_iterator it(out_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kPrefix, 0) != 0 || !name.ends_with(".json")) continue;
    std::map<std::string, ManifestEntry> entries;
    try {
      entries = read_manifest(it->path());
    } catch (const Poco::Exception& e) {  // before std::exception, which it derives from
      notes.push_back("ignoring " + it->path().string() + " (" + e.displayText() +
                      "): its documents are rendered again");
      continue;
    } catch (const std::exception& e) {
      notes.push_back("ignoring " + it->path().string() + " (" + e.what() + "): its documents are rendered again");
      continue;
    }
    for (auto& [output, entry] : entries) {
      if (name == own_name) {
        // Entries whose PDF is gone are dropped, so the file does not grow forever.
        if (stamp_file((fs::path(out_dir) / output).string())) m.own_.emplace(output, std::move(entry));
      } else {
        m.others_.emplace(output, std::move(entry));
      }
    }
  }
  return m;
}

const ManifestEntry* BatchManifest::fresh_entry(const BatchDocument& doc, const std::string& environment,
                                                bool strict) const {
  const auto pdf = stamp_file(doc.output_path);
  if (!pdf) return nullptr;
  auto fresh = [&](const ManifestEntry& e) {
    if (e.source != doc.key || e.environment != environment || e.pdf != *pdf) return false;
    if (strict && !e.warnings.empty()) return false;
    for (const auto& f : e.inputs) {
      const auto now = stamp_file(f.path);
      if (!now || *now != f.stamp) return false;
    }
    return true;
  };
  if (auto it = own_.find(doc.output_name); it != own_.end() && fresh(it->second)) return &it->second;
  for (auto [it, end] = others_.equal_range(doc.output_name); it != end; ++it) {
    if (fresh(it->second)) return &it->second;
  }
  return nullptr;
}

AppendFile& AppendFile::operator=(AppendFile&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

bool AppendFile::write(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool AppendFile::close() {
  if (fd_ < 0) return true;
  const int fd = std::exchange(fd_, -1);
  return ::close(fd) == 0;
}

void BatchManifest::record(const std::string& output_name, ManifestEntry entry) {
  if (appending_.is_open()) {
    append(record_line(output_name, entry));
  } else {
    own_[output_name] = std::move(entry);
  }
}

void BatchManifest::forget(const std::string& output_name) {
  if (appending_.is_open()) {
    append(forget_line(output_name));
  } else {
    own_.erase(output_name);
  }
}

void BatchManifest::append(const std::string& line) {
  if (!append_error_.empty()) return;
  if (!appending_.write(line)) append_error_ = "cannot write " + own_file_ + ": " + std::strerror(errno);
}

std::string BatchManifest::start_appending() {
  std::string text = header_line();
  for (const auto& [name, entry] : own_) text += record_line(name, entry);
  own_.clear();
  others_.clear();
  if (std::string err = write_file_atomically(own_file_, text); !err.empty()) {
    append_error_ = err;
    return err;
  }
  const int fd = ::open(own_file_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    append_error_ = "cannot write " + own_file_ + ": " + std::strerror(errno);
    return append_error_;
  }
  appending_ = AppendFile(fd);
  return "";
}

std::string BatchManifest::finish() {
  if (!appending_.close() && append_error_.empty()) {
    append_error_ = "cannot write " + own_file_ + ": " + std::strerror(errno);
  }
  return append_error_;
}

}  // namespace app
