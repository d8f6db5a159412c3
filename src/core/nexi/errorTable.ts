// The B2B errors' codes and wording (English; other languages in the l10n bundles, keyed by the English text). Its own module
// so that it loads when the first NexiError is made or shown, not at activation: the extension needs it only when a
// check or a reconciliation fails (issue 17 item 4). Loading it registers the tables with `translated`, before the
// first read of them.
import { translated } from '../l10n';

export type NexiErrorCode =
  | 'CREDENTIALS_INCOMPLETE'
  | 'KEY_UNUSABLE'
  | 'KEY_PASSPHRASE_WRONG'
  | 'CERTIFICATE_KEY_MISMATCH'
  | 'DNS_FAILED'
  | 'CONNECTION_FAILED'
  | 'CONNECTION_RESET'
  | 'TIMEOUT'
  | 'PROXY_FAILED'
  | 'TLS_SERVER_UNTRUSTED'
  | 'TLS_CLIENT_CERT_REJECTED'
  | 'TOKEN_INVALID_CLIENT'
  | 'TOKEN_FAILED'
  | 'JWKS_FAILED'
  | 'JWKS_NO_ENCRYPTION_KEY'
  | 'ASSERTION_REJECTED'
  | 'CLOCK_SKEW'
  | 'UNAUTHORIZED'
  | 'VALIDATION_FAILED'
  | 'TERMINAL_NOT_FOUND'
  | 'TRANSACTION_NOT_FOUND'
  | 'SERVER_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_HTML_ERROR'
  | 'UNEXPECTED_RESPONSE'
  | 'CANCELLED';

export interface ErrorInfo {
  readonly title: string;
  readonly explanation: string;
  readonly nextStep: string;
}

