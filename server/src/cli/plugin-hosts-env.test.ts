import { describe, expect, it } from 'vitest';
import { parsePluginHosts } from './plugin-hosts-env.js';

describe('parsePluginHosts', () => {
  it('reads hosts per plugin and joins repeated plugins', () => {
    expect(
      parsePluginHosts('notify=robot.corp.example, chat.corp.example;crm=crm.local;notify=x.example'),
    ).toEqual({
      notify: ['robot.corp.example', 'chat.corp.example', 'x.example'],
      crm: ['crm.local'],
    });
  });

  it('refuses an entry without hosts', () => {
    expect(() => parsePluginHosts('notify')).toThrow(/plugin=host/);
  });
});
