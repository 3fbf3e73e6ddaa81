// Why: see world.h. Every draw comes from forks of one seed, in a fixed
// order, so the same (seed, users) gives the same tenant everywhere.
#include "synth/world.h"

#include <fmt/format.h>
#include <algorithm>
#include <set>

#include "synth/catalog.h"
#include "util/json_writer.h"

namespace idt::synth {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Public, non-reserved first octets (home broadband / offices; attack hosting).
constexpr int kHomeOctets[] = {24, 31,  37,  41,  46,  62,  68,  73,  77,  81,  86,  92,
                               98, 109, 122, 131, 145, 152, 176, 188, 195, 203, 212, 217};
constexpr int kHostingOctets[] = {45, 89, 138, 146, 165, 185, 193, 194};
constexpr int kAzureOctets[] = {20, 40, 52, 104};

std::string ipv4(Rng& rng, std::span<const int> first_octets) {
  std::string s = std::to_string(first_octets[rng.below(first_octets.size())]);
  s += '.';
  s += std::to_string(rng.below(256));
  s += '.';
  s += std::to_string(rng.below(256));
  s += '.';
  s += std::to_string(1 + rng.below(254));
  return s;
}

std::string ipv6(Rng& rng) {
  static constexpr std::string_view kPrefixes[] = {"2a01", "2a02", "2001", "2600", "2a00"};
  std::string s(kPrefixes[rng.below(std::size(kPrefixes))]);
  for (int i = 0; i < 3; ++i) {
    s += ':';
    std::uint32_t g = rng.below(0x10000);
    char buf[5];
    int n = 0;
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int d = (g >> shift) & 0xf;
      if (d || started || shift == 0) {
        buf[n++] = kHex[d];
        started = true;
      }
    }
    s.append(buf, n);
  }
  s += "::";
  s += std::to_string(1 + rng.below(9999));
  return s;
}

std::string json_literal(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace

void append_uuid(std::string& out, Rng& rng) {
  std::uint64_t a = rng.next(), b = rng.next();
  char buf[36];
  int n = 0;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) buf[n++] = '-';
    std::uint64_t word = i < 16 ? a : b;
    int nib = static_cast<int>((word >> ((15 - (i % 16)) * 4)) & 0xf);
    if (i == 12) nib = 4;              // version 4
    if (i == 16) nib = 8 | (nib & 3);  // RFC 4122 variant
    buf[n++] = kHex[nib];
  }
  out.append(buf, 36);
}

std::string make_uuid(Rng& rng) {
  std::string s;
  append_uuid(s, rng);
  return s;
}

