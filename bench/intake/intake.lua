-- wrk script: each request registers one phone with a fresh, valid IMEI (Luhn check digit).
-- Threads get disjoint IMEI ranges; the outlet id and session come from the environment.
-- thread_id is a global on purpose: setup() sets it in each thread's own Lua state.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local function imei(n)
  local first14 = string.format("35%012d", n)
  local sum = 0
  for i = 1, 14 do
    local d = tonumber(first14:sub(i, i))
    if i % 2 == 0 then
      d = d * 2
      if d > 9 then d = d - 9 end
    end
    sum = sum + d
  end
  return first14 .. tostring((10 - sum % 10) % 10)
end

function init(args)
  thread_id = thread_id or 0
  outlet = os.getenv("RECIRC_OUTLET")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("RECIRC_KEY")
end

function request()
  counter = counter + 1
  local n = thread_id * 100000000 + counter
  local body = '{"outlet_id":"' .. outlet .. '","kind":"purchase","channel":"store",' ..
    '"price_fen":80000,"payment_method":"cash","person_matches_id":true,' ..
    '"origin_statement":"self-used","seller":{"kind":"individual","name":"Bench",' ..
    '"id_type":"passport","id_number":"E' .. n .. '"},' ..
    '"item":{"category":"phone","brand":"Xiaomi","model":"14","identifiers":{"imei":"' ..
    imei(n) .. '"},"condition":"good"}}'
  return wrk.format("POST", "/api/v1/acquisitions", nil, body)
end
