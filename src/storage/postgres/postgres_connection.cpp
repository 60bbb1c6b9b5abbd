#include "storage/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

namespace samskab::storage {

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;
  for (const char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += fmt::format("${}", next++);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

Status ErrorFrom(PGconn* conn, const PGresult* result, std::string_view sql) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state ? state : "";
  std::string message =
      fmt::format("postgres: {} [{}] in: {}", result ? PQresultErrorMessage(result) : PQerrorMessage(conn),
                  sqlstate, sql.substr(0, 200));
  if (sqlstate == "23505") return {ErrorCode::kAlreadyExists, std::move(message)};
  if (sqlstate == "23503") return {ErrorCode::kFailedPrecondition, std::move(message)};
  if (sqlstate.rfind("23", 0) == 0) return {ErrorCode::kInvalidArgument, std::move(message)};
  // 08: connection exception; 57P: operator intervention (shutdown); 40: serialization/deadlock.
  if (sqlstate.empty() || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0 ||
      sqlstate.rfind("40", 0) == 0 || sqlstate == "53300") {
    return {ErrorCode::kUnavailable, std::move(message)};
  }
  return {ErrorCode::kInternal, std::move(message)};
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::kPostgres; }
  bool healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    auto result = Run(sql, params);
    if (!result.ok()) return result.status();
    return ToRows(result->get());
  }

  Result<int64_t> Execute(std::string_view sql, const Params& params) override {
    auto result = Run(sql, params);
    if (!result.ok()) return result.status();
    const char* affected = PQcmdTuples(result->get());
    int64_t n = 0;
    if (affected && *affected) std::from_chars(affected, affected + std::strlen(affected), n);
    return n;
  }

  Status ExecuteScript(std::string_view sql) override {
    ResultPtr result(PQexec(conn_, std::string(sql).c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      return ErrorFrom(conn_, result.get(), "script");
    return Status::Ok();
  }

 private:
  Result<ResultPtr> Run(std::string_view sql, const Params& params) {
    auto prepared = Prepare(sql, static_cast<int>(params.size()));
    if (!prepared.ok()) return prepared.status();
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<Null>(v)) continue;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        text[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        text[i] = fmt::format("{}", *d);
      } else {
        text[i] = std::get<std::string>(v);
      }
      values[i] = text[i].c_str();
    }
    ResultPtr result(PQexecPrepared(conn_, prepared->c_str(), static_cast<int>(params.size()), values.data(),
                                    nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorFrom(conn_, result.get(), sql);
    return result;
  }

  Result<std::string> Prepare(std::string_view sql, int n_params) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second;
    std::string name = fmt::format("s{}", statements_.size() + 1);
    const std::string rewritten = RewritePlaceholders(sql);
    ResultPtr result(PQprepare(conn_, name.c_str(), rewritten.c_str(), n_params, nullptr));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return ErrorFrom(conn_, result.get(), sql);
    statements_.emplace(std::string(sql), name);
    return name;
  }

  static Rows ToRows(const PGresult* result) {
    const int n_rows = PQntuples(result);
    const int n_cols = PQnfields(result);
    Rows rows;
    rows.reserve(n_rows);
    for (int r = 0; r < n_rows; ++r) {
      std::vector<Value> values;
      values.reserve(n_cols);
      for (int c = 0; c < n_cols; ++c) {
        if (PQgetisnull(result, r, c)) {
          values.emplace_back(Null{});
          continue;
        }
        const char* raw = PQgetvalue(result, r, c);
        const int length = PQgetlength(result, r, c);
        switch (PQftype(result, c)) {
          case kInt8Oid:
          case kInt4Oid:
          case kInt2Oid: {
            int64_t n = 0;
            std::from_chars(raw, raw + length, n);
            values.emplace_back(n);
            break;
          }
          case kBoolOid:
            values.emplace_back(static_cast<int64_t>(raw[0] == 't' ? 1 : 0));
            break;
          case kFloat4Oid:
          case kFloat8Oid:
          case kNumericOid:
            values.emplace_back(std::strtod(raw, nullptr));
            break;
          default:
            values.emplace_back(std::string(raw, length));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Status status = Unavailable(fmt::format("cannot connect to PostgreSQL: {}", PQerrorMessage(conn)));
    PQfinish(conn);
    return status;
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // Quiet NOTICEs (e.g. "relation already exists, skipping") and keep one time zone for all.
  SAMSKAB_RETURN_IF_ERROR(
      connection->ExecuteScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace samskab::storage
