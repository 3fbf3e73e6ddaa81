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

bool is_elevated(double v, const Baseline& b) { return v >= b.median + std::max(1.0, 3 * 1.4826 * b.mad) && v > 0; }

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
  // Grow each window over neighbouring elevated buckets (gaps up to max_gap),
  // then merge windows that now touch.
  for (auto& w : out) {
    // A bucket belongs to the episode when it is above normal and still a
    // fair share of the episode's peak.
    auto elevated = [&](std::size_t i) { return is_elevated(values[i], b) && values[i] >= 0.2 * w.peak; };
    for (;;) {
      std::size_t k = 1;
      while (k <= r.max_gap + 1 && w.first >= k && !elevated(w.first - k)) ++k;
      if (k > r.max_gap + 1 || w.first < k) break;
      w.first -= k;
    }
    for (;;) {
      std::size_t k = 1;
      while (k <= r.max_gap + 1 && w.last + k < values.size() && !elevated(w.last + k)) ++k;
      if (k > r.max_gap + 1 || w.last + k >= values.size()) break;
      w.last += k;
    }
  }
  std::vector<ExcessWindow> merged;
  for (const auto& w : out) {
    if (!merged.empty() && w.first <= merged.back().last + r.max_gap + 1) {
      merged.back().last = std::max(merged.back().last, w.last);
      merged.back().peak = std::max(merged.back().peak, w.peak);
    } else {
      merged.push_back(w);
    }
  }
  for (auto& w : merged) {
    w.sum = 0;
    for (std::size_t i = w.first; i <= w.last; ++i) w.sum += values[i];
  }
  return merged;
}

}  // namespace idt
