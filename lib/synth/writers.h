// Why: one writer per export shape, each rendering the same plan: Event Hub
// JSON lines or a Graph signIns response, a Graph directoryAudits response,
// a ServiceNow incident CSV and a Graph serviceAnnouncement/issues response.
#pragma once
#include <cstdint>
#include <string>

#include "synth/plan.h"
#include "synth/world.h"

namespace idt::synth {

enum class SigninShape : std::uint8_t { eventhub, graph };

// Every call appends to `out`. `seed` drives the per-record noise (ids,
// processing times) through its own stream, independent of the plan.
void write_signins(std::string& out, const Plan& plan, const World& world, SigninShape shape, std::uint64_t seed);
void write_audit(std::string& out, const Plan& plan, const World& world, std::uint64_t seed);
void write_tickets(std::string& out, const Plan& plan, const World& world);
void write_health(std::string& out, const Plan& plan, HealthShape shape = HealthShape::graph);

// Ticket number of the i-th ticket in time order ("INC0010001", …).
std::string ticket_number(std::size_t i);

}  // namespace idt::synth