/** The English table (source of the translations, and of every logged `message`). */
export const englishErrorInfo: Readonly<Record<NexiErrorCode, ErrorInfo>> = {
  CREDENTIALS_INCOMPLETE: {
    title: 'Credentials incomplete',
    explanation: 'The environment lacks something every B2B call needs.',
    nextStep: 'Open the Nexi Credentials view and set what is marked missing.',
  },
  KEY_UNUSABLE: {
    title: 'Private key unusable',
    explanation: 'The private key (or PKCS#12 bundle) could not be read for signing and mTLS.',
    nextStep: 'Check the passphrase, or import the key again.',
  },
  KEY_PASSPHRASE_WRONG: {
    title: 'Wrong passphrase',
    explanation: 'The passphrase does not open the private key (or PKCS#12 bundle). Nothing was sent.',
    nextStep: 'Enter the passphrase the key was encrypted with (NEXI_KEY_PASSPHRASE / --passphrase in the CLI, or import the key again in the Credentials view).',
  },
  CERTIFICATE_KEY_MISMATCH: {
    title: 'Certificate and key do not belong together',
    explanation: 'The private key is not the one the certificate was issued for, so neither mTLS nor the assertion signature can work. Nothing was sent.',
    nextStep: 'Use the key you created the CSR with together with the certificate Nexi signed for that CSR.',
  },
  DNS_FAILED: {
    title: 'Host not found',
    explanation: 'The host name of the endpoint could not be resolved.',
    nextStep: 'Check the endpoint URL in the settings, your network and, behind a corporate proxy, http.proxy / HTTPS_PROXY.',
  },
  CONNECTION_FAILED: {
    title: 'Connection failed',
    explanation: 'No TCP connection could be opened to the endpoint.',
    nextStep: 'Check the URL and port, that the host is reachable from this machine, and the proxy settings.',
  },
  CONNECTION_RESET: {
    title: 'Connection dropped',
    explanation: 'The server or a proxy closed the connection before answering.',
    nextStep: 'Try again; if it keeps happening, a proxy may be cutting TLS connections or the server is overloaded.',
  },
  TIMEOUT: {
    title: 'Timed out',
    explanation: 'The server did not answer in time.',
    nextStep: 'Try again later; if it persists, check proxies and firewalls between you and Nexi.',
  },
  PROXY_FAILED: {
    title: 'Proxy refused the connection',
    explanation: 'The HTTP proxy did not open a tunnel to the endpoint.',
    nextStep: 'Check http.proxy / HTTPS_PROXY and NO_PROXY, and whether the proxy needs credentials.',
  },
  TLS_SERVER_UNTRUSTED: {
    title: 'Server certificate not trusted',
    explanation: 'The server presented a certificate that does not chain to a trusted CA, is expired, or is for another host. Verification is never switched off.',
    nextStep: 'Behind a TLS-inspecting corporate proxy, add its CA as the environment\'s extra CA bundle; otherwise check the URL.',
  },
  TLS_CLIENT_CERT_REJECTED: {
    title: 'Client certificate rejected (mTLS)',
    explanation: 'The server refused the TLS client certificate: none was sent, it is not signed by Nexi for this environment, it expired, or it does not match the key.',
    nextStep: 'Import the certificate Nexi returned for this environment (the .p7b or PEM) together with the key you made the CSR with.',
  },
  TOKEN_INVALID_CLIENT: {
    title: 'Client id or secret rejected',
    explanation: 'The token endpoint refused the client credentials.',
    nextStep: 'Check the client id (APP ID) and secret of this environment in the Nexi portal, and set them again.',
  },
  TOKEN_FAILED: {
    title: 'No access token',
    explanation: 'The token endpoint did not return an access token.',
    nextStep: 'Look at the HTTP status and body in the log; check the base URL of the environment.',
  },
  JWKS_FAILED: {
    title: 'Encryption keys unavailable',
    explanation: 'The JWKS endpoint did not return Nexi\'s public keys.',
    nextStep: 'Check the base URL; the JWKS call also uses mTLS, so the certificate must be accepted.',
  },
  JWKS_NO_ENCRYPTION_KEY: {
    title: 'No encryption key in the JWKS',
    explanation: 'The JWKS holds no RSA key usable for encryption, so no client assertion can be made.',
    nextStep: 'Report it to Nexi support with the time of the call.',
  },
  ASSERTION_REJECTED: {
    title: 'Client assertion rejected',
    explanation: 'The server refused the signed and encrypted client assertion (claims, signature, encryption key, or lifetime).',
    nextStep: 'Check that the terminal belongs to the app, that the certificate and key are the ones registered in the portal, and the claims shown by "Nexi: Show Client Assertion Claims".',
  },
  CLOCK_SKEW: {
    title: 'Clocks out of step',
    explanation: 'This machine\'s clock and the server\'s disagree, so the client assertion\'s iat/exp look wrong to the server; Nexi rejects an assertion issued in its future even by seconds.',
    nextStep: 'Synchronise this machine\'s clock (NTP) and try again.',
  },
  UNAUTHORIZED: {
    title: 'Unauthorized',
    explanation:
      'The server still refused the call after a fresh access token and a fresh JWKS key with a new assertion. The likely causes, in order: the clock (the measured offset is within tolerance, so less likely), the assertion\'s claims (client id, terminal ids, audience), the app not enabled.',
    nextStep:
      'Compare the claims with the portal (the claims command in VS Code: "Nexi: Show Client Assertion Claims…"), then check that the app is enabled for this point of sale and the developer user by the merchant.',
  },
  VALIDATION_FAILED: {
    title: 'Request rejected',
    explanation: 'The server rejected fields of the request.',
    nextStep: 'Correct the fields listed and try again.',
  },
  TERMINAL_NOT_FOUND: {
    title: 'Terminal not found',
    explanation: 'The backend does not know this terminal id for the app.',
    nextStep: 'Check the terminal id (8 digits, SoftPOS or MobilePOS TID of this merchant) and that the app is assigned to its point of sale.',
  },
  TRANSACTION_NOT_FOUND: {
    title: 'Transaction not found',
    explanation: 'No transaction with this callerTrxId exists for the terminal.',
    nextStep: 'Check terminal id and callerTrxId; a transaction that never reached Nexi (app crash before the payment) is not found either.',
  },
  SERVER_ERROR: {
    title: 'Server error',
    explanation: 'The server failed while handling the request (HTTP 500).',
    nextStep: 'Try again later; if it persists, report it to Nexi with the time of the call.',
  },
  UPSTREAM_UNAVAILABLE: {
    title: 'Service unavailable',
    explanation: 'A gateway or the service answered 502, 503 or 504 on every attempt.',
    nextStep: 'Try again later.',
  },
  UPSTREAM_HTML_ERROR: {
    title: 'HTML page instead of JSON',
    explanation: 'Something between you and the API (a proxy, a gateway, a login page) answered with an HTML page.',
    nextStep: 'Check the URL and the proxy settings; the page title is in the message.',
  },
  UNEXPECTED_RESPONSE: {
    title: 'Unexpected response',
    explanation: 'The server answered with something the API does not document.',
    nextStep: 'Look at the status and body excerpt in the log; check the endpoint URL.',
  },
  CANCELLED: {
    title: 'Cancelled',
    explanation: 'The call was cancelled.',
    nextStep: 'Run it again when you are ready.',
  },
};

/** The glue of a NexiError's message around the table's title and explanation. */
export const englishErrorTexts = {
  server: 'Server: "{message}".',
  fields: 'Fields: {fields}.',
  clockAhead: "Measured from the server's Date header: this machine's clock is {seconds} s ahead of the server's.",
  clockBehind: "Measured from the server's Date header: this machine's clock is {seconds} s behind the server's.",
} as const;

/** Why credentials or a call are missing something, as codes the adapters give (formatted when read). */
export const englishErrorReasons = {
  notConfirmed: 'not confirmed for production',
  noEndpoints: 'no endpoints',
  missing: '{environment} has no {missing}',
} as const;

/** What `connectionFromCredentials` finds missing, named for people (lower case: they go inside a sentence). */
export const englishMissingCredentials = {
  clientId: 'client id',
  clientSecret: 'client secret',
  certificate: 'certificate',
  privateKey: 'private key',
} as const;

export const errorInfoTable = translated('errors.info', englishErrorInfo);
export const errorTexts = translated('errors.texts', englishErrorTexts);
export const errorReasons = translated('errors.reasons', englishErrorReasons);
export const missingCredentials = translated('errors.missingCredentials', englishMissingCredentials);
