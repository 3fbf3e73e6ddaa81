// Why: see plan.h. One interpreter for every scenario table: baseline
// traffic, then overrides of it, registration waves, bursts, tenant changes,
// background audit, tickets and health — each from its own RNG stream.
#include "synth/plan.h"

#include <algorithm>

#include "synth/catalog.h"

namespace idt::synth {
namespace {

constexpr Micros kSecond = kMicrosPerSecond;
constexpr Micros kMinute = 60 * kSecond;
constexpr Micros kDay = 1440 * kMinute;

// One RNG stream per (part, component, item): adding an episode never shifts
// the numbers drawn for another.
std::uint64_t stream(std::size_t part, int component, std::size_t item) {
  return 1000 + part * 4096 + static_cast<std::uint64_t>(component) * 512 + item;
}
// The same for the d-th day of a multi-day scenario (day 0 keeps the one-day streams).
std::uint64_t day_stream(std::size_t part, int component, std::size_t item, int day) {
  return day == 0 ? stream(part, component, item)
                  : 10'000'000 + static_cast<std::uint64_t>(day) * 100'000 + stream(part, component, item);
}

std::int64_t pick_code(Rng& rng, std::span<const CodeWeight> codes) {
  if (codes.empty()) return 0;
  std::int64_t total = 0;
  for (const auto& c : codes) total += c.weight;
  std::int64_t r = rng.range(0, total - 1);
  for (const auto& c : codes) {
    if (r < c.weight) return c.code;
    r -= c.weight;
  }
  return codes.back().code;
}

std::uint64_t scaled(std::uint32_t users, int per_10k, int minimum) {
  std::uint64_t n = static_cast<std::uint64_t>(users) * static_cast<std::uint64_t>(std::max(per_10k, 0)) / 10000;
  return std::max<std::uint64_t>(n, static_cast<std::uint64_t>(std::max(minimum, 0)));
}

class Planner {
 public:
  Planner(const Scenario& sc, World& world, std::uint64_t seed, Micros day)
      : sc_(sc), world_(world), root_(seed), day_(day) {
    plan_.day_start = day;
    for (const auto& a : apps()) {
      w_int_.push_back(a.w_interactive);
      w_non_.push_back(a.w_noninteractive);
    }
    mysignins_ = static_cast<std::uint16_t>(app_index("mysignins"));
  }

  Plan run() {
    pick_victim();
    for (auto upn : sc_.breakglass) {
      std::string display = "Emergency access " + std::to_string(plan_.accounts.size() + 1);
      plan_.accounts.push_back(world_.add_account(upn, display));
    }
    plan_.days = std::max(1, sc_.days);
    for (int d = 0; d < plan_.days; ++d)
      for (std::size_t p = 0; p < sc_.parts.size(); ++p)
        for (std::size_t i = 0; i < sc_.parts[p]->traffic.size(); ++i) traffic(p, i, d);
    baseline_end_ = plan_.signins.size();
    for (std::size_t p = 0; p < sc_.parts.size(); ++p)
      for (std::size_t i = 0; i < sc_.parts[p]->overrides.size(); ++i) override_(p, i);
    collect_replacements();
    for (std::size_t p = 0; p < sc_.parts.size(); ++p)
      for (std::size_t i = 0; i < sc_.parts[p]->registrations.size(); ++i) {
        const bool daily = sc_.parts[p]->registrations[i].baseline;
        for (int d = 0; d < (daily ? plan_.days : 1); ++d) registrations(p, i, d);
      }
    for (std::size_t p = 0; p < sc_.parts.size(); ++p)
      for (std::size_t i = 0; i < sc_.parts[p]->bursts.size(); ++i) burst(p, i);
    for (std::size_t p = 0; p < sc_.parts.size(); ++p) {
      const Part& part = *sc_.parts[p];
      for (std::size_t i = 0; i < part.changes.size(); ++i) change(p, i);
      for (std::size_t i = 0; i < part.audit_waves.size(); ++i) audit_wave(p, i);
      for (const auto& st : part.ca_states)
        plan_.ca_enforced.push_back({static_cast<std::uint8_t>(ca_policy_index(st.policy)),
                                     at_minute(day_, st.window.start_min), at_minute(day_, st.window.end_min)});
      for (int d = 0; d < plan_.days; ++d)
        for (std::size_t i = 0; i < part.traffic.size(); ++i) directory_noise(p, i, d);
      for (std::size_t i = 0; i < part.tickets.size(); ++i) {
        const bool daily = part.tickets[i].business_hours;
        for (int d = 0; d < (daily ? plan_.days : 1); ++d) tickets(p, i, d);
      }
      for (const auto& h : part.health) plan_.health.push_back(&h);
    }
    auto by_time = [](const auto& a, const auto& b) { return a.t != b.t ? a.t < b.t : a.seq < b.seq; };
    std::sort(plan_.signins.begin(), plan_.signins.end(), by_time);
    std::sort(plan_.audits.begin(), plan_.audits.end(), by_time);
    std::sort(plan_.tickets.begin(), plan_.tickets.end(), by_time);
    return std::move(plan_);
  }

