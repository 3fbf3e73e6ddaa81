// Why: see generate.h.
#include "generate.h"

#include <sstream>

#include "common.h"

namespace idt::cmd {
namespace {

std::string roff_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\\')
      o += "\\e";
    else if (c == '-')
      o += "\\-";
    else
      o += c;
  }
  if (!o.empty() && (o[0] == '.' || o[0] == '\'')) o.insert(0, "\\&");
  return o;
}

// "auto table json" for an option declared with fixed values, else "".
std::string values_of(const CLI::Option* o, const char* sep) {
  const Choices* c = choices_of(o);
  std::string s;
  if (c)
    for (const auto& v : c->values) s += (s.empty() ? "" : sep) + v;
  return s;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> v;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    v.push_back(o);
  }
  return v;
}

std::string option_names(const CLI::Option* o) {
  std::string n;
  for (const auto& s : o->get_snames()) n += (n.empty() ? "-" : ", -") + s;
  for (const auto& l : o->get_lnames()) n += (n.empty() ? "--" : ", --") + l;
  if (n.empty()) n = o->get_name();
  return n;
}

std::string man(const CLI::App& app) {
  std::ostringstream m;
  m << ".TH IDTRIAGE 1 \"\" \"idtriage " << IDTRIAGE_VERSION << "\" \"User Commands\"\n";
  m << ".SH NAME\nidtriage \\- " << roff_escape(app.get_description()) << "\n";
  m << ".SH SYNOPSIS\n.B idtriage\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR...]\n";
  m << ".SH DESCRIPTION\n"
       "Reads Microsoft Entra sign\\-in and audit log exports (Graph JSON, Event Hub JSON lines, Log Analytics "
       "JSON/CSV, "
       "portal CSV), classifies every record and reports counts and findings. Every FILE may be \\fB\\-\\fR (stdin) "
       "and may be gzip\\-compressed.\n";
  m << ".SH COMMANDS\n";
  auto options = [&](const CLI::App& sub) {
    for (const CLI::Option* o : visible_options(sub)) {
      if (o->get_name() == "--help,-h" || o->get_lnames() == std::vector<std::string>{"help"}) continue;
      m << ".TP\n.B " << roff_escape(option_names(o)) << "\n" << roff_escape(o->get_description()) << "\n";
      if (std::string v = values_of(o, ", "); !v.empty()) m << ".br\none of: " << roff_escape(v) << "\n";
    }
  };
  for (const CLI::App* sub : app.get_subcommands({})) {
    m << ".SS " << roff_escape(sub->get_name()) << "\n" << roff_escape(sub->get_description()) << "\n";
    options(*sub);
    for (const CLI::App* leaf : sub->get_subcommands({})) {
      m << ".SS " << roff_escape(sub->get_name() + " " + leaf->get_name()) << "\n"
        << roff_escape(leaf->get_description()) << "\n";
      options(*leaf);
    }
  }
  m << ".SH EXIT STATUS\n.TP\n0\nsuccess (triage: all clear, no findings at or above \\-\\-fail\\-on and every input "
       "judged; precheck: GO; campaign check: no wave breached its pause rule)\n.TP\n1\nfindings at or above "
       "\\-\\-fail\\-on (default medium) (triage; with \\-\\-state: a new, changed or ended finding at or above "
       "\\-\\-fail\\-on since the last run); a wave breached its pause rule, or the next wave must not start "
       "(campaign check)\n.TP\n2\nusage error\n.TP\n3\ninput error: unreadable or invalid input, or rejected records "
       "under \\-\\-strict (takes precedence)\n.TP\n4\ninternal error\n.TP\n5\ntriage incomplete: nothing at or above "
       "\\-\\-fail\\-on, but not everything could be judged (no records in range, every record rejected, an empty "
       "sign-in export, a span too short for the bucket, time outliers); never an all-clear, with \\-\\-state never "
       "\"nothing new\"\n.TP\n6\nthe output could not be written: "
       "stdout, a \\-\\-report\\-md, \\-\\-report\\-json or \\-\\-affected\\-users file, or the \\-\\-state "
       "file (a full disk, /dev/full); a closed pipe ends the run quietly with 0\n.TP\n10\nprecheck: WAIT "
       "(not now: re\\-check later or complete the evidence)\n.TP\n11\nprecheck: STOP (do not make this change now)\n";
  m << ".SH ENVIRONMENT\n.TP\nNO_COLOR\nwhen set and not empty, no colour unless \\-\\-color always\n";
  m << ".SH SEE ALSO\nREADME.md and docs/ in the idtriage source tree.\n";
  return m.str();
}

