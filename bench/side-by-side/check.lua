-- wrk script of bench/side-by-side/run.sh: POSTs the run request in $BODY and counts the answers that are a completed
-- run (HTTP 200 and "status":"completed"); prints them and p50/p99 in ms when done.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  completed = 0
  other = 0
end

function response(status, headers, body)
  if status == 200 and body and string.find(body, '"status"%s*:%s*"completed"') then
    completed = completed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("completed")
    bad = bad + t:get("other")
  end
  io.write(string.format("RESULT runs %d completed %d not-completed %d errors %d seconds %.3f p50 %.2f p99 %.2f\n",
    summary.requests, ok, bad, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
