/**
 * Bots and link-preview fetchers. Both get the link's preview card and are never counted;
 * `isPreview` tells the preview fetchers (the apps that unfurl a pasted link) from other bots.
 * isbot 5 recognises all of the fetchers below already; the explicit list names them so that
 * `isPreview` is right and so a change in isbot's list cannot start counting unfurls as clicks.
 */
import { isbot } from "isbot";

const PREVIEW_FETCHER_TOKENS = [
  // WhatsApp's fetcher is "WhatsApp/2.23.20.0 A"; its in-app browser (a full browser UA that
  // merely contains "WhatsApp/") is a person.
  "^whatsapp/",
  "facebookexternalhit",
  "facebot",
  "facebookcatalog",
  "meta-externalagent",
  "meta-externalfetcher",
  "slackbot",
  "slack-imgproxy",
  "telegrambot",
  "twitterbot",
  "linkedinbot",
  "discordbot",
  "redditbot",
  "pinterestbot",
  "pinterest/0\\.",
  "skypeuripreview",
  "microsoftpreview",
  "teamsbot",
  "applebot",
  "imessage",
  "com\\.apple\\.messages",
  "googlebot",
  "google-inspectiontool",
  "google-pagerenderer",
  "googleother",
  "bingbot",
  "bingpreview",
  "embedly",
  "iframely",
  "mastodon/",
  "cardyb",
  "^viber",
  "snap url preview",
  "snapchat_preview",
  "zoombot",
  "kakaotalk-scrap",
  "line-poker",
  "vkshare",
];

const PREVIEW_FETCHER = new RegExp(PREVIEW_FETCHER_TOKENS.join("|"), "i");

export type BotFacts = { isBot: boolean; isPreview: boolean };

/** Bot facts from the User-Agent alone (HEAD requests are bots too; the caller adds that). */
export function detectBot(userAgent: string): BotFacts {
  if (userAgent.trim() === "") return { isBot: true, isPreview: false };
  if (PREVIEW_FETCHER.test(userAgent)) return { isBot: true, isPreview: true };
  return { isBot: isbot(userAgent), isPreview: false };
}
