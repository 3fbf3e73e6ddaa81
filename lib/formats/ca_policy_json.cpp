// Why: see ca_policy_json.h. Small configuration files, so the simdjson DOM
// API (whole document at once) keeps this simple; keys are matched without
// regard to case so Graph camelCase and SDK PascalCase read the same.
#include "formats/ca_policy_json.h"

#include <simdjson.h>

#include "util/text.h"

namespace idt {
namespace {

namespace dom = simdjson::dom;

struct Ctx {
  std::string_view file;
  std::string where;  // "policy 'X' (item 2)"
  std::string fail;   // first error
  std::vector<std::string>* warnings = nullptr;
  bool error(std::string_view path, std::string_view msg) {
    if (fail.empty()) fail = std::string(file) + ": " + where + ": " + std::string(path) + ": " + std::string(msg);
    return false;
  }
};

// Case-insensitive field lookup; OData annotations ("x@odata.type") never match a plain name.
bool field(dom::object o, std::string_view key, dom::element& out) {
  for (auto [k, v] : o)
    if (iequals(k, key)) {
      out = v;
      return true;
    }
  return false;
}

bool is_null(dom::element e) { return e.type() == dom::element_type::NULL_VALUE; }

std::string_view string_or_empty(dom::object o, std::string_view key) {
  dom::element e;
  if (!field(o, key, e)) return {};
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

// A list of strings; null or missing is empty. Anything else is an error.
bool read_list(Ctx& c, dom::object o, std::string_view key, std::string_view path, CaList& out) {
  dom::element e;
  if (!field(o, key, e) || is_null(e)) return true;
  dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return c.error(path, "expected a list of strings");
  std::size_t i = 0;
  for (dom::element v : a) {
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS)
      return c.error(std::string(path) + "[" + std::to_string(i) + "]", "expected a string");
    out.emplace_back(trim(s));
    ++i;
  }
  return true;
}

bool object_or_null(Ctx& c, dom::object parent, std::string_view key, std::string_view path, dom::object& out,
                    bool& present) {
  dom::element e;
  present = false;
  if (!field(parent, key, e) || is_null(e)) return true;
  if (e.get_object().get(out) != simdjson::SUCCESS) return c.error(path, "expected an object or null");
  present = true;
  return true;
}

bool set_non_null(dom::object o, std::string_view key) {
  dom::element e;
  if (!field(o, key, e) || is_null(e)) return false;
  // An empty list is "not configured" too.
  dom::array a;
  if (e.get_array().get(a) == simdjson::SUCCESS) return a.size() > 0;
  return true;
}

CaState parse_state(std::string_view s) {
  if (iequals(s, "enabled")) return CaState::enabled;
  if (iequals(s, "disabled")) return CaState::disabled;
  if (iequals(s, "enabledForReportingButNotEnforced")) return CaState::report_only;
  return CaState::unknown;
}

bool read_policy(Ctx& c, dom::object o, CaPolicyDef& p) {
  p.id = std::string(string_or_empty(o, "id"));
  p.display_name = std::string(string_or_empty(o, "displayName"));
  p.template_id = std::string(string_or_empty(o, "templateId"));
  p.state_raw = std::string(string_or_empty(o, "state"));
  p.state = parse_state(p.state_raw);
  if (auto t = parse_iso8601(string_or_empty(o, "createdDateTime"))) p.created = *t;
  if (auto t = parse_iso8601(string_or_empty(o, "modifiedDateTime"))) p.modified = *t;
  if (p.state == CaState::unknown)
    c.warnings->push_back(std::string(c.file) + ": " + c.where + ": state '" + p.state_raw +
                          "' is not enabled, disabled or enabledForReportingButNotEnforced");
  bool present = false;
  dom::object cond;
  if (!object_or_null(c, o, "conditions", "conditions", cond, present)) return false;
  if (!present) return c.error("conditions", "missing: a policy without conditions cannot be evaluated");
  CaConditions& k = p.conditions;
  dom::object users;
  if (!object_or_null(c, cond, "users", "conditions.users", users, present)) return false;
  if (present) {
    if (!read_list(c, users, "includeUsers", "conditions.users.includeUsers", k.include_users) ||
        !read_list(c, users, "excludeUsers", "conditions.users.excludeUsers", k.exclude_users) ||
        !read_list(c, users, "includeGroups", "conditions.users.includeGroups", k.include_groups) ||
        !read_list(c, users, "excludeGroups", "conditions.users.excludeGroups", k.exclude_groups) ||
        !read_list(c, users, "includeRoles", "conditions.users.includeRoles", k.include_roles) ||
        !read_list(c, users, "excludeRoles", "conditions.users.excludeRoles", k.exclude_roles))
      return false;
    k.include_guests_object = set_non_null(users, "includeGuestsOrExternalUsers");
    k.exclude_guests_object = set_non_null(users, "excludeGuestsOrExternalUsers");
  }
  dom::object apps;
  if (!object_or_null(c, cond, "applications", "conditions.applications", apps, present)) return false;
  if (present) {
    if (!read_list(c, apps, "includeApplications", "conditions.applications.includeApplications", k.include_apps) ||
        !read_list(c, apps, "excludeApplications", "conditions.applications.excludeApplications", k.exclude_apps) ||
        !read_list(c, apps, "includeUserActions", "conditions.applications.includeUserActions",
                   k.include_user_actions) ||
        !read_list(c, apps, "includeAuthenticationContextClassReferences",
                   "conditions.applications.includeAuthenticationContextClassReferences", k.include_auth_contexts))
      return false;
    k.app_filter = set_non_null(apps, "applicationFilter");
  }
  if (!read_list(c, cond, "clientAppTypes", "conditions.clientAppTypes", k.client_app_types)) return false;
  dom::object loc;
  if (!object_or_null(c, cond, "locations", "conditions.locations", loc, k.locations)) return false;
  if (k.locations &&
      (!read_list(c, loc, "includeLocations", "conditions.locations.includeLocations", k.include_locations) ||
       !read_list(c, loc, "excludeLocations", "conditions.locations.excludeLocations", k.exclude_locations)))
    return false;
  dom::object plat;
  if (!object_or_null(c, cond, "platforms", "conditions.platforms", plat, k.platforms)) return false;
  if (k.platforms &&
      (!read_list(c, plat, "includePlatforms", "conditions.platforms.includePlatforms", k.include_platforms) ||
       !read_list(c, plat, "excludePlatforms", "conditions.platforms.excludePlatforms", k.exclude_platforms)))
    return false;
  if (!read_list(c, cond, "signInRiskLevels", "conditions.signInRiskLevels", k.sign_in_risk) ||
      !read_list(c, cond, "userRiskLevels", "conditions.userRiskLevels", k.user_risk) ||
      !read_list(c, cond, "servicePrincipalRiskLevels", "conditions.servicePrincipalRiskLevels",
                 k.service_principal_risk))
    return false;
  // insiderRiskLevels is a flags string in Graph ("minor,moderate"), not a list.
  dom::element ir;
  if (field(cond, "insiderRiskLevels", ir) && !is_null(ir)) {
    std::string_view s;
    if (ir.get_string().get(s) == simdjson::SUCCESS) {
      for (std::string_view rest = s; !rest.empty();) {
        std::size_t comma = rest.find(',');
        std::string_view part = trim(rest.substr(0, comma));
        if (!part.empty()) k.insider_risk.emplace_back(part);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      }
    } else if (!read_list(c, cond, "insiderRiskLevels", "conditions.insiderRiskLevels", k.insider_risk)) {
      return false;
    }
  }
  for (std::string_view other :
       {"devices", "deviceStates", "times", "clientApplications", "agents", "authenticationFlows"})
    if (set_non_null(cond, other)) k.other.emplace_back(other);

  dom::object grant;
  if (!object_or_null(c, o, "grantControls", "grantControls", grant, p.grant.present)) return false;
  if (p.grant.present) {
    std::string_view op = string_or_empty(grant, "operator");
    if (!op.empty()) p.grant.op = std::string(op);
    if (!read_list(c, grant, "builtInControls", "grantControls.builtInControls", p.grant.built_in)) return false;
    CaList tmp;
    if (!read_list(c, grant, "customAuthenticationFactors", "grantControls.customAuthenticationFactors", tmp))
      return false;
    p.grant.custom_factors = tmp.size();
    tmp.clear();
    if (!read_list(c, grant, "termsOfUse", "grantControls.termsOfUse", tmp)) return false;
    p.grant.terms_of_use = tmp.size();
    p.grant.authentication_strength = set_non_null(grant, "authenticationStrength");
  }
  p.session_controls = set_non_null(o, "sessionControls");
  return true;
}

bool read_location(Ctx& c, dom::object o, std::string_view odata, NamedLocation& l) {
  l.id = std::string(string_or_empty(o, "id"));
  l.display_name = std::string(string_or_empty(o, "displayName"));
  l.odata_type = std::string(odata);
  dom::element e;
  if (field(o, "isTrusted", e)) {
    bool b = false;
    if (e.get_bool().get(b) == simdjson::SUCCESS) l.is_trusted = b;
  }
  bool has_ranges = field(o, "ipRanges", e) && !is_null(e);
  bool has_countries = field(o, "countriesAndRegions", e) && !is_null(e);
  if (has_ranges || icontains(odata, "ipNamedLocation")) {
    l.kind = NamedLocationKind::ip;
    dom::element r;
    if (field(o, "ipRanges", r) && !is_null(r)) {
      dom::array a;
      if (r.get_array().get(a) != simdjson::SUCCESS) return c.error("ipRanges", "expected a list");
      std::size_t i = 0;
      for (dom::element item : a) {
        std::string path = "ipRanges[" + std::to_string(i++) + "]";
        dom::object ro;
        std::string_view cidr;
        if (item.get_object().get(ro) == simdjson::SUCCESS)
          cidr = string_or_empty(ro, "cidrAddress");
        else if (item.get_string().get(cidr) != simdjson::SUCCESS)
          return c.error(path, "expected {\"cidrAddress\":…}");
        auto range = parse_cidr(trim(cidr));
        if (!range) return c.error(path, "'" + std::string(cidr) + "' is not an IPv4 or IPv6 CIDR range");
        l.ranges.push_back(*range);
        l.range_texts.emplace_back(trim(cidr));
      }
    }
  } else if (has_countries || icontains(odata, "countryNamedLocation")) {
    l.kind = NamedLocationKind::country;
    if (!read_list(c, o, "countriesAndRegions", "countriesAndRegions", l.countries)) return false;
    if (field(o, "includeUnknownCountriesAndRegions", e)) {
      bool b = false;
      if (e.get_bool().get(b) == simdjson::SUCCESS) l.include_unknown_countries = b;
    }
    l.country_lookup = std::string(string_or_empty(o, "countryLookupMethod"));
  } else if (icontains(odata, "compliantNetworkNamedLocation")) {
    l.kind = NamedLocationKind::compliant_network;
  }
  return true;
}

enum class ItemKind { policy, location, other };

ItemKind classify_item(dom::object o, std::string_view& odata) {
  odata = string_or_empty(o, "@odata.type");
  if (icontains(odata, "NamedLocation")) return ItemKind::location;
  if (icontains(odata, "conditionalAccessPolicy")) return ItemKind::policy;
  dom::element e;
  if (field(o, "conditions", e) || field(o, "grantControls", e)) return ItemKind::policy;
  if (field(o, "ipRanges", e) || field(o, "countriesAndRegions", e)) return ItemKind::location;
  return ItemKind::other;
}

bool read_item(Ctx& c, dom::element item, std::size_t index, CaPolicySet& out, CaReadReport& rep) {
  dom::object o;
  std::string item_name = "item " + std::to_string(index + 1);
  if (item.get_object().get(o) != simdjson::SUCCESS) {
    rep.warnings.push_back(std::string(c.file) + ": " + item_name + ": not an object (skipped)");
    return true;
  }
  std::string_view odata;
  switch (classify_item(o, odata)) {
    case ItemKind::policy: {
      CaPolicyDef p;
      p.index = out.policies.size();
      std::string dn = std::string(string_or_empty(o, "displayName"));
      c.where = "policy '" + dn + "' (" + item_name + ")";
      if (!read_policy(c, o, p)) return false;
      out.policies.push_back(std::move(p));
      ++rep.policies;
      return true;
    }
    case ItemKind::location: {
      NamedLocation l;
      c.where = "named location '" + std::string(string_or_empty(o, "displayName")) + "' (" + item_name + ")";
      if (!read_location(c, o, odata, l)) return false;
      if (l.kind == NamedLocationKind::unknown)
        rep.warnings.push_back(std::string(c.file) + ": " + c.where + ": unknown kind '" + l.odata_type +
                               "' (kept, but it cannot match any sign-in)");
      out.locations.push_back(std::move(l));
      ++rep.locations;
      return true;
    }
    case ItemKind::other:
      rep.warnings.push_back(std::string(c.file) + ": " + item_name +
                             ": neither a Conditional Access policy nor a named location (skipped)");
      return true;
  }
  return true;
}

}  // namespace

CaExportKind sniff_ca_export(std::string_view head) {
  head = head.substr(0, 65536);
  std::string_view t = trim(head);
  if (t.empty() || (t.front() != '{' && t.front() != '[')) return CaExportKind::none;
  if (icontains(head, "conditionalAccessPolicy") ||
      (icontains(head, "\"conditions\"") &&
       (icontains(head, "\"grantControls\"") || icontains(head, "\"clientAppTypes\""))))
    return CaExportKind::policy;
  if (icontains(head, "ipNamedLocation") || icontains(head, "countryNamedLocation") ||
      icontains(head, "\"ipRanges\"") || icontains(head, "\"countriesAndRegions\""))
    return CaExportKind::named_location;
  return CaExportKind::none;
}

Result<CaReadReport> parse_ca_export(std::string_view text, std::string_view name, CaPolicySet& out) {
  CaReadReport rep;
  Ctx c;
  c.file = name;
  c.warnings = &rep.warnings;
  std::string_view t = trim(text);
  if (t.empty()) return Error{std::string(name) + ": empty file: no Conditional Access policy or named location"};
  if (t.front() != '{' && t.front() != '[')
    return Error{std::string(name) +
                 ": not JSON: a Conditional Access policy or named location is exported from Graph as JSON"};
  dom::parser parser;
  simdjson::padded_string padded(text);
  dom::element doc;
  if (auto e = parser.parse(padded).get(doc))
    return Error{std::string(name) + ": not valid JSON (" + simdjson::error_message(e) + ")"};
  dom::array items;
  dom::object top;
  if (doc.get_array().get(items) == simdjson::SUCCESS) {
    std::size_t i = 0;
    for (dom::element item : items)
      if (!read_item(c, item, i++, out, rep)) return Error{c.fail};
  } else if (doc.get_object().get(top) == simdjson::SUCCESS) {
    dom::element value;
    std::string_view odata;
    if (field(top, "value", value) && value.get_array().get(items) == simdjson::SUCCESS &&
        classify_item(top, odata) == ItemKind::other) {
      std::size_t i = 0;
      for (dom::element item : items)
        if (!read_item(c, item, i++, out, rep)) return Error{c.fail};
    } else if (!read_item(c, doc, 0, out, rep)) {
      return Error{c.fail};
    }
  } else {
    return Error{std::string(name) + ": expected a policy object, a list response {\"value\":[…]} or an array"};
  }
  if (rep.policies == 0 && rep.locations == 0)
    return Error{std::string(name) + ": no Conditional Access policy or named location found"};
  out.sources.emplace_back(name);
  return rep;
}

Result<CaReadReport> read_ca_export(const std::string& path, CaPolicySet& out, Encoding enc) {
  auto in = open_input(path, enc);
  if (!in.ok()) return Error{in.error().message};
  return parse_ca_export(in->text(), in->display_name(), out);
}

}  // namespace idt
