// Why: see explain_render.h.
#include "render/explain_render.h"

#include <fmt/format.h>

#include "render/text_table.h"
#include "util/json_writer.h"

namespace idt {

void render_explain(Output& out, std::int64_t code, const CodeInfo* ci, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    JsonWriter w(b);
    w.begin_object();
    w.kv("code", static_cast<std::int64_t>(code));
    w.kv("known", ci != nullptr);
    if (ci) {
      w.kv("class", name(ci->cls));
      w.kv("reason", ci->reason);
      w.kv("name", ci->name);
      w.kv("meaning", ci->meaning);
      w.kv("advice", ci->advice);
      w.kv("on_security_info_apps", ci->cls == SigninClass::service_error ? "portal_unreachable" : name(ci->cls));
    }
    w.end_document();
    return;
  }
  if (!ci) {
    b += fmt::format(
        "AADSTS{}: not in idtriage's code table.\n"
        "  class    unknown (records with this code are counted as unknown/unrecognised_code, never dropped)\n"
        "  advice   Look the code up in Microsoft's AADSTS error reference; check the failure reason text in\n"
        "           the sign-in record (`idtriage classify --fields time,user,app,code,failure_reason`).\n",
        code);
    return;
  }
  out.paint(sgr::bold, fmt::format("AADSTS{}", code));
  if (!ci->name.empty()) b += fmt::format("  {}", ci->name);
  b += fmt::format("\n  class    {}\n  reason   {}\n  meaning  {}\n  advice   {}\n", name(ci->cls), ci->reason,
                   ci->meaning, ci->advice);
  if (ci->cls == SigninClass::service_error)
    b += "  note     on My Signins / My Profile / My Apps this counts as portal_unreachable\n";
}

void render_code_list(Output& out, OutputFormat fmt) {
  std::string& b = out.buf();
  if (fmt == OutputFormat::json || fmt == OutputFormat::jsonl) {
    if (fmt == OutputFormat::json) b += '[';
    bool first = true;
    for (const CodeInfo& c : all_codes()) {
      if (!first) b += fmt == OutputFormat::json ? "," : "";
      first = false;
      JsonWriter w(b);
      w.begin_object();
      w.kv("code", static_cast<std::int64_t>(c.code));
      w.kv("class", name(c.cls));
      w.kv("reason", c.reason);
      w.kv("name", c.name);
      w.kv("meaning", c.meaning);
      w.end_object();
      if (fmt == OutputFormat::jsonl) b += '\n';
    }
    if (fmt == OutputFormat::json) b += "]\n";
    return;
  }
  for (const CodeInfo& c : all_codes())
    b += pad(fmt::format_int(c.code).str(), 9) + pad(name(c.cls), 22) + pad(c.reason, 34) + std::string(c.meaning) +
         "\n";
}

}  // namespace idt
