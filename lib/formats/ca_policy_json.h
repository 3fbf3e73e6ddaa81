// Why: Conditional Access policies and named locations arrive as Graph JSON
// in several wrappings — one policy object (portal "Download JSON", Graph
// GET), a list response {"value":[…]}, a bare array, PascalCase from the
// Graph PowerShell SDK, UTF-16 with BOM from PowerShell's Out-File — with
// OData annotation keys everywhere. This reads them all into CaPolicySet;
// it reports what it cannot read (with the policy and JSON path) and never
// judges a policy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/input.h"
#include "model/ca_policy.h"
#include "util/result.h"

namespace idt {

// What the start of a decoded text looks like.
enum class CaExportKind { none, policy, named_location };
// A policy (conditions/grantControls, or @odata.type …conditionalAccessPolicy)
// or a named location (ipRanges / countriesAndRegions, or its @odata.type).
// Looks at the first 64 KiB only; `none` for sign-in/audit/health exports.
CaExportKind sniff_ca_export(std::string_view head);

struct CaReadReport {
  std::size_t policies = 0, locations = 0;
  std::vector<std::string> warnings;  // "NAME: item 3: …" (skipped items, unknown state…)
};

// Parses one decoded text into `out` (appends). Errors name the file and
// where: "NAME: policy 'X' (item 2): conditions.users.includeUsers[0]: expected a string".
Result<CaReadReport> parse_ca_export(std::string_view text, std::string_view name, CaPolicySet& out);
// Opens (any encoding the Input layer decodes: UTF-8/16 with or without BOM, gzip) and parses.
Result<CaReadReport> read_ca_export(const std::string& path, CaPolicySet& out, Encoding enc = Encoding::auto_detect);

}  // namespace idt
