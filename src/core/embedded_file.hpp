#pragma once
// A file compiled into the binary (migrations, the OpenAPI document); see cmake/embed_files.cmake.

#include <span>
#include <string_view>

namespace recirc {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

}  // namespace recirc
