/**
 * Every user-facing string of the Slack app and the local console. Values that end up in mrkdwn are
 * written as mrkdwn; anything echoed from a user is escaped by the caller before it is put in.
 */

export const COMMAND = '/alibaba';

export const slackStrings = {
  answer: {
    bestHeading: '*Best answer*',
    englishLabel: 'English',
    moreHeading: '*More results*',
    youAsked: (escapedQuestion: string) => `You asked: ${escapedQuestion}`,
    truncated: (max: number) => `:scissors: Your question was longer than ${max} characters, so I searched only its first ${max}.`,
    sharedBy: (userId: string, escapedQuestion: string) => `<@${userId}> shared this answer to: ${escapedQuestion}`,
    fallback: (escapedQuestion: string, escapedQuote: string, escapedTitle: string) => `Answer to “${escapedQuestion}”: “${escapedQuote}” (${escapedTitle})`,
    openSource: 'Open the source',
    sectionLabel: 'section',
    paragraphLabel: (n: number) => `paragraph ${n}`,
  },

  noAnswer: {
    text: (escapedQuestion: string) => `I couldn't find anything about “${escapedQuestion}” in the knowledge base.`,
    suggestIntro: 'Here is what I can answer questions about:',
    tryHelp: `Try one of these, or type \`${COMMAND} help\`.`,
    emptyQuestion: `Ask me a question, for example \`${COMMAND} datacenters\`.`,
  },

  buttons: {
    share: 'Share in channel',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
  },

  feedback: {
    stale: 'Thanks! That button belongs to an older answer, so I could not record it.',
    thanksHelpful: ':thumbsup: Thanks! Glad it helped.',
    thanksNotHelpful: ':memo: Thanks for telling me. It is recorded, so the team can add better knowledge.',
  },

  share: {
    done: ':white_check_mark: Shared in this channel.',
    stale: `This button belongs to an answer I can no longer read. Ask again with \`${COMMAND} <question>\`.`,
    notInChannel: `I can't post in this conversation. Invite me first (\`/invite @alibaba\`), then share again.`,
    failed: 'Sorry, I could not share that answer. Please try again in a moment.',
  },

  help: {
    fallback: `How to use ${COMMAND}`,
    header: 'Ask me about Alibaba’s cloud expansion',
    intro: 'I answer from a curated set of news articles and always quote my source: the original sentence, an English rendering, and where it stands (title, section, paragraph).',
    usageTitle: '*Ask*',
    usage: [
      `\`${COMMAND} <question>\`: a private answer, e.g. \`${COMMAND} datacenters\` or \`${COMMAND} who are the competitors?\``,
      '`@alibaba <question>` in a channel: I answer in a thread. A bare `@alibaba` inside a thread answers the thread’s first message.',
      'Send me a direct message: I answer in the DM.',
      `\`${COMMAND} sources\`: the documents I know.`,
      `\`${COMMAND} help\`: this message.`,
    ],
    digestTitle: '*Daily digest*',
    digest: [
      `\`${COMMAND} digest subscribe [HH:MM] [time zone]\`: a daily digest in this channel, e.g. \`${COMMAND} digest subscribe 08:30 Europe/Rome\``,
      `\`${COMMAND} digest unsubscribe\`: stop it.`,
      `\`${COMMAND} digest status\`: this channel’s subscription.`,
      `\`${COMMAND} digest now\`: a private preview of today’s digest.`,
    ],
    tip: 'Typos and Italian or English questions are fine: `vodafon`, `server farm germania`, `who are the competitors?`.',
  },

  sources: {
    fallback: (documents: number, facts: number) => `I know ${documents} document${documents === 1 ? '' : 's'} and ${facts} curated fact${facts === 1 ? '' : 's'}.`,
    header: 'What I know',
    summary: (documents: number, passages: number, facts: number) =>
      `${documents} document${documents === 1 ? '' : 's'}, ${passages} passage${passages === 1 ? '' : 's'}, ${facts} curated fact${facts === 1 ? '' : 's'}.`,
    factCount: (n: number) => `${n} fact${n === 1 ? '' : 's'}`,
    more: (n: number) => `…and ${n} more document${n === 1 ? '' : 's'}.`,
    none: 'The knowledge base is empty: add articles to the knowledge folder and restart me.',
    problems: (n: number) => `:warning: ${n} file problem${n === 1 ? '' : 's'} while loading; run \`npm run knowledge:check\`.`,
  },

  home: {
    header: 'Alibaba cloud expansion, quoted from the source',
    intro: 'Ask me anything about Alibaba’s cloud expansion. Every answer quotes the article it comes from.',
    howTitle: '*How to ask*',
    how: [
      `\`${COMMAND} <question>\` in any channel (private answer)`,
      '`@alibaba <question>` in a channel or thread (answer in the thread)',
      'A direct message in the *Messages* tab',
    ],
    knowsTitle: '*What I know*',
    examplesTitle: '*Try a question*',
    answerTitle: (escapedQuestion: string) => `*Answer to:* ${escapedQuestion}`,
    fallback: 'alibaba: Home',
  },

  mention: {
    bare: `Mention me with a question, e.g. \`@alibaba who are the competitors?\`, or mention me alone inside a thread to answer its first message.`,
    threadUnreadable: 'I could not read this thread’s first message. Mention me with the question instead.',
    threadParentGone: 'This thread’s first message was deleted, so there is no question to answer. Mention me with the question instead.',
  },

  digest: {
    unavailable: 'The daily digest is not available in this deployment.',
    failed: 'Sorry, the digest command failed. Please try again in a moment.',
  },

  errors: {
    generic: 'Sorry, something went wrong while answering. Please try again.',
  },

  console: {
    banner: (documents: number, passages: number, facts: number) =>
      `alibaba-bot local console: ${documents} document${documents === 1 ? '' : 's'}, ${passages} passages, ${facts} facts. No Slack credentials found, so replies are printed here.`,
    hint: `Type ${COMMAND} <question>, @alibaba <question>, ${COMMAND} help, ${COMMAND} sources, ${COMMAND} digest now, or just a question. Ctrl-D to quit.`,
    prompt: 'alibaba> ',
    userId: 'UCONSOLE',
  },
} as const;
