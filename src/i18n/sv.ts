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
  period: {
    label: 'Period',
    open: 'öppen',
    locked: 'låst',
    dueDate: (date: string) => `Sista svarsdag ${date}`,
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
    commentCount: (used: number, max: number) => `${used} av ${max} tecken`,
    previous: 'Föregående period',
    previousNone: 'Planen fanns inte med i föregående period.',
    previousNoComment: 'Ingen kommentar lämnades.',
    copyPrevious: 'Kopiera till kommentaren',
    copyPreviousConfirm: 'Kommentaren är inte tom. Ersätta den med föregående periods kommentar?',
    copied: 'Föregående kommentar har kopierats in.',
    saveDraft: 'Spara utkast',
    submit: 'Skicka in',
    saving: 'Sparar…',
    savedDraft: (time: string) => `Utkastet sparades ${time}.`,
    submitted: (time: string) => `Uppföljningen skickades in ${time}.`,
    submittedBy: (name: string, time: string) => `Inskickad av ${name} ${time}`,
    readOnlyLocked: 'Perioden är låst. Uppföljningen kan läsas men inte ändras.',
    readOnlyNotOwner: 'Du är inte ansvarig för den här planen och kan bara läsa uppföljningen.',
    unsaved: 'Osparade ändringar',
    fixErrors:
      'Rätta det som är markerat och försök igen. Inget av det du skrivit har tagits bort.',
    editorLoading: 'Laddar textredigeraren…',
  },
  validation: {
    statusRequired: 'Välj en status innan du skickar in.',
    noteRequired: 'Skriv en notering när planen inte bedöms.',
    noteTooLong: (max: number) => `Noteringen får vara högst ${max} tecken.`,
    commentTooLong: (max: number) => `Kommentaren får vara högst ${max} tecken.`,
  },
  editor: {
    toolbar: 'Textformat',
    bold: 'Fetstil',
    italic: 'Kursiv',
    bulletList: 'Punktlista',
    link: 'Länk',
    linkUrl: 'Adress (https:// eller mailto:)',
    linkApply: 'Infoga länk',
    linkRemove: 'Ta bort länk',
    linkCancel: 'Avbryt',
    linkInvalid: 'Ange en adress som börjar med https://, http:// eller mailto:.',
  },
  errors: {
    conflict: (name: string, time: string) =>
      `${name} sparade planen ${time}, efter att du öppnade den. Ingenting har skrivits över och din text finns kvar i formuläret.`,
    conflictTheirs: 'Deras version',
    conflictKeepMine: 'Spara min version ändå',
    conflictTakeTheirs: 'Använd deras version',
    someone: 'Någon annan',
    offline:
      'Det går inte att nå SharePoint. Kontrollera nätverket och försök igen. Din text finns kvar.',
    unauthorized: 'Du behöver logga in igen.',
    forbidden: 'Du saknar behörighet att ändra det här.',
    notFound: 'Planen finns inte längre. Den kan ha tagits bort av någon annan.',
    throttled: 'SharePoint är hårt belastat just nu. Vänta en stund och försök igen.',
    server: 'Något gick fel i SharePoint. Försök igen om en stund.',
    invalidData: 'Uppgifterna från SharePoint kunde inte läsas.',
    panelFailed: 'Den här delen kunde inte visas. Försök igen eller ladda om sidan.',
    loadFailed: 'Det gick inte att hämta uppgifterna.',
    retry: 'Försök igen',
  },
} as const;

/** The shape every language provides: same keys, strings widened, functions keep parameters. */
export type Messages = Widen<typeof sv>;

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Widen<T[K]> };
