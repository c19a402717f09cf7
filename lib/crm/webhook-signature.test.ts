import { generateKeyPairSync } from "node:crypto";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/crm/webhook-signature";

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
};

describe("webhook signatures (Ed25519 over the raw body)", () => {
  const keys = pair();
  const body = '{"type":"INSTALL","locationId":"loc1","webhookId":"w1"}';

  it("accepts the signer's signature over the exact bytes", () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, keys.privatePem), keys.publicPem)).toBe(true);
  });

  it("refuses a missing, malformed, other-key or re-serialised signature", () => {
    const sig = signWebhookBody(body, keys.privatePem);
    expect(verifyWebhookSignature(body, null, keys.publicPem)).toBe(false);
    expect(verifyWebhookSignature(body, "not-base64!", keys.publicPem)).toBe(false);
    expect(verifyWebhookSignature(body, signWebhookBody(body, pair().privatePem), keys.publicPem)).toBe(false);
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(verifyWebhookSignature(reserialised, sig, keys.publicPem)).toBe(false);
    expect(verifyWebhookSignature(body, sig, "not a key")).toBe(false);
  });
});
