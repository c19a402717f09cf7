import type { TrafficSource } from "@/db/schema/clicks";
import { classifySource, inAppSource, parseReferrer, sourceOfHost, utmSourceHint } from "@/lib/redirect/sources";

describe("parseReferrer", () => {
  it.each<[string | null, string | null, string | null, TrafficSource | null]>([
    // [Referer, referrer kept, referrerHost, source]
    [null, null, null, null],
    ["", null, null, null],
    ["not a url", null, null, null],
    ["javascript:alert(1)", null, null, null],
    ["https://www.google.com/", "https://www.google.com/", "google.com", "google"],
    ["https://www.google.co.uk/search?q=secret", "https://www.google.co.uk/search", "google.co.uk", "google"],
    ["https://www.google.com.br/", "https://www.google.com.br/", "google.com.br", "google"],
    ["https://google.de/", "https://google.de/", "google.de", "google"],
    ["https://news.google.com/articles/x", "https://news.google.com/articles/x", "news.google.com", "google"],
    ["https://www.bing.com/search?q=x", "https://www.bing.com/search", "bing.com", "bing"],
    ["https://cn.bing.com/", "https://cn.bing.com/", "cn.bing.com", "bing"],
    ["https://duckduckgo.com/", "https://duckduckgo.com/", "duckduckgo.com", "duckduckgo"],
    ["https://search.yahoo.com/search?p=x", "https://search.yahoo.com/search", "search.yahoo.com", "yahoo"],
    ["https://www.yahoo.co.jp/", "https://www.yahoo.co.jp/", "yahoo.co.jp", "yahoo"],
    ["https://www.facebook.com/", "https://www.facebook.com/", "facebook.com", "facebook"],
    ["https://m.facebook.com/story.php?id=1", "https://m.facebook.com/story.php", "m.facebook.com", "facebook"],
    ["https://l.facebook.com/l.php?u=x", "https://l.facebook.com/l.php", "l.facebook.com", "facebook"],
    ["https://lm.facebook.com/", "https://lm.facebook.com/", "lm.facebook.com", "facebook"],
    ["https://fb.com/", "https://fb.com/", "fb.com", "facebook"],
    ["https://www.instagram.com/", "https://www.instagram.com/", "instagram.com", "instagram"],
    ["https://l.instagram.com/?u=x", "https://l.instagram.com/", "l.instagram.com", "instagram"],
    ["https://www.threads.net/@someone", "https://www.threads.net/@someone", "threads.net", "threads"],
    ["https://www.messenger.com/t/1", "https://www.messenger.com/t/1", "messenger.com", "messenger"],
    ["https://t.co/abc", "https://t.co/abc", "t.co", "twitter"],
    ["https://twitter.com/", "https://twitter.com/", "twitter.com", "twitter"],
    ["https://x.com/someone", "https://x.com/someone", "x.com", "twitter"],
    ["https://www.linkedin.com/feed/", "https://www.linkedin.com/feed/", "linkedin.com", "linkedin"],
    ["https://lnkd.in/abc", "https://lnkd.in/abc", "lnkd.in", "linkedin"],
    ["https://www.tiktok.com/", "https://www.tiktok.com/", "tiktok.com", "tiktok"],
    ["https://www.youtube.com/watch?v=1", "https://www.youtube.com/watch", "youtube.com", "youtube"],
    ["https://m.youtube.com/", "https://m.youtube.com/", "m.youtube.com", "youtube"],
    ["https://youtu.be/abc", "https://youtu.be/abc", "youtu.be", "youtube"],
    ["https://www.reddit.com/r/x", "https://www.reddit.com/r/x", "reddit.com", "reddit"],
    ["https://out.reddit.com/", "https://out.reddit.com/", "out.reddit.com", "reddit"],
    ["https://www.pinterest.com/pin/1", "https://www.pinterest.com/pin/1", "pinterest.com", "pinterest"],
    ["https://www.pinterest.co.uk/", "https://www.pinterest.co.uk/", "pinterest.co.uk", "pinterest"],
    ["https://www.snapchat.com/", "https://www.snapchat.com/", "snapchat.com", "snapchat"],
    ["https://web.whatsapp.com/", "https://web.whatsapp.com/", "web.whatsapp.com", "whatsapp"],
    ["https://wa.me/123", "https://wa.me/123", "wa.me", "whatsapp"],
    ["https://t.me/channel", "https://t.me/channel", "t.me", "telegram"],
    ["https://web.telegram.org/", "https://web.telegram.org/", "web.telegram.org", "telegram"],
    ["https://line.me/R/", "https://line.me/R/", "line.me", "line"],
    ["https://mp.weixin.qq.com/s/x", "https://mp.weixin.qq.com/s/x", "mp.weixin.qq.com", "wechat"],
    // Webmail is email, even on google.com and yahoo.com.
    ["https://mail.google.com/mail/u/0/", "https://mail.google.com/mail/u/0/", "mail.google.com", "email"],
    ["https://outlook.live.com/mail/0/", "https://outlook.live.com/mail/0/", "outlook.live.com", "email"],
    ["https://outlook.office.com/mail/", "https://outlook.office.com/mail/", "outlook.office.com", "email"],
    ["https://outlook.office365.com/", "https://outlook.office365.com/", "outlook.office365.com", "email"],
    ["https://mail.yahoo.com/d/folders/1", "https://mail.yahoo.com/d/folders/1", "mail.yahoo.com", "email"],
    ["https://mail.proton.me/u/0/inbox", "https://mail.proton.me/u/0/inbox", "mail.proton.me", "email"],
    ["https://webmail.example.net/?_task=mail", "https://webmail.example.net/", "webmail.example.net", "email"],
    ["https://messages.google.com/web/conversations", "https://messages.google.com/web/conversations", "messages.google.com", "sms"],
    // Android apps.
    ["android-app://com.google.android.gm", "android-app://com.google.android.gm", "com.google.android.gm", "email"],
    ["android-app://com.google.android.gm/", "android-app://com.google.android.gm", "com.google.android.gm", "email"],
    ["android-app://com.google.android.apps.messaging", "android-app://com.google.android.apps.messaging", "com.google.android.apps.messaging", "sms"],
    ["android-app://com.samsung.android.messaging", "android-app://com.samsung.android.messaging", "com.samsung.android.messaging", "sms"],
    ["android-app://com.microsoft.office.outlook", "android-app://com.microsoft.office.outlook", "com.microsoft.office.outlook", "email"],
    ["android-app://com.google.android.googlequicksearchbox/https/www.google.com", "android-app://com.google.android.googlequicksearchbox", "com.google.android.googlequicksearchbox", "google"],
    ["android-app://com.slack", "android-app://com.slack", "com.slack", null],
    ["android-app://constructor", "android-app://constructor", "constructor", null],
    // Anything else is a referrer we do not name.
    ["https://blog.example.com/post?id=1#top", "https://blog.example.com/post", "blog.example.com", null],
    ["http://EXAMPLE.org/", "http://example.org/", "example.org", null],
    ["https://notgoogle.com/", "https://notgoogle.com/", "notgoogle.com", null],
    ["https://google.com.evil.io/", "https://google.com.evil.io/", "google.com.evil.io", null],
    ["https://myfacebook.com/", "https://myfacebook.com/", "myfacebook.com", null],
  ])("%j", (header, referrer, referrerHost, source) => {
    expect(parseReferrer(header)).toEqual({ referrer, referrerHost, source });
  });

  it("never keeps more than 1024 characters", () => {
    const long = `https://example.com/${"a".repeat(5000)}`;
    expect(parseReferrer(long).referrer).toHaveLength(1024);
  });
});

