// Why: robust baselines. A spike is judged against the median and the MAD of
// the whole series (not the mean), so a few hours of outage do not lift the
// baseline, and both a relative and an absolute excess are required, so a
// quiet day yields nothing.
#pragma once
#include <cstdint>
#include <vector>

namespace idt {

struct Baseline {
  double median = 0, mad = 0;
};
Baseline robust_baseline(const std::vector<double>& values);

struct ExcessRule {
  double abs_min = 10;      // value must be at least this
  double abs_margin = 5;    // and this much above the median
  double rel_factor = 3;    // and this many times the median (when median > 0)
  double mad_k = 5;         // and median + k * 1.4826 * MAD
  std::size_t max_gap = 1;  // buckets of non-excess allowed inside one window
};

struct ExcessWindow {
  std::size_t first = 0, last = 0;  // inclusive bucket indexes
  double peak = 0, sum = 0;
};

bool is_excess(double v, const Baseline& b, const ExcessRule& r);
// Still above normal (not necessarily a spike): used to grow a spike's window
// to the whole episode, so a small tenant's thin incident is one window.
bool is_elevated(double v, const Baseline& b);
std::vector<ExcessWindow> excess_windows(const std::vector<double>& values, const Baseline& b, const ExcessRule& r);

}  // namespace idt
