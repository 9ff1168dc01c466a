-- wrk script: POST a valid CreatePersonalAccessTokenRequest, each request as a new owner
-- (bearer token "load-RUN-T-N"), so every request creates a token (200) and none hits the
-- 10-token limit. RUN is the argument after `--` (give each run against one service its own).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  counter = 0
  run = args[1] or "run"
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v2025/personal-access-tokens", {
    ["Authorization"] = "Bearer load-" .. run .. "-" .. tid .. "-" .. counter,
    ["Content-Type"] = "application/json",
  }, '{"name":"load","scope":["sp:scopes:all"],"accessTokenValiditySeconds":36900,'
    .. '"expirationDate":"2099-12-31T23:59:59.999Z"}')
end
