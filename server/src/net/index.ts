export {
  type AddressPolicy,
  type AddressPolicyOptions,
  type AddressVerdict,
  createAddressPolicy,
} from './address-policy.js';
export { hostPermitted } from './host-permission.js';
export type { ResolvedAddress, Resolver } from './resolve-target.js';
export { createHttpCapability, type HttpCapabilityOptions } from './safe-fetch.js';