describe("sourceOfHost", () => {
  it.each<[string, TrafficSource | null]>([
    ["google.com", "google"],
    ["mail.google.com", "email"],
    ["mail.yahoo.co.uk", "email"],
    ["mail.example.com", "email"],
    ["example.com", null],
  ])("%s → %s", (host, source) => {
    expect(sourceOfHost(host)).toBe(source);
  });
});

describe("inAppSource", () => {
  const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
  const android = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0 Mobile Safari/537.36";
  it.each<[string, string, TrafficSource | null]>([
    ["Instagram", `${iphone} Instagram 326.0.3.30.91 (iPhone14,5; iOS 17_4; en_US)`, "instagram"],
    ["Facebook FBAN", `${iphone} [FBAN/FBIOS;FBAV/458.0.0.39.106;FBBV/580291468]`, "facebook"],
    ["Facebook FBAV only", `${android} [FBAV/455.0.0.44.88;]`, "facebook"],
    ["Facebook FB_IAB", `${android} [FB_IAB/FB4A;FBAV/455.0.0.44.88;]`, "facebook"],
    ["Messenger iOS", `${iphone} [FBAN/MessengerForiOS;FBAV/452.0.0.39.108;]`, "messenger"],
    ["Messenger Android", `${android} [FB_IAB/Orca-Android;FBAV/449.0.0.13.109;]`, "messenger"],
    ["Messenger Lite", `${android} [FB_IAB/MESSENGER;FBAV/449.0.0.13.109;]`, "messenger"],
    ["Threads", `${iphone} Barcelona 322.0.0.28.96 (iPhone14,5; iOS 17_4)`, "threads"],
    ["TikTok musical_ly", `${iphone} musical_ly_34.1.0 JsSdk/2.0 NetType/WIFI`, "tiktok"],
    ["TikTok BytedanceWebview", `${android} trill_340103 BytedanceWebview/d8a21c6`, "tiktok"],
    ["LinkedInApp", `${iphone} [LinkedInApp]/9.29.6535`, "linkedin"],
    ["Snapchat", `${iphone} Snapchat/12.80.0.41 (like Safari/8617.2.4.10.8, panda)`, "snapchat"],
    ["Twitter iOS", `${iphone} Twitter for iPhone/10.40`, "twitter"],
    ["Twitter Android", `${android} TwitterAndroid`, "twitter"],
    ["Telegram", `${android} Telegram-Android/10.9.1`, "telegram"],
    ["LINE", `${iphone} Safari Line/14.5.0`, "line"],
    ["WeChat", `${iphone} MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI`, "wechat"],
    ["WhatsApp", `${android} WhatsApp/2.24.8.78`, "whatsapp"],
    ["Pinterest", `${iphone} [Pinterest/iOS]`, "pinterest"],
    ["plain Safari", `${iphone} Safari/604.1`, null],
    ["plain Chrome", android, null],
    ["a word containing Line", `${iphone} Guideline/1.0`, null],
  ])("%s", (_name, ua, source) => {
    expect(inAppSource(ua)).toBe(source);
  });
});

