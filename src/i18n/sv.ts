import { formatDate, formatNumber } from '../domain/format';
/** Swedish, the default language. Every UI text of the app lives here and in en.ts. */
export const sv = {
  appTitle: 'Planuppföljning',
  appSubtitle: 'Uppföljning av övergripande handlingsplaner',
  loading: 'Laddar…',
  settings: {
    language: 'Språk',
    theme: 'Tema',
    themeLight: 'Ljust',
    themeDark: 'Mörkt',
    themeContrast: 'Hög kontrast',
    viewAs: 'Visa som',
    viewAsUnsaved: 'Du har osparade ändringar. Byter du användare försvinner de. Byta ändå?',
    coordinatorSuffix: '(samordnare)',
    localMode: 'Lokalt läge: demodata, ingen Microsoft 365-anslutning.',
  },
  nav: {
    label: 'Vyer',
    plans: 'Handlingsplaner',
    overview: 'Översikt',
    help: 'Hjälp',
    report: 'Bilaga 2',
    setup: 'Inställningar',
    statement: 'Tillgänglighetsredogörelse',
    overTime: 'Över tid',
    skipToContent: 'Hoppa till innehållet',
  },
  /** The view "Över tid": every plan across the periods (#16 part 6). */
  overTime: {
    heading: 'Över tid',
    open: 'Visa alla planer över tid',
    intro:
      'Varje plan över alla perioder, nyaste perioden först. Öppna en kommentar med knappen i cellen.',
    loading: 'Hämtar planerna över tid…',
    loadingComment: 'Hämtar kommentaren…',
    filters: 'Filter',
    lifecycle: { active: 'Aktiva', ended: 'Avslutade', replaced: 'Ersatta' },
    owner: 'Ansvarig',
    allOwners: 'Alla ansvariga',
    shown: (shown: number, all: number) => `Visar ${shown} av ${all} planer.`,
    caption: 'Planernas status per period',
    plan: 'Plan',
    absent: 'Ingår inte',
    unanswered: 'Inget svar',
    comment: 'Kommentar',
    commentOf: (plan: string, period: string) => `Kommentar: ${plan}, ${period}`,
    noComment: 'Ingen kommentar.',
    close: 'Stäng',
    replacedBy: (title: string) => `Ersatt av ${title}`,
    replaces: (title: string) => `Ersätter ${title}`,
    formerly: (titles: string) => `Tidigare: ${titles}`,
  },
  /** Explains the asterisk of required fields, near every form that has them (WCAG 3.3.2). */
  requiredNote: 'Fält markerade med * är obligatoriska.',
  overview: {
    /** "8 av 12 besvarade (67 %)": submitted (or reviewed) of the plans due. */
    answered: (n: number, total: number, percent: string | null) =>
      `${n} av ${total} besvarade${percent === null ? '' : ` (${percent})`}`,
    statusOnlySubmitted: (drafts: number) =>
      drafts === 0
        ? 'Bara inskickade svar räknas.'
        : `Bara inskickade svar räknas: ${drafts} utkast räknas inte än.`,
    notAnswered: 'Inget svar än – inget att jämföra.',
    byInput: 'Svar',
    byStatus: 'Status',
    count: (n: number) => `${n} st`,
    filter: 'Visa',
    all: 'Alla planer',
    awaitingHeading: 'Väntar på svar',
    awaitingNone: 'Alla planer har skickat in.',
    owesFor: (plans: string) => `för ${plans}`,
    plansHeading: 'Planer och förändring sedan föregående period',
    columnPlan: 'Plan',
    columnOwners: 'Ansvariga',
    columnStatus: 'Status',
    columnInput: 'Svar',
    columnChange: 'Sedan föregående period',
    showDiff: 'Visa ändringar',
    showDiffFor: (plan: string) => `Visa ändringar för ${plan}`,
    rollover: 'Starta ny period',
    rolloverTitle: (label: string) => `Starta ${label}?`,
    rolloverText: (plans: number, from: string) =>
      `${plans} planer förs över från ${from} med samma ordning, ansvariga och uppgifter. Status och kommentar blir tomma; förra periodens kommentar visas bredvid formuläret. Avslutade planer följer inte med.`,
    rolloverConfirm: 'Starta perioden',
    rolloverMissing: (missing: number, total: number, from: string) =>
      `${missing} av ${total} planer har inte skickat in. ${from} är fortfarande öppen: de ansvariga kan svara där även efter att nästa period har startat, tills du låser den.`,
    rolloverTwoAhead: (open: string) =>
      `${open} är fortfarande öppen. Lås den innan ännu en period startas, så att cykeln aldrig ligger två perioder före.`,
    rolloverCancel: 'Avbryt',
    rolloverWorking: 'Startar perioden…',
    rolloverDone: (label: string, created: number, existing: number) =>
      existing > 0
        ? `${label} är startad. ${created} poster skapades nu, ${existing} fanns redan.`
        : `${label} är startad med ${Math.max(created - 1, 0)} planer.`,
    rolloverFailed:
      'Perioden kunde inte startas helt. Försök igen: det som redan skapats skapas inte två gånger.',
    unfinished:
      'Perioden är inte färdigstartad: alla ansvariga kan ännu inte skriva i sina uppföljningar. Slutför perioden; det som redan är klart görs inte om.',
    finish: 'Slutför perioden',
    finishing: 'Slutför perioden…',
    finished: (label: string) =>
      `${label} är färdigstartad. Alla ansvariga kan skriva i sina uppföljningar.`,
    finishFailed: 'Perioden kunde inte slutföras. Försök igen om en stund.',
    noneShown: 'Inga planer att visa med det här urvalet.',
  },
  report: {
    exportWord: 'Exportera till Word',
    print: 'Skriv ut',
    exporting: 'Skapar Word-filen…',
    exported: (fileName: string) => `${fileName} har laddats ned.`,
    exportFailed: 'Word-filen kunde inte skapas. Försök igen.',
  },
  reportImport: {
    open: 'Importera Bilaga 2',
    fileLabel: 'Word-fil med Bilaga 2 (.docx)',
    reading: 'Läser Word-filen…',
    notDocx:
      'Filen är inte en Word-fil (.docx). Välj Bilaga 2 sparad i Word-format. Ingenting har sparats.',
    notReport:
      'Filen ser inte ut som en Bilaga 2: den har ingen tabell med kolumnerna Plan, Beslut/Dnr och Status. Ingenting har sparats.',
    previewHeading: 'Förhandsgranska importen',
    previewIntro: (title: string, rows: number) =>
      `${title || 'Rapporten'}: ${rows} planer. Kontrollera period, status och matchning mot planregistret innan du importerar. Perioden skapas låst.`,
    kind: 'Uppföljning',
    year: 'År',
    tableCaption: 'Planer i rapporten',
    columnNumber: 'Nr',
    columnPlan: 'Plan',
    columnReference: 'Beslut/Dnr',
    columnStatus: 'Status',
    columnMatch: 'Plan i registret',
    columnProblems: 'Kunde inte läsas',
    newPlan: 'Ny plan',
    matchedBy: { diary: 'efter diarienummer', title: 'efter titel', user: 'vald' },
    problems: {
      'no-status': 'Ingen status',
      'no-title': 'Ingen titel',
      'no-reference': 'Inget beslut eller diarienummer',
    },
    noProblems: 'Inget',
    statusFor: (n: number) => `Status för plan ${n}`,
    matchFor: (n: number) => `Plan i registret för plan ${n}`,
    importButton: 'Importera',
    cancel: 'Avbryt',
    noPeriod: 'Välj vilken period rapporten gäller.',
    periodExists: (label: string) =>
      `${label} finns redan. En befintlig period skrivs aldrig över: välj en annan period eller avbryt.`,
    noRows: 'Rapporten har inga planer att importera.',
    samePlanTwice: (plan: string) =>
      `Två rader matchar samma plan (${plan}). Välj Ny plan eller en annan plan för en av dem.`,
    importing: (done: number, total: number) => `Importerar… ${done} av ${total} steg klara`,
    imported: (label: string) => `${label} är importerad och låst.`,
    failed: 'Importen kunde inte slutföras.',
  },
  reportFiles: {
    save: 'Spara i SharePoint',
    saving: 'Sparar Bilaga 2 i SharePoint…',
    saved: (name: string, version: string) =>
      `${name} är sparad i webbplatsens dokumentbibliotek (version ${version}).`,
    open: 'Öppna i Word för webben',
    openFailed: 'Filen är sparad men kunde inte öppnas här. Använd länken för att öppna den.',
    forbidden:
      'Du har inte behörighet att spara filer i webbplatsens dokumentbibliotek. Be en ägare av webbplatsen om redigeringsbehörighet till biblioteket, eller ladda ned filen i stället. Ingenting har ändrats i SharePoint.',
    locked:
      'Filen i SharePoint är utcheckad eller öppen för redigering av någon annan och kan inte ersättas just nu. Be personen checka in eller stänga filen och försök igen. Den sparade versionen finns kvar.',
    failed: 'Bilaga 2 kunde inte sparas i SharePoint.',
    download: 'Ladda ned Word-filen',
  },
  period: {
    label: 'Period',
    open: 'öppen',
    locked: 'låst',
    dueDate: (date: string) => `Sista svarsdag ${formatDate(date, 'sv')}`,
    none: 'Det finns inga uppföljningsperioder ännu.',
  },
  plans: {
    heading: 'Handlingsplaner',
    mineOnly: 'Mina handlingsplaner',
    count: (shown: number, total: number) =>
      shown === total ? `${total} planer` : `${shown} av ${total} planer`,
    noneMine: 'Du är inte ansvarig för någon plan i den här perioden.',
    none: 'Perioden har inga planer.',
    columnPlan: 'Plan',
    columnStatus: 'Status',
    columnInput: 'Svar',
    owners: 'Ansvariga',
    noOwners: 'Ingen ansvarig',
    open: (title: string) => `Öppna ${title}`,
  },
  todo: {
    heading: 'Att göra',
    remaining: (left: number, total: number) =>
      `Du har kvar ${left} av ${total} uppföljningar att skicka in.`,
    done: (total: number) =>
      total === 1
        ? 'Allt är inskickat: din uppföljning är klar.'
        : `Allt är inskickat: alla dina ${total} uppföljningar är klara.`,
  },
  status: {
    good: 'Arbetet går bra',
    partly: 'Arbetet går delvis bra',
    poor: 'Arbetet går dåligt',
    'not-assessed': 'Ej bedömd',
    none: 'Ingen status',
  },
  inputState: {
    missing: 'Saknas',
    draft: 'Utkast',
    submitted: 'Inskickad',
  },
  form: {
    close: 'Stäng',
    backToList: 'Tillbaka till listan',
    decision: 'Beslut',
    diaryNumber: 'Dnr',
    validity: 'Giltighet',
    document: 'Plandokument',
    statusLegend: 'Status',
    note: 'Notering',
    noteHint: 'Till exempel ”Ska omarbetas” eller ”Ej längre aktuell”.',
    comment: 'Kommentar',
    commentHint: 'Beskriv läget för planens mål och aktiviteter.',
    commentCount: (used: number, max: number) =>
      `${formatNumber(used, 'sv')} av ${formatNumber(max, 'sv')} tecken`,
    previous: 'Föregående period',
    previousNone: 'Planen fanns inte med i föregående period.',
    previousNoComment: 'Ingen kommentar lämnades.',
    copyPrevious: 'Kopiera till kommentaren',
    copyPreviousTitle: 'Kommentaren är inte tom',
    copyPreviousConfirm:
      'Vill du ersätta det du har skrivit med föregående periods kommentar, eller lägga till den efter din text?',
    copyPreviousReplace: 'Ersätt',
    copyPreviousAppend: 'Lägg till efter',
    copyPreviousCancel: 'Avbryt',
    copied: 'Föregående kommentar har kopierats in.',
    copiedReplaced: 'Föregående kommentar har ersatt din text.',
    copiedAppended: 'Föregående kommentar har lagts till efter din text.',
    commentOverLimit: (max: number) =>
      `Kommentaren är längre än ${formatNumber(max, 'sv')} tecken. Utkastet går att spara, men korta texten innan du skickar in.`,
    returnedAfter: (name: string, time: string) =>
      `Inskickad av ${name} ${time}, skickad tillbaka för komplettering`,
    returnedDraft: 'Skickad tillbaka för komplettering',
    saveDraft: 'Spara utkast',
    withdrawTitle: 'Dra tillbaka inskickningen?',
    withdrawText:
      'Uppföljningen är inskickad. Sparar du den som utkast dras inskickningen tillbaka: den räknas inte som svar, och syns inte i Bilaga 2, förrän du skickar in den igen. Vill du skicka in ändringarna, välj Skicka in i stället.',
    withdrawConfirm: 'Spara som utkast',
    withdrawCancel: 'Avbryt',
    submit: 'Skicka in',
    saving: 'Sparar…',
    savedDraft: (time: string) => `Utkastet sparades ${time}.`,
    submitted: (time: string) => `Uppföljningen skickades in ${time}.`,
    submittedBy: (name: string, time: string) => `Inskickad av ${name} ${time}`,
    readOnlyLocked: 'Perioden är låst. Uppföljningen kan läsas men inte ändras.',
    readOnlyNotOwner: 'Du är inte ansvarig för den här planen och kan bara läsa uppföljningen.',
    unsaved: 'Osparade ändringar',
    keptLocally: 'Ändringarna finns bara på den här enheten tills du sparar.',
    allSaved: 'Allt är sparat i SharePoint.',
    restoreOffer: (time: string) =>
      `Det finns text från ${time} som bara är sparad på den här enheten, inte i SharePoint.`,
    restore: 'Återställ texten',
    discard: 'Släng den',
    backOnline: 'Anslutningen är tillbaka. Din text finns kvar.',
    sendNow: 'Spara nu',
    fixErrors:
      'Rätta det som är markerat och försök igen. Inget av det du skrivit har tagits bort.',
    editorLoading: 'Laddar textredigeraren…',
  },
  review: {
    heading: 'Granskning',
    approve: 'Markera som granskad',
    sendBack: 'Skicka tillbaka',
    sendBackOpen: 'Skicka tillbaka…',
    comment: 'Kommentar till ansvariga',
    commentRequired: 'Skriv vad som behöver kompletteras.',
    cancel: 'Avbryt',
    approved: 'Uppföljningen är granskad av samordnaren.',
    returned: 'Samordnaren har skickat tillbaka uppföljningen för komplettering:',
    approvedBadge: 'Granskad',
    returnedBadge: 'Återsänd',
    doneApproved: 'Markerad som granskad.',
    doneReturned: 'Skickad tillbaka till ansvariga.',
    sendingBack: 'Skickar tillbaka och meddelar ansvariga…',
    doneReturnedNotified: (names: string) =>
      `Skickad tillbaka. ${names} har fått ett meddelande i kanalen.`,
    notNotified: (why: string) =>
      `Uppföljningen är skickad tillbaka, men ansvariga har inte fått något meddelande utanför appen: ${why} Meddela dem på annat sätt.`,
    partlyNotified: (names: string) =>
      `${names} saknar användarkonto och har inte fått något meddelande utanför appen. Meddela dem på annat sätt.`,
    whyNoMessenger: 'appen kan inte skicka meddelanden här.',
    whyNoChannel: 'fliken saknar kanal (meddelanden kan bara skickas från en kanalflik).',
    whyNoOwners: 'planen har inga ansvariga med användarkonto.',
    whyForbidden:
      'du saknar behörighet att skicka meddelanden i kanalen eller att slå upp personer (ChannelMessage.Send, User.ReadBasic.All).',
    whyUnknownUsers: (names: string) => `${names} hittades inte i katalogen.`,
    whyChannelNotFound: 'kanalen hittades inte.',
    whyFailed: (detail: string) => `meddelandet kunde inte skickas. ${detail}`,
    logFailed: 'Tillbakaskickningen kunde inte föras in i periodens logg.',
  },
  help: {
    heading: 'Så fungerar Planuppföljning',
    intro:
      'Tre gånger om året – per 30 april (tertial), per 31 augusti (delår) och per 31 december (årsbokslut) – följer regionen upp sina övergripande handlingsplaner. Varje ansvarig lämnar status och kommentar för sina planer; samordningskansliet sammanställer Bilaga 2.',
    ownerHeading: 'För dig som är ansvarig för en plan',
    owner: [
      'Öppna fliken Handlingsplaner. Perioden som är öppen visas först, och Mina handlingsplaner visar planerna du ansvarar för. Att göra säger hur många uppföljningar du har kvar i alla öppna perioder, med en länk till varje.',
      'Välj en plan. Välj status: Arbetet går bra, går delvis bra, går dåligt – eller Ej bedömd med en kort notering.',
      'Skriv kommentaren. Förra periodens kommentar står bredvid; Kopiera till kommentaren tar in den som utgångspunkt – har du redan skrivit något väljer du om den ska ersätta din text eller läggas till efter den. Kommentaren får vara högst 10 000 tecken när du skickar in; ett längre utkast går att spara.',
      'Spara utkast när du vill fortsätta senare, Skicka in när du är klar. Det du skriver sparas också på din dator tills SharePoint har tagit emot det.',
      'Om någon annan har sparat samma plan under tiden får du se båda versionerna och välja; ingenting skrivs över utan att du vet om det.',
      'Skickar samordnaren tillbaka uppföljningen får du ett meddelande i kanalen, och kommentaren står överst i formuläret: komplettera och skicka in igen.',
    ],
    coordinatorHeading: 'För samordnare',
    coordinator: [
      'Starta ny period (Översikt) skapar nästa period från den senaste: samma planer, ordning och ansvariga, tom status och kommentar. Avslutade och ersatta planer följer inte med. På en ny webbplats utan perioder skapar du den första i Översikt (uppföljning, år, sista svarsdag) och lägger sedan till dess planer.',
      'Planregistret (Översikt) lägger till planer, ändrar titel, giltighet, beslut, diarienummer, plandokument och ansvariga, ändrar ordningen, och avslutar en plan eller markerar den som ersatt av en annan plan – från den här perioden eller nästa. Ångra avslut gör planen aktiv igen, så länge perioden är öppen och nästa period inte har startats. Låsta perioder ändras aldrig.',
      'Översikt visar hur många av periodens planer som har svarat (antal och procent), statusfördelningen bland inskickade svar (utkast räknas inte), vilka som inte har svarat och vad som har ändrats sedan förra perioden. Planens namn öppnar dess formulär.',
      'Över tid (länken i Översikt) visar varje plan över alla perioder, nyaste först: status med pil och text per period, Inget svar där inget svar skickades in och – där planen inte ingick. Knappen Kommentar i en cell visar kommentaren; filtrera på aktiva, avslutade och ersatta planer och på ansvarig. Tabellen skrivs ut på liggande A4.',
      'Påminn skickar ett meddelande i kanalen som @-nämner dem som inte har svarat, med länk till varje plan och sista svarsdag. Påminnelser loggas.',
      'I Teams kan Påminn också (Personligt eller Båda) ge var och en en avisering i Teams aktivitetsflöde som öppnar just deras formulär; loggen visar vem som fick vad.',
      'Granska inskickade uppföljningar: Markera som granskad, eller Skicka tillbaka med en kommentar. Skickar du tillbaka får de ansvariga ett meddelande i kanalen med kommentaren och länk till planen, och det loggas; går meddelandet inte fram står tillbakaskickningen kvar och appen säger att de ansvariga inte har fått veta.',
      'Skriv periodens sammanfattning och rapportuppgifter – inledning, var teckenförklaringen står, kontaktperson med en uppgift per rad – och lås perioden när alla har svarat. En ny period tar med sig inledningen. Öppna igen kräver en anledning, som loggas.',
      'Bilaga 2 visar rapporten; Exportera till Word laddar ned den som Word-fil och Skriv ut ger en utskrift eller PDF.',
      'Kontrollera miljön under Inställningar prövar med din inloggning allt appen behöver av SharePoint och Microsoft Graph och säger punkt för punkt vad som fungerar och vad IT behöver åtgärda.',
      'Importera Bilaga 2 (Bilaga 2) läser en tidigare rapport från Word-filen (.docx): du ser varje plan med status och matchning mot planregistret, kan rätta period, status och matchning, och Importera skapar perioden låst med svaren. En befintlig period skrivs aldrig över.',
      'Spara i SharePoint (Bilaga 2) sparar Word-filen i webbplatsens dokumentbibliotek, mappen Bilaga 2, en fil per period: sparar du igen blir det en ny version och de tidigare finns kvar i versionshistoriken. I Teams är det så du får filen; den öppnas sedan i Word för webben.',
    ],
    rulesHeading: 'Periodens regler',
    rules: [
      'En uppföljning räknas som besvarad först när den är inskickad. Ett utkast syns bara i appen. Sparar du ett utkast av en inskickad uppföljning frågar appen först, eftersom det tar tillbaka inskickningen.',
      'Bilaga 2 tar bara med inskickade och granskade svar. Planer utan inskickat svar står som ”Inget svar inlämnat”. Så länge perioden är öppen är rapporten ett utkast, och det står på sidan, i utskriften och i Word-filen. När perioden är låst är rapporten slutlig.',
      'En ny period startas när den senaste är låst. Är den fortfarande öppen säger appen hur många svar som saknas och frågar först; den äldre perioden förblir då öppen för dem som inte har svarat. En period som ligger två steg fram startas aldrig.',
      'En plan som avslutas eller ersätts från en period räknas inte i den perioden, står inte bland dem som inte har svarat och får inga påminnelser. Avslutet kan ångras så länge perioden är öppen och nästa period inte har startats.',
      'Två planer i samma period kan inte ha samma titel.',
      'På en ny webbplats skapar samordnaren den första perioden i Översikt och lägger sedan till dess planer i planregistret. Till dess ser ansvariga att ingen period är öppnad än.',
    ],
    accessibility:
      'Appen ska gå att använda med tangentbord och skärmläsare och i Teams ljusa, mörka och högkontrastläge. Status visas alltid med pil och text, aldrig bara med färg.',
  },
  validation: {
    statusRequired: 'Välj en status innan du skickar in.',
    noteRequired: 'Skriv en notering när planen inte bedöms.',
    noteTooLong: (max: number) => `Noteringen får vara högst ${formatNumber(max, 'sv')} tecken.`,
    commentTooLong: (max: number) =>
      `Kommentaren får vara högst ${formatNumber(max, 'sv')} tecken för att kunna skickas in. Korta den, eller spara den som utkast så länge.`,
    commentTooLarge:
      'Kommentaren har för mycket formatering för att kunna sparas. Ta bort en del av formateringen eller korta texten.',
  },
  editor: {
    toolbar: 'Textformat',
    bold: 'Fetstil',
    italic: 'Kursiv',
    bulletList: 'Punktlista',
    orderedList: 'Numrerad lista',
    link: 'Länk',
    linkUrl: 'Adress (https:// eller mailto:)',
    linkApply: 'Infoga länk',
    linkRemove: 'Ta bort länk',
    linkCancel: 'Avbryt',
    linkInvalid: 'Ange en adress som börjar med https://, http:// eller mailto:.',
    indent: 'Öka indrag',
    outdent: 'Minska indrag',
    keys: 'Tab och Skift+Tab lämnar textrutan. I en punktlista ökar Ctrl+] indraget och Ctrl+[ minskar det, liksom knapparna Öka indrag och Minska indrag.',
  },
  errors: {
    conflict: (name: string, time: string) =>
      `${name} sparade planen ${time}, efter att du öppnade den. Ingenting har skrivits över och din text finns kvar i formuläret.`,
    conflictTitle: 'Någon annan har sparat planen',
    conflictTheirs: 'Deras version',
    conflictMine: 'Din version',
    conflictMerge: 'Slå ihop själv',
    conflictMerging:
      'Deras version står här medan du slår ihop texterna i formuläret. Spara när du är klar.',
    conflictAppend: 'Infoga deras kommentar',
    conflictUnavailable:
      'Deras version kunde inte hämtas just nu. Din text finns kvar i formuläret.',
    conflictKeepMine: 'Spara min version ändå',
    conflictTakeTheirs: 'Använd deras version',
    someone: 'Någon annan',
    timeout: (service: string) =>
      `${service} svarade inte i tid. Försök igen om en stund. Din text finns kvar.`,
    reload: 'Ladda om sidan',
    signIn: 'Logga in',
    signingIn: 'Loggar in…',
    offline:
      'Det går inte att nå SharePoint. Kontrollera nätverket och försök igen. Din text finns kvar.',
    unauthorized:
      'Du behöver logga in för att fortsätta. Inloggningen öppnas i ett eget fönster. Det du har skrivit finns kvar.',
    popupBlocked:
      'Webbläsaren stoppade inloggningsfönstret. Tillåt popup-fönster för den här sidan och välj Logga in igen.',
    consentRequired: (scopes: string) =>
      `Planuppföljning saknar behörigheten ${scopes}. Bara IT kan godkänna den (administratörsgodkännande för appregistreringen i Microsoft Entra ID). Kontakta IT och be dem godkänna behörigheten. Det du har skrivit finns kvar.`,
    forbidden: 'Du saknar behörighet att ändra det här.',
    notFound: 'Planen finns inte längre. Den kan ha tagits bort av någon annan.',
    throttled: (service: string) =>
      `${service} är hårt belastat just nu. Vänta en stund och försök igen. Din text finns kvar.`,
    server: (service: string) => `Något gick fel i ${service}. Försök igen om en stund.`,
    cancelled:
      'Du avbröt väntan, så inget skickades. Din text finns kvar; försök igen när du vill.',
    unconfirmed:
      'Ändringen sparades i SharePoint, men den kunde inte läsas tillbaka. Appen kontrollerar den igen; din text finns kvar.',
    services: { sharepoint: 'SharePoint', graph: 'Microsoft Teams' },
    waiting: (service: string) =>
      `${service} är hårt belastat och har bett appen vänta. Appen försöker igen av sig själv.`,
    waitingIn: (seconds: number) => `Nytt försök om ${seconds} s.`,
    cancelWait: 'Avbryt väntan',
    invalidData: 'Uppgifterna från SharePoint kunde inte läsas.',
    setupNeeded:
      'SharePoint-webbplatsen saknar en lista eller ett fält som den här versionen av appen behöver. En samordnare eller administratör öppnar fliken Inställningar och väljer att skapa det som saknas; ladda sedan om.',
    panelFailed: 'Den här delen kunde inte visas. Försök igen eller ladda om sidan.',
    loadFailed: 'Det gick inte att hämta uppgifterna.',
    and: 'och',
    retry: 'Försök igen',
  },
  history: {
    open: 'Visa historik',
    openFor: (title: string) => `Visa historik för ${title}`,
    heading: (title: string) => `Historik: ${title}`,
    close: 'Stäng historik',
    loadFailed: 'Det gick inte att hämta planens historik.',
    empty: 'Planen har ingen uppföljning att visa ännu.',
    list: 'Perioder, senaste först',
    submittedBy: (name: string, time: string) => `Inskickad av ${name} ${time}`,
    notSubmitted: (state: string) => `Inte inskickad (${state})`,
    note: 'Notering',
    noComment: 'Ingen kommentar lämnades.',
    noInput: 'Inget svar lämnades för perioden.',
    noPrevious: 'Ingen tidigare period att jämföra med.',
    statusFrom: 'Från',
    statusTo: 'till',
    statusSame: 'Samma status som föregående period',
    better: 'bättre',
    worse: 'sämre',
    commentNew: 'Ny kommentar',
    commentUnchanged: 'Kommentaren oförändrad',
    commentChanged: 'Kommentaren ändrad',
    commentRemoved: 'Kommentaren borttagen',
    commentNone: 'Ingen kommentar',
    copiedUnchanged: 'Kopierad oförändrad från föregående period',
    showChanges: 'Visa ändringar',
    changes: (period: string) => `Ändringar i kommentaren sedan ${period}`,
    changesPrevious: 'Ändringar i kommentaren sedan föregående period',
    legend: 'Tillagd text är understruken, borttagen text är överstruken.',
    addedStart: 'tillagt:',
    addedEnd: 'slut på tillagt',
    removedStart: 'borttaget:',
    removedEnd: 'slut på borttaget',
  },
  reminders: {
    remind: 'Påminn',
    title: (period: string) => `Påminn om ${period}`,
    intro: 'Ett meddelande i kanalen @-nämner de valda personerna, med länk till varje plan.',
    recipients: 'Vem ska påminnas?',
    ownerPlans: (plans: string) => `(${plans})`,
    preview: 'Förhandsvisning',
    nobodySelected: 'Välj minst en person.',
    nobodyOwes: 'Alla har svarat – ingen att påminna.',
    send: 'Skicka påminnelse',
    cancel: 'Avbryt',
    looking: 'Slår upp personerna…',
    sending: 'Skickar påminnelsen…',
    sent: (n: number) => `Påminnelse skickad till ${n} ${n === 1 ? 'person' : 'personer'}.`,
    logFailed: 'Påminnelsen är skickad, men den kunde inte föras in i periodens logg.',
    noChannel: 'Fliken saknar kanal: påminnelser kan bara skickas från en kanalflik.',
    forbidden:
      'Du saknar behörighet att skicka meddelanden i kanalen eller att slå upp personer (ChannelMessage.Send, User.ReadBasic.All). Inget skickades.',
    unknownUsers: (names: string) =>
      `Följande personer hittades inte i katalogen: ${names}. Inget skickades – kontrollera att de har ett användarkonto i organisationen (inte bara en e-postadress) eller avmarkera dem.`,
    channelNotFound: 'Kanalen hittades inte. Inget skickades.',
    failed: 'Påminnelsen kunde inte skickas. Inget skickades.',
    showOutbox: 'Visa utkorg',
    hideOutbox: 'Dölj utkorg',
    outboxHeading: 'Utkorg (lokal Graph)',
    outboxEmpty: 'Inga meddelanden skickade ännu.',
    outboxTo: (names: string) => `Till: ${names}`,
    logHeading: 'Logg',
    logEmpty: 'Inget har hänt med perioden ännu.',
    logReminder: (names: string, by: string, at: string) =>
      `Påminnelse till ${names} (av ${by}, ${at})`,
    logLocked: (by: string, at: string) => `Perioden låstes (av ${by}, ${at})`,
    logOpened: (by: string, at: string) => `Perioden startades (av ${by}, ${at})`,
    logReady: (by: string, at: string, plans: number) =>
      `Periodens ${plans} uppföljningar är klara att besvara (av ${by}, ${at})`,
    logReopened: (by: string, at: string, reason: string) =>
      `Perioden öppnades igen (av ${by}, ${at}): ${reason}`,
    logReturned: (plan: string, by: string, at: string, reason: string, notified: string) =>
      `${plan} skickades tillbaka (av ${by}, ${at}): ${reason} – ${notified === '' ? 'ansvariga fick inget meddelande' : `meddelande till ${notified}`}`,
  },
  nudge: {
    delivery: 'Hur ska påminnelsen skickas?',
    channel: 'Kanal',
    personal: 'Personligt',
    both: 'Båda',
    deliveryHint:
      'Kanal: ett meddelande i kanalen som @-nämner alla valda. Personligt: en avisering i var och ens aktivitetsflöde i Teams, med länk till deras formulär.',
    unavailable:
      'Personliga aviseringar kan bara skickas från fliken i en Teams-kanal: aviseringen måste öppna fliken i Teams, och utanför Teams finns ingen sådan länk. Påminnelsen går i kanalen.',
    senderSkipped:
      'Du står själv bland de valda men får ingen personlig avisering: Teams visar inte aviseringar man skickar till sig själv.',
    nobodyPersonal:
      'Ingen av de valda kan få en personlig avisering. Välj Kanal eller fler personer.',
    notifying: 'Skickar personliga aviseringar…',
    channelSent: (n: number) =>
      `Meddelandet i kanalen är skickat och nämner ${n} ${n === 1 ? 'person' : 'personer'}.`,
    channelFailed: (reason: string) => `Meddelandet i kanalen skickades inte: ${reason}`,
    channelForbidden:
      'du saknar behörighet att skicka meddelanden i kanalen (ChannelMessage.Send).',
    personalSent: (names: string) => `Personlig avisering skickad till ${names}.`,
    personalFailed: (name: string, reason: string) =>
      `${name} fick ingen personlig avisering: ${reason}`,
    personalForbidden:
      'Teams tog inte emot aviseringen – du saknar behörighet att skicka aviseringar (TeamsActivity.Send), eller appen är inte installerad för personen. Be IT om behörigheten.',
    personalSignIn: 'inloggningen gäller inte längre – logga in igen och försök på nytt.',
    personalTokenExpiring:
      'Teams tar bara emot aviseringar med en inloggning som gäller minst 45 minuter till, och din går ut tidigare. Försök igen när den har förnyats (inom en timme).',
    retryHint:
      'Det som gick fram är loggat. Valen nedan gäller nu det som inte gick fram, så att du kan försöka igen.',
    close: 'Stäng',
    logPersonal: (sent: string, failed: string) =>
      `${sent === '' ? '' : `personlig avisering till ${sent}`}${sent !== '' && failed !== '' ? '; ' : ''}${failed === '' ? '' : `gick inte fram till ${failed}`}`,
    logPersonalOnly: (sent: string, by: string, at: string) =>
      `Personlig påminnelse till ${sent} (av ${by}, ${at})`,
  },
  periodAdmin: {
    heading: 'Periodens läge och rapportuppgifter',
    lock: 'Lås perioden',
    lockTitle: (period: string) => `Lås ${period}?`,
    lockText:
      'När perioden är låst kan ansvariga inte längre ändra sina uppföljningar, varken här eller direkt i SharePoint. De kan fortfarande läsa dem. Samordnare kan öppna perioden igen.',
    lockConfirm: 'Lås perioden',
    cancel: 'Avbryt',
    locking: 'Låser perioden…',
    lockDone: (period: string) => `${period} är låst.`,
    reopen: 'Öppna igen',
    reopenTitle: (period: string) => `Öppna ${period} igen?`,
    reopenText:
      'Ansvariga kan då ändra sina uppföljningar igen. Anledningen sparas i periodens logg.',
    reason: 'Anledning',
    reasonRequired: 'Ange varför perioden öppnas igen.',
    reopenConfirm: 'Öppna perioden igen',
    reopening: 'Öppnar perioden…',
    reopenDone: (period: string) => `${period} är öppen igen.`,
    stateLocked: 'Perioden är låst: ansvariga kan bara läsa sina uppföljningar.',
    stateOpen: 'Perioden är öppen: ansvariga kan ändra sina uppföljningar.',
    lastLocked: (by: string, at: string) => `Låstes av ${by} ${at}.`,
    lastReopened: (by: string, at: string, reason: string) =>
      `Öppnades igen av ${by} ${at}. Anledning: ${reason}`,
    failed: 'Det gick inte att ändra periodens läge.',
    dueDate: 'Sista svarsdag',
    saveDate: 'Spara datum',
    savingDate: 'Sparar datum…',
    dateSaved: (date: string) => `Sista svarsdag är nu ${formatDate(date, 'sv')}.`,
    dateRequired: 'Ange sista svarsdag.',
    dateInvalid: 'Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2020-09-14.',
    dateUnchanged: 'Datumet är oförändrat.',
    editSummary: 'Sammanfattning och rapportuppgifter',
    summaryHeading: 'Sammanfattning och rapportuppgifter',
    summary: 'Sammanfattning',
    summaryHint: 'Stycket ”Sammantaget visar…” i rapporten.',
    summaryTooLong: 'Sammanfattningen är för lång för SharePoint. Korta texten.',
    introduction: 'Inledning',
    introductionHint:
      'Texten före sammanfattningen. En tom rad mellan styckena. Lämnas den tom skrivs standardtexten, som följer perioden.',
    introductionTooLong: (max: number) =>
      `Inledningen får vara högst ${formatNumber(max, 'sv')} tecken. Korta texten.`,
    legendPlacement: 'Teckenförklaringen i rapporten',
    legendBefore: 'Före sammanfattningen',
    legendAfter: 'Efter sammanfattningen',
    unit: 'Utfärdande enhet',
    contact: 'Kontaktperson',
    contactHint: 'En uppgift per rad, som i rapportens sidhuvud: namn, ”Tfn: …”, ”E-post: …”.',
    reportDate: 'Rapportdatum',
    reportDateHint: 'ÅÅÅÅ-MM-DD, till exempel 2020-09-25.',
    diaryNumber: 'Diarienummer',
    save: 'Spara',
    close: 'Stäng',
    saving: 'Sparar…',
    saved: 'Sammanfattning och rapportuppgifter är sparade.',
    nothingChanged: 'Inget är ändrat.',
    fixErrors: 'Rätta uppgifterna som är markerade.',
    conflict:
      'Någon annan har ändrat perioden. Ladda om och gör om ändringen; din text finns kvar här.',
    reload: 'Ladda om perioden',
    reloaded: 'Perioden är omladdad. Din text finns kvar: kontrollera den och spara igen.',
  },
  firstPeriod: {
    heading: 'Skapa den första perioden',
    intro:
      'Webbplatsen har ingen uppföljningsperiod ännu. Skapa den första perioden och lägg sedan till dess handlingsplaner i planregistret. Kommande perioder startas från den här med Starta ny period.',
    kind: 'Uppföljning',
    kinds: {
      tertial: 'Tertialrapport april',
      delar: 'Delårsrapport augusti',
      arsbokslut: 'Årsbokslut',
    },
    year: 'År',
    yearInvalid: 'Ange året med fyra siffror, till exempel 2027.',
    dueDate: 'Sista svarsdag',
    create: 'Skapa perioden',
    creating: 'Skapar perioden…',
    created: (label: string) =>
      `${label} är skapad och öppen. Lägg nu till periodens handlingsplaner i planregistret.`,
    notFirst: 'Webbplatsen har redan en period. Ladda om sidan: nästa period startas från den.',
    failed: 'Perioden kunde inte skapas.',
    goToOverview: 'Skapa den första perioden i Översikt',
    coordinatorHint:
      'Det finns inga uppföljningsperioder ännu. Som samordnare skapar du den första.',
    ownerWaiting:
      'Samordningskansliet har inte öppnat någon uppföljningsperiod ännu. När perioden är öppnad visas dina handlingsplaner här.',
  },
  planRegister: {
    heading: 'Planregister',
    intro:
      'Ändringar gäller den öppna periodens uppföljningar och följer med till kommande perioder. Låsta perioder ändras inte.',
    show: 'Visa planregistret',
    hide: 'Dölj planregistret',
    listLabel: 'Periodens handlingsplaner',
    add: 'Lägg till plan',
    edit: 'Redigera',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    retire: 'Avsluta eller ersätt',
    retired: 'Avslutad',
    retiredFrom: (period: string) => `Avslutas från ${period}`,
    replacedNow: (by: string) => `Ersatt av ${by}`,
    replacedFrom: (by: string, period: string) => `Ersätts av ${by} från ${period}`,
    retireTitle: (title: string) => `Avsluta eller ersätt ${title}`,
    endKind: 'Vad händer med planen?',
    endRetired: 'Planen avslutas',
    endReplaced: 'Planen ersätts av en annan plan',
    replacedBy: 'Ersätts av',
    choosePlan: 'Välj plan…',
    replacementRequired: 'Välj planen som ersätter den här.',
    endFrom: 'Gäller från',
    fromThis: (period: string) =>
      `${period} (den här perioden: planen visas som avslutad och följer inte med till nästa period)`,
    fromNext: (period: string) =>
      `${period} (nästa period: planen följs upp nu men följer inte med när perioden startas)`,
    retireConfirm: 'Spara',
    undoEnd: 'Ångra avslut',
    undoTitle: (title: string) => `Ångra avslutet av ${title}?`,
    undoRetired: 'Planen är avslutad.',
    undoReplaced: (by: string) => `Planen är ersatt av ${by}; den markeras inte längre som ersatt.`,
    undoText:
      'Planen blir aktiv igen: den följs upp i perioden, räknas och påminns igen och följer med när nästa period startas.',
    undoConfirm: 'Ångra avslut',
    undoLocked: 'Perioden är låst: avslutet kan inte längre ångras.',
    undoNextStarted:
      'Nästa period är redan startad utan planen, så avslutet kan inte ångras här. Lägg till planen i den nya perioden i stället.',
    undoDone: (title: string) => `Avslutet av ${title} är ångrat: planen är aktiv igen.`,
    close: 'Stäng',
    cancel: 'Avbryt',
    addHeading: 'Ny handlingsplan',
    editHeading: (title: string) => `Redigera ${title}`,
    title: 'Titel',
    validity: 'Giltighet',
    validityHint: 'Till exempel 2020 eller 2020–2022.',
    decision: 'Beslut',
    diaryNumber: 'Diarienummer',
    documentUrl: 'Plandokument (länk)',
    owners: 'Ansvariga',
    ownersHint: 'Skriv en del av namnet och välj i listan.',
    ownersNoMatch: 'Ingen person matchar.',
    ownersSearching: 'Söker…',
    ownersExpand: 'Visa förslag på ansvariga',
    ownersTypeMore: 'Skriv minst två tecken av namnet.',
    ownersSearchFailed: 'Sökningen efter personer misslyckades. Försök igen.',
    ownersAdding: (name: string) => `Lägger till ${name}…`,
    ownersAddFailed: (name: string) =>
      `${name} kunde inte läggas till på webbplatsen och blev inte ansvarig. Försök igen eller välj någon annan.`,
    removeOwner: (name: string) => `Ta bort ${name}`,
    save: 'Spara',
    saving: 'Sparar…',
    working: 'Sparar ändringen…',
    fixErrors: 'Rätta uppgifterna som är markerade.',
    titleRequired: 'Ange planens titel.',
    titleDuplicate: 'Det finns redan en plan med den titeln i perioden. Ge planen en egen titel.',
    tooLong: (max: number) => `Högst ${formatNumber(max, 'sv')} tecken.`,
    validityInvalid: 'Ange giltigheten som ett år eller två år, till exempel 2020–2022.',
    urlInvalid: 'Ange en länk som börjar med http:// eller https://.',
    ownersRequired: 'Välj minst en ansvarig.',
    added: (title: string) => `${title} är tillagd.`,
    saved: (title: string) => `${title} är sparad.`,
    moved: (title: string, position: number) => `${title} är flyttad till plats ${position}.`,
    retiredDone: (title: string, period: string) => `${title} avslutas från och med ${period}.`,
    replacedDone: (title: string, by: string, period: string) =>
      `${title} ersätts av ${by} från och med ${period}.`,
    conflict:
      'Någon annan har ändrat planen under tiden. Ladda om och gör om ändringen; det du skrev finns kvar.',
    reload: 'Ladda om planen',
    reloaded: 'Planen är omladdad. Det du skrev finns kvar: kontrollera och spara igen.',
    failed: 'Ändringen kunde inte sparas.',
  },
  // Teams: the channel tab's settings page and the host (issue #4).
  tabConfig: {
    heading: 'Inställningar för fliken Planuppföljning',
    intro:
      'Välj SharePoint-webbplatsen där listorna för uppföljningen finns. Förslaget är teamets egen webbplats.',
    siteLabel: 'SharePoint-webbplats',
    siteHint: 'T.ex. https://regionen.sharepoint.com/sites/planer',
    check: 'Kontrollera webbplatsen',
    checking: 'Kontrollerar webbplatsen…',
    ready: 'Listorna finns på webbplatsen. Tryck på Spara för att lägga till fliken.',
    incomplete: 'Listorna för Planuppföljning saknas eller är ofullständiga på webbplatsen.',
    missingItems: (n: number) =>
      n === 1 ? '1 sak saknas eller avviker:' : `${n} saker saknas eller avviker:`,
    setupNeeded:
      'Kör konfigureringen nedan (kräver behörigheten Hantera listor), eller be en samordnare eller administratör göra det.',
    noManageRights:
      'Du har inte behörighet att hantera listor på webbplatsen. Be en samordnare eller administratör köra konfigureringen.',
    cannotCheck:
      'Den här webbplatsen kan inte kontrolleras härifrån. Välj den webbplats som appen är konfigurerad för.',
    failed: 'Webbplatsen kunde inte kontrolleras.',
    empty: 'Ange adressen till SharePoint-webbplatsen.',
    notUrl:
      'Adressen är inte giltig. Den ska börja med https://, t.ex. https://regionen.sharepoint.com/sites/planer.',
    notHttps: 'Adressen måste börja med https://.',
    changed: 'Adressen har ändrats. Kontrollera webbplatsen igen innan du sparar.',
    outsideTeams:
      'Den här sidan används när fliken läggs till i en kanal i Teams. Utanför Teams kan du kontrollera en webbplats, men inget sparas.',
    themeFromTeams: 'Temat följer Teams.',
    // Save needs the lists and the right to read and write them (issue 15, part 6).
    noRead:
      'Listorna finns, men du har inte behörighet att läsa dem. Be en samordnare eller teamets ägare lägga till fliken, eller ge dig behörighet att redigera listorna.',
    noWrite:
      'Listorna finns, men du kan bara läsa dem. För att lägga till fliken behöver du behörighet att redigera listorna (t.ex. som medlem i teamet). Be annars en samordnare eller teamets ägare lägga till den.',
    canComplete:
      'Du kan spara fliken. Webbplatsen skiljer sig på några punkter från appens konfigurering; du kan komplettera den här eller senare under Inställningar.',
  },
  // Set-up of the SharePoint site (features/settings).
  setup: {
    heading: 'Inställningar',
    intro:
      'Planuppföljning sparar i två listor på teamets SharePoint-webbplats. Kontrollen visar om listorna, deras kolumner, index, vyer och formatering finns som appen behöver dem, och skapar det som saknas. Det som redan finns ändras inte, och inga uppgifter i listorna rörs.',
    panelLabel: 'Webbplatsens listor',
    site: (url: string) => `Webbplats: ${url}`,
    checking: 'Kontrollerar webbplatsen…',
    checkFailed: 'Det gick inte att kontrollera webbplatsen.',
    complete: (total: number) =>
      `Webbplatsen är färdig: alla ${total} delar som appen behöver finns.`,
    incomplete: (count: number, total: number) =>
      `${count} av ${total} delar saknas eller avviker:`,
    stateMissing: 'saknas',
    stateDiffers: 'avviker',
    statePresent: 'finns',
    item: {
      list: (name: string) => `Listan ${name}`,
      field: (name: string, list: string) => `Kolumnen ${name} i ${list}`,
      index: (name: string, list: string) => `Index på kolumnen ${name} i ${list}`,
      unique: (name: string, list: string) => `Unika värden i kolumnen ${name} i ${list}`,
      formatter: (name: string, list: string) =>
        `Kolumnformatering (pil, text och färg) av ${name} i ${list}`,
      rowFormatter: (name: string, list: string) => `Radformatering av vyn ${name} i ${list}`,
      view: (name: string, list: string) => `Vyn ${name} i ${list}`,
      group: (name: string) => `Gruppen ${name}`,
      permissions: (list: string) =>
        `Behörigheter för ${list}: samordnarna Fullständig behörighet, läsarna Läsa`,
    },
    apply: 'Skapa det som saknas',
    recheck: 'Kontrollera igen',
    progressLabel: 'Förlopp för uppsättningen',
    progress: (done: number, total: number) => `${done} av ${total} klara`,
    progressItem: (done: number, total: number, what: string) =>
      `${done} av ${total} klara: ${what}`,
    starting: 'Startar uppsättningen…',
    done: (count: number) =>
      `Klart: ${count} ${count === 1 ? 'del skapades eller rättades' : 'delar skapades eller rättades'}. Webbplatsen är färdig.`,
    notDone: 'Uppsättningen blev inte färdig: kontrollera igen och försök en gång till.',
    applyFailed: (done: number) =>
      `Uppsättningen avbröts efter ${done} klara delar. Det som redan skapats finns kvar; försök igen så fortsätter den.`,
    needsManageLists:
      'Du saknar behörigheten Hantera listor (Manage Lists) på webbplatsen, som behövs för att skapa listor, kolumner och vyer. Be webbplatsens ägare om behörigheten eller om att köra uppsättningen. Inget har ändrats.',
    needsCreateGroups:
      'Du saknar behörigheten Skapa grupper (Create Groups) på webbplatsen, som behövs för att skapa grupperna för samordnare och läsare. Be webbplatsens ägare om behörigheten eller om att köra uppsättningen. Inget har ändrats.',
    needsManagePermissions:
      'Du saknar behörigheten Hantera behörigheter (Manage Permissions) på webbplatsen, som behövs för att ge samordnarna och läsarna behörighet till listorna. Be webbplatsens ägare om behörigheten eller om att köra uppsättningen. Inget har ändrats.',
    coordinatorsOnly:
      'Inställningarna är till för samordnarna och webbplatsens ägare. Du har inte samordnarnas behörighet till listorna (som gruppen Planuppföljning – samordnare ger, direkt eller genom en grupp i organisationens katalog) och har inte behörigheten Hantera listor på webbplatsen; be en samordnare eller webbplatsens ägare om hjälp.',
    unavailable: 'Uppsättning av webbplatsen finns inte i det här läget.',
  },
  // Kontrollera miljön (issue #15, part 7): the IT preflight in Inställningar.
  preflight: {
    heading: 'Kontrollera miljön',
    intro:
      'Prövar med din inloggning allt appen behöver av webbplatsen och Microsoft Graph: läsa listorna, skriva och ta bort ett testobjekt, behörigheterna för grupper och objekt, att slå upp en användare och behörigheterna för kanalmeddelanden och aktivitetsflödet. Inget meddelande skickas och inget annat ändras. Resultatet säger punkt för punkt vad som fungerar och vad IT behöver åtgärda.',
    run: 'Kontrollera miljön',
    runAgain: 'Kontrollera miljön igen',
    resultsLabel: 'Resultat av miljökontrollen',
    site: (url: string) => `Webbplats: ${url}`,
    running: (name: string) => `Kontrollerar: ${name}…`,
    finished: (name: string, state: string) => `${name}: ${state}.`,
    summary: (pass: number, warn: number, fail: number, skipped: number) =>
      `Klart: ${pass} fungerar, ${warn} med anmärkning, ${fail} kräver åtgärd, ${skipped} hoppades över.`,
    allGood: 'Allt appen behöver fungerar.',
    fixLabel: 'Vad IT ska göra:',
    toSetup: 'Till uppsättningen av listorna',
    state: {
      waiting: 'Väntar',
      running: 'Kontrolleras',
      pass: 'Fungerar',
      warn: 'Fungerar, med anmärkning',
      fail: 'Åtgärd krävs',
      skipped: 'Hoppades över',
    },
    check: {
      lists: 'Appens listor',
      read: 'Läsa listorna',
      write: 'Skriva och ta bort ett testobjekt',
      rights: 'Behörighet för grupper och objektbehörigheter',
      'user-lookup': 'Slå upp en användare i Microsoft Graph',
      'consent-sharepoint': 'Behörigheten AllSites.FullControl (SharePoint)',
      'consent-users': 'Behörigheten User.ReadBasic.All (Microsoft Graph)',
      'consent-channel': 'Behörigheten ChannelMessage.Send (Microsoft Graph)',
      'consent-activity': 'Behörigheten TeamsActivity.Send (Microsoft Graph)',
    },
    /** What each permission is for, said when it is missing. */
    purpose: {
      'consent-sharepoint':
        'Utan den kan appen inte läsa eller spara något i SharePoint, och samordnarna kan inte ge uppföljningarna deras behörigheter.',
      'consent-users': 'Utan den kan påminnelserna inte @-nämna de ansvariga.',
      'consent-channel': 'Utan den kan Påminn inte skicka meddelanden i kanalen.',
      'consent-activity':
        'Utan den kan Påminn inte skicka personliga aviseringar i aktivitetsflödet.',
    },
    services: { sharepoint: 'SharePoint', graph: 'Microsoft Graph' },
    pass: {
      lists: (lists: string) => `Listorna finns: ${lists}.`,
      read: (lists: string) => `Appen kan läsa ${lists}.`,
      write:
        'Ett testobjekt skapades och togs bort direkt i Uppföljningsperioder. Det syns aldrig i appen, i rapporter eller i antal.',
      rights:
        'Du har Hantera behörigheter på Uppföljning handlingsplaner och Skapa grupper och Hantera listor på webbplatsen.',
      user: (name: string) =>
        `Microsoft Graph hittade dig (${name}) med ditt användarnamn, som påminnelserna slår upp de ansvariga.`,
      permission: (name: string, resource: string) =>
        `Appen får token med ${name} (${resource}): IT har godkänt behörigheten.`,
      plain: 'Fungerar.',
    },
    skipped: {
      'local-mode': 'Ingen inloggning i lokalt läge: det finns ingen token att kontrollera.',
      'needs-lists': 'Listan som behövs saknas; se Appens listor.',
      'needs-user': 'Din användare kunde inte läsas; se Läsa listorna.',
    },
    rightNames: {
      'manage-permissions':
        'Hantera behörigheter (Manage Permissions) på Uppföljning handlingsplaner',
      'create-groups': 'Skapa grupper (Create Groups) på webbplatsen',
      'manage-lists': 'Hantera listor (Manage Lists) på webbplatsen',
    },
    problem: {
      missingLists: (lists: string) => `Webbplatsen saknar ${lists}.`,
      missingListsFixSetUp:
        'Du får skapa listorna: öppna uppsättningen nedan och välj Skapa det som saknas.',
      missingListsFixOwner:
        'Webbplatsens ägare (eller någon med Hantera listor) kör uppsättningen under Inställningar, som skapar listorna.',
      missingRights: (rights: string) => `Du saknar ${rights}.`,
      missingRightsFix:
        'Samordnare behöver Fullständig behörighet på listorna: lägg till dem i gruppen Planuppföljning – samordnare (direkt eller genom en grupp i organisationens katalog). Planägare behöver det inte. Skapa grupper och Hantera listor behövs bara för uppsättningen.',
      missingRightsWarnFix:
        'Appen fungerar för samordnarna. Skapa grupper och Hantera listor behövs bara för uppsättningen: låt webbplatsens ägare köra den.',
      consent: (name: string, resource: string) =>
        `IT har inte godkänt behörigheten ${name} (${resource}) för appen.`,
      consentFix: (name: string, resource: string) =>
        `En administratör i Microsoft Entra ID lägger till den delegerade behörigheten ${name} (${resource}) i appens registrering och beviljar administratörsmedgivande för organisationen.`,
      cors: (service: string) =>
        `${service} svarar inte på anrop från appens adress (CORS), eller går inte att nå härifrån.`,
      corsFix: (service: string) =>
        `Kontrollera att du är ansluten till nätverket, att webbplatsens adress i appens konfiguration stämmer och att ingen proxy eller brandvägg stoppar anrop från appens adress till ${service}.`,
      signIn: (service: string) => `Appen fick ingen token för ${service} utan att du loggar in.`,
      signInFix:
        'Logga in igen och kör kontrollen på nytt. Kvarstår det: kontrollera appens omdirigerings-URI i registreringen (docs/it-admin.md).',
      forbiddenWrite: 'SharePoint tillät inte att du skapar ett objekt i Uppföljningsperioder.',
      forbiddenWriteFix:
        'Samordnare behöver Fullständig behörighet på listorna (gruppen Planuppföljning – samordnare). Planägare skriver bara i sina egna uppföljningar och behöver inte detta.',
      forbidden: (service: string) => `${service} nekade åtgärden.`,
      forbiddenFix:
        'Kontrollera din behörighet på webbplatsen och appens behörigheter i Microsoft Entra ID.',
      cleanupFailed: (list: string, id: string) =>
        `Testobjektet${id ? ` (id ${id})` : ''} i ${list} kunde inte tas bort.`,
      cleanupFailedFix: (list: string) =>
        `Ta bort objektet vars Period börjar med ”miljokontroll-” i listan ${list}. Appen visar det inte under tiden.`,
      userNotFound: (upn: string) =>
        `Microsoft Graph hittar ingen användare med användarnamnet ${upn}.`,
      userNotFoundFix:
        'Kontrollera att kontot i SharePoint och kontot i Microsoft Entra ID har samma användarnamn (UPN).',
      other: (service: string, message: string) => `${service} svarade: ${message}`,
      otherFix: 'Försök igen. Kvarstår felet: ge IT meddelandet ovan.',
    },
  },
  // Tillgänglighetsredogörelse (accessibility statement), on Digg's model. The known
  // shortcomings themselves are in src/features/accessibility/known-shortcomings.ts.
  accessibility: {
    link: 'Tillgänglighetsredogörelse',
    heading: 'Tillgänglighetsredogörelse',
    pageTitle: 'Tillgänglighetsredogörelse för Planuppföljning',
    otherLanguage: 'In English',
    intro: (organisation: string) =>
      `${organisation} står bakom Planuppföljning, appen i Microsoft Teams där regionens övergripande handlingsplaner följs upp. Vi vill att alla som ska följa upp, granska eller läsa planerna kan använda den. Här beskriver vi hur Planuppföljning uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan påpeka brister så att vi kan åtgärda dem.`,
    statusHeading: 'Hur tillgänglig är appen?',
    statusFull:
      'Vi känner inte till några brister mot lagens krav i Planuppföljning. Det här fungerar:',
    statusPartial:
      'Vi vet att delar av Planuppföljning inte är helt tillgängliga; de beskrivs under Innehåll som inte är tillgängligt. Det här fungerar:',
    works: [
      'Allt går att göra med enbart tangentbord: välja plan, sätta status, skriva kommentar, skicka in, granska, påminna, starta ny period, låsa och öppna perioden och exportera rapporten.',
      'Fokus syns alltid. Dialogrutor tar fokus när de öppnas, håller kvar det medan de är öppna, stängs med Esc och lämnar tillbaka fokus till knappen du kom från.',
      'Status visas med pil och text, aldrig bara med färg.',
      'Resultatet när du sparar eller skickar in läses upp av skärmläsare.',
      'Appen går att använda i Teams ljusa, mörka och högkontrastläge, i Windows kontrastteman och i 320 pixlars bredd.',
      'Texten följer den textstorlek du har valt i webbläsaren, och den går att förstora med webbläsarens zoom.',
    ],
    contactHeading: 'Vad kan du göra om du inte kan använda delar av appen?',
    contact:
      'Om du behöver innehåll ur Planuppföljning i en annan form, till exempel Bilaga 2 som ett dokument du kan läsa, eller hjälp att lämna din uppföljning, kan du meddela oss. Vi svarar inom två arbetsdagar.',
    contactEmail: 'E-post:',
    reportHeading: 'Rapportera brister i appens tillgänglighet',
    report: (contact: string) =>
      `Vi strävar efter att förbättra appens tillgänglighet. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, skriv till ${contact} så att vi får veta att problemet finns. Berätta vad du försökte göra, vilken vy det gällde och gärna vilken webbläsare och vilka hjälpmedel du använder.`,
    supervisionHeading: 'Tillsyn',
    supervision:
      'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
    supervisionLink: 'Anmäl bristande tillgänglighet till Digg',
    technicalHeading: 'Teknisk information om appens tillgänglighet',
    technicalFull:
      'Planuppföljning är helt förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service, enligt vår egen bedömning (se Hur vi testat appen). Kraven är de i EN 301 549, för appen WCAG 2.1 nivå AA.',
    technicalPartial:
      'Planuppföljning är delvis förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Kraven är de i EN 301 549, för appen WCAG 2.1 nivå AA.',
    inaccessibleHeading: 'Innehåll som inte är tillgängligt',
    nonComplianceHeading: 'Bristande förenlighet med lagkraven',
    nonComplianceNone:
      'Vi känner inte till något innehåll i appen som bryter mot lagens krav. Hittar du något, meddela oss.',
    burdenHeading: 'Oskäligt betungande anpassning',
    burdenNone: 'Vi åberopar inte undantag för oskäligt betungande anpassning för något i appen.',
    outOfScopeHeading: 'Innehåll som inte omfattas av lagstiftningen',
    outOfScopeIntro:
      'Det här innehållet finns i eller runt appen, men är inte appens eget eller står inte under vår kontroll:',
    outOfScopeNone: 'Allt innehåll i appen omfattas av lagen.',
    criteria: (labels: string) => `WCAG 2.1: ${labels}`,
    testingHeading: 'Hur vi testat appen',
    testingIntro: 'Vi har bedömt appen själva (självskattning). Så har vi testat:',
    testing: [
      'Automatiskt: axe-core kontrollerar WCAG 2.1 nivå A och AA på varje vy och dialogruta, i ljust, mörkt och högkontrastläge och i Windows kontrastteman, vid varje ändring av koden. Ett enda fel stoppar ändringen.',
      'Automatiska tangentbordstester går igenom varje arbetsflöde med enbart tangentbord och kontrollerar att fokus syns och hamnar rätt.',
      'Automatiska tester kontrollerar att sidan fungerar i 320 pixlars bredd utan vågrät rullning, och att texten blir dubbelt så stor när webbläsarens textstorlek är 32 pixlar i stället för 16.',
      'Word-filen med Bilaga 2 kontrolleras automatiskt: rubrik, dokumentspråk, titel och en tabellrubrik som upprepas på varje sida. Den har inte granskats med Words tillgänglighetskontroll.',
      'Ett automatiskt test kontrollerar att varje brist som står här fortfarande finns i appen och att varje brist visas i redogörelsen på båda språken.',
      'Manuellt: tangentbord, webbläsarens zoom och textstorlek och Windows kontrastteman, av utvecklingsgruppen.',
      'Appen har inte granskats av någon extern part och inte testats av användare med skärmläsare (NVDA, JAWS, VoiceOver) eller talstyrning.',
    ],
    assessed: (date: string) => `Den senaste bedömningen gjordes ${formatDate(date, 'sv')}.`,
    dates: (published: string, updated: string) =>
      `Redogörelsen publicerades ${formatDate(published, 'sv')} och uppdaterades senast ${formatDate(updated, 'sv')}.`,
  },
} as const;

/** The shape every language provides: same keys, strings widened, functions keep parameters. */
export type Messages = Widen<typeof sv>;

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Widen<T[K]> };