 private:
  std::uint32_t n_users() const { return world_.regular_users(); }

  Micros day_of(int d) const { return day_ + static_cast<Micros>(d) * kDay; }
  // 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
  int weekday(int d) const {
    std::int64_t days = (day_of(d) >= 0 ? day_of(d) / kDay : (day_of(d) - kDay + 1) / kDay);
    return static_cast<int>(((days + 4) % 7 + 7) % 7);
  }

  Micros local_time(Rng& rng, std::span<const int> hours, int tz_minutes, int d = 0) const {
    // One draw per statement: the order of operands is unspecified in C++,
    // and a compiler that evaluates them the other way round would shift
    // every later number (and every byte of output).
    const Micros hour = static_cast<Micros>(pick_weighted(rng, hours));
    const Micros local = hour * 60 * kMinute + rng.range(0, 60 * kMinute - 1);
    Micros utc = (local - static_cast<Micros>(tz_minutes) * kMinute) % kDay;
    if (utc < 0) utc += kDay;
    return day_of(d) + utc;
  }
  Micros in_window(Rng& rng, Window w) const {
    return rng.range(at_minute(day_, w.start_min), at_minute(day_, w.end_min) - 1);
  }
  bool inside(Micros t, Window w) const { return t >= at_minute(day_, w.start_min) && t < at_minute(day_, w.end_min); }
  Micros clamp_to(Micros t, Window w) const { return std::min(t, at_minute(day_, w.end_min) - 1); }

  std::uint32_t user_ip(Rng& rng, std::uint32_t user) const {
    const User& u = world_.users[user];
    return rng.percent(55) ? u.office_ip : u.home_ip;
  }

  SigninEv& add_signin(Micros t, std::uint32_t user, std::uint16_t app, std::int64_t code, SigninKind kind,
                       std::uint32_t ip, Rng& rng) {
    SigninEv e;
    e.t = t;
    e.seq = seq_++;
    e.who = user;
    e.app = app;
    e.code = static_cast<std::int32_t>(code);
    e.kind = kind;
    e.ip = ip;
    if (code == 500121) e.mfa_detail = static_cast<std::uint8_t>(rng.below(mfa_denial_details().size()));
    if (code == 53010) e.ca_policy = static_cast<std::uint8_t>(ca_policy_index("registration_trusted"));
    plan_.signins.push_back(e);
    return plan_.signins.back();
  }

  void add_audit(Micros t, AuditType type, std::uint32_t user, std::uint32_t ip, std::uint16_t detail,
                 std::uint64_t corr, const AuditChange* change = nullptr) {
    AuditEv e;
    e.t = t;
    e.seq = seq_++;
    e.type = type;
    e.user = user;
    e.ip = ip;
    e.detail = detail;
    e.corr = corr;
    e.change = change;
    plan_.audits.push_back(e);
  }

