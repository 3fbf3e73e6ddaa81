// Why: see ticket_columns.h. The tables below are the only place that knows
// how help-desk tools spell their columns; add a spelling here, nowhere else.
#include "formats/ticket_columns.h"

#include <algorithm>

#include "util/text.h"

namespace idt {
namespace {

using R = TicketRole;

// Priority order within each role: tool field names, then tool labels in
// English, Spanish, Portuguese, French, German, then generic names. Spellings
// are the real headers (testdata/tickets/SOURCES.md lists where each tool's
// header set comes from), normalised: lower case, single spaces. Freshdesk's
// localised labels keep the vendor's typos ("intiale", "prioridad").
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
    {R::id, "ticket id"},  // Freshdesk "Ticket ID", Freshservice "Ticket Id"
    {R::id, "ticket_id"},
    {R::id, "ticket-id"},      // Freshdesk de
    {R::id, "id du ticket"},   // Freshdesk fr
    {R::id, "id del ticket"},  // Freshdesk es
    {R::id, "id do ticket"},   // Freshdesk pt-BR
    {R::id, "ticket number"},
    {R::id, "ticket_number"},
    {R::id, "incident id"},
    {R::id, "incident number"},
    {R::id, "case number"},
    {R::id, "requestid"},  // ManageEngine ServiceDesk Plus
    {R::id, "id"},         // Zendesk "Id", GLPI "ID"
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
    {R::opened, "created at"},  // Zendesk
    {R::opened, "created_at"},
    {R::opened, "created time"},  // Freshdesk, Freshservice, ServiceDesk Plus
    {R::opened, "date created"},  // osTicket
    {R::opened, "opening date"},
    {R::opened, "date opened"},
    {R::opened, "open date"},
    {R::opened, "creada"},
    {R::opened, "creado"},
    {R::opened, "fecha de creación"},
    {R::opened, "fecha de apertura"},
    {R::opened, "hora creación"},  // Freshdesk es
    {R::opened, "criado"},
    {R::opened, "criada"},
    {R::opened, "data de criação"},
    {R::opened, "data de abertura"},
    {R::opened, "hora da criação"},  // Freshdesk pt-BR
    {R::opened, "création"},
    {R::opened, "créé"},
    {R::opened, "créée"},
    {R::opened, "date de création"},
    {R::opened, "date d'ouverture"},
    {R::opened, "heure de création"},  // Freshdesk fr
    {R::opened, "erstellt"},
    {R::opened, "erstellt am"},
    {R::opened, "erstelldatum"},
    {R::opened, "erstellungsdatum"},  // Freshdesk de
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
    // caller: e-mail columns (used first: what sign-in logs know the user by)
    {R::caller, "caller_id.email"},      // ServiceNow dot-walked column
    {R::caller, "requested_for.email"},  // ServiceNow sc_req_item
    {R::caller, "requester email"},      // Zendesk, Freshdesk, Freshservice
    {R::caller, "requester_email"},
    {R::caller, "requester e-mail"},
    {R::caller, "from email"},                   // osTicket
    {R::caller, "email del solicitante"},        // Freshdesk es
    {R::caller, "e-mail do solicitante"},        // Freshdesk pt-BR
    {R::caller, "adresse e-mail du demandeur"},  // Freshdesk fr
    {R::caller, "e-mail eines anfragenden"},     // Freshdesk de
    {R::caller, "caller email"},
    {R::caller, "user email"},
    {R::caller, "contact id"},  // Freshdesk contact field: the e-mail (else a handle or the name)
    {R::caller, "email"},       // Freshdesk contact field, generic CSVs
    {R::caller, "e-mail"},
    // caller_name: the requester's name or login (the caller when there is no e-mail column)
    {R::caller_name, "caller_id"},
    {R::caller_name, "caller"},
    {R::caller_name, "reporter"},
    {R::caller_name, "informador"},
    {R::caller_name, "relator"},
    {R::caller_name, "rapporteur"},
    {R::caller_name, "autor"},
    {R::caller_name, "requester - requester"},      // GLPI
    {R::caller_name, "requerente - requerente"},    // GLPI pt-BR
    {R::caller_name, "solicitante - solicitante"},  // GLPI es
    {R::caller_name, "demandeur - demandeur"},      // GLPI fr
    {R::caller_name, "requester name"},             // Freshdesk, Freshservice
    {R::caller_name, "nombre del solicitante"},     // Freshdesk es
    {R::caller_name, "nome do solicitante"},        // Freshdesk pt-BR
    {R::caller_name, "nom du demandeur"},           // Freshdesk fr
    {R::caller_name, "name des anfragenden"},       // Freshdesk de
    {R::caller_name, "requester"},                  // Zendesk, ServiceDesk Plus
    {R::caller_name, "requerente"},
    {R::caller_name, "solicitante"},
    {R::caller_name, "demandeur"},
    {R::caller_name, "anforderer"},
    {R::caller_name, "full name"},  // Freshdesk contact field
    {R::caller_name, "requested by"},
    {R::caller_name, "requested_by"},
    {R::caller_name, "requested for"},
    {R::caller_name, "requested_for"},
    {R::caller_name, "opened_by"},
    {R::caller_name, "opened by"},
    {R::caller_name, "user"},
    {R::caller_name, "customer"},  // Zammad
    {R::caller_name, "from"},      // osTicket
    {R::caller_name, "contact"},
    // state
    {R::state, "state"},
    {R::state, "incident_state"},
    {R::state, "status"},
    {R::state, "current status"},  // osTicket
    {R::state, "request status"},  // ServiceDesk Plus
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
    {R::category, "ticket category"},  // Zendesk custom field "Ticket Category [list]"
    {R::category, "help topic"},       // osTicket
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
    {R::assignment_group, "assigned to - technician group"},      // GLPI
    {R::assignment_group, "attribué à - groupe de techniciens"},  // GLPI fr
    {R::assignment_group, "atribuído - grupo técnico"},           // GLPI pt-BR
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
    {R::assignment_group, "group"},          // Freshdesk, Freshservice, Zendesk
    {R::assignment_group, "team assigned"},  // osTicket
    {R::assignment_group, "gruppe"},         // Freshdesk de
    {R::assignment_group, "groupe"},         // Freshdesk fr
    {R::assignment_group, "grupo"},          // Freshdesk es, pt-BR
    {R::assignment_group, "department"},     // osTicket (the help desk's department)
    // assignee
    {R::assignee, "assigned_to"},
    {R::assignee, "assigned to"},
    {R::assignee, "assignee"},
    {R::assignee, "assigned to - technician"},  // GLPI
    {R::assignee, "attribué à - technicien"},   // GLPI fr
    {R::assignee, "asignada a - técnico"},      // GLPI es
    {R::assignee, "atribuído - técnico"},       // GLPI pt-BR
    {R::assignee, "atribuído para - técnico"},
    {R::assignee, "agent assigned"},      // osTicket
    {R::assignee, "agent"},               // Freshdesk, Freshservice
    {R::assignee, "agente"},              // Freshdesk es
    {R::assignee, "analista"},            // Freshdesk pt-BR
    {R::assignee, "zugewiesene person"},  // Jira de
    {R::assignee, "personne assignée"},   // Jira fr
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
    // resolved (then closed, when an export has no resolved time)
    {R::resolved, "resolved_at"},
    {R::resolved, "resolved"},
    {R::resolved, "resolved time"},  // Freshdesk, Freshservice
    {R::resolved, "solved at"},      // Zendesk
    {R::resolved, "resolution date"},
    {R::resolved, "resuelta"},
    {R::resolved, "resuelto"},
    {R::resolved, "hora de resolución"},  // Freshdesk es
    {R::resolved, "resolvido"},
    {R::resolved, "resolvida"},
    {R::resolved, "data de solução"},
    {R::resolved, "data da solução"},    // GLPI pt-BR
    {R::resolved, "hora da resolução"},  // Freshdesk pt-BR
    {R::resolved, "résolue"},
    {R::resolved, "résolu"},
    {R::resolved, "date de résolution"},
    {R::resolved, "heure de résolution"},  // Freshdesk fr
    {R::resolved, "erledigt"},
    {R::resolved, "gelöst"},
    {R::resolved, "lösungszeit"},  // Freshdesk de
    {R::resolved, "closed_at"},
    {R::resolved, "closed time"},   // Freshdesk, Freshservice
    {R::resolved, "closed date"},   // osTicket
    {R::resolved, "closing date"},  // GLPI
    {R::resolved, "date de clôture"},
    {R::resolved, "hora de cierre"},
    {R::resolved, "hora do fechamento"},
    {R::resolved, "heure de clôture"},
    {R::resolved, "abschlusszeit"},
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
    {TicketFlavour::glpi, "assigned to - technician group"},
    {TicketFlavour::glpi, "time to resolve"},
    {TicketFlavour::glpi, "demandeur - demandeur"},
    {TicketFlavour::glpi, "attribué à - technicien"},
    {TicketFlavour::glpi, "attribué à - groupe de techniciens"},
    {TicketFlavour::glpi, "dernière modification"},
    {TicketFlavour::glpi, "solicitante - solicitante"},
    {TicketFlavour::glpi, "asignada a - técnico"},
    {TicketFlavour::glpi, "última actualización"},
    {TicketFlavour::glpi, "tiempo para resolver"},
    {TicketFlavour::glpi, "atribuído - técnico"},
    {TicketFlavour::glpi, "atribuído - grupo técnico"},
    {TicketFlavour::glpi, "data da solução"},
    // Freshdesk (Freshservice exports carry these too: the Freshservice-only ones decide)
    {TicketFlavour::freshdesk, "created time"},
    {TicketFlavour::freshdesk, "due by time"},
    {TicketFlavour::freshdesk, "resolved time"},
    {TicketFlavour::freshdesk, "closed time"},
    {TicketFlavour::freshdesk, "last update time"},
    {TicketFlavour::freshdesk, "last updated time"},
    {TicketFlavour::freshdesk, "initial response time"},
    {TicketFlavour::freshdesk, "time tracked"},
    {TicketFlavour::freshdesk, "first response time (in hrs)"},
    {TicketFlavour::freshdesk, "resolution time (in hrs)"},
    {TicketFlavour::freshdesk, "agent interactions"},
    {TicketFlavour::freshdesk, "customer interactions"},
    {TicketFlavour::freshdesk, "resolution status"},
    {TicketFlavour::freshdesk, "first response status"},
    {TicketFlavour::freshdesk, "every response status"},
    {TicketFlavour::freshdesk, "survey results"},
    {TicketFlavour::freshdesk, "survey result"},
    {TicketFlavour::freshdesk, "association type"},
    {TicketFlavour::freshdesk, "contact id"},
    {TicketFlavour::freshdesk, "erstellungsdatum"},
    {TicketFlavour::freshdesk, "lösungszeit"},
    {TicketFlavour::freshdesk, "agenteninteraktionen"},
    {TicketFlavour::freshdesk, "heure de création"},
    {TicketFlavour::freshdesk, "heure de résolution"},
    {TicketFlavour::freshdesk, "interactions de l'agent"},
    {TicketFlavour::freshdesk, "hora creación"},
    {TicketFlavour::freshdesk, "hora de resolución"},
    {TicketFlavour::freshdesk, "intercciones del agente"},
    {TicketFlavour::freshdesk, "hora da criação"},
    {TicketFlavour::freshdesk, "hora da resolução"},
    {TicketFlavour::freshdesk, "interações do analista"},
    // Freshservice-only columns (ITSM fields)
    {TicketFlavour::freshservice, "requester vip"},
    {TicketFlavour::freshservice, "requester location"},
    {TicketFlavour::freshservice, "approval status"},
    {TicketFlavour::freshservice, "resolution note"},
    {TicketFlavour::freshservice, "experience score"},
    {TicketFlavour::freshservice, "sub-category"},
    {TicketFlavour::freshservice, "item"},
    {TicketFlavour::freshservice, "urgency"},
    {TicketFlavour::freshservice, "impact"},
    {TicketFlavour::freshservice, "planned effort"},
    {TicketFlavour::freshservice, "workspace"},
    {TicketFlavour::freshservice, "impacted locations"},
    {TicketFlavour::freshservice, "major incident type"},
    // Zendesk (Reports CSV export); custom fields with a type suffix count too
    {TicketFlavour::zendesk, "summation column"},
    {TicketFlavour::zendesk, "requester id"},
    {TicketFlavour::zendesk, "requester external id"},
    {TicketFlavour::zendesk, "requester domain"},
    {TicketFlavour::zendesk, "submitter"},
    {TicketFlavour::zendesk, "via"},
    {TicketFlavour::zendesk, "assigned at"},
    {TicketFlavour::zendesk, "initially assigned at"},
    {TicketFlavour::zendesk, "solved at"},
    {TicketFlavour::zendesk, "group stations"},
    {TicketFlavour::zendesk, "assignee stations"},
    {TicketFlavour::zendesk, "reopens"},
    {TicketFlavour::zendesk, "replies"},
    {TicketFlavour::zendesk, "first reply time in minutes"},
    {TicketFlavour::zendesk, "satisfaction score"},
    // osTicket
    {TicketFlavour::osticket, "ticket number"},
    {TicketFlavour::osticket, "date created"},
    {TicketFlavour::osticket, "from email"},
    {TicketFlavour::osticket, "help topic"},
    {TicketFlavour::osticket, "current status"},
    {TicketFlavour::osticket, "sla plan"},
    {TicketFlavour::osticket, "sla due date"},
    {TicketFlavour::osticket, "agent assigned"},
    {TicketFlavour::osticket, "team assigned"},
    {TicketFlavour::osticket, "thread count"},
    {TicketFlavour::osticket, "reopen count"},
    {TicketFlavour::osticket, "attachment count"},
    {TicketFlavour::osticket, "task count"},
};

// Zendesk appends the field type to a custom field's name: "JIRA ID [txt]".
constexpr std::string_view kZendeskFieldTypes[] = {"list", "txt",    "dec",    "int",         "flag",
                                                   "date", "regexp", "tagger", "multiselect", "checkbox"};

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
    {"email", R::caller},
    {"requester_email", R::caller},
    {"name", R::caller_name},
    {"display_name", R::caller_name},
    {"requester_name", R::caller_name},
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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes of a digit-group separator at `s` (space, U+00A0, U+2009, U+202F), else 0.
std::size_t group_separator(std::string_view s) {
  if (s.starts_with(" ")) return 1;
  if (s.starts_with("\xC2\xA0")) return 2;
  if (s.starts_with("\xE2\x80\x89") || s.starts_with("\xE2\x80\xAF")) return 3;
  return 0;
}

}  // namespace

