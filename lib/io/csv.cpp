// Why: see csv.h. A class table makes the unquoted scan a tight loop; quoted
// fields jump from quote to quote with memchr.
#include "io/csv.h"

#include "util/text.h"

#include <cstring>

namespace idt {
namespace {
enum : unsigned char { kPlain = 0, kDelim = 1, kCR = 2, kLF = 3, kQuote = 4 };

// Newlines in [p, e): memchr jumps over long quoted descriptions.
std::size_t count_newlines(const char* p, const char* e) {
  std::size_t n = 0;
  while (p < e && (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p))))) {
    ++n;
    ++p;
  }
  return n;
}
}  // namespace

CsvPreamble read_csv_preamble(std::string_view text) {
  CsvPreamble p;
  for (int i = 0; i < 2; ++i) {
    std::string_view rest = text.substr(p.bytes);
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (istarts_with(line, "#TYPE"))
      p.type_line = true;
    else if (istarts_with(line, "sep=") && line.size() == 5)
      p.sep = line[4];
    else
      break;
    p.bytes += eol == std::string_view::npos ? rest.size() : eol + 1;
    ++p.lines;
  }
  return p;
}

char sniff_delimiter(std::string_view text) {
  const char cands[3] = {',', ';', '\t'};
  std::size_t counts[3][8] = {};
  std::size_t line = 0;
  bool inq = false;
  for (std::size_t i = 0; i < text.size() && line < 8 && i < (1u << 20); ++i) {
    char c = text[i];
    if (c == '"')
      inq = !inq;
    else if (!inq && c == '\n')
      ++line;
    else if (!inq)
      for (int k = 0; k < 3; ++k)
        if (c == cands[k]) ++counts[k][line];
  }
  std::size_t lines = line == 0 ? 1 : line;
  if (lines > 8) lines = 8;
  // Prefer the candidate present on the header line and consistent across lines.
  int best = 0;
  double best_score = -1;
  for (int k = 0; k < 3; ++k) {
    if (counts[k][0] == 0) continue;
    std::size_t consistent = 0;
    for (std::size_t l = 0; l < lines; ++l) consistent += counts[k][l] == counts[k][0];
    double score = static_cast<double>(counts[k][0]) * (1.0 + static_cast<double>(consistent));
    if (score > best_score) {
      best_score = score;
      best = k;
    }
  }
  return cands[best];
}

CsvReader::CsvReader(std::string_view text, CsvDialect dialect) : text_(text), d_(dialect) {
  std::memset(cls_, kPlain, sizeof cls_);
  cls_[static_cast<unsigned char>(d_.delim)] = kDelim;
  cls_['\r'] = kCR;
  cls_['\n'] = kLF;
  cls_[static_cast<unsigned char>(d_.quote)] = kQuote;
}

CsvReader::Status CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  arena_.reset();
  error_ = {};
  const char* p = text_.data();
  const std::size_t n = text_.size();
  // Skip blank lines.
  while (pos_ < n && (p[pos_] == '\n' || p[pos_] == '\r')) {
    if (p[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return Status::end;
  row_offset_ = pos_;
  row_line_ = line_;
  for (;;) {
    // One field.
    if (pos_ < n && p[pos_] == d_.quote) {
      std::size_t start = ++pos_;
      bool escaped = false;
      for (;;) {
        const void* q = pos_ < n ? std::memchr(p + pos_, d_.quote, n - pos_) : nullptr;
        if (!q) {
          error_ = "unterminated quoted field (file truncated?)";
          // count lines for position reporting
          line_ += count_newlines(p + start, p + n);
          pos_ = n;
          return Status::error;
        }
        std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(q) - p);
        line_ += count_newlines(p + pos_, p + qi);
        if (qi + 1 < n && p[qi + 1] == d_.quote) {  // "" escape
          escaped = true;
          pos_ = qi + 2;
          continue;
        }
        std::string_view raw(p + start, qi - start);
        pos_ = qi + 1;
        if (!escaped) {
          fields.push_back(raw);
        } else {
          char* out = arena_.allocate(raw.size());
          std::size_t k = 0;
          for (std::size_t i = 0; i < raw.size(); ++i) {
            out[k++] = raw[i];
            if (raw[i] == d_.quote && i + 1 < raw.size() && raw[i + 1] == d_.quote) ++i;
          }
          fields.emplace_back(out, k);
        }
        // Lenient: text after the closing quote up to the delimiter is appended.
        if (pos_ < n && cls_[static_cast<unsigned char>(p[pos_])] == kPlain) {
          std::size_t s2 = pos_;
          while (pos_ < n && cls_[static_cast<unsigned char>(p[pos_])] == kPlain) ++pos_;
          std::string_view prev = fields.back(), tail(p + s2, pos_ - s2);
          char* out = arena_.allocate(prev.size() + tail.size());
          std::memcpy(out, prev.data(), prev.size());
          std::memcpy(out + prev.size(), tail.data(), tail.size());
          fields.back() = std::string_view(out, prev.size() + tail.size());
        }
        break;
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < n) {
        unsigned char c = cls_[static_cast<unsigned char>(p[pos_])];
        if (c == kDelim || c == kCR || c == kLF) break;
        ++pos_;
      }
      fields.emplace_back(p + start, pos_ - start);
    }
    // After a field: delimiter, end of line, or end of input.
    if (pos_ >= n) return Status::row;
    char c = p[pos_];
    if (c == d_.delim) {
      ++pos_;
      if (pos_ >= n) {
        fields.emplace_back();
        return Status::row;
      }
      continue;
    }
    if (c == '\r') {
      ++pos_;
      if (pos_ < n && p[pos_] == '\n') ++pos_;
      ++line_;
      return Status::row;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      return Status::row;
    }
    ++pos_;  // unreachable in practice; never loop forever
  }
}

bool open_csv_document(std::string_view text, CsvDocument& doc) {
  doc.bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  text.remove_prefix(doc.bom);
  doc.pre = read_csv_preamble(text);
  doc.body = text.substr(doc.pre.bytes);
  doc.delim = doc.pre.sep ? doc.pre.sep : sniff_delimiter(doc.body);
  doc.rows = std::make_unique<CsvReader>(doc.body, CsvDialect{doc.delim});
  std::vector<std::string_view> cells;
  const CsvReader::Status st = trim(doc.body).empty() ? CsvReader::Status::end : doc.rows->next(cells);
  if (st == CsvReader::Status::row) {
    doc.header.assign(cells.begin(), cells.end());
    return true;
  }
  doc.empty = st == CsvReader::Status::end;
  doc.problem =
      doc.empty ? "empty file: no header row"
                : "line " + std::to_string(doc.line()) + ": cannot read the header: " + std::string(doc.rows->error());
  return false;
}

}  // namespace idt
