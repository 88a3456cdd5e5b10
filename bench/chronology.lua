-- wrk script: chronology requests spread over the first N synthetic franchises (N from the env, default 1000).
local n = tonumber(os.getenv("FRANCHISES") or "1000")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/franchises/synthetic-" .. math.random(1, n) .. "/chronology?order=story")
end
-- Every answer must be 200 with a body; anything else is counted and reported.
local bad = 0
response = function(status, headers, body)
  if status ~= 200 or #body == 0 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("non-200 or empty answers: %d\n", summary.errors.status + bad))
end
