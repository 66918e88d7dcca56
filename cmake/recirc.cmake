# recirc_module(NAME DEPS ... [DIRS sub ...]): one static library per source folder (plus the
# listed subfolders).
# Every *.cpp in the folder (not recursing) except *_test.cpp goes into the library; the
# *_test.cpp files become one GoogleTest binary NAME_tests, registered with CTest.
# Globbing keeps a new file a one-step change; CONFIGURE_DEPENDS re-globs on every build.
function(recirc_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS;DIRS" ${ARGN})
  set(globs ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(test_globs ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  foreach(dir ${ARG_DIRS})
    list(APPEND globs ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cpp)
    list(APPEND test_globs ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*_test.cpp)
  endforeach()
  file(GLOB srcs CONFIGURE_DEPENDS ${globs})
  file(GLOB tests CONFIGURE_DEPENDS ${test_globs})
  if(tests)
    list(REMOVE_ITEM srcs ${tests})
  endif()
  add_library(${name} STATIC ${srcs})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  if(tests)
    add_executable(${name}_tests ${tests})
    target_link_libraries(${name}_tests PRIVATE ${name} ${ARG_TEST_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
    gtest_discover_tests(${name}_tests DISCOVERY_MODE PRE_TEST
      PROPERTIES ENVIRONMENT "RECIRC_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  endif()
endfunction()

# recirc_embed(TARGET FUNCTION NAMESPACE FILES...): compiles the files' contents into TARGET as
# `std::span<const recirc::EmbeddedFile> NAMESPACE::FUNCTION()`; rebuilt when a file changes.
function(recirc_embed target function namespace)
  set(files ${ARGN})
  list(SORT files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${function}_embedded.cpp)
  string(REPLACE ";" "|" files_arg "${files}")  # a list cannot cross the command line intact
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} -DFUNCTION=${function} -DNAMESPACE=${namespace}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${function}" VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
