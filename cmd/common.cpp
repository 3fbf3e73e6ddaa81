// Why: see common.h.
#include "common.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include "commands.h"
#include "formats/format.h"
#include "formats/ticket_dates.h"
#include "io/expand_paths.h"
#include "io/input.h"
#include "render/inputs_render.h"
#include "util/safe_text.h"
#include "util/text.h"
#include "util/time.h"
#include "util/write_file.h"

namespace idt::cmd {
namespace {

std::map<const CLI::Option*, std::shared_ptr<const Choices>>& registry() {
  static std::map<const CLI::Option*, std::shared_ptr<const Choices>> r;
  return r;
}

CLI::Validator one_of(std::shared_ptr<const Choices> c) {
  std::string desc = c->list_in_help ? fmt::format("{{{}}}", fmt::join(c->values, ",")) : std::string();
  return CLI::Validator(
      [c](std::string& v) -> std::string {
        bool ok = c->accept ? c->accept(v) : std::find(c->values.begin(), c->values.end(), v) != c->values.end();
        if (ok) return {};
        std::vector<std::string_view> names(c->values.begin(), c->values.end());
        // main.cpp's usage_error makes the value safe for the terminal.
        return fmt::format("'{}' is not one of: {}{}", v, fmt::join(c->values, ", "), did_you_mean(v, names));
      },
      desc);
}

}  // namespace

CLI::Option* add_choice(CLI::App& app, const std::string& flags, std::string& into, Choices choices,
                        const std::string& help, const std::string& type_name) {
  auto c = std::make_shared<const Choices>(std::move(choices));
  CLI::Option* o = app.add_option(flags, into, help)->type_name(type_name)->check(one_of(c));
  registry()[o] = c;
  return o;
}

const Choices* choices_of(const CLI::Option* o) {
  auto it = registry().find(o);
  return it == registry().end() ? nullptr : it->second.get();
}

void declare_values(CLI::Option* o, Choices choices) {
  registry()[o] = std::make_shared<const Choices>(std::move(choices));
}

bool takes_path(const CLI::Option* o) {
  const std::string full = o->get_type_name();  // "FMT:{auto,…}": validators append what they accept
  const std::string_view t = std::string_view(full).substr(0, full.find(':'));
  return t == "FILE" || t == "DIR" || t.ends_with("=FILE") || t.ends_with(".csv");
}

CLI::Option* add_format_option(CLI::App& app, std::string& into, const std::vector<std::string>& formats,
                               bool with_auto) {
  Choices c;
  std::string help = "output format";
  if (with_auto) {
    c.values.push_back("auto");
    help += fmt::format(" (auto: {} on a terminal, {} in a pipe)", formats.front(),
                        formats.size() > 1 ? formats[1] : formats.front());
  }
  c.values.insert(c.values.end(), formats.begin(), formats.end());
  return add_choice(app, "--format,-f", into, std::move(c), help, "FMT");
}

CLI::Option* add_color_option(CLI::App& app, std::string& into) {
  return add_choice(app, "--color", into, {{"auto", "always", "never"}}, "colour (NO_COLOR is honoured)", "WHEN");
}

OutputFormat to_output_format(const std::string& value) {
  OutputFormat f;
  if (!parse_output_format(value, f)) throw UsageError("--format: unknown format '" + value + "'");
  return f;
}

bool color_on(const std::string& value) {
  ColorMode m;
  if (!parse_color_mode(value, m)) throw UsageError("--color: expected auto, always or never");
  return use_color(m, stdout);
}

void InputOptions::add(CLI::App& app, const std::vector<std::string>& formats, bool with_window) {
  format_choices = formats;
  auto* fo = app.add_option("files", files, "input files ('-' = stdin; .gz is read transparently)")->type_name("FILE");
  if (files_required) fo->required();
  add_format_option(app, format, formats, true);
  if (with_window) {
    app.add_option("--since", since, "only records at or after TIME (RFC 3339, date, or relative: -24h, -7d)")
        ->type_name("TIME");
    app.add_option("--until", until, "only records before TIME")->type_name("TIME");
  }
  add_color_option(app, color);
  if (std::find(formats.begin(), formats.end(), "csv") != formats.end())
    app.add_flag("--csv-bom", csv_bom,
                 "start CSV output with a UTF-8 byte-order mark, so Excel reads it as UTF-8 (only with --format csv)");
  Choices enc{{"auto", "utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"}};
  enc.accept = [](const std::string& v) {
    Encoding e;
    return parse_encoding(v, e);  // also utf8, cp1252, latin1, any case
  };
  add_choice(app, "--encoding", encoding, std::move(enc), "input encoding", "ENC");
  Choices known;
  for (const Format* f : all_formats()) known.values.emplace_back(f->name());
  known.list_in_help = false;
  add_choice(app, "--input-format", input_format, std::move(known),
             "skip detection and read as this format (see `idtriage detect --list`)", "NAME");
  if (with_kind) {
    Choices k{{"signin", "audit"}};
    k.accept = [](const std::string& v) { return v == "signin" || v == "signins" || v == "audit"; };
    add_choice(app, "--kind", kind, std::move(k), "only accept inputs of this kind", "KIND");
  }
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
  std::string_view unit = s.substr(
      s.find_first_not_of("0123456789.") == std::string_view::npos ? s.size() : s.find_first_not_of("0123456789."));
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

// Each directory in `files` replaced by the files under it; those files are
// added to `from_directory` (kept sorted).
void read_directories_in(std::vector<std::string>& files, std::vector<std::string>& from_directory) {
  ExpandedPaths e = expand_directories(files);
  if (e.from_directory.empty()) return;
  files = std::move(e.paths);
  std::vector<std::string> merged;
  std::merge(from_directory.begin(), from_directory.end(), e.from_directory.begin(), e.from_directory.end(),
             std::back_inserter(merged));
  from_directory = std::move(merged);
}

RunOptions InputOptions::run_options() {
  RunOptions o;
  if (read_directories) read_directories_in(files, o.from_directory);
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
    if (!o.forced) throw UsageError("--input-format: unknown format '" + input_format + "'");
  }
  if (kind == "signin" || kind == "signins")
    o.want = RecordKind::signin;
  else if (kind == "audit")
    o.want = RecordKind::audit;
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
  const bool tty = is_tty(stdout);
  const OutputFormat f =
      to_output_format(format != "auto" ? format
                       : tty            ? format_choices.front()
                                        : (format_choices.size() > 1 ? format_choices[1] : format_choices.front()));
  if (csv_bom && f != OutputFormat::csv)
    throw UsageError(fmt::format("--csv-bom: only with --format csv (the output here is {})", output_format_name(f)));
  return f;
}

void InputOptions::begin_output(Output& out, OutputFormat f) const {
  if (csv_bom && f == OutputFormat::csv) out.write(kUtf8Bom);
}

bool InputOptions::color_on() const { return cmd::color_on(color); }

int InputOptions::finish(Output& out, const std::vector<FileResult>& results, const RunOptions& ro, bool table) const {
  out.flush();
  report_problems(stderr, results, quiet);
  if (table && is_tty(stdout)) report_footer(stderr, results);
  return any_input_error(results, ro.parse.strict) ? kExitInput : kExitOk;
}

void TicketOptions::add(CLI::App& app) {
  app.add_option("--rules", rules_files, "extra ticket rules file; same ids replace built-in rules (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);  // one file per --rules: the next word may be an input
  app.add_option("--date-format", date_format, "day/month order when the data cannot tell: dmy|mdy (or dd/mm/yyyy…)")
      ->type_name("ORDER");
  app.add_option("--tz", tz, "zone of times written without one: UTC, +02:00, -0500 (default UTC)")
      ->type_name("OFFSET");
}

void TicketOptions::apply(RunOptions& ro) const {
  if (!date_format.empty()) {
    if (!parse_date_order(date_format))
      throw UsageError("--date-format: expected dmy or mdy, got '" + date_format + "'");
    ro.parse.date_format = date_format;
  }
  if (!tz.empty()) {
    auto off = parse_utc_offset(tz);
    if (!off) throw UsageError("--tz: expected UTC or an offset such as +02:00 or -0500, got '" + tz + "'");
    ro.parse.tz_offset_minutes = *off;
  }
}

TicketRules TicketOptions::load_rules() const { return load_ticket_rules(rules_files); }

void BreakglassOptions::add(CLI::App& app) {
  app.add_option("--breakglass", accounts, "emergency-access UPNs, comma-separated")->type_name("UPN,…");
  app.add_option("--breakglass-max-age", max_age,
                 "a break-glass account must have signed in successfully within this (default 30d)")
      ->type_name("DUR");
}

void BreakglassOptions::apply(TriageOptions& to) const {
  auto age = parse_duration(max_age);
  if (!age) throw UsageError("--breakglass-max-age: expected a duration such as 30d");
  to.breakglass_max_age = *age;
  for (std::string_view rest = accounts; !rest.empty();) {
    std::size_t c = rest.find(',');
    std::string u = ascii_lower(trim(rest.substr(0, c)));
    rest = c == std::string_view::npos ? std::string_view{} : rest.substr(c + 1);
    if (!u.empty()) to.breakglass.push_back(u);
  }
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

CLI::Option* add_set_option(CLI::App& app, std::vector<std::string>& into) {
  return app
      .add_option("--set", into, "fill a user-message placeholder, e.g. --set incident_id=MO1329260 (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
}

TemplateValues parse_set_options(const std::vector<std::string>& sets) {
  TemplateValues values;
  for (const auto& s : sets) {
    std::size_t eq = s.find('=');
    std::string key(trim(std::string_view(s).substr(0, eq)));
    if (eq == std::string::npos || key.empty())
      throw UsageError("--set '" + s + "': expected NAME=VALUE, e.g. --set incident_id=MO1329260");
    if (!is_known_placeholder(key)) {
      std::vector<std::string_view> known;
      for (const auto& p : known_placeholders()) known.push_back(p.name);
      throw UsageError(fmt::format("--set: unknown placeholder '{}'{} (known: {})", key, did_you_mean(key, known),
                                   fmt::join(known, ", ")));
    }
    values.emplace_back(key, s.substr(eq + 1));
  }
  return values;
}

void print_error(std::string_view text) { fmt::print(stderr, "idtriage: {}\n", terminal_safe(text)); }

void write_output_file(std::string_view flag, const std::string& path, std::string_view data, bool via_temp) {
  if (auto err = write_file(path, data, via_temp)) throw OutputFileError(cannot_write(flag, *err));
}

std::string cannot_write(std::string_view flag, std::string_view problem) {
  return fmt::format("cannot write {} {}", flag, problem);
}

void check_files(const std::vector<std::string>& files) {
  if (files.empty()) throw UsageError("no input files given");
  int stdin_count = 0;
  for (const auto& f : files) stdin_count += f == "-";
  if (stdin_count > 1) throw UsageError("'-' (stdin) can be given only once");
}

void LabelledInputs::add(CLI::App& app) {
  // One file per flag (repeat the flag for more): a role flag never swallows
  // the unlabelled files after it.
  app.add_option("--signins", signins, "a sign-in log file (repeat for more)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--audit", audits, "an audit log file (repeat for more)")->type_name("FILE")->allow_extra_args(false);
  app.add_option("--tickets", tickets, "a help-desk ticket CSV file (repeat for more)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--health", healths, "a service-health JSON file (repeat for more)")
      ->type_name("FILE")
      ->allow_extra_args(false);
}

RunOptions LabelledInputs::run_options(InputOptions& opts) {
  if (opts.files.empty() && signins.empty() && audits.empty() && tickets.empty() && healths.empty())
    throw UsageError("no inputs: give files, or --signins/--audit/--tickets/--health");
  std::vector<std::string> from_directory;
  for (auto* v : {&opts.files, &signins, &audits, &tickets, &healths}) read_directories_in(*v, from_directory);
  std::vector<std::string> all = opts.files;
  for (const auto* v : {&signins, &audits, &tickets, &healths}) all.insert(all.end(), v->begin(), v->end());
  std::vector<std::string> saved = opts.files;
  opts.files = all;  // validates '-' once and the window/encoding options
  RunOptions ro;
  try {
    ro = opts.run_options();
  } catch (...) {
    opts.files = saved;
    throw;
  }
  opts.files = saved;
  ro.from_directory = std::move(from_directory);
  return ro;
}

TriageInputs LabelledInputs::inputs(const InputOptions& opts) const {
  return TriageInputs{opts.files, signins, audits, tickets, healths};
}

void TriageCommandOptions::add_inputs(CLI::App& app, const std::vector<std::string>& formats,
                                      const std::function<void()>& own) {
  io.files_required = false;
  io.with_kind = false;  // inputs are labelled by role flags instead
  io.add(app, formats);
  if (own) own();
  labelled.add(app);
}

void TriageCommandOptions::add_judging(CLI::App& app) {
  breakglass.add(app);
  tickets.add(app);
}

RunOptions TriageCommandOptions::run_options() {
  RunOptions ro = labelled.run_options(io);
  tickets.apply(ro);
  return ro;
}

TicketRules load_ticket_rules(const std::vector<std::string>& files) {
  auto rules = TicketRules::builtin();
  if (!rules.ok()) throw std::runtime_error("built-in ticket rules: " + rules.error().message);
  for (const auto& f : files) {
    auto added = rules->add_file(f);
    if (!added.ok()) throw UsageError("--rules: " + added.error().message);
  }
  return std::move(rules.value());
}

}  // namespace idt::cmd
