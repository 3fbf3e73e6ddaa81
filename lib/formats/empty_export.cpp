// Why: see empty_export.h.
#include "formats/empty_export.h"

#include <simdjson.h>

#include <string>

#include "util/text.h"

namespace idt {

namespace {

RecordKind kind_from_context(std::string_view ctx) {
  if (icontains(ctx, "signIns")) return RecordKind::signin;
  if (icontains(ctx, "directoryAudits")) return RecordKind::audit;
  if (icontains(ctx, "serviceAnnouncement") || icontains(ctx, "healthOverviews")) return RecordKind::health;
  return RecordKind::unknown;
}

bool empty_array(simdjson::dom::element e) {
  simdjson::dom::array a;
  return !e.get_array().get(a) && a.size() == 0;
}

}  // namespace

std::optional<EmptyExport> recognise_empty_export(std::string_view text) {
  text = trim(text);
  // Empty documents are tiny; anything larger holds records (or is not JSON).
  if (text.size() < 2 || text.size() > 64 * 1024 || (text.front() != '{' && text.front() != '[')) return std::nullopt;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc)) return std::nullopt;
  if (empty_array(doc)) return EmptyExport{RecordKind::unknown, "array"};
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return std::nullopt;
  EmptyExport out;
  bool records = false;
  for (auto field : obj) {
    std::string_view key = field.key;
    if (key == "value" || key == "records") {
      if (!empty_array(field.value) || records) return std::nullopt;
      records = true;
      out.shape = key == "value" ? "graph" : "eventhub";
    } else if (key == "tables") {
      simdjson::dom::array tables;
      if (field.value.get_array().get(tables) || records) return std::nullopt;
      for (auto t : tables) {
        simdjson::dom::element rows;
        if (t["rows"].get(rows) || !empty_array(rows)) return std::nullopt;
      }
      records = true;
      out.shape = "loganalytics";
    } else if (key.starts_with("@odata.")) {
      std::string_view ctx;
      if (key == "@odata.context" && !field.value.get_string().get(ctx)) out.kind = kind_from_context(ctx);
    } else {
      return std::nullopt;  // another key: not an empty export we know
    }
  }
  if (!records) return std::nullopt;
  return out;
}

}  // namespace idt
