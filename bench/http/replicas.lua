-- wrk script for bench/replicas-load.sh: spreads wrk's threads over the replicas (thread i talks to
-- the i-th port of REPLICA_PORTS, so -t3 drives three replicas at once into one latency histogram)
-- and, when SEARCH_ADDRESSES names a file, appends its addresses in turn to the URL's path
-- (http://127.0.0.1:P/api/search/ → /api/search/45.1.2.3, /api/search/…).
local ports = {}
for port in string.gmatch(os.getenv("REPLICA_PORTS") or "", "%d+") do
  ports[#ports + 1] = port
end
local started = 0

function setup(thread)
  assert(#ports > 0, "REPLICA_PORTS is empty: give the replicas' ports, e.g. REPLICA_PORTS=25430,25431,25432")
  started = started + 1
  local port = ports[(started - 1) % #ports + 1]
  thread.addr = wrk.lookup("127.0.0.1", port)[1]
  thread:set("start", started)
end

local addresses = {}
local turn = 0

function init(args)
  local path = os.getenv("SEARCH_ADDRESSES")
  if path and path ~= "" then
    for line in io.lines(path) do
      addresses[#addresses + 1] = line
    end
  end
  -- Threads start at different places in the list, so they do not ask in lockstep.
  turn = (start or 0) * 7919
end

function request()
  if #addresses == 0 then
    return wrk.request()
  end
  turn = turn % #addresses + 1
  return wrk.format(nil, wrk.path .. addresses[turn])
end
