// Errors are values with stable codes (house style §5). Every message is written for the person importing a file
// and ends with a next step; none ever contains a secret (a key, a passphrase, a client secret). `message` is
// English (it is logged); `userMessage` and `nextStep` follow the core locale.
import { withLocale } from '../l10n';
import { text, type CredentialMessage } from './messages';

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

/** A message of the core table with its parameters (worded when read), or one string (already in the reader's language). */
export type CredentialText = string | CredentialMessage;

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  private readonly texts: { readonly message: CredentialText; readonly nextStep: CredentialText };

  /**
   * `message` and `nextStep` come from the core table (`msg(...)` of messages.ts), worded when read, or as one
   * string when the caller has already localized them. `message` is the English text (for logs).
   */
  constructor(
    readonly code: CredentialErrorCode,
    message: CredentialText,
    /** What the user can do about it, one sentence. */
    nextStep: CredentialText,
  ) {
    super(withLocale('en', () => wording(message)));
    this.texts = { message, nextStep };
  }

  /** The message in the current core locale. */
  get localizedMessage(): string {
    return wording(this.texts.message);
  }

  /** What the user can do about it, one sentence, in the current core locale. */
  get nextStep(): string {
    return wording(this.texts.nextStep);
  }

  /** Message and next step, as shown to the user (current core locale). */
  get userMessage(): string {
    return `${this.localizedMessage} ${this.nextStep}`;
  }
}

/** The text in the current core locale. */
function wording(t: CredentialText): string {
  return typeof t === 'string' ? t : text(t.key, t.params);
}

export function isCredentialError(err: unknown): err is CredentialError {
  return err instanceof CredentialError;
}
