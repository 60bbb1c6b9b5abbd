// The router: method + path pattern -> handler. Patterns are literal segments and `{name}`
// parameters ("/api/v1/municipalities/{code}"); a final "{*rest}" takes the rest of the path.
// Routes are added at start-up; Match() is then read-only and safe from any thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "domain/access/access.h"
#include "http/message.h"

namespace samskab::http {

// A handler answers with a Response, or with a failed Status that the error renderer turns into
// the right status code and page (see http/errors.h).
using Handler = std::function<Result<Response>(Request&)>;

// Where a handler runs. Database work and templates go to the worker pool; only handlers that
// are cheap and never block (static files, /healthz) stay on the I/O thread. Handlers that hash
// a password (argon2id: tens of milliseconds and 64 MiB each) run on their own small pool, so
// that logins at full rate cannot take every worker from the other pages.
enum class Runs { kOnWorker, kOnIoThread, kOnHashPool };

struct Route {
  std::string method;
  std::string pattern;
  domain::Access access;  // who may use it; checked by the dispatcher before the handler runs
  Handler handler;
  Runs runs = Runs::kOnWorker;
  std::vector<std::string> segments;  // the pattern split at '/'
};

struct Match {
  const Route* route = nullptr;  // null: 404 or 405
  std::string allow;             // for 405: the methods the path does take, "GET, HEAD"
};

class Router {
 public:
  // Every route names who may use it: there is no default, so no route is open by accident.
  // Routes on the I/O thread must be public (they run before any database lookup of a session).
  void Add(std::string method, std::string pattern, domain::Access access, Handler handler,
           Runs runs = Runs::kOnWorker);
  // Finds the route for the request and fills request.path_params and request.route_name.
  // HEAD is answered by the GET route.
  Match Resolve(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace samskab::http
