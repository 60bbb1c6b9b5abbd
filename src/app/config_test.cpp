#include "app/config.h"

#include <gtest/gtest.h>

namespace samskab::app {
namespace {

TEST(Config, FileThenEnvironmentThenFlagsEachOverrideTheOneBefore) {
  Config config;
  ASSERT_TRUE(
      ApplyToml(
          config,
          "[server]\nlisten = \"0.0.0.0:9000\"\nworker_threads = 3\n[database]\nurl = \"sqlite:file.db\"\n",
          "samskab.toml")
          .ok());
  EXPECT_EQ(config.server_listen, "0.0.0.0:9000");
  EXPECT_EQ(config.server_worker_threads, 3);
  ASSERT_TRUE(
      ApplyEnvironment(config, {{"SAMSKAB_SERVER_WORKER_THREADS", "5"}, {"SAMSKAB_UNRELATED", "x"}}).ok());
  EXPECT_EQ(config.server_worker_threads, 5);
  EXPECT_EQ(config.database_url, "sqlite:file.db");
  ASSERT_TRUE(ApplySetting(config, "server.worker_threads", "7", "flag").ok());
  EXPECT_EQ(config.server_worker_threads, 7);
  EXPECT_EQ(config.ListenHost(), "0.0.0.0");
  EXPECT_EQ(config.ListenPort(), 9000);
}

TEST(Config, TheSiteMunicipalityIsADanishCodeOrNoAndANorwegianOne) {
  Config config;
  ASSERT_TRUE(ApplySetting(config, "site.municipality", "0190", "flag").ok());
  EXPECT_EQ(config.site_municipality, "0190");
  ASSERT_TRUE(ApplySetting(config, "site.municipality", "no-0301", "flag").ok());
  EXPECT_EQ(config.site_municipality, "no-0301");
}

struct BadSetting {
  std::string key;
  std::string value;
  std::string expected_fragment;
};

TEST(Config, AnInvalidValueNamesTheKeyTheSourceAndWhatIsWrong) {
  const BadSetting cases[] = {
      {"server.worker_threads", "0", "from 1 to 256"},
      {"server.worker_threads", "many", "whole number"},
      {"server.listen", "8080", "HOST:PORT"},
      {"server.listen", "localhost:99999", "0 to 65535"},
      {"database.url", "mysql://x", "sqlite: or postgresql://"},
      {"log.level", "loud", "trace, debug"},
      {"server.trust_forwarded", "maybe", "true or false"},
      {"site.municipality", "190", "four-digit"},
      {"site.municipality", "no-301", "no-0301"},
      {"site.municipality", "se-0180", "four-digit"},
      {"site.municipality", "0301-no", "four-digit"},
      {"server.colour", "blue", "unknown setting"},
  };
  for (const auto& c : cases) {
    Config config;
    const Status status = ApplySetting(config, c.key, c.value, "environment SAMSKAB_X");
    ASSERT_FALSE(status.ok()) << c.key;
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(status.log_message().find(c.key), std::string::npos) << status.log_message();
    EXPECT_NE(status.log_message().find("environment SAMSKAB_X"), std::string::npos) << status.log_message();
    EXPECT_NE(status.log_message().find(c.expected_fragment), std::string::npos) << status.log_message();
  }
}

TEST(Config, TomlErrorsNameTheKeyOrTheLine) {
  Config config;
  Status unknown = ApplyToml(config, "[server]\nlisen = \"x\"\n", "samskab.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.log_message().find("server.lisen"), std::string::npos);
  Status broken = ApplyToml(config, "[server\nlisten = 1\n", "samskab.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.log_message().find("line 1"), std::string::npos) << broken.log_message();
  Status wrong_type = ApplyToml(config, "[server]\nworker_threads = [1, 2]\n", "samskab.toml");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.log_message().find("server.worker_threads"), std::string::npos);
  Status top_level = ApplyToml(config, "listen = \"x:1\"\n", "samskab.toml");
  ASSERT_FALSE(top_level.ok());
  EXPECT_NE(top_level.log_message().find("listen"), std::string::npos);
}

TEST(Config, AFailedSettingChangesNothing) {
  Config config;
  const int before = config.server_worker_threads;
  EXPECT_FALSE(ApplySetting(config, "server.worker_threads", "-1", "flag").ok());
  EXPECT_EQ(config.server_worker_threads, before);
}

}  // namespace
}  // namespace samskab::app