  EpisodeCount& episode(std::size_t part, std::string_view kind, std::string_view label, Window w) {
    plan_.episodes.push_back({std::string(sc_.parts[part]->name), std::string(kind), std::string(label), w});
    return plan_.episodes.back();
  }

  void pick_victim() {
    Rng rng = root_.fork(7);
    auto pool = world_.users_in_region(sc_.victim_region);
    if (pool.empty()) pool = world_.users_in_region("");
    plan_.victim = pool.empty() ? 0 : pool[rng.below(pool.size())];
  }

  // ---- baseline traffic
  void traffic(std::size_t p, std::size_t i, int d) {
    const Traffic& tr = sc_.parts[p]->traffic[i];
    Rng rng = root_.fork(day_stream(p, 0, i, d));
    const bool weekend = weekday(d) == 0 || weekday(d) == 6;
    const std::uint64_t total = static_cast<std::uint64_t>(n_users()) * tr.signins_per_user *
                                static_cast<std::uint64_t>(weekend ? tr.weekend_pct : 100) / 100;
    const std::uint64_t n_int = total * tr.interactive_pct / 100;
    const std::uint64_t n_non = total * tr.noninteractive_pct / 100;
    const std::uint64_t n_sp = total - std::min(total, n_int + n_non);
    const std::uint8_t block_policy = static_cast<std::uint8_t>(ca_policy_index(tr.ca_block_policy));
    const std::int8_t block_client =
        tr.ca_block_client.empty() ? std::int8_t{-1} : static_cast<std::int8_t>(other_client_index(tr.ca_block_client));
    EpisodeCount& ec = episode(p, "traffic", "baseline sign-ins", {0, 1440});
    const std::size_t s0 = plan_.signins.size();
    plan_.signins.reserve(plan_.signins.size() + total + total / 8);
    auto user_records = [&](std::uint64_t n, SigninKind kind, std::span<const int> app_w, std::span<const int> hours,
                            std::span<const CodeWeight> codes) {
      for (std::uint64_t k = 0; k < n; ++k) {
        std::uint32_t user = world_.pick_active_user(rng);
        auto app = static_cast<std::uint16_t>(pick_weighted(rng, app_w));
        std::int64_t code = pick_code(rng, apps()[app].security_info ? tr.portal_codes : codes);
        Micros t = local_time(rng, hours, cities()[world_.users[user].city].tz_minutes, d);
        SigninEv& e = add_signin(t, user, app, code, kind, user_ip(rng, user), rng);
        if (code == 53003) {
          e.ca_policy = block_policy;
          e.client = block_client;
        }
      }
    };
    user_records(n_int, SigninKind::interactive, w_int_, interactive_hours(), tr.interactive_codes);
    user_records(n_non, SigninKind::non_interactive, w_non_, noninteractive_hours(), tr.noninteractive_codes);
    for (std::uint64_t k = 0; k < n_sp; ++k) {
      std::uint32_t sp = rng.below(world_.sps.size());
      const ServicePrincipal& s = world_.sps[sp];
      Micros t = day_of(d) + rng.range(0, kDay - 1);
      add_signin(t, sp, 0, pick_code(rng, tr.sp_codes),
                 s.managed_identity ? SigninKind::managed_identity : SigninKind::service_principal, s.ip, rng);
    }
    ec.signins = plan_.signins.size() - s0;
  }

  bool app_listed(std::span<const std::string_view> keys, std::uint16_t app) const {
    for (auto k : keys)
      if (apps()[app].key == k) return true;
    return false;
  }

  bool category_matches(Cat c, SigninKind k) const {
    switch (c) {
      case Cat::interactive:
        return k == SigninKind::interactive;
      case Cat::non_interactive:
        return k == SigninKind::non_interactive;
      case Cat::both:
        return k == SigninKind::interactive || k == SigninKind::non_interactive;
    }
    return false;
  }

