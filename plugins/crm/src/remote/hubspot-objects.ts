import { NodeError } from '@sbss/sdk';
import { isObject } from '../records/item-fields.js';
import { type HubSpotApi, objectId, searchOne } from './hubspot-api.js';

export type Properties = Record<string, string | number | boolean>;
export interface Upserted {
  id: string;
  action: 'created' | 'updated';
}

/**
 * Search by email, then update or create. Search is eventually consistent, so a contact created
 * moments ago (say by the attempt before a retry) may not be found; the create then answers
 * 409 "Contact already exists. Existing ID: <id>" and that contact is updated instead.
 */
export async function upsertContact(
  api: HubSpotApi,
  email: string,
  properties: Properties,
): Promise<Upserted> {
  const found = await searchOne(api, 'contacts', 'email', email);
  if (found) return update(api, 'contacts', found, properties);
  const created = await api.send(
    'POST',
    '/crm/v3/objects/contacts',
    { properties: { ...properties, email } },
    [409],
  );
  if (created.status !== 409) return { id: objectId(created), action: 'created' };
  const message = isObject(created.body) ? String(created.body.message ?? '') : '';
  const existing = /Existing ID: (\d+)/.exec(message)?.[1];
  if (!existing)
    throw new NodeError('UPSTREAM_REJECTED', `HubSpot refused the contact: ${message}`, { status: 409 });
  return update(api, 'contacts', existing, properties);
}

async function update(api: HubSpotApi, type: string, id: string, properties: Properties): Promise<Upserted> {
  await api.send('PATCH', `/crm/v3/objects/${type}/${encodeURIComponent(id)}`, { properties });
  return { id, action: 'updated' };
}

export interface TicketRequest {
  /** A ticket created for this case before (param, local case, or node state). */
  knownId: string | undefined;
  /** A custom ticket property holding our key, searched before creating. */
  idempotency: { property: string; value: string } | undefined;
  properties: Properties;
  contactId: string | undefined;
}

/** Ticket to contact is HubSpot-defined association type 16 (CRM associations v4 type ids). */
const ticketToContact = 16;

export async function upsertTicket(api: HubSpotApi, request: TicketRequest): Promise<Upserted> {
  const { knownId, idempotency, properties, contactId } = request;
  if (knownId) {
    const patched = await api.send(
      'PATCH',
      `/crm/v3/objects/tickets/${encodeURIComponent(knownId)}`,
      { properties },
      [404],
    );
    // A ticket deleted in HubSpot since: open a new one rather than fail forever.
    if (patched.status !== 404) return { id: knownId, action: 'updated' };
  }
  const found = idempotency && (await searchOne(api, 'tickets', idempotency.property, idempotency.value));
  if (found) return update(api, 'tickets', found, properties);
  const body = {
    properties: idempotency ? { ...properties, [idempotency.property]: idempotency.value } : properties,
    ...(contactId
      ? {
          associations: [
            {
              to: { id: contactId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ticketToContact }],
            },
          ],
        }
      : {}),
  };
  return { id: objectId(await api.send('POST', '/crm/v3/objects/tickets', body)), action: 'created' };
}
