// Why: the synthetic tenant — users with a home city, device and IPs,
// service principals, office/home/attacker IP pools — built once from the
// seed, with every string already in its JSON form so writers only copy.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/rng.h"

namespace idt::synth {

struct User {
  std::string display;                 // UTF-8, e.g. "Chloé Dubois"
  std::string upn, id;                 // "chloe.dubois@contoso.com", object id (uuid)
  std::string display_json, upn_json;  // quoted, escaped JSON literals
  int city = 0, device = 0;
  std::uint32_t office_ip = 0, home_ip = 0;
  std::string device_id, device_name;  // empty when the device is unmanaged
  bool managed = false;
};

struct IpAddr {
  std::string addr;
  int city = 0;
  int asn = 0;
};

struct ServicePrincipal {
  std::string name, app_id, sp_id;
  int resource = 0;  // catalog sp_resources index
  std::uint32_t ip = 0;
  bool managed_identity = false;
};

class World {
 public:
  World(std::uint64_t seed, std::uint32_t n_users);

  std::vector<User> users;
  std::vector<IpAddr> ips;
  std::vector<ServicePrincipal> sps;

  // Draw a user weighted by activity (heavy users sign in more often).
  std::uint32_t pick_active_user(Rng& rng) const;
  // Adds `count` attacker IPs located in `city` (hosting ASNs), returns the first index.
  std::uint32_t add_attacker_ips(Rng& rng, int city, int count);
  // Users whose home city is in `region` ("" = everyone), in index order
  // (regular users only, never the accounts added below).
  std::vector<std::uint32_t> users_in_region(std::string_view region) const;
  // Adds an account outside the regular users (a break-glass account): it
  // gets no everyday traffic, only what a scenario gives it. Returns its index.
  std::uint32_t add_account(std::string_view upn, std::string_view display);
  std::uint32_t regular_users() const { return static_cast<std::uint32_t>(cumulative_.size()); }
  // Where the admins work from (the first office address of the first city).
  std::uint32_t admin_ip() const { return office_ips_.front().front(); }

 private:
  std::vector<std::uint64_t> cumulative_;               // activity weights, prefix sums
  std::vector<std::vector<std::uint32_t>> office_ips_;  // per city
};

// 128 random bits as a lower-case version-4 uuid.
void append_uuid(std::string& out, Rng& rng);
std::string make_uuid(Rng& rng);

}  // namespace idt::synth
