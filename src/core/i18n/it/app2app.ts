// Italian text of the App2App editor features: completion details (complete.ts), the URI builder flow
// (builderFlow.ts), "Copy as" (copyAs.ts), the build input errors (buildInput.ts) and the validator's own words
// (validate.ts). Same keys and `{placeholders}` as the English tables beside the code.

import type { buildInputMessages } from '../../app2app/buildInput';
import type { builderMessages } from '../../app2app/builderFlow';
import type { completeMessages } from '../../app2app/complete';
import type { copyAsMessages } from '../../app2app/copyAs';
import type { validateMessages } from '../../app2app/validate';
import type { Translation } from '../../i18n';

export const validateIt: Translation<typeof validateMessages> = {
  space: 'spazio',
};

export const completeIt: Translation<typeof completeMessages> = {
  operationDetailMobilePos: '{title} (solo MobilePOS)',
  operationDocumentation: '{description}\n\nObbligatori: {required}',
  requiredParameter: 'obbligatorio · {description}',
  optionalParameter: 'facoltativo · {description}',
  booleanDefault: '{name} (predefinito se assente)',
  timestampNow: 'adesso (ddMMyyHHmm, ora locale)',
};

export const builderIt: Translation<typeof builderMessages> = {
  tagLabel: 'Tag aggiuntivo {n}',
  tagDescription: "{params}: riportati nell'esito e sullo scontrino",
  optionalDescription: '{description} ({notes})',
  defaultValue: 'predefinito {value}',
  mobilePosOnly: 'solo MobilePOS',
  undocumented: 'non documentato',
  promptRequired: '{name}: {description} Digitare il valore senza codificarlo: il percent-encoding viene applicato automaticamente.',
  promptRequiredFormat:
    '{name}: {description} Formato: {format}. Digitare il valore senza codificarlo: il percent-encoding viene applicato automaticamente.',
  promptOptional:
    '{name} (facoltativo: lasciare vuoto per ometterlo): {description} Digitare il valore senza codificarlo: il percent-encoding viene applicato automaticamente.',
  promptOptionalFormat:
    '{name} (facoltativo: lasciare vuoto per ometterlo): {description} Formato: {format}. Digitare il valore senza codificarlo: il percent-encoding viene applicato automaticamente.',
  unknownOperation: 'Operazione sconosciuta: {operation}.',
  required: '{name} è obbligatorio: {description}',
  pickOperation: 'Scegliere una tra: {operations}.',
  notOptional: '{id} non è un parametro facoltativo di {operation}.',
  actions: {
    replace: { label: "Sostituire l'URI nell'editor", description: 'dove è stata avviata la composizione guidata' },
    insert: { label: 'Inserire nella posizione del cursore', description: "nell'editor attivo" },
    copy: 'Copiare',
    copyAs: 'Copiare come {format}',
    sendAdb: { label: 'Inviare a un dispositivo o emulatore Android…', description: "adb: apre l'URI su un dispositivo collegato" },
    simulate: {
      label: 'Simulare la risposta del POS…',
      description: "l'URI di esito con cui risponderebbe Nexi POS, per provare la gestione degli esiti",
    },
  },
};

export const copyAsIt: Translation<typeof copyAsMessages> = {
  labels: { uri: 'URI', adb: 'comando adb', kotlin: 'Intent Kotlin', java: 'Intent Java', swift: 'openURL Swift' },
  uriDescription: "l'URI così com'è",
  copiedUri: 'URI App2App copiato.',
  copiedAs: 'URI copiato come {format}.',
  copiedFor: 'Copiato negli appunti: {what} per {subject}.',
  copiedForId: 'Copiato negli appunti: {what} per {subject} (callerTrxId {id}).',
  what: { uri: "l'URI", adb: 'il comando adb', kotlin: "l'Intent Kotlin", java: "l'Intent Java", swift: 'la chiamata openURL Swift' },
  subject: { request: 'la richiesta {operation}', result: "l'esito {operation}" },
};

export const buildInputIt: Translation<typeof buildInputMessages> = {
  unknownOperation: "operazione sconosciuta '{operation}' (una tra {operations})",
  unknownOperationHint: "operazione sconosciuta '{operation}'; forse si intendeva '{suggestion}'? (una tra {operations})",
  unknownParameter: "'{key}' non è un parametro di {operation}",
  unknownParameterHint: "'{key}' non è un parametro di {operation}; forse si intendeva '{suggestion}'?",
  tagIndex: "'{key}': N deve essere compreso tra 1 e 5",
  notBoolean: "{key} accetta true o false, non '{value}'",
};
