// Why: see text_table.h.
#include "render/text_table.h"

#include <fmt/format.h>

#include "util/safe_text.h"
#include "util/text.h"

namespace idt {

std::string clean(std::string_view s) { return terminal_safe(s); }

std::string md_cell(std::string_view s) { return markdown_safe(s); }

std::string pad(std::string_view s, std::size_t width) {
  std::string o = fit_width(clean(s), width);
  std::size_t dw = display_width(o);
  if (dw < width) o.append(width - dw, ' ');
  return o;
}

void cell(Output& out, std::string_view s, std::size_t width, std::string_view color, bool last) {
  std::string text = fit_width(clean(s), width);
  if (color.empty())
    out.buf() += text;
  else
    out.paint(color, text);
  std::size_t dw = display_width(text);
  if (!last && dw < width) out.buf().append(width - dw, ' ');
}

std::string rpad(std::string_view s, std::size_t width) {
  std::string o(s);
  std::size_t dw = display_width(o);
  if (dw < width) o.insert(0, width - dw, ' ');
  return o;
}

std::string thousands(std::uint64_t n) {
  // fmt's "{:L}" would group by the process locale; reports group by 3 with ','.
  fmt::format_int digits(n);
  std::string_view d(digits.data(), digits.size());
  std::string out;
  out.reserve(d.size() + d.size() / 3);
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return out;
}

std::string pct(std::uint64_t part, std::uint64_t whole) {
  if (!whole) return "-";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string percent(double fraction) { return fmt::format("{}%", static_cast<int>(fraction * 100 + 0.5)); }

std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", thousands(n), n == 1 ? one : many);
}

std::string minute(Micros t) { return format_day_minute(t, "-"); }

std::string time_or_dash(Micros t) { return t == kNoTime ? "-" : format_rfc3339(t); }

std::string count_cells(std::uint64_t count, std::uint64_t total) {
  return rpad(thousands(count), 10) + rpad(pct(count, total), 8);
}

void section(Output& out, std::string_view title) {
  out.buf() += '\n';
  out.paint(sgr::bold, title);
  out.buf() += '\n';
}

void more_line(Output& out, std::uint64_t shown, std::uint64_t all, std::string_view hint) {
  if (all > shown) out.buf() += fmt::format("  … {} more{}\n", thousands(all - shown), hint);
}

}  // namespace idt
