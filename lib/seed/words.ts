/** Names and words for seeded links, campaigns, tags and contacts. */

/** [title, destination path on one of `DESTINATION_HOSTS`, or a full URL]. */
export const LINK_TEMPLATES: readonly (readonly [string, string])[] = [
  ["Spring sale", "sale/spring"],
  ["Summer collection", "collections/summer"],
  ["Black Friday deals", "deals/black-friday"],
  ["Cyber Monday", "deals/cyber-monday"],
  ["Holiday gift guide", "gift-guide"],
  ["Back to school", "collections/back-to-school"],
  ["Flash sale", "sale/flash"],
  ["New arrivals", "collections/new"],
  ["Free consultation", "consultation"],
  ["Book an appointment", "book"],
  ["Class schedule", "classes/schedule"],
  ["Webinar registration", "webinars/register"],
  ["Webinar replay", "webinars/replay"],
  ["Product launch", "launch"],
  ["Customer survey", "survey"],
  ["Newsletter signup", "newsletter"],
  ["Referral program", "refer"],
  ["Loyalty rewards", "rewards"],
  ["New patient offer", "offers/new-patient"],
  ["Menu", "menu"],
  ["Event tickets", "events/tickets"],
  ["Open house", "events/open-house"],
  ["Free trial", "trial"],
  ["Pricing", "pricing"],
  ["Case study", "customers/case-study"],
  ["Blog: 10 tips for a better morning", "blog/10-tips-better-morning"],
  ["Blog: what's new this season", "blog/whats-new"],
  ["Podcast episode", "podcast/latest"],
  ["Store locator", "stores"],
  ["Size guide", "help/size-guide"],
  ["Returns policy", "help/returns"],
  ["Partner offer", "partners/offer"],
  ["Giveaway", "giveaway"],
  ["Membership", "membership"],
  ["Testimonials", "reviews"],
  ["Gift cards", "gift-cards"],
  ["Course enrollment", "courses/enroll"],
  ["Job openings", "careers"],
  ["Contact us", "contact"],
  ["Download the app", "https://www.example.com/app"],
  ["Leave us a review", "https://g.page/r/CExampleReview/review"],
  ["YouTube tutorial", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
  ["Instagram bio link", "links"],
  ["Book a call", "https://calendly.com/example/30min"],
  ["Donate", "donate"],
  ["Volunteer signup", "volunteer"],
];

export const DESTINATION_HOSTS = ["www.example.com", "shop.example.com", "book.example.com", "blog.example.com", "events.example.org", "app.example.net"] as const;

export const CAMPAIGN_NAMES = [
  "Spring Sale",
  "Summer Launch",
  "Back to School",
  "Black Friday",
  "Holiday Gift Guide",
  "Monthly Newsletter",
  "Webinar Series",
  "Referral Program",
  "Win-back Drip",
  "New Patient Welcome",
  "Product Hunt Launch",
  "Customer Stories",
  "Open House Weekend",
  "Loyalty Rewards",
] as const;

export const TAG_NAMES = ["promo", "social", "email", "sms", "print", "qr", "evergreen", "seasonal", "partner", "paid", "organic", "vip"] as const;

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mateo", "Amelia",
  "Benjamin", "Harper", "Henry", "Evelyn", "Theodore", "Abigail", "Jack", "Emily", "Sebastian", "Ella", "Daniel",
  "Scarlett", "Michael", "Grace", "Owen", "Chloe", "Samuel", "Priya", "Diego", "Aisha", "Kenji", "Fatima", "Marco",
  "Leila", "Andre", "Hana", "Tomas", "Zoe", "Ravi", "Camila", "Wei", "Nadia", "Omar", "Ingrid", "Kwame", "Lucia", "Yuki",
  "Sofia", "Arjun", "Chiara", "Malik", "Elena", "Jonas", "Amara", "Mohammed", "Rosa", "Connor",
] as const;

export const LAST_NAMES = [
  "Johnson", "Martinez", "Nguyen", "Patel", "Kim", "Garcia", "Brown", "Wilson", "Anderson", "Thompson", "Lopez", "Lee",
  "Clark", "Walker", "Hall", "Young", "Allen", "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
  "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins",
  "Edwards", "Stewart", "Morris", "Murphy", "Müller", "Rossi", "Silva", "Okafor", "Tanaka", "Kowalski", "Dubois",
  "Novak", "Haddad", "Singh", "Cohen", "Larsen", "O'Brien", "Fernandes", "Schmidt", "Yilmaz", "Chen", "Ivanova",
] as const;
