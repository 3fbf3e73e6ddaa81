// Why: see ticket_columns.h. The tables below are the only place that knows
// how help-desk tools spell their columns; add a spelling here, nowhere else.
#include "formats/ticket_columns.h"

#include <algorithm>

#include "util/text.h"

namespace idt {
namespace {

using R = TicketRole;

// Priority order within each role: tool field names, then tool labels in
// English, Spanish, Portuguese, French, German, then generic names.
constexpr RoleSynonym kRoleSynonyms[] = {
    // id
    {R::id, "number"},
    {R::id, "issue key"},
    {R::id, "clave de incidencia"},
    {R::id, "clave"},
    {R::id, "chave"},
    {R::id, "chave do item"},
    {R::id, "chave da issue"},
    {R::id, "clé de ticket"},
    {R::id, "clé"},
    {R::id, "vorgangsschlüssel"},
    {R::id, "schlüssel"},
    {R::id, "ticket id"},
    {R::id, "ticket_id"},
    {R::id, "ticket number"},
    {R::id, "ticket_number"},
    {R::id, "incident id"},
    {R::id, "incident number"},
    {R::id, "case number"},
    {R::id, "id"},
    {R::id, "número"},
    {R::id, "numero"},
    {R::id, "nummer"},
    {R::id, "ticket"},
    {R::id, "key"},
    {R::id, "issue id"},
    {R::id, "id de la incidencia"},
    {R::id, "sys_id"},
    // opened
    {R::opened, "opened_at"},
    {R::opened, "opened"},
    {R::opened, "sys_created_on"},
    {R::opened, "created"},
    {R::opened, "created on"},
    {R::opened, "created at"},
    {R::opened, "created_at"},
    {R::opened, "opening date"},
    {R::opened, "date opened"},
    {R::opened, "open date"},
    {R::opened, "creada"},
    {R::opened, "creado"},
    {R::opened, "fecha de creación"},
    {R::opened, "fecha de apertura"},
    {R::opened, "criado"},
    {R::opened, "criada"},
    {R::opened, "data de criação"},
    {R::opened, "data de abertura"},
    {R::opened, "création"},
    {R::opened, "créé"},
    {R::opened, "créée"},
    {R::opened, "date de création"},
    {R::opened, "date d'ouverture"},
    {R::opened, "erstellt"},
    {R::opened, "erstellt am"},
    {R::opened, "erstelldatum"},
    {R::opened, "eröffnungsdatum"},
    {R::opened, "sys_created_at"},
    {R::opened, "submitted"},
    {R::opened, "reported"},
    {R::opened, "date"},
    {R::opened, "datetime"},
    {R::opened, "timestamp"},
    {R::opened, "time"},
    // title
    {R::title, "short_description"},
    {R::title, "short description"},
    {R::title, "summary"},
    {R::title, "resumen"},
    {R::title, "resumo"},
    {R::title, "résumé"},
    {R::title, "zusammenfassung"},
    {R::title, "título"},
    {R::title, "titulo"},
    {R::title, "title"},
    {R::title, "titre"},
    {R::title, "titel"},
    {R::title, "subject"},
    {R::title, "asunto"},
    {R::title, "assunto"},
    {R::title, "objet"},
    {R::title, "betreff"},
    // description
    {R::description, "description"},
    {R::description, "descripción"},
    {R::description, "descripcion"},
    {R::description, "descrição"},
    {R::description, "descricao"},
    {R::description, "beschreibung"},
    {R::description, "body"},
    {R::description, "details"},
    {R::description, "detalles"},
    {R::description, "detalhes"},
    {R::description, "détails"},
    {R::description, "text"},
    {R::description, "content"},
    {R::description, "message"},
    {R::description, "problem description"},
    // caller
    {R::caller, "caller_id"},
    {R::caller, "caller"},
    {R::caller, "reporter"},
    {R::caller, "informador"},
    {R::caller, "relator"},
    {R::caller, "rapporteur"},
    {R::caller, "autor"},
    {R::caller, "requester - requester"},
    {R::caller, "requerente - requerente"},
    {R::caller, "requester"},
    {R::caller, "requerente"},
    {R::caller, "solicitante"},
    {R::caller, "demandeur"},
    {R::caller, "anforderer"},
    {R::caller, "requested by"},
    {R::caller, "requested_by"},
    {R::caller, "requested for"},
    {R::caller, "requested_for"},
    {R::caller, "opened_by"},
    {R::caller, "opened by"},
    {R::caller, "user"},
    {R::caller, "customer"},
    {R::caller, "email"},
    {R::caller, "contact"},
    // state
    {R::state, "state"},
    {R::state, "incident_state"},
    {R::state, "status"},
    {R::state, "estado"},
    {R::state, "situação"},
    {R::state, "statut"},
    {R::state, "état"},
    {R::state, "etat"},
    // category
    {R::category, "category"},
    {R::category, "categoría"},
    {R::category, "categoria"},
    {R::category, "catégorie"},
    {R::category, "kategorie"},
    {R::category, "issue type"},
    {R::category, "tipo de incidencia"},
    {R::category, "tipo de item"},
    {R::category, "type de ticket"},
    {R::category, "vorgangstyp"},
    {R::category, "ticket_type"},
    {R::category, "ticket type"},
    {R::category, "type"},
    // assignment_group
    {R::assignment_group, "assignment_group"},
    {R::assignment_group, "assignment group"},
    {R::assignment_group, "assigned to - group"},
    {R::assignment_group, "atribuído para - grupo técnico"},
    {R::assignment_group, "technician group"},
    {R::assignment_group, "grupo técnico"},
    {R::assignment_group, "groupe de techniciens"},
    {R::assignment_group, "techniker-gruppe"},
    {R::assignment_group, "support group"},
    {R::assignment_group, "assigned group"},
    {R::assignment_group, "grupo asignado"},
    {R::assignment_group, "grupo de asignación"},
    {R::assignment_group, "grupo atribuído"},
    {R::assignment_group, "groupe affecté"},
    {R::assignment_group, "zugewiesene gruppe"},
    {R::assignment_group, "team"},
    {R::assignment_group, "queue"},
    {R::assignment_group, "group"},
    // assignee
    {R::assignee, "assigned_to"},
    {R::assignee, "assigned to"},
    {R::assignee, "assignee"},
    {R::assignee, "assigned to - technician"},
    {R::assignee, "atribuído para - técnico"},
    {R::assignee, "persona asignada"},
    {R::assignee, "responsable"},
    {R::assignee, "responsável"},
    {R::assignee, "bearbeiter"},
    {R::assignee, "technician"},
    {R::assignee, "técnico"},
    {R::assignee, "technicien"},
    {R::assignee, "techniker"},
    {R::assignee, "owner"},
    // priority
    {R::priority, "priority"},
    {R::priority, "prioridad"},
    {R::priority, "prioridade"},
    {R::priority, "priorité"},
    {R::priority, "priorität"},
    // resolved
    {R::resolved, "resolved_at"},
    {R::resolved, "resolved"},
    {R::resolved, "closed_at"},
    {R::resolved, "resolution date"},
    {R::resolved, "resuelta"},
    {R::resolved, "resuelto"},
    {R::resolved, "resolvido"},
    {R::resolved, "resolvida"},
    {R::resolved, "data de solução"},
    {R::resolved, "résolue"},
    {R::resolved, "résolu"},
    {R::resolved, "date de résolution"},
    {R::resolved, "erledigt"},
    {R::resolved, "gelöst"},
    {R::resolved, "closed"},
};

// Headers (normalised) that mark a tool's export; a prefix ends with '('.
struct FlavourMarker {
  TicketFlavour flavour;
  std::string_view name;
};
constexpr FlavourMarker kFlavourMarkers[] = {
    {TicketFlavour::servicenow, "sys_id"},
    {TicketFlavour::servicenow, "sys_created_on"},
    {TicketFlavour::servicenow, "sys_created_by"},
    {TicketFlavour::servicenow, "sys_updated_on"},
    {TicketFlavour::servicenow, "sys_updated_at"},
    {TicketFlavour::servicenow, "sys_mod_count"},
    {TicketFlavour::servicenow, "opened_at"},
    {TicketFlavour::servicenow, "short_description"},
    {TicketFlavour::servicenow, "caller_id"},
    {TicketFlavour::servicenow, "incident_state"},
    {TicketFlavour::servicenow, "assignment_group"},
    {TicketFlavour::servicenow, "u_symptom"},
    {TicketFlavour::servicenow, "short description"},
    {TicketFlavour::servicenow, "assignment group"},
    {TicketFlavour::jira, "issue key"},
    {TicketFlavour::jira, "issue id"},
    {TicketFlavour::jira, "issue type"},
    {TicketFlavour::jira, "project key"},
    {TicketFlavour::jira, "status category"},
    {TicketFlavour::jira, "custom field ("},
    {TicketFlavour::jira, "clave de incidencia"},
    {TicketFlavour::jira, "id de la incidencia"},
    {TicketFlavour::jira, "tipo de incidencia"},
    {TicketFlavour::jira, "clave de proyecto"},
    {TicketFlavour::jira, "campo personalizado ("},
    {TicketFlavour::jira, "chave do projeto"},
    {TicketFlavour::jira, "clé de projet"},
    {TicketFlavour::jira, "champ personnalisé ("},
    {TicketFlavour::jira, "vorgangsschlüssel"},
    {TicketFlavour::jira, "projektschlüssel"},
    {TicketFlavour::jira, "benutzerdefiniertes feld ("},
    {TicketFlavour::glpi, "opening date"},
    {TicketFlavour::glpi, "data de abertura"},
    {TicketFlavour::glpi, "fecha de apertura"},
    {TicketFlavour::glpi, "date d'ouverture"},
    {TicketFlavour::glpi, "eröffnungsdatum"},
    {TicketFlavour::glpi, "requerente"},
    {TicketFlavour::glpi, "requerente - requerente"},
    {TicketFlavour::glpi, "requester - requester"},
    {TicketFlavour::glpi, "entity"},
    {TicketFlavour::glpi, "entidade"},
    {TicketFlavour::glpi, "entidad"},
    {TicketFlavour::glpi, "entité"},
    {TicketFlavour::glpi, "última atualização"},
    {TicketFlavour::glpi, "last update"},
    {TicketFlavour::glpi, "data de solução"},
    {TicketFlavour::glpi, "atribuído para - técnico"},
    {TicketFlavour::glpi, "assigned to - technician"},
};

// Entra / Log Analytics sign-in and audit columns (portal CSV labels too).
constexpr std::string_view kForeignHeaders[] = {
    "resulttype",
    "resultsignature",
    "resultdescription",
    "resultreason",
    "appdisplayname",
    "appid",
    "operationname",
    "operationversion",
    "sign-in error code",
    "activity",
    "activitydisplayname",
    "activitydatetime",
    "correlationid",
    "correlation id",
    "request id",
    "ipaddress",
    "ip address",
    "useragent",
    "user agent",
    "loggedbyservice",
    "conditionalaccessstatus",
    "authenticationrequirement",
    "createddatetime",
    "createddatetime [utc]",
    "date (utc)",
    "userprincipalname",
    "application id",
    "timegenerated",
    "timegenerated [utc]",
    "tenantid",
    "initiatedby",
    "targetresources",
    "aadoperationtype",
    "clientappused",
    "isinteractive",
    "sourcesystem",
    "failure reason",
};

// Extra spellings accepted after --map.
struct RoleAlias {
  std::string_view alias;
  TicketRole role;
};
constexpr RoleAlias kRoleAliases[] = {
    {"created", R::opened},
    {"date", R::opened},
    {"time", R::opened},
    {"opened_at", R::opened},
    {"summary", R::title},
    {"subject", R::title},
    {"short_description", R::title},
    {"body", R::description},
    {"group", R::assignment_group},
    {"assignmentgroup", R::assignment_group},
    {"reporter", R::caller},
    {"requester", R::caller},
    {"user", R::caller},
    {"status", R::state},
    {"key", R::id},
    {"number", R::id},
    {"closed", R::resolved},
};

// UTF-8 upper-case Latin-1 letters (U+00C0..U+00DE except U+00D7) to lower case.
void lower_utf8_latin1(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) s[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
}

bool marker_matches(std::string_view header, std::string_view marker) {
  if (!marker.empty() && marker.back() == '(') return header.starts_with(marker);
  return header == marker;
}

}  // namespace

std::span<const RoleSynonym> role_synonym_table() { return kRoleSynonyms; }

std::optional<TicketRole> parse_ticket_role(std::string_view s) {
  std::string n = normalize_header(s);
  for (std::size_t i = 0; i < kTicketRoleCount; ++i)
    if (n == kTicketRoleNames[i]) return static_cast<TicketRole>(i);
  for (const auto& a : kRoleAliases)
    if (n == a.alias) return a.role;
  if (n == "assignment group" || n == "assignment-group") return TicketRole::assignment_group;
  return std::nullopt;
}

std::string normalize_header(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  std::string n = normalize_name(s);
  lower_utf8_latin1(n);
  return n;
}

bool is_foreign_header(std::string_view normalized) {
  for (auto f : kForeignHeaders)
    if (normalized == f) return true;
  return false;
}

std::size_t ColumnMap::roles_found() const {
  return static_cast<std::size_t>(std::count_if(index.begin(), index.end(), [](int i) { return i != kAbsent; }));
}

Result<ColumnMap> map_ticket_columns(std::span<const std::string> headers,
                                     const std::vector<std::pair<std::string, std::string>>& overrides) {
  ColumnMap map;
  std::vector<std::string> norm;
  norm.reserve(headers.size());
  for (const auto& h : headers) norm.push_back(normalize_header(h));

  for (const auto& [role_name, column] : overrides) {
    auto role = parse_ticket_role(role_name);
    if (!role) {
      std::string list;
      for (auto n : kTicketRoleNames) list += (list.empty() ? "" : ", ") + std::string(n);
      return Error{"--map " + role_name + "=" + column + ": unknown role '" + role_name + "' (roles: " + list + ")"};
    }
    std::string want = normalize_header(column);
    auto it = std::find(norm.begin(), norm.end(), want);
    if (it == norm.end()) {
      std::string list;
      for (std::size_t i = 0; i < headers.size() && i < 40; ++i)
        list += (i ? ", " : "") + std::string("'") + headers[i] + "'";
      return Error{"--map " + role_name + "=" + column + ": no column named '" + column + "' (columns: " + list + ")"};
    }
    map.index[static_cast<std::size_t>(*role)] = static_cast<int>(it - norm.begin());
    map.overridden[static_cast<std::size_t>(*role)] = true;
  }

  std::vector<bool> taken(norm.size(), false);
  for (std::size_t r = 0; r < kTicketRoleCount; ++r)
    if (map.index[r] != ColumnMap::kAbsent) taken[static_cast<std::size_t>(map.index[r])] = true;
  for (const auto& syn : kRoleSynonyms) {
    auto r = static_cast<std::size_t>(syn.role);
    if (map.index[r] != ColumnMap::kAbsent) continue;
    for (std::size_t c = 0; c < norm.size(); ++c)
      if (!taken[c] && norm[c] == syn.name) {  // leftmost of repeated headers
        map.index[r] = static_cast<int>(c);
        taken[c] = true;
        break;
      }
  }

  std::array<int, static_cast<std::size_t>(TicketFlavour::count_)> votes{};
  for (const auto& h : norm) {
    if (is_foreign_header(h)) ++map.foreign_headers;
    for (const auto& m : kFlavourMarkers)
      if (marker_matches(h, m.name)) ++votes[static_cast<std::size_t>(m.flavour)];
  }
  int best = 0;
  for (std::size_t f = 1; f < votes.size(); ++f)
    if (votes[f] >= 2 && votes[f] > best) {
      best = votes[f];
      map.flavour = static_cast<TicketFlavour>(f);
    }
  return map;
}

}  // namespace idt
