#include "app/batch/batch_report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

#include "app/batch/batch_signals.h"
#include "app/common/atomic_file.h"

namespace app {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr strings(const std::vector<std::string>& items) {
  Array::Ptr a = new Array;
  for (const auto& s : items) a->add(s);
  return a;
}

// Finer digits than a report needs are noise and make reports harder to diff.
double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return static_cast<double>(std::llround(v * scale)) / scale;
}

}  // namespace

const char* status_name(DocStatus s) {
  switch (s) {
    case DocStatus::Rendered: return "rendered";
    case DocStatus::Unchanged: return "unchanged";
    case DocStatus::Failed: return "failed";
    case DocStatus::NotRun: return "not_run";
  }
  return "not_run";
}

std::string write_batch_report(const std::string& file, const BatchOptions& options, int jobs,
                               const std::vector<BatchDocument>& docs, const std::vector<std::size_t>& selected,
                               const std::vector<DocumentOutcome>& outcomes, const BatchTotals& totals) {
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("format", "broadsheet-batch-report 1");
  root->set("shard", std::to_string(options.shard.index) + "/" + std::to_string(options.shard.count));
  root->set("jobs", jobs);
  root->set("out_dir", options.out_dir);

  Object::Ptr summary = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  summary->set("documents", selected.size());
  summary->set("rendered", totals.rendered);
  summary->set("unchanged", totals.unchanged);
  summary->set("failed", totals.failed);
  summary->set("not_run", totals.not_run);
  if (totals.interrupted_by != 0) {
    summary->set("interrupted_by", signal_name(totals.interrupted_by));
  } else {
    summary->set("interrupted_by", Poco::Dynamic::Var());
  }
  summary->set("seconds", rounded(totals.seconds, 3));
  const auto processed = static_cast<double>(totals.rendered + totals.failed);
  summary->set("documents_per_second", totals.seconds > 0 ? rounded(processed / totals.seconds, 1) : 0.0);
  root->set("summary", summary);

  Array::Ptr list = new Array;
  for (std::size_t i : selected) {
    const auto& o = outcomes[i];
    Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    d->set("source", docs[i].path);
    d->set("output", docs[i].output_path);
    d->set("status", status_name(o.status));
    d->set("pages", o.pages);
    d->set("bytes", static_cast<Poco::Int64>(o.bytes));
    d->set("milliseconds", rounded(o.milliseconds, 1));
    d->set("warnings", strings(o.warnings));
    d->set("errors", strings(o.errors));
    list->add(d);
  }
  root->set("documents", list);

  std::ostringstream text;
  root->stringify(text, 2);
  text << '\n';
  return write_file_atomically(file, text.str());
}

}  // namespace app
