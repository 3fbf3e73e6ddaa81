// Why: see users_csv.h.
#include "formats/users_csv.h"

#include <unordered_set>

#include "formats/ticket_columns.h"
#include "formats/user_columns.h"
#include "io/csv.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kKeepRejections = 100;

Tri parse_bool(std::string_view v) {
  std::string l = ascii_lower(trim(v));
  if (l == "true" || l == "yes" || l == "1" || l == "enabled" || l == "y") return Tri::yes;
  if (l == "false" || l == "no" || l == "0" || l == "disabled" || l == "n") return Tri::no;
  return Tri::unknown;
}

// A value quoted in a message: raw (the printer escapes it), at most 80 bytes.
std::string shown(std::string_view s) { return std::string(s.substr(0, 80)); }

}  // namespace

DirectoryFile parse_directory(std::string_view text, std::string_view name, const UserReadOptions& opts) {
  DirectoryFile f;
  f.path = std::string(name);
  CsvDocument doc;
  if (!open_csv_document(text, doc)) {
    f.fatal = doc.problem;
    return f;
  }
  const CsvPreamble& pre = doc.pre;
  if (pre.type_line) f.notes.push_back("skipped PowerShell '#TYPE' first line");
  CsvReader& rd = *doc.rows;
  std::vector<std::string_view> cells;
  const std::vector<std::string>& headers = doc.header;
  std::size_t foreign = 0;
  for (const auto& h : headers) {
    // Directory exports share these two with sign-in logs; the others are log-only.
    std::string n = normalize_header(h);
    foreign += is_foreign_header(n) && n != "userprincipalname" && n != "createddatetime";
  }
  if (foreign >= 2) {
    f.fatal = "line " + std::to_string(pre.lines + 1) + ": this is a sign-in or audit log export, not a user list";
    return f;
  }
  auto mapped = map_user_columns(headers, opts.column_map);
  if (!mapped.ok()) {
    f.fatal = mapped.error().message;
    return f;
  }
  const UserColumnMap& map = *mapped;
  const std::uint64_t header_line = pre.lines + 1;
  if (!map.has(UserRole::upn) && !map.has(UserRole::mail)) {
    std::string list;
    for (std::size_t i = 0; i < headers.size() && i < 12; ++i) list += (i ? ", " : "") + shown(headers[i]);
    f.fatal = "line " + std::to_string(header_line) + ": no user principal name or mail column (" + list +
              "); use --map upn=Column";
    return f;
  }
  std::string cols;
  for (std::size_t r = 0; r < kUserRoleCount; ++r)
    if (map.index[r] != UserColumnMap::kAbsent)
      cols += (cols.empty() ? "" : ", ") + std::string(kUserRoleNames[r]) + "=" +
              shown(headers[static_cast<std::size_t>(map.index[r])]) + (map.overridden[r] ? " (--map)" : "");
  f.notes.push_back("columns: " + cols);
  if (!map.has(UserRole::upn)) f.notes.push_back("no user principal name column: users are identified by mail");

  auto cell = [&](UserRole r) -> std::string_view {
    int i = map.at(r);
    if (i == UserColumnMap::kAbsent || static_cast<std::size_t>(i) >= cells.size()) return {};
    return trim(cells[static_cast<std::size_t>(i)]);
  };
  auto reject = [&](std::uint64_t line, std::uint64_t offset, std::string msg) {
    ++f.rejected;
    if (f.rejections.size() < kKeepRejections)
      f.rejections.push_back({SourcePos{0, line, offset, f.rows}, std::move(msg)});
    if (opts.strict && !f.fatal) f.fatal = "line " + std::to_string(line) + ": rejected row (stopped: --strict)";
  };
  std::unordered_set<std::string> seen;
  while (!f.fatal) {
    auto st = rd.next(cells);
    if (st == CsvReader::Status::end) break;
    const std::uint64_t line = doc.line();
    if (st == CsvReader::Status::error) {
      reject(line, doc.offset(), std::string(rd.error()));
      f.fatal = "line " + std::to_string(line) + ": " + std::string(rd.error()) + "; the rows after it were not read";
      break;
    }
    ++f.rows;
    DirectoryUser u;
    u.line = line;
    std::string_view upn = cell(UserRole::upn);
    if (upn.empty()) upn = cell(UserRole::mail);
    if (upn.empty()) {
      reject(line, doc.offset(), "no user principal name or mail");
      continue;
    }
    if (upn.find('@') == std::string_view::npos || upn.find_first_of(" \t,;") != std::string_view::npos) {
      reject(line, doc.offset(), "'" + shown(upn) + "' is not a user principal name");
      continue;
    }
    u.upn = ascii_lower(trim(upn));
    if (!seen.insert(u.upn).second) {
      ++f.duplicates;
      continue;
    }
    u.id = ascii_lower(trim(cell(UserRole::id)));
    u.display = std::string(cell(UserRole::display));
    u.department = std::string(cell(UserRole::department));
    u.country = std::string(cell(UserRole::country));
    u.usage_location = std::string(cell(UserRole::usage_location));
    u.region = std::string(cell(UserRole::region));
    u.office = std::string(cell(UserRole::office));
    u.city = std::string(cell(UserRole::city));
    u.state = std::string(cell(UserRole::state));
    u.timezone = std::string(cell(UserRole::timezone));
    u.user_type = std::string(cell(UserRole::user_type));
    u.enabled = parse_bool(cell(UserRole::enabled));
    if (map.has(UserRole::blocked)) {
      Tri b = parse_bool(cell(UserRole::blocked));
      if (b != Tri::unknown) u.enabled = b == Tri::yes ? Tri::no : Tri::yes;
    }
    f.users.push_back(std::move(u));
  }
  if (f.duplicates) f.notes.push_back(std::to_string(f.duplicates) + " repeated users (first row kept)");
  if (f.users.empty() && !f.fatal) f.notes.push_back("no user rows");
  return f;
}

DirectoryFile read_directory(const std::string& path, const UserReadOptions& opts) {
  auto in = open_input(path, opts.encoding);
  if (!in.ok()) {
    DirectoryFile f;
    f.path = path == "-" ? "<stdin>" : path;
    f.fatal = in.error().message;
    return f;
  }
  DirectoryFile f = parse_directory(in->text(), in->display_name(), opts);
  if (in->source_encoding() != Encoding::utf8)
    f.notes.insert(f.notes.begin(), "decoded from " + std::string(encoding_name(in->source_encoding())));
  return f;
}

}  // namespace idt
