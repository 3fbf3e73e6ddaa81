// Why: see common.h.
#include "common.h"

#include <algorithm>
#include <optional>

#include "commands.h"
#include "formats/format.h"
#include "util/text.h"
#include "util/time.h"

namespace idt::cmd {

void InputOptions::add(CLI::App& app, const std::vector<std::string>& formats, bool with_window) {
  format_choices = formats;
  auto* fo = app.add_option("files", files, "input files ('-' = stdin; .gz is read transparently)")->type_name("FILE");
  if (files_required) fo->required();
  std::string fhelp = "output format: auto";
  for (const auto& f : formats) fhelp += "|" + f;
  fhelp += " (auto: " + formats.front() + " on a terminal, " + (formats.size() > 1 ? formats[1] : formats.front()) +
           " in a pipe)";
  app.add_option("--format,-f", format, fhelp)->type_name("FMT");
  if (with_window) {
    app.add_option("--since", since, "only records at or after TIME (RFC 3339, date, or relative: -24h, -7d)")
        ->type_name("TIME");
    app.add_option("--until", until, "only records before TIME")->type_name("TIME");
  }
  app.add_option("--color", color, "colour: auto|always|never (NO_COLOR is honoured)")->type_name("WHEN");
  app.add_option("--encoding", encoding, "input encoding: auto|utf-8|utf-16le|utf-16be|windows-1252|iso-8859-1")
      ->type_name("ENC");
  app.add_option("--input-format", input_format,
                 "skip detection and read as this format (see `idtriage detect --list`)")
      ->type_name("NAME");
  if (with_kind) app.add_option("--kind", kind, "only accept inputs of this kind: signin|audit")->type_name("KIND");
  app.add_option("--max-decoded", max_decoded,
                 "stop decoding a pipe, .gz or transcoded input past SIZE bytes (K/M/G/T suffixes; 0 = no limit; "
                 "default 64G)")
      ->type_name("SIZE");
  app.add_option("--map", maps, "CSV column override ROLE=Column (repeatable)")->type_name("ROLE=COL");
  app.add_option("--threads,-j", threads, "worker threads (default: all cores)")->type_name("N");
  app.add_flag("--strict", strict, "treat any rejected record as an input error (exit 3)");
  app.add_flag("--quiet,-q", quiet, "do not list rejected records on stderr");
}

// "64G", "500M", "1.5T", "1048576": bytes (powers of 1024).
std::optional<std::uint64_t> parse_size(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  std::uint64_t scale = 1;
  std::string_view unit = s.substr(s.find_first_not_of("0123456789.") == std::string_view::npos
                                       ? s.size()
                                       : s.find_first_not_of("0123456789."));
  std::string_view num = s.substr(0, s.size() - unit.size());
  std::string u = normalize_name(unit);
  if (!u.empty() && u.back() == 'b') u.pop_back();  // "GB", "GiB" read as G
  if (u.size() == 2 && u[1] == 'i') u.pop_back();
  if (u.empty())
    scale = 1;
  else if (u == "k")
    scale = std::uint64_t{1} << 10;
  else if (u == "m")
    scale = std::uint64_t{1} << 20;
  else if (u == "g")
    scale = std::uint64_t{1} << 30;
  else if (u == "t")
    scale = std::uint64_t{1} << 40;
  else
    return std::nullopt;
  if (num.empty() || num.find_first_not_of("0123456789.") != std::string_view::npos ||
      std::count(num.begin(), num.end(), '.') > 1 || num.front() == '.' || num.back() == '.')
    return std::nullopt;
  const double v = std::stod(std::string(num)) * static_cast<double>(scale);
  if (!(v < 1.8e19)) return std::nullopt;
  return static_cast<std::uint64_t>(v);
}

RunOptions InputOptions::run_options() const {
  RunOptions o;
  auto limit = parse_size(max_decoded);
  if (!limit) throw UsageError("--max-decoded: cannot read '" + max_decoded + "' as a size (e.g. 64G, 500M, 0)");
  o.max_decoded = *limit;
  o.parse.strict = strict;
  o.threads = threads;
  Micros now = now_micros();
  if (!since.empty()) {
    auto t = parse_time_arg(since, now);
    if (!t) throw UsageError("--since: cannot read '" + since + "' as a time (RFC 3339, YYYY-MM-DD, or -24h/-7d)");
    o.since = *t;
  }
  if (!until.empty()) {
    auto t = parse_time_arg(until, now);
    if (!t) throw UsageError("--until: cannot read '" + until + "' as a time (RFC 3339, YYYY-MM-DD, or -24h/-7d)");
    o.until = *t;
  }
  if (o.since != kNoTime && o.until != kNoTime && o.until <= o.since) throw UsageError("--until must be after --since");
  if (!parse_encoding(encoding, o.encoding)) throw UsageError("--encoding: unknown encoding '" + encoding + "'");
  if (!input_format.empty()) {
    o.forced = find_format(input_format);
    if (!o.forced) {
      std::string names;
      for (const Format* f : all_formats()) names += (names.empty() ? "" : ", ") + std::string(f->name());
      throw UsageError("--input-format: unknown format '" + input_format + "' (known: " + names + ")");
    }
  }
  if (!kind.empty()) {
    if (kind == "signin" || kind == "signins")
      o.want = RecordKind::signin;
    else if (kind == "audit")
      o.want = RecordKind::audit;
    else
      throw UsageError("--kind: expected signin or audit, got '" + kind + "'");
  }
  for (const auto& m : maps) {
    auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
      throw UsageError("--map: expected ROLE=Column, got '" + m + "'");
    o.parse.column_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  check_files(files);
  return o;
}

OutputFormat InputOptions::output_format() const {
  OutputFormat f;
  if (format == "auto") {
    bool tty = is_tty(stdout);
    std::string pick =
        tty ? format_choices.front() : (format_choices.size() > 1 ? format_choices[1] : format_choices.front());
    parse_output_format(pick, f);
    return f;
  }
  bool allowed = false;
  for (const auto& c : format_choices) allowed |= c == format;
  if (!allowed || !parse_output_format(format, f)) {
    std::string list;
    for (const auto& c : format_choices) list += (list.empty() ? "" : ", ") + c;
    throw UsageError("--format: '" + format + "' is not one of: auto, " + list);
  }
  return f;
}

bool InputOptions::color_on() const {
  ColorMode m;
  if (!parse_color_mode(color, m)) throw UsageError("--color: expected auto, always or never");
  return use_color(m, stdout);
}

void refuse_other_kinds(std::vector<FileResult>& files, std::string_view command) {
  for (FileResult& f : files) {
    FileSummary& s = f.summary;
    if (s.fatal || (s.kind != RecordKind::ticket && s.kind != RecordKind::health)) continue;
    const bool ticket = s.kind == RecordKind::ticket;
    s.fatal = "this is " + std::string(ticket ? "a help-desk ticket export" : "service-health data") + " (" + s.format +
              ", " + std::to_string(s.records) + " records); `idtriage " + std::string(command) +
              "` reads sign-in and audit logs: use `idtriage " + (ticket ? "tickets" : "health") +
              " FILE` (or give it to `idtriage triage`)";
  }
}

void check_files(const std::vector<std::string>& files) {
  if (files.empty()) throw UsageError("no input files given");
  int stdin_count = 0;
  for (const auto& f : files) stdin_count += f == "-";
  if (stdin_count > 1) throw UsageError("'-' (stdin) can be given only once");
}

}  // namespace idt::cmd
