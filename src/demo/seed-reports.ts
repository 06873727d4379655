import type { SeedReport } from './seed-types';

/**
 * Demo data transcribed from the two real reports in shared/seeds/:
 * - 000_9524472e89d53587.txt: "Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017"
 * - 002_6c068dde2240b6f1.txt: "Bilaga 2: Avstämning av övergripande handlingsplaner april 2020"
 *
 * The texts are extracted from PDF/Word: page headers dropped, rows continued across page breaks,
 * wrapped lines joined, wrap hyphens undone only where the hyphen is not part of the word. The
 * report's own wording and typos are kept. Anything reconstructed is explained in `dataNote`.
 */

export const SEED_2017_08: SeedReport = {
  periodKey: '2017-08',
  reportTitle: 'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017',
  introduction:
    'Övergripande handlingsplanen upprättas för sakområden som särskilt behöver fokuseras på och ' +
    'där gemensamt, planerat och systematiskt arbete krävs för att driva arbetet med sakområdet ' +
    'framåt. I dem finns en vägledning om vilka aktiviteter som varje verksamhet ska bidra med för ' +
    'att nå övergripande mål.\n\n' +
    'En uppföljning per augusti har genomförts av de övergripande handlingsplaner eller ' +
    'motsvarande som ingår i regiondirektörens direktiv för verksamhetsplaner 2017.',
  // The report runs its summary on from the introduction's last paragraph, then the legend.
  legendPlacement: 'after-summary',
  summary:
    '<p>Sammantaget visar uppföljningen att för de flesta handlingsplaner pågår arbete enligt ' +
    'plan men en hel del arbete återstår för att fler mål ska kunna vara uppfyllda till årets ' +
    'slut. Arbetet med mål och aktiviteter i de nyaste handlingsplanerna om Sexuell och ' +
    'reproduktiv hälsa och rättigheter och Plan för mottagande av asylsökande och nyanlända ' +
    'flyktingar har kommit igång på ett bra sätt. För handlingsplan miljö och handlingsplan ' +
    'tillgänglighet är det flera mål som inte ser ut att inte kunna uppfyllas till årets slut.</p>',
  report: {
    unit: 'Samordningskansliet',
    contact: 'Sandra Hedman\nTfn: 063-147509\nE-post: sandra.hedman@regionjh.se',
    date: '2017-09-25',
    diaryNumber: 'RS/780/2017',
  },
  rows: [
    {
      number: 1,
      planKey: 'barnkonventionen',
      title:
        'Övergripande handlingsplan för Barnkonventionen och de nationella minoriteterna 2016-2018',
      validity: '2016–2018',
      decision: 'RD 2015-11-02',
      diaryNumber: 'RS/1447/2015',
      status: null,
      statusSource: 'none',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Arbetet går framåt, men mycket återstår. Barnkonventionsarbetet ' +
        'har stått relativt stilla under första halvåret 2017, samtidigt som nya arbetssätt har ' +
        'utarbetats. De nya arbetssätten sätts under hösten 2017. Sydsamisk skyltning på ' +
        'hälsocentralerna, samt erhållna projektmedel tillsammans med Region Norrbotten och ' +
        'Västerbottens läns landsting för att etablera ett kunskapsnätverk för samisk hälsa.</p>',
      dataNote:
        'The status symbol was lost in the text extraction, and the report’s summary does not ' +
        'settle this plan’s status, so it is left unset.',
    },
    {
      number: 2,
      planKey: 'tillganglighet',
      title: 'Övergripande handlingsplan för Tillgänglighet 2017',
      validity: '2017',
      decision: 'RD 2016-05-27',
      diaryNumber: 'RS/705/2016',
      status: 'poor',
      statusSource: 'summary',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Region Jämtland Härjedalen som helhet klarar inte ' +
        'tillgänglighetsmålen för Vårdgarantin. Se redovisning av de olika dimensionerna i ' +
        'delårsboksutet. Åtgärder för att förbättra tillgängligheten pågår i enlighet med ' +
        'aktiviteterna i handlingsplanen.</p>' +
        '<p>Produktions och kapacitetsplaneringen har intensifierats under året. Stort fokus på ' +
        'dessa frågor och mycket av utvecklingsenhetens arbete har varit inriktat på stöd i dessa ' +
        'processer. Inom ramen för handlingsplanen pågår bland annat framtagning av ' +
        'produktionsdata på mer aggregerad nivå för att vi bättre ska kunna följa hur ' +
        'tillgängligheten förändras på en mer övergripande nivå och i realtid. Problem med IT ' +
        'och begränsade resurser vad gäller statistisk analytisk förmåga har identifierats.</p>',
      dataNote:
        'The status symbol was lost in the text extraction. Status taken from the report’s ' +
        'summary: “För handlingsplan miljö och handlingsplan tillgänglighet är det flera mål som ' +
        'inte ser ut att inte kunna uppfyllas till årets slut.”',
    },
    {
      number: 3,
      planKey: 'lakemedel',
      title: 'Övergripande handlingsplan Läkemedel 2017',
      validity: '2017',
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Flera av aktiviteterna är påbörjade och flertalet ser ut att ' +
        'kunna vara uppfyllda till årets slut, såsom minskad antibiotika-förskrivning och plan ' +
        'för framtida läkemedelsförsörjning.</p>' +
        '<p>Däremot finns det vissa aktiviteter som inte har kunnat utföras på grund av att ' +
        'införande av ny läkemedelsmodul i journalsystemet tagit mer resurser än förväntat. ' +
        'Kostnadsutvecklingen för läkemedel på recept är högre än genomsnittet för Riket. Det ' +
        'är en trend som blir svår att bryta innan årsskiftet. Det beror bland annat på det ' +
        'nationella samarbete med ordnat införande av nya läkemedel där ett fåtal patienter ' +
        'med mycket dyra läkemedel slår hårdare i en liten region jämfört med i en stor region ' +
        'samt förändrat förskrivningsmönster.</p>',
    },
    {
      number: 4,
      planKey: 'suicidprevention',
      title: 'Övergripande handlingsplan Suicidpreventivt arbete 2016-2018',
      validity: '2016–2018',
      decision: 'RD 2015-10-1:',
      diaryNumber: 'RS/1635/2015',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Suicidpreventiv samordnare anställd (50 % tjänst). Arbetet med ' +
        'att ta fram en gemensam handlingsplan för regionen och kommunerna samt andra berörda ' +
        'myndigheter är påbörjad. Arbetsgrupp under bildning. Beräknas vara färdigställd ' +
        'hösten 2018.</p>',
      dataNote:
        'The decision is printed “RD 2015-10-1:” (the date looks truncated); kept as printed.',
    },
    {
      number: 5,
      planKey: 'patientsakerhet',
      title: 'Övergripande handlingsplan Patientsäkerhet 2017-2019',
      validity: '2017–2019',
      decision: 'HSdir 2016-11-28',
      diaryNumber: 'Centuri 33786',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Planens övergripande mål är att andel vårdskador ska minska. ' +
        'Mätmetod är markörbaserad journalgranskning. Resultaten pekar på att vi går mot en ' +
        'minskning.</p>',
    },
    {
      number: 6,
      planKey: 'lean',
      title: 'Övergripande handlingsplan Lean 2014',
      validity: '2014',
      decision: 'LD 2013-11-13',
      diaryNumber: 'LS/1637/2013',
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Ej längre aktuell.',
      comment: '<p>Pågår arbete med en uppföljare.</p>',
    },
    {
      number: 7,
      planKey: 'miljo',
      title: 'Övergripande handlingsplan Miljö 2017',
      validity: '2017',
      decision: 'RD 2016-11-11',
      diaryNumber: 'RS/2026/2016',
      status: 'poor',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Fyra av åtta mål blir svåra att nå, särskilt minskad ' +
        'klimatpåverkan från resor och ingen ökad avfallsmängd. Se vidare beskrivning i ' +
        'delårsbokslutet i avsnittet Miljö.</p>',
    },
    {
      number: 8,
      planKey: 'informationssakerhet',
      title: 'Övergripande handlingsplan för informationssäkerhet 2016-2017',
      validity: '2016–2017',
      decision: 'RD 2016-11-25',
      diaryNumber: 'RS/1444/2015',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Alla mål och aktiviteter kommer inte att uppnås/genomföras under ' +
        '2017. Reservrutiner Cosmic är genomfört. Dock endast akutområdet som gjort ' +
        'kontinuitetsplan för alla sina kritiska IT system. Fastställande av maximala tolerabla ' +
        'avbrottstider är inte genomfört av systemansvariga och områdeschefer. Planering för ' +
        'återstart och återställande av verksamhetskritiska system påbörjas under hösten. ' +
        'Registerinventering av personuppgifter är genomförd, osäkert om den är komplett. IT ' +
        'stöd införskaffat för att upprätta förteckning, arbete pågår.</p>' +
        '<p>Workshop genomfört avseende roller och ansvar för Cosmic och ehälsa. Resultat ' +
        'bearbetas nu. Inom behörighetsstyrning finns regelverk framtaget. Arbetet med att ' +
        'minska manuell hantering samt att förbättra möjligheter för chefer att kontrollera ' +
        'behörigheter kommer inte att hinna med 2017. Inom området molntjänster beräknas mål, ' +
        'aktiviteter uppnås för 2017.</p>' +
        '<p>Framtagande av informationssäkerhets-utbildning för medarbetare beräknas inte hinna ' +
        'klart 2017, men kan förhoppningsvis finnas tillgängligt i början av 2018.</p>',
    },
    {
      number: 9,
      planKey: 'attraktiv-arbetsgivare',
      title: 'Övergripande handlingsplan Attraktiv arbetsgivare 2017-2019',
      validity: '2017–2019',
      decision: 'RD 2016-12-05',
      diaryNumber: 'RS/1585/2016',
      status: 'good',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p>Det pågår en mängd aktiviteter inom handlingsplanen attraktiv arbetsgivare ' +
        '2017-2019, exempelvis:</p>' +
        '<p>Medarbetare - Introduktion för nyanställda är genomförd i februari och planering ' +
        'för oktober introduktion pågår, framtagande av webbutbildning för jämställdhet ' +
        'pågår.</p>' +
        '<p>Chef och ledarförsörjning - planering av chefsaspirantutbildning som startar till ' +
        'hösten, samt planering av pågående Ny som chef och planering av höstutbildning, ' +
        'grupphandledning för chefer, ledarutvecklingsprogrammet.</p>' +
        '<p>Kompetensförsörjning – Kompetenskartläggning genomförd och utifrån den görs analys ' +
        'och åtgärdsplan, införande av kompetenshanterings pågår, karriärvägar pågår, utforma ' +
        'modell för sjuksköterskans första år är klart, utforma kompetenskort för ' +
        'undersköterskor pågår samt för 2017 angående marknadsföring/mässor mm framtagna.</p>' +
        '<p>Lönebildning – regler och riktlinjer är framtag stöd vid lönesättning.</p>' +
        '<p>Hälsa och arbetsmiljö- Arbetsmiljöenkäten är genomförd i februari -17 och ' +
        'resultatet visar ett index i jämförelse med okt 2016, att göra skyddsombudsrollen ' +
        'attraktiv pågår.</p>',
      dataNote:
        'The comment runs over a page break, right after “införande av kompetenshanterings”; ' +
        'the next page goes on “pågår, …”. A word may have been lost at the break; joined as ' +
        'extracted.',
    },
    {
      number: 10,
      planKey: 'e-halsa',
      title: 'Landstingsövergripande handlingsplan E-hälsa 2014',
      validity: '2014',
      decision: '2013-05-28',
      diaryNumber: 'LS/678/2013',
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Ska omarbetas',
      comment: '',
    },
    {
      number: 11,
      planKey: 'cancervard',
      title:
        'Handlingsplan för utveckling av cancervården i Region Jämtland Härjedalen 2016 – 2018, ' +
        'inklusive uppföljning av handlingsplan för 2013-2015',
      validity: '2016–2018',
      decision: 'HS dir 2016-05-25',
      diaryNumber: 'RS/1035/2016',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Utifrån gällande handlingsplan, 2016-2018, har hälso- och ' +
        'sjukvårdsdirektören, skrivit specifika uppdrag. De löper på enligt plan och kommer, ' +
        'kontinuerligt, att följas upp genom en statusrapport, två gånger/år, med början juni ' +
        '2017. Statusrapporten presenteras i samband med LCC 12 september.</p>' +
        '<p>Flera aktiviteter pågår:</p>' +
        '<ul>' +
        '<li>Diagnosoberoende nätverk för kontaktsjuksköterskor</li>' +
        '<li>Utvecklingsarbete med fokus på jämställt och jämlikt stöd för länets patient med ' +
        'cancersjukdom och deras närstående: min vårdplan ska erbjudas och i förekommande fall ' +
        'inkludera rehabiliteringsplan.</li>' +
        '<li>Koordinatorcenter för att frigöra kontaktsjuksköterskornas tid till ' +
        'patientarbete</li>' +
        '<li>Diagnosoberoende patient- och närståenderåd är initierat. Ordförande utsedd, ' +
        'metodstöd finns.</li>' +
        '</ul>' +
        '<p>Det pågår idag tre olika forskningsprojekt relaterat till cancerområdet. Den 19 maj ' +
        '2017 disputerade Cecilia Högberg. Hennes forskning bygger på tidig detektion av tjock- ' +
        'och ändtarmscancer i primärvård.</p>' +
        '<p>Ett annat forskningsprojekt bygger på Kolorektal cancer och identifiering av ' +
        'riskgrupper och utvärdering av förebyggande åtgärder. Denna forskning utgår från ' +
        'slutenvård.</p>' +
        '<p>Ett tredje forskningsprojekt inom slutenvården riktar sig mot tumörstroma och ' +
        'tumörmarkörer avseende invasivitet och metastatisk aggressivitet hos små ' +
        'differentierade tyreoidacancrar.</p>' +
        '<p>Förutom pågående forskning pågår långtgående diskussioner om att använda ' +
        'artificiell intelligens (AI) i ett innovativt utvecklingsprojekt mellan aktörer inom ' +
        'näringslivet och diagnostiskt centrum.</p>',
    },
    {
      number: 12,
      planKey: 'psykisk-halsa',
      title:
        'Handlingsplan för kommunerna i Jämtlands län och Region Jämtland Härjedalen gällande ' +
        'Område Psykisk hälsa 2016-2020',
      validity: '2016–2020',
      decision: 'Förankring i SVOM 2016-09-30',
      diaryNumber: 'RS/2120/2016',
      status: 'good',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Region Jämtland Härjedalen och länets kommuner har gemensamt ' +
        'beslutat att samfinansiera aktiviteter på regional nivå. Två samordnare tillsattes i ' +
        'januari 2017 (tjänst om 50 % per person). Arbetet löper på och slutförs enligt ' +
        'krav/förväntningar 2017. Förankring i SVOM oktober 2017. Då ska även en revidering av ' +
        'befintlig handlingsplan ske. Inrapportering till SKL 31 oktober.</p>' +
        '<p>Kommunerna och Regionen är själva ansvariga för att redovisa de delar som åligger den ' +
        'enskilde huvudmannen utifrån erhållna stimulansmedel.</p>',
      dataNote:
        'The extracted title begins “andlingsplan för kommunerna…” (first letter lost); ' +
        'written as “Handlingsplan…”.',
    },
    {
      number: 13,
      planKey: 'battre-liv-aldre',
      title: 'Bättre liv för sjuka äldre – strategi och handlingsplan 2017',
      validity: '2017',
      decision: 'SVOM 2016-12-16',
      diaryNumber: 'RS/55/2017',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Arbetet med handlingsplanen Bättre liv för sjuka äldre sköts av ' +
        'Ledningskraft. Representationen i Ledningskraft är numera sådan att alla kommuner ska ' +
        'vara representerade. Från Region Jämtland Härjedalen finns representation från både ' +
        'specialiserad vård och primärvård.</p>' +
        '<p>Ledningskraft har arbetat med Lagen om utskrivning från slutenvård, ' +
        'hemsjukvårdsavtalet, mobilt närvårdsteam och e-hälsa. Gruppen är aktiv i alla ' +
        'fokusområdena.</p>' +
        '<p>Ledningskraft har i närtid inplanerat möte för att revidera handlingsplanen. ' +
        'Avsikten är att handlingsplanen ska minska i volym för att synliggöra de delar som är ' +
        'väsentliga och aktuella.</p>',
    },
    {
      number: 14,
      planKey: 'vard-omsorg-glesbygd',
      title:
        'Övergripande handlingsplan för Vård och omsorg i glesbygd – Norrlands inland, ' +
        'världsledande i utvecklingen av framtidens vård och omsorg i glesbygd',
      validity: '',
      decision: '2014-05-21',
      diaryNumber: 'LS/821/2014',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Vård och omsorg i glesbygd (VOG) har efter en tid utan så mycket ' +
        'aktivitet tagit ny fart inom NRF. Arbetet leds av förbundsdirektören, som är ' +
        'sammankallande för en arbetsgrupp som ska arbeta med frågor och utmaningar inom ' +
        'framtidens vård och omsorg i glesbygd. Det första mötet med den nya sammansättningen ' +
        'av ledamöter inom VOG kommer ske i oktober.</p>',
      dataNote:
        'The row is split over a page break: title, diary number (“Dnr:” / “LS/821/2014”) and ' +
        'comment are joined from both pages.',
    },
    {
      number: 15,
      planKey: 'srhr',
      title:
        'Övergripande handlingsplan gällande sexuell och reproduktiv hälsa och rättigheter, ' +
        '2017-2021',
      validity: '2017–2021',
      decision: 'RD 2017-03-30',
      diaryNumber: 'RS/179/2017',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Mål 1) UngKAB15 med resultat för jämförelser kom ut under sommaren ' +
        'och har ännu inte bearbetats.</p>' +
        '<p>Mål 2) Vad gäller klamydiainfektion ligger länet fortfarande högt i landet jmf per ' +
        '100000 inv.</p>' +
        '<p>Mål 3) Resultat vid helår, delår tom maj verkar ligga på ungefär samma nivå som ' +
        'tidigare</p>' +
        '<p>Mål 4) Arbetet har endast påbörjats. Måluppfyllelse under planperioden</p>' +
        '<p>Mål 5) Nästa enkät i CAN först 2019. ▼ Övriga indikatorer i målet</p>' +
        '<p>Förutsättningar/aktiviteter pågår i stort enligt planen</p>',
    },
    {
      number: 16,
      planKey: 'asyl',
      title: 'Plan för mottagande av asylsökande och nyanlända flyktingar',
      validity: '',
      decision: 'Regionstabschef 2017-04-10',
      diaryNumber: 'Centuri 32658-1',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Arbetet pågår utifrån punkt 5.4 i handlingsplanen som handlar om ' +
        'Fortsatta behov och förslag på åtgärder inom Regionstyrelsens ansvarsområde</p>' +
        '<p>Kompetenshöjande insatser: Spridning av Hälsa i Sverige för asylsökande och ' +
        'nyanlända pågår. Tre föreläsningssessioner under hösten 2017 utifrån psykisk hälsa och ' +
        'transkulturell kulturanpassad vård. Utvecklings/utbildningsbehoven följs upp i ' +
        'Arbetsplan i Styrgrupp för asyl-flyktinghälsa</p>' +
        '<p>Enhet för asyl-och flyktinghälsa arbetar vidare kring sitt utökade flexibla uppdrag ' +
        'utifrån de behov som för närvarande är störst.</p>',
    },
  ],
};

