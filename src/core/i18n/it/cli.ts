// Italian of the CLI's own words (src/cli/messages.ts). Options, commands, environment variables, file names,
// URIs and exit statuses are unchanged; only the prose is translated.
import type { Translation } from '../../i18n';
import type { cliMessagesEn } from '../../../cli/messages';

export const cliMessagesIt: Translation<typeof cliMessagesEn> = {
  // main.ts
  usage: `nexi-app2app {version} — toolkit App2App per Nexi SoftPOS / MobilePOS

Uso: nexi-app2app <comando> [opzioni]

Comandi:
  decode [TEXT…]            spiega ogni URI App2App in TEXT o nello standard input (va bene un log intero)
  validate URI…             verifica URI di richiesta; esce con 1 se ci sono errori
  build OPERATION key=val…  stampa un URI di richiesta, codificato come fa Uri.Builder di Android
  check --terminal-id …     verifica una transazione con l'API checkTransaction di Nexi
  reconcile FILE            verifica sul backend ogni transazione di un log
  simulate REQUEST_URI      stampa l'URI di esito con cui risponderebbe Nexi POS (--outcome …)
  sandbox [--port N]        avvia la sandbox locale dell'API B2B di Nexi
  scenarios                 elenca gli importi di prova che scelgono un esito simulato
  rehearse                  una sessione logcat dagli scenari, verificata in una sandbox locale e riconciliata
  mcp [--read-only]         offre questi strumenti agli agenti IA tramite il Model Context Protocol (stdio)
  help [COMMAND]            mostra la guida
  version                   stampa la versione

Opzioni: --json (decode, validate, build) stampa la struttura JSON stabile documentata nel README.
Codice di uscita: 0 successo, 1 rilievi (errori, nessun risultato), 2 errori di utilizzo; check: 3 non trovata;
reconcile: 4 discrepanze trovate.
`,
  usageLanguage: `Lingua: --lang en|it (in qualsiasi posizione), altrimenti LC_ALL, LC_MESSAGES, LANG o LANGUAGE; le chiavi di --json non cambiano.
`,
  runForUsage: "Eseguire '{command}' per la guida.",
  unknownCommand: "comando sconosciuto '{command}'",
  langNeedsValue: '--lang richiede un valore: en oppure it',
  langUnsupported: "lingua non supportata '{lang}': --lang accetta en oppure it",
  internalError: 'errore interno: {error}',
  reportIt: 'Segnalarlo indicando il comando eseguito (senza secret).',

  // io.ts, connection.ts, profiles.ts
  unknownOption: 'opzione sconosciuta {option}',
  unknownOptionSuggestion: 'opzione sconosciuta {option}; forse si intendeva {suggestion}?',
  needsValue: '{flag} richiede un valore',
  secretOnArgv: "{flag} non è accettato sulla riga di comando (finirebbe nella cronologia della shell e negli elenchi dei processi); usare la variabile d'ambiente NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE oppure lo standard input",
  noSuchFile: 'file inesistente',
  needsBaseUrl: 'serve --base-url (oppure --env con un profilo che contiene baseUrl)',
  productionNeedsConfirmation: '{target} è la produzione di Nexi: esercenti reali e transazioni reali. Aggiungere {flag} per inviare la chiamata.',
  baseUrlHttps: '--base-url deve essere un URL https:// (le credenziali vengono inviate solo tramite TLS)',
  needsAppId: 'serve --app-id',
  needsKeyMaterial: 'servono --cert e --key, oppure --p12',
  noClientSecret: 'nessun client secret: impostare NEXI_CLIENT_SECRET oppure passarlo sullo standard input',
  connectionHelp: `Opzioni di connessione (oppure --env NOME per un profilo in ~/.config/nexi-app2app/profiles.json):
  --base-url URL          base di token/JWKS, anche l'aud dell'assertion (ad es. https://stgb2bsoftpos.nexigroup.com)
  --check-url URL         URL di checkTransaction (predefinito: URL di base + /mpos-core/app/checkTransaction)
  --cert FILE --key FILE  certificato sviluppatore e chiave privata (PEM), oppure
  --p12 FILE              bundle PKCS#12
  --ca FILE               bundle CA aggiuntivo (PEM), considerato attendibile oltre alle radici di sistema
  --app-id ID             client id (APP ID)
  --terminal-ids T1,T2    ID terminale dell'app
  --username EMAIL  --device-id ID  --point-of-sale CODE   claim facoltativi dell'assertion
  --proxy URL             proxy HTTP (predefinito: HTTPS_PROXY, rispettando NO_PROXY)
  --confirm-production    obbligatorio per chiamare la produzione di Nexi (i suoi host, o un profilo con "production": true)
Secret: NEXI_CLIENT_SECRET e NEXI_KEY_PASSPHRASE (solo per una chiave cifrata o un PKCS#12), oppure lo standard
input, uno per riga, in quest'ordine, per quelli non impostati nell'ambiente. Mai sulla riga di comando.`,
  profilesNotJson: '{file} non è un JSON valido ({error}); correggerlo o eliminarlo',
  profilesNotObject: '{file} deve contenere un oggetto di profili',
  profileMissing: "nessun profilo CLI '{name}' in {file}",
  profileMissingKnown: "nessun profilo CLI '{name}' in {file} (noti: {known})",
  profileHasSecret: "il profilo '{name}' contiene '{key}': i profili non devono contenere secret; rimuoverlo e usare NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE",

  // decode.ts
  decodeHelp: `Uso: nexi-app2app decode [--json] [TEXT…]

Trova ogni URI App2App di richiesta e di esito in TEXT (oppure nello standard input quando TEXT manca: passare
un intero logcat) e spiega ogni campo. Codice di uscita: 0 se è stato trovato almeno un URI, 1 se nessuno.
`,
  decodeNeedsText: 'decode richiede TEXT, oppure del testo sullo standard input (ad es. adb logcat -d | nexi-app2app decode)',
  decodeNothingFound: 'Nessun URI App2App trovato (cercati richieste neximpos://… ed esiti …://payment|reversal|last_transaction|accounting_closure?…).',

  // validate.ts
  validateHelp: `Uso: nexi-app2app validate [--json] URI…

Verifica URI di richiesta App2App (neximpos://…) rispetto alla documentazione Nexi: parametri obbligatori, valori,
codifica, tag aggiuntivi, autoClose/sendTicket, residui di esempi copiati. Senza URI legge un URI per riga
dallo standard input. Codice di uscita: 0 valido (avvisi ammessi), 1 almeno un errore, 2 nessun URI.
`,
  validateNeedsUri: "validate richiede un URI (racchiuderlo tra virgolette: la shell interpreta & come separatore di comandi)",
  validateEmptyStdin: "validate non ha trovato alcun URI sullo standard input: indicare un URI per riga, oppure l'URI come argomento (tra virgolette)",
  valid: 'valido',
  invalid: 'non valido',
  countErrorOne: '{count} errore',
  countErrorMany: '{count} errori',
  countWarningOne: '{count} avviso',
  countWarningMany: '{count} avvisi',
  countInfoOne: '{count} informazione',
  countInfoMany: '{count} informazioni',

  // build.ts
  buildHelp: `Uso: nexi-app2app build [--json] OPERATION key=value…

OPERATION è una tra: {operations}.
I valori si indicano non codificati (il builder applica il percent-encoding); i tag aggiuntivi come addInfoKey1=… addInfo1=….
Esempio: nexi-app2app build payment amount=1250 callerTrxId=A-1 "callerName=Pizza Pay" uri=pizzapay://payment sendTicket=false autoClose=true
Codice di uscita: 0 se l'URI è valido, 1 se contiene errori (l'URI viene comunque stampato), 2 per errori di utilizzo.
`,
  notKeyValue: "'{pair}' non è nella forma key=value",
  buildNeedsOperation: 'build richiede una OPERATION e coppie key=value',

  // render.ts
  request: 'Richiesta',
  result: 'Esito',
  unknownOperation: '(operazione sconosciuta)',
  lineColumn: 'riga {line}, colonna {column}',
  noValue: '(nessun valore)',
  empty: '(vuoto)',
  tlvLength: '({length} byte)',
  sourcesHeading: 'Fonti:',
  severityError: 'errore',
  severityWarning: 'avviso',
  severityInfo: 'informazione',
  severityHint: 'suggerimento',

  // check.ts
  checkHelp: `Uso: nexi-app2app check --terminal-id TID --caller-trx-id ID [opzioni] [--json]

Cerca una transazione con l'API B2B checkTransaction di Nexi (token su mTLS, JWKS, JWT RS256 in un JWE).

{connectionHelp}
Codice di uscita: 0 trovata, 3 non trovata, 1 altri errori (il messaggio inizia con il codice di errore), 2 utilizzo.
`,
  unexpectedArgument: "argomento inatteso '{argument}'",
  checkNeedsIds: 'check richiede --terminal-id e --caller-trx-id',
  found: 'trovata',
  notFound: 'non trovata',
  error: 'errore',
  foundTransaction: 'terminale {terminalId}, callerTrxId {callerTrxId}',
  readAs: ' (letto come {field})',
  next: 'Come procedere: {step}',

  // reconcile.ts
  reconcileHelp: `Uso: nexi-app2app reconcile FILE [opzioni] [--concurrency N] [--terminal-id TID] [--json | --csv]

Trova ogni URI di esito payment/reversal in FILE (un logcat o un log qualsiasi; - per lo standard input non è
supportato, perché lo standard input trasporta i secret), più ogni richiesta rimasta senza esito, e verifica
ciascuno sul backend. Classifica ciascuno: corrispondenza, discrepanza (quali campi), NON RIUSCITA NELL'APP,
APPROVATA DAL BACKEND, non trovata, errore.
  --concurrency N   verifiche in parallelo (predefinito 4)
  --terminal-id T   terminale per le righe che non lo indicano (le richieste di pagamento non hanno TID;
                    predefinito: il primo di --terminal-ids / del profilo)

{connectionHelp}
Codice di uscita: 0 tutto corrisponde, 4 discrepanze trovate (qualsiasi discrepanza, approvata ma non riuscita
nell'app, non trovata o errore), 1 esecuzione non riuscita, 2 utilizzo.
`,
  reconcileNeedsFile: 'reconcile richiede esattamente un FILE',
  jsonOrCsv: 'scegliere uno tra --json e --csv',
  concurrencyRange: '--concurrency accetta un numero intero da 1 a 64',
  reconcileNothing: 'Nessun URI payment o reversal con callerTrxId trovato in {file}.',
  progress: '{done}/{total} verificate',
  totalTransactionsOne: '{count} transazione',
  totalTransactionsMany: '{count} transazioni',
  totalMatchOne: '{count} corrispondente',
  totalMatchMany: '{count} corrispondenti',
  totalMismatchOne: '{count} con discrepanze',
  totalMismatchMany: '{count} con discrepanze',
  totalFailedApprovedOne: "{count} non riuscita nell'app ma approvata dal backend",
  totalFailedApprovedMany: "{count} non riuscite nell'app ma approvate dal backend",
  totalNotFoundOne: '{count} non trovata',
  totalNotFoundMany: '{count} non trovate',
  totalErrorsOne: '{count} errore',
  totalErrorsMany: '{count} errori',
  entryTerminal: 'terminale {terminalId}',
  approvedButFailedOne: "{count} pagamento è stato approvato da Nexi mentre l'app ha registrato un errore o nessun esito: l'importo è stato addebitato al cliente. Stornarlo o completare l'ordine.",
  approvedButFailedMany: "{count} pagamenti sono stati approvati da Nexi mentre l'app ha registrato un errore o nessun esito: gli importi sono stati addebitati ai clienti. Stornarli o completare gli ordini.",

  // simulate.ts
  simulateHelp: `Uso: nexi-app2app simulate REQUEST_URI [--outcome OUTCOME] [--product softpos|mobilepos] [--register] [--adb] [--json]

Stampa l'URI di esito che Nexi POS restituirebbe per REQUEST_URI, nella forma degli esempi pubblicati da Nexi.
  --outcome    approved | declined[:ACTIONCODE] | cancelled | softpos-error[:X-Y-Z] | result:N (qualsiasi codice documentato);
               predefinito: scelto dall'importo della richiesta (vedere 'nexi-app2app scenarios'; gli altri importi sono approvati)
  --product    softpos (chiavi di scontrino f04…CT123) oppure mobilepos (predefinito: mobilepos)
  --register   registra la transazione nella sandbox avviata da 'nexi-app2app sandbox' (profilo 'sandbox'),
               così checkTransaction e la riconciliazione la trovano
  --adb        consegna l'esito all'app sul dispositivo Android o sull'emulatore collegato
               (adb shell am start -a android.intent.action.VIEW -d '…')
`,
  mcpHelp: `Uso: nexi-app2app mcp [--read-only]

Offre il toolkit agli agenti IA tramite il Model Context Protocol su standard input e output (agenti da terminale,
altri editor, e VS Code, che l'estensione configura da sé). Strumenti: nexi_decode_uri, nexi_validate_uri,
nexi_build_uri, nexi_explain_code, nexi_simulate_result (sola lettura), e nexi_list_profiles,
nexi_check_transaction, nexi_reconcile_log, che usano un profilo della CLI (--env NOME di check/reconcile). I segreti
vengono dall'ambiente di questo server: NEXI_CLIENT_SECRET, NEXI_KEY_PASSPHRASE — mai dagli argomenti degli strumenti.
Un profilo di produzione richiede "production": true e la conferma di ogni chiamata tramite il client (elicitation
MCP); un client che non può chiedere viene rifiutato.
  --read-only  solo gli strumenti che leggono i propri argomenti (nessun profilo, nessuna rete)
Esempio di configurazione del client: { "command": "nexi-app2app", "args": ["mcp"], "env": { "NEXI_CLIENT_SECRET": "…" } }
`,
  simulateNeedsUri: 'simulate richiede un REQUEST_URI (racchiuderlo tra virgolette: la shell interpreta & come separatore di comandi)',
  productValues: '--product è softpos oppure mobilepos',
  notRegistered: "non registrata: questo esito non raggiunge mai l'host",
  noSandboxProfile: "nessun profilo di una sandbox in esecuzione: avviare prima 'nexi-app2app sandbox'",
  sandboxAnswered: 'la sandbox ha risposto {status}: {body}',
  registerFailed: "impossibile registrare la transazione: {error}. 'nexi-app2app sandbox' è in esecuzione?",
  registered: 'registrata nella sandbox su {url}',
  note: 'nota: {note}',
  adbNotFound: 'adb non trovato nel PATH. Installare gli Android SDK platform-tools (https://developer.android.com/tools/releases/platform-tools) oppure aggiungerli al PATH.',
  adbFailed: 'adb non riuscito ({status}): {output}',
  delivered: 'consegnato al dispositivo: {output}',
  notDelivered: "non consegnato al dispositivo: in questo scenario l'esito non arriva mai all'app (non vede alcun esito; checkTransaction conosce l'esito)",

  // sandbox.ts
  sandboxHelp: `Uso: nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] [opzioni di guasto] [--verbose-errors] [--reason-header] [--quiet]

Avvia la sandbox locale dell'API B2B di Nexi (token, JWKS, checkTransaction) su HTTPS con certificati client
obbligatori, popolata con le transazioni di samples/logcat.log. Stampa il suo URL e le credenziali generate,
salva il profilo CLI 'sandbox' e registra una riga JSON per richiesta (con il motivo di ogni rifiuto). Ctrl+C la arresta.
  --port N             porta su 127.0.0.1 (predefinita: una libera)
  --pki DIR            conserva in DIR la CA e i certificati server e client generati, e li riusa
                       (predefinita: {pkiDefault})
  --latency MS         aggiunge latenza a ogni risposta
Gli errori sono opachi come quelli documentati da Nexi (un semplice 401 "Unauthorized", 404 per una transazione sconosciuta):
  --verbose-errors     indica invece il motivo nel corpo degli errori (per il debug)
  --reason-header      aggiunge il motivo come intestazione X-Sandbox-Reason a ogni rifiuto
Guasti, per provare una giornata difficile (ogni N-esima richiesta a ciascun endpoint scelto, contata per endpoint):
  --fail-every N       risponde con un errore JSON (--fail-status 500, 502, 503 o 504; predefinito 503)
  --html-502-every N   risponde con la pagina HTML 502 di un gateway
  --drop-every N       chiude la connessione prima di qualsiasi risposta
  --endpoints ELENCO   dove: token,jwks,check (predefinito: tutti e tre)
  --rotate-jwks-after N  una nuova chiave di cifratura ogni N verifiche
  --clock-offset S     l'orologio della sandbox è avanti di S secondi (negativo: indietro)
  --token-ttl S        i token di accesso durano S secondi
`,
  portNumber: '--port accetta un numero di porta',
  latencyMs: '--latency accetta millisecondi',
  positiveCount: '{flag} accetta un numero intero di almeno 1',
  failStatus: '--fail-status accetta 500, 502, 503 o 504',
  faultEndpoints: '--endpoints accetta un elenco separato da virgole di token, jwks e check',
  clockOffset: '--clock-offset accetta secondi (un numero intero, negativo per indietro)',
  sandboxFaults: 'guasti',
  sandboxListeningNew: 'Sandbox B2B Nexi in ascolto su {url} (nuova PKI in {dir})',
  sandboxListeningReused: 'Sandbox B2B Nexi in ascolto su {url} (PKI riutilizzata da {dir})',
  sandboxCheckTransaction: 'checkTransaction',
  sandboxClientId: 'client id',
  sandboxClientSecret: 'client secret',
  sandboxSecretNote: '(valore valido solo per la sandbox)',
  sandboxCertificate: 'certificato',
  sandboxPrivateKey: 'chiave privata',
  sandboxCa: 'CA attendibile',
  sandboxTerminals: 'terminali',
  sandboxProfile: 'profilo CLI',
  sandboxProfileSaved: "'sandbox' salvato in {file}",
  sandboxTry: 'Provare: {command}',
  sandboxStop: 'Ctrl+C arresta la sandbox.',

  // scenarios.ts
  scenariosHelp: `Uso: nexi-app2app scenarios [--product softpos|mobilepos] [--json]

Elenca il catalogo degli scenari: importi della richiesta (in centesimi) che scelgono cosa risponde il simulatore
quando non è indicato --outcome ('nexi-app2app simulate', 'nexi-app2app rehearse') e cosa risponde poi
checkTransaction nella sandbox. Ogni importo non elencato è approvato. Le righe segnate (dedotto) si basano sulla
nostra lettura, non su una fonte Nexi.
  --product    solo gli scenari di softpos oppure mobilepos
  --json       il catalogo in JSON (id, importi, prodotti, esito atteso, codice azione, risposta del backend)
`,
  scenariosAmount: 'importo',
  scenariosId: 'id scenario',
  scenariosProducts: 'prodotti',
  scenariosResult: 'esito (result)',
  scenariosAction: 'codice azione',
  scenariosBackend: 'risposta checkTransaction',
  scenariosDescription: 'descrizione',
  scenariosNotFound: 'non trovata',
  scenariosLost: "non arriva mai all'app",
  scenariosInferred: '(dedotto)',
  scenariosFooter: "Prova: nexi-app2app simulate 'neximpos://payment?amount={amount}&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment'",

  // rehearse.ts
  rehearseHelp: `Uso: nexi-app2app rehearse [--out FILE] [--pki DIR | --env NAME] [--seed N] [--json]

Una prova generale in un solo comando: scrive una sessione logcat realistica costruita dal catalogo degli scenari
(pagamenti con ogni esito, un esito che non è mai arrivato all'app, uno storno, una chiusura contabile), avvia una
sandbox locale su 127.0.0.1 per la durata dell'esecuzione, vi registra ciò che ha visto l'host e riconcilia il log,
così compare ogni classificazione di 'nexi-app2app reconcile'. Nulla esce da questa macchina; la sandbox si arresta
alla fine.
  --out FILE   dove scrivere il log (predefinito: un nuovo file nella directory temporanea di sistema; il percorso viene stampato)
  --pki DIR    conserva in DIR la CA e i certificati della sandbox e li riutilizza (predefinito: una directory temporanea, poi rimossa)
  --env NAME   usa la sandbox già in esecuzione con il profilo CLI NAME ('nexi-app2app sandbox' salva 'sandbox'),
               così il suo log delle richieste mostra le verifiche; solo una sandbox su questa macchina
  --seed N     la stessa sessione per lo stesso N nello stesso giorno (predefinito: una nuova a ogni esecuzione)
  --json       i passi, la riconciliazione attesa e quella effettiva in JSON
Codice di uscita: 0 la prova è stata eseguita e ogni classificazione è quella attesa, 1 altrimenti, 2 errori di utilizzo.
`,
  rehearseSeed: '--seed richiede un numero intero non inferiore a 1',
  rehearseWriteFailed: 'impossibile scrivere il log in {file}: {error}. Scegliere un altro --out.',
  rehearseTitle: 'Prova generale: {count} operazioni dal catalogo degli scenari, come le ha registrate il dispositivo il {date}.',
  rehearseLog: 'Log scritto in {file}',
  rehearseSandbox: "Sandbox locale su {url}: {count} transazioni registrate (ciò che ha visto l'host; le altre non lo hanno mai raggiunto).",
  rehearseSteps: 'Operazioni e la classificazione che ciascuna deve ottenere:',
  rehearseNotTransaction: 'non è una transazione (ignorata)',
  rehearseReconciling: "Riconciliazione ('nexi-app2app reconcile {file}' sulla sandbox):",
  rehearseAsExpected: 'Ogni classificazione è quella attesa.',
  rehearseUnexpected: 'La riconciliazione differisce da quella attesa dalla prova ({expected}). Segnalarlo allegando il log.',
  rehearsePkiOrEnv: 'scegliere una sola tra --pki (una sandbox per questa esecuzione) e --env (una sandbox in esecuzione)',
  rehearseLocalOnly: "il profilo '{name}' non è una sandbox locale (https://127.0.0.1…, con certificato e chiave): avviare 'nexi-app2app sandbox' e usare --env sandbox, oppure omettere --env",
  rehearseRegisterFailed: "impossibile registrare le transazioni della prova nella sandbox su {url}: {error}. 'nexi-app2app sandbox' è in esecuzione?",
  rehearseFailed: 'Non è stato possibile eseguire la riconciliazione sulla sandbox locale (vedi sopra).',
};
