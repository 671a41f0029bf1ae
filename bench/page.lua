-- wrk script: question pages of running attempts, each with its owner's visitor cookie.
--
-- BENCH_TOKENS names a file of "<visitor cookie> <csrf token> <attempt token>" lines
-- (bench/prepare_attempts.py). Thread t of n takes lines t, t+n, …; request j shows
-- question (j div K) mod BENCH_ITEMS of attempt j mod K. Any answer but 200 is counted
-- as an error (an expired attempt would redirect).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("BENCH_THREADS") or "2")
  item_count = tonumber(os.getenv("BENCH_ITEMS") or "10")
  attempts = {}
  local line_no = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if line_no % n == id then
      local cookie, _, token = line:match("^(%S+) (%S+) (%S+)$")
      table.insert(attempts, {
        headers = { ["Cookie"] = "lesocial_visiteur=" .. cookie },
        path = "/epreuves/" .. token .. "?q=",
      })
    end
    line_no = line_no + 1
  end
  sent, failed = 0, 0
end

function request()
  local k = #attempts
  local a = attempts[(sent % k) + 1]
  local position = math.floor(sent / k) % item_count
  sent = sent + 1
  return wrk.format("GET", a.path .. position, a.headers)
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("page failed: ", status, "\n") end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failed") end
  io.write(string.format("BENCH failed=%d\n", total))
end
