// Why: see campaign_plan_csv.h.
#include "formats/campaign_plan_csv.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "formats/ticket_columns.h"
#include "io/csv.h"
#include "util/text.h"

namespace idt {
namespace {

constexpr std::size_t kKeep = 100;
enum Col {
  wave,
  region,
  zone,
  group_wave,
  start,
  end,
  local_date,
  local_window,
  pilot,
  pause,
  upn,
  display,
  dept,
  country,
  kCols
};
static_assert(std::size(kPlanColumns) == kCols, "every plan column needs an index");
constexpr Col kRequired[] = {wave, region, zone, group_wave, start, end, upn};

// A value quoted in a message: raw (the printer escapes it), at most 80 bytes.
std::string shown(std::string_view s) { return std::string(s.substr(0, 80)); }

// A spreadsheet may have added its apostrophe to a value that started with '-' or '+'.
std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
  return s;
}

}  // namespace

CampaignPlanFile parse_campaign_plan(std::string_view text, std::string_view name) {
  CampaignPlanFile f;
  f.path = std::string(name);
  CsvDocument doc;
  if (!open_csv_document(text, doc)) {
    f.fatal = doc.problem;
    return f;
  }
  const CsvPreamble& pre = doc.pre;
  CsvReader& rd = *doc.rows;
  std::vector<std::string_view> cells(doc.header.begin(), doc.header.end());
  int idx[kCols];
  std::fill(std::begin(idx), std::end(idx), -1);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string n = normalize_header(cells[i]);
    for (int c = 0; c < kCols; ++c)
      if (idx[c] < 0 && n == kPlanColumns[c]) idx[c] = static_cast<int>(i);
  }
  std::string missing;
  for (Col c : kRequired)
    if (idx[c] < 0) missing += (missing.empty() ? "" : ", ") + std::string(kPlanColumns[c]);
  if (!missing.empty()) {
    f.fatal = "line " + std::to_string(pre.lines + 1) + ": not a campaign plan (missing columns: " + missing +
              "); make one with `idtriage campaign plan USERS.csv --format csv`";
    return f;
  }
  auto cell = [&](Col c) -> std::string_view {
    int i = idx[c];
    return i < 0 || static_cast<std::size_t>(i) >= cells.size() ? std::string_view{}
                                                                : unquote(cells[static_cast<std::size_t>(i)]);
  };
  auto reject = [&](std::uint64_t line, std::string msg) {
    ++f.rejected;
    if (f.rejections.size() < kKeep) f.rejections.push_back({SourcePos{0, line, 0, f.rows}, std::move(msg)});
  };
  std::map<std::string, std::size_t> wave_index;
  std::unordered_set<std::string> seen;
  while (true) {
    auto st = rd.next(cells);
    if (st == CsvReader::Status::end) break;
    const std::uint64_t line = doc.line();
    if (st == CsvReader::Status::error) {
      reject(line, std::string(rd.error()));
      f.fatal = "line " + std::to_string(line) + ": " + std::string(rd.error()) + "; the rows after it were not read";
      break;
    }
    ++f.rows;
    std::string id(cell(wave));
    std::string u = ascii_lower(trim(cell(upn)));
    if (id.empty() || u.empty()) {
      reject(line, "no wave or no upn");
      continue;
    }
    auto t0 = parse_iso8601(cell(start)), t1 = parse_iso8601(cell(end));
    if (!t0 || !t1 || *t1 <= *t0) {
      reject(line, "wave " + shown(id) + ": start_utc/end_utc '" + shown(cell(start)) + "'/'" + shown(cell(end)) +
                       "' are not an RFC 3339 window");
      continue;
    }
    long long gw = 0;
    if (!parse_int(cell(group_wave), gw) || gw < 1 || gw > 100000) {
      reject(line, "wave " + shown(id) + ": group_wave '" + shown(cell(group_wave)) + "' is not a positive number");
      continue;
    }
    double below = 0.8;
    if (!cell(pause).empty()) {
      long long pct = 0;
      if (!parse_int(cell(pause), pct) || pct < 0 || pct > 100) {
        reject(line, "wave " + shown(id) + ": pause_below_percent '" + shown(cell(pause)) + "' is not 0-100");
        continue;
      }
      below = static_cast<double>(pct) / 100.0;
    }
    auto it = wave_index.find(id);
    if (it == wave_index.end()) {
      PlannedWave w;
      w.id = id;
      w.region = std::string(cell(region));
      w.zone = std::string(cell(zone));
      w.group_wave = static_cast<int>(gw);
      w.start = *t0;
      w.end = *t1;
      w.local_date = std::string(cell(local_date));
      w.local_window = std::string(cell(local_window));
      w.pilot = iequals(cell(pilot), "true") || iequals(cell(pilot), "yes") || cell(pilot) == "1";
      w.pause_below = below;
      it = wave_index.emplace(id, f.waves.size()).first;
      f.waves.push_back(std::move(w));
    } else {
      const PlannedWave& w = f.waves[it->second];
      if (w.start != *t0 || w.end != *t1 || w.region != cell(region) || w.zone != cell(zone) || w.group_wave != gw) {
        reject(line, "wave " + shown(id) + ": window, region, zone or group_wave differ from the wave's first row");
        continue;
      }
    }
    if (!seen.insert(u).second) {
      reject(line, "user " + shown(u) + " is already planned in another row");
      continue;
    }
    PlanUser p;
    p.upn = u;
    p.display = std::string(cell(display));
    p.department = std::string(cell(dept));
    p.country = std::string(cell(country));
    f.waves[it->second].users.push_back(f.users.size());
    f.users.push_back(std::move(p));
  }
  std::erase_if(f.waves, [](const PlannedWave& w) { return w.users.empty(); });  // every row of it was rejected
  std::stable_sort(f.waves.begin(), f.waves.end(), [](const PlannedWave& a, const PlannedWave& b) {
    return std::tie(a.start, a.region, a.zone) < std::tie(b.start, b.region, b.zone);
  });
  if (f.waves.empty() && !f.fatal) f.fatal = "no planned users";
  return f;
}

CampaignPlanFile read_campaign_plan(const std::string& path, Encoding enc) {
  auto in = open_input(path, enc);
  if (!in.ok()) {
    CampaignPlanFile f;
    f.path = path == "-" ? "<stdin>" : path;
    f.fatal = in.error().message;
    return f;
  }
  return parse_campaign_plan(in->text(), in->display_name());
}

}  // namespace idt
