#pragma once
// Which documents a batch renders and what each output is called.
#include <string>
#include <vector>

namespace app {

struct BatchDocument {
  std::string path;         // as the user will recognise it (operand joined with the path inside)
  std::string key;          // absolute, lexically normal: identity of the document
  std::string output_name;  // "anji.pdf", unique in the batch
  std::string output_path;  // OUTDIR/output_name
};

struct FoundDocuments {
  std::vector<BatchDocument> documents;  // no output names yet
  std::vector<std::string> errors;       // operands that do not exist or cannot be read
  std::vector<std::string> notes;        // e.g. a folder without any *.yaml
};

// Files are taken as given; folders contribute every *.yaml inside them,
// recursively, skipping hidden entries (".git", editors' ".#x.yaml"), in
// byte order of their path inside the folder, so the order never depends
// on the file system. A file reached twice is rendered once.
FoundDocuments find_documents(const std::vector<std::string>& operands);

// Gives each document OUTDIR/NAME.pdf. NAME is the file's stem; when
// several documents share a stem, *each* of them is prefixed with its
// nearest parent folders, as many as it takes to tell them apart
// (guangdong/x.yaml, shanxi/x.yaml → guangdong-x.pdf, shanxi-x.pdf), so no
// output overwrites another and the result does not depend on the order of
// the operands. If that still collides with another name, "~2", "~3", … are
// appended in order of the documents' absolute paths. Each renaming is
// described in `notes`.
void assign_output_names(std::vector<BatchDocument>& docs, const std::string& out_dir,
                         std::vector<std::string>& notes);

}  // namespace app
