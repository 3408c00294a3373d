#include "app/batch/batch_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_lock.h"
#include "app/batch/batch_manifest.h"
#include "app/batch/batch_options.h"
#include "app/batch/batch_progress.h"
#include "app/batch/batch_report.h"
#include "app/batch/batch_runner.h"
#include "app/batch/batch_shard.h"
#include "app/batch/batch_signals.h"
#include "app/batch/batch_stamp.h"
#include "app/common/arguments.h"
#include "app/common/exit_code.h"
#include "app/common/pipeline.h"

namespace app {
namespace {

using Clock = std::chrono::steady_clock;

// Exit code for the worst failure seen: internal > usage > output > input.
int worst(int a, int b) {
  auto rank = [](int code) {
    return code == kInternal ? 4 : code == kUsage ? 3 : code == kOutputError ? 2 : code == kInputError ? 1 : 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

int exit_code_of(Failure f) {
  switch (f) {
    case Failure::Input: return kInputError;
    case Failure::Output: return kOutputError;
    case Failure::Refused: return kUsage;
    case Failure::Internal: return kInternal;
    case Failure::None: break;
  }
  return kOk;
}

ManifestEntry entry_for(const BatchDocument& doc, const DocumentOutcome& o, const std::string& environment) {
  ManifestEntry e;
  e.source = doc.key;
  e.environment = environment;
  e.pdf = *o.pdf;
  e.pages = o.pages;
  e.warnings = o.warnings;
  e.inputs = o.inputs;
  return e;
}

void print_summary(const BatchOptions& opt, std::size_t found, std::size_t selected, const BatchTotals& t,
                   const std::vector<BatchDocument>& docs, const std::vector<DocumentOutcome>& outcomes) {
  std::string s = "batch: ";
  if (opt.shard.sharded()) {
    s += "shard " + std::to_string(opt.shard.index) + "/" + std::to_string(opt.shard.count) + ": " +
         std::to_string(selected) + " of " + std::to_string(found) + " documents";
  } else {
    s += std::to_string(selected) + " document" + (selected == 1 ? "" : "s");
  }
  s += " -> " + opt.out_dir + ": " + std::to_string(t.rendered) + " rendered, " + std::to_string(t.unchanged) +
       " unchanged, " + std::to_string(t.failed) + " failed";
  if (t.not_run > 0) s += ", " + std::to_string(t.not_run) + " not started";
  char timing[96];
  std::snprintf(timing, sizeof timing, " in %.2f s (%.1f documents/s)", t.seconds,
                t.seconds > 0 ? static_cast<double>(t.rendered + t.failed) / t.seconds : 0.0);
  s += timing;
  std::cout << s << '\n';
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (outcomes[i].status == DocStatus::Failed) std::cout << "failed: " << docs[i].path << '\n';
  }
  if (t.interrupted_by != 0) {
    std::cout << "interrupted by " << signal_name(t.interrupted_by)
              << ": finished PDFs are complete and kept; run the same command again to do the rest\n";
  }
  std::cout << std::flush;
}

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes) std::cerr << "broadsheet: note: " << n << '\n';
}

// What a run is about: every document found (named for OUTDIR) and the
// ones this shard renders, with one outcome per document.
struct BatchPlan {
  std::vector<BatchDocument> docs;
  std::vector<std::size_t> selected;
  std::vector<DocumentOutcome> outcomes;
  int jobs = 1;    // documents rendered at once
  int code = kOk;  // kInputError when some operand could not be read
};

// Finds the documents, names their PDFs, takes this shard's and makes
// OUTDIR. Nothing when there is nothing to do (the reason is printed, the
// exit code in `code`).
std::optional<BatchPlan> plan_batch(const BatchOptions& opt, int& code) {
  FoundDocuments found = find_documents(opt.inputs);
  for (const auto& e : found.errors) std::cerr << "broadsheet: error: " << e << '\n';
  print_notes(found.notes);
  BatchPlan plan;
  plan.docs = std::move(found.documents);
  if (plan.docs.empty()) {
    std::cerr << "broadsheet: error: no documents to render\n";
    code = kInputError;
    return std::nullopt;
  }
  if (!found.errors.empty()) plan.code = kInputError;
  std::vector<std::string> notes;
  assign_output_names(plan.docs, opt.out_dir, notes);
  print_notes(notes);
  for (std::size_t i = 0; i < plan.docs.size(); ++i) {
    if (in_shard(plan.docs[i].output_name, opt.shard)) plan.selected.push_back(i);
  }
  plan.outcomes.resize(plan.docs.size());
  plan.jobs = opt.jobs > 0 ? opt.jobs : usable_cores();

  std::error_code ec;
  std::filesystem::create_directories(opt.out_dir, ec);
  if (ec) {
    std::cerr << "broadsheet: error: cannot create " << opt.out_dir << ": " << ec.message() << '\n';
    code = kOutputError;
    return std::nullopt;
  }
  return plan;
}

// Fonts are loaded once, here, and layouts once each on first use
// (LayoutCache); the workers share both read-only. Also what every PDF
// depends on besides its own inputs. Nothing when the installation is broken.
std::optional<std::pair<Resources, std::string>> load_environment(const BatchOptions& opt, const BatchPlan& plan) {
  if (plan.selected.empty()) return std::pair<Resources, std::string>{};
  core::Diagnostics diags;
  Resources res = load_resources(diags);
  std::cerr << core::format_with_source(diags);
  if (diags.has_errors()) return std::nullopt;  // no fonts or no data folder
  std::string environment = environment_fingerprint(res);
  if (opt.press) environment += "press\n";  // the same inputs make another PDF
  return std::pair{std::move(res), std::move(environment)};
}

// Marks the selected documents whose PDFs are up to date (unless --force)
// and returns the others, the ones to render.
std::vector<std::size_t> skip_unchanged(const BatchOptions& opt, const std::string& environment, BatchPlan& plan,
                                        BatchManifest& manifest, BatchTotals& totals) {
  std::vector<std::size_t> todo;
  for (std::size_t i : plan.selected) {
    const BatchDocument& doc = plan.docs[i];
    const ManifestEntry* entry = opt.force ? nullptr : manifest.fresh_entry(doc, environment, opt.strict);
    if (!entry) {
      todo.push_back(i);
      continue;
    }
    auto& o = plan.outcomes[i];
    o.status = DocStatus::Unchanged;
    o.pages = entry->pages;
    o.bytes = entry->pdf.size;
    o.warnings = entry->warnings;
    ManifestEntry copy = *entry;  // it may live in another shard's file
    manifest.record(doc.output_name, std::move(copy));
    ++totals.unchanged;
  }
  return todo;
}

// Renders `todo` with the progress display, appending each finished
// document's record to the manifest as it comes.
void render_documents(const BatchOptions& opt, const Resources& res, const std::string& environment,
                      const std::vector<std::size_t>& todo, BatchPlan& plan, BatchManifest& manifest,
                      InterruptWatch& interrupts, BatchTotals& totals) {
  const auto& docs = plan.docs;
  auto& outcomes = plan.outcomes;
  BatchProgress progress = BatchProgress::for_terminal(todo.size());
  for (std::size_t i : plan.selected) {
    if (outcomes[i].status == DocStatus::Unchanged) progress.unchanged(docs[i]);
  }
  if (totals.unchanged > 0 && todo.empty()) {
    progress.message("broadsheet: all " + std::to_string(totals.unchanged) +
                     " documents are unchanged since their PDFs were written (--force renders them again)");
  }

  // From here on every finished document is one line appended to the
  // manifest; a failure to write it is reported at the end.
  manifest.start_appending();
  RunHooks hooks;
  hooks.finished = [&](std::size_t i) {
    DocumentOutcome& o = outcomes[i];
    progress.finished(docs[i], o);
    if (o.status == DocStatus::Rendered && o.pdf) {
      manifest.record(docs[i].output_name, entry_for(docs[i], o, environment));
    } else {
      manifest.forget(docs[i].output_name);
    }
    o.inputs = {};  // recorded: not needed again
  };
  hooks.tick = [&] { progress.tick(); };
  hooks.interrupted = [&](int sig) {
    progress.message("broadsheet: " + signal_name(sig) +
                     " received: finishing the documents in progress, starting no more (again to stop at once)");
  };

  const auto start = Clock::now();
  RenderOptions render_options;
  render_options.strict = opt.strict;
  render_options.press = opt.press;
  totals.interrupted_by = run_documents(docs, todo, plan.jobs, res, render_options, outcomes, interrupts, hooks);
  totals.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  progress.close();
}

// Counts what the run did, closes the manifest for the next run and returns
// the worst exit code of the documents.
int record_outcomes(const std::vector<std::size_t>& todo, const BatchPlan& plan, BatchManifest& manifest,
                    BatchTotals& totals) {
  int code = plan.code;
  for (std::size_t i : todo) {
    const auto& o = plan.outcomes[i];
    if (o.status == DocStatus::Rendered) ++totals.rendered;
    if (o.status == DocStatus::Failed) {
      ++totals.failed;
      code = worst(code, exit_code_of(o.failure));
    }
    if (o.status == DocStatus::NotRun) ++totals.not_run;
  }

  if (auto err = manifest.finish(); !err.empty()) {
    std::cerr << "broadsheet: warning: " << err << " (the next run renders everything again)\n";
  }
  return code;
}

// --report FILE and the summary; returns `code`, worse if the report cannot
// be written.
int report_batch(const BatchOptions& opt, const BatchPlan& plan, const BatchTotals& totals, int code) {
  if (!opt.report.empty()) {
    // Reports of a job array's shards often go to a folder of their own.
    std::error_code ec;
    const auto report_dir = std::filesystem::path(opt.report).parent_path();
    if (!report_dir.empty()) std::filesystem::create_directories(report_dir, ec);
    if (auto err = write_batch_report(opt.report, opt, plan.jobs, plan.docs, plan.selected, plan.outcomes, totals);
        !err.empty()) {
      std::cerr << "broadsheet: error: " << err << '\n';
      code = worst(code, kOutputError);
    }
  }
  print_summary(opt, plan.docs.size(), plan.selected.size(), totals, plan.docs, plan.outcomes);
  return code;
}

// plan → skip unchanged → render → record → report.
int run_batch(const BatchOptions& opt) {
  InterruptWatch interrupts;
  int code = kOk;
  std::optional<BatchPlan> plan = plan_batch(opt, code);
  if (!plan) return code;
  auto environment = load_environment(opt, *plan);
  if (!environment) return kInputError;
  const auto& [res, environment_id] = *environment;
  if (const int sig = interrupts.poll()) return 128 + sig;

  int stopped_by = 0;
  const OutDirLock lock(
      opt.out_dir, manifest_file_name(opt.shard),
      [&] { std::cerr << "broadsheet: note: another batch is writing to " << opt.out_dir << "; waiting for it\n"; },
      [&] { return (stopped_by = interrupts.poll()) != 0; });
  if (!lock.locked()) {
    if (lock.error().empty()) return 128 + stopped_by;
    std::cerr << "broadsheet: error: " << lock.error() << '\n';
    return kOutputError;
  }
  std::vector<std::string> manifest_notes;
  BatchManifest manifest = BatchManifest::load(opt.out_dir, opt.shard, manifest_notes);
  print_notes(manifest_notes);

  BatchTotals totals;
  const std::vector<std::size_t> todo = skip_unchanged(opt, environment_id, *plan, manifest, totals);
  render_documents(opt, res, environment_id, todo, *plan, manifest, interrupts, totals);
  code = record_outcomes(todo, *plan, manifest, totals);
  code = report_batch(opt, *plan, totals, code);
  // A last look: a signal that came after the workers finished still counts,
  // and one still pending must not kill the process when the mask is restored.
  while (const int sig = interrupts.poll()) {
    if (totals.interrupted_by == 0) totals.interrupted_by = sig;
  }
  return totals.interrupted_by != 0 ? 128 + totals.interrupted_by : code;
}

}  // namespace

int run_batch_command(const std::vector<std::string>& args) {
  BatchOptions opt;
  try {
    opt = parse_batch_options(args);
  } catch (const UsageError& e) {
    return print_usage_error("batch", e.what());
  }
  try {
    return run_batch(opt);
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: internal error: " << e.what() << '\n';
    return kInternal;
  }
}

}  // namespace app
