// The B2B API's paths below the environment's base URL (spec §14). On their own so that what only needs the paths
// (curl commands, the credentials' connection settings) does not load the client (issue 17 item 4).
export const endpoints = {
  token: '/softpos/appenrollment/token',
  jwks: '/softpos/par/jwks.json',
  checkTransaction: '/mpos-core/app/checkTransaction',
} as const;
