-- wrk script for P6 (bench/p6_question_form.py runs it): POST the question form, again and again.
--
-- Arguments: `-- BODY_FILE TOKENS_PREFIX`. Every request is a POST of the urlencoded BODY_FILE (the
-- CSRF cookie and the Content-Type come as -H headers). Each thread writes the Location of every
-- 302 answer (/mijn-vraag/<token>/?verstuurd=1) to TOKENS_PREFIX<thread number>, one a line, so that
-- the benchmark can check afterwards that every acknowledged question is in the database.
--
-- At the end one line "BENCH_JSON {...}" gives what wrk_report.lua gives, plus the answers by status.

local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

local tokens = nil

function init(args)
   local file = assert(io.open(args[1], "rb"))
   wrk.method = "POST"
   wrk.body = file:read("*a")
   file:close()
   tokens = assert(io.open(args[2] .. thread_index, "w"))
   tokens:setvbuf("line")
   s302, s200, s400, s403, s429, s5xx, sother = 0, 0, 0, 0, 0, 0, 0
end

function response(status, headers, body)
   if status == 302 then
      s302 = s302 + 1
      tokens:write((headers["Location"] or headers["location"] or "?"), "\n")
   elseif status == 200 then
      s200 = s200 + 1
   elseif status == 400 then
      s400 = s400 + 1
   elseif status == 403 then
      s403 = s403 + 1
   elseif status == 429 then
      s429 = s429 + 1
   elseif status >= 500 then
      s5xx = s5xx + 1
   else
      sother = sother + 1
   end
end

function done(summary, latency, requests)
   local counts = { s302 = 0, s200 = 0, s400 = 0, s403 = 0, s429 = 0, s5xx = 0, sother = 0 }
   for _, thread in ipairs(threads) do
      for name, _ in pairs(counts) do
         counts[name] = counts[name] + (thread:get(name) or 0)
      end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
         .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
         .. '"mean_us": %.1f, "max_us": %d, "s302": %d, "s200": %d, "s400": %d, "s403": %d, '
         .. '"s429": %d, "s5xx": %d, "sother": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
      e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      latency.mean, latency.max, counts.s302, counts.s200, counts.s400, counts.s403, counts.s429,
      counts.s5xx, counts.sother))
end