std::span<const RoleSynonym> role_synonym_table() { return kRoleSynonyms; }

std::string_view zendesk_field_name(std::string_view n) {
  if (n.size() < 4 || n.back() != ']') return {};
  std::size_t open = n.rfind('[');
  if (open == std::string_view::npos || open == 0 || n[open - 1] != ' ') return {};
  std::string_view type = n.substr(open + 1, n.size() - open - 2);
  for (auto t : kZendeskFieldTypes)
    if (type == t) return trim(n.substr(0, open));
  return {};
}

std::string_view plain_ticket_id(std::string_view id, std::string& buf) {
  // 1-3 digits, then one or more groups of a separator and exactly 3 digits.
  std::size_t lead = 0;
  while (lead < id.size() && is_digit(id[lead])) ++lead;
  if (lead == 0 || lead > 3 || lead == id.size()) return id;
  buf.assign(id.substr(0, lead));
  std::size_t p = lead;
  while (p < id.size()) {
    std::size_t sep = group_separator(id.substr(p));
    if (sep == 0 || p + sep + 3 > id.size()) return id;
    p += sep;
    for (std::size_t k = 0; k < 3; ++k)
      if (!is_digit(id[p + k])) return id;
    buf.append(id.substr(p, 3));
    p += 3;
  }
  return buf;
}

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
  std::vector<std::string_view> zendesk(norm.size());  // custom-field names without their type suffix
  for (std::size_t c = 0; c < norm.size(); ++c) zendesk[c] = zendesk_field_name(norm[c]);
  auto take = [&](std::size_t r, std::size_t c) {
    map.index[r] = static_cast<int>(c);
    taken[c] = true;
  };
  for (const auto& syn : kRoleSynonyms) {
    auto r = static_cast<std::size_t>(syn.role);
    if (map.index[r] != ColumnMap::kAbsent) continue;
    bool found = false;
    for (std::size_t c = 0; c < norm.size() && !found; ++c)  // leftmost of repeated headers
      if (!taken[c] && norm[c] == syn.name) {
        take(r, c);
        found = true;
      }
    for (std::size_t c = 0; c < norm.size() && !found; ++c)  // then "Name [list]"
      if (!taken[c] && !zendesk[c].empty() && zendesk[c] == syn.name) {
        take(r, c);
        found = true;
      }
  }
  // Without an e-mail column, the name (or login) column is the caller.
  constexpr auto kCaller = static_cast<std::size_t>(TicketRole::caller);
  constexpr auto kCallerName = static_cast<std::size_t>(TicketRole::caller_name);
  if (map.index[kCaller] == ColumnMap::kAbsent && map.index[kCallerName] != ColumnMap::kAbsent) {
    map.index[kCaller] = map.index[kCallerName];
    map.overridden[kCaller] = map.overridden[kCallerName];
    map.index[kCallerName] = ColumnMap::kAbsent;
    map.overridden[kCallerName] = false;
  }

  std::array<int, static_cast<std::size_t>(TicketFlavour::count_)> votes{};
  for (std::size_t c = 0; c < norm.size(); ++c) {
    const std::string& h = norm[c];
    if (is_foreign_header(h)) ++map.foreign_headers;
    for (const auto& m : kFlavourMarkers)
      if (marker_matches(h, m.name)) ++votes[static_cast<std::size_t>(m.flavour)];
    if (!zendesk[c].empty()) ++votes[static_cast<std::size_t>(TicketFlavour::zendesk)];
  }
  // Freshservice exports carry Freshdesk's columns plus ITSM ones (Urgency, Impact, Item…):
  // those only tell a Freshdesk-shaped file apart, they never make a flavour alone.
  constexpr auto kFreshservice = static_cast<std::size_t>(TicketFlavour::freshservice);
  int best = 0;
  for (std::size_t f = 1; f < votes.size(); ++f)
    if (f != kFreshservice && votes[f] >= 2 && votes[f] > best) {
      best = votes[f];
      map.flavour = static_cast<TicketFlavour>(f);
    }
  if (map.flavour == TicketFlavour::freshdesk && votes[kFreshservice] >= 2) map.flavour = TicketFlavour::freshservice;
  return map;
}

}  // namespace idt
