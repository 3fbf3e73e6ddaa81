// Why: see classify_writer.h.
#include "render/classify_writer.h"

#include "render/text_table.h"
#include "util/json_writer.h"
#include "util/safe_text.h"
#include "util/text.h"

namespace idt {
namespace {

std::string_view class_color(std::string_view cls) {
  if (cls == "success" || cls == "registration_completed") return sgr::green;
  if (cls == "interrupt" || cls == "other") return sgr::dim;
  if (cls == "auth_failure") return sgr::yellow;
  if (cls == "mfa_failure" || cls == "registration_failure" || cls == "registration_failed") return sgr::magenta;
  if (cls == "service_error") return sgr::red;
  if (cls == "portal_unreachable") return sgr::bold_red;
  if (cls == "ca_policy_change" || cls == "authmethod_policy_change") return sgr::cyan;
  return sgr::blue;
}

}  // namespace

ClassifyWriter::ClassifyWriter(Output& out, OutputFormat fmt, std::vector<const RecordField*> fields,
                               std::vector<std::string> file_names, std::optional<std::string> only, bool header)
    : out_(out),
      fmt_(fmt),
      fields_(std::move(fields)),
      fixed_fields_(!fields_.empty()),
      files_(std::move(file_names)),
      only_(std::move(only)),
      want_header_(header) {}

void ClassifyWriter::on_signin(const SignIn& s, const SigninClassification& c, const SourcePos& p) {
  RecordRow r;
  r.signin = &s;
  r.signin_class = &c;
  r.pos = &p;
  if (p.file_index < files_.size()) r.file = files_[p.file_index];
  row(r, RecordKind::signin, name(c.cls));
}

void ClassifyWriter::on_audit(const AuditEvent& a, const AuditClassification& c, const SourcePos& p) {
  RecordRow r;
  r.audit = &a;
  r.audit_class = &c;
  r.pos = &p;
  if (p.file_index < files_.size()) r.file = files_[p.file_index];
  row(r, RecordKind::audit, name(c.cls));
}

void ClassifyWriter::header(RecordKind kind) {
  if (!fixed_fields_) fields_ = default_fields(kind);
  bool first_header = header_kind_ == RecordKind::unknown;
  header_kind_ = kind;
  if (!want_header_) return;
  std::string& b = out_.buf();
  switch (fmt_) {
    case OutputFormat::csv:
    case OutputFormat::tsv:
      if (!first_header) return;  // one header per stream; other kinds map by name
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i) b += fmt_ == OutputFormat::csv ? ',' : '\t';
        b.append(fields_[i]->name);
      }
      b += '\n';
      break;
    case OutputFormat::table: {
      if (!first_header) b += '\n';
      std::string line;
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        std::string name(fields_[i]->name);
        for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        unsigned w = fields_[i]->width;
        line += w && i + 1 < fields_.size() ? pad(name, w) + "  " : name;
      }
      out_.paint(sgr::bold, line);
      b += '\n';
      break;
    }
    default:
      break;
  }
}

void ClassifyWriter::row(const RecordRow& r, RecordKind kind, std::string_view cls) {
  if (only_ && cls != *only_) return;
  if (header_kind_ != kind && (header_kind_ == RecordKind::unknown || fmt_ == OutputFormat::table || !fixed_fields_)) {
    if (fmt_ == OutputFormat::csv || fmt_ == OutputFormat::tsv) {
      if (header_kind_ == RecordKind::unknown) header(kind);
      // later kinds keep the first header's columns
    } else {
      header(kind);
    }
  }
  ++rows_;
  std::string& b = out_.buf();
  switch (fmt_) {
    case OutputFormat::jsonl:
    case OutputFormat::json: {
      JsonWriter w(b);
      w.begin_object();
      if (!fixed_fields_) w.kv("kind", kind == RecordKind::signin ? "signin" : "audit");
      const auto& fields = fixed_fields_ ? fields_ : default_fields(kind);
      for (const RecordField* f : fields) {
        cell_.clear();
        bool has = f->get(r, cell_);
        w.key(f->name);
        if (!has)
          w.null();
        else if (f->type == FieldType::integer || f->type == FieldType::boolean)
          w.raw(cell_);
        else
          w.value(std::string_view(cell_));
      }
      w.end_document();
      break;
    }
    case OutputFormat::csv:
    case OutputFormat::tsv:
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i) b += fmt_ == OutputFormat::csv ? ',' : '\t';
        cell_.clear();
        fields_[i]->get(r, cell_);
        if (fmt_ == OutputFormat::csv)
          append_csv_field(b, cell_);
        else
          append_tsv_field(b, cell_);
      }
      b += '\n';
      break;
    default: {  // table (md falls back to table)
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        cell_.clear();
        fields_[i]->get(r, cell_);
        const unsigned w = fields_[i]->width;
        const bool last = i + 1 == fields_.size();
        // A column without a width (and the last one) is neither cut nor padded.
        cell(out_, cell_, w && !last ? w : std::string::npos,
             fields_[i]->name == "class" ? class_color(cls) : std::string_view{}, last || !w);
        if (!last) b += "  ";
      }
      b += '\n';
    }
  }
  out_.maybe_flush();
}

}  // namespace idt
