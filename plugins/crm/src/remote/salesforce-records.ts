import type { JsonObject } from '@sbss/sdk';
import { isObject, text } from '../records/item-fields.js';
import { createdId, queryFirstId, type SalesforceApi, soqlString } from './salesforce-api.js';

export interface Upserted {
  id: string;
  action: 'created' | 'updated';
}

/** Finds the contact by email with SOQL, then updates it (PATCH, 204) or creates it (POST, 201). */
export async function upsertSalesforceContact(
  api: SalesforceApi,
  email: string,
  fields: JsonObject,
): Promise<Upserted> {
  const found = await queryFirstId(api, `SELECT Id FROM Contact WHERE Email = ${soqlString(email)} LIMIT 1`);
  if (found) {
    await api.send('PATCH', `/sobjects/Contact/${encodeURIComponent(found)}`, fields);
    return { id: found, action: 'updated' };
  }
  return {
    id: createdId(await api.send('POST', '/sobjects/Contact', { ...fields, Email: email })),
    action: 'created',
  };
}

export interface CaseRequest {
  knownId: string | undefined;
  /** An External ID field on Case and our key for it: Salesforce upserts on it atomically. */
  externalId: { field: string; value: string } | undefined;
  fields: JsonObject;
}

export async function upsertSalesforceCase(api: SalesforceApi, request: CaseRequest): Promise<Upserted> {
  const { knownId, externalId, fields } = request;
  if (externalId) {
    // Upsert by external ID: 201 when created, 200 (or 204 before API v46) when it updated a match.
    const path = `/sobjects/Case/${encodeURIComponent(externalId.field)}/${encodeURIComponent(externalId.value)}`;
    const response = await api.send('PATCH', path, fields);
    const action = response.status === 201 ? 'created' : 'updated';
    const id =
      (isObject(response.body) ? text(response.body.id) : undefined) ??
      (await queryFirstId(
        api,
        `SELECT Id FROM Case WHERE ${externalId.field} = ${soqlString(externalId.value)} LIMIT 1`,
      ));
    return { id: id ?? '', action };
  }
  if (knownId) {
    const response = await api.send('PATCH', `/sobjects/Case/${encodeURIComponent(knownId)}`, fields, [404]);
    // A case deleted in Salesforce since: open a new one rather than fail forever.
    if (response.status !== 404) return { id: knownId, action: 'updated' };
  }
  return { id: createdId(await api.send('POST', '/sobjects/Case', fields)), action: 'created' };
}
