// Every text the credentials code shows a person: error messages and next steps, certificate findings, the tree's
// field states, import summaries and confirmations, field labels and input checks, CSR subject problems, keyring
// verdicts and the secret linter's diagnostics. English here, other languages in the l10n bundles (key: the English
// text). Read at call time: `text(key, params)` in the current locale; `msg(key, params)` keeps the key and its
// parameters for a CredentialError, whose `message` is worded in English (logs) and `userMessage` in the locale of
// the reader. Where a source (`{where}`: a file name, or the clipboard as the editor names it) would need an article
// or a preposition, translations put it after a colon or in parentheses, so the sentence reads right whatever the
// editor passes in.
import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';

export const credentialMessagesEn = {
  // certificates.ts
  certificateUnreadable: 'The certificate could not be read: it is damaged or not an X.509 certificate.',
  certificateUnreadableNext: 'Import the file Nexi sent (the .p7b, or the PEM converted from it).',
  certExpired: 'Expired on {date}: create a new key and CSR and ask Nexi to sign it.',
  certExpiring: 'Expires {when} ({date}): create a new key and CSR now; Nexi returns the signed certificate by e-mail.',
  expiresWithinDay: 'in less than a day',
  expiresInOneDay: 'in {days} day',
  expiresInDays: 'in {days} days',
  certNotYetValid: "Not valid before {date}: check the computer's clock, or wait.",
  certNoEku: 'Has no extendedKeyUsage; the CSR Nexi expects asks for clientAuth (spec §14.2).',
  certNoClientAuth: 'Its extendedKeyUsage does not include clientAuth, so mTLS with it fails: create the CSR with "Nexi: Create Key and CSR for the Nexi Portal".',
  certKeyNotRsa: "Its key is {keyType}, not RSA: Nexi's B2B channel uses RSA-2048 keys and RS256 assertions (spec §14.2, §14.6).",
  certKeyTooSmall: 'Its RSA key has {bits} bits; at least 2048 are needed (spec §14.2).',
  certStagingInProduction: 'Its subject OU names STAGING ({ou}): this is a staging certificate, stored under a production environment.',
  certNotStaging: "Its subject OU does not name STAGING ({ou}): Nexi's staging certificates do; is it the production one?",
  noOu: 'no OU',
  certIsCa: 'It is a CA certificate, not the developer certificate Nexi issues for your app.',
  certKeyMismatch: 'It does not belong to the stored private key (the public keys differ): import the matching key, or the certificate Nexi signed for this key.',
  keyOpenSsh: 'This is an OpenSSH private key, which TLS clients cannot use.',
  keyOpenSshNext: 'Convert it with "ssh-keygen -p -m PKCS8 -f <file>" and import the result, or create a new key and CSR.',
  keyPassphraseRequired: 'The private key is encrypted and needs its passphrase.',
  keyPassphraseRequiredNext: 'Enter the passphrase you chose when the key was exported.',
  keyPassphraseWrong: 'The passphrase does not open the private key.',
  passphraseRetryNext: 'Enter it again (it is case-sensitive); nothing was stored.',
  keyUnreadable: 'The private key ("{label}") could not be read: it is damaged or in a format TLS clients do not support.',
  keyUnreadableNext: 'Import the key file you created with the CSR.',
  keyNotRsa: 'The private key is {keyType}, not RSA.',
  keyNotRsaNext: "Nexi's B2B channel uses RSA-2048 keys (spec §14.2): create one with \"Nexi: Create Key and CSR for the Nexi Portal\".",
  keyTooSmall: 'The private key has {bits} bits; at least 2048 are needed.',
  keyTooSmallNext: 'Create a new RSA-2048 key with "Nexi: Create Key and CSR for the Nexi Portal".',
  expectedKeyGotCertificate: 'This is a certificate, but a private key was expected.',
  expectedKeyGotCertificateNext: 'Import the .key file you created together with the CSR (a PEM "PRIVATE KEY" block).',
  expectedKeyGotCsr: 'This is a certificate signing request (CSR), but a private key was expected.',
  expectedKeyGotPublicKey: 'This is a public key, but the private key was expected.',
  noPrivateKeyFound: 'No private key was found here.',
  importKeyFileNext: 'Import the .key file created together with the CSR.',

  // containers.ts
  p7bUnreadable: 'The .p7b file could not be read: it is damaged or not PKCS#7.',
  p7bUnreadableNext: "Save the attachment from Nexi's e-mail again and import that file.",
  p7bNotSignedData: 'The PKCS#7 file holds no certificates (it is not a "signed data" bundle).',
  p7bNotSignedDataNext: "Import the .p7b attachment from Nexi's e-mail.",
  pkcs12Unreadable: 'The PKCS#12 file could not be read: it is damaged or not PKCS#12.',
  pkcs12UnreadableNext: 'Export the .p12/.pfx again and import the new file.',
  pkcs12PassphraseWrong: 'The passphrase does not open the PKCS#12 file.',
  pkcs12Unsupported: 'The PKCS#12 file could not be opened: it uses a format this toolkit cannot read, or it is damaged.',
  pkcs12UnsupportedNext: 'Import the certificate and the private key as separate PEM files instead.',
  pkcs12NoKey: 'The PKCS#12 file holds no private key.',
  pkcs12NoKeyNext: 'Export it again including the private key, or import the certificate and key as PEM files.',
  pkcs12SeveralKeys: 'The PKCS#12 file holds {count} private keys; one is expected.',
  pkcs12SeveralKeysNext: "Export only your app's certificate and key into the .p12.",
  pkcs12KeyUnreadable: 'The private key inside the PKCS#12 file could not be read.',
  pkcs12KeyUnreadableNext: 'Import the certificate and key as PEM files instead.',
  pkcs12NoCertificateForKey: 'The PKCS#12 file holds no certificate for its private key.',
  pkcs12NoCertificate: 'The PKCS#12 file holds no certificate.',
  pkcs12NoCertificateNext: 'Export it again with the certificate Nexi signed for this key.',

  // pem.ts
  pemCertificate: 'The certificate (block {ordinal}, "{label}")',
  pemPrivateKey: 'The private key (block {ordinal}, "{label}")',
  pemCsr: 'The certificate signing request (block {ordinal}, "{label}")',
  pemPkcs7: 'The PKCS#7 bundle (block {ordinal}, "{label}")',
  pemPublicKey: 'The public key (block {ordinal}, "{label}")',
  pemOther: 'The PEM block (block {ordinal}, "{label}")',
  pemNoEnd: '{what} has no "{endLine}" line: the text was cut off.',
  pemNoEndNext: 'Copy the whole block again, from the BEGIN line to the END line, or import the original file.',
  pemNotBase64: '{what} contains characters that are not Base64: it was changed or damaged on the way.',
  pemNotBase64Next: 'Import the original file, or copy the block again without edits.',
  pemIncomplete: '{what} is incomplete: its content is shorter than it says, so lines are missing.',
  pemIncompleteNext: 'Copy the whole block again, or import the original file.',

  // material.ts
  nothingFound: 'No certificate, private key or PKCS#12 bundle was found in {where}.',
  nothingFoundNext: 'Import the .p7b Nexi e-mailed you, the PEM certificate, the .key file created with the CSR, or a .p12/.pfx file.',
  p7bNoCertificate: 'The PKCS#7 bundle in {where} holds no certificate.',
  p7bNoCertificateNext: "Import the .p7b attachment of Nexi's e-mail with your signed certificate.",

  // importing.ts
  describeCertificate: 'certificate "{name}" (expires {date})',
  certificateHasProblems: 'The certificate has problems: {problems} Store it anyway?',
  replaceKey: 'Replace the private key stored for {environment}? The old key is deleted; export it first if you still need it.',
  pairSummary: '{certificate} with its private key',
  pkcs12Summary: 'PKCS#12 bundle: {summary}',
  keyNotForCertificate: 'The key does not belong to the stored {certificate}.',
  keyNotForCertificateConfirm: 'The key does not belong to the stored {certificate}; mTLS fails until you import the matching certificate. Store it anyway?',
  keySummary: 'private key (RSA {bits})',
  keySummaryEncrypted: 'private key (RSA {bits}, encrypted; passphrase stored)',
  pendingKeyTakesOver: '{certificate}; the key created with its CSR is now the private key',
  pkcs12CertificateReplaced: "{environment} holds a PKCS#12 bundle; the certificate replaces the bundle's certificate and its key is kept as the private key. Continue?",
  caNotCa: '"{name}" is not a CA certificate; a CA bundle normally holds only CAs.',
  caExpired: '"{name}" expired on {date}.',
  caBundleSummaryOne: 'extra CA bundle ({count} certificate)',
  caBundleSummaryMany: 'extra CA bundle ({count} certificates)',
  askCertificateOrCa:
    '"{name}" ({where}) is self-signed and marked as a CA, and no private key of {environment} tells whether it is yours: is it your developer certificate or a CA to trust?',
  choiceCertificate: 'Developer certificate',
  choiceCertificateDetail: 'The client certificate sent for mTLS; it must belong to the private key you created with the CSR or import next.',
  choiceCaBundle: 'Extra CA bundle',
  choiceCaBundleDetail: 'A certificate authority to trust when connecting, e.g. a corporate proxy; never sent as your identity.',
  p7bSeveralCertificates: "The .p7b in {where} holds {count} certificates ({names}); Nexi's e-mail carries only yours, so it is unclear which one is the developer certificate.",
  p7bSeveralCertificatesNext: 'Print them with "openssl pkcs7 -print_certs -in <file>" (spec §14.2) and import the one issued to your app as PEM.',
  severalCertificates: '{where} holds {count} certificates ({names}); the developer certificate is one certificate.',
  severalCertificatesNext: 'Import only the certificate issued to your app; to trust extra CAs, import them on "Extra CA bundle".',
  pkcs12IntoCaBundle: 'This is a PKCS#12 bundle with a private key; the extra CA bundle holds CA certificates only.',
  pkcs12IntoCaBundleNext: 'Import the CA certificates as a PEM file.',
  notPkcs12: '{where} is not a PKCS#12 (.p12/.pfx) file.',
  notPkcs12Next: 'Import it with "Import from File…" on the environment instead: certificates and keys are recognised there.',
  caBundleHasKey: '{where} holds a private key; the extra CA bundle holds CA certificates only.',
  caBundleHasKeyNext: 'Import a PEM file with only the CA certificates.',
  caBundleNoCertificate: '{where} holds no certificate.',
  caBundleNoCertificateNext: 'Import a PEM file with the CA certificates.',
  severalKeys: '{where} holds {count} private keys; one is expected.',
  severalKeysNext: 'Import the file with only the key created with the CSR.',
  certificateKeyMismatch: 'The certificate and the private key in {where} do not belong together.',
  certificateKeyMismatchNext: 'Import the certificate Nexi signed for this key, or the key created with its CSR.',
  expectedCertificateGotKey: 'This is a private key, but a certificate was expected.',
  expectedCertificateGotKeyNext: 'Import the certificate Nexi returned (the .p7b from the e-mail, or its PEM).',
  expectedCertificateGotCsr: 'This is the certificate signing request (CSR) you upload to the Nexi portal, not the certificate.',
  expectedCertificateGotCsrNext: 'Import the certificate Nexi e-mails back (a .p7b) once they have signed the CSR.',
  publicKeyOnly: 'This is a public key; neither a certificate nor a private key was found.',
  publicKeyOnlyNext: 'Import the certificate Nexi returned, or the .key file created with the CSR.',

  // status.ts
  couldNotBeRead: 'it could not be read',
  notSetOptional: 'not set (optional)',
  missing: 'missing',
  secretStored: 'stored in SecretStorage',
  certificateExpires: '{name}, expires {date}',
  storedCertificateUnreadable: 'the stored certificate could not be read; import it again',
  pkcs12Stored: 'certificate and key, stored in SecretStorage',
  keyInPkcs12: 'in the PKCS#12 bundle',
  keyEncryptedPassphraseStored: 'encrypted, passphrase stored',
  keyDoesNotMatchCertificate: 'does not match the certificate',
  keyDoesNotMatchCertificateFinding: 'The private key does not belong to the certificate.',
  pendingKeyAwaiting: 'awaiting the certificate Nexi signs for your CSR',
  caCountOne: '{count} certificate',
  caCountMany: '{count} certificates',
  caBundleUnreadable: 'could not be read; import it again',

  // keyring.ts
  keyringNext: 'Set up a keyring (gnome-keyring or KWallet) and start VS Code with --password-store="gnome-libsecret" or "kwallet6"; VS Code\'s keyring troubleshooting guide: https://go.microsoft.com/fwlink/?linkid=2239490.',
  keychainNext: 'Check that the OS keychain is available to VS Code.',
  keyringSecretsNotPersisted: 'VS Code did not keep a secret stored in an earlier session: its SecretStorage is not persisted (no OS keyring), so stored Nexi credentials vanish on restart. {next}',
  keyringArgvBasic: 'VS Code stores secrets with "weaker encryption" (argv.json sets "password-store": "basic"): anyone who can read your VS Code profile can decrypt the Nexi client secret and private key. {next}',
  keyringCliBasic: 'VS Code was started with --password-store=basic, so secrets are encrypted with a fixed key: anyone who can read your VS Code profile can decrypt the Nexi client secret and private key. {next}',
  keyringNoSessionBus: 'No D-Bus session bus is visible, so VS Code probably cannot reach an OS keyring: secrets are then kept in memory only or encrypted with a fixed key. {next}',

  // fields.ts: labels, placeholders, descriptions
  clientIdLabel: 'Client id (APP_ID)',
  clientIdPlaceholder: 'the "ID Client" of your app in the Nexi portal',
  clientIdDescription: 'Client id ("ID Client") of your app in the Nexi portal; sent as client_id and used as the assertion\'s appId, iss and sub (spec §14.3, §14.6).',
  clientSecretLabel: 'Client secret',
  clientSecretPlaceholder: 'the "Secret" of your app in the Nexi portal',
  clientSecretDescription: 'Client secret ("Secret") of your app in the Nexi portal; sent only to the token endpoint (spec §14.3).',
  certificateLabel: 'Certificate',
  certificateDescription: 'Developer certificate Nexi signed for your CSR (arrives as a .p7b by e-mail), used for mTLS (spec §14.2).',
  privateKeyLabel: 'Private key',
  privateKeyDescription: 'RSA-2048 private key of the certificate; it also signs the client assertions (spec §14.2, §14.6).',
  privateKeyPassphraseLabel: 'Private key passphrase',
  privateKeyPassphraseDescription: 'Passphrase of an encrypted PKCS#8 private key.',
  pkcs12Label: 'PKCS#12 bundle',
  pkcs12Description: 'Certificate and private key as one PKCS#12 (.p12/.pfx) file, instead of separate PEM files.',
  pkcs12PassphraseLabel: 'PKCS#12 passphrase',
  pkcs12PassphraseDescription: 'Passphrase of the PKCS#12 bundle.',
  pendingPrivateKeyLabel: 'New private key (awaiting certificate)',
  pendingPrivateKeyDescription: 'Key generated with a CSR while another key was stored; it replaces that key when you import the certificate Nexi signs for it.',
  caBundleLabel: 'Extra CA bundle',
  caBundleDescription: 'Extra CA certificates (PEM) to trust for Nexi\'s hosts, e.g. behind a TLS-inspecting proxy. Optional.',
  softPosTerminalIdLabel: 'SoftPOS terminal id',
  softPosTerminalIdPlaceholder: 'e.g. 12345678',
  softPosTerminalIdDescription: 'SoftPOS TID for terminal_ids (at most one SoftPOS and one MobilePOS TID; spec §14.6).',
  mobilePosTerminalIdLabel: 'MobilePOS terminal id',
  mobilePosTerminalIdPlaceholder: 'e.g. 12345678',
  mobilePosTerminalIdDescription: 'MobilePOS TID for terminal_ids (at most one SoftPOS and one MobilePOS TID; spec §14.6).',
  merchantUsernameLabel: 'Merchant username (e-mail)',
  merchantUsernamePlaceholder: 'operator@merchant.example',
  merchantUsernameDescription: 'app_username_merchant: the operator e-mail, unique per TID; may be omitted for checkTransaction only (spec §14.6).',
  deviceIdLabel: 'Device id',
  deviceIdDescription: 'app_deviceid: the SDK-generated device id; may be omitted for checkTransaction only (spec §14.6).',
  pointOfSaleLabel: 'Point of sale',
  pointOfSaleDescription: 'pointOfSale claim: the merchant\'s point-of-sale code (from Nexi\'s samples; spec §14.6, §16 point 27).',

  // fields.ts: validateTextField
  fieldEmpty: '{label} cannot be empty: to remove it, use "Clear".',
  fieldHasSpaces: '{label} contains spaces or line breaks: paste it again without them.',
  fieldTooLong256: '{label} is longer than 256 characters: is it the right value?',
  clientSecretLineBreak: 'The client secret contains a line break: paste it again as one line.',
  clientSecretSpaces: 'The client secret starts or ends with a space, which Nexi secrets do not: paste it again without it.',
  clientSecretTooLong: 'The client secret is longer than 1024 characters: is it the right value?',
  terminalIdInvalid: '{label} takes letters and digits only (at most 16), e.g. 12345678.',
  merchantUsernameInvalid: 'The merchant username is the operator\'s e-mail address, e.g. operator@merchant.example (spec §14.6).',
  pointOfSaleSpaces: 'The point of sale code has surrounding spaces or line breaks: enter it without them.',
  pointOfSaleTooLong: 'The point of sale code is longer than 64 characters: is it the right value?',

  // csr.ts
  subjectFormat: 'Write the subject as /CN=MyApp/O=NEXI/OU=API Security - STAGING/L=Milano/C=IT.',
  subjectUnknownAttribute: '"{part}" is not one of CN=, O=, OU=, L=, C=.',
  subjectTwice: '{key}= appears twice.',
  subjectEmpty: '{key}= is empty.',
  subjectSpecialCharacters: '{key}= contains special characters; Nexi asks to avoid them (spec §14.2).',
  subjectTooLong: '{key}= is longer than 64 characters.',
  subjectMissing: 'The subject needs {missing} too (spec §14.2).',
  subjectPlaceholder: "Replace {placeholder} with your app's name as registered in the Nexi portal.",
  subjectAppName: 'The app name (CN=) takes letters, digits, ".", "-" and "_" only: Nexi asks to avoid special characters (spec §14.2).',
  subjectCountry: 'C= is a two-letter country code in capitals, e.g. IT.',
  subjectInvalidNext: 'Correct the subject and try again.',

  // secretScan.ts
  secretPrivateKey: 'A private key ({label}) in a file that is not git-ignored: it would be committed. Keep it in VS Code\'s SecretStorage ("Nexi: Import Certificate, Key or PKCS#12…") and delete it here, or git-ignore the file.',
  secretClientSecret: 'The client secret of {environment} appears here, in a file that is not git-ignored. Keep it only in SecretStorage (the Nexi Credentials view) and remove it from this file; if it was committed, ask Nexi for a new secret.',
} as const;

