-- wrk script of `make bench` (scripts/bench_http.py): prints one JSON line of figures.
-- Arguments after `--`: "unique" asks a new URL each time (`_bench=<thread>-<n>`), so no
-- request is answered from the whole-page cache; "post <body>" sends a form.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  unique = args[1] == "unique"
  if args[1] == "post" then
    wrk.method = "POST"
    wrk.body = args[2]
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

function request()
  if unique then
    counter = counter + 1
    local separator = wrk.path:find("?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "_bench=" .. id .. "-" .. counter)
  end
  return wrk.format()
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "socket_errors": %d, "bad_status": %d, ' ..
    '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
