import { brandOf, DEFAULT_BRAND, escapeHtml } from "@/lib/gates/page-shell";
import { renderLeadPage, renderPasswordPage, renderPreviewPage, renderStatusPage } from "@/lib/gates/pages";

const XSS = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  });
});

describe("branding", () => {
  const workspace = { name: "Acme", branding: { name: "Acme Dental", logoUrl: "https://acme.example/logo.png", primaryColor: "#FFCC00" } };

  it("is the product's when the workspace has not turned branding on", () => {
    expect(brandOf({ ...workspace, brandingEnabled: false, whiteLabel: false })).toEqual(DEFAULT_BRAND);
  });

  it("shows the workspace's name, logo and colour, and hides our name under white-label", () => {
    expect(brandOf({ ...workspace, brandingEnabled: true, whiteLabel: false })).toEqual({
      name: "Acme Dental",
      logoUrl: "https://acme.example/logo.png",
      color: "#ffcc00",
      showProductName: true,
    });
    expect(brandOf({ ...workspace, brandingEnabled: false, whiteLabel: true }).showProductName).toBe(false);
  });

  it("drops unsafe logos and colours", () => {
    const brand = brandOf({
      name: "A",
      branding: { logoUrl: "javascript:alert(1)", primaryColor: "red;}body{display:none" },
      brandingEnabled: true,
      whiteLabel: false,
    });
    expect(brand.logoUrl).toBeNull();
    expect(brand.color).toBeNull();
    expect(brandOf({ name: "A", branding: { logoUrl: "http://insecure.example/l.png" }, brandingEnabled: true, whiteLabel: false }).logoUrl).toBeNull();
  });

  it("renders the brand and picks readable button text on a light colour", () => {
    const html = renderStatusPage("expired", brandOf({ ...workspace, brandingEnabled: true, whiteLabel: true }));
    expect(html).toContain('<img src="https://acme.example/logo.png" alt="Acme Dental"');
    expect(html).toContain("--brand:#ffcc00");
    expect(html).toContain("--on-brand:#18181b");
    expect(html).not.toContain("Smart Links");
  });
});

describe("pages", () => {
  it("are self-contained: no script and nothing loaded from elsewhere", () => {
    const pages = [
      renderStatusPage("not_found", DEFAULT_BRAND),
      renderPasswordPage({ brand: DEFAULT_BRAND, action: "/x", title: null, error: null }),
      renderLeadPage({ brand: DEFAULT_BRAND, action: "/x", headline: null, fields: ["name", "email"], values: {}, errors: {}, ownerName: null }),
    ];
    for (const html of pages) {
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain("prefers-color-scheme:dark");
      expect(html).toContain('name="viewport"');
      expect(html).not.toMatch(/<script|<link|src="http|@import|url\(/);
    }
  });

  it("escape every user string", () => {
    const html = [
      renderPasswordPage({ brand: { ...DEFAULT_BRAND, name: XSS }, action: `/x?c=${XSS}`, title: XSS, error: XSS }),
      renderLeadPage({
        brand: DEFAULT_BRAND,
        action: `/x?${XSS}`,
        headline: XSS,
        fields: ["name", "message"],
        values: { name: XSS, message: `</textarea>${XSS}` },
        errors: { name: XSS },
        ownerName: XSS,
      }),
      renderPreviewPage({
        brand: DEFAULT_BRAND,
        shortUrl: `https://s.example/${XSS}`,
        preview: { title: XSS, description: XSS, image: `https://img.example/${XSS}` },
        title: null,
        description: null,
        destination: `https://example.com/?q=${XSS}`,
      }),
    ].join("\n");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html.match(/<\/textarea>/g)).toHaveLength(1);
    expect(html).toContain("&lt;/textarea&gt;");
  });

  it("keep the lead form's values and point at the invalid field", () => {
    const html = renderLeadPage({
      brand: DEFAULT_BRAND,
      action: "/x",
      headline: "Get the guide",
      fields: ["name", "email", "company"],
      values: { name: "Ada", email: "ada@" },
      errors: { email: "Enter a valid email address" },
      ownerName: "Acme",
    });
    expect(html).toContain('value="Ada"');
    expect(html).toMatch(/id="f-email"[^>]*autofocus[^>]*aria-invalid="true"/);
    expect(html).toContain("Company <span class=\"opt\">(optional)</span>");
    expect(html).toContain("shared with Acme");
  });

  it("give the preview card a summary card without an image, and fall back to the destination's host", () => {
    const html = renderPreviewPage({ brand: DEFAULT_BRAND, shortUrl: "https://s.example/a", preview: null, title: null, description: null, destination: "https://shop.example.com/x" });
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain('<meta property="og:title" content="shop.example.com">');
  });
});
