// Errors are values with stable codes (house style §5). Every message is written for the person importing a file
// and ends with a next step; none ever contains a secret (a key, a passphrase, a client secret).

export type CredentialErrorCode =
  | 'NOTHING_FOUND'
  | 'PEM_TRUNCATED'
  | 'PEM_CORRUPT'
  | 'KEY_PASSPHRASE_REQUIRED'
  | 'KEY_PASSPHRASE_WRONG'
  | 'KEY_UNSUPPORTED'
  | 'KEY_NOT_RSA'
  | 'KEY_TOO_SMALL'
  | 'SEVERAL_KEYS'
  | 'SEVERAL_CERTIFICATES'
  | 'EXPECTED_KEY_GOT_CERTIFICATE'
  | 'EXPECTED_KEY_GOT_CSR'
  | 'EXPECTED_CERTIFICATE_GOT_KEY'
  | 'EXPECTED_CERTIFICATE_GOT_CSR'
  | 'EXPECTED_PKCS12'
  | 'EXPECTED_CA_CERTIFICATES'
  | 'CERTIFICATE_INVALID'
  | 'CERTIFICATE_KEY_MISMATCH'
  | 'P7B_SEVERAL_CERTIFICATES'
  | 'P7B_NO_CERTIFICATE'
  | 'P7B_INVALID'
  | 'PKCS12_PASSPHRASE_WRONG'
  | 'PKCS12_INVALID'
  | 'PKCS12_NO_KEY'
  | 'PKCS12_NO_CERTIFICATE'
  | 'PKCS12_SEVERAL_KEYS'
  | 'FIELD_INVALID'
  | 'CSR_SUBJECT_INVALID'
  | 'UNKNOWN_ENVIRONMENT'
  | 'BUILT_IN_ENVIRONMENT';

export class CredentialError extends Error {
  override readonly name = 'CredentialError';

  constructor(
    readonly code: CredentialErrorCode,
    message: string,
    /** What the user can do about it, one sentence. */
    readonly nextStep: string,
  ) {
    super(message);
  }

  /** Message and next step, as shown to the user. */
  get userMessage(): string {
    return `${this.message} ${this.nextStep}`;
  }
}

export function isCredentialError(err: unknown): err is CredentialError {
  return err instanceof CredentialError;
}
