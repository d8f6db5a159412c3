// Italian of src/core/nexi/errors.ts: titles, explanations and next steps of every B2B failure, and the glue of
// the message. Command names in quotes are the Italian titles of package.nls.it.json; codes stay unchanged.
import type { Translation } from '../../i18n';
import type { englishErrorInfo, englishErrorTexts } from '../../nexi/errors';

export const nexiErrorInfoIt: Translation<typeof englishErrorInfo> = {
  CREDENTIALS_INCOMPLETE: {
    title: 'Credenziali incomplete',
    explanation: "All'ambiente manca qualcosa che serve a ogni chiamata B2B.",
    nextStep: 'Aprire la vista Credenziali Nexi e impostare ciò che risulta mancante.',
  },
  KEY_UNUSABLE: {
    title: 'Chiave privata non utilizzabile',
    explanation: "Non è stato possibile leggere la chiave privata (o il bundle PKCS#12) per la firma e per l'mTLS.",
    nextStep: 'Verificare la passphrase, oppure importare di nuovo la chiave.',
  },
  KEY_PASSPHRASE_WRONG: {
    title: 'Passphrase errata',
    explanation: 'La passphrase non apre la chiave privata (o il bundle PKCS#12). Non è stato inviato nulla.',
    nextStep: "Inserire la passphrase con cui è stata cifrata la chiave (NEXI_KEY_PASSPHRASE / --passphrase nella CLI, oppure importare di nuovo la chiave nella vista Credenziali).",
  },
  CERTIFICATE_KEY_MISMATCH: {
    title: 'Certificato e chiave non corrispondono',
    explanation: "La chiave privata non è quella per cui è stato emesso il certificato, quindi né mTLS né la firma dell'assertion possono funzionare. Non è stato inviato nulla.",
    nextStep: 'Usare la chiave con cui è stata creata la CSR insieme al certificato firmato da Nexi per quella CSR.',
  },
  DNS_FAILED: {
    title: 'Host non trovato',
    explanation: "Non è stato possibile risolvere il nome host dell'endpoint.",
    nextStep: "Verificare l'URL dell'endpoint nelle impostazioni, la rete e, dietro un proxy aziendale, http.proxy / HTTPS_PROXY.",
  },
  CONNECTION_FAILED: {
    title: 'Connessione non riuscita',
    explanation: "Non è stato possibile aprire una connessione TCP verso l'endpoint.",
    nextStep: "Verificare URL e porta, che l'host sia raggiungibile da questo computer e le impostazioni del proxy.",
  },
  CONNECTION_RESET: {
    title: 'Connessione interrotta',
    explanation: 'Il server o un proxy ha chiuso la connessione prima di rispondere.',
    nextStep: 'Riprovare; se succede ancora, un proxy potrebbe interrompere le connessioni TLS oppure il server è sovraccarico.',
  },
  TIMEOUT: {
    title: 'Tempo scaduto',
    explanation: 'Il server non ha risposto in tempo.',
    nextStep: 'Riprovare più tardi; se il problema persiste, verificare proxy e firewall tra questo computer e Nexi.',
  },
  PROXY_FAILED: {
    title: 'Il proxy ha rifiutato la connessione',
    explanation: "Il proxy HTTP non ha aperto un tunnel verso l'endpoint.",
    nextStep: 'Verificare http.proxy / HTTPS_PROXY e NO_PROXY, e se il proxy richiede credenziali.',
  },
  TLS_SERVER_UNTRUSTED: {
    title: 'Certificato del server non attendibile',
    explanation: 'Il server ha presentato un certificato che non risale a una CA attendibile, è scaduto o è intestato a un altro host. La verifica non viene mai disattivata.',
    nextStep: "Dietro un proxy aziendale che ispeziona il traffico TLS, aggiungere la sua CA come bundle CA aggiuntivo dell'ambiente; altrimenti verificare l'URL.",
  },
  TLS_CLIENT_CERT_REJECTED: {
    title: 'Certificato client rifiutato (mTLS)',
    explanation: 'Il server ha rifiutato il certificato client TLS: non ne è stato inviato nessuno, non è firmato da Nexi per questo ambiente, è scaduto oppure non corrisponde alla chiave.',
    nextStep: 'Importare il certificato restituito da Nexi per questo ambiente (il .p7b o il PEM) insieme alla chiave con cui è stata creata la CSR.',
  },
  TOKEN_INVALID_CLIENT: {
    title: 'Client id o secret rifiutati',
    explanation: "L'endpoint del token ha rifiutato le credenziali del client.",
    nextStep: 'Verificare nel portale Nexi il client id (APP ID) e il secret di questo ambiente, e impostarli di nuovo.',
  },
  TOKEN_FAILED: {
    title: 'Nessun token di accesso',
    explanation: "L'endpoint del token non ha restituito un token di accesso.",
    nextStep: "Controllare nel log lo stato HTTP e il corpo della risposta; verificare l'URL di base dell'ambiente.",
  },
  JWKS_FAILED: {
    title: 'Chiavi di cifratura non disponibili',
    explanation: "L'endpoint JWKS non ha restituito le chiavi pubbliche di Nexi.",
    nextStep: "Verificare l'URL di base; anche la chiamata JWKS usa l'mTLS, quindi il certificato deve essere accettato.",
  },
  JWKS_NO_ENCRYPTION_KEY: {
    title: 'Nessuna chiave di cifratura nel JWKS',
    explanation: 'Il JWKS non contiene alcuna chiave RSA utilizzabile per la cifratura, quindi non è possibile creare la client assertion.',
    nextStep: "Segnalarlo all'assistenza Nexi indicando l'ora della chiamata.",
  },
  ASSERTION_REJECTED: {
    title: 'Client assertion rifiutata',
    explanation: 'Il server ha rifiutato la client assertion firmata e cifrata (claim, firma, chiave di cifratura o durata).',
    nextStep: 'Verificare che il terminale appartenga all\'app, che certificato e chiave siano quelli registrati nel portale, e i claim mostrati da "Nexi: Mostra i claim della client assertion".',
  },
  CLOCK_SKEW: {
    title: 'Orologi non allineati',
    explanation:
      "L'orologio di questo computer e quello del server non concordano, quindi iat/exp dell'assertion appaiono errati al server; Nexi rifiuta un'assertion emessa nel suo futuro anche solo di qualche secondo.",
    nextStep: "Sincronizzare l'orologio di questo computer (NTP) e riprovare.",
  },
  UNAUTHORIZED: {
    title: 'Non autorizzato',
    explanation:
      "Il server ha rifiutato la chiamata anche dopo un nuovo token di accesso e una nuova chiave JWKS con una nuova assertion. Le cause probabili, in ordine: l'orologio (lo scarto misurato è nella tolleranza, quindi meno probabile), i claim dell'assertion (client id, terminali, audience), l'app non abilitata.",
    nextStep:
      "Confrontare i claim con il portale (il comando dei claim in VS Code: \"Nexi: Mostra i claim della client assertion…\"), poi verificare che l'app sia abilitata per questo punto vendita e che l'esercente abbia abilitato l'utente sviluppatore.",
  },
  VALIDATION_FAILED: {
    title: 'Richiesta rifiutata',
    explanation: 'Il server ha rifiutato alcuni campi della richiesta.',
    nextStep: 'Correggere i campi elencati e riprovare.',
  },
  TERMINAL_NOT_FOUND: {
    title: 'Terminale non trovato',
    explanation: "Il backend non conosce questo ID terminale per l'app.",
    nextStep: "Verificare l'ID terminale (8 cifre, TID SoftPOS o MobilePOS di questo esercente) e che l'app sia assegnata al suo punto vendita.",
  },
  TRANSACTION_NOT_FOUND: {
    title: 'Transazione non trovata',
    explanation: 'Per il terminale non esiste alcuna transazione con questo callerTrxId.',
    nextStep: "Verificare ID terminale e callerTrxId; anche una transazione che non ha mai raggiunto Nexi (arresto anomalo dell'app prima del pagamento) risulta non trovata.",
  },
  SERVER_ERROR: {
    title: 'Errore del server',
    explanation: "Il server ha avuto un errore durante l'elaborazione della richiesta (HTTP 500).",
    nextStep: "Riprovare più tardi; se il problema persiste, segnalarlo a Nexi indicando l'ora della chiamata.",
  },
  UPSTREAM_UNAVAILABLE: {
    title: 'Servizio non disponibile',
    explanation: 'Un gateway o il servizio ha risposto 502, 503 o 504 a ogni tentativo.',
    nextStep: 'Riprovare più tardi.',
  },
  UPSTREAM_HTML_ERROR: {
    title: 'Pagina HTML invece di JSON',
    explanation: "Qualcosa tra questo computer e l'API (un proxy, un gateway, una pagina di login) ha risposto con una pagina HTML.",
    nextStep: "Verificare l'URL e le impostazioni del proxy; il titolo della pagina è riportato nel messaggio.",
  },
  UNEXPECTED_RESPONSE: {
    title: 'Risposta inattesa',
    explanation: "Il server ha risposto con qualcosa che l'API non documenta.",
    nextStep: "Controllare nel log lo stato e l'estratto del corpo della risposta; verificare l'URL dell'endpoint.",
  },
  CANCELLED: {
    title: 'Annullata',
    explanation: 'La chiamata è stata annullata.',
    nextStep: 'Eseguirla di nuovo quando si è pronti.',
  },
};

export const nexiErrorTextsIt: Translation<typeof englishErrorTexts> = {
  server: 'Risposta del server: "{message}".',
  fields: 'Campi: {fields}.',
  clockAhead: "Misurato dall'intestazione Date del server: l'orologio di questo computer è avanti di {seconds} s rispetto a quello del server.",
  clockBehind: "Misurato dall'intestazione Date del server: l'orologio di questo computer è indietro di {seconds} s rispetto a quello del server.",
};