std::string words(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& w : v) s += (s.empty() ? "" : " ") + w;
  return s;
}

// What a shell offers for an option's value or a positional argument: the
// declared values, paths, or nothing (a time, a number); flags take none.
enum class Value { none, choices, path, free };

Value value_of(const CLI::Option* o) {
  if (o->get_type_size_max() == 0) return Value::none;
  if (choices_of(o)) return Value::choices;
  return takes_path(o) ? Value::path : Value::free;
}

// The value's name as declared ("FMT"), without what CLI11 appends for
// its validators (":{auto,table}").
std::string value_name(const CLI::Option* o) {
  std::string t = o->get_type_name();
  return t.substr(0, t.find(':'));
}

bool repeatable(const CLI::Option* o) { return o->get_items_expected_max() > 1; }

std::vector<const CLI::Option*> flag_options(const CLI::App& app) {
  std::vector<const CLI::Option*> v;
  for (const CLI::Option* o : visible_options(app))
    if (o->nonpositional()) v.push_back(o);
  return v;
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  std::vector<const CLI::Option*> v;
  for (const CLI::Option* o : app.get_options())
    if (!o->nonpositional() && o->get_positional()) v.push_back(o);
  return v;
}

std::vector<std::string> flags_of(const CLI::App& sub) {
  std::vector<std::string> f;
  for (const CLI::Option* o : flag_options(sub)) {
    for (const auto& l : o->get_lnames()) f.push_back("--" + l);
    for (const auto& s : o->get_snames()) f.push_back("-" + s);
  }
  return f;
}

// What the words after a command complete to: the values of its positional
// argument when declared (playbook IDs), else paths when it reads files,
// else nothing (explain's codes).
struct Positional {
  Value kind = Value::free;
  std::string values;
};
Positional positional_of(const CLI::App& app) {
  Positional p;
  for (const CLI::Option* o : positionals(app)) {
    Value v = value_of(o);
    if (v == Value::choices) return {v, values_of(o, " ")};
    if (v == Value::path) p.kind = Value::path;
  }
  return p;
}

// A command and its leaves (campaign plan, campaign check) with the words
// that name them.
template <class F>
void each_leaf(const CLI::App& app, F f) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    auto leaves = sub->get_subcommands({});
    if (leaves.empty()) f(*sub, sub->get_name());
    for (const CLI::App* leaf : leaves) f(*leaf, sub->get_name() + " " + leaf->get_name());
  }
}

