// Why: `classify` output as a sink: one row per record, streamed, as an
// aligned table (tty), JSON lines, CSV or TSV.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/sink.h"
#include "render/output.h"
#include "render/record_fields.h"

namespace idt {

class ClassifyWriter final : public Sink {
 public:
  // fields empty = defaults per record kind. only = restrict to one class name.
  ClassifyWriter(Output& out, OutputFormat fmt, std::vector<const RecordField*> fields,
                 std::vector<std::string> file_names, std::optional<std::string> only, bool header = true);
  void on_signin(const SignIn&, const SigninClassification&, const SourcePos&) override;
  void on_audit(const AuditEvent&, const AuditClassification&, const SourcePos&) override;
  std::uint64_t rows() const { return rows_; }

 private:
  void row(const RecordRow& r, RecordKind kind, std::string_view cls);
  void header(RecordKind kind);
  Output& out_;
  OutputFormat fmt_;
  std::vector<const RecordField*> fields_;
  bool fixed_fields_;
  std::vector<std::string> files_;
  std::optional<std::string> only_;
  bool want_header_;
  RecordKind header_kind_ = RecordKind::unknown;
  std::uint64_t rows_ = 0;
  std::string cell_;
};

}  // namespace idt