  // ---- baseline rewritten in place
  void override_(std::size_t p, std::size_t i) {
    const SigninOverride& o = sc_.parts[p]->overrides[i];
    Rng rng = root_.fork(stream(p, 1, i));
    const std::uint8_t policy =
        o.ca_policy.empty() ? kNoPolicy : static_cast<std::uint8_t>(ca_policy_index(o.ca_policy));
    EpisodeCount& ec = episode(p, "override", o.label, o.window);
    for (std::size_t k = 0; k < baseline_end_; ++k) {
      SigninEv& e = plan_.signins[k];
      if (!category_matches(o.category, e.kind) || !inside(e.t, o.window)) continue;
      if (!o.apps.empty() && !app_listed(o.apps, e.app)) continue;
      if (o.devices == Devices::unmanaged && world_.users[e.who].managed) continue;
      if (!rng.percent(o.percent)) continue;
      e.code = static_cast<std::int32_t>(pick_code(rng, o.codes));
      e.ca_policy = e.code == 53003 ? policy : kNoPolicy;
      if (e.code == 500121) e.mfa_detail = static_cast<std::uint8_t>(rng.below(mfa_denial_details().size()));
      ++ec.signins;
    }
  }

  // ---- registration waves
  struct Replacement {
    Window window;
    std::string_view region;
  };
  void collect_replacements() {
    for (const Part* part : sc_.parts)
      for (const auto& w : part->registrations)
        if (w.replaces_baseline && !w.baseline) replaced_.push_back({w.window, w.region});
  }
  // A baseline attempt is dropped when it would still be running (up to 10
  // minutes) inside a window whose wave replaces it.
  bool replaced(Micros t, std::uint32_t user) const {
    for (const auto& r : replaced_)
      if (t + 10 * kMinute > at_minute(day_, r.window.start_min) && t < at_minute(day_, r.window.end_min) &&
          (r.region.empty() || cities()[world_.users[user].city].region == r.region))
        return true;
    return false;
  }

  void registrations(std::size_t p, std::size_t i, int d) {
    const RegistrationWave& w = sc_.parts[p]->registrations[i];
    Rng rng = root_.fork(day_stream(p, 2, i, d));
    EpisodeCount& ec = episode(p, w.baseline ? "baseline_registrations" : "registrations", w.label, w.window);
    std::vector<std::uint32_t> pool = world_.users_in_region(w.region);
    std::uint64_t n = std::min<std::uint64_t>(scaled(n_users(), w.per_10k_users, w.min_attempts), pool.size());
    const std::size_t s0 = plan_.signins.size(), a0 = plan_.audits.size();
    for (std::uint64_t k = 0; k < n; ++k) {
      // Distinct users: partial Fisher–Yates over the pool.
      std::size_t j = k + rng.below(pool.size() - k);
      std::swap(pool[k], pool[j]);
      std::uint32_t user = pool[k];
      Micros t = w.baseline ? local_time(rng, interactive_hours(), cities()[world_.users[user].city].tz_minutes, d)
                            : in_window(rng, w.window);
      if (w.baseline && replaced(t, user)) continue;
      attempt(rng, w, user, t);
    }
    ec.signins = plan_.signins.size() - s0;
    ec.audit = plan_.audits.size() - a0;
  }

