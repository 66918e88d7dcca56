#include "documents/spreadsheet_cell.hpp"

namespace recirc::documents {

std::string NeutraliseSpreadsheetCell(std::string_view text) {
  if (text.empty()) return {};
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return "'" + std::string(text);
    default:
      return std::string(text);
  }
}

std::string CsvField(std::string_view text) {
  std::string cell = NeutraliseSpreadsheetCell(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace recirc::documents
