#include <gtest/gtest.h>

#include "http/server.hpp"

namespace recirc::http {
namespace {

TEST(ConnectionCapTest, StaysBelowTheDescriptorLimit) {
  // The common default soft limit of 1024 descriptors: 10,000 connections would hit EMFILE.
  EXPECT_EQ(ConnectionCap(10'000, 1024), 1024 - kReservedDescriptors);
  EXPECT_EQ(ConnectionCap(10'000, 1'048'576), 10'000);
  EXPECT_EQ(ConnectionCap(10'000, 0), 10'000) << "unlimited";
  EXPECT_EQ(ConnectionCap(10'000, 100), 1) << "never zero: accept fails and backs off instead";
}

}  // namespace
}  // namespace recirc::http
