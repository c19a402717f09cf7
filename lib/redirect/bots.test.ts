import { detectBot } from "@/lib/redirect/bots";

describe("detectBot", () => {
  it.each([
    ["WhatsApp/2.23.20.0 A", true, true],
    ["WhatsApp/2.2407.3 i", true, true],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true, true],
    ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", true, true],
    ["TelegramBot (like TwitterBot)", true, true],
    ["Twitterbot/1.0", true, true],
    ["Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", true, true],
    ["LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", true, true],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview", true, true],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0", true, true],
    ["Mozilla/5.0 (iPhone) Messages com.apple.messages.preview", true, true],
    ["curl/8.5.0", true, false],
    ["Go-http-client/1.1", true, false],
    ["", true, false],
    ["   ", true, false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", false, false],
    // In-app browsers are people, even when they name a messenger.
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0 Mobile Safari/537.36 WhatsApp/2.24.8.78", false, false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/458.0.0.39.106;]", false, false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.40", false, false],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0 Mobile Safari/537.36 Telegram-Android/10.9.1", false, false],
  ])("%j → bot %s, preview %s", (ua, isBot, isPreview) => {
    expect(detectBot(ua)).toEqual({ isBot, isPreview });
  });
});
