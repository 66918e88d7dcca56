# recirc_module(NAME DEPS ...): one static library per source folder.
# Every *.cpp in the folder (not recursing) except *_test.cpp goes into the library; the
# *_test.cpp files become one GoogleTest binary NAME_tests, registered with CTest.
# Globbing keeps a new file a one-step change; CONFIGURE_DEPENDS re-globs on every build.
function(recirc_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
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
