-- wrk script for the benchmarks (bench/common.py runs it).
--
-- Without arguments every request asks for the URL given on wrk's command line.
-- With arguments `-- PATHS_FILE THREADS [START]`, each request asks for the next path of
-- PATHS_FILE (one path a line); each thread starts START lines into its own share of the file,
-- so no path is asked twice while the share lasts ("cold": nothing is reused).
--
-- At the end one line "BENCH_JSON {...}" gives the counts and the exact latency percentiles
-- in microseconds.

local thread_count = 0

function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
end

local paths = nil
local position = 0

function init(args)
   if args[1] == nil then
      -- One fixed URL: leave the request to wrk itself (a static request is cheaper).
      request = nil
   else
      paths = {}
      for line in io.lines(args[1]) do
         if line ~= "" then
            paths[#paths + 1] = line
         end
      end
      local threads = tonumber(args[2]) or 1
      position = math.floor(#paths / threads) * (thread_index or 0) + (tonumber(args[3]) or 0)
   end
end

function request()
   position = position + 1
   return wrk.format("GET", paths[(position % #paths) + 1])
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
         .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
         .. '"mean_us": %.1f, "max_us": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
      e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      latency.mean, latency.max))
end