describe("utmSourceHint", () => {
  it.each<[string, TrafficSource | null]>([
    ["https://s.test/x?utm_medium=sms", "sms"],
    ["https://s.test/x?utm_source=SMS", "sms"],
    ["https://s.test/x?utm_medium=text", "sms"],
    ["https://s.test/x?utm_medium=email", "email"],
    ["https://s.test/x?utm_source=newsletter", "email"],
    ["https://s.test/x?utm_medium=e-mail", "email"],
    ["https://s.test/x?utm_medium=cpc&utm_source=google", null],
    ["https://s.test/x?utm_medium=constructor", null],
    ["https://s.test/x", null],
  ])("%s → %s", (url, hint) => {
    expect(utmSourceHint(new URL(url))).toBe(hint);
  });
});

describe("classifySource", () => {
  const none = parseReferrer(null);
  const google = parseReferrer("https://www.google.com/");
  const unknown = parseReferrer("https://blog.example.com/");
  it.each<[string, Parameters<typeof classifySource>[0], TrafficSource]>([
    ["in-app beats everything", { inApp: "instagram", isQr: true, referrer: google, utmHint: "sms" }, "instagram"],
    ["QR beats the referrer", { inApp: null, isQr: true, referrer: google, utmHint: null }, "qr"],
    ["known referrer", { inApp: null, isQr: false, referrer: google, utmHint: "email" }, "google"],
    ["UTM hint without a referrer", { inApp: null, isQr: false, referrer: none, utmHint: "sms" }, "sms"],
    ["UTM hint beats an unknown referrer", { inApp: null, isQr: false, referrer: unknown, utmHint: "email" }, "email"],
    ["unknown referrer", { inApp: null, isQr: false, referrer: unknown, utmHint: null }, "other"],
    ["nothing at all", { inApp: null, isQr: false, referrer: none, utmHint: null }, "direct"],
  ])("%s", (_name, signals, expected) => {
    expect(classifySource(signals)).toBe(expected);
  });
});
