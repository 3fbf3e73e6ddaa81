// Why: see series.h.
#include "correlate/series.h"

#include <algorithm>
#include <cmath>

namespace idt {

static double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::size_t n = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
  double m = v[n];
  if (v.size() % 2 == 0) {
    double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n));
    m = (m + lo) / 2;
  }
  return m;
}

Baseline robust_baseline(const std::vector<double>& values) {
  Baseline b;
  b.median = median_of(values);
  std::vector<double> dev;
  dev.reserve(values.size());
  for (double v : values) dev.push_back(std::fabs(v - b.median));
  b.mad = median_of(std::move(dev));
  return b;
}

bool is_excess(double v, const Baseline& b, const ExcessRule& r) {
  if (v < r.abs_min) return false;
  if (v < b.median + r.abs_margin) return false;
  if (b.median > 0 && v < b.median * r.rel_factor) return false;
  if (v < b.median + r.mad_k * 1.4826 * b.mad) return false;
  return true;
}

std::vector<ExcessWindow> excess_windows(const std::vector<double>& values, const Baseline& b, const ExcessRule& r) {
  std::vector<ExcessWindow> out;
  std::size_t gap = 0;
  bool open = false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (is_excess(values[i], b, r)) {
      if (open && gap <= r.max_gap) {
        out.back().last = i;
      } else {
        out.push_back({i, i, 0, 0});
        open = true;
      }
      out.back().peak = std::max(out.back().peak, values[i]);
      gap = 0;
    } else if (open) {
      if (++gap > r.max_gap) open = false;
    }
  }
  for (auto& w : out)
    for (std::size_t i = w.first; i <= w.last; ++i) w.sum += values[i];
  return out;
}

}  // namespace idt
