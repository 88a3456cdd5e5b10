-- wrk script for bench/compare.sh: one kind of request (KIND from the env) spread at random over the first
-- FRANCHISES synthetic franchises and the films listed in FILMS (a file of film IRIs, one a line).
--   point    SPARQL: every statement about one film               (SPARQL at ENDPOINT, GET ?query=)
--   members  SPARQL: a franchise's films ordered by release date
--   join     SPARQL: franchise -> film -> performance -> actor -> label (3 hops from the film)
--   chronology, film   reelgraph's JSON API;   dump   DUMP_PATH (answers are not read into memory)
-- Every answer must be 200 and non-empty (SPARQL: at least one binding); the others are counted per thread
-- and done() prints them, with a machine-readable RESULT line for compare.sh.
local kind = os.getenv("KIND") or "point"
local endpoint = os.getenv("ENDPOINT") or "/sparql"
local franchises = tonumber(os.getenv("FRANCHISES") or "1000")
local films = {}
if os.getenv("FILMS") then
  for line in io.lines(os.getenv("FILMS")) do films[#films + 1] = line end
end

local RG = "https://w3id.org/reelgraph/"
local PREFIXES = "PREFIX rg: <" .. RG .. "ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
local QUERIES = {
  point = "SELECT ?p ?o WHERE { <%s> ?p ?o }",
  members = "SELECT ?film ?date WHERE { ?film rg:partOfFranchise <%s> ; rg:releaseDate ?date } ORDER BY ?date ?film",
  join = "SELECT ?film ?actor ?name WHERE { ?film rg:partOfFranchise <%s> ; rg:performance ?perf . "
      .. "?perf rg:actor ?actor . ?actor rdfs:label ?name }",
}

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function film() return films[math.random(1, #films)] end
local function franchise() return "synthetic-" .. math.random(1, franchises) end

local sparql_headers = { ["Accept"] = "application/sparql-results+json" }

request = function()
  if kind == "point" then
    return wrk.format("GET", endpoint .. "?query=" .. urlencode(PREFIXES .. string.format(QUERIES.point, film())), sparql_headers)
  elseif kind == "members" or kind == "join" then
    local q = string.format(QUERIES[kind], RG .. "id/franchise/" .. franchise())
    return wrk.format("GET", endpoint .. "?query=" .. urlencode(PREFIXES .. q), sparql_headers)
  elseif kind == "chronology" then
    return wrk.format("GET", "/api/franchises/" .. franchise() .. "/chronology?order=story")
  elseif kind == "film" then
    return wrk.format("GET", "/api/films/" .. film():match("[^/]+$"))
  elseif kind == "dump" then
    return wrk.format("GET", os.getenv("DUMP_PATH"), { ["Accept"] = os.getenv("DUMP_ACCEPT") or "*/*" })
  end
  error("unknown KIND " .. kind)
end

bad = 0
if kind ~= "dump" then
  -- A dump is hundreds of MB: with a response() function wrk would hold each body in memory.
  response = function(status, headers, body)
    if status ~= 200 or body == nil or #body == 0 then
      bad = bad + 1
    elseif QUERIES[kind] and not body:find('"bindings"%s*:%s*%[%s*{') then
      bad = bad + 1
    end
  end
end

local threads = {}
setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("seed", 41 + #threads)
end

init = function(args)
  math.randomseed(seed or 42)
end

done = function(summary, latency, requests)
  -- wrk counts non-2xx/3xx itself; response() counted those (and non-200s) already, except for dumps.
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  if kind == "dump" then failed = failed + summary.errors.status end
  for _, t in ipairs(threads) do failed = failed + (t:get("bad") or 0) end
  io.write(string.format("non-200 or empty answers: %d\n", failed))
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f bad=%d bytes=%d\n",
      summary.requests, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, summary.bytes))
end
