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

}  // namespace recirc::documents