  void attempt(Rng& rng, const RegistrationWave& w, std::uint32_t user, Micros t) {
    const std::uint64_t corr = rng.next() | 1;
    const std::uint32_t ip = user_ip(rng, user);
    const auto method = static_cast<std::uint16_t>(rng.below(registration_methods().size()));
    const Window clamp = w.baseline ? Window{-1440, 2880} : w.window;
    if (w.interrupt_code != 0) {
      auto app = static_cast<std::uint16_t>(pick_weighted(rng, w_int_));
      if (apps()[app].security_info) app = static_cast<std::uint16_t>(app_index("office"));
      add_signin(t - rng.range(5 * kSecond, 40 * kSecond), user, app, w.interrupt_code, SigninKind::interactive, ip,
                 rng);
    }
    const int outcome_w[] = {w.completed, w.cancelled, w.abandoned, w.blocked};
    const std::size_t outcome = pick_weighted(rng, outcome_w);
    if (outcome == 3) {  // blocked at sign-in: no registration starts
      const int tries = 1 + static_cast<int>(rng.below(std::max(1, w.max_errors_per_attempt)));
      Micros tt = t;
      for (int k = 0; k < tries; ++k) {
        add_signin(clamp_to(tt, clamp), user, mysignins_, pick_code(rng, w.block_codes), SigninKind::interactive, ip,
                   rng)
            .corr = corr;
        tt += rng.range(20 * kSecond, 120 * kSecond);
      }
      return;
    }
    add_signin(t, user, mysignins_, 0, SigninKind::interactive, ip, rng).corr = corr;
    add_audit(t + rng.range(5 * kSecond, 40 * kSecond), AuditType::reg_started, user, ip, method, corr);
    switch (outcome) {
      case 0: {
        Micros tc = t + rng.range(60 * kSecond, 300 * kSecond);
        if (rng.percent(w.mfa_fail_pct)) {
          SigninEv& e = add_signin(tc - rng.range(20 * kSecond, 50 * kSecond), user, mysignins_, 500121,
                                   SigninKind::interactive, ip, rng);
          e.mfa_detail = 1;  // the approval never arrived / timed out
          e.corr = corr;
        }
        add_audit(tc, AuditType::reg_registered, user, ip, method, corr);
        if (rng.percent(40))
          add_audit(tc + rng.range(2 * kSecond, 10 * kSecond), AuditType::reg_registered_all, user, ip, method, corr);
        break;
      }
      case 1:
        add_audit(t + rng.range(30 * kSecond, 200 * kSecond), AuditType::reg_cancelled, user, ip, method, corr);
        break;
      default: {  // abandoned
        if (!w.portal_errors.empty()) {
          const int errors = 1 + static_cast<int>(rng.below(std::max(1, w.max_errors_per_attempt)));
          for (int k = 0; k < errors; ++k) {
            const Micros te = clamp_to(t + rng.range(10 * kSecond, 600 * kSecond), clamp);
            const std::int64_t code = pick_code(rng, w.portal_errors);
            add_signin(te, user, mysignins_, code, SigninKind::interactive, ip, rng).corr = corr;
          }
        }
        if (w.retry_later_pct > 0 && rng.percent(w.retry_later_pct)) {
          const std::uint64_t corr2 = rng.next() | 1;
          Micros tr = in_window(rng, w.retry_window);
          add_signin(tr, user, mysignins_, 0, SigninKind::interactive, ip, rng).corr = corr2;
          add_audit(tr + rng.range(5 * kSecond, 40 * kSecond), AuditType::reg_started, user, ip, method, corr2);
          add_audit(tr + rng.range(60 * kSecond, 300 * kSecond), AuditType::reg_registered, user, ip, method, corr2);
        }
      }
    }
  }

