// Italian of the adb messages in src/core/adb.ts.
import type { Translation } from '../../i18n';
import type { adbMessagesEn } from '../../adb';

export const adbMessagesIt: Translation<typeof adbMessagesEn> = {
  noAppNexi: 'Sul dispositivo nessuna app apre gli URI {scheme}://: Nexi POS è installato?',
  noApp: 'Sul dispositivo nessuna app apre gli URI {scheme}://.',
  amStartFailed: 'am start non riuscito: {error}',
  delivered: "Consegnato all'app già in primo piano.",
  started: 'Avviato.',
  adbMissing: 'adb (Android Debug Bridge) non trovato. Installare gli Android SDK Platform-Tools (https://developer.android.com/tools/releases/platform-tools, oppure {how}), quindi aggiungere adb al PATH o impostare "nexi.adb.path" sul suo percorso completo.',
};
