/** The CRM's OAuth token endpoints (form-encoded, no Version header on /oauth/token). */
import type { CrmHttp } from "@/lib/crm/http";
import { tokenResponseSchema, type TokenResponse } from "@/lib/crm/schemas";

export type OAuthClient = { clientId: string; clientSecret: string; redirectUri: string };

export async function exchangeCode(http: CrmHttp, client: OAuthClient, code: string): Promise<TokenResponse> {
  const { data } = await http.request({
    method: "POST",
    path: "/oauth/token",
    unversioned: true,
    form: {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirectUri,
    },
    schema: tokenResponseSchema,
  });
  return data;
}

export async function refreshToken(
  http: CrmHttp,
  client: OAuthClient,
  refresh: string,
  userType: "Location" | "Company",
): Promise<TokenResponse> {
  const { data } = await http.request({
    method: "POST",
    path: "/oauth/token",
    unversioned: true,
    form: {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: "refresh_token",
      refresh_token: refresh,
      user_type: userType,
    },
    schema: tokenResponseSchema,
  });
  return data;
}

/** A Location token minted from the agency's Company token. */
export async function mintLocationToken(http: CrmHttp, companyToken: string, companyId: string, locationId: string): Promise<TokenResponse> {
  const { data } = await http.request({
    method: "POST",
    path: "/oauth/locationToken",
    token: companyToken,
    form: { companyId, locationId },
    schema: tokenResponseSchema,
  });
  return data;
}
