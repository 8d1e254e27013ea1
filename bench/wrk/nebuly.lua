-- wrk script of bench/run.sh: sends one workload of the load runners and appends one JSON line in
-- their format (io.github.nebuly4j.bench.load.Measurement) to $WRK_OUT, so that the report reads
-- wrk's figures as it reads every client's. The ids and the key are the ones of
-- io.github.nebuly4j.bench.fixture.Fixtures; the loopback server accepts any Bearer key and any id.
local workload = os.getenv("WRK_WORKLOAD") or "conversation"
local concurrency = tonumber(os.getenv("WRK_CONCURRENCY") or "0")
local rep = tonumber(os.getenv("WRK_REP") or "1")
local out = os.getenv("WRK_OUT")

wrk.headers["Authorization"] = "Bearer bench-api-key"
wrk.headers["Accept"] = "application/json"
if workload == "conversation" then
  wrk.method = "POST"
  wrk.path = "/api/external/get-conversation-detail"
  wrk.body = '{"conversation_id":"2b6f0cc9-04d4-4b8e-9d3b-6a1c2f7e9a10"}'
  wrk.headers["Content-Type"] = "application/json"
elseif workload == "interaction-link" then
  wrk.path = "/api/external/deeplinks/interaction/7d1e5f3a-9c2b-4e8f-a6d0-3b9c8e1f2a47"
elseif workload == "conversation-link" then
  wrk.path = "/api/external/deeplinks/conversation/2b6f0cc9-04d4-4b8e-9d3b-6a1c2f7e9a10"
else
  error("unknown WRK_WORKLOAD " .. workload)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local ok = summary.requests - e.status
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{"client":"wrk","workload":"%s","concurrency":%d,"rep":%d,"seconds":%.6f,"requests":%d,'
      .. '"errors":%d,"requestsPerSecond":%.3f,"p50Micros":%.1f,"p99Micros":%.1f,"meanMicros":%.1f,'
      .. '"allocatedBytesPerCall":-1,"cpuMicrosPerCall":-1,"firstError":"%s"}\n',
    workload, concurrency, rep, seconds, ok, errors, ok / seconds,
    latency:percentile(50), latency:percentile(99), latency.mean,
    errors > 0 and string.format("connect %d, read %d, write %d, status %d, timeout %d",
      e.connect, e.read, e.write, e.status, e.timeout) or "")
  if out then
    local file = assert(io.open(out, "a"))
    file:write(line)
    file:close()
  else
    io.write(line)
  end
end
