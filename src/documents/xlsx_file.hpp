#pragma once
// A workbook written by libxlsxwriter and returned as bytes. libxlsxwriter 1.1.4 (Debian 12)
// writes to a file only: a private temporary file, removed whatever happens.

#include <xlsxwriter.h>

#include <functional>
#include <string>

#include "core/error.hpp"

namespace recirc::documents {

// Calls fill(book) on a new workbook, closes it and returns the file's bytes.
Result<std::string> WriteWorkbook(std::string_view what,
                                  const std::function<void(lxw_workbook*)>& fill);

}  // namespace recirc::documents