std::string bash(const CLI::App& app) {
  std::ostringstream b;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  b << "# bash completion for idtriage (generated by `idtriage --generate bash`)\n"
    << "_idtriage() {\n  local cur prev cmd key opts pos vals\n  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
    << "  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n  cmd=\"${COMP_WORDS[1]}\"\n"
    << "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=( $(compgen -W \"" << words(names)
    << " --help --version\" -- \"$cur\") )\n    return\n  fi\n";
  // A command with subcommands (campaign plan|check) is keyed by both words.
  std::string nested;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!sub->get_subcommands({}).empty()) {
      std::vector<std::string> leaves;
      for (const CLI::App* leaf : sub->get_subcommands({})) leaves.push_back(leaf->get_name());
      nested += "    " + sub->get_name() + ")\n      if [ \"$COMP_CWORD\" -eq 2 ]; then\n        COMPREPLY=( $(compgen -W \"" +
                words(leaves) + "\" -- \"$cur\") )\n        return\n      fi\n      key=\"$cmd ${COMP_WORDS[2]}\" ;;\n";
    }
  b << "  key=\"$cmd\"\n";
  if (!nested.empty()) b << "  case \"$cmd\" in\n" << nested << "  esac\n";
  // The value of the option just typed: its declared values, paths, or
  // nothing to offer (a time, a number).
  b << "  case \"$key $prev\" in\n";
  std::string free_pat;
  each_leaf(app, [&](const CLI::App& sub, const std::string& key) {
    for (const CLI::Option* o : flag_options(sub)) {
      Value v = value_of(o);
      if (v == Value::none) continue;
      std::string pat;
      for (const auto& l : o->get_lnames()) pat += (pat.empty() ? "" : "|") + ("\"" + key + " --" + l + "\"");
      for (const auto& s : o->get_snames()) pat += (pat.empty() ? "" : "|") + ("\"" + key + " -" + s + "\"");
      if (v == Value::choices)
        b << "    " << pat << ") COMPREPLY=( $(compgen -W \"" << values_of(o, " ") << "\" -- \"$cur\") ); return ;;\n";
      else if (v == Value::path)
        b << "    " << pat << ") COMPREPLY=( $(compgen -f -- \"$cur\") ); return ;;\n";
      else
        free_pat += (free_pat.empty() ? "" : "|") + pat;
    }
  });
  if (!free_pat.empty()) b << "    " << free_pat << ") COMPREPLY=(); return ;;\n";
  b << "  esac\n  case \"$key\" in\n";
  each_leaf(app, [&](const CLI::App& sub, const std::string& key) {
    Positional p = positional_of(sub);
    b << "    \"" << key << "\") opts=\"" << words(flags_of(sub)) << "\"";
    if (p.kind == Value::choices)
      b << "; pos=values; vals=\"" << p.values << "\"";
    else
      b << "; pos=" << (p.kind == Value::path ? "files" : "none");
    b << " ;;\n";
  });
  b << "    *) return ;;\n  esac\n"
    << "  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=( $(compgen -W \"$opts\" -- \"$cur\") )\n"
    << "  elif [ \"$pos\" = values ]; then\n    COMPREPLY=( $(compgen -W \"$vals\" -- \"$cur\") )\n"
    << "  elif [ \"$pos\" = files ]; then\n    COMPREPLY=( $(compgen -f -- \"$cur\") )\n  fi\n"
    << "}\ncomplete -o filenames -F _idtriage idtriage\n";
  return b.str();
}

// A description inside a zsh single-quoted _arguments spec.
std::string zsh_text(std::string d) {
  for (auto& c : d)
    if (c == '\'' || c == '[' || c == ']' || c == ':' || c == '\\') c = ' ';
  return d;
}

std::string zsh(const CLI::App& app) {
  std::ostringstream z;
  z << "#compdef idtriage\n# zsh completion for idtriage (generated by `idtriage --generate zsh`)\n"
    << "_idtriage() {\n  local -a commands\n  commands=(\n";
  for (const CLI::App* sub : app.get_subcommands({}))
    z << "    '" << sub->get_name() << ":" << zsh_text(sub->get_description()) << "'\n";
  z << "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n"
    << "  local cmd=$words[2]\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n";
  auto arguments = [&](const CLI::App& sub) {
    z << "_arguments -S";
    for (const CLI::Option* o : flag_options(sub)) {
      std::string arg;
      switch (value_of(o)) {
        case Value::none: break;
        case Value::choices: arg = ":" + value_name(o) + ":(" + values_of(o, " ") + ")"; break;
        case Value::path: arg = ":" + value_name(o) + ":_files"; break;
        case Value::free: arg = ":" + value_name(o) + ": "; break;
      }
      std::vector<std::string> names;
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
      for (const auto& n : names)
        z << " '" << (repeatable(o) ? "*" : "") << n << "[" << zsh_text(o->get_description()) << "]" << arg << "'";
    }
    int n = 0;
    for (const CLI::Option* o : positionals(sub)) {
      std::string name = o->get_name();
      std::string action = value_of(o) == Value::choices ? "(" + values_of(o, " ") + ")"
                           : value_of(o) == Value::path  ? "_files"
                                                         : " ";
      z << " '" << (repeatable(o) ? "*" : std::to_string(++n)) << ":" << name << ":" << action << "'";
    }
  };
  for (const CLI::App* sub : app.get_subcommands({})) {
    auto leaves = sub->get_subcommands({});
    z << "    " << sub->get_name() << ") ";
    if (leaves.empty()) {
      arguments(*sub);
      z << " ;;\n";
      continue;
    }
    std::vector<std::string> names;
    for (const CLI::App* leaf : leaves) names.push_back(leaf->get_name());
    z << "\n      if (( CURRENT == 2 )); then\n        _values 'subcommand' " << words(names)
      << "\n        return\n      fi\n      local sub=$words[2]\n      shift words\n      (( CURRENT-- ))\n"
      << "      case $sub in\n";
    for (const CLI::App* leaf : leaves) {
      z << "        " << leaf->get_name() << ") ";
      arguments(*leaf);
      z << " ;;\n";
    }
    z << "      esac ;;\n";
  }
  z << "  esac\n}\n_idtriage \"$@\"\n";
  return z.str();
}

