// Why: one RFC 4180 tokenizer for every CSV we read (sign-in/audit exports,
// tickets). Fields are views into the input; only fields with "" escapes are
// copied (into the reader's arena). Quoted newlines, CRLF, trailing
// delimiters and a missing final newline are all normal input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/arena.h"

namespace idt {

struct CsvDialect {
  char delim = ',';
  char quote = '"';
};

// Chooses ',', ';' or '\t' from the first lines (counting outside quotes).
char sniff_delimiter(std::string_view text);

// Lines some tools write before the header: PowerShell Export-Csv "#TYPE …",
// Excel "sep=;". Up to two such lines are recognised.
struct CsvPreamble {
  std::size_t bytes = 0, lines = 0;  // to skip before the header row
  char sep = 0;                      // from "sep=", 0 if none
  bool type_line = false;            // a "#TYPE" line was skipped
};
CsvPreamble read_csv_preamble(std::string_view text);

class CsvReader {
 public:
  enum class Status { row, end, error };

  CsvReader(std::string_view text, CsvDialect dialect = {});

  // Reads the next record into `fields` (cleared first). Views stay valid
  // until the next call. Blank lines are skipped.
  Status next(std::vector<std::string_view>& fields);

  std::size_t row_line() const { return row_line_; }      // 1-based line where the row began
  std::size_t row_offset() const { return row_offset_; }  // byte offset where the row began
  std::size_t position() const { return pos_; }
  std::string_view error() const { return error_; }
  // Raw bytes of the last row (for error messages and sniffing).
  std::string_view row_text() const { return text_.substr(row_offset_, pos_ - row_offset_); }

 private:
  std::string_view text_;
  CsvDialect d_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t row_line_ = 0, row_offset_ = 0;
  std::string_view error_;
  Arena arena_;
  unsigned char cls_[256];
};

// A whole CSV export opened for reading: UTF-8 BOM and preamble skipped,
// delimiter chosen ("sep=" line, else sniffed), header row read; `rows`
// continues after the header. Row lines are file lines (preamble counted),
// offsets are into the text given (BOM counted).
struct CsvDocument {
  std::size_t bom = 0;  // bytes of a UTF-8 BOM before everything else
  CsvPreamble pre;
  char delim = ',';
  std::string_view body;  // the text after the BOM and the preamble: the header row on
  std::vector<std::string> header;
  std::unique_ptr<CsvReader> rows;
  // Why there is no header row (open_csv_document returned false): "empty
  // file: no header row" (`empty`), or the line and the CSV error in it.
  std::string problem;
  bool empty = false;
  std::uint64_t line() const { return pre.lines + rows->row_line(); }
  std::uint64_t offset() const { return bom + pre.bytes + rows->row_offset(); }
};
// False when the text has no header row (empty, or broken quoting in it):
// `doc.problem` says which.
bool open_csv_document(std::string_view text, CsvDocument& doc);

}  // namespace idt
