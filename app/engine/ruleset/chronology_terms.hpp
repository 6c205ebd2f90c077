// [chronology]: the terms a case's earlier contacts are recorded in, and where the triage
// screen asks for them. It defines the question `chronology`, answered with the contacts.
//
//   [chronology]
//   prompt = "Earlier contacts about this child (chronology)"
//   help = "..."
//   domain = "history"                      # the triage step that shows the table
//   cites = ["ofsted_childs_time"]
//   sources = [{ id = "police", label = "police" }, ...]          # who raised each contact
//   categories = [{ id = "neglect", label = "neglect" }, ...]     # what it was about (any number)
//   outcomes = [{ id = "nfa", label = "no further action" }, ...] # how it ended
//
// Labels are read mid-sentence ("3 earlier contacts about neglect"), so they are written in
// lower case; the table shows them with a capital.
#pragma once
#include <toml++/toml.h>

#include "../diagnostics.hpp"
#include "schema.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

// Reads the table into rs.chronology and adds its question to rs.questions.
void read_chronology_terms(const toml::table& t, const SourceFile& file, Diagnostics& d,
                           RuleSet& rs);

}  // namespace continuum::engine