World::World(std::uint64_t seed, std::uint32_t n_users) {
  Rng root(seed);
  Rng ip_rng = root.fork(101), user_rng = root.fork(102), sp_rng = root.fork(103);
  const auto city_tab = cities();

  std::vector<int> city_weights;
  for (const auto& c : city_tab) city_weights.push_back(c.home_weight);
  std::vector<int> device_weights;
  for (const auto& d : devices()) device_weights.push_back(d.weight);

  const auto firsts = first_names();
  const auto lasts = last_names();
  std::set<std::string> taken;
  users.reserve(n_users);
  cumulative_.reserve(n_users);
  std::uint64_t total = 0;
  for (std::uint32_t i = 0; i < n_users; ++i) {
    User u;
    const PersonName& f = firsts[user_rng.below(firsts.size())];
    const PersonName& l = lasts[user_rng.below(lasts.size())];
    u.display = std::string(f.display) + " " + std::string(l.display);
    std::string local = std::string(f.ascii) + "." + std::string(l.ascii);
    std::string upn = local + "@" + std::string(kDomain);
    for (int n = 2; taken.count(upn); ++n) upn = local + std::to_string(n) + "@" + std::string(kDomain);
    taken.insert(upn);
    u.upn = std::move(upn);
    u.id = make_uuid(user_rng);
    u.display_json = json_literal(u.display);
    u.upn_json = json_literal(u.upn);
    u.city = static_cast<int>(pick_weighted(user_rng, city_weights));
    u.device = static_cast<int>(pick_weighted(user_rng, device_weights));
    u.managed = devices()[u.device].managed;
    if (u.managed) {
      u.device_id = make_uuid(user_rng);
      static constexpr char kUpperHex[] = "0123456789ABCDEF";
      u.device_name = "CONTOSO-";
      for (int k = 0; k < 6; ++k) u.device_name += kUpperHex[user_rng.below(16)];
    }
    // Activity: most users are light, one in ten is heavy.
    std::uint64_t weight = 2 + user_rng.below(4);
    if (user_rng.below(10) == 0) weight += 10;
    total += weight;
    cumulative_.push_back(total);
    users.push_back(std::move(u));
  }

  // Office egress: one NAT address per ~150 users of a city (at least 2),
  // the way a site's traffic leaves through a few shared addresses.
  std::vector<std::uint32_t> per_city(city_tab.size(), 0);
  for (const auto& u : users) ++per_city[static_cast<std::size_t>(u.city)];
  office_ips_.resize(city_tab.size());
  for (std::size_t c = 0; c < city_tab.size(); ++c) {
    if (city_tab[c].home_weight == 0) continue;
    const std::uint32_t n = std::max<std::uint32_t>(2, per_city[c] / 150);
    for (std::uint32_t k = 0; k < n; ++k) {
      office_ips_[c].push_back(static_cast<std::uint32_t>(ips.size()));
      ips.push_back({ipv4(ip_rng, kHomeOctets), static_cast<int>(c), city_tab[c].asn});
    }
  }
  for (auto& u : users) {
    const auto& office = office_ips_[static_cast<std::size_t>(u.city)];
    u.office_ip = office[user_rng.below(office.size())];
    u.home_ip = static_cast<std::uint32_t>(ips.size());
    ips.push_back({user_rng.below(10) == 0 ? ipv6(ip_rng) : ipv4(ip_rng, kHomeOctets), u.city, city_tab[u.city].asn});
  }

  // Service principals (40) and managed identities (15) in Azure regions.
  const int dc_cities[] = {city_index("Dublin"), city_index("Amsterdam"), city_index("Redmond")};
  const auto parts_a = sp_name_parts_a();
  const auto parts_b = sp_name_parts_b();
  static constexpr std::string_view kMiKinds[] = {"vm", "func", "aks", "logic", "webapp"};
  static constexpr std::string_view kMiRegions[] = {"weu", "neu", "eus", "wus2"};
  for (int i = 0; i < 55; ++i) {
    ServicePrincipal sp;
    sp.managed_identity = i >= 40;
    const std::string num = fmt::format("{:03}", i);
    // Separate statements: operands of + may be evaluated in either order.
    if (!sp.managed_identity) {
      sp.name = parts_a[sp_rng.below(parts_a.size())];
      sp.name += "-";
      sp.name += parts_b[sp_rng.below(parts_b.size())];
    } else {
      sp.name = kMiKinds[sp_rng.below(std::size(kMiKinds))];
      sp.name += "-prod-";
      sp.name += kMiRegions[sp_rng.below(std::size(kMiRegions))];
    }
    sp.name += "-";
    sp.name += num;
    sp.app_id = make_uuid(sp_rng);
    sp.sp_id = make_uuid(sp_rng);
    sp.resource = static_cast<int>(sp_rng.below(sp_resources().size()));
    int city = dc_cities[sp_rng.below(3)];
    sp.ip = static_cast<std::uint32_t>(ips.size());
    ips.push_back({ipv4(ip_rng, kAzureOctets), city, 8075});
    sps.push_back(std::move(sp));
  }
}

std::uint32_t World::pick_active_user(Rng& rng) const {
  if (cumulative_.empty()) return 0;
  std::uint64_t r = static_cast<std::uint64_t>(rng.range(0, static_cast<std::int64_t>(cumulative_.back()) - 1));
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
  return static_cast<std::uint32_t>(it - cumulative_.begin());
}

std::uint32_t World::add_attacker_ips(Rng& rng, int city, int count) {
  std::uint32_t first = static_cast<std::uint32_t>(ips.size());
  const auto asns = hosting_asns();
  for (int i = 0; i < count; ++i) ips.push_back({ipv4(rng, kHostingOctets), city, asns[rng.below(asns.size())]});
  return first;
}

std::uint32_t World::add_account(std::string_view upn, std::string_view display) {
  User u = users.empty() ? User{} : users.front();  // same office, same managed device as user 0
  u.display = std::string(display);
  u.upn = std::string(upn);
  u.id = "00000000-0000-4000-8000-" +
         std::string(12 - std::min<std::size_t>(12, std::to_string(users.size()).size()), '0') +
         std::to_string(users.size());
  u.display_json = json_literal(u.display);
  u.upn_json = json_literal(u.upn);
  users.push_back(std::move(u));
  return static_cast<std::uint32_t>(users.size() - 1);
}

std::vector<std::uint32_t> World::users_in_region(std::string_view region) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < regular_users(); ++i)
    if (region.empty() || cities()[users[i].city].region == region) out.push_back(i);
  return out;
}

}  // namespace idt::synth