/** Messages whose English is also another message's, told apart for translators by the context "private key". */
export const credentialKeyMessagesEn = {
  // status.ts: the key is feminine in Italian ("salvata"), the secret masculine.
  keyStored: 'stored in SecretStorage',
} as const;

export type CredentialMessageKey = keyof typeof credentialMessagesEn | keyof typeof credentialKeyMessagesEn;

const messages = translated('credentials.messages', credentialMessagesEn);
const keyMessages = translated('credentials.keyMessages', credentialKeyMessagesEn, { context: 'private key' });

/** A message of the table with its parameters, worded when it is read (in the locale of that moment). */
export interface CredentialMessage {
  readonly key: CredentialMessageKey;
  readonly params: MessageParams;
}

/** Parameters of a message: values, or other messages (worded in the same locale). */
export type MessageParams = Readonly<Record<string, string | number | CredentialMessage>>;

/** The text of `key` in the current core locale; message parameters are worded in the same locale. */
export function text(key: CredentialMessageKey, params: MessageParams = {}): string {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) resolved[name] = typeof value === 'object' ? text(value.key, value.params) : value;
  const template = Object.prototype.hasOwnProperty.call(credentialKeyMessagesEn, key) ? keyMessages()[key as keyof typeof credentialKeyMessagesEn] : messages()[key as keyof typeof credentialMessagesEn];
  return fillTemplate(template, resolved);
}

/** `key` and its parameters, to be worded later (a CredentialError, or a parameter of a bigger message). */
export function msg(key: CredentialMessageKey, params: MessageParams = {}): CredentialMessage {
  return { key, params };
}
