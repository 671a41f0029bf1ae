-- wrk script: answer saves spread over many prepared attempts.
--
-- BENCH_TOKENS names a file of "<visitor cookie> <csrf token> <attempt token>" lines
-- (bench/prepare_attempts.py). Thread t of n takes lines t, t+n, t+2n, … and sends its
-- requests round-robin over them: request j goes to attempt j mod K, item (j div K) mod 10,
-- with seq = BENCH_SEQ_BASE + j div K, so every item sees increasing numbers and a
-- connection never races another on the same item. Only 200 answers saying "saved" count.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("BENCH_THREADS") or "2")
  local items = tonumber(os.getenv("BENCH_ITEMS") or "10")
  base = tonumber(os.getenv("BENCH_SEQ_BASE") or "1")
  attempts = {}
  local line_no = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if line_no % n == id then
      local cookie, csrf, token = line:match("^(%S+) (%S+) (%S+)$")
      table.insert(attempts, {
        headers = { ["Cookie"] = "lesocial_visiteur=" .. cookie, ["X-CSRF-Token"] = csrf,
                    ["Content-Type"] = "application/json" },
        path = "/api/v1/attempts/" .. token .. "/items/",
      })
    end
    line_no = line_no + 1
  end
  item_count = items
  sent, saved, refused = 0, 0, 0
end

function request()
  local k = #attempts
  local a = attempts[(sent % k) + 1]
  local round = math.floor(sent / k)
  local position = round % item_count
  sent = sent + 1
  local body = string.format('{"flagged": true, "seq": %d}', base + round)
  return wrk.format("PUT", a.path .. position .. "/answer", a.headers, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"saved"', 1, true) then
    saved = saved + 1
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("save refused: ", status, " ", body, "\n") end
  end
end

function done(summary, latency, requests)
  local total_saved, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_saved = total_saved + thread:get("saved")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("BENCH saved=%d refused=%d duration_us=%d\n",
    total_saved, total_refused, summary.duration))
end