// A description inside a fish double-quoted string.
std::string fish_text(const std::string& d) {
  std::string o;
  for (char c : d) {
    if (c == '"' || c == '\\' || c == '$') o += '\\';
    o += c;
  }
  return o;
}

std::string fish(const CLI::App& app) {
  std::ostringstream f;
  f << "# fish completion for idtriage (generated by `idtriage --generate fish`)\n";
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  auto arguments = [&](const CLI::App& sub, const std::string& condition) {
    for (const CLI::Option* o : flag_options(sub)) {
      f << "complete -c idtriage -n \"" << condition << "\"";
      for (const auto& s : o->get_snames()) f << " -s " << s;
      for (const auto& l : o->get_lnames()) f << " -l " << l;
      switch (value_of(o)) {
        case Value::none: break;
        case Value::choices: f << " -x -a \"" << values_of(o, " ") << "\""; break;
        case Value::path: f << " -r -F"; break;
        case Value::free: f << " -x"; break;
      }
      f << " -d \"" << fish_text(o->get_description()) << "\"\n";
    }
    Positional p = positional_of(sub);
    if (p.kind == Value::choices)
      f << "complete -c idtriage -n \"" << condition << "\" -f -a \"" << p.values << "\"\n";
    else if (p.kind != Value::path)
      f << "complete -c idtriage -n \"" << condition << "\" -f\n";
  };
  for (const CLI::App* sub : app.get_subcommands({})) {
    f << "complete -c idtriage -n \"not __fish_seen_subcommand_from " << words(names) << "\" -f -a " << sub->get_name()
      << " -d \"" << fish_text(sub->get_description()) << "\"\n";
    auto leaves = sub->get_subcommands({});
    if (leaves.empty()) {
      arguments(*sub, "__fish_seen_subcommand_from " + sub->get_name());
      continue;
    }
    std::vector<std::string> leaf_names;
    for (const CLI::App* leaf : leaves) leaf_names.push_back(leaf->get_name());
    for (const CLI::App* leaf : leaves) {
      f << "complete -c idtriage -n \"__fish_seen_subcommand_from " << sub->get_name()
        << "; and not __fish_seen_subcommand_from " << words(leaf_names) << "\" -f -a " << leaf->get_name()
        << " -d \"" << fish_text(leaf->get_description()) << "\"\n";
      arguments(*leaf,
                "__fish_seen_subcommand_from " + sub->get_name() + "; and __fish_seen_subcommand_from " +
                    leaf->get_name());
    }
  }
  return f.str();
}

// One line per visible option of every (sub)command, tab-separated: the
// command ("campaign plan"), the names ("-f, --format"), the value's name
// (empty for a flag), the declared values (space-separated) and the help
// text. The man page sources are checked against it (tests/cli/check_man.py).
std::string flags(const CLI::App& app) {
  std::ostringstream out;
  each_leaf(app, [&](const CLI::App& sub, const std::string& key) {
    for (const CLI::Option* o : flag_options(sub)) {
      std::vector<std::string> names;
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      std::string joined;
      for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
      out << key << "\t" << joined << "\t" << (value_of(o) == Value::none ? "" : value_name(o)) << "\t"
          << values_of(o, " ") << "\t" << o->get_description() << "\n";
    }
  });
  return out.str();
}

}  // namespace

bool generate(const CLI::App& app, const std::string& kind, std::string& out) {
  if (kind == "man")
    out = man(app);
  else if (kind == "bash")
    out = bash(app);
  else if (kind == "zsh")
    out = zsh(app);
  else if (kind == "fish")
    out = fish(app);
  else if (kind == "flags")
    out = flags(app);
  else
    return false;
  return true;
}

}  // namespace idt::cmd
