#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace recirc::http {
namespace {

TEST(ClientAddressTest, ForwardedForCountsOnlyFromATrustedProxy) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", trusted), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", trusted), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", trusted), "127.0.0.1");
  // Read from the right: the client cannot prepend an address of its choosing.
  EXPECT_EQ(ClientAddress("127.0.0.1", "1.1.1.1, 198.51.100.1", trusted), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, 10.0.0.2", trusted), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "not an address", trusted), "127.0.0.1");
  EXPECT_EQ(ClientAddress("::ffff:127.0.0.1", "198.51.100.1", trusted), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", {}), "127.0.0.1");
}

}  // namespace
}  // namespace recirc::http
