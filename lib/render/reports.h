// Why: one include for a command that prints a report and its accounting:
// the per-report renderers (stats, detect, explain), the per-file accounting
// and the text-table toolkit. Each lives in its own file.
#pragma once
#include "render/detect_render.h"
#include "render/explain_render.h"
#include "render/inputs_render.h"
#include "render/stats_render.h"
#include "render/text_table.h"
