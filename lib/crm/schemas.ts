/** Shapes of the CRM's answers we rely on (HighLevel v2, crm-api.md); every body is parsed. */
import { z } from "zod";

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional().default(""),
  userType: z.enum(["Location", "Company"]).optional(),
  companyId: z.string().optional(),
  locationId: z.string().optional(),
  userId: z.string().optional(),
  planId: z.string().nullish(),
});
export type TokenResponse = z.output<typeof tokenResponseSchema>;

export const installedLocationsSchema = z.object({
  locations: z.array(z.object({ _id: z.string(), name: z.string(), isInstalled: z.boolean().optional() })),
  count: z.number().optional(),
});

export const contactSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  customFields: z.array(z.object({ id: z.string(), value: z.unknown() })).default([]),
});
export type CrmContact = z.output<typeof contactSchema>;
export const getContactSchema = z.object({ contact: contactSchema });

export const upsertContactSchema = z.object({ new: z.boolean().optional(), contact: contactSchema.partial({ locationId: true }) });
export const tagsSchema = z.object({ tags: z.array(z.string()) });
export const noteSchema = z.object({ note: z.object({ id: z.string(), body: z.string(), dateAdded: z.string().optional() }) });
export const notesSchema = z.object({ notes: z.array(z.object({ id: z.string(), body: z.string(), dateAdded: z.string().optional() })) });
export type CrmNote = z.output<typeof notesSchema>["notes"][number];
export const customFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  fieldKey: z.string(),
  dataType: z.string().optional(),
});
export type CrmCustomField = z.output<typeof customFieldSchema>;
export const customFieldsSchema = z.object({ customFields: z.array(customFieldSchema) });
export const createCustomFieldSchema = z.object({ customField: customFieldSchema });
export const updateContactSchema = z.object({ contact: contactSchema.partial({ locationId: true }).optional(), succeded: z.boolean().optional() });
