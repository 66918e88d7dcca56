#include "documents/xlsx_file.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace recirc::documents {

Result<std::string> WriteWorkbook(std::string_view what,
                                  const std::function<void(lxw_workbook*)>& fill) {
  char path[] = "/tmp/recirc-xlsx-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0)
    return Error::Unavailable("cannot create a temporary file for the " + std::string(what));
  ::close(fd);
  lxw_workbook* book = workbook_new(path);
  if (book == nullptr) {
    ::unlink(path);
    return Error::Unavailable("cannot start the " + std::string(what));
  }
  fill(book);
  const lxw_error err = workbook_close(book);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ::unlink(path);
  if (err != LXW_NO_ERROR) {
    return Error::Internal(std::string(what) + ": " + lxw_strerror(err));
  }
  return bytes.str();
}

}  // namespace recirc::documents
