#pragma once
// One rule for every text cell a spreadsheet program may open (the register's CSV and XLSX
// reports): a cell that begins with = + - @, a tab or a carriage return would be read as a
// formula (CSV injection, OWASP "CSV Injection"), so it gets a leading single quote and is shown
// as the text it is. Both report writers call this; numbers we format ourselves never need it.

#include <string>
#include <string_view>

namespace recirc::documents {

std::string NeutraliseSpreadsheetCell(std::string_view text);

// One CSV field (RFC 4180): the text neutralised as above, in double quotes (inner quotes doubled)
// when it holds a comma, a quote or a line break.
std::string CsvField(std::string_view text);

}  // namespace recirc::documents
