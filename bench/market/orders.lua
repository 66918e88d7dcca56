-- wrk script: each request places an order for the next published offer (one order per offer;
-- threads take disjoint slices of the offers file). The API key comes from the environment.
local threads = {}
function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = thread_id or 0
  offers = {}
  for line in io.lines(os.getenv("RECIRC_OFFERS")) do
    local id, version = line:match("(%S+) (%d+)")
    table.insert(offers, {id, version})
  end
  nthreads = tonumber(os.getenv("RECIRC_THREADS"))
  next_index = thread_id + 1
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("RECIRC_KEY")
end

function request()
  local o = offers[next_index] or offers[#offers]
  next_index = next_index + nthreads
  local body = '{"offer_id":"' .. o[1] .. '","buyer_ref":"BENCH","provider":"simulated",' ..
    '"accepted_disclosure_version":' .. o[2] .. '}'
  return wrk.format("POST", "/api/v1/orders", nil, body)
end
