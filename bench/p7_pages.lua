-- wrk script for P7 (bench/p7_cases.py runs it): back-office pages with a session cookie (-H).
--
-- As wrk_report.lua: without arguments every request asks for the URL on wrk's command line;
-- with `-- PATHS_FILE THREADS [START]` each request asks for the next path of PATHS_FILE, each
-- thread in its own share. Besides wrk's own counts it counts the answers 200 and the others
-- (a 302 would be the login page: a session that no longer counts), so that only pages that
-- were really shown are counted as such.
--
-- At the end one line "BENCH_JSON {...}" as wrk_report.lua prints it, plus "s200" and "sother".

local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

local paths = nil
local position = 0

function init(args)
   s200, sother = 0, 0
   if args[1] == nil then
      request = nil
   else
      paths = {}
      for line in io.lines(args[1]) do
         if line ~= "" then
            paths[#paths + 1] = line
         end
      end
      local count = tonumber(args[2]) or 1
      position = math.floor(#paths / count) * (thread_index or 0) + (tonumber(args[3]) or 0)
   end
end

function request()
   position = position + 1
   return wrk.format("GET", paths[(position % #paths) + 1])
end

function response(status, headers, body)
   if status == 200 then
      s200 = s200 + 1
   else
      sother = sother + 1
   end
end

function done(summary, latency, requests)
   local ok, other = 0, 0
   for _, thread in ipairs(threads) do
      ok = ok + (thread:get("s200") or 0)
      other = other + (thread:get("sother") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
         .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
         .. '"mean_us": %.1f, "max_us": %d, "s200": %d, "sother": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
      e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      latency.mean, latency.max, ok, other))
end
