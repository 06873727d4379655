import { formatDate, formatNumber } from '../domain/format';
import type { Messages } from './sv';

/** English. */
export const en: Messages = {
  appTitle: 'Plan follow-up',
  appSubtitle: 'Follow-up of the overarching action plans',
  loading: 'Loading…',
  settings: {
    language: 'Language',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeContrast: 'High contrast',
    viewAs: 'View as',
    viewAsUnsaved: 'You have unsaved changes. Switching user discards them. Switch anyway?',
    coordinatorSuffix: '(coordinator)',
    localMode: 'Local mode: demo data, no Microsoft 365 connection.',
  },
  nav: {
    label: 'Views',
    plans: 'Action plans',
    overview: 'Overview',
    help: 'Help',
    setup: 'Settings',
    report: 'Appendix 2',
    statement: 'Accessibility statement',
    overTime: 'Over time',
    skipToContent: 'Skip to content',
  },
  /** The view "Över tid": every plan across the periods (#16 part 6). */
  overTime: {
    heading: 'Over time',
    open: 'Show every plan over time',
    intro:
      'Every plan across all periods, newest period first. Open a comment with the button in its cell.',
    loading: 'Loading the plans over time…',
    loadingComment: 'Loading the comment…',
    filters: 'Filters',
    lifecycle: { active: 'Active', ended: 'Ended', replaced: 'Replaced' },
    owner: 'Owner',
    allOwners: 'All owners',
    shown: (shown, all) => `Showing ${shown} of ${all} plans.`,
    caption: 'The plans’ status per period',
    plan: 'Plan',
    absent: 'Not included',
    unanswered: 'No answer',
    comment: 'Comment',
    commentOf: (plan, period) => `Comment: ${plan}, ${period}`,
    noComment: 'No comment.',
    close: 'Close',
    replacedBy: (title) => `Replaced by ${title}`,
    replaces: (title) => `Replaces ${title}`,
    formerly: (titles) => `Formerly: ${titles}`,
  },
  requiredNote: 'Fields marked with * are required.',
  overview: {
    answered: (n, total, percent) =>
      `${n} of ${total} answered${percent === null ? '' : ` (${percent})`}`,
    statusOnlySubmitted: (drafts) =>
      drafts === 0
        ? 'Only submitted answers are counted.'
        : `Only submitted answers are counted: ${drafts} ${drafts === 1 ? 'draft is' : 'drafts are'} not counted yet.`,
    notAnswered: 'No answer yet – nothing to compare.',
    byInput: 'Input',
    byStatus: 'Status',
    count: (n) => `${n}`,
    filter: 'Show',
    all: 'All plans',
    awaitingHeading: 'Waiting for input',
    awaitingNone: 'Every plan has submitted.',
    owesFor: (plans) => `for ${plans}`,
    plansHeading: 'Plans and change since the previous period',
    columnPlan: 'Plan',
    columnOwners: 'Owners',
    columnStatus: 'Status',
    columnInput: 'Input',
    columnChange: 'Since the previous period',
    showDiff: 'Show changes',
    showDiffFor: (plan) => `Show changes for ${plan}`,
    rollover: 'Start a new period',
    rolloverTitle: (label) => `Start ${label}?`,
    rolloverText: (plans, from) =>
      `${plans} plans are carried over from ${from} with the same order, owners and details. Status and comment start empty; last period's comment is shown beside the form. Retired plans are not carried over.`,
    rolloverConfirm: 'Start the period',
    rolloverMissing: (missing: number, total: number, from: string) =>
      `${missing} of ${total} plans have not been submitted. ${from} is still open: owners can answer there after the next period has started, until you lock it.`,
    rolloverTwoAhead: (open: string) =>
      `${open} is still open. Lock it before another period starts, so that the cycle is never two periods ahead.`,
    rolloverCancel: 'Cancel',
    rolloverWorking: 'Starting the period…',
    rolloverDone: (label, created, existing) =>
      existing > 0
        ? `${label} is started. ${created} items were created now, ${existing} existed already.`
        : `${label} is started with ${Math.max(created - 1, 0)} plans.`,
    rolloverFailed:
      'The period could not be started completely. Try again: nothing already created is created twice.',
    unfinished:
      'The period has not finished starting: not every owner can write their follow-up yet. Finish the period; what is already done is not done again.',
    finish: 'Finish the period',
    finishing: 'Finishing the period…',
    finished: (label: string) =>
      `${label} has finished starting. Every owner can write their follow-up.`,
    finishFailed: 'The period could not be finished. Try again in a moment.',
    noneShown: 'No plans to show with this filter.',
  },
  report: {
    exportWord: 'Export to Word',
    print: 'Print',
    exporting: 'Creating the Word file…',
    exported: (fileName) => `${fileName} has been downloaded.`,
    exportFailed: 'The Word file could not be created. Try again.',
  },
  reportImport: {
    open: 'Import Bilaga 2',
    fileLabel: 'Word file with Bilaga 2 (.docx)',
    reading: 'Reading the Word file…',
    notDocx:
      'The file is not a Word file (.docx). Choose Bilaga 2 saved in Word format. Nothing has been saved.',
    notReport:
      'The file does not look like a Bilaga 2: it has no table with the columns Plan, Beslut/Dnr and Status. Nothing has been saved.',
    previewHeading: 'Preview the import',
    previewIntro: (title: string, rows: number) =>
      `${title || 'The report'}: ${rows} plans. Check the period, statuses and matches with the plan register before importing. The period is created locked.`,
    kind: 'Follow-up',
    year: 'Year',
    tableCaption: 'Plans in the report',
    columnNumber: 'No.',
    columnPlan: 'Plan',
    columnReference: 'Decision/Ref.',
    columnStatus: 'Status',
    columnMatch: 'Plan in the register',
    columnProblems: 'Could not be read',
    newPlan: 'New plan',
    matchedBy: { diary: 'by diary number', title: 'by title', user: 'chosen' },
    problems: {
      'no-status': 'No status',
      'no-title': 'No title',
      'no-reference': 'No decision or diary number',
    },
    noProblems: 'Nothing',
    statusFor: (n: number) => `Status of plan ${n}`,
    matchFor: (n: number) => `Plan in the register for plan ${n}`,
    importButton: 'Import',
    cancel: 'Cancel',
    noPeriod: 'Choose the period the report is for.',
    periodExists: (label: string) =>
      `${label} already exists. An existing period is never overwritten: choose another period or cancel.`,
    noRows: 'The report has no plans to import.',
    samePlanTwice: (plan: string) =>
      `Two rows match the same plan (${plan}). Choose New plan or another plan for one of them.`,
    importing: (done: number, total: number) => `Importing… ${done} of ${total} steps done`,
    imported: (label: string) => `${label} has been imported and locked.`,
    failed: 'The import could not be completed.',
  },
  reportFiles: {
    save: 'Save in SharePoint',
    saving: 'Saving Bilaga 2 in SharePoint…',
    saved: (name: string, version: string) =>
      `${name} is saved in the site's document library (version ${version}).`,
    open: 'Open in Word for the web',
    openFailed: 'The file is saved but could not be opened here. Use the link to open it.',
    forbidden:
      "You do not have permission to save files in the site's document library. Ask a site owner for edit permission on the library, or download the file instead. Nothing was changed in SharePoint.",
    locked:
      'The file in SharePoint is checked out or being edited by someone else and cannot be replaced right now. Ask them to check it in or close it and try again. The saved version is kept.',
    failed: 'Bilaga 2 could not be saved in SharePoint.',
    download: 'Download the Word file',
  },
  period: {
    label: 'Period',
    open: 'open',
    locked: 'locked',
    dueDate: (date) => `Due ${formatDate(date, 'en')}`,
    none: 'There are no follow-up periods yet.',
  },
  plans: {
    heading: 'Action plans',
    mineOnly: 'My action plans',
    count: (shown, total) => (shown === total ? `${total} plans` : `${shown} of ${total} plans`),
    noneMine: 'You own no plan in this period.',
    none: 'This period has no plans.',
    columnPlan: 'Plan',
    columnStatus: 'Status',
    columnInput: 'Input',
    owners: 'Owners',
    noOwners: 'No owner',
    open: (title) => `Open ${title}`,
  },
  todo: {
    heading: 'To do',
    remaining: (left, total) => `You have ${left} of ${total} follow-ups left to submit.`,
    done: (total) =>
      total === 1
        ? 'Everything is submitted: your follow-up is done.'
        : `Everything is submitted: all ${total} of your follow-ups are done.`,
  },
  status: {
    good: 'Going well',
    partly: 'Partly going well',
    poor: 'Going badly',
    'not-assessed': 'Not assessed',
    none: 'No status',
  },
  inputState: {
    missing: 'Missing',
    draft: 'Draft',
    submitted: 'Submitted',
  },
  form: {
    close: 'Close',
    backToList: 'Back to the list',
    decision: 'Decision',
    diaryNumber: 'Reg. no.',
    validity: 'Validity',
    document: 'Plan document',
    statusLegend: 'Status',
    note: 'Note',
    noteHint: 'For example “To be revised” or “No longer relevant”.',
    comment: 'Comment',
    commentHint: 'Describe where the plan’s goals and activities stand.',
    commentCount: (used, max) =>
      `${formatNumber(used, 'en')} of ${formatNumber(max, 'en')} characters`,
    previous: 'Previous period',
    previousNone: 'The plan was not part of the previous period.',
    previousNoComment: 'No comment was given.',
    copyPrevious: 'Copy into the comment',
    copyPreviousTitle: 'The comment is not empty',
    copyPreviousConfirm:
      'Do you want to replace what you have written with the previous period’s comment, or add it after your text?',
    copyPreviousReplace: 'Replace',
    copyPreviousAppend: 'Add after',
    copyPreviousCancel: 'Cancel',
    copied: 'The previous comment has been copied in.',
    copiedReplaced: 'The previous comment has replaced your text.',
    copiedAppended: 'The previous comment has been added after your text.',
    commentOverLimit: (max) =>
      `The comment is longer than ${formatNumber(max, 'en')} characters. The draft can be saved, but shorten the text before you submit.`,
    returnedAfter: (name, time) => `Submitted by ${name} ${time}, sent back for completion`,
    returnedDraft: 'Sent back for completion',
    saveDraft: 'Save draft',
    withdrawTitle: 'Take back the submission?',
    withdrawText:
      'This follow-up is submitted. Saving it as a draft takes the submission back: it does not count as an answer, and is not in Bilaga 2, until you submit it again. To send in your changes, choose Submit instead.',
    withdrawConfirm: 'Save as draft',
    withdrawCancel: 'Cancel',
    submit: 'Submit',
    saving: 'Saving…',
    savedDraft: (time) => `Draft saved at ${time}.`,
    submitted: (time) => `Follow-up submitted at ${time}.`,
    submittedBy: (name, time) => `Submitted by ${name} ${time}`,
    readOnlyLocked: 'The period is locked. The follow-up can be read but not changed.',
    readOnlyNotOwner: 'You do not own this plan and can only read its follow-up.',
    unsaved: 'Unsaved changes',
    keptLocally: 'Your changes are kept on this device only until you save.',
    allSaved: 'Everything is saved in SharePoint.',
    restoreOffer: (time) =>
      `There is text from ${time} that is saved on this device only, not in SharePoint.`,
    restore: 'Restore the text',
    discard: 'Discard it',
    backOnline: 'The connection is back. Your text is kept.',
    sendNow: 'Save now',
    fixErrors: 'Correct what is marked and try again. Nothing you typed has been removed.',
    editorLoading: 'Loading the text editor…',
  },
  review: {
    heading: 'Review',
    approve: 'Mark as reviewed',
    sendBack: 'Send back',
    sendBackOpen: 'Send back…',
    comment: 'Comment to the owners',
    commentRequired: 'Write what needs to be completed.',
    cancel: 'Cancel',
    approved: 'The follow-up has been reviewed by the coordinator.',
    returned: 'The coordinator has sent the follow-up back to be completed:',
    approvedBadge: 'Reviewed',
    returnedBadge: 'Sent back',
    doneApproved: 'Marked as reviewed.',
    doneReturned: 'Sent back to the owners.',
    sendingBack: 'Sending back and telling the owners…',
    doneReturnedNotified: (names) => `Sent back. ${names} got a message in the channel.`,
    notNotified: (why) =>
      `The follow-up is sent back, but the owners got no message outside the app: ${why} Tell them some other way.`,
    partlyNotified: (names) =>
      `${names} ${names.includes(',') ? 'have' : 'has'} no user account and got no message outside the app. Tell them some other way.`,
    whyNoMessenger: 'the app cannot send messages here.',
    whyNoChannel: 'the tab has no channel (messages can only be sent from a channel tab).',
    whyNoOwners: 'the plan has no owners with a user account.',
    whyForbidden:
      'you lack permission to send channel messages or to look people up (ChannelMessage.Send, User.ReadBasic.All).',
    whyUnknownUsers: (names) => `${names} could not be found in the directory.`,
    whyChannelNotFound: 'the channel could not be found.',
    whyFailed: (detail) => `the message could not be sent. ${detail}`,
    logFailed: 'The send-back could not be entered in the period log.',
  },
  help: {
    heading: 'How Planuppföljning works',
    intro:
      'Three times a year – per 30 April, per 31 August and per 31 December – the region follows up its overarching action plans. Each owner gives a status and a comment for their plans; the coordination office compiles Appendix 2.',
    ownerHeading: 'If you own a plan',
    owner: [
      'Open the Action plans tab. The open period comes first, and My action plans shows the plans you own. To do says how many follow-ups you have left in every open period, with a link to each.',
      'Choose a plan. Choose a status: going well, partly well, badly – or Not assessed with a short note.',
      "Write the comment. Last period's comment is beside it; Copy into the comment takes it as a starting point – if you have already written something, you choose whether it replaces your text or goes after it. The comment may be at most 10,000 characters when you submit; a longer draft can be saved.",
      'Save draft to continue later, Submit when you are done. What you type is also kept on your computer until SharePoint has it.',
      'If someone else saved the same plan in the meantime you see both versions and choose; nothing is overwritten without you knowing.',
      'If the coordinator sends your follow-up back, you get a message in the channel and their comment is at the top of the form: complete it and submit again.',
    ],
    coordinatorHeading: 'For coordinators',
    coordinator: [
      'Start a new period (Overview) creates the next period from the latest: same plans, order and owners, empty status and comment. Retired and replaced plans stay behind. On a new site without periods you create the first one in Overview (follow-up, year, due date), then add its plans.',
      'The plan register (Overview) adds plans, edits title, validity, decision, diary number, document and owners, changes the order, and retires a plan or marks it replaced by another plan – from this period or the next. Undo ending makes the plan active again, while the period is open and the next period has not been started. Locked periods are never changed.',
      "Overview shows how many of the period's plans have answered (count and percentage), the statuses of submitted answers (drafts are not counted), who has not answered and what changed since the last period. A plan's name opens its form.",
      'Over time (the link in Overview) shows every plan across all periods, newest first: the status as arrow and text per period, No answer where none was submitted and – where the plan was not included. The Comment button in a cell shows the comment; filter by active, ended and replaced plans and by owner. The table prints on landscape A4.',
      'Remind posts a channel message that @-mentions those who have not answered, with a link to each plan and the due date. Reminders are logged.',
      'In Teams, Remind can also (Personal or Both) give each of them a notification in their Teams activity feed that opens their own form; the log shows who got what.',
      'Review submitted follow-ups: Mark as reviewed, or Send back with a comment. A send-back tells the owners in the channel, with the comment and a link to the plan, and is logged; if the message cannot go, the send-back stands and the app says the owners were not told.',
      "Write the period's summary and report details – introduction, where the legend goes, the contact a detail per line – and lock the period when everyone has answered. A new period takes the introduction along. Reopening needs a reason, which is logged.",
      'Appendix 2 shows the report; Export to Word downloads it and Print gives a printout or PDF.',
      'Check the environment in Settings tries, with your sign-in, everything the app needs of SharePoint and Microsoft Graph and says point by point what works and what IT needs to fix.',
      'Import Bilaga 2 (Bilaga 2) reads a past report from its Word file (.docx): you see every plan with its status and match in the plan register, can correct the period, statuses and matches, and Import creates the period locked with the answers. An existing period is never overwritten.',
      "Save in SharePoint (Appendix 2) saves the Word file in the site's document library, folder Bilaga 2, one file per period: saving again makes a new version and the earlier ones stay in the version history. In Teams this is how you get the file; it then opens in Word for the web.",
    ],
    rulesHeading: 'The rules of a period',
    rules: [
      'A follow-up counts as answered only once it is submitted. A draft is seen only in the app. Saving a draft of a submitted follow-up asks first, since it withdraws the submission.',
      'Bilaga 2 includes only submitted and reviewed answers. Plans without a submitted answer read “Inget svar inlämnat” (no answer submitted). While the period is open the report is a draft, and it says so on the page, in print and in the Word file. Once the period is locked the report is final.',
      'A new period starts once the latest is locked. If it is still open, the app says how many answers are missing and asks first; the older period then stays open for those who have not answered. A period two steps ahead is never started.',
      'A plan ended or replaced from a period is not counted in that period, is not listed as awaited and gets no reminders. The ending can be undone while the period is open and the next period has not been started.',
      'Two plans in the same period cannot have the same title.',
      'On a new site the coordinator creates the first period in Overview and then adds its plans in the plan register. Until then owners are told that no period has been opened yet.',
    ],
    accessibility:
      "The app is meant to work with keyboard and screen reader and in Teams' light, dark and high-contrast themes. Status is always shown with an arrow and text, never by colour alone.",
  },
  validation: {
    statusRequired: 'Choose a status before you submit.',
    noteRequired: 'Write a note when the plan is not assessed.',
    noteTooLong: (max) => `The note may be at most ${formatNumber(max, 'en')} characters.`,
    commentTooLong: (max) =>
      `The comment may be at most ${formatNumber(max, 'en')} characters to be submitted. Shorten it, or save it as a draft for now.`,
    commentTooLarge:
      'The comment has too much formatting to be saved. Remove some of the formatting or shorten the text.',
  },
  editor: {
    toolbar: 'Text format',
    bold: 'Bold',
    italic: 'Italic',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    link: 'Link',
    linkUrl: 'Address (https:// or mailto:)',
    linkApply: 'Insert link',
    linkRemove: 'Remove link',
    linkCancel: 'Cancel',
    linkInvalid: 'Enter an address starting with https://, http:// or mailto:.',
    indent: 'Increase indent',
    outdent: 'Decrease indent',
    keys: 'Tab and Shift+Tab leave the text box. In a bulleted list, Ctrl+] increases the indent and Ctrl+[ decreases it, as do the Increase indent and Decrease indent buttons.',
  },
  errors: {
    conflict: (name, time) =>
      `${name} saved the plan ${time}, after you opened it. Nothing was overwritten and your text is still in the form.`,
    conflictTitle: 'Someone else saved the plan',
    conflictTheirs: 'Their version',
    conflictMine: 'Your version',
    conflictMerge: 'Merge myself',
    conflictMerging:
      'Their version stays here while you merge the texts in the form. Save when you are done.',
    conflictAppend: 'Insert their comment',
    conflictUnavailable:
      'Their version could not be fetched right now. Your text is kept in the form.',
    conflictKeepMine: 'Save my version anyway',
    conflictTakeTheirs: 'Use their version',
    someone: 'Someone else',
    timeout: (service: string) =>
      `${service} did not answer in time. Try again in a moment. Your text is kept.`,
    reload: 'Reload the page',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    offline: 'SharePoint cannot be reached. Check the network and try again. Your text is kept.',
    unauthorized:
      'You need to sign in to go on. Sign-in opens in a window of its own. What you have written is kept.',
    popupBlocked:
      'The browser blocked the sign-in window. Allow pop-ups for this page and choose Sign in again.',
    consentRequired: (scopes) =>
      `Planuppföljning lacks the permission ${scopes}. Only IT can grant it (admin consent for the app registration in Microsoft Entra ID). Ask IT to grant the permission. What you have written is kept.`,
    forbidden: 'You do not have permission to change this.',
    notFound: 'The plan no longer exists. Someone may have deleted it.',
    throttled: (service: string) =>
      `${service} is busy right now. Wait a moment and try again. Your text is kept.`,
    server: (service: string) => `Something went wrong in ${service}. Try again in a moment.`,
    cancelled:
      'You cancelled the wait, so nothing was sent. Your text is kept; try again when you like.',
    unconfirmed:
      'The change was saved in SharePoint, but it could not be read back. The app checks it again; your text is kept.',
    services: { sharepoint: 'SharePoint', graph: 'Microsoft Teams' },
    waiting: (service: string) =>
      `${service} is busy and has asked the app to wait. The app tries again by itself.`,
    waitingIn: (seconds: number) => `Next try in ${seconds} s.`,
    cancelWait: 'Cancel the wait',
    invalidData: 'The data from SharePoint could not be read.',
    setupNeeded:
      'The SharePoint site lacks a list or column this version of the app needs. A coordinator or administrator opens the Settings tab and creates what is missing; then reload.',
    panelFailed: 'This part could not be shown. Try again or reload the page.',
    loadFailed: 'The data could not be loaded.',
    and: 'and',
    retry: 'Try again',
  },
  history: {
    open: 'Show history',
    openFor: (title) => `Show history of ${title}`,
    heading: (title) => `History: ${title}`,
    close: 'Close history',
    loadFailed: 'The plan’s history could not be loaded.',
    empty: 'The plan has no follow-up to show yet.',
    list: 'Periods, newest first',
    submittedBy: (name, time) => `Submitted by ${name} ${time}`,
    notSubmitted: (state) => `Not submitted (${state})`,
    note: 'Note',
    noComment: 'No comment was given.',
    noInput: 'No input was given for the period.',
    noPrevious: 'No earlier period to compare with.',
    statusFrom: 'From',
    statusTo: 'to',
    statusSame: 'Same status as the previous period',
    better: 'better',
    worse: 'worse',
    commentNew: 'New comment',
    commentUnchanged: 'Comment unchanged',
    commentChanged: 'Comment changed',
    commentRemoved: 'Comment removed',
    commentNone: 'No comment',
    copiedUnchanged: 'Copied unchanged from the previous period',
    showChanges: 'Show changes',
    changes: (period) => `Changes to the comment since ${period}`,
    changesPrevious: 'Changes to the comment since the previous period',
    legend: 'Added text is underlined, removed text is struck through.',
    addedStart: 'added:',
    addedEnd: 'end of added',
    removedStart: 'removed:',
    removedEnd: 'end of removed',
  },
  reminders: {
    remind: 'Remind',
    title: (period) => `Remind about ${period}`,
    intro: 'One channel message @-mentions the chosen people, with a link to each plan.',
    recipients: 'Who should be reminded?',
    ownerPlans: (plans) => `(${plans})`,
    preview: 'Preview',
    nobodySelected: 'Choose at least one person.',
    nobodyOwes: 'Everyone has answered – nobody to remind.',
    send: 'Send reminder',
    cancel: 'Cancel',
    looking: 'Looking up the people…',
    sending: 'Sending the reminder…',
    sent: (n) => `Reminder sent to ${n} ${n === 1 ? 'person' : 'people'}.`,
    logFailed: 'The reminder was sent, but it could not be added to the period log.',
    noChannel: 'This tab has no channel: reminders can only be sent from a channel tab.',
    forbidden:
      'You may not send channel messages or look up people (ChannelMessage.Send, User.ReadBasic.All). Nothing was sent.',
    unknownUsers: (names) =>
      `These people were not found in the directory: ${names}. Nothing was sent – check that they have a user account in the organisation (not just an e-mail address) or untick them.`,
    channelNotFound: 'The channel was not found. Nothing was sent.',
    failed: 'The reminder could not be sent. Nothing was sent.',
    showOutbox: 'Show outbox',
    hideOutbox: 'Hide outbox',
    outboxHeading: 'Outbox (local Graph)',
    outboxEmpty: 'No messages sent yet.',
    outboxTo: (names) => `To: ${names}`,
    logHeading: 'Log',
    logEmpty: 'Nothing has happened to the period yet.',
    logReminder: (names, by, at) => `Reminder to ${names} (by ${by}, ${at})`,
    logLocked: (by, at) => `Period locked (by ${by}, ${at})`,
    logOpened: (by, at) => `Period started (by ${by}, ${at})`,
    logReady: (by, at, plans) =>
      `The period's ${plans} follow-ups are ready to answer (by ${by}, ${at})`,
    logReopened: (by, at, reason) => `Period reopened (by ${by}, ${at}): ${reason}`,
    logReturned: (plan, by, at, reason, notified) =>
      `${plan} sent back (by ${by}, ${at}): ${reason} – ${notified === '' ? 'the owners got no message' : `message to ${notified}`}`,
  },
  nudge: {
    delivery: 'How should the reminder be sent?',
    channel: 'Channel',
    personal: 'Personal',
    both: 'Both',
    deliveryHint:
      'Channel: one channel message that @-mentions everyone chosen. Personal: a notification in each one’s Teams activity feed, with a link to their form.',
    unavailable:
      'Personal notifications can only be sent from the tab in a Teams channel: the notification must open the tab in Teams, and outside Teams there is no such link. The reminder goes to the channel.',
    senderSkipped:
      'You are among those chosen but get no personal notification: Teams does not show notifications people send to themselves.',
    nobodyPersonal:
      'None of those chosen can get a personal notification. Choose Channel or more people.',
    notifying: 'Sending personal notifications…',
    channelSent: (n) =>
      `The channel message is sent and mentions ${n} ${n === 1 ? 'person' : 'people'}.`,
    channelFailed: (reason) => `The channel message was not sent: ${reason}`,
    channelForbidden: 'you lack permission to send channel messages (ChannelMessage.Send).',
    personalSent: (names) => `Personal notification sent to ${names}.`,
    personalFailed: (name, reason) => `${name} got no personal notification: ${reason}`,
    personalForbidden:
      'Teams refused the notification – you lack permission to send notifications (TeamsActivity.Send), or the app is not installed for the person. Ask IT for the permission.',
    personalSignIn: 'the sign-in is no longer valid – sign in again and retry.',
    personalTokenExpiring:
      'Teams only accepts notifications with a sign-in valid for at least 45 more minutes, and yours expires sooner. Retry once it has been renewed (within an hour).',
    retryHint:
      'What went out is logged. The choices below now cover what did not, so that you can try again.',
    close: 'Close',
    logPersonal: (sent, failed) =>
      `${sent === '' ? '' : `personal notification to ${sent}`}${sent !== '' && failed !== '' ? '; ' : ''}${failed === '' ? '' : `not delivered to ${failed}`}`,
    logPersonalOnly: (sent, by, at) => `Personal reminder to ${sent} (by ${by}, ${at})`,
  },
  periodAdmin: {
    heading: 'Period state and report details',
    lock: 'Lock the period',
    lockTitle: (period) => `Lock ${period}?`,
    lockText:
      'Once the period is locked, owners can no longer change their follow-ups, neither here nor directly in SharePoint. They can still read them. Coordinators can reopen the period.',
    lockConfirm: 'Lock the period',
    cancel: 'Cancel',
    locking: 'Locking the period…',
    lockDone: (period) => `${period} is locked.`,
    reopen: 'Reopen',
    reopenTitle: (period) => `Reopen ${period}?`,
    reopenText:
      'Owners can then change their follow-ups again. The reason is kept in the period log.',
    reason: 'Reason',
    reasonRequired: 'Give a reason for reopening the period.',
    reopenConfirm: 'Reopen the period',
    reopening: 'Reopening the period…',
    reopenDone: (period) => `${period} is open again.`,
    stateLocked: 'The period is locked: owners can only read their follow-ups.',
    stateOpen: 'The period is open: owners can change their follow-ups.',
    lastLocked: (by, at) => `Locked by ${by} ${at}.`,
    lastReopened: (by, at, reason) => `Reopened by ${by} ${at}. Reason: ${reason}`,
    failed: 'The period state could not be changed.',
    dueDate: 'Due date',
    saveDate: 'Save date',
    savingDate: 'Saving the date…',
    dateSaved: (date) => `The due date is now ${formatDate(date, 'en')}.`,
    dateRequired: 'Enter the due date.',
    dateInvalid: 'Enter a date as YYYY-MM-DD, for example 2020-09-14.',
    dateUnchanged: 'The date is unchanged.',
    editSummary: 'Summary and report details',
    summaryHeading: 'Summary and report details',
    summary: 'Summary',
    summaryHint: 'The “Overall, …” paragraph of the report.',
    summaryTooLong: 'The summary is too long for SharePoint. Shorten the text.',
    introduction: 'Introduction',
    introductionHint:
      'The text before the summary. A blank line between paragraphs. Left empty, the standard text is printed, which follows the period.',
    introductionTooLong: (max: number) =>
      `The introduction may be at most ${formatNumber(max, 'en')} characters. Shorten the text.`,
    legendPlacement: 'The legend in the report',
    legendBefore: 'Before the summary',
    legendAfter: 'After the summary',
    unit: 'Issuing unit',
    contact: 'Contact person',
    contactHint:
      'One detail per line, as in the report’s page header: name, “Tfn: …”, “E-post: …”.',
    reportDate: 'Report date',
    reportDateHint: 'YYYY-MM-DD, for example 2020-09-25.',
    diaryNumber: 'Diary number',
    save: 'Save',
    close: 'Close',
    saving: 'Saving…',
    saved: 'Summary and report details are saved.',
    nothingChanged: 'Nothing has changed.',
    fixErrors: 'Correct the marked details.',
    conflict:
      'Someone else has changed the period. Reload and make your change again; your text is still here.',
    reload: 'Reload the period',
    reloaded: 'The period is reloaded. Your text is still here: check it and save again.',
  },
  firstPeriod: {
    heading: 'Create the first period',
    intro:
      'The site has no follow-up period yet. Create the first period, then add its action plans in the plan register. Later periods are started from it with Start new period.',
    kind: 'Follow-up',
    kinds: {
      tertial: 'Four-month report April',
      delar: 'Interim report August',
      arsbokslut: 'Annual accounts',
    },
    year: 'Year',
    yearInvalid: 'Enter the year in four digits, for example 2027.',
    dueDate: 'Due date',
    create: 'Create the period',
    creating: 'Creating the period…',
    created: (label) =>
      `${label} is created and open. Now add the period's action plans in the plan register.`,
    notFirst: 'The site already has a period. Reload the page: the next period is started from it.',
    failed: 'The period could not be created.',
    goToOverview: 'Create the first period in Overview',
    coordinatorHint:
      'There are no follow-up periods yet. As a coordinator, you create the first one.',
    ownerWaiting:
      'The coordination office has not opened a follow-up period yet. Once it has, your action plans show here.',
  },
  planRegister: {
    heading: 'Plan register',
    intro:
      "Changes apply to the open period's follow-ups and carry over to later periods. Locked periods are not changed.",
    show: 'Show the plan register',
    hide: 'Hide the plan register',
    listLabel: "The period's plans",
    add: 'Add plan',
    edit: 'Edit',
    moveUp: 'Move up',
    moveDown: 'Move down',
    retire: 'Retire or replace',
    retired: 'Retired',
    retiredFrom: (period: string) => `Retired from ${period}`,
    replacedNow: (by: string) => `Replaced by ${by}`,
    replacedFrom: (by: string, period: string) => `Replaced by ${by} from ${period}`,
    retireTitle: (title: string) => `Retire or replace ${title}`,
    endKind: 'What happens to the plan?',
    endRetired: 'The plan is retired',
    endReplaced: 'The plan is replaced by another plan',
    replacedBy: 'Replaced by',
    choosePlan: 'Choose a plan…',
    replacementRequired: 'Choose the plan that replaces this one.',
    endFrom: 'Effective from',
    fromThis: (period: string) =>
      `${period} (this period: the plan shows as retired and is not carried into the next period)`,
    fromNext: (period: string) =>
      `${period} (next period: the plan is followed up now but not carried over when that period starts)`,
    retireConfirm: 'Save',
    undoEnd: 'Undo ending',
    undoTitle: (title) => `Undo the ending of ${title}?`,
    undoRetired: 'The plan is retired.',
    undoReplaced: (by) => `The plan is replaced by ${by}; it will no longer be marked replaced.`,
    undoText:
      'The plan becomes active again: it is followed up in the period, counted and reminded again, and carried over when the next period starts.',
    undoConfirm: 'Undo ending',
    undoLocked: 'The period is locked: the ending can no longer be undone.',
    undoNextStarted:
      'The next period has already been started without the plan, so the ending cannot be undone here. Add the plan to the new period instead.',
    undoDone: (title) => `The ending of ${title} is undone: the plan is active again.`,
    close: 'Close',
    cancel: 'Cancel',
    addHeading: 'New plan',
    editHeading: (title: string) => `Edit ${title}`,
    title: 'Title',
    validity: 'Validity',
    validityHint: 'For example 2020 or 2020–2022.',
    decision: 'Decision',
    diaryNumber: 'Diary number',
    documentUrl: 'Plan document (link)',
    owners: 'Owners',
    ownersHint: 'Type part of the name and choose from the list.',
    ownersNoMatch: 'No one matches.',
    ownersSearching: 'Searching…',
    ownersExpand: 'Show suggested owners',
    ownersTypeMore: 'Type at least two characters of the name.',
    ownersSearchFailed: 'The search for people failed. Please try again.',
    ownersAdding: (name: string) => `Adding ${name}…`,
    ownersAddFailed: (name: string) =>
      `${name} could not be added to the site and was not made an owner. Try again or choose someone else.`,
    removeOwner: (name: string) => `Remove ${name}`,
    save: 'Save',
    saving: 'Saving…',
    working: 'Saving the change…',
    fixErrors: 'Correct the marked details.',
    titleRequired: "Enter the plan's title.",
    titleDuplicate:
      'The period already has a plan with this title. Give the plan a title of its own.',
    tooLong: (max: number) => `At most ${formatNumber(max, 'en')} characters.`,
    validityInvalid: 'Enter the validity as one year or two, for example 2020–2022.',
    urlInvalid: 'Enter a link starting with http:// or https://.',
    ownersRequired: 'Choose at least one owner.',
    added: (title: string) => `${title} is added.`,
    saved: (title: string) => `${title} is saved.`,
    moved: (title: string, position: number) => `${title} is moved to position ${position}.`,
    retiredDone: (title: string, period: string) => `${title} is retired from ${period} on.`,
    replacedDone: (title: string, by: string, period: string) =>
      `${title} is replaced by ${by} from ${period} on.`,
    conflict:
      'Someone else changed the plan meanwhile. Reload and make your change again; what you typed is still here.',
    reload: 'Reload the plan',
    reloaded: 'The plan is reloaded. What you typed is still here: check it and save again.',
    failed: 'The change could not be saved.',
  },
  // Teams: the channel tab's settings page and the host (issue #4).
  tabConfig: {
    heading: 'Settings for the Planuppföljning tab',
    intro:
      'Choose the SharePoint site that holds the follow-up lists. The team’s own site is proposed.',
    siteLabel: 'SharePoint site',
    siteHint: 'E.g. https://regionen.sharepoint.com/sites/planer',
    check: 'Check the site',
    checking: 'Checking the site…',
    ready: 'The lists are on the site. Press Save to add the tab.',
    incomplete: 'The Planuppföljning lists are missing or incomplete on the site.',
    missingItems: (n: number) =>
      n === 1 ? '1 thing is missing or differs:' : `${n} things are missing or differ:`,
    setupNeeded:
      'Run the set-up below (needs Manage Lists rights), or ask a coordinator or administrator to do it.',
    noManageRights:
      'You may not manage lists on this site. Ask a coordinator or administrator to run the set-up.',
    cannotCheck:
      'This site cannot be checked from here. Choose the site the app is configured for.',
    failed: 'The site could not be checked.',
    empty: 'Enter the address of the SharePoint site.',
    notUrl:
      'The address is not valid. It should start with https://, e.g. https://regionen.sharepoint.com/sites/planer.',
    notHttps: 'The address must start with https://.',
    changed: 'The address has changed. Check the site again before saving.',
    outsideTeams:
      'This page is used when the tab is added to a channel in Teams. Outside Teams you can check a site, but nothing is saved.',
    themeFromTeams: 'The theme follows Teams.',
    // Save needs the lists and the right to read and write them (issue 15, part 6).
    noRead:
      'The lists are there, but you are not allowed to read them. Ask a coordinator or the team owner to add the tab, or to give you permission to edit the lists.',
    noWrite:
      'The lists are there, but you can only read them. To add the tab you need permission to edit the lists (for example as a member of the team). Otherwise ask a coordinator or the team owner to add it.',
    canComplete:
      'You can save the tab. The site differs in a few points from the app’s configuration; you can complete it here or later under Settings.',
  },
  // Set-up of the SharePoint site (features/settings).
  setup: {
    heading: 'Settings',
    intro:
      'Planuppföljning stores its data in two lists on the team’s SharePoint site. The check shows whether the lists, their columns, indexes, views and formatting are there as the app needs them, and creates what is missing. What exists already is not changed, and no data in the lists is touched.',
    panelLabel: 'The site’s lists',
    site: (url: string) => `Site: ${url}`,
    checking: 'Checking the site…',
    checkFailed: 'The site could not be checked.',
    complete: (total: number) =>
      `The site is complete: all ${total} parts the app needs are there.`,
    incomplete: (count: number, total: number) =>
      `${count} of ${total} parts are missing or differ:`,
    stateMissing: 'missing',
    stateDiffers: 'differs',
    statePresent: 'present',
    item: {
      list: (name: string) => `The list ${name}`,
      field: (name: string, list: string) => `The column ${name} in ${list}`,
      index: (name: string, list: string) => `Index on the column ${name} in ${list}`,
      unique: (name: string, list: string) => `Unique values in the column ${name} in ${list}`,
      formatter: (name: string, list: string) =>
        `Column formatting (arrow, text and colour) of ${name} in ${list}`,
      rowFormatter: (name: string, list: string) => `Row formatting of the view ${name} in ${list}`,
      view: (name: string, list: string) => `The view ${name} in ${list}`,
      group: (name: string) => `The group ${name}`,
      permissions: (list: string) =>
        `Permissions on ${list}: coordinators Full Control, readers Read`,
    },
    apply: 'Create what is missing',
    recheck: 'Check again',
    progressLabel: 'Set-up progress',
    progress: (done: number, total: number) => `${done} of ${total} done`,
    progressItem: (done: number, total: number, what: string) =>
      `${done} of ${total} done: ${what}`,
    starting: 'Starting set-up…',
    done: (count: number) =>
      `Done: ${count} ${count === 1 ? 'part was created or corrected' : 'parts were created or corrected'}. The site is complete.`,
    notDone: 'Set-up did not finish: check again and try once more.',
    applyFailed: (done: number) =>
      `Set-up stopped after ${done} parts. What was created stays; try again and it continues.`,
    needsManageLists:
      'You lack the Manage Lists permission (Hantera listor) on the site, which creating lists, columns and views needs. Ask the site owner for it or to run set-up. Nothing was changed.',
    needsCreateGroups:
      'You lack the Create Groups permission (Skapa grupper) on the site, which creating the coordinator and reader groups needs. Ask the site owner for it or to run set-up. Nothing was changed.',
    needsManagePermissions:
      'You lack the Manage Permissions permission (Hantera behörigheter) on the site, which giving the coordinators and readers access to the lists needs. Ask the site owner for it or to run set-up. Nothing was changed.',
    coordinatorsOnly:
      'Settings are for the coordinators and the site’s owners. You lack the coordinators’ permissions on the lists (which the group Planuppföljning – samordnare gives, directly or through a group in the organisation’s directory) and the Manage Lists permission on the site; ask a coordinator or the site owner for help.',
    unavailable: 'Site set-up is not available here.',
  },
  // Kontrollera miljön (issue #15, part 7): the IT preflight in Settings.
  preflight: {
    heading: 'Check the environment',
    intro:
      'Tries, with your sign-in, everything the app needs of the site and Microsoft Graph: reading the lists, writing and deleting a test item, the rights for groups and item permissions, looking up a user and the permissions for channel messages and the activity feed. No message is sent and nothing else changes. The result says point by point what works and what IT needs to fix.',
    run: 'Check the environment',
    runAgain: 'Check the environment again',
    resultsLabel: 'Results of the environment check',
    site: (url: string) => `Site: ${url}`,
    running: (name: string) => `Checking: ${name}…`,
    finished: (name: string, state: string) => `${name}: ${state}.`,
    summary: (pass: number, warn: number, fail: number, skipped: number) =>
      `Done: ${pass} work, ${warn} with a remark, ${fail} need action, ${skipped} skipped.`,
    allGood: 'Everything the app needs works.',
    fixLabel: 'What IT must do:',
    toSetup: 'To the set-up of the lists',
    state: {
      waiting: 'Waiting',
      running: 'Checking',
      pass: 'Works',
      warn: 'Works, with a remark',
      fail: 'Action needed',
      skipped: 'Skipped',
    },
    check: {
      lists: 'The app’s lists',
      read: 'Reading the lists',
      write: 'Writing and deleting a test item',
      rights: 'Rights for groups and item permissions',
      'user-lookup': 'Looking up a user in Microsoft Graph',
      'consent-sharepoint': 'The permission AllSites.FullControl (SharePoint)',
      'consent-users': 'The permission User.ReadBasic.All (Microsoft Graph)',
      'consent-channel': 'The permission ChannelMessage.Send (Microsoft Graph)',
      'consent-activity': 'The permission TeamsActivity.Send (Microsoft Graph)',
    },
    purpose: {
      'consent-sharepoint':
        'Without it the app can neither read nor save anything in SharePoint, and coordinators cannot give follow-ups their permissions.',
      'consent-users': 'Without it reminders cannot @-mention the owners.',
      'consent-channel': 'Without it Remind cannot post messages in the channel.',
      'consent-activity': 'Without it Remind cannot send personal activity-feed notifications.',
    },
    services: { sharepoint: 'SharePoint', graph: 'Microsoft Graph' },
    pass: {
      lists: (lists: string) => `The lists exist: ${lists}.`,
      read: (lists: string) => `The app can read ${lists}.`,
      write:
        'A test item was created and deleted at once in Uppföljningsperioder. It never shows in the app, in reports or in counts.',
      rights:
        'You hold Manage Permissions on Uppföljning handlingsplaner, and Create Groups and Manage Lists on the site.',
      user: (name: string) =>
        `Microsoft Graph found you (${name}) by your user name, as reminders look the owners up.`,
      permission: (name: string, resource: string) =>
        `The app gets tokens with ${name} (${resource}): IT has granted the permission.`,
      plain: 'Works.',
    },
    skipped: {
      'local-mode': 'No sign-in in local mode: there is no token to check.',
      'needs-lists': 'The list it needs is missing; see The app’s lists.',
      'needs-user': 'Your user could not be read; see Reading the lists.',
    },
    rightNames: {
      'manage-permissions': 'Manage Permissions on Uppföljning handlingsplaner',
      'create-groups': 'Create Groups on the site',
      'manage-lists': 'Manage Lists on the site',
    },
    problem: {
      missingLists: (lists: string) => `The site lacks ${lists}.`,
      missingListsFixSetUp:
        'You may create the lists: open the set-up below and choose Create what is missing.',
      missingListsFixOwner:
        'The site’s owner (or someone with Manage Lists) runs the set-up in Settings, which creates the lists.',
      missingRights: (rights: string) => `You lack ${rights}.`,
      missingRightsFix:
        'Coordinators need Full Control on the lists: add them to the group Planuppföljning – samordnare (directly or through a group of the organisation’s directory). Plan owners do not need it. Create Groups and Manage Lists are needed only for the set-up.',
      missingRightsWarnFix:
        'The app works for coordinators. Create Groups and Manage Lists are needed only for the set-up: let the site’s owner run it.',
      consent: (name: string, resource: string) =>
        `IT has not granted the permission ${name} (${resource}) to the app.`,
      consentFix: (name: string, resource: string) =>
        `An administrator in Microsoft Entra ID adds the delegated permission ${name} (${resource}) to the app registration and grants admin consent for the organisation.`,
      cors: (service: string) =>
        `${service} does not answer calls from the app’s address (CORS), or cannot be reached from here.`,
      corsFix: (service: string) =>
        `Check that you are connected, that the site address in the app’s configuration is right and that no proxy or firewall stops calls from the app’s address to ${service}.`,
      signIn: (service: string) => `The app got no token for ${service} without you signing in.`,
      signInFix:
        'Sign in again and run the check again. If it persists: check the app’s redirect URI in the registration (docs/it-admin.md).',
      forbiddenWrite: 'SharePoint did not let you create an item in Uppföljningsperioder.',
      forbiddenWriteFix:
        'Coordinators need Full Control on the lists (the group Planuppföljning – samordnare). Plan owners write only their own follow-ups and do not need this.',
      forbidden: (service: string) => `${service} refused the operation.`,
      forbiddenFix:
        'Check your rights on the site and the app’s permissions in Microsoft Entra ID.',
      cleanupFailed: (list: string, id: string) =>
        `The test item${id ? ` (id ${id})` : ''} in ${list} could not be deleted.`,
      cleanupFailedFix: (list: string) =>
        `Delete the item whose Period starts with “miljokontroll-” in the list ${list}. The app does not show it meanwhile.`,
      userNotFound: (upn: string) => `Microsoft Graph finds no user with the user name ${upn}.`,
      userNotFoundFix:
        'Check that the account in SharePoint and the account in Microsoft Entra ID have the same user name (UPN).',
      other: (service: string, message: string) => `${service} answered: ${message}`,
      otherFix: 'Try again. If the error persists: give IT the message above.',
    },
  },
  accessibility: {
    link: 'Accessibility statement',
    heading: 'Accessibility statement',
    pageTitle: 'Accessibility statement for Planuppföljning',
    otherLanguage: 'På svenska',
    intro: (organisation: string) =>
      `${organisation} is responsible for Planuppföljning, the Microsoft Teams app in which the region follows up its overarching action plans. We want everyone who follows up, reviews or reads the plans to be able to use it. This statement describes how Planuppföljning meets the Swedish Act (2018:1937) on accessibility to digital public services, the shortcomings we know of and how to report shortcomings so that we can fix them.`,
    statusHeading: 'How accessible is the app?',
    statusFull:
      'We know of no shortcoming against the requirements of the Act in Planuppföljning. This works:',
    statusPartial:
      'We know that parts of Planuppföljning are not fully accessible; they are described under Content that is not accessible. This works:',
    works: [
      'Everything can be done with the keyboard alone: choosing a plan, setting the status, writing the comment, submitting, reviewing, reminding, starting a new period, locking and reopening the period and exporting the report.',
      'Focus is always visible. Dialogs take focus when they open, keep it while open, close with Esc and give focus back to the button you came from.',
      'Status is shown with an arrow and text, never by colour alone.',
      'The result of saving or submitting is announced by screen readers.',
      "The app works in Teams' light, dark and high-contrast themes, in Windows contrast themes and at 320 pixels wide.",
      'Text follows the text size you have chosen in your browser, and it can be enlarged with the browser’s zoom.',
    ],
    contactHeading: 'What can you do if you cannot use parts of the app?',
    contact:
      'If you need content from Planuppföljning in another form, for example Appendix 2 as a document you can read, or help to give your follow-up, you can tell us. We answer within two working days.',
    contactEmail: 'Email:',
    reportHeading: 'Report shortcomings in the app’s accessibility',
    report: (contact: string) =>
      `We strive to improve the app’s accessibility. If you find problems not described here, or think that we do not meet the requirements of the Act, write to ${contact} so that we know of the problem. Tell us what you tried to do, in which view, and if you like which browser and assistive technology you use.`,
    supervisionHeading: 'Enforcement',
    supervision:
      'The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can report it to Digg.',
    supervisionLink: 'Report inadequate accessibility to Digg (in Swedish)',
    technicalHeading: 'Technical information about the app’s accessibility',
    technicalFull:
      'Planuppföljning is fully compliant with the Act (2018:1937) on accessibility to digital public services, by our own assessment (see How we tested the app). The requirements are those of EN 301 549, for the app WCAG 2.1 level AA.',
    technicalPartial:
      'Planuppföljning is partially compliant with the Act (2018:1937) on accessibility to digital public services, because of the shortcomings described below. The requirements are those of EN 301 549, for the app WCAG 2.1 level AA.',
    inaccessibleHeading: 'Content that is not accessible',
    nonComplianceHeading: 'Non-compliance with the legal requirements',
    nonComplianceNone:
      'We know of no content in the app that breaks the requirements of the Act. If you find any, please tell us.',
    burdenHeading: 'Disproportionate burden',
    burdenNone: 'We claim no exemption for disproportionate burden for anything in the app.',
    outOfScopeHeading: 'Content not covered by the law',
    outOfScopeIntro:
      'This content is in or around the app, but is not the app’s own or not under our control:',
    outOfScopeNone: 'All content in the app is covered by the Act.',
    criteria: (labels: string) => `WCAG 2.1: ${labels}`,
    testingHeading: 'How we tested the app',
    testingIntro: 'We assessed the app ourselves (self-assessment). This is how we tested:',
    testing: [
      'Automated: axe-core checks WCAG 2.1 level A and AA on every view and dialog, in the light, dark and high-contrast themes and in Windows contrast themes, on every change to the code. A single violation stops the change.',
      'Automated keyboard tests go through every journey with the keyboard alone and check that focus is visible and lands where it should.',
      'Automated tests check that the page works at 320 pixels wide without horizontal scrolling, and that text becomes twice as large when the browser’s text size is 32 pixels instead of 16.',
      "The Word file of Appendix 2 is checked automatically: heading, document language, title and a table header row repeated on every page. It has not been checked with Word's accessibility checker.",
      'An automated test checks that every shortcoming listed here still exists in the app, and that every shortcoming is shown in the statement in both languages.',
      "Manual: keyboard, the browser's zoom and text size and Windows contrast themes, by the development team.",
      'The app has not been reviewed by an outside party, nor tested by users of screen readers (NVDA, JAWS, VoiceOver) or voice control.',
    ],
    assessed: (date: string) => `The latest assessment was made on ${formatDate(date, 'en')}.`,
    dates: (published: string, updated: string) =>
      `The statement was published on ${formatDate(published, 'en')} and last updated on ${formatDate(updated, 'en')}.`,
  },
};
