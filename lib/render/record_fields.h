// Why: the columns `classify` can print, as one table (name, help, kinds,
// table width, getter). --fields, CSV headers, JSONL keys and the man page
// all come from it, so they cannot drift apart.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/audit.h"
#include "model/classes.h"
#include "model/signin.h"
#include "model/source.h"

namespace idt {

struct RecordRow {
  const SignIn* signin = nullptr;
  const SigninClassification* signin_class = nullptr;
  const AuditEvent* audit = nullptr;
  const AuditClassification* audit_class = nullptr;
  std::string_view file;
  const SourcePos* pos = nullptr;
};

enum class FieldType { text, integer, boolean };

struct RecordField {
  std::string_view name;
  std::string_view help;
  bool signin, audit;  // which record kinds have it
  unsigned width;      // table column width (0 = rest of line)
  FieldType type;
  // Appends the value; returns false when the record has no value (null).
  bool (*get)(const RecordRow&, std::string& out);
};

std::span<const RecordField> all_record_fields();
const RecordField* find_record_field(std::string_view name);
// Default columns per kind.
std::vector<const RecordField*> default_fields(RecordKind kind);
// "time,user,code" -> fields; error text names the unknown field and suggests.
bool parse_field_list(std::string_view list, std::vector<const RecordField*>& out, std::string& error);

}  // namespace idt