  // ---- injected sign-ins
  void burst(std::size_t p, std::size_t i) {
    const SigninBurst& b = sc_.parts[p]->bursts[i];
    Rng rng = root_.fork(stream(p, 3, i));
    EpisodeCount& ec = episode(p, "burst", b.label, b.window);
    const std::size_t s0 = plan_.signins.size();

    std::uint32_t first_ip = 0;
    int n_ips = 0;
    if (b.from == From::attacker) {
      n_ips = std::max(1, b.attacker_ips);
      int city = city_index(b.attacker_city);
      first_ip = world_.add_attacker_ips(rng, city < 0 ? 0 : city, n_ips);
    }
    const std::int8_t client =
        b.attack_client.empty() ? std::int8_t{-1} : static_cast<std::int8_t>(other_client_index(b.attack_client));

    // Who signs in, in order.
    std::vector<std::uint32_t> who;
    if (b.who == Who::distinct_users) {
      std::vector<std::uint32_t> pool = world_.users_in_region("");
      std::uint64_t k = std::min<std::uint64_t>(scaled(n_users(), b.users_per_10k, b.min_users), pool.size());
      for (std::uint64_t a = 0; a < k; ++a) {
        std::size_t j = a + rng.below(pool.size() - a);
        std::swap(pool[a], pool[j]);
        who.push_back(pool[a]);
        if (b.records_per_user > 0) {
          for (int r = 1; r < b.records_per_user; ++r) who.push_back(pool[a]);
        } else if (rng.percent(30)) {
          who.push_back(pool[a]);  // a second try for some
        }
      }
    } else if (b.who == Who::account) {
      std::uint64_t n = std::max(1, b.min_records);
      if (static_cast<std::size_t>(b.account) < plan_.accounts.size())
        for (std::uint64_t a = 0; a < n; ++a) who.push_back(plan_.accounts[static_cast<std::size_t>(b.account)]);
    } else {
      std::uint64_t n = scaled(n_users(), b.per_10k_users, b.min_records);
      for (std::uint64_t a = 0; a < n; ++a) who.push_back(b.who == Who::victim ? plan_.victim : rng.below(n_users()));
    }

    const Micros from = at_minute(day_, b.window.start_min), to = at_minute(day_, b.window.end_min);
    // The final record (if any) gets the window's last minute to itself.
    const Micros span = (to - from) - (b.final_code >= 0 ? std::min<Micros>(kMinute, (to - from) / 2) : 0);
    const Micros step = who.empty() ? 0 : span / static_cast<Micros>(who.size());
    std::uint16_t app = 0;
    std::uint32_t ip = 0;
    std::uint32_t user = 0;
    SigninKind kind = SigninKind::interactive;
    for (std::size_t a = 0; a < who.size(); ++a) {
      user = who[a];
      // A victim's prompts come at a steady pace; everything else is scattered.
      Micros t = b.who == Who::victim ? from + static_cast<Micros>(a) * step + rng.range(0, step / 2)
                                      : rng.range(from, to - 1);
      if (b.apps.empty()) {
        app = static_cast<std::uint16_t>(pick_weighted(rng, w_int_));
      } else {
        app = static_cast<std::uint16_t>(app_index(b.apps[rng.below(b.apps.size())]));
      }
      ip = n_ips > 0 ? first_ip + rng.below(static_cast<std::uint64_t>(n_ips)) : user_ip(rng, user);
      kind = b.category == Cat::non_interactive ? SigninKind::non_interactive
             : b.category == Cat::both ? (rng.percent(50) ? SigninKind::interactive : SigninKind::non_interactive)
                                       : SigninKind::interactive;
      SigninEv& e = add_signin(t, user, app, pick_code(rng, b.codes), kind, ip, rng);
      e.client = client;
    }
    if (b.final_code >= 0 && !who.empty()) {
      SigninEv& e =
          add_signin(from + span + rng.range(0, (to - from - span) / 2), user, app, b.final_code, kind, ip, rng);
      e.client = client;
    }
    ec.signins = plan_.signins.size() - s0;
  }

  // ---- tenant changes and background audit
  void change(std::size_t p, std::size_t i) {
    const AuditChange& c = sc_.parts[p]->changes[i];
    Rng rng = root_.fork(stream(p, 4, i));
    EpisodeCount& ec = episode(p, "change", c.label, {c.at_min, c.at_min + 1});
    const Micros t = at_minute(day_, c.at_min) + rng.range(0, 59 * kSecond);
    const std::uint64_t corr = rng.next() | 1;
    add_audit(t, AuditType::change, 0, 0, static_cast<std::uint16_t>(c.admin), corr, &c);
    ec.audit = 1;
  }

