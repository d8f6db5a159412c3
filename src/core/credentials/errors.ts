// Errors are values with stable codes (house style §5). Every message is written for the person importing a file
// and ends with a next step; none ever contains a secret (a key, a passphrase, a client secret). `message` is
// English (it is logged); `userMessage` and `nextStep` follow the core locale.
import { getLocale, type Locale } from '../i18n';

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

/** A message given in both languages (core tables), or one string (already in the reader's language). */
export type CredentialText = string | { readonly en: string; readonly it: string };

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  private readonly texts: { readonly message: Readonly<Record<Locale, string>>; readonly nextStep: Readonly<Record<Locale, string>> };

  /**
   * `message` and `nextStep` come from the core tables in both languages (`both(...)` of messages.ts), or as one
   * string when the caller has already localized them. `message` is the English text (for logs).
   */
  constructor(
    readonly code: CredentialErrorCode,
    message: CredentialText,
    /** What the user can do about it, one sentence. */
    nextStep: CredentialText,
  ) {
    const texts = { message: inBoth(message), nextStep: inBoth(nextStep) };
    super(texts.message.en);
    this.texts = texts;
  }

  /** The message in the current core locale. */
  get localizedMessage(): string {
    return this.texts.message[getLocale()];
  }

  /** What the user can do about it, one sentence, in the current core locale. */
  get nextStep(): string {
    return this.texts.nextStep[getLocale()];
  }

  /** Message and next step, as shown to the user (current core locale). */
  get userMessage(): string {
    return `${this.localizedMessage} ${this.nextStep}`;
  }
}

function inBoth(text: CredentialText): Readonly<Record<Locale, string>> {
  return typeof text === 'string' ? { en: text, it: text } : text;
}

export function isCredentialError(err: unknown): err is CredentialError {
  return err instanceof CredentialError;
}
