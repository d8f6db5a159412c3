// Italian of the environment checks in src/core/environments.ts. Most are predicates completing a setting name
// ("nexi.endpoints.stg.baseUrl è vuoto: …"), as in English.
import type { Translation } from '../../i18n';
import type { environmentMessagesEn } from '../../environments';

export const environmentMessagesIt: Translation<typeof environmentMessagesEn> = {
  urlEmpty: 'è vuoto: inserire un URL https://.',
  urlNotUrl: '"{value}" non è un URL: inserirlo nella forma https://host/path.',
  urlNotHttps: '"{value}" non usa https://: le credenziali vengono inviate solo tramite TLS.',
  urlHasCredentials: '"{origin}…" contiene un nome utente o una password: rimuoverli; le credenziali risiedono in SecretStorage.',
  urlHasQuery: '"{value}" contiene una query o un frammento: inserire l\'URL senza "?…" o "#…".',
  idMissing: 'richiede un id, ad es. "uat".',
  idInvalid: '"{id}" non è un id valido: usare lettere minuscole, cifre e "-", iniziando con una lettera (al massimo 32 caratteri).',
  idBuiltIn: '"{id}" è un ambiente predefinito: scegliere un altro id.',
  idTwice: '"{id}" è definito due volte: gli id devono essere univoci.',
  sandboxUnusableUrl: 'la sandbox locale ha pubblicato un URL non utilizzabile.',
  sandboxNotRunning: 'la sandbox locale non è in esecuzione.',
  customNotList: 'nexi.endpoints.custom deve essere un elenco di ambienti.',
  customNotObject: '{where} deve essere un oggetto con id, baseUrl e checkTransactionUrl.',
  customUrlProblem: '{where} ({id}): un URL {problem}',
};