const DIARIET = 'https://diariet.regionjh.se/diariet/files/';

/*
 * documentUrl in 2020: the extraction lists the hyperlinks of a page after the page's last row,
 * each link repeated once per line of the linked title. Read in page order, and with the repeat
 * counts matching the title line counts, the links belong to rows 1, 2 | 3, 4 | 5, 6 | 9 |
 * 10, 12, 13. Rows 7, 8 and 11 have no link.
 */
export const SEED_2020_04: SeedReport = {
  periodKey: '2020-04',
  reportTitle: 'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020',
  introduction:
    'Övergripande handlingsplanen upprättas för sakområden som särskilt behöver fokuseras på och ' +
    'där gemensamt, planerat och systematiskt arbete krävs för att driva arbetet med sakområdet ' +
    'framåt. I dem finns en vägledning om vilka aktiviteter som varje verksamhet ska bidra med för ' +
    'att nå övergripande mål. Handlingsplanerna har olika löptider, från ett till flera år. ' +
    'Handlingsplanerna fastställs av regiondirektör och följs upp i samband med tertialrapport, ' +
    'delårsrapport och i årsbokslutet. Den här rapporten redovisar uppföljning per 30 april.',
  legendPlacement: 'before-summary',
  summary:
    '<p>Sammantaget visar rapporten att för de flesta handlingsplaner har arbeten pågått men för ' +
    'i princip alla har rådande Coronapandemi inneburit att många aktiviteter skjutits fram ' +
    'eller helt avstannat. För två handlingsplaner; Handlingsplan miljö och lokal handlingsplan ' +
    'för cancervården är bedömningen att väldigt få mål ser ut att vara uppfyllda till årets ' +
    'slut. Nya handlingsplaner ska under året utarbetas för tillgänglighet och ' +
    'patientsäkerhet.</p>',
  // The 2020 report prints no header data: no unit, contact, date or diary number.
  report: {
    unit: '',
    contact: '',
    date: '',
    diaryNumber: '',
  },
  rows: [
    {
      number: 1,
      planKey: 'informationssakerhet',
      title: 'Övergripande handlingsplan för informationssäkerhet och dataskydd 2020-2021',
      validity: '2020–2021',
      decision: '',
      diaryNumber: 'RS/697/2019',
      documentUrl: `${DIARIET}a5bb2c1a-fe45-41c4-9d2c-19d1307e513a.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Arbetet fortlöper. Fortsatt låg genomförandegrad för ' +
        'medarbetarnas genomförda e-utbildning. Styrelsen har inte tillgång till ' +
        'internkontroll-mätningar, behörighetshantering fortsatt bristande, förvaltningsstyrning ' +
        'ännu outvecklad och tillämpas inte systematiskt för regionens IT-stöd.</p>',
      dataNote:
        'documentUrl inferred: the link (a5bb…) is listed after row 2 together with ff43…; read ' +
        'as this row’s since it comes first and repeats 4 times, once per line of this row’s ' +
        'title.',
    },
    {
      number: 2,
      planKey: 'jamstalld-jamlik',
      title: 'Övergripande handlingsplan för jämställd och jämlik verksamhet 2020-2021',
      validity: '2020–2021',
      decision: '',
      diaryNumber: 'RS/712/2019',
      documentUrl: `${DIARIET}ff43f1a9-f007-4892-bfdc-dea4d683509a.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Sammanfattningsvis går arbetet på viss sparlåga. När det gäller ' +
        'nationella minoriteter/samisk hälsa: Tjänsten som strateg inom nationella minoriteter ' +
        'har varit vakant under våren varför arbetet tillfälligt har avstannat. Inom ' +
        'Kunskapsnätverket för samisk hälsa har en e-utbildning i samisk kulturförståelse för ' +
        'vården färdigställts. Implementering planeras till hösten.</p>' +
        '<p>När det gäller att ställa frågor om våld till patienter ser vi en viss ökning under ' +
        'perioden jan-april. Under perioden januari-april 2020 har 667 personer fått frågan om ' +
        'våldsutsatthet och där det har dokumenterats på rätt sätt i våldsmallen i Cosmic. ' +
        'Jämfört med 2019 var siffran 585, så då blir det en ökning på 82 patienter, vilket ' +
        'innebär att vi har en 14-procentig ökning jämfört med samma period förra året.</p>' +
        '<p>Särskilda utbildningar inom våld i nära relation för vårdpersonal pågår inte just nu ' +
        'p g a coronapandemin. Men däremot har arbete pågått om uppdatering av rutiner och i ' +
        'Saba Cloud har det lagts in dels en webbutbildning om hedersrelaterat våld och ' +
        'förtryck, och dels lagt in flera kortare inspelade föreläsningar om våld och om barn ' +
        'som far illa som har tagits fram särskilt för akutmottagningens personal.</p>',
      dataNote:
        'documentUrl inferred: the block after this row lists a5bb… then ff43…; ff43… (repeated ' +
        '4 times, once per title line) is read as this row’s and a5bb… as row 1’s. Paragraph ' +
        'breaks in the comment inferred from short lines in the hard-wrapped text.',
    },
    {
      number: 3,
      planKey: 'lakemedel',
      title: 'Övergripande handlingsplan för läkemedel 2020',
      validity: '2020',
      decision: '',
      diaryNumber: 'HSN/1241/2019',
      documentUrl: `${DIARIET}fa707e1e-fe33-4fc9-9233-ff07acd75264.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> De aktiviteter som är kopplade till att förändra ' +
        'förskrivningsmönster, såsom minskad antibiotikaförskrivning samt minskad förskrivning ' +
        'av olämpliga läkemedel till äldre. Under rådande pandemi har läkemedelskostnaderna inom ' +
        'slutenvården ökat. Detta föll även samman med byte av apoteksleverantör vilket gjorde ' +
        'att Regionen köpte över lager från tidigare leverantör, för att inte stå utan ' +
        'läkemedel under bytet. Rådande pandemi har dessutom lett till att större insatser i ' +
        'vården prioriterats ned, såsom uppstart elektronisk läkemedelslista.</p>',
      dataNote:
        'documentUrl inferred: the link (fa70…) is listed after row 4 together with d70f…; read ' +
        'as this row’s since it comes first and repeats 3 times, once per line of this row’s ' +
        'title.',
    },
    {
      number: 4,
      planKey: 'miljo',
      title: 'Övergripande handlingsplan miljö 2020',
      validity: '2020',
      decision: '',
      diaryNumber: 'RS/719/2019',
      documentUrl: `${DIARIET}d70f3e20-ae99-4dd7-bedb-a990625d2aa5.pdf`,
      status: 'poor',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Målet om minskad klimatpåverkan från tjänsteresor och transporter ' +
        'bör kunna nås, dels med tanke på det goda resultatet 2019 och att resandet stannat av ' +
        'pga covid-19. Avfallsmålet nåddes 2019, men vad covid-19 kommer att innebära är svårt ' +
        'att överblicka. Målen om ekologiska livsmedel nåddes inte 2019, men ser bättre ut i ' +
        'början av 2020, men svårt att bedöma på helår.</p>' +
        '<p>Energimålet nåddes inte 2019, men följer målkurvan för årets tre första månader ' +
        '2020. Riskbedömningsprojektet som syftar till att nå målen för kemiska produkter är ' +
        'försenat, så det är mycket tveksamt om målen kommer att nås.</p>',
      dataNote:
        'The status is the Wingdings down arrow, extracted as the private-use U+F0EA (the ' +
        'legend’s “Arbetet går dåligt” symbol); the summary agrees. documentUrl inferred: the block after this row lists fa70… then d70f…; d70f… ' +
        '(repeated twice, once per title line) is read as this row’s and fa70… as row 3’s.',
    },
    {
      number: 5,
      planKey: 'patientsakerhet',
      title: 'Övergripande handlingsplan för patientsäkerhet 2018-2020',
      validity: '2018–2020',
      decision: '',
      diaryNumber: 'RS/2227/2018',
      documentUrl: `${DIARIET}363517d1-d80e-4543-90c2-dd2209efb0b6.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i></p>' +
        '<p>Socialstyrelsen presenterade 2020 02 01 Nationell handlingsplan för ökad ' +
        'patientsäkerhet. Planen är att regionens handlingsplan ska revideras och omarbetas 2020 ' +
        'och utgå från den nationella handlingsplanen. Arbetet bör ske i samverkan med länets ' +
        'kommuner. På grund av Coronapandemin är revideringsarbetet uppskjutet.</p>' +
        '<p>Andel vårdskador blev 5 % (februari) rullande 12 månader målvärdet är 4 %. ➔</p>',
      dataNote:
        'documentUrl inferred: the link (3635…) is listed after row 6 together with 3e57…; read ' +
        'as this row’s since it comes first and repeats 3 times, once per line of this row’s ' +
        'title.',
    },
    {
      number: 6,
      planKey: 'suicidprevention',
      title: 'Övergripande handlingsplan för suicidprevention - prioriteringar',
      validity: '',
      decision: '',
      diaryNumber: 'HSN/329/2019',
      documentUrl: `${DIARIET}3e57ef58-28fe-405c-8b27-1b3390ef1fc6.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Under 2020 har en resurs varit anställd på 50% för att göra ' +
        'verkstad av de aktiviteter som har prioriterats i handlingsplanen, primärt har ' +
        'uppdragit varit att planera för utbildning i MHFA, planera för en suicidpreventiv ' +
        'konferens hösten 2020 etc. Coronapandemin har dock saktat ned arbetet och för ' +
        'närvarande arbetar resursen heltid inom vuxenpsykiatrin. Det krävs framledes ett aktivt ' +
        'arbete för att arbeta suicidpreventivt utifrån de konsekvenser pandemin medför. De ' +
        'regionala samordnarna har kontakt med Folkhälsomyndigheten som inlett en diskussion om ' +
        'att arbeta riktat mot 9 regioner, (ev vår region) i ett nationellt projekt med syfte ' +
        'att motverka psykisk ohälsa och suicid/suicidförsök 2020-2021.</p>',
      dataNote:
        'documentUrl inferred: the block after this row lists 3635… then 3e57…; 3e57… (repeated ' +
        '4 times, once per title line) is read as this row’s and 3635… as row 5’s.',
    },
    {
      number: 7,
      planKey: 'tillganglighet',
      title: 'Övergripande handlingsplan för tillgänglighet',
      validity: '',
      decision: '',
      diaryNumber: 'HSN/576/2020',
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Arbete med ny handlingsplan pågår.',
      comment:
        '<p>Tillgänglighetsarbetet har under hösten 2019 präglats av kvalitetssäkring av ' +
        'väntetidsstatistik, uppdatering av väntelistor och att skapa aktuell ' +
        'tillämpningsanvisning där regelverk och rutiner för verksamheten har reviderats, ' +
        'aktualiserats, och förtydligats. En körevision av väntelistor är gjord och rutiner för ' +
        'kontinuerlig rensning av väntelistor sker framåt. Under januari - februari 2020 har ' +
        'tillgängligheten redovisats utifrån tillgänglighetssatsningen 2020 där Region Jämtland ' +
        'Härjedalen klarade 4 av 6 mål i överenskommelsen. En ökning av tillgängligheten med ' +
        '10 % för första besök och operation/behandling inom specialiserade vården jämförelsen ' +
        'gjord mellan 2019 och 2020 uppnåddes i januari och februari 2020. Även målet 72 % ' +
        'tillgänglighet inom BUP uppnåddes för två av tre målområden inom samma period. ' +
        'Primärvårdens medicinska bedömning inom 3 dagar var i mars månad 74% enligt den nya ' +
        'mätningen där flertalet yrkesgrupper ingår i mätningen, arbete fortsätter med ' +
        'kvalitetssäkring och ökad registrering. För BUP sker fortlöpande arbete med genomgång ' +
        'av rutiner för registrering och utveckling av processer och patientflöden.</p>' +
        '<p>Från Mars månad mäts inte den prestationsbaserade delen i överenskommelsen och för ' +
        'vårdgarantin har en hemställan gjorts av hälso- och sjukvårdsdirektörerna, där de ' +
        'önskar pausa vårdgarantin under resterande delen av 2020 på grund av covid-19.</p>' +
        '<p>Nationellt mäter vi antal avbokningar på grund av covid-19 till besök och ' +
        'operation/åtgärder och för Region Jämtland Härjedalen ökade antalet avbokningar från ' +
        '4 % per månad till 16 % och då från den 20 mars till den 15 april 2020.</p>' +
        '<p>Nybesök till läkare i primärvården minskade med 33 % perioden 16 mars till 16 april ' +
        '2020 jämfört med samma period 2019. Nedgång i besök inom primärvården har medfört en ' +
        'kraftig minskning av remisser skrivna till specialiserade vården.</p>' +
        '<p>Under januari – mars har antalet väntande inom specialiserade vården ökat ' +
        'framförallt inom barn och ungdomspsykiatri, öron och ögon. Ökningen för övriga ' +
        'specialiteter förväntas ske från april månad och framåt. Verksamheterna arbetar med ' +
        'strategier för att möta höstens arbete med de planerade besöken och ' +
        'operation/åtgärder.</p>',
    },
    {
      number: 8,
      planKey: 'asyl',
      title: 'Plan för mottagande av asylsökande och nyanlända flyktingar',
      validity: '',
      decision: '',
      diaryNumber: '',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Revidering pågår. Stora förändringar i mottagandet under 2019 i ' +
        'kombination med nya nationella regelverk och vakant strategtjänst jan- april har ' +
        'resulterat i ännu en fördröjning.</p>',
    },
    {
      number: 9,
      planKey: 'srhr',
      title:
        'Övergripande handlingsplan gällande sexuell och reproduktiv hälsa och rättigheter och ' +
        'prevention mot blodburen smitta 2017–2021',
      validity: '2017–2021',
      decision: '',
      diaryNumber: 'RS/179/2017',
      documentUrl: `${DIARIET}a088b277-d273-41b6-8f33-a37b085d50e7.docx`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i></p>' +
        '<p>Två verksamheter har slutfört hbtq-diplomering, Hud- och könsmottagningen och ' +
        'Kommunikationsavdelningen. Återrapportering av statliga medel för ökad hbtq-kunskap har ' +
        'genomförts och ny bidragsansökan har skickats in till Socialstyrelsen.</p>' +
        '<p>Verksamheter har erbjudits videosänd föreläsning från Region Västerbotten om ' +
        'könsbekräftande vård för barn och unga i norra regionen.</p>' +
        '<p>Spridning av materialet ”Normbanken” på Jämtlands gymnasium vid två tillfällen. ' +
        'Materialet är framtaget av de fyra norra regionerna i samverkan för stärkt ' +
        'sexualundervisning i skolan.</p>' +
        '<p>Drastisk ökning av klamydiafall i länet under årets två första månader. Möte mellan ' +
        'berörda verksamheter har ägt rum för att analysera läget och diskutera eventuella ' +
        'insatser. Klamydia-fallen har därefter minskat och var under april nere på samma nivå ' +
        'som förra året. Antal genomförda tester (inkl. hemtester) har dock sjunkit under april ' +
        'i jämförelse med jan-mars 2020 och samma period förra året. Det krävs fortsatt analys ' +
        'av hur situationen har påverkats av covid-19-utbrottet.</p>' +
        '<p>Nationell arbetsgrupp för SRHR-frågor inom HFS-nätverket har antagit gemensam ' +
        'handlingsplan för 2020 för att stärka det hälsofrämjande perspektivet gällande ' +
        'SRHR-frågorna inom hälso- och sjukvården.</p>' +
        '<p>Påbörjat arbete kring att kartlägga coronapandemins konsekvenser och potentiella ' +
        'effekter på SRHR-området.</p>',
      dataNote:
        '“Klamydia-fallen” is wrapped after the hyphen in the report; the hyphen is kept as ' +
        'the author’s (the report hyphenates compounds elsewhere too).',
    },
    {
      number: 10,
      planKey: 'psykisk-halsa',
      title:
        'Handlingsplan för kommunerna i Jämtlands län och Region Jämtland Härjedalen gällande ' +
        'Område Psykisk hälsa 2019-2022',
      validity: '2019–2022',
      decision: '',
      diaryNumber: '',
      documentUrl: `${DIARIET}e7f4907f-2ab0-4e99-b0f2-65c09706216d.pdf`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Arbetet har saktats ned av Coronapandemin, dock sker aktiviteter ' +
        'på både regional och lokal nivå för att stärka den psykiska hälsan. Planering görs för ' +
        'att möta kraven i 2020 års överenskommelse psykisk hälsa. Beslutsunderlag är framtaget ' +
        'för fördelning av regioninterna stimulansmedel på området, aktiviteterna följer de mål ' +
        'som finns framtagna i handlingsplanen. Kring de länsgemensamma medlen påbörjas dialog ' +
        'kring insatser och aktiviteter</p>',
      dataNote:
        'documentUrl inferred: the link (e7f4…) is listed after row 13 together with 2d24… and ' +
        'd42e…; read as this row’s since it comes first and repeats 6 times, once per line of ' +
        'this row’s title.',
    },
    {
      number: 11,
      planKey: 'battre-liv-aldre',
      title: 'Bättre liv för sjuka äldre – strategi och handlingsplan',
      validity: '',
      decision: '',
      diaryNumber: '',
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Finns inte längre för 2020',
      comment: '',
    },
    {
      number: 12,
      planKey: 'vard-omsorg-glesbygd',
      title:
        'Övergripande handlingsplan för Vård och omsorg i glesbygd – Norrlands inland, ' +
        'världsledande i utvecklingen av framtidens vård och omsorg i glesbygd',
      validity: '',
      decision: '',
      diaryNumber: 'LS/841/2015',
      documentUrl: `${DIARIET}2d24466a-70cb-4ddd-8072-acaf1bddd086.docx`,
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Övergripande arbete pågår enligt plan men tempot påverkas av ' +
        'Covid-19. Den Norrlands-övergripande workshop som skulle äga rum i juni planeras ' +
        'istället i början av november. Lokalt påverkas arbetet kraftigt då både regional och ' +
        'kommunal hälso- och sjukvård behöver fokusera på pandemin.</p>',
      dataNote:
        'Diary number as printed (LS/841/2015); the 2017 report gives LS/821/2014 for the same ' +
        'plan. documentUrl inferred: the link (2d24…) is listed after row 13, second of three; ' +
        'it repeats 8 times, once per line of this row’s title (row 11 has no link).',
    },
    {
      number: 13,
      planKey: 'cancervard',
      title: 'Lokal handlingsplan för cancervården 2019-2021',
      validity: '2019–2021',
      decision: '',
      diaryNumber: 'RS/232/2017',
      documentUrl: `${DIARIET}d42ed93c-c15e-495c-abcf-69eebaeb6db3.pdf`,
      status: 'poor',
      statusSource: 'symbol',
      statusNote: '',
      comment:
        '<p><i>Kommentar:</i> Under rådande Coronapandemi finns begränsade möjligheter att ' +
        'arbeta med utvecklingsarbete. Förhoppningsvis kan arbete med kvalitetssäkrad utdata för ' +
        'SVF genomföras innan sommaren.</p>',
      dataNote:
        'The status is the Wingdings down arrow, extracted as the private-use U+F0EA (the ' +
        'legend’s “Arbetet går dåligt” symbol); the summary agrees. documentUrl inferred: the ' +
        'block after this row lists e7f4…, 2d24…, d42e…; d42e… (the last, repeated twice, once ' +
        'per title line) is read as this row’s.',
    },
  ],
};

export const SEED_REPORTS: readonly SeedReport[] = [SEED_2017_08, SEED_2020_04];