  void audit_wave(std::size_t p, std::size_t i) {
    const AuditWave& w = sc_.parts[p]->audit_waves[i];
    Rng rng = root_.fork(stream(p, 7, i));
    EpisodeCount& ec = episode(p, "audit_wave", w.label, w.window);
    std::uint16_t act = 0;
    for (std::size_t k = 0; k < background_audit().size(); ++k)
      if (background_audit()[k].activity == w.activity) act = static_cast<std::uint16_t>(k);
    std::vector<std::uint32_t> pool = world_.users_in_region("");
    const std::uint64_t n = std::min<std::uint64_t>(scaled(n_users(), w.per_10k_users, w.min_events), pool.size());
    for (std::uint64_t k = 0; k < n; ++k) {
      std::size_t j = k + rng.below(pool.size() - k);
      std::swap(pool[k], pool[j]);
      const std::uint32_t user = pool[k];
      const Micros t = in_window(rng, w.window);
      const std::uint32_t ip = user_ip(rng, user);
      add_audit(t, AuditType::background, user, ip, act, rng.next() | 1);
    }
    ec.audit = n;
  }

  void directory_noise(std::size_t p, std::size_t i, int d) {
    const Traffic& tr = sc_.parts[p]->traffic[i];
    Rng rng = root_.fork(day_stream(p, 5, i, d));
    EpisodeCount& ec = episode(p, "background_audit", "directory activity", {0, 1440});
    std::vector<int> weights;
    for (const auto& a : background_audit()) weights.push_back(a.weight);
    const std::uint64_t n = scaled(n_users(), tr.background_audit_per_10k_users, 0);
    for (std::uint64_t k = 0; k < n; ++k) {
      std::uint32_t user = rng.below(n_users());
      auto act = static_cast<std::uint16_t>(pick_weighted(rng, weights));
      Micros t = local_time(rng, interactive_hours(), cities()[world_.users[user].city].tz_minutes, d);
      const std::uint32_t ip = user_ip(rng, user);
      const std::uint64_t corr = rng.next() | 1;
      add_audit(t, AuditType::background, user, ip, act, corr);
    }
    ec.audit = n;
  }

  // ---- help-desk tickets
  void tickets(std::size_t p, std::size_t i, int d) {
    const TicketWave& w = sc_.parts[p]->tickets[i];
    Rng rng = root_.fork(day_stream(p, 6, i, d));
    EpisodeCount& ec = episode(p, "tickets", w.label, w.window);
    std::uint64_t n = scaled(n_users(), w.per_10k_users, w.min_tickets);
    if (w.max_tickets > 0) n = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(w.max_tickets));
    if (w.templates.empty()) n = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      TicketEv e;
      e.user = w.who == TicketWho::victim ? plan_.victim : rng.below(n_users());
      e.tpl = &w.templates[rng.below(w.templates.size())];
      e.t = w.business_hours ? local_time(rng, work_hours(), cities()[world_.users[e.user].city].tz_minutes, d)
                             : in_window(rng, w.window);
      // Older tickets are further along.
      const bool old = day_of(plan_.days - 1) + kDay - e.t > 8 * 60 * kMinute;
      const int state_w_old[] = {5, 20, 10, 40, 25};
      const int state_w_new[] = {55, 35, 10, 0, 0};
      e.state = static_cast<std::uint8_t>(
          pick_weighted(rng, old ? std::span<const int>(state_w_old) : std::span<const int>(state_w_new)));
      e.seq = seq_++;
      plan_.tickets.push_back(e);
    }
    ec.tickets = n;
  }

  const Scenario& sc_;
  World& world_;
  Rng root_;
  Micros day_;
  Plan plan_;
  std::uint32_t seq_ = 0;
  std::size_t baseline_end_ = 0;
  std::vector<int> w_int_, w_non_;
  std::uint16_t mysignins_ = 0;
  std::vector<Replacement> replaced_;
};

}  // namespace

Plan make_plan(const Scenario& sc, World& world, std::uint64_t seed, Micros day_start) {
  return Planner(sc, world, seed, day_start).run();
}

}  // namespace idt::synth
