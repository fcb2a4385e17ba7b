import type { JsonObject } from '@sbss/sdk';
import { toLarkMd, toSlackMrkdwn, truncateUtf8 } from './markdown-dialects.js';

export interface RobotMessage {
  title: string;
  text: string;
  link?: string | undefined;
  linkText: string;
}

/**
 * DingTalk (open.dingtalk.com, custom robot message types): an `actionCard` with one button when
 * there is a link; a `markdown` message otherwise, or when people are @-mentioned, since only
 * text and markdown messages can mention (the mobiles must also appear in the text).
 */
export function dingtalkMessage(
  message: RobotMessage,
  at: { atMobiles: string[]; isAtAll: boolean },
): JsonObject {
  const body = `### ${message.title}\n\n${message.text}`.trim();
  const mentions = at.atMobiles.length > 0 || at.isAtAll;
  if (message.link && !mentions) {
    return {
      msgtype: 'actionCard',
      actionCard: {
        title: message.title,
        text: body,
        btnOrientation: '0',
        singleTitle: message.linkText,
        singleURL: message.link,
      },
    };
  }
  const link = message.link ? `\n\n[${message.linkText}](${message.link})` : '';
  const tags = at.atMobiles.map((mobile) => `@${mobile}`).join(' ');
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: `${body}${link}${tags ? `\n\n${tags}` : ''}` },
    at: { atMobiles: at.atMobiles, isAtAll: at.isAtAll },
  };
}

export type FeishuColor =
  | 'blue'
  | 'wathet'
  | 'turquoise'
  | 'green'
  | 'yellow'
  | 'orange'
  | 'red'
  | 'carmine'
  | 'violet'
  | 'purple'
  | 'indigo'
  | 'grey';

/** Feishu / Lark interactive card (message card JSON 1.0): coloured header, lark_md body, a button. */
export function feishuCard(message: RobotMessage, color: FeishuColor): JsonObject {
  const elements: JsonObject[] = [];
  if (message.text) elements.push({ tag: 'div', text: { tag: 'lark_md', content: toLarkMd(message.text) } });
  if (message.link) {
    elements.push({
      tag: 'action',
      actions: [
        {
          tag: 'button',
          text: { tag: 'plain_text', content: message.linkText },
          type: 'primary',
          url: message.link,
        },
      ],
    });
  }
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { template: color, title: { tag: 'plain_text', content: message.title } },
      elements,
    },
  };
}

// WeCom group robot (developer.work.weixin.qq.com, document 91770): markdown content is at most
// 4096 bytes of UTF-8.
const wecomMaxBytes = 4096;

/** WeCom group robot markdown: the link is an inline Markdown link; robots have no buttons. */
export function wecomMarkdown(message: RobotMessage): JsonObject {
  const link = message.link ? `\n\n[${message.linkText}](${message.link})` : '';
  const body = truncateUtf8(`### ${message.title}\n${message.text}`.trim(), wecomMaxBytes - byteLength(link));
  return { msgtype: 'markdown', markdown: { content: `${body}${link}` } };
}

/**
 * Slack Block Kit (api.slack.com, "Block Kit"): header, a mrkdwn section and a primary button.
 * `text` is the fallback shown in notifications. Limits: header text 150 characters, section
 * text 3000.
 */
export function slackBlocks(message: RobotMessage): JsonObject {
  const blocks: JsonObject[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(message.title, 150), emoji: true } },
  ];
  if (message.text)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(toSlackMrkdwn(message.text), 3000) } });
  if (message.link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: clip(message.linkText, 75) },
          url: message.link,
          style: 'primary',
        },
      ],
    });
  }
  return { text: message.title, blocks };
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function byteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
