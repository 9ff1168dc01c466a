-- wrk script: POST a request that breaks three rules, as one owner: every answer is a 400
-- ErrorResponseDto (the validation and error-body path).
wrk.method = "POST"
wrk.path = "/v2025/personal-access-tokens"
wrk.headers["Authorization"] = "Bearer load"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"","accessTokenValiditySeconds":14,"expirationDate":"2000-01-01T00:00:00Z"}'
